#include "decision/files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/input.hpp"
#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace io = crmkit::io;
namespace decision = crmkit::decision;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

// One finite number, the whole of `text`.
bool parse_number(std::string_view text, double& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

// A judgment cell: blank (missing), a number, or a fraction "1/3".
double judgment(const io::CsvReader& reader, std::size_t i) {
  std::string_view text = reader.field(i);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return NAN;
  double x = 0, y = 0;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos ? parse_number(text, x)
                                      : parse_number(text.substr(0, slash), x) &&
                                            parse_number(text.substr(slash + 1), y) && y != 0) {
    return slash == std::string_view::npos ? x : x / y;
  }
  reader.fail(i, "'" + std::string(text) + "' is not a judgment (a number such as 3 or 0.5, "
                 "a fraction such as 1/3, or blank for a missing judgment)");
}

}  // namespace

PairwiseFile read_pairwise(const std::string& path, const io::CsvOptions& csv) {
  Input input(path, csv);
  io::CsvReader& reader = input.reader();
  PairwiseFile m;
  m.source = reader.name();
  m.names.assign(reader.header().begin() + (reader.header().empty() ? 0 : 1), reader.header().end());
  const std::size_t n = m.names.size();
  if (n == 0)
    throw Error(ErrorCode::parse_error, reader.name() + ":1: expected a header: a corner cell, "
                                                        "then one name per element");
  std::size_t row = 0;
  while (reader.next()) {
    if (row == n) reader.fail(0, "more rows than the " + std::to_string(n) + " named in the header");
    const std::string name(reader.field(0));
    if (name != m.names[row])
      reader.fail(0, "row '" + name + "' where the header's order expects '" + m.names[row] + "'");
    for (std::size_t j = 0; j < n; ++j) m.values.push_back(judgment(reader, j + 1));
    ++row;
  }
  if (row < n)
    throw Error(ErrorCode::parse_error, reader.name() + ": " + std::to_string(row) + " rows for the " +
                                            std::to_string(n) + " elements of the header");
  return m;
}

DecisionFile read_decision(const std::string& path) {
  Input input(path, crmkit::io::CsvOptions{});
  crmkit::io::CsvReader& reader = input.reader();
  DecisionFile f;
  f.name = input.name();
  const std::vector<std::string>& header = reader.header();
  if (header.size() < 2)
    throw Error(crmkit::ErrorCode::parse_error,
                f.name + ":1: a decision file has a first column of alternative names and one column per criterion");
  decision::DecisionMatrix& m = f.matrix;
  m.criteria = header.size() - 1;
  m.criterion_names.assign(header.begin() + 1, header.end());
  while (reader.next()) {
    m.alternative_names.emplace_back(reader.field(0));
    for (std::size_t j = 1; j < header.size(); ++j) m.values.push_back(reader.number(j));  // FILE:LINE:COL
    f.lines.push_back(reader.line());
  }
  m.alternatives = m.alternative_names.size();
  return f;
}

namespace {

std::vector<double> column(const decision::DecisionMatrix& m, std::size_t j) {
  std::vector<double> out(m.alternatives);
  for (std::size_t i = 0; i < m.alternatives; ++i) out[i] = m(i, j);
  return out;
}

}  // namespace

RankingsFile read_rankings(const std::string& path, const std::string& expert_name, const std::string& team_name) {
  RankingsFile out;
  out.file = read_decision(path);
  const DecisionFile& f = out.file;
  const decision::DecisionMatrix& m = f.matrix;
  const auto find = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(m.criterion_names.begin(), m.criterion_names.end(), name) -
                                    m.criterion_names.begin());
  };
  const std::size_t expert = expert_name.empty() ? m.criteria : find(expert_name);
  if (!expert_name.empty() && expert == m.criteria)
    throw Error(ErrorCode::invalid_argument, f.name + ": no column '" + expert_name + "' (--expert)");
  const std::size_t team = find(team_name);  // optional: absent means no team ranking
  decision::Rankings& r = out.members;
  r.items = m.alternatives;
  r.item_names = m.alternative_names;
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < m.criteria; ++j)
    if (j != expert && j != team) {
      kept.push_back(j);
      r.member_names.push_back(m.criterion_names[j]);
    }
  r.members = kept.size();
  if (r.members == 0)
    throw Error(ErrorCode::invalid_argument, f.name + ": no member columns besides the team and the expert");
  for (std::size_t i = 0; i < m.alternatives; ++i)
    for (std::size_t j : kept) r.ranks.push_back(m(i, j));
  if (team < m.criteria) out.team = column(m, team);
  if (expert < m.criteria) out.expert = column(m, expert);
  return out;
}

SwotFile read_swot(const std::string& path) {
  Input input(path, io::CsvOptions{});
  io::CsvReader& reader = input.reader();
  SwotFile f;
  f.name = input.name();
  const std::size_t group = reader.column("group"), factor = reader.column("factor"),
                    weight = reader.column("weight"), rating = reader.column("rating");
  const std::vector<std::string>& header = reader.header();
  const auto note = static_cast<std::size_t>(std::find(header.begin(), header.end(), "note") - header.begin());
  while (reader.next()) {
    decision::SwotFactor x;
    try {
      x.group = crmkit::parse_enum<decision::SwotGroup>(reader.field(group));
    } catch (const Error& e) {
      reader.fail(group, e.what());
    }
    x.name = std::string(reader.field(factor));
    x.weight = reader.number(weight);
    x.rating = reader.number(rating);
    if (note < header.size()) x.note = std::string(reader.field(note));
    f.factors.push_back(std::move(x));
  }
  return f;
}

}  // namespace crmkit_cli
