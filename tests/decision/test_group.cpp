// Group decisions: Kendall's W, Borda, tau and footrule, AIJ/AIP and the team exercise.
// Expected values: a published worked example of Kendall's W (cited in its test) and hand
// calculations written out beside them.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/group.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

// Items A..D (rows) ranked by three members (columns); member 2 ties B and C for places 2-3.
//   M1: 1 2 3 4    M2: 1 2.5 2.5 4    M3: 2 1 3 4
Rankings three_members() {
  Rankings r;
  r.items = 4;
  r.members = 3;
  r.ranks = {1, 1, 2,  //
             2, 2.5, 1,  //
             3, 2.5, 3,  //
             4, 4, 4};
  r.item_names = {"A", "B", "C", "D"};
  r.member_names = {"M1", "M2", "M3"};
  return r;
}

Rankings columns(std::size_t items, const std::vector<std::vector<double>>& members) {
  Rankings r;
  r.items = items;
  r.members = members.size();
  for (std::size_t i = 0; i < items; ++i)
    for (const auto& m : members) r.ranks.push_back(m[i]);
  return r;
}

}  // namespace

TEST_CASE("Kendall's W with the ties correction, by hand", "[group]") {
  // Rank sums A 4, B 5.5, C 8.5, D 12 (mean 7.5): S = 12.25 + 4 + 1 + 20.25 = 37.5.
  // Ties: M2 has one pair, T = 2^3 - 2 = 6. W = 12 S / (m^2 (n^3 - n) - m T)
  // = 450 / (9 x 60 - 18) = 450 / 522 = 25/29. chi-square = m (n - 1) W = 225/29 on 3 df;
  // p = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2) (the closed form for 3 df) = 0.0512728003338157.
  const Concordance c = kendall_w(three_members());
  CHECK(c.rank_sums == std::vector<double>{4, 5.5, 8.5, 12});
  CHECK(c.s == Approx(37.5).epsilon(1e-15));
  CHECK(c.ties_correction == 6);
  CHECK(c.w == Approx(25.0 / 29).epsilon(1e-14));
  CHECK(c.df == 3);
  CHECK(c.chi_square == Approx(225.0 / 29).epsilon(1e-14));
  CHECK(c.p_value == Approx(0.0512728003338157).epsilon(1e-12));
}

TEST_CASE("Kendall's W on a published worked example", "[group]") {
  // InfluentialPoints, "Kendall coefficient of concordance", worked example I
  // (https://influentialpoints.com/Training/coefficient_of_concordance.htm): four raters rank
  // the strawberries of eight farms. Published: rank sums 31 12 12 15 22 5 22 25, SS = 500,
  // W = 500 / (504 x 16 / 12) = 0.744, k (N - 1) W = 20.83, P = 0.004. The p-value to 15
  // digits is mpmath's gammainc(7/2, x/2, inf, regularized=True) at x = 28 x 500/672
  // (30-digit precision): 0.00402481676209703.
  const Rankings farms = columns(8, {{8, 4, 2, 3, 5, 1, 6, 7},
                                     {7, 3, 1, 4, 5, 2, 6, 8},
                                     {8, 2, 5, 6, 7, 1, 4, 3},
                                     {8, 3, 4, 2, 5, 1, 6, 7}});
  const Concordance c = kendall_w(farms);
  CHECK(c.rank_sums == std::vector<double>{31, 12, 12, 15, 22, 5, 22, 25});
  CHECK(c.s == 500);
  CHECK(c.w == Approx(500.0 / 672).epsilon(1e-15));
  CHECK(c.w == Approx(0.744).margin(5e-4));
  CHECK(c.chi_square == Approx(20.83).margin(5e-3));
  CHECK(c.df == 7);
  CHECK(c.p_value == Approx(0.004).margin(5e-4));
  CHECK(c.p_value == Approx(0.00402481676209703).epsilon(1e-12));
}

TEST_CASE("Kendall's W is 1 for identical rankings and 0 for two reversed ones", "[group]") {
  const Concordance same = kendall_w(columns(5, {{2, 1, 3, 5, 4}, {2, 1, 3, 5, 4}, {2, 1, 3, 5, 4}}));
  CHECK(same.w == Approx(1).epsilon(1e-15));
  // m (n - 1) W = 3 x 4 = 12 on 4 df: p = exp(-6)(1 + 6) = 0.017351265236664509.
  CHECK(same.p_value == Approx(7 * std::exp(-6.0)).epsilon(1e-12));
  const Concordance reversed = kendall_w(columns(4, {{1, 2, 3, 4}, {4, 3, 2, 1}}));
  CHECK(reversed.w == 0);  // every rank sum is n + 1 = 5: S = 0
  CHECK(reversed.p_value == Approx(1));
}

