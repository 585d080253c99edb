// crmkit kpi LOG.csv: the contact-centre KPIs of an interaction log (one row per contact),
// overall or per interval, channel or agent. Definitions: include/crmkit/contact/kpi.hpp.
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <regex>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "contact/common.hpp"
#include "crmkit/contact/kpi.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

namespace {

namespace contact = crmkit::contact;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct KpiCommand {
  std::string path, by, definition, answer_within = "20s", short_abandon = "5s", interval = "30m";
  FormatOptions format;
};

// Text ids (channel, agent) numbered in order of first appearance.
struct Names {
  std::map<std::string, std::int64_t> code;
  std::vector<std::string> name;
  std::int64_t of(std::string_view text) {
    const auto [it, added] = code.emplace(std::string(text), static_cast<std::int64_t>(name.size()));
    if (added) name.emplace_back(text);
    return it->second;
  }
};

struct Log {
  std::string source;
  std::vector<long long> lines;
  std::vector<std::int64_t> channel, agent;
  std::vector<double> arrival, answered, abandoned, end, satisfaction;
  std::vector<std::uint8_t> ivr, transferred, resolved;
  Names channels, agents;

  contact::ContactColumns columns() const {
    return {channel.size(), channel.data(), agent.data(), arrival.data(), answered.data(), abandoned.data(),
            end.data(), ivr.data(), transferred.data(), resolved.data(), satisfaction.data()};
  }
};

Log read_log(const std::string& path) {
  Input input(path, crmkit::io::CsvOptions{});
  crmkit::io::CsvReader& r = input.reader();
  const std::size_t none = r.header().size();
  const auto optional = [&](const char* name) {
    for (std::size_t i = 0; i < r.header().size(); ++i)
      if (r.header()[i] == name) return i;
    return none;
  };
  const std::size_t channel = r.column("channel"), arrival = r.column("arrival");
  const std::size_t agent = optional("agent"), answered = optional("answered"), abandoned = optional("abandoned");
  const std::size_t end = optional("end"), ivr = optional("ivr"), transferred = optional("transferred");
  const std::size_t resolved = optional("first_contact_resolved"), satisfaction = optional("satisfaction");
  const auto blank = [&](std::size_t i) { return i == none || r.field(i).find_first_not_of(' ') == std::string_view::npos; };
  const auto time = [&](std::size_t i) {
    if (blank(i)) return kNaN;
    try {
      return crmkit::io::parse_time(r.field(i));
    } catch (const crmkit::Error& e) {
      r.fail(i, e.what());
    }
  };
  const auto flag = [&](std::size_t i) -> std::uint8_t {
    if (blank(i)) return 0;
    if (r.field(i) == "0" || r.field(i) == "1") return r.field(i) == "1";
    r.fail(i, r.header()[i] + " is '" + std::string(r.field(i)) + "'; expected 0, 1 or empty");
  };
  Log log;
  log.source = r.name();
  while (r.next()) {
    log.lines.push_back(r.line());
    log.channel.push_back(log.channels.of(r.field(channel)));
    log.agent.push_back(blank(agent) ? -1 : log.agents.of(r.field(agent)));
    if (blank(arrival)) r.fail(arrival, "arrival is empty");
    log.arrival.push_back(time(arrival));
    log.answered.push_back(time(answered));
    log.abandoned.push_back(time(abandoned));
    log.end.push_back(time(end));
    log.ivr.push_back(flag(ivr));
    log.transferred.push_back(flag(transferred));
    log.resolved.push_back(flag(resolved));
    log.satisfaction.push_back(blank(satisfaction) ? kNaN : r.number(satisfaction));
  }
  if (log.channel.empty()) throw crmkit::Error(crmkit::ErrorCode::parse_error, log.source + ": no contacts");
  return log;
}

// "contact 12: ..." from the core, restated as FILE:LINE of that row.
crmkit::Error at_line(const crmkit::Error& e, const Log& log) {
  static const std::regex where("^contact ([0-9]+): ");
  std::smatch m;
  const std::string message = e.what();
  if (!std::regex_search(message, m, where)) return e;
  const std::size_t i = std::stoul(m[1]);
  return crmkit::Error(e.code(), log.source + ":" + std::to_string(log.lines.at(i)) + ": " + m.suffix().str());
}

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
  const Log log = read_log(o.path);
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
    throw at_line(e, log);
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
  g->add_option("--answer-within", o->answer_within, "the service level's threshold")->capture_default_str();
  g->add_option("--short-abandon", o->short_abandon, "abandons after a shorter wait are short")
      ->capture_default_str();
  g->add_option("--interval", o->interval, "interval length of --by interval")->capture_default_str();
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
