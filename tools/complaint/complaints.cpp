// crmkit complaints replay|show|list|states: the complaint desk from the command line.
//   replay EVENTS.csv --desk DIR [--strict]   apply an event file (refusals reported per line)
//   show CASE --desk DIR [--at TIME]          state, SLA clocks and audit trail of a case
//   list --desk DIR [--state S] [--breached]  case ids
//   states                                    the transition table
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

// The SLA policy is not stored in the desk: every command that reads clocks takes it.
struct PolicyOptions {
  std::string business_hours;  // IANA zone: business clock Mon-Fri 09-17 there
  std::vector<std::string> holidays;
  double warning = complaint::SlaPolicy{}.warning_fraction;

  complaint::DeskOptions desk() const {
    complaint::DeskOptions o;
    if (!business_hours.empty()) {
      o.sla.mode = complaint::ClockMode::business_time;
      o.sla.calendar = complaint::BusinessCalendar(business_hours);
      for (const std::string& h : holidays) o.sla.calendar.holiday(h);
    } else if (!holidays.empty()) {
      throw UsageError("--holiday needs --business-hours ZONE (holidays count on a business calendar only)");
    }
    o.sla.warning_fraction = warning;
    return o;
  }
};

struct Command {
  std::string desk, file, case_id, state, at;
  bool strict = false, breached = false;
  PolicyOptions policy;
  FormatOptions format;
};

void add_policy(CLI::App& cmd, PolicyOptions& p) {
  cmd.add_option("--business-hours", p.business_hours,
                 "count SLA time on a business calendar: Monday-Friday 09:00-17:00 in this IANA time zone "
                 "(default: calendar time)")
      ->type_name("ZONE")
      ->group("SLA policy");
  cmd.add_option("--holiday", p.holidays, "a holiday YYYY-MM-DD of the business calendar (repeatable)")
      ->type_name("DATE")
      ->group("SLA policy");
  cmd.add_option("--warning", p.warning, "warn at this fraction of a reply target")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str()
      ->group("SLA policy");
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
  complaint::Desk desk(o.desk, o.policy.desk());
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

void run_show(const Command& o) {
  const complaint::Desk desk(o.desk, o.policy.desk());
  const complaint::ComplaintCase c = desk.get(o.case_id);
  const auto clocks = desk.clocks(o.case_id, std::max(at_time(o.at), c.audit.back().time));
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
                     {"note", a.note}});
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
                            {"clocks", clock_list},
                            {"audit", audit}});
  out.write("case " + c.id + ": state " + name_of(c.state) + ", channel " + name_of(c.channel) + ", priority " +
            name_of(c.priority) + ", department " + (c.department.empty() ? "-" : c.department) + ", handler " +
            c.handler + "\n\n");
  Rows table(out, Format::table, {"clock", "status", "target_h", "due", "stopped", "elapsed_h"});
  for (const Json& k : clock_list)
    table.add({k["clock"].get<std::string>(), k["status"].get<std::string>(),
               static_cast<double>(k["target_seconds"].get<std::int64_t>()) / 3600.0, optional_text(k["due"]),
               optional_text(k["stopped"]), static_cast<double>(k["elapsed_seconds"].get<std::int64_t>()) / 3600.0});
  table.finish();
  out.write("\n");
  Rows trail(out, Format::table, {"seq", "time", "actor", "event", "before", "after", "department", "note"});
  for (const Json& a : audit)
    trail.add({a["sequence"].get<std::int64_t>(), a["time"].get<std::string>(), a["actor"].get<std::string>(),
               a["event"].get<std::string>(), optional_text(a["before"]), a["after"].get<std::string>(),
               a["department"].get<std::string>(), a["note"].get<std::string>()});
  trail.finish();
}

void run_list(const Command& o) {
  const complaint::Desk desk(o.desk, o.policy.desk());
  std::optional<complaint::CaseState> state;
  if (!o.state.empty()) state = crmkit::parse_enum<complaint::CaseState>(o.state);
  const complaint::Time at = at_time(o.at);
  Json cases = Json::array();
  for (const std::string& id : desk.list(state, o.breached, at)) {
    const complaint::ComplaintCase c = desk.get(id);
    cases.push_back({{"case", id},
                     {"state", name_of(c.state)},
                     {"breached", complaint::breached(desk.clocks(id, std::max(at, c.audit.back().time)))}});
  }
  if (o.format.json) return write_json(standard_output(), cases);
  Rows rows(standard_output(), Format::table, {"case", "state", "breached"});
  for (const Json& c : cases)
    rows.add({c["case"].get<std::string>(), c["state"].get<std::string>(),
              std::string(c["breached"].get<bool>() ? "yes" : "no")});
  rows.finish();
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
  CLI::App* group = app.add_subcommand("complaints", "the complaint desk: replay events, show a case, list cases, states");
  group->require_subcommand(1);
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("replay", "apply a file of case events to a desk");
    cmd->footer(
        "EVENTS.csv has the header time,case_id,event,actor and optionally\n"
        "channel,customer,category,priority,department,note. time is 2026-03-02T09:00:00Z or with an\n"
        "offset (+01:00); event is one of " + complaint::names(complaint::CaseEvent{}).joined(" ") + ".\n"
        "A refused event is reported with its line, case, state and event; the others still apply\n"
        "(--strict: nothing after the first refusal). Exit code 1 when any event was refused.");
    add_file_argument(*cmd, o->file, "event file");
    add_desk_option(*cmd, *o);
    cmd->add_flag("--strict", o->strict, "stop at the first refused event");
    cmd->add_flag("--json", o->format.json, "JSON output");
    cmd->callback([o] { run_replay(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group->add_subcommand("show", "a case's state, SLA clocks and audit trail");
    cmd->add_option("CASE", o->case_id, "case id")->required();
    add_desk_option(*cmd, *o);
    cmd->add_option("--at", o->at, "clocks at this time (default: now)")->type_name("TIME");
    add_policy(*cmd, o->policy);
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
    add_policy(*cmd, o->policy);
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
