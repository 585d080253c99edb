// Complaint analytics, computed from what the desk holds: its cases with their audit
// trails and pauses (in memory), and the recovery, satisfaction and imported-fact tables.
// Nothing here reads a clock: SLA compliance is judged at options.now (default: the
// desk's latest event).
//
// Definitions (README "Complaint analytics"):
// - volumes by channel (an imported row's original channel label, otherwise the desk's
//   channel name), by issue (the case's category: the root cause), by period (YYYY-MM of
//   opening, UTC);
// - Pareto of causes: descending count (ties by name); the vital few are the fewest causes
//   whose cumulative share reaches options.pareto_share (80%);
// - first-response time: opening to the first `listen`, for cases that had one; resolution
//   time: opening to the latest close, for closed cases; both with waiting-on-customer
//   pauses taken out, in calendar time and in business time (the desk's business calendar);
//   median and p90 by linear interpolation between order statistics (Hyndman & Fan type
//   7: position 1 + p (n - 1)); hours;
// - SLA compliance per channel and per priority, for the first-response and resolution
//   clocks of the desk's policy: met / (met + late + breached); a clock still running,
//   paused or idle is not judged yet;
// - reopen rate: cases reopened at least once / cases ever closed; empowerment: closed cases
//   never escalated / closed cases;
// - satisfaction: answers, and their mean on the stated scale mapped to [0, 1];
// - the complaint iceberg (see IcebergAssumptions) joined with per-customer lifetime value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/complaint/cfpb.hpp"
#include "crmkit/complaint/desk.hpp"
#include "crmkit/complaint/recovery.hpp"
#include "crmkit/complaint/review.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

// The material's figures (../shared/DOMAIN.md §4) as defaults: about 5% of dissatisfied
// customers complain, so each complainant stands for 1 / 0.05 = 20 dissatisfied customers,
// 19 of them silent (the material's "about 20 silent ones behind every complaint"); each
// dissatisfied customer tells 8-10 others (9, the middle).
struct IcebergAssumptions {
  double complaint_share = 0.05;  // in (0, 1]
  double word_of_mouth = 9;       // not negative
};

struct AnalyticsOptions {
  std::optional<Time> now;  // SLA judged here; default: the desk's latest event
  double pareto_share = 0.8;  // in (0, 1]
  IcebergAssumptions iceberg;
  // Per-customer lifetime value by customer reference, supplied by the caller: typically a
  // CLV model's predicted value per customer from the value pillar (value/clv), in one
  // currency. Empty: the iceberg has counts but no revenue at risk.
  std::map<std::string, double> customer_value;
};

struct Count {
  std::string key;
  std::size_t count = 0;
};
struct ParetoRow {
  std::string cause;
  std::size_t count = 0;
  double share = 0;
  double cumulative = 0;
  bool vital = false;  // among the vital few
};
struct Distribution {
  std::size_t cases = 0;
  double median_hours = 0;  // 0 when cases == 0
  double p90_hours = 0;
};
struct TimeDistributions {
  Distribution first_response_calendar, first_response_business;
  Distribution resolution_calendar, resolution_business;
};
struct Tally {
  std::size_t hits = 0, total = 0;
  std::optional<double> rate() const {
    return total == 0 ? std::nullopt : std::optional<double>(static_cast<double>(hits) / static_cast<double>(total));
  }
};
struct SlaCompliance {
  std::string key;        // channel label or priority name
  Tally first_response;   // hits: met; total: met + late + breached
  Tally resolution;
};
struct Iceberg {
  std::size_t complainants = 0;  // distinct customer references (a case without one counts alone)
  double dissatisfied = 0;       // complainants / complaint_share
  double silent = 0;             // dissatisfied - complainants
  double told = 0;               // dissatisfied * word_of_mouth
  // With customer_value: complainants valued at their own CLV (those missing from the map,
  // and the silent ones, at the mean CLV of the map's customers).
  bool valued = false;
  std::size_t complainants_valued = 0;  // found in the map
  double mean_value = 0;
  double revenue_at_risk = 0;
};
struct LagStats {
  std::string channel;
  std::size_t rows = 0;  // unflagged rows
  double mean_days = 0;
  double median_days = 0;
};
struct DisputeRate {
  std::string response;
  Tally disputed;  // hits: disputed; total: rows with this response
};
struct SatisfactionSummary {
  std::size_t answers = 0;
  std::optional<double> mean;  // on [0, 1]
};
struct RecoverySummary {
  std::size_t recoveries = 0;
  Tally apology, preventive, timely, proactive, feelings;  // hits among recoveries
  std::vector<RecoveryCost> cost_by_cause;
};

struct ComplaintReport {
  std::size_t cases = 0;
  std::int64_t events = 0;
  Time now{};
  std::vector<Count> by_channel, by_issue, by_period;  // by key
  std::vector<ParetoRow> pareto;
  std::size_t vital_few = 0;
  TimeDistributions times;
  std::vector<SlaCompliance> sla_by_channel, sla_by_priority;
  Tally reopened;     // hits: reopened cases; total: cases ever closed
  Tally empowerment;  // hits: closed without escalation; total: closed cases
  SatisfactionSummary satisfaction;
  RecoverySummary recovery;
  std::vector<HandlerQuality> handler_quality;
  Iceberg iceberg;
  // From imported rows (cfpb.hpp); empty without imports.
  std::vector<LagStats> forwarding_lag;  // by channel label, then "all" last
  std::vector<ImportNote> lag_excluded;  // the flagged rows left out, by line
  std::vector<DisputeRate> dispute_by_response;
  Tally timely;
};

ComplaintReport analyse(const Desk& desk, const AnalyticsOptions& options = {});

// The report's tables, as the C API and Python hand them out one at a time.
enum class ReportTable : std::uint8_t {
  by_channel, by_issue, by_period, pareto, sla_by_channel, sla_by_priority, forwarding_lag, lag_excluded,
  dispute_by_response, handler_quality, recovery_cost_by_cause
};
const NameTable& names(ReportTable);

// The order statistic at p in [0, 1] of sorted values (type 7); 0 for none.
double percentile(const std::vector<double>& sorted, double p);
// Dissatisfied, silent and told for a number of complainants (the iceberg's arithmetic).
Iceberg iceberg(std::size_t complainants, const IcebergAssumptions& assumptions);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
