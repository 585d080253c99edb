// crmkit staff: agents needed for one interval's calls (Erlang C or A), or what a given
// staffing achieves; with --plan, required agents for every interval of a forecast file.
#include <cmath>
#include <memory>
#include <optional>

#include "common/options.hpp"
#include "common/output.hpp"
#include "contact/common.hpp"
#include "crmkit/contact/staffing.hpp"
#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace {

namespace contact = crmkit::contact;

struct StaffCommand {
  std::optional<double> calls;
  std::string interval, aht, target, patience, model;
  std::optional<std::string> asa;
  std::optional<double> max_occupancy;
  double shrinkage = 0;
  std::optional<long long> agents;
  std::string plan;
  bool totals = false;
  FormatOptions format;
};

// --target "80/20s": percent answered (0-100, '%' optional) within a duration.
void parse_target(const std::string& text, contact::StaffingTargets& targets, contact::QueueOptions& queue) {
  const std::size_t slash = text.find('/');
  std::string percent = text.substr(0, slash);
  if (!percent.empty() && percent.back() == '%') percent.pop_back();
  char* end = nullptr;
  const double value = std::strtod(percent.c_str(), &end);
  if (slash == std::string::npos || percent.empty() || *end != '\0')
    throw UsageError("--target " + text + ": expected PERCENT/DURATION, e.g. 80/20s (80% answered within 20 s)");
  if (!(value >= 0 && value <= 100))
    throw UsageError("--target " + text + ": the service level must be between 0 and 100 (percent)");
  targets.service_level = value / 100;
  queue.answer_within = option_seconds("--target", text.substr(slash + 1));
}

contact::StaffingTargets targets_of(const StaffCommand& o, contact::StaffingOptions& options) {
  contact::StaffingTargets targets;
  targets.service_level.reset();
  if (!o.target.empty()) parse_target(o.target, targets, options.queue);
  if (o.asa) targets.asa = option_seconds("--asa", *o.asa);
  targets.max_occupancy = o.max_occupancy;
  options.queue.model = crmkit::parse_enum<contact::QueueModel>(o.model);
  options.queue.patience = option_seconds("--patience", o.patience);
  options.shrinkage = o.shrinkage;
  return targets;
}

Figures figures_of(const StaffCommand& o, const contact::Staffing& s, double interval, double aht,
                   double answer_within) {
  const contact::QueueMetrics& m = s.metrics;
  return {{"model", o.model},          {"calls", *o.calls},
          {"interval", interval},      {"aht", aht},
          {"traffic", m.traffic},      {"agents", std::int64_t{s.agents}},
          {"scheduled", std::int64_t{s.scheduled}}, {"service_level", m.service_level},
          {"answer_within", answer_within},      {"asa", m.asa},
          {"asa_delayed", m.asa_delayed}, {"p_wait", m.p_wait},
          {"p_abandon", m.p_abandon},  {"queue_length", m.queue_length},
          {"occupancy", m.occupancy}};
}

void run_one(const StaffCommand& o) {
  if (!o.calls) throw UsageError("give --calls (and --aht), or --plan FORECAST.csv");
  if (o.aht.empty()) throw UsageError("--aht is required with --calls (e.g. --aht 180s)");
  contact::StaffingOptions options;
  const contact::StaffingTargets targets = targets_of(o, options);
  const double interval = option_seconds("--interval", o.interval), aht = option_seconds("--aht", o.aht);
  const contact::Workload w{*o.calls, interval, aht};
  // Every number here came from the command line: a value the library refuses is a wrong
  // command line (exit 2); the library's message names the field after its option.
  contact::Staffing s;
  try {
    s = o.agents ? contact::evaluate_staffing(*o.agents, w, options) : contact::required_agents(w, targets, options);
  } catch (const crmkit::Error& e) {
    throw UsageError(e.what());
  }
  write_figures(standard_output(), o.format.small(),
                figures_of(o, s, interval, aht, options.queue.answer_within));
}


