// Sensitivity of a ranking: weight intervals (exact and numeric), the smallest flip, rank
// acceptability by seeded Monte Carlo, rank reversal.
#include <cmath>
#include <numeric>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/sensitivity.hpp"
#include "detail/random.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

RankOptions with(RankMethod m, Normalization n = Normalization::automatic) {
  RankOptions o;
  o.method = m;
  o.normalization = n;
  return o;
}

DecisionMatrix random_matrix(std::uint64_t seed, std::size_t n, std::size_t k) {
  crmkit::detail::SplitMix64 rng(seed);
  DecisionMatrix m;
  m.alternatives = n, m.criteria = k;
  for (std::size_t c = 0; c < n * k; ++c) m.values.push_back(1 + 9 * rng.uniform());
  for (std::size_t j = 0; j < k; ++j) m.directions.push_back(j % 4 == 3 ? Direction::cost : Direction::benefit);
  return m;
}

std::vector<double> even(std::size_t k) { return std::vector<double>(k, 1.0 / static_cast<double>(k)); }

}  // namespace

TEST_CASE("WSM weight intervals are exact line crossings, by hand", "[sensitivity][exact]") {
  // minmax scores on two criteria: A (1, 0), B (0, 1), C (0.5, 0.4). With criterion 0 at t
  // and criterion 1 at 1 - t: A = t, B = 1 - t, C = 0.4 + 0.1 t. At t = 0.6: A 0.6, C 0.46,
  // B 0.4 (A, C, B).
  //   top: A-B cross at 1/2, A-C at t = 0.4 + 0.1 t -> 4/9; A stays first on [1/2, 1].
  //   ranking: A-C at 4/9, C-B at 0.4 + 0.1 t = 1 - t -> 6/11; stays on [6/11, 1].
  // Criterion 1 (weight 0.4 = 1 - t) mirrors it: top [0, 1/2], ranking [0, 5/11].
  const DecisionMatrix m(3, 2, {1, 0, 0, 1, 0.5, 0.4});
  const WeightSensitivity s = weight_sensitivity(m, {0.6, 0.4}, with(RankMethod::wsm, Normalization::minmax));
  REQUIRE(s.exact);
  REQUIRE(s.criteria.size() == 2);
  CHECK(s.criteria[0].weight == 0.6);
  CHECK(s.criteria[0].top_low == Approx(0.5).margin(1e-15));
  CHECK(s.criteria[0].top_high == 1);
  CHECK(s.criteria[0].ranking_low == Approx(6.0 / 11).margin(1e-15));
  CHECK(s.criteria[0].ranking_high == 1);
  CHECK(s.criteria[1].top_low == 0);
  CHECK(s.criteria[1].top_high == Approx(0.5).margin(1e-15));
  CHECK(s.criteria[1].ranking_high == Approx(5.0 / 11).margin(1e-15));
  // Smallest flip: 0.1 on either criterion; the first (criterion 0) is reported, B wins beyond.
  REQUIRE(s.has_flip);
  CHECK(s.flip_criterion == 0);
  CHECK(s.flip_weight == Approx(0.5));
  CHECK(s.flip_change == Approx(-0.1));
  CHECK(s.flip_winner == 1);
}

