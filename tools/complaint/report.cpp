// crmkit complaints import|report: complaint analytics from the command line.
//   import FILE --desk DIR          replay a CFPB complaint export into a desk (idempotent)
//   report --desk DIR [--json]      volumes, Pareto of causes, time distributions, SLA
//                                   compliance, reopen rate, empowerment, satisfaction,
//                                   iceberg, forwarding lag and dispute rates
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/complaint/analytics.hpp"

namespace crmkit_cli {

namespace {

namespace complaint = crmkit::complaint;
using Json = nlohmann::ordered_json;

struct Command {
  std::string desk, file, at;
  FormatOptions format;
};

Json rate_json(const complaint::Tally& t, const char* hits, const char* total) {
  const auto rate = t.rate();
  return {{hits, t.hits}, {total, t.total}, {"rate", rate ? json_number(*rate) : Json(nullptr)}};
}

Json notes_json(const std::vector<complaint::ImportNote>& notes) {
  Json out = Json::array();
  for (const complaint::ImportNote& n : notes) out.push_back({{"line", n.line}, {"case", n.case_id}, {"reason", n.reason}});
  return out;
}

Json distribution_json(const complaint::Distribution& d) {
  return {{"cases", d.cases}, {"median_hours", json_number(d.median_hours)}, {"p90_hours", json_number(d.p90_hours)}};
}

Json report_json(const complaint::ComplaintReport& r) {
  const auto counts = [](const std::vector<complaint::Count>& v) {
    Json o = Json::object();
    for (const complaint::Count& c : v) o[c.key] = c.count;
    return o;
  };
  const auto sla = [](const std::vector<complaint::SlaCompliance>& v) {
    Json o = Json::object();
    for (const complaint::SlaCompliance& s : v)
      o[s.key] = {{"first_response", rate_json(s.first_response, "met", "judged")},
                  {"resolution", rate_json(s.resolution, "met", "judged")}};
    return o;
  };
  Json pareto = Json::array(), lag = Json::object(), disputes = Json::object(), quality = Json::array(),
       costs = Json::array();
  for (const complaint::ParetoRow& p : r.pareto)
    pareto.push_back({{"cause", p.cause}, {"count", p.count}, {"share", json_number(p.share)},
                      {"cumulative", json_number(p.cumulative)}, {"vital", p.vital}});
  for (const complaint::LagStats& l : r.forwarding_lag)
    lag[l.channel] = {{"rows", l.rows}, {"mean_days", json_number(l.mean_days)}, {"median_days", json_number(l.median_days)}};
  for (const complaint::DisputeRate& d : r.dispute_by_response) disputes[d.response] = rate_json(d.disputed, "disputed", "cases");
  for (const complaint::HandlerQuality& h : r.handler_quality)
    quality.push_back({{"handler", h.handler}, {"period", h.period}, {"reviews", h.reviews},
                       {"score", json_number(h.score)}, {"taboos", h.taboos}});
  for (const complaint::RecoveryCost& c : r.recovery.cost_by_cause)
    costs.push_back({{"cause", c.key}, {"currency", c.currency}, {"minor", c.minor}, {"recoveries", c.recoveries}});
  const complaint::Iceberg& ice = r.iceberg;
  const complaint::RecoverySummary& rec = r.recovery;
  return {{"cases", r.cases},
          {"events", r.events},
          {"judged_at", complaint::format_time(r.now)},
          {"by_channel", counts(r.by_channel)},
          {"by_issue", counts(r.by_issue)},
          {"by_period", counts(r.by_period)},
          {"pareto", {{"vital_few", r.vital_few}, {"causes", pareto}}},
          {"times",
           {{"first_response", {{"calendar", distribution_json(r.times.first_response_calendar)},
                                {"business", distribution_json(r.times.first_response_business)}}},
            {"resolution", {{"calendar", distribution_json(r.times.resolution_calendar)},
                            {"business", distribution_json(r.times.resolution_business)}}}}},
          {"sla_compliance", {{"by_channel", sla(r.sla_by_channel)}, {"by_priority", sla(r.sla_by_priority)}}},
          {"reopen_rate", rate_json(r.reopened, "reopened", "closed")},
          {"empowerment", rate_json(r.empowerment, "without_escalation", "closed")},
          {"satisfaction", {{"answers", r.satisfaction.answers},
                            {"mean", r.satisfaction.mean ? json_number(*r.satisfaction.mean) : Json(nullptr)}}},
          {"recovery", {{"recoveries", rec.recoveries},
                        {"apology", rate_json(rec.apology, "yes", "of")},
                        {"preventive", rate_json(rec.preventive, "yes", "of")},
                        {"timely", rate_json(rec.timely, "yes", "of")},
                        {"proactive", rate_json(rec.proactive, "yes", "of")},
                        {"feelings", rate_json(rec.feelings, "yes", "of")},
                        {"cost_by_cause", costs}}},
          {"handler_quality", quality},
          {"iceberg", {{"complainants", ice.complainants}, {"dissatisfied", json_number(ice.dissatisfied)},
                       {"silent", json_number(ice.silent)}, {"told", json_number(ice.told)},
                       {"revenue_at_risk", ice.valued ? json_number(ice.revenue_at_risk) : Json(nullptr)},
                       {"complainants_valued", ice.complainants_valued}}},
          {"forwarding_lag", lag},
          {"forwarding_lag_excluded", notes_json(r.lag_excluded)},
          {"dispute_rate_by_response", disputes},
          {"timely", rate_json(r.timely, "timely", "cases")}};
}

void run_import(const Command& o) {
  complaint::Desk desk(o.desk);
  const complaint::ImportResult r = o.file == "-" ? complaint::import_cfpb(desk, std::cin, "<stdin>")
                                                  : complaint::import_cfpb(desk, o.file);
  Sink& out = standard_output();
  if (o.format.json)
    return write_json(out, {{"rows", r.rows},
                            {"imported", r.imported},
                            {"already_present", r.already_present},
                            {"flagged", notes_json(r.flagged)},
                            {"rejected", notes_json(r.rejected)}});
  out.write("rows " + std::to_string(r.rows) + ": imported " + std::to_string(r.imported) + " cases, already present " +
            std::to_string(r.already_present) + ", flagged " + std::to_string(r.flagged.size()) + ", rejected " +
            std::to_string(r.rejected.size()) + "\n");
  for (const auto* list : {&r.flagged, &r.rejected})
    for (const complaint::ImportNote& n : *list)
      out.write(std::string(list == &r.flagged ? "flagged" : "rejected") + " line " + std::to_string(n.line) +
                (n.case_id.empty() ? std::string() : " (" + n.case_id + ")") + ": " + n.reason + "\n");
}

void write_counts(Sink& out, const char* title, const Json& counts) {
  out.write(std::string("\n") + title + "\n");
  Rows rows(out, Format::table, {"key", "cases"});
  for (const auto& [k, v] : counts.items()) rows.add({k, v.get<std::int64_t>()});
  rows.finish();
}

void run_report(const Command& o) {
  const complaint::Desk desk(o.desk);
  complaint::AnalyticsOptions options;
  if (!o.at.empty()) options.now = complaint::parse_time(o.at);
  const Json j = report_json(complaint::analyse(desk, options));
  Sink& out = standard_output();
  if (o.format.json) return write_json(out, j);
  const auto rate = [](const Json& r) { return r["rate"].is_null() ? std::string("-") : number_text(r["rate"].get<double>()); };
  out.write("cases " + j["cases"].dump() + ", events " + j["events"].dump() + ", judged at " +
            j["judged_at"].get<std::string>() + "; reopen rate " + rate(j["reopen_rate"]) + ", empowerment " +
            rate(j["empowerment"]) + ", vital few causes " + j["pareto"]["vital_few"].dump() + "\n");
  write_counts(out, "by channel", j["by_channel"]);
  out.write("\nPareto of causes\n");
  Rows pareto(out, Format::table, {"cause", "cases", "share", "cumulative", "vital"});
  for (const Json& p : j["pareto"]["causes"])
    pareto.add({p["cause"].get<std::string>(), p["count"].get<std::int64_t>(), p["share"].get<double>(),
                p["cumulative"].get<double>(), std::string(p["vital"].get<bool>() ? "yes" : "")});
  pareto.finish();
  out.write("\ntimes (hours)\n");
  Rows times(out, Format::table, {"measure", "clock", "cases", "median", "p90"});
  for (const char* m : {"first_response", "resolution"})
    for (const char* c : {"calendar", "business"}) {
      const Json& d = j["times"][m][c];
      times.add({std::string(m), std::string(c), d["cases"].get<std::int64_t>(), d["median_hours"].get<double>(),
                 d["p90_hours"].get<double>()});
    }
  times.finish();
  out.write("\nSLA compliance\n");
  Rows sla(out, Format::table, {"by", "key", "first_response", "resolution"});
  for (const char* by : {"by_channel", "by_priority"})
    for (const auto& [k, v] : j["sla_compliance"][by].items())
      sla.add({std::string(by + 3), k, rate(v["first_response"]), rate(v["resolution"])});
  sla.finish();
  if (!j["dispute_rate_by_response"].empty()) {
    out.write("\ndispute rate by company response\n");
    Rows d(out, Format::table, {"response", "cases", "disputed", "rate"});
    for (const auto& [k, v] : j["dispute_rate_by_response"].items())
      d.add({k, v["cases"].get<std::int64_t>(), v["disputed"].get<std::int64_t>(), v["rate"].get<double>()});
    d.finish();
  }
}

void add_desk(CLI::App& cmd, Command& o) {
  cmd.add_option("--desk", o.desk, "the desk directory (its database is DIR/desk.sqlite3)")->type_name("DIR")->required();
  cmd.add_flag("--json", o.format.json, "JSON output");
}

}  // namespace

void add_complaint_report(CLI::App& group) {
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group.add_subcommand("import", "replay a CFPB consumer complaint export into a desk");
    cmd->footer(
        "FILE has the CFPB export's header (date_received, product, issue, company, submitted_via,\n"
        "date_sent_to_company, company_response_to_consumer, timely_response, consumer_disputed?,\n"
        "complaint_id, ...). Each row becomes case cfpb-<complaint_id>, opened on date_received. Rows sent\n"
        "before they were received are flagged (left out of forwarding-lag statistics, still imported);\n"
        "unreadable rows are rejected with line and reason. Importing again adds nothing twice.");
    add_file_argument(*cmd, o->file, "CFPB complaint CSV");
    add_desk(*cmd, *o);
    cmd->callback([o] { run_import(*o); });
  }
  {
    auto o = std::make_shared<Command>();
    CLI::App* cmd = group.add_subcommand("report", "complaint analytics over a desk");
    add_desk(*cmd, *o);
    cmd->add_option("--at", o->at, "judge SLA clocks at this time (default: the desk's latest event)")->type_name("TIME");
    cmd->callback([o] { run_report(*o); });
  }
}

}  // namespace crmkit_cli
