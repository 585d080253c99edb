// The contact pillar's demo section: a week's staffing plan from the bundled forecast (with
// a chart of required agents per half hour), the worked example under Erlang C and A, and
// the KPIs of the bundled interaction log per channel.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "contact/common.hpp"
#include "crmkit/contact/kpi.hpp"
#include "crmkit/contact/staffing.hpp"
#include "crmkit/io/svg.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace contact = crmkit::contact;
namespace io = crmkit::io;

std::string percent(double share) { return std::isnan(share) ? "" : fixed(100 * share, 1) + "%"; }

// The worked example (100 calls in 30 min, 180 s) at 12-16 agents: Erlang C, and Erlang A
// with callers who hang up after 2 minutes on average.
std::string worked_example_table() {
  const contact::Workload w{100, 1800, 180};
  contact::QueueOptions patient, impatient;
  impatient.model = contact::QueueModel::erlang_a;
  std::vector<std::vector<std::string>> rows;
  for (std::int64_t n = 11; n <= 16; ++n) {
    const contact::QueueMetrics c = contact::evaluate(n, w, patient), a = contact::evaluate(n, w, impatient);
    rows.push_back({std::to_string(n), percent(c.service_level), fixed(c.asa, 1), percent(c.occupancy),
                    percent(a.service_level), percent(a.p_abandon)});
  }
  return html_table({"agents", "service level (C)", "ASA s (C)", "occupancy", "service level (A)",
                     "abandon (A)"},
                    rows);
}

}  // namespace

DemoSection demo_contact_centre(const DemoContext& context) {
  const Forecast f = read_forecast(context.data_dir + "/contact/forecast_week.csv", 1800);
  contact::StaffingOptions options;
  options.shrinkage = 0.3;
  const contact::StaffingTargets targets;  // 80% within 20 s
  const contact::StaffingPlan plan =
      contact::staffing_plan(f.calls.data(), f.length.data(), f.aht.data(), f.calls.size(), targets, options);
  // Monday and Saturday by hour of day: the night (no calls) leaves the legend's corner free.
  io::Series required{"Monday: required agents (80% within 20 s)", {}, {}, false};
  io::Series scheduled{"Monday: scheduled (30% shrinkage)", {}, {}, true};
  io::Series saturday{"Saturday: required agents", {}, {}, false};
  std::vector<std::vector<std::string>> day_rows;
  const char* day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::vector<std::int64_t> day_peak(7, 0);
  std::vector<double> day_calls(7, 0), day_hours(7, 0);
  for (std::size_t i = 0; i < plan.intervals.size(); ++i) {
    const double since = f.start_day[i] - f.start_day[0];
    const auto day = static_cast<std::size_t>(std::floor(since));
    const double hour = (since - std::floor(since)) * 24;
    const contact::Staffing& s = plan.intervals[i];
    if (day == 0) {
      required.x.push_back(hour);
      required.y.push_back(static_cast<double>(s.agents));
      scheduled.x.push_back(hour);
      scheduled.y.push_back(static_cast<double>(s.scheduled));
    } else if (day == 5) {
      saturday.x.push_back(hour);
      saturday.y.push_back(static_cast<double>(s.agents));
    }
    if (day < 7) {
      day_peak[day] = std::max(day_peak[day], s.agents);
      day_calls[day] += f.calls[i];
      day_hours[day] += static_cast<double>(s.agents) * f.length[i] / 3600;
    }
  }
  for (std::size_t d = 0; d < 7; ++d)
    day_rows.push_back({day_names[d], fixed(day_calls[d], 0), std::to_string(day_peak[d]), fixed(day_hours[d], 1)});
  const io::ChartOptions chart{"Agents per half hour, from the forecast of 2026-11-23 to 29", "hour of the day",
                               "agents", 760, 380, {}};

  const ContactLog log = read_contact_log(context.data_dir + "/contact/interactions.csv");
  std::vector<std::vector<std::string>> kpi_rows;
  for (const contact::KpiGroup& g : contact::contact_kpis_by(log.columns(), contact::KpiGrouping::channel)) {
    const contact::KpiFigures& k = g.figures;
    kpi_rows.push_back({log.channels.name.at(static_cast<std::size_t>(g.key)), fixed(static_cast<double>(k.contacts), 0),
                        percent(k.abandonment_rate), percent(k.service_level), fixed(k.asa, 1), fixed(k.aht, 0),
                        percent(k.first_contact_resolution), percent(k.containment), fixed(k.satisfaction, 2)});
  }
  const contact::KpiFigures all = contact::contact_kpis(log.columns());
  const contact::PlanTotals& t = plan.totals;

  DemoSection section;
  section.title = "Contact centre (Erlang C staffing plan, interaction KPIs)";
  section.summary = fixed(t.calls, 0) + " calls forecast in a week need " + fixed(t.agent_hours, 1) +
                    " agent hours (peak " + std::to_string(t.peak_agents) + " agents, " +
                    std::to_string(t.peak_scheduled) + " scheduled); log of " +
                    fixed(static_cast<double>(all.contacts), 0) + " contacts: service level " +
                    percent(all.service_level) + ", abandonment " + percent(all.abandonment_rate);
  section.html =
      "<p>The textbook worked example: 100 calls in 30 minutes at 180 s handle time is 10 "
      "Erlangs; 14 agents are the fewest answering 80% within 20 s (Erlang C). Erlang A lets "
      "callers hang up after 2 minutes on average: fewer calls wait, some are lost.</p>\n" +
      worked_example_table() +
      "<p>A week's staffing plan from the bundled forecast (<code>contact/forecast_week.csv</code>, "
      "336 half hours, " + fixed(t.calls, 0) + " calls): the fewest agents per half hour for 80% "
      "answered within 20 s, and the agents to schedule with 30% shrinkage. " +
      fixed(t.agent_hours, 1) + " agent hours on the phones, " + fixed(t.scheduled_hours, 1) +
      " scheduled; call-weighted service level " + percent(t.service_level) + ", ASA " +
      fixed(t.asa, 1) + " s, occupancy " + percent(t.occupancy) + ".</p>\n" +
      io::line_chart({required, scheduled, saturday}, chart) +
      html_table({"day", "calls", "peak agents", "agent hours"}, day_rows) +
      "<p>KPIs of the bundled interaction log (<code>contact/interactions.csv</code>, one day, " +
      fixed(static_cast<double>(all.contacts), 0) + " contacts) per channel; service level = answered "
      "within 20 s of those offered to agents, containment = handled by the voice system.</p>\n" +
      html_table({"channel", "contacts", "abandoned", "service level", "ASA s", "AHT s", "first-contact resolution",
                  "containment", "satisfaction (1-5)"},
                 kpi_rows);
  return section;
}

}  // namespace crmkit_cli