TEST_CASE("numeric intervals bracket a real change within the tolerance", "[sensitivity][numeric]") {
  const DecisionMatrix m = random_matrix(3, 6, 4);
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  for (RankMethod method : {RankMethod::topsis, RankMethod::vikor, RankMethod::wpm, RankMethod::waspas}) {
    INFO(crmkit::name_of(method));
    const RankOptions o = with(method);
    const WeightSensitivity s = weight_sensitivity(m, w, o);
    CHECK_FALSE(s.exact);
    const std::vector<std::size_t> base = rank(m, w, o).ranks;
    const auto top_at = [&](std::size_t j, double t) {
      std::vector<double> v(4);
      for (std::size_t c = 0; c < 4; ++c) v[c] = c == j ? t : w[c] * (1 - t) / (1 - w[j]);
      const std::vector<std::size_t> r = rank(m, v, o).ranks;
      std::vector<bool> first(6);
      for (std::size_t i = 0; i < 6; ++i) first[i] = r[i] == 1;
      return first;
    };
    std::vector<bool> base_first(6);
    for (std::size_t i = 0; i < 6; ++i) base_first[i] = base[i] == 1;
    for (std::size_t j = 0; j < 4; ++j) {
      const WeightInterval& iv = s.criteria[j];
      CHECK(iv.top_low <= iv.ranking_low);
      CHECK(iv.ranking_high <= iv.top_high);
      CHECK(iv.top_low <= w[j]);
      CHECK(w[j] <= iv.top_high);
      // Inside the interval the top choice holds; just beyond an inner end it does not.
      CHECK(top_at(j, iv.top_low) == base_first);
      CHECK(top_at(j, iv.top_high) == base_first);
      if (iv.top_low > 0) CHECK(top_at(j, iv.top_low - 2e-9) != base_first);
      if (iv.top_high < 1) CHECK(top_at(j, iv.top_high + 2e-9) != base_first);
    }
    if (s.has_flip) {
      const std::size_t j = s.flip_criterion;
      const double t = s.flip_weight + (s.flip_change > 0 ? 2e-9 : -2e-9);
      std::vector<double> v(4);
      for (std::size_t c = 0; c < 4; ++c) v[c] = c == j ? t : w[c] * (1 - t) / (1 - w[j]);
      CHECK(rank(m, v, o).ranks[s.flip_winner] == 1);
      // No criterion's top interval has an inner end nearer its weight than the flip.
      for (std::size_t c = 0; c < 4; ++c) {
        if (s.criteria[c].top_low > 0) CHECK(std::fabs(s.flip_change) <= w[c] - s.criteria[c].top_low + 1e-12);
        if (s.criteria[c].top_high < 1) CHECK(std::fabs(s.flip_change) <= s.criteria[c].top_high - w[c] + 1e-12);
      }
    }
  }
}

TEST_CASE("PROMETHEE II intervals are exact too", "[sensitivity][exact]") {
  // The net flow is linear in the weights: the exact ends agree with ranking on either side.
  const DecisionMatrix m = random_matrix(5, 5, 3);
  const std::vector<double> w = {0.5, 0.3, 0.2};
  const RankOptions o = with(RankMethod::promethee);
  const WeightSensitivity s = weight_sensitivity(m, w, o);
  REQUIRE(s.exact);
  const std::vector<std::size_t> base = rank(m, w, o).ranks;
  for (std::size_t j = 0; j < 3; ++j) {
    const auto ranks_at = [&](double t) {
      std::vector<double> v(3);
      for (std::size_t c = 0; c < 3; ++c) v[c] = c == j ? t : w[c] * (1 - t) / (1 - w[j]);
      return rank(m, v, o).ranks;
    };
    const WeightInterval& iv = s.criteria[j];
    if (iv.ranking_low > 0) {
      CHECK(ranks_at(iv.ranking_low + 1e-9) == base);
      CHECK(ranks_at(iv.ranking_low - 1e-9) != base);
    }
    if (iv.ranking_high < 1) {
      CHECK(ranks_at(iv.ranking_high - 1e-9) == base);
      CHECK(ranks_at(iv.ranking_high + 1e-9) != base);
    }
  }
}

TEST_CASE("rank acceptability: seeded, rows sum to 1, central weights", "[sensitivity][montecarlo]") {
  const DecisionMatrix m = random_matrix(9, 6, 4);
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  MonteCarloOptions mc;
  mc.draws = 4000;
  mc.seed = 2026;
  const RankAcceptability a = rank_acceptability(m, w, {}, mc);
  const RankAcceptability b = rank_acceptability(m, w, {}, mc);
  CHECK(a.acceptability == b.acceptability);  // same seed, same draws, bit for bit
  mc.seed = 2027;
  CHECK(rank_acceptability(m, w, {}, mc).acceptability != a.acceptability);
  for (std::size_t i = 0; i < 6; ++i) {
    double row = 0;
    for (std::size_t r = 1; r <= 6; ++r) row += a.share(i, r);
    CHECK(row == Approx(1).margin(1e-12));
  }
  // Each draw's weights sum to 1, so do the central weights of an alternative ever first;
  // and the first-rank shares times the central weights average the draws, whose mean is
  // the given weights under the Dirichlet (sd of a weight's draw mean < 0.001 here).
  std::vector<double> mean(4, 0.0);
  for (std::size_t i = 0; i < 6; ++i) {
    if (a.share(i, 1) == 0) {
      CHECK(std::isnan(a.central_weights[i * 4]));
      continue;
    }
    double sum = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      sum += a.central_weights[i * 4 + j];
      mean[j] += a.share(i, 1) * a.central_weights[i * 4 + j];
    }
    CHECK(sum == Approx(1).margin(1e-12));
  }
  for (std::size_t j = 0; j < 4; ++j) CHECK(mean[j] == Approx(w[j]).margin(0.005));
}

