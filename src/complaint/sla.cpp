#include "crmkit/complaint/sla.hpp"

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

const NameTable& names(ClockMode) {
  static constexpr const char* kNames[] = {"calendar", "business"};
  static constexpr NameTable table("clock mode", kNames);
  return table;
}
const NameTable& names(ClockKind) {
  static constexpr const char* kNames[] = {"first_response", "next_update", "resolution"};
  static constexpr NameTable table("SLA clock", kNames);
  return table;
}
const NameTable& names(ClockStatus) {
  static constexpr const char* kNames[] = {"running", "warning", "breached", "met", "late", "paused", "idle"};
  static constexpr NameTable table("SLA clock status", kNames);
  return table;
}

namespace {

// Counting and adding time as the policy says, with the case's pauses taken out.
class Counter {
 public:
  Counter(const SlaPolicy& policy, const std::vector<Pause>& pauses) : policy_(policy), pauses_(pauses) {}

  Seconds counted(Time from, Time to) const {
    if (to <= from) return Seconds(0);
    Seconds total = plain(from, to);
    for (const Pause& p : pauses_) {
      const Time a = std::max(p.start, from), b = std::min(p.end.value_or(to), to);
      if (a < b) total -= plain(a, b);
    }
    return total;
  }

  // When `amount` has been counted since `from`; empty when an open pause comes first.
  std::optional<Time> due(Time from, Seconds amount) const {
    Time cursor = from;
    for (const Pause& p : pauses_) {
      if (p.end && *p.end <= cursor) continue;
      const Time pause_start = std::max(p.start, cursor);
      const Time candidate = add(cursor, amount);
      if (candidate <= pause_start) return candidate;
      amount -= plain(cursor, pause_start);
      if (!p.end) return std::nullopt;
      cursor = *p.end;
    }
    return add(cursor, amount);
  }

 private:
  Seconds plain(Time from, Time to) const {
    return policy_.mode == ClockMode::business_time ? policy_.calendar.working_time(from, to) : to - from;
  }
  Time add(Time from, Seconds amount) const {
    return policy_.mode == ClockMode::business_time ? policy_.calendar.add_working_time(from, amount) : from + amount;
  }

  const SlaPolicy& policy_;
  const std::vector<Pause>& pauses_;
};

SlaClock run_clock(const Counter& counter, const SlaPolicy& policy, ClockKind kind, Seconds target,
                   std::optional<Time> start, std::optional<Time> stopped, bool waiting, Time now) {
  SlaClock clock;
  clock.kind = kind;
  clock.target = target;
  if (!start) return clock;  // idle
  clock.start = *start;
  clock.stopped = stopped;
  clock.due = counter.due(*start, target);
  const Time end = stopped.value_or(now);
  clock.elapsed = counter.counted(*start, end);
  if (stopped) {
    clock.status = clock.due && *stopped <= *clock.due ? ClockStatus::met : ClockStatus::late;
  } else if (clock.due && now > *clock.due) {
    clock.status = ClockStatus::breached;
  } else if (waiting) {
    clock.status = ClockStatus::paused;
  } else {
    const double fraction = target.count() == 0 ? 1.0 : static_cast<double>(clock.elapsed.count()) / static_cast<double>(target.count());
    clock.status = fraction >= policy.warning_fraction ? ClockStatus::warning : ClockStatus::running;
  }
  return clock;
}

}  // namespace

std::array<SlaClock, 3> sla_clocks(const ComplaintCase& c, const SlaPolicy& policy, Time now) {
  require(policy.warning_fraction > 0 && policy.warning_fraction <= 1, "SLA warning fraction must be in (0, 1]");
  const Time latest = c.audit.empty() ? c.opened : c.audit.back().time;
  require_lazy(now >= latest, [&] {
    return "case '" + c.id + "': clocks asked at " + format_time(now) + ", before its latest event at " + format_time(latest);
  });
  const Counter counter(policy, c.pauses);
  const bool waiting = c.state == CaseState::waiting;
  const bool final = is_final(c.state);
  const std::optional<Time> closed = final ? c.closed : std::nullopt;
  return {run_clock(counter, policy, ClockKind::first_response,
                    policy.first_response[static_cast<std::size_t>(c.channel)], c.opened,
                    c.first_response ? c.first_response : closed, waiting, now),
          run_clock(counter, policy, ClockKind::next_update, policy.next_update,
                    c.first_response ? std::optional<Time>(c.last_update.value_or(*c.first_response)) : std::nullopt,
                    closed, waiting, now),
          run_clock(counter, policy, ClockKind::resolution,
                    policy.resolution[static_cast<std::size_t>(c.priority)], c.opened, closed, waiting, now)};
}

bool breached(const std::array<SlaClock, 3>& clocks) noexcept {
  for (const SlaClock& c : clocks)
    if (c.status == ClockStatus::breached || c.status == ClockStatus::late) return true;
  return false;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
