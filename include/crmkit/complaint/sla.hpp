// Reply targets (SLA) per channel and priority, and the clocks of one case: first response,
// next update and resolution. A clock counts working time on a business calendar or plain
// elapsed time (the policy says which) and stops while the case waits on the customer.
// Pauses live on the case, so re-applying another policy to an open case keeps them.
// Everything is computed from event times and the caller's `now`: no clock is read.
#pragma once

#include <array>
#include <optional>

#include "crmkit/complaint/calendar.hpp"
#include "crmkit/complaint/case.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

enum class ClockMode : std::uint8_t { calendar_time, business_time };
enum class ClockKind : std::uint8_t { first_response, next_update, resolution };
enum class ClockStatus : std::uint8_t {
  running,  // below the warning fraction
  warning,  // at or above the warning fraction, not yet due
  breached, // past due and not stopped
  met,      // stopped on or before due
  late,     // stopped after due
  paused,   // the case waits on the customer
  idle      // not started (next update before the first response)
};
const NameTable& names(ClockMode);
const NameTable& names(ClockKind);
const NameTable& names(ClockStatus);

struct SlaPolicy {
  ClockMode mode = ClockMode::calendar_time;
  BusinessCalendar calendar;  // used when mode == business_time
  // First response per channel (phone, email, chat, counter, web, letter): the material's
  // phone 24 h, e-mail 48 h, chat immediate; counter immediate and web as e-mail and letter
  // 120 h are this library's choice.
  std::array<Seconds, 6> first_response{std::chrono::hours(24), std::chrono::hours(48), Seconds(0),
                                        Seconds(0), std::chrono::hours(48), std::chrono::hours(120)};
  Seconds next_update = std::chrono::hours(72);
  // Resolution per priority (critical, high, normal, low).
  std::array<Seconds, 4> resolution{std::chrono::hours(24), std::chrono::hours(72), std::chrono::hours(168),
                                    std::chrono::hours(336)};
  double warning_fraction = 0.8;  // in (0, 1]
};

struct SlaClock {
  ClockKind kind = ClockKind::first_response;
  ClockStatus status = ClockStatus::idle;
  Seconds target{0};
  Time start{};
  std::optional<Time> due;      // empty while paused or idle
  std::optional<Time> stopped;  // when the clock's event happened
  Seconds elapsed{0};           // counted time at `now` (or when stopped), pauses excluded
};

// The three clocks of `c` at `now` (now must not precede the case's latest event).
std::array<SlaClock, 3> sla_clocks(const ComplaintCase& c, const SlaPolicy& policy, Time now);
// Whether any clock is breached or stopped late at `now`.
bool breached(const std::array<SlaClock, 3>& clocks) noexcept;

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
