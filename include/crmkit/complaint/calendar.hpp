// Business calendars: weekly working hours in a time zone named by IANA (DST handled by
// Howard Hinnant's date/tz over the system tz database, /usr/share/zoneinfo on Debian),
// with holidays. The SLA clocks (sla.hpp) count working time on one of these, or plain
// elapsed time.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <set>
#include <string>

#include "crmkit/complaint/case.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

// Days since 1970-01-01 in the calendar's own time zone (a local date).
using LocalDay = std::chrono::duration<int, std::ratio<86400>>;

struct WorkingHours {
  int start_minute = 9 * 60;  // local time of day the working day starts
  int end_minute = 17 * 60;   // and ends (start < end <= 1440); start == end: a day off
};

class BusinessCalendar {
 public:
  // Monday to Friday 09:00-17:00 in `time_zone` (e.g. "Europe/Berlin"; invalid_argument
  // naming it when the tz database does not know it); the default is UTC.
  BusinessCalendar() : BusinessCalendar("UTC") {}
  explicit BusinessCalendar(const std::string& time_zone);
  // Hours for one weekday, 0 = Sunday ... 6 = Saturday (C's tm_wday).
  BusinessCalendar& hours(int weekday, WorkingHours h);
  // A holiday: a local date "2026-04-03" (no working time that day).
  BusinessCalendar& holiday(const std::string& local_date);
  BusinessCalendar& holiday(int year, unsigned month, unsigned day);

  // Working time in [from, to) (zero when to <= from).
  Seconds working_time(Time from, Time to) const;
  // The instant at which `amount` of working time has passed since `from`; invalid_argument
  // when the calendar has no working time in the ten years after `from`.
  Time add_working_time(Time from, Seconds amount) const;

  const std::string& time_zone() const noexcept { return zone_name_; }
  const std::array<WorkingHours, 7>& week() const noexcept { return week_; }
  // Holidays as local days since 1970-01-01, and one added that way (a stored calendar).
  const std::set<int>& holiday_days() const noexcept { return holidays_; }
  BusinessCalendar& holiday(LocalDay day);

 private:
  // Calls visit(start, end) for each working interval that ends after `from`, in time
  // order, until visit returns false; at most ten years of local days.
  template <class Visit>
  void each_interval(Time from, Visit&& visit) const;

  std::string zone_name_;
  const void* zone_;  // const date::time_zone*, kept out of this header
  std::array<WorkingHours, 7> week_;
  std::set<int> holidays_;  // local days since 1970-01-01
};

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
