// The process pillar's demo section: the bundled complaint-handling process before and
// after redesign (data/process/), side by side, with the swim lanes of both and the value
// chain of an illustrative firm whose service cost includes the complaint handling.
#include <cstdio>

#include "crmkit/io/svg.hpp"
#include "crmkit/process/analysis.hpp"
#include "crmkit/process/lanes.hpp"
#include "crmkit/process/value_chain.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace process = crmkit::process;

std::string path_text(const process::ProcessMap& m, const process::ProcessAnalysis& r) {
  std::string out;
  for (std::size_t i : r.critical_path) out += (out.empty() ? "" : " \u2192 ") + m.steps[i].name;
  return out;
}

std::string signed_fixed(double v, int decimals) { return (v > 0 ? "+" : "") + fixed(v, decimals); }

// Illustrative annual figures (thousands) of a firm handling 1,200 complaints a year; the
// service activity's cost includes the complaint handling at its expected cost per case.
process::ValueChain firm_chain(double complaint_cost_per_case) {
  const double service_cost = 200 + 1.2 * complaint_cost_per_case;  // 1,200 cases / 1,000
  using A = process::Activity;
  return process::value_chain({{A::inbound_logistics, 120, 150},
                               {A::operations, 900, 1500},
                               {A::outbound_logistics, 80, 100},
                               {A::marketing_and_sales, 300, 450},
                               {A::service, service_cost, 400},
                               {A::firm_infrastructure, 150, 0},
                               {A::human_resources, 120, 0},
                               {A::technology_development, 90, 0},
                               {A::procurement, 40, 0}});
}

}  // namespace

DemoSection demo_service_process(const DemoContext& context) {
  const std::string dir = context.data_dir + "/process/";
  const process::ProcessMap before = process::read_process_map(dir + "complaint_before.csv");
  const process::ProcessMap after = process::read_process_map(dir + "complaint_after.csv");
  const process::Comparison c = process::compare(before, after);
  DemoSection s;
  s.title = "Service process: complaint handling before and after redesign";
  s.html = "<p>The complaint-handling process of <code>process/complaint_before.csv</code> redesigned "
           "as <code>process/complaint_after.csv</code> by asking of each step whether it adds value, "
           "is necessary, is rework or duplicates other work. Expected figures include rework: the "
           "decisions form an absorbing Markov chain; a parallel part takes its longest branch.</p>\n";
  const auto row = [](const std::string& name, double b, double a, int decimals) {
    return std::vector<std::string>{name, fixed(b, decimals), fixed(a, decimals), signed_fixed(a - b, decimals)};
  };
  s.html += html_table({"figure", "before", "after", "change"},
                       {row("expected cycle time (min)", c.before.expected_cycle_time, c.after.expected_cycle_time, 1),
                        row("expected work time (min)", c.before.expected_work_time, c.after.expected_work_time, 1),
                        row("expected cost per case", c.before.expected_cost, c.after.expected_cost, 2),
                        row("value-added ratio (%)", 100 * c.before.value_added_ratio, 100 * c.after.value_added_ratio, 1),
                        row("hand-offs between departments", c.before.handoffs, c.after.handoffs, 2),
                        row("rework probability (%)", 100 * c.before.rework_probability, 100 * c.after.rework_probability, 1),
                        row("critical path length (min)", c.before.critical_path_length, c.after.critical_path_length, 1)});
  s.html += "<p>Critical path before: " + crmkit::io::escape_xml(path_text(before, c.before)) +
            "<br>Critical path after: " + crmkit::io::escape_xml(path_text(after, c.after)) + "</p>\n";
  std::vector<std::vector<std::string>> candidates;
  for (std::size_t i = 0; i < before.steps.size(); ++i)
    if (c.before.steps[i].candidate != 0)
      candidates.push_back({before.steps[i].name, before.steps[i].department,
                            process::candidate_reasons(before.steps[i], c.before.steps[i].candidate),
                            fixed(c.before.steps[i].expected_time, 1), fixed(c.before.steps[i].expected_cost, 2)});
  s.html += "<p>Candidates for redesign in the current process (expected minutes and cost per case):</p>\n" +
            html_table({"step", "department", "why", "minutes", "cost"}, candidates);
  std::vector<std::vector<std::string>> changes;
  for (const process::StepChange& x : c.changes)
    changes.push_back({x.step, x.what, signed_fixed(x.time, 1), signed_fixed(x.cost, 2)});
  s.html += "<p>What each change contributes (the contributions add up to the changes in work time and cost):</p>\n" +
            html_table({"step", "change", "minutes", "cost"}, changes);
  s.html += wide_figure(process::swim_lanes(before, c.before, {"Complaint handling before redesign (swim lanes by department)"})) +
            wide_figure(process::swim_lanes(after, c.after, {"Complaint handling after redesign (swim lanes by department)"}));
  const process::ValueChain chain_before = firm_chain(c.before.expected_cost);
  const process::ValueChain chain_after = firm_chain(c.after.expected_cost);
  std::vector<std::vector<std::string>> activities;
  for (std::size_t a = 0; a < chain_before.activities.size(); ++a) {
    const process::ActivityMargin& b = chain_before.activities[a];
    activities.push_back({crmkit::name_of(b.activity), b.primary ? "primary" : "support", fixed(b.cost, 0),
                          fixed(b.value, 0), fixed(b.margin, 0), fixed(chain_after.activities[a].margin, 0)});
  }
  activities.push_back({"firm", "", fixed(chain_before.cost, 0), fixed(chain_before.value, 0),
                        fixed(chain_before.margin, 0), fixed(chain_after.margin, 0)});
  s.html += "<p>Porter's value chain of an illustrative firm handling 1,200 complaints a year (thousands; "
            "service includes the complaint handling at its expected cost per case):</p>\n" +
            html_table({"activity", "kind", "cost", "value", "margin before", "margin after"}, activities);
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "cycle time %.0f -> %.0f min, cost per case %.2f -> %.2f, hand-offs %.2f -> %.2f",
                c.before.expected_cycle_time, c.after.expected_cycle_time, c.before.expected_cost,
                c.after.expected_cost, c.before.handoffs, c.after.handoffs);
  s.summary = summary;
  return s;
}

}  // namespace crmkit_cli
