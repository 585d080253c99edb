// crmkit kpi LOG.csv: the contact-centre KPIs of an interaction log (one row per contact),
// overall or per interval, channel or agent. Definitions: include/crmkit/contact/kpi.hpp.
#include <cmath>
#include <memory>

#include "common/options.hpp"
#include "common/output.hpp"
#include "contact/common.hpp"
#include "crmkit/contact/kpi.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

namespace {

namespace contact = crmkit::contact;

struct KpiCommand {
  std::string path, by, definition, answer_within, short_abandon, interval;
  FormatOptions format;
};


Figures figures_of(const contact::KpiFigures& f) {
  const auto count = [](std::size_t v) { return Cell{static_cast<std::int64_t>(v)}; };
  return {{"contacts", count(f.contacts)},
          {"ivr_contained", count(f.ivr_contained)},
          {"offered", count(f.offered)},
          {"answered", count(f.answered)},
          {"abandoned", count(f.abandoned)},
          {"short_abandoned", count(f.short_abandoned)},
          {"answered_within", count(f.answered_within)},
          {"abandonment_rate", f.abandonment_rate},
          {"abandonment_rate_excluding_short", f.abandonment_rate_excluding_short},
          {"service_level", f.service_level},
          {"asa", f.asa},
          {"aht", f.aht},
          {"busy_rate", f.busy_rate},
          {"occupancy", f.occupancy},
          {"first_contact_resolution", f.first_contact_resolution},
          {"containment", f.containment},
          {"transfer_rate", f.transfer_rate},
          {"satisfaction", f.satisfaction}};
}

void run(const KpiCommand& o) {
  contact::KpiOptions options;
  options.answer_within = option_seconds("--answer-within", o.answer_within);
  options.short_abandon = option_seconds("--short-abandon", o.short_abandon);
  options.interval = option_seconds("--interval", o.interval);
  if (!(options.interval > 0)) throw UsageError("--interval must be longer than 0");
  options.definition = crmkit::parse_enum<contact::ServiceLevelDefinition>(o.definition);
  const ContactLog log = read_contact_log(o.path);
  Sink& out = standard_output();
  try {
    if (o.by.empty()) {
      write_figures(out, o.format.small(), figures_of(contact::contact_kpis(log.columns(), options)));
      return;
    }
    const contact::KpiGrouping by = crmkit::parse_enum<contact::KpiGrouping>(o.by);
    const std::vector<contact::KpiGroup> groups = contact::contact_kpis_by(log.columns(), by, options);
    std::vector<std::string> columns{o.by};
    for (const auto& [name, cell] : figures_of(contact::KpiFigures{})) columns.push_back(name);
    Rows rows(out, o.format.rows(), columns);
    for (const contact::KpiGroup& g : groups) {
      std::vector<Cell> cells;
      if (by == contact::KpiGrouping::interval) cells.emplace_back(crmkit::io::format_time(g.start));
      else if (by == contact::KpiGrouping::channel) cells.emplace_back(log.channels.name.at(g.key));
      else cells.emplace_back(g.key < 0 ? std::string() : log.agents.name.at(g.key));
      for (auto& [name, cell] : figures_of(g.figures)) cells.push_back(cell);
      rows.add(cells);
    }
    rows.finish();
  } catch (const crmkit::Error& e) {
    throw at_file_line(e, "contact", 0, log.source, log.lines);
  }
}

}  // namespace

void add_kpi(CLI::App& app) {
  auto o = std::make_shared<KpiCommand>();
  CLI::App* cmd = app.add_subcommand("kpi", "contact-centre KPIs of an interaction log: abandonment, ASA, service level, ...");
  cmd->footer(
      "LOG.csv has one row per contact, columns by header name: channel and arrival, and any of\n"
      "agent, answered, abandoned, end (ISO times; empty when they do not apply), ivr,\n"
      "transferred, first_contact_resolved (0, 1 or empty), satisfaction (a score, or empty).\n"
      "A contact is handled by the voice system (ivr = 1), or answered by an agent (answered\n"
      "and end), or abandoned (abandoned). Definitions of every figure:\n"
      "include/crmkit/contact/kpi.hpp. Durations take s, m or h.");
  add_file_argument(*cmd, o->path, "interaction log");
  const contact::KpiOptions defaults;
  CLI::App* g = cmd->add_option_group("KPIs");
  g->add_option("--by", o->by, "one row per group instead of the overall figures")
      ->check(choices_of<contact::KpiGrouping>());
  g->add_option("--definition", o->definition, "service level definition")
      ->default_val(crmkit::name_of(defaults.definition))
      ->check(choices_of<contact::ServiceLevelDefinition>());
  g->add_option("--answer-within", o->answer_within, "the service level's threshold")
      ->default_val(duration_text(defaults.answer_within));
  g->add_option("--short-abandon", o->short_abandon, "abandons after a shorter wait are short")
      ->default_val(duration_text(defaults.short_abandon));
  g->add_option("--interval", o->interval, "interval length of --by interval")
      ->default_val(duration_text(defaults.interval));
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
