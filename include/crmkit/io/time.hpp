// Calendar times as day numbers: days since 1970-01-01 00:00, with the time of day as a
// fraction. The integer part is the calendar day, which is what same-day merging uses.
#pragma once

#include <string>
#include <string_view>

namespace crmkit {
inline namespace v0 {
namespace io {

// Day number of a proleptic Gregorian date (no validation of the day of month).
long long days_from_civil(long long year, unsigned month, unsigned day) noexcept;

// A parsed time format. Formats:
//   "iso"   YYYY-MM-DD, optionally followed by 'T' or ' ' and HH:MM or HH:MM:SS (the default)
//   "days"  a plain number that already is a day number
//   otherwise strftime-like: %Y (4 digits), %m, %d, %H, %M, %S (2 digits), %% and literal
//   characters, e.g. "%Y%m%d" for CDNOW's 19970101 or "%d/%m/%Y %H:%M".
class TimeFormat {
 public:
  explicit TimeFormat(std::string format = "iso");
  // Parses one field; throws parse_error saying what was expected (the caller adds where).
  double parse(std::string_view text) const;
  const std::string& text() const noexcept { return format_; }

 private:
  enum class Kind { iso, days, pattern };
  std::string format_;
  std::string expected_;  // the format as described in error messages
  Kind kind_ = Kind::iso;
};

// Convenience: TimeFormat(format).parse(text).
double parse_time(std::string_view text, const std::string& format = "iso");

// "YYYY-MM-DD" of the day a day number falls on (for reports and error messages).
std::string format_date(double day_number);
// format_date, plus " HH:MM:SS" when the day number has a time of day.
std::string format_time(double day_number);

}  // namespace io
}  // namespace v0
}  // namespace crmkit
