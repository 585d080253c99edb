// The decision pillar's demo section: the six-step choice of a retention campaign on the
// bundled sample (data/decision/): AHP weights of the criteria, a TOPSIS ranking, and how
// far the choice holds when the weights move (a chart, the weight intervals, and the rank
// acceptability of 10,000 weight draws); then the course's team exercise
// (data/decision/team_exercise.csv): members' and the team's error scores against the expert;
// and a weighted SWOT matrix (data/decision/swot.csv).
#include <string>
#include <vector>

#include "crmkit/decision/ahp.hpp"
#include "crmkit/decision/group.hpp"
#include "crmkit/decision/sensitivity.hpp"
#include "crmkit/decision/swot.hpp"
#include "crmkit/io/svg.hpp"
#include "decision/files.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
namespace io = crmkit::io;

std::string percent(double share) { return fixed(100 * share, 1) + "%"; }

// Closeness of every alternative as criterion j's weight runs over [0, 1], the others
// rescaled proportionally (as the sensitivity analysis moves them).
std::string sensitivity_chart(const decision::DecisionMatrix& m, const std::vector<double>& weights,
                              std::size_t j) {
  std::vector<io::Series> lines(m.alternatives);
  for (std::size_t a = 0; a < m.alternatives; ++a) lines[a].name = m.alternative_names[a];
  for (int step = 0; step <= 50; ++step) {
    const double t = step / 50.0;
    std::vector<double> w(weights.size());
    for (std::size_t k = 0; k < w.size(); ++k)
      w[k] = k == j ? t : weights[k] * (1 - t) / (1 - weights[j]);
    const decision::RankResult r = decision::rank_topsis(m, w);
    for (std::size_t a = 0; a < m.alternatives; ++a) {
      lines[a].x.push_back(t);
      lines[a].y.push_back(r.scores[a]);
    }
  }
  io::ChartOptions options;
  options.title = "TOPSIS closeness as the weight of " + m.criterion_names[j] + " moves";
  options.x_label = "weight of " + m.criterion_names[j] + " (the others rescaled)";
  options.y_label = "closeness";
  options.markers.push_back({weights[j], "AHP weight " + fixed(weights[j], 2)});
  return io::line_chart(lines, options);
}

// The team exercise: each member's error score, the team's, synergy and Kendall's W.
std::string team_exercise_html(const DemoContext& context) {
  const RankingsFile f = read_rankings(context.data_dir + "/decision/team_exercise.csv", "expert", "team");
  const decision::TeamExercise t = decision::team_exercise(f.members, f.team, f.expert);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t j = 0; j < f.members.members; ++j)
    rows.push_back({f.members.member_names[j], fixed(t.member_errors[j], 1)});
  rows.push_back({"team", fixed(t.team_error, 1)});
  const std::string verdict = t.beats_best ? "beat its best member"
                              : t.beats_average ? "beat its average member but not its best"
                                                : "did not beat its average member";
  return "<h3>The team exercise</h3>\n<p>Each member ranked five survival items alone, then the "
         "team ranked them together (<code>decision/team_exercise.csv</code>); an error score "
         "is the sum of absolute rank differences from the expert's ranking. The members' "
         "agreement: Kendall's W " + fixed(t.concordance.w, 3) + ", p " +
         fixed(t.concordance.p_value, 3) + ". The team " + verdict + " (synergy gain " +
         fixed(t.synergy_gain, 1) + " points against the mean member)" +
         (t.groupthink_sign ? "; its ranking sits closer to " + f.members.member_names[t.dominant_member] +
                                  " than the members' consensus does, a sign of groupthink"
                            : "") +
         ".</p>\n" + html_table({"ranking", "error score"}, rows);
}

