// crmkit group RANKINGS.csv: how far members' rankings agree (Kendall's W), their Borda
// consensus, and the course's team exercise when an expert's ranking is given.
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/decision/group.hpp"
#include "decision/files.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
using crmkit::Error;
using crmkit::ErrorCode;
using json = nlohmann::ordered_json;

struct GroupCommand {
  std::string path, expert, team;
  FormatOptions format;
};

void run(const GroupCommand& o) {
  const RankingsFile c = read_rankings(o.path, o.expert, o.team);
  const DecisionFile& f = c.file;
  const decision::Rankings& r = c.members;
  decision::Concordance w;
  decision::GroupRanking borda;
  decision::TeamExercise team;
  const bool exercise = !c.expert.empty() && !c.team.empty();
  std::vector<double> member_errors;
  try {
    w = decision::kendall_w(r);
    borda = decision::borda(r);
    if (exercise) team = decision::team_exercise(r, c.team, c.expert);
    if (!c.expert.empty())
      for (std::size_t j = 0; j < r.members; ++j) member_errors.push_back(decision::footrule(r.member(j), c.expert));
  } catch (const Error& e) {
    throw Error(e.code(), f.name + ": " + e.what());
  }
  Sink& out = standard_output();
  if (o.format.json) {
    json members = json::array();
    for (std::size_t j = 0; j < r.members; ++j) {
      json m = {{"member", r.member_names[j]},
                {"tau_to_consensus", json_number(borda.member_tau[j])},
                {"footrule_to_consensus", json_number(borda.member_footrule[j])}};
      if (!member_errors.empty()) m["error_score"] = json_number(member_errors[j]);
      members.push_back(m);
    }
    json consensus = json::array();
    for (std::size_t i = 0; i < r.items; ++i)
      consensus.push_back({{"item", r.item_names[i]}, {"points", json_number(borda.points[i])}, {"rank", borda.ranks[i]}});
    json doc = {{"kendall_w", json_number(w.w)}, {"chi_square", json_number(w.chi_square)},
                {"df", w.df}, {"p_value", json_number(w.p_value)}, {"consensus", consensus},
                {"members", members}};
    if (exercise)
      doc["team"] = {{"error_score", json_number(team.team_error)},
                     {"mean_member_error", json_number(team.mean_member_error)},
                     {"best_member", r.member_names[team.best_member]},
                     {"best_member_error", json_number(team.best_member_error)},
                     {"beats_average", team.beats_average},
                     {"beats_best", team.beats_best},
                     {"synergy_gain", json_number(team.synergy_gain)},
                     {"dominant_member", r.member_names[team.dominant_member]},
                     {"team_to_dominant", json_number(team.team_to_dominant)},
                     {"consensus_to_dominant", json_number(team.consensus_to_dominant)},
                     {"groupthink_sign", team.groupthink_sign}};
    write_json(out, doc);
    return;
  }
  out.write("Kendall's W " + number_text(w.w) + " (chi-square " + number_text(w.chi_square) + " on " +
            std::to_string(w.df) + " df, p " + number_text(w.p_value) + ")\n\n");
  std::vector<std::string> header = {"member", "tau_to_consensus", "footrule_to_consensus"};
  if (!member_errors.empty()) header.push_back("error_score");
  Rows table(out, Format::table, header);
  for (std::size_t j = 0; j < r.members; ++j) {
    if (member_errors.empty()) table.add({r.member_names[j], borda.member_tau[j], borda.member_footrule[j]});
    else table.add({r.member_names[j], borda.member_tau[j], borda.member_footrule[j], member_errors[j]});
  }
  table.finish();
  if (!exercise) return;
  out.write("\nteam error score " + number_text(team.team_error) + " (members: mean " +
            number_text(team.mean_member_error) + ", best " + number_text(team.best_member_error) + " by " +
            r.member_names[team.best_member] + ")\nsynergy gain " + number_text(team.synergy_gain) +
            (team.beats_best ? " (the team beat its best member)"
                             : team.beats_average ? " (the team beat its average member, not its best)"
                                                  : " (the team did not beat its average member)") +
            "\n");
  if (team.groupthink_sign)
    out.write("sign of groupthink: the team's ranking is " + number_text(team.team_to_dominant) + " from " +
              r.member_names[team.dominant_member] + ", the members' consensus " +
              number_text(team.consensus_to_dominant) + "\n");
}

}  // namespace

void add_group(CLI::App& app) {
  auto o = std::make_shared<GroupCommand>();
  CLI::App* cmd = app.add_subcommand("group", "agreement of members' rankings and the team exercise");
  cmd->footer(
      "RANKINGS is a CSV: the first column names the items, then one column per member with\n"
      "ranks 1..n (tied items share the mean of their places, 2.5). --expert names the\n"
      "expert's column: each ranking's error score is the sum of absolute rank differences\n"
      "from it. The column named by --team (if present) is the team's own ranking: with an\n"
      "expert it gives the team's error score, its synergy (did the team beat its average and\n"
      "its best member?) and the sign of groupthink (the team closer to one member than the\n"
      "members' Borda consensus is).");
  add_file_argument(*cmd, o->path, "rankings, one column per member");
  cmd->add_option("--expert", o->expert, "the expert's column (not a member)");
  cmd->add_option("--team", o->team, "the team's column (not a member), used when present")->default_val("team");
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
