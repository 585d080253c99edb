// Calendar times as day numbers: days since 1970-01-01 00:00, with the time of day as a
// fraction. The integer part is the calendar day, which is what same-day merging uses.
#pragma once

#include <string>
#include <string_view>

namespace crmkit {
inline namespace v0 {
namespace io {

// The day numbers crmkit accepts wherever a time is given: from 0001-01-01 (day -719162)
// up to, not including, 10000-01-01 (day 2932897). Text dates have 4-digit years 0001-9999;
// numeric day numbers outside the range are refused rather than carried into summaries
// whose dates cannot be printed. Julian day numbers (2.4 million) still fit.
inline constexpr double kFirstDayNumber = -719162;  // 0001-01-01
inline constexpr double kEndDayNumber = 2932897;    // 10000-01-01, the first day refused

// Day number of a proleptic Gregorian date (no validation of the day of month).
long long days_from_civil(long long year, unsigned month, unsigned day) noexcept;

// A parsed time format. Formats:
//   "iso"   YYYY-MM-DD, optionally followed by 'T' or ' ' and HH:MM or HH:MM:SS, then an
//           optional 'Z' after a time ("2013-08-30T14:05:00Z"; the default). Fields are
//           zero-padded as ISO 8601 requires; other UTC offsets are refused, not ignored.
//   "days"  a plain number that already is a day number (in the range above)
//   otherwise strftime-like: %Y (4 digits), %m, %d, %H, %M, %S (1 or 2 digits, as strptime
//   reads them: "8/30/2013" matches "%m/%d/%Y"), %% and literal characters, e.g. "%Y%m%d"
//   for CDNOW's 19970101 or "%d/%m/%Y %H:%M". A field next to another field with no
//   separator ("%Y%m%d") must have all its digits, since nothing else tells where it ends.
//   Years are 0001-9999.
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