TEST_CASE("Kendall tau-b and Spearman's footrule, by hand", "[group]") {
  // (1,2,3,4) vs (2,1,3,4): 5 concordant, 1 discordant of 6 pairs: tau = 4/6.
  CHECK(kendall_tau({1, 2, 3, 4}, {2, 1, 3, 4}) == Approx(2.0 / 3).epsilon(1e-15));
  CHECK(kendall_tau({1, 2, 3, 4}, {4, 3, 2, 1}) == -1);
  // A tie in b: 5 concordant, 0 discordant, 1 tied pair: 5 / sqrt(6 x 5).
  CHECK(kendall_tau({1, 2, 3, 4}, {1, 2.5, 2.5, 4}) == Approx(5 / std::sqrt(30.0)).epsilon(1e-15));
  CHECK(footrule({1, 2, 3, 4}, {2, 1, 3, 4}) == 2);
  CHECK(footrule({1, 2, 3, 4}, {4, 3, 2, 1}) == 8);
}

TEST_CASE("Borda count and each member's distance from the consensus", "[group]") {
  // Points n - r: A 3+3+2 = 8, B 2+1.5+3 = 6.5, C 1+1.5+1 = 3.5, D 0: consensus A B C D.
  const GroupRanking g = borda(three_members());
  CHECK(g.points == std::vector<double>{8, 6.5, 3.5, 0});
  CHECK(g.ranks == std::vector<std::size_t>{1, 2, 3, 4});
  CHECK(g.member_footrule == std::vector<double>{0, 1, 2});
  CHECK(g.member_tau[0] == 1);
  CHECK(g.member_tau[1] == Approx(5 / std::sqrt(30.0)).epsilon(1e-15));
  CHECK(g.member_tau[2] == Approx(2.0 / 3).epsilon(1e-15));
  CHECK(mid_ranks({1, 2, 2, 4}) == std::vector<double>{1, 2.5, 2.5, 4});
}

TEST_CASE("rankings that are not rankings are refused naming the member and the item", "[group]") {
  Rankings r = three_members();
  r.ranks[3 * 1 + 0] = 1;  // M1 ranks B first as well as A
  CHECK_THAT(error_of([&] { kendall_w(r); }), Contains("member 'M1'") && Contains("'A'") && Contains("'B'") &&
                                                   Contains("share rank 1"));
  r = three_members();
  r.ranks[3 * 3 + 2] = 5;  // M3 ranks D fifth of four
  CHECK_THAT(error_of([&] { borda(r); }), Contains("member 'M3'") && Contains("item 'D'") &&
                                              Contains("outside 1..4"));
  r = three_members();
  r.ranks[3 * 1 + 1] = 2;  // M2: B 2, C 2.5 — neither a permutation nor mean places
  CHECK_THAT(error_of([&] { kendall_w(r); }), Contains("member 'M2'"));
  CHECK_THAT(error_of([&] { kendall_w(columns(1, {{1}})); }), Contains("at least two items"));
}

TEST_CASE("AIJ: the weighted geometric mean of judgments, reciprocal, exact for identical members", "[group]") {
  // Two members on three elements; cell (0,1): sqrt(2 x 8) = 4, (0,2): sqrt(4 x 1) = 2,
  // (1,2): sqrt(2 x 1/2) = 1.
  const double nan = NAN;
  const std::vector<double> two = {1, 2, 4, 1.0 / 2, 1, 2, 1.0 / 4, 1.0 / 2, 1,  //
                                   1, 8, 1, 1.0 / 8, 1, 1.0 / 2, 1, 2, 1};
  const GroupAhpResult g = aggregate_judgments(two.data(), 2, 3);
  const std::vector<double>& a = g.group.matrix;
  CHECK(a[1] == Approx(4).epsilon(1e-14));
  CHECK(a[2] == Approx(2).epsilon(1e-14));
  CHECK(a[5] == Approx(1).epsilon(1e-14));
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) CHECK(a[i * 3 + j] * a[j * 3 + i] == Approx(1).epsilon(1e-14));
  REQUIRE(g.members.size() == 2);
  CHECK(g.members[0].cr == Approx(0).margin(1e-12));  // member 1 is consistent (2 x 2 = 4)

  // Identical members: the group matrix is each member's, bit for bit.
  const std::vector<double> one = {1, 3, 5, 1.0 / 3, 1, 2, 1.0 / 5, 1.0 / 2, 1};
  std::vector<double> same = one;
  same.insert(same.end(), one.begin(), one.end());
  same.insert(same.end(), one.begin(), one.end());
  const GroupAhpResult s = aggregate_judgments(same.data(), 3, 3, {0.2, 0.3, 0.5});
  const AhpResult alone = ahp(one.data(), 3);
  CHECK(s.group.matrix == alone.matrix);
  CHECK(s.group.priorities == alone.priorities);

  // A blank cell is averaged over those who judged it; a member with no judgments is refused.
  std::vector<double> blank = two;
  blank[1] = blank[3] = nan;  // member 1 leaves (0,1) blank: the group takes member 2's 8
  CHECK(aggregate_judgments(blank.data(), 2, 3).group.matrix[1] == Approx(8).epsilon(1e-14));
  std::vector<double> empty = two;
  for (std::size_t c = 9; c < 18; ++c)
    if ((c - 9) / 3 != (c - 9) % 3) empty[c] = nan;
  CHECK_THAT(error_of([&] { aggregate_judgments(empty.data(), 2, 3); }),
             Contains("member 1 (0-based) has no judgments"));
  CHECK_THAT(error_of([&] { aggregate_judgments(two.data(), 2, 3, {0.5, 0.6}); }),
             Contains("sum to 1.1") && Contains("off 1 by 0.1"));
}

