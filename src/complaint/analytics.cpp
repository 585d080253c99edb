#include "crmkit/complaint/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "crmkit/complaint/cfpb.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

const NameTable& names(ReportTable) {
  static constexpr const char* kNames[] = {"by_channel",      "by_issue",       "by_period",          "pareto",
                                           "sla_by_channel",  "sla_by_priority", "forwarding_lag",    "lag_excluded",
                                           "dispute_by_response", "handler_quality", "recovery_cost_by_cause"};
  static constexpr NameTable table("report table", kNames);
  return table;
}

namespace {

constexpr double kHour = 3600.0;

std::vector<Count> counts_of(const std::map<std::string, std::size_t>& m) {
  std::vector<Count> out;
  for (const auto& [k, n] : m) out.push_back({k, n});
  return out;
}

Distribution distribution_of(std::vector<double>& hours) {
  std::sort(hours.begin(), hours.end());
  return {hours.size(), percentile(hours, 0.5), percentile(hours, 0.9)};
}

std::vector<ParetoRow> pareto_of(const std::map<std::string, std::size_t>& by_cause, std::size_t total, double share,
                                 std::size_t& vital_few) {
  std::vector<ParetoRow> rows;
  for (const auto& [cause, n] : by_cause) rows.push_back({cause, n, 0, 0, false});
  // Stable sort over the map's name order: ties stay by name.
  std::stable_sort(rows.begin(), rows.end(), [](const ParetoRow& a, const ParetoRow& b) { return a.count > b.count; });
  std::size_t running = 0;
  vital_few = 0;
  for (ParetoRow& r : rows) {
    const bool reached_before = total > 0 && static_cast<double>(running) >= share * static_cast<double>(total);
    running += r.count;
    r.share = static_cast<double>(r.count) / static_cast<double>(total);
    r.cumulative = static_cast<double>(running) / static_cast<double>(total);
    r.vital = !reached_before;
    if (r.vital) ++vital_few;
  }
  return rows;
}

// Adds a clock's verdict: met, or missed (late or breached); other statuses are not judged.
void judge(Tally& t, const SlaClock& clock) {
  if (clock.status == ClockStatus::met) {
    ++t.hits;
    ++t.total;
  } else if (clock.status == ClockStatus::late || clock.status == ClockStatus::breached) {
    ++t.total;
  }
}

void count(Tally& t, bool hit) {
  t.hits += hit ? 1 : 0;
  ++t.total;
}

std::vector<SlaCompliance> compliance_of(const std::map<std::string, SlaCompliance>& m) {
  std::vector<SlaCompliance> out;
  for (const auto& [k, v] : m) out.push_back(v);
  return out;
}

void add_iceberg_value(Iceberg& ice, const std::set<std::string>& customers, std::size_t anonymous,
                       const std::map<std::string, double>& value) {
  if (value.empty()) return;
  double sum = 0;
  for (const auto& [c, v] : value) {
    require(std::isfinite(v), "customer value of '" + c + "' is not finite");
    sum += v;
  }
  ice.valued = true;
  ice.mean_value = sum / static_cast<double>(value.size());
  double at_risk = 0;
  for (const std::string& c : customers) {
    const auto it = value.find(c);
    if (it != value.end()) {
      at_risk += it->second;
      ++ice.complainants_valued;
    } else {
      at_risk += ice.mean_value;
    }
  }
  at_risk += static_cast<double>(anonymous) * ice.mean_value;
  ice.revenue_at_risk = at_risk + ice.silent * ice.mean_value;
}

void add_imported(ComplaintReport& report, const Desk& desk) {
  std::map<std::string, std::vector<double>> lags;
  std::map<std::string, DisputeRate> disputes;
  for (const ImportedComplaint& f : imported_complaints(desk)) {
    if (!desk.find(f.case_id)) continue;  // a row the desk refused: no case, no statistics
    count(report.timely, f.timely);
    DisputeRate& d = disputes[f.response];
    d.response = f.response;
    count(d.disputed, f.disputed);
    if (f.sent_before_received) {
      report.lag_excluded.push_back({f.line, f.case_id, "date_sent_to_company precedes date_received"});
      continue;
    }
    const double days = static_cast<double>((f.sent - f.received).count()) / 86400.0;
    lags[f.channel].push_back(days);
    lags["\x7f"].push_back(days);  // all channels, sorted last and renamed below
  }
  std::sort(report.lag_excluded.begin(), report.lag_excluded.end(),
            [](const ImportNote& a, const ImportNote& b) { return a.line < b.line; });
  for (auto& [channel, days] : lags) {
    std::sort(days.begin(), days.end());
    double sum = 0;
    for (double d : days) sum += d;
    report.forwarding_lag.push_back({channel == "\x7f" ? "all" : channel, days.size(), sum / static_cast<double>(days.size()),
                                     percentile(days, 0.5)});
  }
  for (auto& [response, d] : disputes) report.dispute_by_response.push_back(d);
}

void add_recovery(ComplaintReport& report, const Desk& desk) {
  RecoverySummary& s = report.recovery;
  for (const Recovery& r : recoveries(desk)) {
    ++s.recoveries;
    count(s.apology, r.apology);
    count(s.preventive, r.preventive);
    count(s.timely, r.timely);
    count(s.proactive, r.proactive);
    count(s.feelings, r.feelings);
  }
  s.cost_by_cause = recovery_costs(desk).by_cause;
  for (const SatisfactionAnswer& a : satisfaction_answers(desk)) {
    const double unit = (a.score - a.scale_min) / (a.scale_max - a.scale_min);
    report.satisfaction.mean = report.satisfaction.mean.value_or(0) + unit;
    ++report.satisfaction.answers;
  }
  if (report.satisfaction.answers > 0) *report.satisfaction.mean /= static_cast<double>(report.satisfaction.answers);
  report.handler_quality = handler_quality(reviews(desk));
}

}  // namespace

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double position = p * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