TEST_CASE("an alternative best on every criterion is always first", "[sensitivity][montecarlo]") {
  DecisionMatrix m = random_matrix(10, 5, 3);
  for (std::size_t j = 0; j < 3; ++j) m.values[2 * 3 + j] = m.is_cost(j) ? 0.5 : 20;
  MonteCarloOptions mc;
  mc.draws = 500;
  mc.distribution = WeightDistribution::uniform;
  for (RankMethod method : {RankMethod::wsm, RankMethod::topsis, RankMethod::vikor, RankMethod::promethee}) {
    const RankAcceptability a = rank_acceptability(m, even(3), with(method), mc);
    CHECK(a.share(2, 1) == 1);
  }
}

TEST_CASE("rank reversal on removal and addition, by hand", "[sensitivity][reversal]") {
  // WSM, minmax, equal weights: A (4, 0), B (2, 3), C (0, 4). Scores A 1/2, B 5/8, C 1/2.
  //   Remove C: ranges become 2..4 and 0..3: A (1, 0), B (0, 1): A and B tie -> (A, B) changes.
  //   Remove B: ranges unchanged: A and C still tie -> nothing changes.
  //   Remove A: ranges 0..2 and 3..4: B (1, 0), C (0, 1): tie -> (B, C) changes.
  const DecisionMatrix m(3, 2, {4, 0, 2, 3, 0, 4});
  const RankOptions o = with(RankMethod::wsm, Normalization::minmax);
  const std::vector<RankReversal> removed = rank_reversal_on_removal(m, {0.5, 0.5}, o);
  REQUIRE(removed.size() == 3);
  CHECK(removed[0].reversed == std::vector<std::pair<std::size_t, std::size_t>>{{1, 2}});
  CHECK(removed[0].winner_changed);  // B was best of B, C; now tied with C
  CHECK(removed[1].reversed.empty());
  CHECK_FALSE(removed[1].winner_changed);
  CHECK(removed[2].reversed == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}});
  // Adding D (2, 2) inside both ranges changes no minmax normalisation: no reversal.
  const RankReversal inside = rank_reversal_on_addition(m, {0.5, 0.5}, {2, 2}, "D", o);
  CHECK(inside.alternative == 3);
  CHECK(inside.reversed.empty());
  CHECK_FALSE(inside.winner_changed);
  // Adding E (0, 6) stretches criterion 2's range to 0..6: A (1, 0) 1/2, B (1/2, 1/2) 1/2,
  // C (0, 2/3) 1/3, E 1/2. B no longer leads A (tie), and A no longer ties C: (A, B) and
  // (A, C) change, B stays ahead of C; B is no longer the only best of A, B, C.
  const RankReversal stretch = rank_reversal_on_addition(m, {0.5, 0.5}, {0, 6}, "E", o);
  CHECK(stretch.reversed == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {0, 2}});
  CHECK(stretch.winner_changed);
}

TEST_CASE("sensitivity bad input", "[sensitivity][errors]") {
  const DecisionMatrix m = random_matrix(1, 4, 3);
  MonteCarloOptions mc;
  mc.draws = 0;
  CHECK_THAT(error_of([&] { rank_acceptability(m, even(3), {}, mc); }), Contains("draws is 0"));
  mc.draws = 10;
  mc.concentration = -1;
  CHECK_THAT(error_of([&] { rank_acceptability(m, even(3), {}, mc); }), Contains("concentration is -1"));
  mc.concentration = 50;
  mc.draws = 10000000;  // x 200 x 10 = 2e10 cells: refused before any work
  CHECK_THAT(error_of([&] { rank_acceptability(random_matrix(2, 200, 10), even(10), {}, mc); }),
             Contains("10000000 draws would evaluate 2e+10 cells (at most 1e+10); use fewer draws"));
  SensitivityOptions so;
  so.step = 0;
  CHECK_THAT(error_of([&] { weight_sensitivity(m, even(3), {}, so); }), Contains("sensitivity step is 0"));
  CHECK_THAT(error_of([&] { weight_sensitivity(m, {0.5, 0.5}); }), Contains("2 weights for 3 criteria"));
  CHECK_THAT(error_of([&] { rank_reversal_on_addition(m, even(3), {1, 2}); }),
             Contains("the added alternative has 2 values for 3 criteria"));
  CHECK_THAT(error_of([&] { rank_reversal_on_removal(DecisionMatrix(2, 1, {1, 2}), {1}); }),
             Contains("removing an alternative needs at least three (got 2)"));
}