TEST_CASE("AIP: the weighted mean of the members' priorities", "[group]") {
  // Consistent members: member 1 priorities (4, 2, 1)/7, member 2 (1, 1, 1)/3.
  const std::vector<double> two = {1, 2, 4, 1.0 / 2, 1, 2, 1.0 / 4, 1.0 / 2, 1,  //
                                   1, 1, 1, 1, 1, 1, 1, 1, 1};
  const GroupAhpResult g = aggregate_priorities(two.data(), 2, 3, {0.25, 0.75});
  const double expected[] = {0.25 * 4 / 7 + 0.75 / 3, 0.25 * 2 / 7 + 0.75 / 3, 0.25 / 7 + 0.75 / 3};
  for (std::size_t i = 0; i < 3; ++i) CHECK(g.group.priorities[i] == Approx(expected[i]).epsilon(1e-12));
}

TEST_CASE("the team exercise: error scores, synergy and the sign of groupthink", "[group]") {
  // Expert A B C D (1,2,3,4). Errors: M1 0, M2 |2.5-2| + |2.5-3| = 1, M3 1 + 1 = 2; mean 1,
  // best M1 (0). Team (1,3,2,4): error 2, worse than the average member: gain 1 - 2 = -1.
  const std::vector<double> expert = {1, 2, 3, 4};
  const TeamExercise t = team_exercise(three_members(), {1, 3, 2, 4}, expert);
  CHECK(t.member_errors == std::vector<double>{0, 1, 2});
  CHECK(t.team_error == 2);
  CHECK(t.mean_member_error == 1);
  CHECK(t.best_member == 0);
  CHECK(t.best_member_error == 0);
  CHECK_FALSE(t.beats_average);
  CHECK_FALSE(t.beats_best);
  CHECK(t.synergy_gain == -1);
  // Team to M1 2, M2 0.5 + 0.5 = 1, M3 4: M2 is closest, at 1 — as close as the Borda
  // consensus (1,2,3,4) is to M2: no sign of groupthink.
  CHECK(t.dominant_member == 1);
  CHECK(t.team_to_dominant == 1);
  CHECK(t.consensus_to_dominant == 1);
  CHECK_FALSE(t.groupthink_sign);
  CHECK(t.concordance.w == Approx(25.0 / 29).epsilon(1e-14));

  // Two members say A B C D, one says D C B A; the team adopts the lone voice. Borda
  // consensus (1,2,3,4) is 8 from M3, the team 0: groupthink. The expert agrees with the
  // majority: errors 0, 0, 8 (mean 8/3), team 8.
  const Rankings split = columns(4, {{1, 2, 3, 4}, {1, 2, 3, 4}, {4, 3, 2, 1}});
  const TeamExercise g = team_exercise(split, {4, 3, 2, 1}, expert);
  CHECK(g.dominant_member == 2);
  CHECK(g.team_to_dominant == 0);
  CHECK(g.consensus_to_dominant == 8);
  CHECK(g.groupthink_sign);
  CHECK(g.synergy_gain == Approx(8.0 / 3 - 8).epsilon(1e-15));

  // A team that beats every member: members (1,2,4,3), (2,1,3,4); team = expert.
  const TeamExercise s = team_exercise(columns(4, {{1, 2, 4, 3}, {2, 1, 3, 4}}), expert, expert);
  CHECK(s.team_error == 0);
  CHECK(s.beats_average);
  CHECK(s.beats_best);
  CHECK(s.synergy_gain == 2);

  CHECK_THAT(error_of([&] { team_exercise(split, {1, 1, 3, 4}, expert); }),
             Contains("team") && Contains("share rank 1"));
  CHECK_THAT(error_of([&] { team_exercise(split, {1, 2, 3}, expert); }), Contains("team ranking has 3 ranks"));
}