Iceberg iceberg(std::size_t complainants, const IcebergAssumptions& a) {
  require(a.complaint_share > 0 && a.complaint_share <= 1, "iceberg complaint share must be in (0, 1]");
  require(a.word_of_mouth >= 0 && std::isfinite(a.word_of_mouth), "iceberg word of mouth must be finite and not negative");
  Iceberg ice;
  ice.complainants = complainants;
  ice.dissatisfied = static_cast<double>(complainants) / a.complaint_share;
  ice.silent = ice.dissatisfied - static_cast<double>(complainants);
  ice.told = ice.dissatisfied * a.word_of_mouth;
  return ice;
}

ComplaintReport analyse(const Desk& desk, const AnalyticsOptions& options) {
  require(options.pareto_share > 0 && options.pareto_share <= 1, "Pareto share must be in (0, 1]");
  iceberg(0, options.iceberg);  // checks the assumptions before the pass
  ComplaintReport report;
  std::unordered_map<std::string, std::string> channel_label;
  for (ImportedComplaint& f : imported_complaints(desk)) channel_label.emplace(std::move(f.case_id), std::move(f.channel));

  const SlaPolicy policy = desk.sla_policy();
  SlaPolicy calendar = policy, business = policy;
  calendar.mode = ClockMode::calendar_time;
  business.mode = ClockMode::business_time;
  const bool judged_on_business = policy.mode == ClockMode::business_time;

  // The judging time: given, or the latest event of any case.
  Time now = options.now.value_or(Time::min());
  if (!options.now)
    desk.for_each_case([&](const ComplaintCase& c) { now = std::max(now, c.audit.back().time); });
  report.now = now == Time::min() ? Time{} : now;

  std::map<std::string, std::size_t> by_channel, by_issue, by_period;
  std::map<std::string, SlaCompliance> sla_channel, sla_priority;
  std::vector<double> fr_cal, fr_bus, res_cal, res_bus;
  std::set<std::string> customers;
  std::size_t anonymous = 0;
  desk.for_each_case([&](const ComplaintCase& c) {
    ++report.cases;
    report.events += static_cast<std::int64_t>(c.audit.size());
    const auto label = channel_label.find(c.id);
    const std::string channel = label != channel_label.end() ? label->second : name_of(c.channel);
    ++by_channel[channel];
    ++by_issue[c.category];
    ++by_period[format_time(c.opened).substr(0, 7)];
    if (c.customer.empty()) ++anonymous;
    else customers.insert(c.customer);

    const Time at = std::max(now, c.audit.back().time);  // a case after `now` is judged at its latest event
    const auto cal = sla_clocks(c, calendar, at);
    const auto bus = sla_clocks(c, business, at);
    const bool closed = c.state == CaseState::closed;
    if (c.first_response) {
      fr_cal.push_back(static_cast<double>(cal[0].elapsed.count()) / kHour);
      fr_bus.push_back(static_cast<double>(bus[0].elapsed.count()) / kHour);
    }
    if (closed) {
      res_cal.push_back(static_cast<double>(cal[2].elapsed.count()) / kHour);
      res_bus.push_back(static_cast<double>(bus[2].elapsed.count()) / kHour);
    }
    const auto& judged = judged_on_business ? bus : cal;
    for (auto [table, key] : {std::pair{&sla_channel, channel}, std::pair{&sla_priority, std::string(name_of(c.priority))}}) {
      SlaCompliance& s = (*table)[key];
      s.key = key;
      judge(s.first_response, judged[0]);
      judge(s.resolution, judged[2]);
    }
    if (closed || c.reopen_count > 0) count(report.reopened, c.reopen_count > 0);
    if (closed) {
      const bool escalated = std::any_of(c.audit.begin(), c.audit.end(),
                                         [](const AuditEntry& a) { return a.event == CaseEvent::escalate; });
      count(report.empowerment, !escalated);
    }
  });

  report.by_channel = counts_of(by_channel);
  report.by_issue = counts_of(by_issue);
  report.by_period = counts_of(by_period);
  report.pareto = pareto_of(by_issue, report.cases, options.pareto_share, report.vital_few);
  report.times = {distribution_of(fr_cal), distribution_of(fr_bus), distribution_of(res_cal), distribution_of(res_bus)};
  report.sla_by_channel = compliance_of(sla_channel);
  report.sla_by_priority = compliance_of(sla_priority);
  report.iceberg = iceberg(customers.size() + anonymous, options.iceberg);
  add_iceberg_value(report.iceberg, customers, anonymous, options.customer_value);
  add_imported(report, desk);
  add_recovery(report, desk);
  return report;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
