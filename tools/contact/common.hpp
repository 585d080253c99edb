// Shared by the contact-centre commands (staff, kpi) and the demo's contact section:
// durations with units, the forecast file, and a figure/value result.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/output.hpp"

namespace crmkit_cli {

// Seconds of a duration: a number with an optional unit s, m or h ("180s", "30m", "1.5h";
// a bare number is seconds). Throws crmkit::Error(parse_error) "expected a duration ..."; the
// caller says where.
double seconds_of(std::string_view text);
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

// A result that is a list of named figures: a two-column table, CSV, or a JSON object.
using Figures = std::vector<std::pair<std::string, Cell>>;
void write_figures(Sink& sink, Format format, const Figures& figures);

}  // namespace crmkit_cli
