// The CDNOW summary the mining tests use: every line of data/cdnow/CDNOW_master.txt as a
// sale (no same-day merging), days, calibration to 1997-09-30, holdout to 1998-06-30 -- the
// split tests/value/reference/mining_sklearn.py rebuilds on its own for scikit-learn.
#pragma once

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cdnow_master.hpp"
#include "crmkit/value/features.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit_test {

inline const crmkit::value::SummaryTable& cdnow_split() {
  static const crmkit::value::SummaryTable table = [] {
    const std::string path = std::string(CRMKIT_TEST_DATA_DIR) + "/cdnow/CDNOW_master.txt";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::string header;
    std::getline(in, header);
    std::vector<std::int64_t> ids;
    std::vector<double> days, dollars;
    std::int64_t id = 0, date = 0, cds = 0;
    double amount = 0;
    while (in >> id >> date >> cds >> amount) {
      ids.push_back(id);
      days.push_back(static_cast<double>(cdnow::day_of(date)));
      dollars.push_back(amount);
    }
    crmkit::value::SummaryOptions o;
    o.unit = crmkit::value::TimeUnit::day;
    o.end = static_cast<double>(cdnow::day_of(19970930));
    o.holdout_end = static_cast<double>(cdnow::end_day());
    return crmkit::value::summarize(ids, days, dollars, o);
  }();
  return table;
}

}  // namespace crmkit_test
