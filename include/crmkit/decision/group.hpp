// Group decisions: several members' rankings or AHP judgments brought together, how far the
// members agree, and the course's team exercise (each member ranks alone, the team ranks
// together, both are scored against an expert's ranking).
//
// Rankings are items x members, row-major (one row per item, one column per member, as in a
// spreadsheet). A member's column is a ranking of the n items: 1 = first; tied items share
// the mean of the places they take (two items tied for second both get 2.5), so every
// column sums to n(n + 1) / 2. Anything else (a duplicate or missing rank, a rank outside
// 1..n) is refused naming the member and the item.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/decision/ahp.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

struct Rankings {
  std::size_t items = 0;
  std::size_t members = 0;
  std::vector<double> ranks;              // items x members, row-major
  std::vector<std::string> item_names;    // empty or one per item (for messages)
  std::vector<std::string> member_names;  // empty or one per member

  double operator()(std::size_t item, std::size_t member) const { return ranks[item * members + member]; }
  std::vector<double> member(std::size_t j) const;  // one member's column
  std::string item_label(std::size_t i) const;      // "item 'B'" or "item 2 (0-based)"
  std::string member_label(std::size_t j) const;
};

// Throws invalid_argument for fewer than two items or no member, a size mismatch, or a
// column that is not a ranking (see the header comment), naming the member and the item.
void validate(const Rankings& rankings);

// Kendall's coefficient of concordance (Kendall & Babington Smith 1939) with the ties
// correction: W = 12 S / (m^2 (n^3 - n) - m sum_j T_j), S the sum of squared deviations of
// the items' rank sums from their mean, T_j = sum over member j's tie groups of t^3 - t.
// W = 1 is complete agreement, 0 none. Significance: chi-square = m (n - 1) W on n - 1
// degrees of freedom (a large-sample approximation; Kendall advises it for n > 7).
struct Concordance {
  double w = 0;
  double chi_square = 0;
  std::size_t df = 0;
  double p_value = 1;  // upper tail of chi-square(df)
  std::vector<double> rank_sums;  // per item
  double s = 0;
  double ties_correction = 0;  // sum over members of T_j (0 without ties)
};
Concordance kendall_w(const Rankings& rankings);

// Distance between two rankings of the same items.
// Kendall's tau-b: (concordant - discordant) / sqrt((n0 - ties_a)(n0 - ties_b)), n0 =
// n(n - 1)/2 pairs; 1 identical order, -1 reversed. Undefined (NaN) when either ranking ties
// every item. Spearman's footrule: sum_i |a_i - b_i| (0 identical; also the course's "error
// score" of a ranking against the expert's).
double kendall_tau(const std::vector<double>& a, const std::vector<double>& b);
double footrule(const std::vector<double>& a, const std::vector<double>& b);

// Borda count: an item ranked r by a member earns n - r points; the consensus ranks items
// by total points (most first; equal totals share a rank, "1, 1, 3"). Each member's distance
// from the consensus ranking is reported.
struct GroupRanking {
  std::vector<double> points;             // per item
  std::vector<std::size_t> ranks;         // per item, 1 = first
  std::vector<double> member_tau;         // per member: tau-b against the consensus ranks
  std::vector<double> member_footrule;    // per member: footrule against the consensus ranks
};
GroupRanking borda(const Rankings& rankings);

// The consensus ranks as mid-ranks (ties take the mean of their places): comparable with
// the members' columns, e.g. in footrule distances.
std::vector<double> mid_ranks(const std::vector<std::size_t>& competition_ranks);

// Aggregation of individual judgments (AIJ, Forman & Peniwati 1998): each cell of the group
// matrix is the weighted geometric mean of the members' judgments (members who left the
// cell blank are left out and the others' weights rescaled; a cell no one judged stays
// missing and is completed by the AHP options). The result is reciprocal whenever the
// members' matrices are, and identical members give back their own matrix.
// `matrices` holds `members` n x n row-major matrices one after another; `member_weights`
// empty (equal) or one per member, >= 0, summing to 1. Throws invalid_argument naming the
// member for a member with no judgments (every off-diagonal cell blank) or a bad judgment.
struct GroupAhpResult {
  AhpResult group;                  // AIJ: the AHP of the aggregated matrix; AIP: see below
  std::vector<AhpResult> members;   // each member's own AHP (consistency per member)
};
GroupAhpResult aggregate_judgments(const double* matrices, std::size_t members, std::size_t n,
                                   const std::vector<double>& member_weights = {},
                                   const AhpOptions& options = {});
// Aggregation of individual priorities (AIP): each member's AHP priorities, then their
// weighted arithmetic mean. `group.priorities` is that mean; the other fields of `group`
// are those of AIJ's matrix (the group's consistency), so both report comparably.
GroupAhpResult aggregate_priorities(const double* matrices, std::size_t members, std::size_t n,
                                    const std::vector<double>& member_weights = {},
                                    const AhpOptions& options = {});

// The team exercise. Each member ranks the items alone, the team agrees on one ranking,
// and each ranking's error score is its footrule distance from the expert's ranking.
// Synergy: the team beats its average member (team error < mean member error) and its
// best member; gain = mean member error - team error (positive when the team did better).
// Groupthink sign: the team's ranking is closer to one member (the dominant one: smallest
// footrule to the team) than the members' Borda consensus is to that member, and differs
// from the consensus — the team followed one voice rather than pooling its members.
struct TeamExercise {
  std::vector<double> member_errors;  // per member
  double team_error = 0;
  double mean_member_error = 0;
  double best_member_error = 0;
  std::size_t best_member = 0;
  bool beats_average = false;
  bool beats_best = false;
  double synergy_gain = 0;
  std::size_t dominant_member = 0;
  double team_to_dominant = 0;       // footrule(team, dominant member)
  double consensus_to_dominant = 0;  // footrule(Borda consensus, dominant member)
  double team_to_consensus = 0;      // footrule(team, Borda consensus)
  bool groupthink_sign = false;
  Concordance concordance;           // Kendall's W of the members
};
// `team` and `expert` are rankings of the same items (validated like a member's column,
// named "team" and "expert" in errors).
TeamExercise team_exercise(const Rankings& members, const std::vector<double>& team,
                           const std::vector<double>& expert);

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
