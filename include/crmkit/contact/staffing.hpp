// Staffing: the fewest agents that meet a contact centre's targets, the agents to schedule
// once shrinkage (breaks, training, absence) is allowed for, and a plan over many intervals
// (e.g. 48 half-hours x 7 days = 336), of equal or different lengths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "crmkit/contact/erlang.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

// Targets a staffing level must meet; at least one must be set. The answer threshold of the
// service level ("20 s" of "80/20") is QueueOptions::answer_within; the default target is the
// industry's 80/20.
struct StaffingTargets {
  std::optional<double> service_level = 0.8;  // minimum share answered within answer_within, [0, 1]
  std::optional<double> asa;            // maximum average speed of answer, seconds, >= 0
  std::optional<double> max_occupancy;  // maximum agent occupancy, (0, 1]
};

struct StaffingOptions {
  QueueOptions queue;
  double shrinkage = 0;  // share of paid time agents are not on the phones, [0, 1)
};

struct Staffing {
  std::int64_t agents = 0;     // required on the phones
  std::int64_t scheduled = 0;  // to schedule: scheduled_agents(agents, shrinkage)
  QueueMetrics metrics;        // what `agents` achieve
};

// Agents to schedule so that `agents` remain after shrinkage: agents / (1 - shrinkage)
// rounded up, except that a quotient within 1e-9 (relative) above a whole number is that
// number: 21 / (1 - 0.3) is 30.000000000000004 in doubles and means 30, not 31.
std::int64_t scheduled_agents(std::int64_t agents, double shrinkage);

// The smallest number of agents meeting every target (service level, ASA and occupancy all
// improve as agents are added, so the first N that meets them is the answer). Erlang C
// searches upward from the smallest stable N (above the traffic, and at or above
// traffic / max_occupancy), carrying Erlang B's recurrence along, so 1,000 Erlangs costs
// about a thousand recurrence steps plus a few dozen evaluations; Erlang A brackets the answer
// by doubling and bisects. Throws invalid_argument naming the field for a bad workload,
// targets outside their ranges, no target, or shrinkage outside [0, 1); a service level of
// exactly 1 cannot be met with waiting calls and is refused under Erlang C for t = 0.
Staffing required_agents(const Workload& workload, const StaffingTargets& targets,
                         const StaffingOptions& options = {});

// The metrics of a given staffing (`crmkit staff --agents N`), with the agents to schedule.
Staffing evaluate_staffing(std::int64_t agents, const Workload& workload,
                           const StaffingOptions& options = {});

// A plan: required agents per interval. Intervals with no calls need no agents (their
// metrics are NaN and they do not enter the call-weighted totals).
struct PlanTotals {
  double calls = 0;
  double agent_hours = 0;            // sum of agents x interval length / 3600
  double scheduled_hours = 0;        // the same for the scheduled agents
  std::int64_t peak_agents = 0;
  std::int64_t peak_scheduled = 0;
  double service_level = 0;          // call-weighted mean of the achieved service levels
  double asa = 0;                    // answered-call-weighted mean ASA, s
  double p_abandon = 0;              // call-weighted abandonment probability
  double occupancy = 0;              // carried agent hours / agent hours
};

struct StaffingPlan {
  std::vector<Staffing> intervals;
  PlanTotals totals;
};

// n intervals given as columns: calls (>= 0), length (s, > 0) and aht (s, > 0; ignored when
// calls is 0). Errors name the interval: "interval 12: aht = 0: must be > 0".
StaffingPlan staffing_plan(const double* calls, const double* length, const double* aht,
                           std::size_t n, const StaffingTargets& targets,
                           const StaffingOptions& options = {});

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
