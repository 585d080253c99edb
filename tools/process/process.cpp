// crmkit process FILE [--compare FILE2] [--chart lanes.svg] [--json]: expected cycle time,
// cost, critical path, value-added ratio, hand-offs and redesign candidates of a service
// process map; with --compare, the redesign side by side and what each change contributes.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/process/analysis.hpp"
#include "crmkit/process/lanes.hpp"

namespace crmkit_cli {

namespace {

namespace process = crmkit::process;

struct ProcessCommand {
  std::string path, compare, chart;
  FormatOptions format;
};

process::ProcessMap read_map(const std::string& path) {
  return path == "-" ? process::read_process_map(std::cin, "<stdin>") : process::read_process_map(path);
}

using Json = nlohmann::ordered_json;

Json names(const process::ProcessMap& m, const std::vector<std::size_t>& steps) {
  Json out = Json::array();
  for (std::size_t i : steps) out.push_back(m.steps[i].name);
  return out;
}

// The figures --compare sets side by side, in the order they are printed.
std::vector<std::pair<std::string, double>> headline(const process::ProcessAnalysis& r) {
  return {{"expected_cycle_time", r.expected_cycle_time},
          {"expected_work_time", r.expected_work_time},
          {"expected_cost", r.expected_cost},
          {"critical_path_length", r.critical_path_length},
          {"value_added_ratio", r.value_added_ratio},
          {"handoffs", r.handoffs},
          {"rework_probability", r.rework_probability}};
}

Json to_json(const process::ProcessMap& m, const process::ProcessAnalysis& r) {
  Json out = Json::object();
  for (const auto& [name, value] : headline(r)) out[name] = json_number(value);
  out["critical_path"] = names(m, r.critical_path);
  Json steps = Json::array(), candidates = Json::array();
  for (std::size_t i = 0; i < m.steps.size(); ++i) {
    const process::Step& s = m.steps[i];
    const process::StepFigures& f = r.steps[i];
    steps.push_back({{"step", s.name},
                     {"department", s.department},
                     {"expected_visits", json_number(f.expected_visits)},
                     {"expected_time", json_number(f.expected_time)},
                     {"expected_cost", json_number(f.expected_cost)},
                     {"critical", f.critical},
                     {"suppliers", f.suppliers},
                     {"executor", f.executor},
                     {"customers", f.customers}});
    if (f.candidate != 0)
      candidates.push_back({{"step", s.name},
                            {"reasons", process::candidate_reasons(s, f.candidate)},
                            {"expected_time", json_number(f.expected_time)},
                            {"expected_cost", json_number(f.expected_cost)}});
  }
  out["steps"] = steps;
  out["candidates"] = candidates;
  return out;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

void write_table(Sink& out, const process::ProcessMap& m, const process::ProcessAnalysis& r) {
  Rows summary(out, Format::table, {"figure", "value"});
  for (const auto& [name, value] : headline(r)) summary.add({name, value});
  summary.finish();
  std::vector<std::string> path;
  for (std::size_t i : r.critical_path) path.push_back(m.steps[i].name);
  out.write("critical path: " + joined(path, " -> ") + "\n\n");
  Rows steps(out, Format::table, {"step", "department", "expected_visits", "expected_time", "expected_cost",
                                  "supplier", "executor", "customer", "candidate"});
  for (std::size_t i = 0; i < m.steps.size(); ++i) {
    const process::StepFigures& f = r.steps[i];
    steps.add({m.steps[i].name, m.steps[i].department, f.expected_visits, f.expected_time, f.expected_cost,
               joined(f.suppliers, " "), f.executor, joined(f.customers, " "),
               process::candidate_reasons(m.steps[i], f.candidate)});
  }
  steps.finish();
}

void write_chart(const std::string& path, const process::ProcessMap& m, const process::ProcessAnalysis& r) {
  process::LaneOptions options;
  options.title = "Swim lanes: " + m.source;
  const std::string svg = process::swim_lanes(m, r, options);
  Sink file(path);
  file.write(svg);
  file.close();
}

// lanes.svg -> lanes-after.svg: where --chart draws the redesign with --compare.
std::string after_path(const std::string& path) {
  const std::size_t slash = path.rfind('/'), dot = path.rfind('.');
  const bool has_extension = dot != std::string::npos && (slash == std::string::npos || dot > slash);
  return has_extension ? path.substr(0, dot) + "-after" + path.substr(dot) : path + "-after";
}

void run(const ProcessCommand& o) {
  const process::ProcessMap before = read_map(o.path);
  Sink& out = standard_output();
  if (o.compare.empty()) {
    const process::ProcessAnalysis r = process::analyze(before);
    if (!o.chart.empty()) write_chart(o.chart, before, r);
    if (o.format.json) return write_json(out, to_json(before, r));
    return write_table(out, before, r);
  }
  if (o.compare == "-" && o.path == "-") throw UsageError("--compare: standard input is already FILE");
  const process::ProcessMap after = read_map(o.compare);
  const process::Comparison c = process::compare(before, after);
  if (!o.chart.empty()) {
    write_chart(o.chart, before, c.before);
    write_chart(after_path(o.chart), after, c.after);
  }
  const auto a = headline(c.after), b = headline(c.before);
  if (o.format.json) {
    Json differences = Json::object(), changes = Json::array();
    for (std::size_t k = 0; k < a.size(); ++k) differences[a[k].first] = json_number(a[k].second - b[k].second);
    for (const process::StepChange& x : c.changes)
      changes.push_back({{"step", x.step}, {"change", x.what}, {"expected_time", json_number(x.time)},
                         {"expected_cost", json_number(x.cost)}});
    return write_json(out, {{"before", to_json(before, c.before)},
                            {"after", to_json(after, c.after)},
                            {"differences", differences},
                            {"changes", changes}});
  }
  Rows side(out, Format::table, {"figure", "before", "after", "difference"});
  for (std::size_t k = 0; k < a.size(); ++k) side.add({a[k].first, b[k].second, a[k].second, a[k].second - b[k].second});
  side.finish();
  const auto path = [](const process::ProcessMap& m, const process::ProcessAnalysis& r) {
    std::vector<std::string> steps;
    for (std::size_t i : r.critical_path) steps.push_back(m.steps[i].name);
    return joined(steps, " -> ");
  };
  out.write("critical path before: " + path(before, c.before) + "\ncritical path after:  " + path(after, c.after) +
            "\n\nchanges (their expected time and cost add up to the differences in work time and cost):\n");
  Rows changes(out, Format::table, {"step", "change", "expected_time", "expected_cost"});
  for (const process::StepChange& x : c.changes) changes.add({x.step, x.what, x.time, x.cost});
  changes.finish();
}

}  // namespace

void add_process(CLI::App& app) {
  auto o = std::make_shared<ProcessCommand>();
  CLI::App* cmd = app.add_subcommand("process", "cycle time, cost, critical path and redesign candidates of a service process");
  cmd->footer(
      "FILE is a process map: a CSV with the header step,department,duration,cost,value_adding,next\n"
      "and optionally role,necessary,rework,duplicate_of,note. duration is in minutes (fixed, or\n"
      "MIN/MODE/MAX: a triangular distribution, used at its mean), the yes/no columns take\n"
      "yes/no; next is empty for an end step, B for a sequence, B&C for a parallel\n"
      "split (a step reached from several branches waits for all of them), B:0.8|C:0.2 for a\n"
      "decision (a branch back to an earlier step is a rework loop). The first row is the start.\n"
      "Expected figures include rework; the critical path weighs each step by its expected\n"
      "visits x duration (see the README's \"Service processes\").");
  add_file_argument(*cmd, o->path, "process map");
  cmd->add_option("--compare", o->compare, "a redesigned map: both side by side, and each change's contribution")
      ->type_name("FILE2");
  cmd->add_option("--chart", o->chart,
                  "write the swim-lane drawing (SVG) here; with --compare the redesign goes to NAME-after.svg")
      ->type_name("SVG");
  cmd->add_flag("--json", o->format.json, "JSON output");
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
