#include "crmkit/contact/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "contact/queue.hpp"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

namespace {

void validate(const StaffingTargets& t) {
  require(t.service_level || t.asa || t.max_occupancy,
          "no staffing target: give a service level, an ASA or a maximum occupancy");
  if (t.service_level)
    require(*t.service_level >= 0 && *t.service_level <= 1,
            "service level target = " + detail::number_text(*t.service_level) + ": must be in [0, 1]");
  if (t.asa)
    require(std::isfinite(*t.asa) && *t.asa >= 0,
            "ASA target = " + detail::number_text(*t.asa) + " s: must be a finite number >= 0");
  if (t.max_occupancy)
    require(*t.max_occupancy > 0 && *t.max_occupancy <= 1,
            "maximum occupancy = " + detail::number_text(*t.max_occupancy) + ": must be in (0, 1]");
}

void validate(const StaffingOptions& o) {
  detail::validate(o.queue);
  require(o.shrinkage >= 0 && o.shrinkage < 1,
          "shrinkage = " + detail::number_text(o.shrinkage) + ": must be in [0, 1)");
}

bool meets(const QueueMetrics& m, const StaffingTargets& t) {
  return (!t.service_level || m.service_level >= *t.service_level) && (!t.asa || m.asa <= *t.asa) &&
         (!t.max_occupancy || m.occupancy <= *t.max_occupancy);
}

// Beyond this many agents a target is taken as unreachable (the waiting probability has long
// underflowed to 0 by then, so every reachable target is met below it).
std::int64_t agent_limit(double traffic) { return static_cast<std::int64_t>(10 * traffic) + 10000; }

[[noreturn]] void unreachable(const Workload& w) {
  throw Error(ErrorCode::invalid_argument, "no staffing up to " + std::to_string(agent_limit(w.traffic())) +
                                               " agents meets the targets for " + detail::number_text(w.traffic()) +
                                               " Erlangs");
}

// Erlang C: upward from the smallest N that can qualify, B carried by its recurrence.
QueueMetrics search_erlang_c(const Workload& w, const StaffingTargets& t, double answer_within) {
  const double a = w.traffic();
  // Every N below `start` fails: N <= A is unstable, N < A / max_occupancy too busy.
  std::int64_t start = static_cast<std::int64_t>(std::floor(a)) + 1;
  if (t.max_occupancy) start = std::max(start, static_cast<std::int64_t>(std::floor(a / *t.max_occupancy)));
  if (static_cast<double>(start) <= a) ++start;  // floor(a) + 1 can round to a for huge a
  double b = erlang_b(start, a);
  for (std::int64_t n = start; n <= agent_limit(a); b = detail::erlang_b_step(++n, a, b)) {
    const QueueMetrics m = detail::erlang_c_metrics(n, w, answer_within, b);
    if (meets(m, t)) return m;
  }
  unreachable(w);
}

// Erlang A: any N >= 1 is stable; bracket by doubling, then bisect (the metrics improve with N).
QueueMetrics search_erlang_a(const Workload& w, const StaffingTargets& t, const QueueOptions& o) {
  const double a = w.traffic();
  const auto at = [&](std::int64_t n) { return detail::erlang_a_metrics(n, w, o, erlang_b(n, a)); };
  std::int64_t low = 0;  // fails (no agents answer nothing)
  std::int64_t high = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(a)));
  QueueMetrics best = at(high);
  while (!meets(best, t)) {
    if (high > agent_limit(a)) unreachable(w);
    low = high;
    high *= 2;
    best = at(high);
  }
  while (high - low > 1) {
    const std::int64_t mid = low + (high - low) / 2;
    const QueueMetrics m = at(mid);
    if (meets(m, t)) {
      high = mid;
      best = m;
    } else {
      low = mid;
    }
  }
  return best;
}

Staffing staffing_of(const QueueMetrics& m, double shrinkage) {
  return Staffing{m.agents, scheduled_agents(m.agents, shrinkage), m};
}

}  // namespace

