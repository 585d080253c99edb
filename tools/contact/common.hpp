// Shared by the contact-centre commands (staff, kpi) and the demo's contact section:
// durations with units, the forecast file, and a figure/value result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/output.hpp"
#include "crmkit/contact/kpi.hpp"
#include "crmkit/error.hpp"

namespace crmkit_cli {

// Seconds of a duration: a number with an optional unit s, m or h ("180s", "30m", "1.5h";
// a bare number is seconds). Throws crmkit::Error(parse_error) "expected a duration ..."; the
// caller says where.
double seconds_of(std::string_view text);
// A duration as the shortest of those texts that reads back exactly: 1800 -> "30m".
std::string duration_text(double seconds);
// The same for a command-line option: a UsageError naming the option.
double option_seconds(const std::string& option, const std::string& text);

// A forecast: one row per interval. Columns (by header name): start (an ISO time, the
// interval's first moment), length (a duration; the column may be absent, then
// `default_length`), calls (>= 0) and aht (a duration).
struct Forecast {
  std::string source;
  std::vector<std::string> start;
  std::vector<double> start_day;  // start as a day number
  std::vector<double> length, calls, aht;
  std::vector<long long> lines;   // file line of each interval
};
// Errors name FILE:LINE:COL.
Forecast read_forecast(const std::string& path, double default_length);

// Text ids (channel, agent) numbered in order of first appearance.
struct Names {
  std::map<std::string, std::int64_t> code;
  std::vector<std::string> name;
  std::int64_t of(std::string_view text);
};

// An interaction log read from CSV (columns in README and `crmkit kpi --help`): the core's
// columns, channel and agent names, and the file line of each contact.
struct ContactLog {
  std::string source;
  std::vector<long long> lines;
  std::vector<std::int64_t> channel, agent;
  std::vector<double> arrival, answered, abandoned, end, satisfaction;
  std::vector<std::uint8_t> ivr, transferred, resolved;
  Names channels, agents;

  crmkit::contact::ContactColumns columns() const;
};
// Errors name FILE:LINE:COL.
ContactLog read_contact_log(const std::string& path);

// A core error about "<row_word> N: ..." (rows numbered from `first`: 0 for contacts, 1 for
// intervals) restated as "SOURCE:LINE: ..." with the row's file line; other errors unchanged.
crmkit::Error at_file_line(const crmkit::Error& e, const std::string& row_word, std::size_t first,
                           const std::string& source, const std::vector<long long>& lines);

// A result that is a list of named figures: a two-column table, CSV, or a JSON object.
using Figures = std::vector<std::pair<std::string, Cell>>;
void write_figures(Sink& sink, Format format, const Figures& figures);

}  // namespace crmkit_cli
