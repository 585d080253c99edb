// crmkit complaints replay|show|list|states|policy|route: the complaint desk from the command line.
//   replay EVENTS.csv --desk DIR [--strict]   apply an event file (refusals reported per line)
//   show CASE --desk DIR [--at TIME]          state, SLA clocks and audit trail of a case
//   list --desk DIR [--state S] [--breached]  case ids
//   states                                    the transition table
//   policy --desk DIR [policy options]        the desk's stored policy (set it with options)
//   route ORG.csv --from UNIT --authority N   the nearest unit with that authority
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/complaint/desk.hpp"
#include "crmkit/complaint/event_file.hpp"

namespace crmkit_cli {

namespace {

namespace complaint = crmkit::complaint;
using crmkit::name_of;
using Json = nlohmann::ordered_json;

// Policy options. On replay and policy they change the policy stored in the desk; on show
// and list they only change how this one command reads the clocks.
struct PolicyOptions {
  std::optional<std::string> business_hours;  // IANA zone: business clock Mon-Fri 09-17 there
  std::vector<std::string> holidays;
  std::optional<double> warning;
  std::optional<double> reopen_hours;
  std::optional<std::string> escalation_changes;
  std::optional<int> max_handovers;
  std::string organisation;  // an organisation file

  bool any() const {
    return business_hours || !holidays.empty() || warning || reopen_hours || escalation_changes || max_handovers ||
           !organisation.empty();
  }
  // `base` with the options given applied.
  complaint::DeskOptions applied_to(complaint::DeskOptions o) const {
    if (business_hours) {
      o.sla.mode = complaint::ClockMode::business_time;
      o.sla.calendar = complaint::BusinessCalendar(*business_hours);
    }
    if (!holidays.empty() && o.sla.mode != complaint::ClockMode::business_time)
      throw UsageError("--holiday needs --business-hours ZONE (holidays count on a business calendar only)");
    for (const std::string& h : holidays) o.sla.calendar.holiday(h);
    if (warning) o.sla.warning_fraction = *warning;
    if (reopen_hours) o.cases.reopen_window = complaint::Seconds(static_cast<std::int64_t>(std::llround(*reopen_hours * 3600)));
    if (escalation_changes) o.cases.escalation_changes = complaint::parse_changes(*escalation_changes);
    if (max_handovers) o.cases.max_handovers = *max_handovers;
    if (!organisation.empty()) o.organisation = complaint::read_organisation(organisation);
    return o;
  }
};

struct Command {
  std::string desk, file, case_id, state, at, from;
  int authority = 0;
  bool strict = false, breached = false;
  PolicyOptions policy;
  FormatOptions format;
};

void add_policy(CLI::App& cmd, PolicyOptions& p, bool stores) {
  const std::string group = stores ? "Desk policy (stored in the desk)" : "Desk policy (for this command only)";
  cmd.add_option("--business-hours", p.business_hours,
                 "count SLA time on a business calendar: Monday-Friday 09:00-17:00 in this IANA time zone")
      ->type_name("ZONE")
      ->group(group);
  cmd.add_option("--holiday", p.holidays, "a holiday YYYY-MM-DD of the business calendar (repeatable)")
      ->type_name("DATE")
      ->group(group);
  cmd.add_option("--warning", p.warning, "warn at this fraction of a reply target (default 0.8)")
      ->check(CLI::Range(0.0, 1.0))
      ->group(group);
  if (!stores) return;
  cmd.add_option("--reopen-hours", p.reopen_hours, "a closed case may reopen within this many hours (default 720)")
      ->check(CLI::NonNegativeNumber)
      ->group(group);
  cmd.add_option("--escalation-changes", p.escalation_changes,
                 "the three changes every escalation must make, e.g. person or person+place (default none)")
      ->type_name("CHANGES")
      ->group(group);
  cmd.add_option("--max-handovers", p.max_handovers, "more transfers and escalations mark a case as stuck (default 2)")
      ->check(CLI::NonNegativeNumber)
      ->group(group);
  cmd.add_option("--org", p.organisation,
                 "route on this organisation file (CSV type,unit,authority,to,cost; see README)")
      ->type_name("FILE")
      ->check(CLI::ExistingFile)
      ->group(group);
}

// With policy options, stores the desk's policy changed by them.
void store_policy(complaint::Desk& desk, const PolicyOptions& p) {
  if (p.any()) desk.set_options(p.applied_to(desk.options()));
}

complaint::Time at_time(const std::string& at) {
  if (!at.empty()) return complaint::parse_time(at);
  // The CLI is the host: it reads the clock, the engine never does.
  return std::chrono::time_point_cast<complaint::Seconds>(std::chrono::system_clock::now());
}

void run_replay(const Command& o) {
  const std::vector<complaint::EventLine> lines =
      o.file == "-" ? complaint::read_case_events(std::cin, "<stdin>") : complaint::read_case_events(o.file);
  std::vector<complaint::CaseEventRecord> events;
  events.reserve(lines.size());
  for (const complaint::EventLine& l : lines) events.push_back(l.event);
  complaint::Desk desk(o.desk);
  store_policy(desk, o.policy);
  const complaint::SubmitResult r =
      desk.submit(events, o.strict ? complaint::OnRefusal::stop : complaint::OnRefusal::skip);
  Json refused = Json::array();
  for (const complaint::Refusal& x : r.refused) {
    const complaint::EventLine& l = lines[x.index];
    const std::string where = (o.file == "-" ? std::string("<stdin>") : o.file) + ":" + std::to_string(l.line);
    std::cerr << where << ": " << x.message << "\n";
    refused.push_back({{"line", l.line},
                       {"case", l.event.case_id},
                       {"state", x.state ? Json(name_of(*x.state)) : Json(nullptr)},
                       {"event", name_of(l.event.event)},
                       {"message", x.message}});
  }
  Sink& out = standard_output();
  if (o.format.json) {
    write_json(out, {{"applied", r.applied}, {"refused", refused}, {"not_tried", r.not_tried}});
  } else {
    out.write("applied " + std::to_string(r.applied) + " events, refused " + std::to_string(r.refused.size()) +
              (r.not_tried > 0 ? ", not tried " + std::to_string(r.not_tried) + " (--strict)" : std::string()) + "\n");
  }
  if (!r.refused.empty()) {
    out.close();
    throw crmkit::Error(crmkit::ErrorCode::invalid_state,
                        std::to_string(r.refused.size()) + " of " + std::to_string(events.size()) +
                            (o.strict ? " events refused (listed above; with --strict nothing after the first was tried)"
                                      : " events refused (listed above; the others were applied)"));
  }
}

Json clock_json(const complaint::SlaClock& c) {
  const auto time = [](const std::optional<complaint::Time>& t) {
    return t ? Json(complaint::format_time(*t)) : Json(nullptr);
  };
  return {{"clock", name_of(c.kind)},    {"status", name_of(c.status)}, {"target_seconds", c.target.count()},
          {"start", complaint::format_time(c.start)}, {"due", time(c.due)}, {"stopped", time(c.stopped)},
          {"elapsed_seconds", c.elapsed.count()}};
}

std::string optional_text(const Json& j) { return j.is_null() ? std::string("-") : j.get<std::string>(); }

Json changes_json(unsigned changes) {
  return changes == 0 ? Json(nullptr) : Json(complaint::changes_text(changes));
}

void run_show(const Command& o) {
  const complaint::Desk desk(o.desk);
  const complaint::DeskOptions policy = o.policy.applied_to(desk.options());
  const complaint::ComplaintCase c = desk.get(o.case_id);
  const auto clocks = complaint::sla_clocks(c, policy.sla, std::max(at_time(o.at), c.audit.back().time));
  Json audit = Json::array(), clock_list = Json::array();
  for (const complaint::SlaClock& k : clocks) clock_list.push_back(clock_json(k));
  for (const complaint::AuditEntry& a : c.audit)
    audit.push_back({{"sequence", a.sequence},
                     {"time", complaint::format_time(a.time)},
                     {"actor", a.actor},
                     {"event", name_of(a.event)},
                     {"before", a.before ? Json(name_of(*a.before)) : Json(nullptr)},
                     {"after", name_of(a.after)},
                     {"department", a.department},
                     {"changes", changes_json(a.changes)},
                     {"note", a.note}});
  const std::vector<std::string> stuck = complaint::escalation_reasons(c, clocks, policy.cases);
  Sink& out = standard_output();
  if (o.format.json)
    return write_json(out, {{"case", c.id},
                            {"state", name_of(c.state)},
                            {"channel", name_of(c.channel)},
                            {"priority", name_of(c.priority)},
                            {"category", c.category},
                            {"department", c.department},
                            {"handler", c.handler},
                            {"opened", complaint::format_time(c.opened)},
                            {"reopen_count", c.reopen_count},
                            {"follows", c.follows.empty() ? Json(nullptr) : Json(c.follows)},
                            {"follow_ups", c.follow_ups},
                            {"ping_pong", complaint::ping_pong_count(c)},
                            {"escalation_reasons", stuck},
                            {"clocks", clock_list},
                            {"audit", audit}});
  out.write("case " + c.id + ": state " + name_of(c.state) + ", channel " + name_of(c.channel) + ", priority " +
            name_of(c.priority) + ", department " + (c.department.empty() ? "-" : c.department) + ", handler " +
            c.handler + "\n");
  if (!c.follows.empty()) out.write("follows up case " + c.follows + "\n");
  for (const std::string& id : c.follow_ups) out.write("followed up by case " + id + "\n");
  for (const std::string& why : stuck) out.write("stuck, escalate (person / time / place): " + why + "\n");
  out.write("\n");
  Rows table(out, Format::table, {"clock", "status", "target_h", "due", "stopped", "elapsed_h"});
  for (const Json& k : clock_list)
    table.add({k["clock"].get<std::string>(), k["status"].get<std::string>(),
               static_cast<double>(k["target_seconds"].get<std::int64_t>()) / 3600.0, optional_text(k["due"]),
               optional_text(k["stopped"]), static_cast<double>(k["elapsed_seconds"].get<std::int64_t>()) / 3600.0});
  table.finish();
  out.write("\n");
  Rows trail(out, Format::table, {"seq", "time", "actor", "event", "before", "after", "department", "changes", "note"});
  for (const Json& a : audit)
    trail.add({a["sequence"].get<std::int64_t>(), a["time"].get<std::string>(), a["actor"].get<std::string>(),
               a["event"].get<std::string>(), optional_text(a["before"]), a["after"].get<std::string>(),
               a["department"].get<std::string>(), optional_text(a["changes"]), a["note"].get<std::string>()});
  trail.finish();
}

void run_list(const Command& o) {
  const complaint::Desk desk(o.desk);
  const complaint::SlaPolicy sla = o.policy.applied_to(desk.options()).sla;
  std::optional<complaint::CaseState> state;
  if (!o.state.empty()) state = crmkit::parse_enum<complaint::CaseState>(o.state);
  const complaint::Time at = at_time(o.at);
  Json cases = Json::array();
  for (const std::string& id : desk.list(state, false, at)) {
    const complaint::ComplaintCase c = desk.get(id);
    // A case whose latest event is after `at` is judged at that event (as Desk::list does).
    const bool breached = complaint::breached(complaint::sla_clocks(c, sla, std::max(at, c.audit.back().time)));
    if (o.breached && !breached) continue;
    cases.push_back({{"case", id}, {"state", name_of(c.state)}, {"breached", breached}});
  }
  if (o.format.json) return write_json(standard_output(), cases);
  Rows rows(standard_output(), Format::table, {"case", "state", "breached"});
  for (const Json& c : cases)
    rows.add({c["case"].get<std::string>(), c["state"].get<std::string>(),
              std::string(c["breached"].get<bool>() ? "yes" : "no")});
  rows.finish();
}

Json policy_json(const complaint::DeskOptions& p) {
  const auto hours = [](complaint::Seconds s) { return static_cast<double>(s.count()) / 3600.0; };
  Json first = Json::object(), resolution = Json::object();
  for (std::size_t i = 0; i < p.sla.first_response.size(); ++i)
    first[complaint::names(complaint::Channel{}).name(i)] = hours(p.sla.first_response[i]);
  for (std::size_t i = 0; i < p.sla.resolution.size(); ++i)
    resolution[complaint::names(complaint::Priority{}).name(i)] = hours(p.sla.resolution[i]);
  Json holidays = Json::array();
  for (int day : p.sla.calendar.holiday_days())
    holidays.push_back(complaint::format_time(complaint::Time(complaint::Seconds(std::int64_t{day} * 86400))).substr(0, 10));
  Json units = Json::array(), paths = Json::array();
  if (p.organisation) {
    for (const auto& u : p.organisation->unit_list()) units.push_back({{"unit", u.name}, {"authority", u.authority}});
    for (const auto& x : p.organisation->path_list()) paths.push_back({{"from", x.from}, {"to", x.to}, {"cost", x.cost}});
  }
  return {{"clock", name_of(p.sla.mode)},
          {"time_zone", p.sla.calendar.time_zone()},
          {"holidays", holidays},
          {"warning", p.sla.warning_fraction},
          {"first_response_hours", first},
          {"next_update_hours", hours(p.sla.next_update)},
          {"resolution_hours", resolution},
          {"reopen_hours", hours(p.cases.reopen_window)},
          {"escalation_changes", complaint::changes_text(p.cases.escalation_changes)},
          {"max_handovers", p.cases.max_handovers},
          {"organisation", p.organisation ? Json{{"units", units}, {"paths", paths}} : Json(nullptr)}};
}

void run_policy(const Command& o) {
  complaint::Desk desk(o.desk);
  store_policy(desk, o.policy);
  const Json p = policy_json(desk.options());
  if (o.format.json) return write_json(standard_output(), p);
  Rows rows(standard_output(), Format::table, {"setting", "value"});
  for (const auto& [key, value] : p.items()) rows.add({key, value.is_string() ? value.get<std::string>() : value.dump()});
  rows.finish();
}

void run_route(const Command& o) {
  const complaint::Organisation org = complaint::read_organisation(o.file);
  const complaint::Route r = org.nearest_with_authority(o.from, o.authority);
  if (o.format.json)
    return write_json(standard_output(), {{"unit", r.unit}, {"cost", r.cost}, {"path", r.path}});
  std::string path;
  for (const std::string& u : r.path) path += (path.empty() ? "" : " -> ") + u;
  standard_output().write(r.unit + " (hand-over cost " + number_text(r.cost) + "): " + path + "\n");
}

void run_states(const Command& o) {
  Rows rows(standard_output(), o.format.json ? Format::json : Format::table, {"from", "event", "to", "condition"});
  for (const complaint::Transition& t : complaint::transitions())
    rows.add({std::string(name_of(t.from)), std::string(name_of(t.event)),
              std::string(t.event == complaint::CaseEvent::resume ? "(previous)" : name_of(t.to)),
              std::string(t.condition)});
  rows.finish();
}

void add_desk_option(CLI::App& cmd, Command& o) {
  cmd.add_option("--desk", o.desk, "the desk directory (its database is DIR/desk.sqlite3)")->type_name("DIR")->required();
}

}  // namespace

void add_complaint_report(CLI::App& group);  // report.cpp: import, report

void add_complaints(CLI::App& app) {
  CLI::App* group =
      app.add_subcommand("complaints", "the complaint desk: replay events, show a case, list cases, states, policy, route");
  group->require_subcommand(1);
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("replay", "apply a file of case events to a desk");
    cmd->footer(
        "EVENTS.csv has the header time,case_id,event,actor and optionally\n"
        "channel,customer,category,priority,department,note,follows,changes. time is 2026-03-02T09:00:00Z\n"
        "or with an offset (+01:00); follows names the finished case an open follows up; changes\n"
        "(escalate) is person, time, place or a combination like person+place. event is one of\n"
        "" + complaint::names(complaint::CaseEvent{}).joined(" ") + ".\n"
        "A refused event is reported with its line, case, state and event; the others still apply\n"
        "(--strict: nothing after the first refusal). Exit code 1 when any event was refused.");
    add_file_argument(*cmd, o->file, "event file");
    add_desk_option(*cmd, *o);
    cmd->add_flag("--strict", o->strict, "stop at the first refused event");
    add_policy(*cmd, o->policy, true);
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_replay(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("policy", "the desk's stored policy; options change it");
    add_desk_option(*cmd, *o);
    add_policy(*cmd, o->policy, true);
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_policy(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("route", "the nearest unit with the authority a case needs");
    cmd->footer("ORG.csv has the header type,unit,authority,to,cost: rows 'unit,NAME,AUTHORITY,,' and\n"
                "'path,FROM,,TO,COST' (COST blank: 1).");
    add_file_argument(*cmd, o->file, "organisation file");
    cmd->add_option("--from", o->from, "the unit the case is in")->required();
    cmd->add_option("--authority", o->authority, "the authority the case needs")->required();
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_route(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("show", "a case's state, SLA clocks and audit trail");
    cmd->add_option("CASE", o->case_id, "case id")->required();
    add_desk_option(*cmd, *o);
    cmd->add_option("--at", o->at, "clocks at this time (default: now)")->type_name("TIME");
    add_policy(*cmd, o->policy, false);
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_show(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("list", "case ids, optionally by state or breached reply targets");
    add_desk_option(*cmd, *o);
    cmd->add_option("--state", o->state, "only cases in this state")->check(choices_of<complaint::CaseState>());
    cmd->add_flag("--breached", o->breached, "only cases with a breached or late reply target");
    cmd->add_option("--at", o->at, "clocks at this time (default: now)")->type_name("TIME");
    add_policy(*cmd, o->policy, false);
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_list(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("states", "the case state machine's transition table");
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_states(*o); });
  }
  add_complaint_report(*group);
}

}  // namespace crmkit_cli
