#include "crmkit/complaint/calendar.hpp"

#include <cstdio>

#include <date/tz.h>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace {

const date::time_zone& zone_of(const void* zone) { return *static_cast<const date::time_zone*>(zone); }

constexpr int kHorizonDays = 3653;  // ten years: a calendar with no working time is an error

// libdate-tz builds its database on first use behind a function-local static whose fast path, inlined in the
// uninstrumented library, ThreadSanitizer cannot see: two desks opened at once on two threads are then reported
// as a race. Reaching the database through a static of our own makes the once-only construction visible.
// The lookup itself stays with the free function: the header declares tzdb::locate_zone with a string_view
// that Debian's library was not built with (it does not link).
const date::time_zone* locate_zone(const std::string& name) {
  static const date::tzdb& database = date::get_tzdb();
  static_cast<void>(database);
  return date::locate_zone(name);
}

}  // namespace

BusinessCalendar::BusinessCalendar(const std::string& time_zone) : zone_name_(time_zone) {
  try {
    zone_ = locate_zone(time_zone);
  } catch (const std::exception&) {
    throw Error(ErrorCode::invalid_argument, "time zone '" + time_zone +
                                                 "' is not in the tz database (an IANA name such as Europe/Berlin)");
  }
  week_.fill(WorkingHours{});
  week_[0] = week_[6] = WorkingHours{0, 0};
}

BusinessCalendar& BusinessCalendar::hours(int weekday, WorkingHours h) {
  require_lazy(weekday >= 0 && weekday <= 6, [&] { return "weekday " + std::to_string(weekday) + " is not 0 (Sunday) .. 6 (Saturday)"; });
  require_lazy(h.start_minute >= 0 && h.start_minute <= h.end_minute && h.end_minute <= 1440, [&] {
    return "working hours of weekday " + std::to_string(weekday) + " are minutes " + std::to_string(h.start_minute) +
           ".." + std::to_string(h.end_minute) + "; expected 0 <= start <= end <= 1440";
  });
  week_[static_cast<std::size_t>(weekday)] = h;
  return *this;
}

BusinessCalendar& BusinessCalendar::holiday(const std::string& local_date) {
  int year = 0, consumed = 0;
  unsigned month = 0, day = 0;
  const bool shaped = local_date.size() == 10 &&
                      std::sscanf(local_date.c_str(), "%4d-%2u-%2u%n", &year, &month, &day, &consumed) == 3 &&
                      consumed == 10;
  if (!shaped || !date::year_month_day{date::year{year}, date::month{month}, date::day{day}}.ok())
    throw Error(ErrorCode::parse_error, "holiday '" + local_date + "' is not a date YYYY-MM-DD");
  return holiday(year, month, day);
}

BusinessCalendar& BusinessCalendar::holiday(LocalDay day) {
  holidays_.insert(day.count());
  return *this;
}

BusinessCalendar& BusinessCalendar::holiday(int year, unsigned month, unsigned day) {
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  require_lazy(ymd.ok(), [&] { return "holiday " + std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day) + " is not a date"; });
  holidays_.insert(date::local_days{ymd}.time_since_epoch().count());
  return *this;
}

template <class Visit>
void BusinessCalendar::each_interval(Time from, Visit&& visit) const {
  const date::time_zone& zone = zone_of(zone_);
  // Start one local day early: `from` may fall in the previous local day's hours.
  const auto first = date::floor<date::days>(zone.to_local(from)) - date::days{1};
  for (int k = 0; k <= kHorizonDays; ++k) {
    const date::local_days day = first + date::days{k};
    if (holidays_.count(day.time_since_epoch().count()) != 0) continue;
    const WorkingHours& h = week_[date::weekday{day}.c_encoding()];
    if (h.start_minute == h.end_minute) continue;
    // A working-hour boundary inside a DST gap maps to the gap's end, one in an overlap to
    // its first occurrence: the working day never goes negative.
    const Time start = date::floor<Seconds>(zone.to_sys(day + std::chrono::minutes(h.start_minute), date::choose::earliest));
    const Time end = date::floor<Seconds>(zone.to_sys(day + std::chrono::minutes(h.end_minute), date::choose::earliest));
    if (end <= from) continue;
    if (!visit(std::max(start, from), end)) return;
  }
  throw Error(ErrorCode::invalid_argument, "calendar in " + zone_name_ + ": no answer within the ten years after " +
                                               format_time(from) +
                                               " (a span longer than ten years, or no working time in the hours and holidays)");
}

Seconds BusinessCalendar::working_time(Time from, Time to) const {
  Seconds total{0};
  if (to <= from) return total;
  each_interval(from, [&](Time start, Time end) {
    if (start >= to) return false;
    total += std::min(end, to) - start;
    return end < to;
  });
  return total;
}

Time BusinessCalendar::add_working_time(Time from, Seconds amount) const {
  require(amount >= Seconds(0), "working time to add must not be negative");
  Time out = from;
  if (amount == Seconds(0)) return out;  // an immediate target is due at once, even off hours
  each_interval(from, [&](Time start, Time end) {
    if (amount <= end - start) {
      out = start + amount;
      return false;
    }
    amount -= end - start;
    return true;
  });
  return out;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
