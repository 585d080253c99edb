#include "crmkit/io/time.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

long long days_from_civil(long long year, unsigned month, unsigned day) noexcept {
  // Count from 0000-03-01 so that the leap day falls at the end of the counting year; then
  // whole 400-year eras (146097 days) keep the arithmetic exact for any year.
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long year_of_era = year - era * 400;                              // [0, 399]
  const long long month_index = month > 2 ? month - 3 : month + 9;            // Mar = 0
  const long long day_of_year = (153 * month_index + 2) / 5 + day - 1;        // [0, 365]
  const long long day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

namespace {

bool is_leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(long long y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

[[noreturn]] void bad_time(std::string_view text, const std::string& expected) {
  throw Error(ErrorCode::parse_error,
              "cannot read time '" + std::string(text) + "' (expected " + expected + ")");
}

// Reads min_width to max_width digits at text[pos], as many as there are.
bool read_digits(std::string_view text, std::size_t& pos, int min_width, int max_width,
                 int& out) {
  int v = 0, k = 0;
  for (; k < max_width && pos + static_cast<std::size_t>(k) < text.size(); ++k) {
    char c = text[pos + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
  }
  if (k < min_width) return false;
  pos += static_cast<std::size_t>(k);
  out = v;
  return true;
}

bool read_digits(std::string_view text, std::size_t& pos, int width, int& out) {
  return read_digits(text, pos, width, width, out);
}

struct Fields {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

double to_day_number(const Fields& f, std::string_view text, const std::string& expected) {
  if (f.year < 1) bad_time(text, expected + "; year out of range (0001-9999)");
  if (f.month < 1 || f.month > 12) bad_time(text, expected + "; month out of range");
  if (f.day < 1 || static_cast<unsigned>(f.day) > days_in_month(f.year, static_cast<unsigned>(f.month)))
    bad_time(text, expected + "; day out of range");
  if (f.hour > 23 || f.minute > 59 || f.second > 60) bad_time(text, expected + "; time of day out of range");
  return static_cast<double>(days_from_civil(f.year, static_cast<unsigned>(f.month),
                                             static_cast<unsigned>(f.day))) +
         (f.hour * 3600.0 + f.minute * 60.0 + f.second) / 86400.0;
}

double parse_iso(std::string_view text) {
  static const std::string expected = "YYYY-MM-DD[ HH:MM[:SS]] or YYYY-MM-DDTHH:MM[:SS][Z]";
  Fields f;
  std::size_t pos = 0;
  if (!read_digits(text, pos, 4, f.year) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, f.month) || pos >= text.size() || text[pos++] != '-' ||
      !read_digits(text, pos, 2, f.day))
    bad_time(text, expected);
  if (pos < text.size()) {
    if (text[pos] != ' ' && text[pos] != 'T') bad_time(text, expected);
    ++pos;
    if (!read_digits(text, pos, 2, f.hour) || pos >= text.size() || text[pos++] != ':' ||
        !read_digits(text, pos, 2, f.minute))
      bad_time(text, expected);
    if (pos < text.size() && text[pos] == ':' && !read_digits(text, ++pos, 2, f.second))
      bad_time(text, expected);
    if (pos + 1 == text.size() && text[pos] == 'Z') ++pos;  // UTC, which day numbers are in
    if (pos != text.size()) bad_time(text, expected);
  }
  return to_day_number(f, text, expected);
}

double parse_days(std::string_view text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  static const std::string expected =
      "a number of days from -719162 (0001-01-01) to below 2932897 (10000-01-01)";
  if (ec != std::errc() || end != text.data() + text.size() || !(v >= kFirstDayNumber) ||
      !(v < kEndDayNumber))
    bad_time(text, expected);
  return v;
}

// `expected` describes the format for messages; made once per TimeFormat, not per call.
double parse_pattern(std::string_view text, const std::string& format,
                     const std::string& expected) {
  Fields f;
  std::size_t pos = 0;
  bool after_field = false;  // the previous item of the format was a field
  for (std::size_t k = 0; k < format.size(); ++k) {
    if (format[k] != '%' || format[k + 1] == '%') {  // the constructor checked every '%'
      if (pos >= text.size() || text[pos] != format[k]) bad_time(text, expected);
      ++pos;
      if (format[k] == '%') ++k;
      after_field = false;
      continue;
    }
    // Like strptime, a 2-digit field may have one digit ("8/30/2013"), but not next to
    // another field with no separator ("%Y%m%d"): there only the width says where it ends.
    const bool field_follows = k + 3 < format.size() && format[k + 2] == '%' && format[k + 3] != '%';
    const int min_width = after_field || field_follows ? 2 : 1;
    after_field = true;
    bool ok = false;
    switch (format[++k]) {
      case 'Y': ok = read_digits(text, pos, 4, f.year); break;
      case 'm': ok = read_digits(text, pos, min_width, 2, f.month); break;
      case 'd': ok = read_digits(text, pos, min_width, 2, f.day); break;
      case 'H': ok = read_digits(text, pos, min_width, 2, f.hour); break;
      case 'M': ok = read_digits(text, pos, min_width, 2, f.minute); break;
      case 'S': ok = read_digits(text, pos, min_width, 2, f.second); break;
      default: break;
    }
    if (!ok) bad_time(text, expected);
  }
  if (pos != text.size()) bad_time(text, expected);
  return to_day_number(f, text, expected);
}

}  // namespace

TimeFormat::TimeFormat(std::string format) : format_(std::move(format)) {
  if (format_ == "iso" || format_ == "days") {
    kind_ = format_ == "iso" ? Kind::iso : Kind::days;
    return;
  }
  kind_ = Kind::pattern;
  expected_ = "format '" + format_ + "'";
  require(!format_.empty(), "time format is empty");
  for (std::size_t k = 0; k < format_.size(); ++k) {
    if (format_[k] != '%') continue;
    require(k + 1 < format_.size() &&
                std::string_view("YmdHMS%").find(format_[k + 1]) != std::string_view::npos,
            "time format '" + format_ + "': unsupported directive at position " +
                std::to_string(k + 1) + " (supported: %Y %m %d %H %M %S %%)");
    ++k;
  }
}

double TimeFormat::parse(std::string_view text) const {
  switch (kind_) {
    case Kind::iso: return parse_iso(text);
    case Kind::days: return parse_days(text);
    case Kind::pattern: break;
  }
  return parse_pattern(text, format_, expected_);
}

double parse_time(std::string_view text, const std::string& format) {
  return TimeFormat(format).parse(text);
}

std::string format_date(double day_number) {
  // Inverse of days_from_civil, same era decomposition.
  long long z = static_cast<long long>(std::floor(day_number)) + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long day_of_era = z - era * 146097;
  const long long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long long month_index = (5 * day_of_year + 2) / 153;
  const long long day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const long long month = month_index < 10 ? month_index + 3 : month_index - 9;
  const long long year = year_of_era + era * 400 + (month <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", year, month, day);
  return buf;
}

std::string format_time(double day_number) {
  double day = std::floor(day_number);
  long long seconds = std::llround((day_number - day) * 86400.0);
  if (seconds == 0) return format_date(day);
  if (seconds >= 86400) return format_date(day + 1);
  char buf[64];
  std::snprintf(buf, sizeof buf, " %02lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
  return format_date(day) + buf;
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