// The SWOT matrix with IFE/EFE, the position and the best TOWS pair of each type.
std::string swot_html(const DemoContext& context) {
  const SwotFile f = read_swot(context.data_dir + "/decision/swot.csv");
  const decision::SwotResult r = decision::swot(f.factors);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t k = 0; k < r.tows.size(); ++k)
    if (k == 0 || r.tows[k].type != r.tows[k - 1].type)  // the best pair of each type
      rows.push_back({crmkit::name_of(r.tows[k].type), f.factors[r.tows[k].internal].name,
                      f.factors[r.tows[k].external].name, fixed(r.tows[k].score, 2)});
  return "<h3>SWOT</h3>\n<p>A weighted SWOT of a retail bank (<code>decision/swot.csv</code>): IFE " +
         fixed(r.ife, 2) + ", EFE " + fixed(r.efe, 2) + " place it in the internal-external matrix's " +
         crmkit::name_of(r.strategy) + " cells; strengths outweigh weaknesses by " + fixed(r.internal_net, 2) +
         " and opportunities threats by " + fixed(r.external_net, 2) + " (" + crmkit::name_of(r.quadrant) +
         " quadrant). The strongest TOWS pair of each type is a candidate strategy.</p>\n" +
         decision::swot_chart(f.factors, r, "SWOT matrix: retail bank") +
         html_table({"TOWS", "internal factor", "external factor", "score"}, rows);
}

}  // namespace

DemoSection demo_decisions(const DemoContext& context) {
  // Steps 2 and 3: the criteria and their weights from pairwise judgments.
  const PairwiseFile judgments = read_pairwise(context.data_dir + "/decision/campaign_criteria.csv", {});
  const decision::AhpResult ahp = decision::ahp(judgments.values.data(), judgments.names.size(), {},
                                                judgments.names);
  // Steps 4 and 5: the alternatives, evaluated by TOPSIS (cost and weeks: less is better).
  DecisionFile file = read_decision(context.data_dir + "/decision/campaigns.csv");
  decision::DecisionMatrix& m = file.matrix;
  for (const std::string& c : m.criterion_names)
    m.directions.push_back(c == "cost" || c == "weeks_to_launch" ? decision::Direction::cost
                                                                  : decision::Direction::benefit);
  // The AHP matrix names the criteria in the decision file's order.
  std::vector<double> weights;
  for (const std::string& c : m.criterion_names)
    for (std::size_t i = 0; i < judgments.names.size(); ++i)
      if (judgments.names[i] == c) weights.push_back(ahp.priorities[i]);
  const decision::RankResult ranking = decision::rank_topsis(m, weights);
  decision::RankOptions topsis;
  topsis.method = decision::RankMethod::topsis;
  const decision::WeightSensitivity sensitivity = decision::weight_sensitivity(m, weights, topsis);
  const decision::RankAcceptability acceptability = decision::rank_acceptability(m, weights, topsis);

  std::vector<std::vector<std::string>> weight_rows, rank_rows;
  for (std::size_t j = 0; j < m.criteria; ++j) {
    const decision::WeightInterval& w = sensitivity.criteria[j];
    weight_rows.push_back({m.criterion_names[j], crmkit::name_of(m.directions[j]), fixed(weights[j], 3),
                           fixed(w.top_low, 3) + " - " + fixed(w.top_high, 3)});
  }
  for (std::size_t a : ranking.order)
    rank_rows.push_back({std::to_string(ranking.ranks[a]), m.alternative_names[a], fixed(ranking.scores[a], 3),
                         percent(acceptability.share(a, 1))});
  const std::string best = m.alternative_names[ranking.order.front()];

  DemoSection s;
  s.title = "Decisions: choosing a retention campaign";
  s.html =
      "<p>The six-step decision model on <code>decision/campaigns.csv</code>: the criteria's "
      "weights from pairwise judgments (AHP, <code>decision/campaign_criteria.csv</code>; "
      "consistency ratio " + fixed(ahp.cr, 3) + (ahp.cr <= 0.1 ? ", acceptable" : ", revise the judgments") +
      "), the four campaigns ranked by TOPSIS, and how far the choice holds when the weights "
      "move: each criterion's weight may lie anywhere in its interval (the others rescaled) "
      "without changing the first choice; the last column is the share of 10,000 random "
      "weightings around the AHP weights (Dirichlet, seeded) under which the campaign ranks "
      "first.</p>\n" +
      html_table({"criterion", "direction", "AHP weight", "first choice holds for"}, weight_rows) +
      html_table({"rank", "campaign", "TOPSIS closeness", "first in draws"}, rank_rows) +
      sensitivity_chart(m, weights, 0);
  s.html += team_exercise_html(context) + swot_html(context);
  s.summary = "AHP weights (CR " + fixed(ahp.cr, 3) + "), TOPSIS choice " + best + ", first in " +
              percent(acceptability.share(ranking.order.front(), 1)) + " of weight draws";
  return s;
}

}  // namespace crmkit_cli