std::int64_t scheduled_agents(std::int64_t agents, double shrinkage) {
  require(agents >= 0, "agents = " + std::to_string(agents) + ": must be >= 0");
  require(shrinkage >= 0 && shrinkage < 1, "shrinkage = " + detail::number_text(shrinkage) + ": must be in [0, 1)");
  const double exact = static_cast<double>(agents) / (1 - shrinkage);
  // 21 / 0.7 = 30.000000000000004: a quotient this close above a whole number is that number.
  return static_cast<std::int64_t>(std::ceil(exact * (1 - 1e-9)));
}

Staffing required_agents(const Workload& workload, const StaffingTargets& targets,
                         const StaffingOptions& options) {
  validate(workload);
  validate(targets);
  validate(options);
  const QueueMetrics m = options.queue.model == QueueModel::erlang_c
                             ? search_erlang_c(workload, targets, options.queue.answer_within)
                             : search_erlang_a(workload, targets, options.queue);
  return staffing_of(m, options.shrinkage);
}

Staffing evaluate_staffing(std::int64_t agents, const Workload& workload, const StaffingOptions& options) {
  validate(options);
  return staffing_of(evaluate(agents, workload, options.queue), options.shrinkage);
}

StaffingPlan staffing_plan(const double* calls, const double* length, const double* aht, std::size_t n,
                           const StaffingTargets& targets, const StaffingOptions& options) {
  validate(targets);
  validate(options);
  require(n == 0 || (calls != nullptr && length != nullptr && aht != nullptr),
          "calls, length and aht must not be null");
  StaffingPlan plan;
  plan.intervals.reserve(n);
  PlanTotals& t = plan.totals;
  double sl_calls = 0, answered = 0, asa_weight = 0, carried_hours = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string where = "interval " + std::to_string(i + 1) + ": ";
    require(std::isfinite(calls[i]) && calls[i] >= 0,
            where + "calls = " + detail::number_text(calls[i]) + ": must be a finite number >= 0");
    require(std::isfinite(length[i]) && length[i] > 0,
            where + "length = " + detail::number_text(length[i]) + " s: must be a finite number > 0");
    if (calls[i] == 0) {
      constexpr double nan = std::numeric_limits<double>::quiet_NaN();
      QueueMetrics none;
      none.service_level = none.asa = none.asa_delayed = none.p_wait = none.p_abandon = nan;
      none.queue_length = none.occupancy = nan;
      plan.intervals.push_back(Staffing{0, 0, none});
      continue;
    }
    try {
      plan.intervals.push_back(required_agents(Workload{calls[i], length[i], aht[i]}, targets, options));
    } catch (const Error& e) {
      throw Error(e.code(), where + e.what());
    }
    const Staffing& s = plan.intervals.back();
    const double hours = length[i] / 3600;
    t.calls += calls[i];
    t.agent_hours += static_cast<double>(s.agents) * hours;
    t.scheduled_hours += static_cast<double>(s.scheduled) * hours;
    t.peak_agents = std::max(t.peak_agents, s.agents);
    t.peak_scheduled = std::max(t.peak_scheduled, s.scheduled);
    sl_calls += calls[i] * s.metrics.service_level;
    t.p_abandon += calls[i] * s.metrics.p_abandon;
    answered += calls[i] * (1 - s.metrics.p_abandon);
    asa_weight += calls[i] * (1 - s.metrics.p_abandon) * s.metrics.asa;
    carried_hours += s.metrics.occupancy * static_cast<double>(s.agents) * hours;
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  t.service_level = t.calls > 0 ? sl_calls / t.calls : nan;
  t.p_abandon = t.calls > 0 ? t.p_abandon / t.calls : nan;
  t.asa = answered > 0 ? asa_weight / answered : nan;
  t.occupancy = t.agent_hours > 0 ? carried_hours / t.agent_hours : nan;
  return plan;
}

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
