// Test-local reader for the small numeric CSV files under data/ (header line, then rows of
// comma-separated numbers). Kept minimal on purpose: the tests check the models, not I/O.
#pragma once

#include <Eigen/Core>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace crmkit_test {

inline std::string data_path(const std::string& relative) {
  return std::string(CRMKIT_TEST_DATA_DIR) + "/" + relative;
}

struct Columns {
  std::map<std::string, std::vector<double>> columns;
  Eigen::VectorXd operator[](const std::string& name) const {
    const auto it = columns.find(name);
    if (it == columns.end()) throw std::runtime_error("test data: no column " + name);
    return Eigen::Map<const Eigen::VectorXd>(it->second.data(),
                                             static_cast<Eigen::Index>(it->second.size()));
  }
};

inline Columns read_numeric_csv(const std::string& relative) {
  std::ifstream in(data_path(relative));
  if (!in) throw std::runtime_error("test data: cannot open " + data_path(relative));
  std::string line;
  // Some files under data/ are CRLF (copied byte-for-byte); drop the carriage return.
  auto next_line = [&in, &line]() {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  next_line();
  std::vector<std::string> names;
  {
    std::istringstream header(line);
    std::string cell;
    while (std::getline(header, cell, ',')) names.push_back(cell);
  }
  Columns out;
  while (next_line()) {
    if (line.empty()) continue;
    std::istringstream row(line);
    std::string cell;
    for (const auto& name : names) {
      if (!std::getline(row, cell, ',')) throw std::runtime_error("test data: short row " + line);
      out.columns[name].push_back(std::stod(cell));
    }
  }
  return out;
}

}  // namespace crmkit_test