void run_plan(const StaffCommand& o) {
  if (o.calls || !o.aht.empty() || o.agents)
    throw UsageError("--plan takes calls and handle times from the file: drop --calls, --aht and --agents");
  contact::StaffingOptions options;
  const contact::StaffingTargets targets = targets_of(o, options);
  const Forecast f = read_forecast(o.plan, option_seconds("--interval", o.interval));
  contact::StaffingPlan plan;
  try {
    plan = contact::staffing_plan(f.calls.data(), f.length.data(), f.aht.data(), f.calls.size(), targets, options);
  } catch (const crmkit::Error& e) {
    throw at_file_line(e, "interval", 1, f.source, f.lines);
  }
  Sink& out = standard_output();
  if (o.totals) {
    const contact::PlanTotals& t = plan.totals;
    write_figures(out, o.format.small(),
                  {{"intervals", static_cast<std::int64_t>(f.calls.size())}, {"calls", t.calls},
                   {"agent_hours", t.agent_hours}, {"scheduled_hours", t.scheduled_hours},
                   {"peak_agents", std::int64_t{t.peak_agents}}, {"peak_scheduled", std::int64_t{t.peak_scheduled}},
                   {"service_level", t.service_level}, {"asa", t.asa}, {"p_abandon", t.p_abandon},
                   {"occupancy", t.occupancy}});
    return;
  }
  Rows rows(out, o.format.rows(),
            {"start", "length", "calls", "aht", "traffic", "agents", "scheduled", "service_level", "asa",
             "p_abandon", "occupancy"});
  for (std::size_t i = 0; i < plan.intervals.size(); ++i) {
    const contact::Staffing& s = plan.intervals[i];
    rows.add({f.start[i], f.length[i], f.calls[i], f.aht[i], s.metrics.traffic, std::int64_t{s.agents},
              std::int64_t{s.scheduled}, s.metrics.service_level, s.metrics.asa, s.metrics.p_abandon,
              s.metrics.occupancy});
  }
  rows.finish();
}

}  // namespace

void add_staff(CLI::App& app) {
  auto o = std::make_shared<StaffCommand>();
  CLI::App* cmd = app.add_subcommand("staff", "agents needed for a service level (Erlang C or A), per interval or a plan");
  cmd->footer(
      "Without --agents: the fewest agents meeting every target given (--target, --asa,\n"
      "--max-occupancy); with --agents N: what N agents achieve. Durations take s, m or h\n"
      "(a bare number is seconds). --model erlang-a lets callers hang up after a mean\n"
      "--patience, and then works with fewer agents than Erlangs.\n\n"
      "--plan FORECAST.csv: one row per interval with columns start (ISO time), length\n"
      "(duration; optional, default --interval), calls, aht (duration); prints one CSV row per\n"
      "interval (--totals: the plan's totals). Scheduled agents = agents / (1 - shrinkage),\n"
      "rounded up (21 at 30% is 30).");
  // Defaults from the library's: the 80/20 target, Erlang C, the patience, a half hour.
  const contact::StaffingTargets targets;
  const contact::StaffingOptions options;
  CLI::App* w = cmd->add_option_group("Workload");
  w->add_option("--calls", o->calls, "calls offered in the interval");
  w->add_option("--interval", o->interval, "interval length")
      ->default_val(duration_text(contact::Workload{}.length));
  w->add_option("--aht", o->aht, "average handle time, e.g. 180s");
  w->add_option("--plan", o->plan, "a forecast CSV: required agents for each of its intervals");
  CLI::App* t = cmd->add_option_group("Targets and model");
  t->add_option("--target", o->target, "service level PERCENT/DURATION ('' for none)")
      ->default_val(number_text(100 * targets.service_level.value_or(0)) + "/" +
                    duration_text(options.queue.answer_within));
  t->add_option("--asa", o->asa, "maximum average speed of answer, e.g. 30s");
  t->add_option("--max-occupancy", o->max_occupancy, "maximum agent occupancy, e.g. 0.85");
  t->add_option("--shrinkage", o->shrinkage, "share of paid time off the phones, [0, 1)")
      ->default_val(options.shrinkage);
  t->add_option("--model", o->model, "queue model")
      ->default_val(crmkit::name_of(options.queue.model))
      ->check(choices_of<contact::QueueModel>());
  t->add_option("--patience", o->patience, "mean patience before hanging up (erlang-a)")
      ->default_val(duration_text(options.queue.patience));
  t->add_option("--agents", o->agents, "evaluate this many agents instead of finding the number")
      ->check(CLI::Range(1LL, 100000000LL));
  cmd->add_flag("--totals", o->totals, "with --plan: the plan's totals instead of its rows");
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] {
    if (o->plan.empty()) run_one(*o);
    else run_plan(*o);
  });
}

}  // namespace crmkit_cli
