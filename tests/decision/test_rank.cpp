// Ranking methods: hand-computed cases, published worked examples, invariants, bad input.
// Reference values not worked by hand here come from tests/decision/reference/mcdm_reference.py
// (NumPy, the textbook formulas written independently of the library).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/rank.hpp"
#include "detail/random.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

// The 3 x 3 case worked by hand below: columns (benefit, benefit, cost), every column norm 3.
DecisionMatrix hand3() {
  DecisionMatrix m(3, 3, {1, 2, 2,   // A
                          2, 1, 2,   // B
                          2, 2, 1},  // C
                   {Direction::benefit, Direction::benefit, Direction::cost});
  m.alternative_names = {"A", "B", "C"};
  m.criterion_names = {"quality", "speed", "price"};
  return m;
}
const std::vector<double> kHandWeights = {0.5, 0.25, 0.25};

// Faez's car example ("TOPSIS Method in MADM"; also Lecture 10 of the scribd deck
// 825129859): Civic, Saturn, Ford, Mazda on style, reliability, fuel economy (benefits) and
// cost, weights 0.1, 0.4, 0.3, 0.2.
DecisionMatrix cars() {
  return DecisionMatrix(4, 4, {7, 9, 9, 8, 8, 7, 8, 7, 9, 6, 8, 9, 6, 7, 8, 6},
                        {Direction::benefit, Direction::benefit, Direction::benefit, Direction::cost});
}
const std::vector<double> kCarWeights = {0.1, 0.4, 0.3, 0.2};

// The 5 x 5 "school project prioritization" example of soft.onlineoutput.com's VIKOR page
// (project 8633_381610): equal weights 0.2, criterion 3 a cost.
DecisionMatrix school() {
  return DecisionMatrix(5, 5, {2, 5.6, 10.7, 3, 1, 3, 6.4, 8.3, 5, 2, 5, 2.32, 3.3, 1, 5,
                               2, 14.6, 10, 3, 1, 3, 10.8, 6.8, 2, 3},
                        {Direction::benefit, Direction::benefit, Direction::cost,
                         Direction::benefit, Direction::benefit});
}
const std::vector<double> kSchoolWeights(5, 0.2);

void check_all(const std::vector<double>& got, const std::vector<double>& want, double tol = 1e-12) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(tol));
}

// A random problem with strictly positive values (seeded).
DecisionMatrix random_matrix(std::uint64_t seed, std::size_t n, std::size_t k) {
  crmkit::detail::SplitMix64 rng(seed);
  DecisionMatrix m;
  m.alternatives = n, m.criteria = k;
  for (std::size_t c = 0; c < n * k; ++c) m.values.push_back(1 + 9 * rng.uniform());
  for (std::size_t j = 0; j < k; ++j) m.directions.push_back(j % 3 == 2 ? Direction::cost : Direction::benefit);
  return m;
}

std::vector<double> random_weights(std::uint64_t seed, std::size_t k) {
  crmkit::detail::SplitMix64 rng(seed);
  std::vector<double> w(k);
  for (double& x : w) x = 0.05 + rng.uniform();
  const double s = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& x : w) x /= s;
  return w;
}

RankOptions method(RankMethod m) {
  RankOptions o;
  o.method = m;
  return o;
}

const RankMethod kMethods[] = {RankMethod::wsm, RankMethod::wpm, RankMethod::waspas,
                               RankMethod::topsis, RankMethod::vikor, RankMethod::promethee};

}  // namespace

TEST_CASE("TOPSIS on a 3 x 3 matrix, worked by hand", "[rank][topsis]") {
  // Every column norm is 3, so v_ij = w_j x_ij / 3: A (1/6, 1/6, 1/6), B (1/3, 1/12, 1/6),
  // C (1/3, 1/6, 1/12). Ideal (max, max, min of the cost) = (1/3, 1/6, 1/12); anti-ideal
  // (1/6, 1/12, 1/6).
  //   A: D+ = sqrt(1/36 + 1/144) = sqrt(5)/12, D- = 1/12,          C = 1 / (1 + sqrt 5)
  //   B: D+ = sqrt(2)/12,                      D- = 1/6,           C = 2 / (2 + sqrt 2)
  //   C: D+ = 0,                               D- = sqrt(6)/12,    C = 1
  const RankResult r = rank_topsis(hand3(), kHandWeights);
  CHECK(r.method == RankMethod::topsis);
  CHECK(r.normalization == Normalization::vector);
  check_all(r.distance_best, {std::sqrt(5.0) / 12, std::sqrt(2.0) / 12, 0});
  check_all(r.distance_worst, {1.0 / 12, 1.0 / 6, std::sqrt(6.0) / 12});
  check_all(r.scores, {1 / (1 + std::sqrt(5.0)), 2 / (2 + std::sqrt(2.0)), 1});
  CHECK(r.ranks == std::vector<std::size_t>{3, 2, 1});
  CHECK(r.order == std::vector<std::size_t>{2, 1, 0});
  CHECK_FALSE(r.lower_is_better);
}

TEST_CASE("WSM, WPM, WASPAS on the 3 x 3 matrix, by hand", "[rank][wsm][wpm][waspas]") {
  // max normalisation: benefit x / max, cost min / x.
  //   A (1/2, 1, 1/2), B (1, 1/2, 1/2), C (1, 1, 1).
  // WSM: A 0.25 + 0.25 + 0.125 = 0.625, B 0.5 + 0.125 + 0.125 = 0.75, C 1.
  // WPM: A 0.5^0.5 0.5^0.25 = 0.5^0.75, B 0.5^0.25 0.5^0.25 = 0.5^0.5, C 1.
  const RankResult wsm = rank_wsm(hand3(), kHandWeights);
  CHECK(wsm.normalization == Normalization::max);
  check_all(wsm.scores, {0.625, 0.75, 1});
  CHECK(wsm.ranks == std::vector<std::size_t>{3, 2, 1});
  const RankResult wpm = rank_wpm(hand3(), kHandWeights);
  check_all(wpm.scores, {std::pow(0.5, 0.75), std::sqrt(0.5), 1});
  const RankResult waspas = rank_waspas(hand3(), kHandWeights, 0.25);
  check_all(waspas.wsm, wsm.scores);
  check_all(waspas.wpm, wpm.scores);
  check_all(waspas.scores, {0.25 * 0.625 + 0.75 * std::pow(0.5, 0.75), 0.25 * 0.75 + 0.75 * std::sqrt(0.5), 1});
  // minmax: quality (A 0, B 1, C 1), speed (1, 0, 1), price (2 - x: 0, 0, 1) ->
  // A 0.25, B 0.5, C 1.
  check_all(rank_wsm(hand3(), kHandWeights, Normalization::minmax).scores, {0.25, 0.5, 1});
}

TEST_CASE("VIKOR on the 3 x 3 matrix, by hand", "[rank][vikor]") {
  // Best (2, 2, 1), worst (1, 1, 2); regrets w_j (f* - f) / (f* - f-):
  //   A (0.5, 0, 0.25): S 0.75, R 0.5;  B (0, 0.25, 0.25): S 0.5, R 0.25;  C: S 0, R 0.
  // Q = 0.5 S / 0.75 + 0.5 R / 0.5: A 1, B 1/3 + 1/4 = 7/12, C 0.
  // C1: Q(B) - Q(C) = 7/12 >= 1/(3 - 1); C2: C is best by S and R. Compromise {C}.
  const RankResult r = rank_vikor(hand3(), kHandWeights);
  CHECK(r.lower_is_better);
  check_all(r.vikor_s, {0.75, 0.5, 0});
  check_all(r.vikor_r, {0.5, 0.25, 0});
  check_all(r.scores, {1, 7.0 / 12, 0});
  CHECK(r.ranks == std::vector<std::size_t>{3, 2, 1});
  CHECK(r.acceptable_advantage);
  CHECK(r.acceptable_stability);
  CHECK(r.compromise == std::vector<std::size_t>{2});
}

TEST_CASE("PROMETHEE II with usual criteria on the 3 x 3 matrix, by hand", "[rank][promethee]") {
  // quality (1, 2, 2): B and C each beat A: phi+ (0, 1/2, 1/2), phi- (1, 0, 0).
  // speed (2, 1, 2):   A and C each beat B: phi+ (1/2, 0, 1/2), phi- (0, 1, 0).
  // price (2, 2, 1), a cost: C beats A and B: phi+ (0, 0, 1), phi- (1/2, 1/2, 0).
  // Weighted 0.5, 0.25, 0.25: phi+ (1/8, 1/4, 5/8), phi- (5/8, 3/8, 0).
  const RankResult r = rank_promethee(hand3(), kHandWeights);
  check_all(r.phi_plus, {0.125, 0.25, 0.625});
  check_all(r.phi_minus, {0.625, 0.375, 0});
  check_all(r.scores, {-0.5, -0.125, 0.625});
  CHECK(r.ranks == std::vector<std::size_t>{3, 2, 1});
}

TEST_CASE("PROMETHEE preference functions at their thresholds", "[rank][promethee]") {
  // Two alternatives differing by d on one criterion: phi(a) = P(d) - P(-d) = P(d) with
  // n - 1 = 1, so the net flow of the better one reads the preference function.
  const auto p = [](PreferenceFunction f, double q, double pp, double s, double d) {
    DecisionMatrix m(2, 1, {d, 0});
    return rank_promethee(m, {1}, {{f, q, pp, s}}).scores[0];
  };
  CHECK(p(PreferenceFunction::usual, 0, 0, 0, 0.001) == 1);
  CHECK(p(PreferenceFunction::u_shape, 2, 0, 0, 2) == 0);      // d = q: indifferent
  CHECK(p(PreferenceFunction::u_shape, 2, 0, 0, 2.5) == 1);
  CHECK(p(PreferenceFunction::v_shape, 0, 4, 0, 1) == 0.25);   // d / p
  CHECK(p(PreferenceFunction::v_shape, 0, 4, 0, 5) == 1);
  CHECK(p(PreferenceFunction::level, 1, 3, 0, 1) == 0);
  CHECK(p(PreferenceFunction::level, 1, 3, 0, 2) == 0.5);
  CHECK(p(PreferenceFunction::level, 1, 3, 0, 3.5) == 1);
  CHECK(p(PreferenceFunction::linear, 1, 3, 0, 2.5) == 0.75);  // (d - q) / (p - q)
  CHECK(p(PreferenceFunction::gaussian, 0, 0, 2, 2) == Approx(1 - std::exp(-0.5)));
  CHECK(p(PreferenceFunction::gaussian, 0, 0, 2, -2) == Approx(-(1 - std::exp(-0.5))));
}

TEST_CASE("TOPSIS on published examples", "[rank][topsis][published]") {
  SECTION("Faez's car example: the published ideal point and the ranking") {
    // Published ideal A* = {0.059, 0.244, 0.162, 0.080} (rounded from r to 3 digits first).
    // D+ of Civic = distance to it; the deck ranks Civic first. NumPy (mcdm_reference.py):
    // C = 0.742694088861322, 0.403599329726374, 0.175869985307982, 0.441429274049575.
    const RankResult r = rank_topsis(cars(), kCarWeights);
    const double a[] = {0.059, 0.244, 0.162, 0.080};
    const double civic[] = {0.1 * 7 / std::sqrt(230.0), 0.4 * 9 / std::sqrt(215.0),
                            0.3 * 9 / std::sqrt(273.0), 0.2 * 8 / std::sqrt(230.0)};
    double d = 0;
    for (int j = 0; j < 4; ++j) d += (civic[j] - a[j]) * (civic[j] - a[j]);
    CHECK(r.distance_best[0] == Approx(std::sqrt(d)).margin(2e-3));
    check_all(r.scores, {0.742694088861322, 0.403599329726374, 0.175869985307982, 0.441429274049575});
    CHECK(r.ranks == std::vector<std::size_t>{1, 3, 4, 2});
    // minmax normalisation (NumPy): 0.772270000803559 0.3288130902061 0.156613028826232 0.367523816517533
    check_all(rank_topsis(cars(), kCarWeights, Normalization::minmax).scores,
              {0.772270000803559, 0.3288130902061, 0.156613028826232, 0.367523816517533});
  }
  SECTION("Sennaroglu's 3 x 2 example: distances from the published weighted matrix") {
    // Sennaroglu, Decision Analysis lecture (2009), TOPSIS example: weights 0.714, 0.286,
    // values (17, 12), (10, 9), (8, 6); published V = (0.5703, 0.2124), (0.3355, 0.1593),
    // (0.2684, 0.1062). From V: D+(2) = sqrt(0.2348^2 + 0.0531^2) = 0.2407,
    // D-(2) = sqrt(0.0671^2 + 0.0531^2) = 0.0856, C(2) = 0.2623; alternative 1 is ideal.
    const RankResult r = rank_topsis(DecisionMatrix(3, 2, {17, 12, 10, 9, 8, 6}), {0.714, 0.286});
    CHECK(r.distance_best[1] == Approx(0.2407).margin(2e-4));
    CHECK(r.distance_worst[1] == Approx(0.0856).margin(2e-4));
    CHECK(r.scores[1] == Approx(0.2623).margin(2e-4));
    CHECK(r.scores[0] == 1);
    CHECK(r.scores[2] == 0);
  }
}

TEST_CASE("VIKOR and PROMETHEE II on the published school-project example", "[rank][vikor][promethee][published]") {
  // Values from mcdm_reference.py (NumPy):
  //   S = 0.846579804560261 0.552018957067817 0.4 0.681081081081081 0.53981717874226
  //   R = 0.2 0.15 0.2 0.2 0.15
  //   Q = 1 0.17020357337644 0.5 0.814704200918643 0.156542209605667
  const RankResult v = rank_vikor(school(), kSchoolWeights);
  check_all(v.vikor_s, {0.846579804560261, 0.552018957067817, 0.4, 0.681081081081081, 0.53981717874226});
  check_all(v.vikor_r, {0.2, 0.15, 0.2, 0.2, 0.15});
  check_all(v.scores, {1, 0.17020357337644, 0.5, 0.814704200918643, 0.156542209605667});
  CHECK(v.ranks == std::vector<std::size_t>{5, 2, 3, 4, 1});
  // Best a' = alternative 5, then alternative 2 at Q 0.1702: the advantage 0.0138 < 1/4 fails
  // C1; the compromise set is every alternative with Q < 0.1565 + 0.25: 5 and 2 (3 is at 0.5).
  // C2 holds: alternative 5 has the lowest R (0.15, tied with 2).
  CHECK_FALSE(v.acceptable_advantage);
  CHECK(v.acceptable_stability);
  CHECK(v.compromise == std::vector<std::size_t>{4, 1});

  // PROMETHEE II, usual criteria (NumPy): phi+ 0.15 0.6 0.6 0.35 0.6; phi- 0.7 0.35 0.4 0.5
  // 0.35; phi -0.55 0.25 0.2 -0.15 0.25 (alternatives 2 and 5 tie).
  const RankResult p = rank_promethee(school(), kSchoolWeights);
  check_all(p.phi_plus, {0.15, 0.6, 0.6, 0.35, 0.6});
  check_all(p.phi_minus, {0.7, 0.35, 0.4, 0.5, 0.35});
  CHECK(p.ranks == std::vector<std::size_t>{5, 1, 3, 4, 1});
  // Mixed functions: linear q 1 p 3; v-shape p 5; gaussian s 2; usual; usual (NumPy):
  // phi = -0.34631065695943 0.11056097520782 0.163153831871499 -0.060104474576753 0.132700324456863
  const RankResult mixed = rank_promethee(
      school(), kSchoolWeights,
      {{PreferenceFunction::linear, 1, 3, 0}, {PreferenceFunction::v_shape, 0, 5, 0},
       {PreferenceFunction::gaussian, 0, 0, 2}, {}, {}});
  check_all(mixed.scores, {-0.34631065695943, 0.11056097520782, 0.163153831871499,
                           -0.060104474576753, 0.132700324456863});
}

TEST_CASE("WSM, WPM, WASPAS on the car example against NumPy", "[rank][published]") {
  check_all(rank_wsm(cars(), kCarWeights).scores,
            {0.927777777777778, 0.838095238095238, 0.766666666666667, 0.844444444444444});
  check_all(rank_wpm(cars(), kCarWeights).scores,
            {0.920656885889753, 0.836549887850523, 0.756832002481252, 0.838276573629966});
  check_all(rank_waspas(cars(), kCarWeights).scores,
            {0.924217331833765, 0.83732256297288, 0.761749334573959, 0.841360509037205});
}

TEST_CASE("ties share a rank; the tolerance does not chain", "[rank][ties]") {
  CHECK(ranks_of({0.5, 0.9, 0.5 + 1e-12, 0.1}, false) == std::vector<std::size_t>{2, 1, 2, 4});
  CHECK(ranks_of({0.5, 0.9, 0.5 + 1e-12, 0.1}, true) == std::vector<std::size_t>{2, 4, 2, 1});
  // 1 - 0.6e-9 ties with 1; 1 - 1.2e-9 is beyond 1e-9 of the group's best: a new group.
  CHECK(ranks_of({1, 1 - 0.6e-9, 1 - 1.2e-9}, false) == std::vector<std::size_t>{1, 1, 3});
  // Within a tie the order is by index, whichever score is larger by less than the tolerance.
  std::vector<std::size_t> order;
  CHECK(ranks_of({0, 1, 1 + 1e-12}, false, &order) == std::vector<std::size_t>{3, 1, 1});
  CHECK(order == std::vector<std::size_t>{1, 2, 0});
  // Large scores: the tolerance is relative.
  CHECK(ranks_of({1e6, 1e6 + 1e-4, 1e6 + 1}, false) == std::vector<std::size_t>{2, 2, 1});
  // Two identical alternatives tie under every method.
  DecisionMatrix m = hand3();
  std::copy(m.values.begin(), m.values.begin() + 3, m.values.begin() + 3);  // B := A
  for (RankMethod k : kMethods) {
    const RankResult r = rank(m, kHandWeights, method(k));
    INFO(crmkit::name_of(k));
    CHECK(r.ranks == std::vector<std::size_t>{2, 2, 1});
  }
}

TEST_CASE("a dominated alternative never ranks first", "[rank][invariant]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    DecisionMatrix m = random_matrix(seed, 6, 5);
    // Alternative 0 made strictly better than alternative 5 on every criterion; 5 is then
    // dominated, and no method may put it first.
    for (std::size_t j = 0; j < m.criteria; ++j)
      m.values[5 * m.criteria + j] = m.values[j] + (m.is_cost(j) ? 0.5 : -0.5);
    const std::vector<double> w = random_weights(seed + 100, m.criteria);
    for (RankMethod k : kMethods) {
      INFO(crmkit::name_of(k) << " seed " << seed);
      const RankResult r = rank(m, w, method(k));
      CHECK(r.ranks[5] > r.ranks[0]);
      CHECK(r.ranks[5] != 1);
    }
  }
}

TEST_CASE("permuting alternatives permutes the result", "[rank][invariant]") {
  const DecisionMatrix m = random_matrix(7, 8, 4);
  const std::vector<double> w = random_weights(8, 4);
  const std::vector<std::size_t> perm = {3, 7, 0, 5, 1, 6, 2, 4};  // new row r is old perm[r]
  DecisionMatrix p = m;
  for (std::size_t r = 0; r < 8; ++r)
    std::copy(m.values.begin() + perm[r] * 4, m.values.begin() + perm[r] * 4 + 4, p.values.begin() + r * 4);
  for (RankMethod k : kMethods) {
    INFO(crmkit::name_of(k));
    const RankResult a = rank(m, w, method(k)), b = rank(p, w, method(k));
    for (std::size_t r = 0; r < 8; ++r) {
      CHECK(b.scores[r] == Approx(a.scores[perm[r]]).margin(1e-12));
      CHECK(b.ranks[r] == a.ranks[perm[r]]);
    }
  }
}

TEST_CASE("scaling a benefit column leaves TOPSIS (vector) unchanged", "[rank][invariant]") {
  const DecisionMatrix m = random_matrix(11, 7, 5);
  const std::vector<double> w = random_weights(12, 5);
  DecisionMatrix scaled = m;
  for (std::size_t i = 0; i < 7; ++i) scaled.values[i * 5 + 1] *= 1234.5;  // column 1 is a benefit
  const RankResult a = rank_topsis(m, w), b = rank_topsis(scaled, w);
  check_all(b.scores, a.scores);
  CHECK(a.ranks == b.ranks);
}

TEST_CASE("bad input names the cell, column or option", "[rank][errors]") {
  const std::vector<double> w = kHandWeights;
  CHECK_THAT(error_of([] { rank(DecisionMatrix(1, 2, {1, 2}), {0.5, 0.5}); }),
             Contains("at least two alternatives (got 1)"));
  CHECK_THAT(error_of([] { rank(DecisionMatrix(2, 2, {1, 2, 3}), {0.5, 0.5}); }),
             Contains("has 3 values; 2 alternatives x 2 criteria need 4"));
  DecisionMatrix nan = hand3();
  nan.values[1 * 3 + 2] = std::nan("");
  CHECK_THAT(error_of([&] { rank(nan, w); }), Contains("alternative 'B', criterion 'price': value is nan"));
  CHECK_THAT(error_of([&] { rank(hand3(), {0.5, 0.5}); }), Contains("2 weights for 3 criteria"));
  CHECK_THAT(error_of([&] { rank(hand3(), {0.4, 0.25, 0.25}); }), Contains("weights sum to 0.9, 0.1 short of 1"));
  CHECK_THAT(error_of([&] { rank(hand3(), {0.6, 0.25, 0.25}); }), Contains("0.1 over 1"));
  CHECK_THAT(error_of([&] { rank(hand3(), {1.1, 0.15, -0.25}); }),
             Contains("weight of criterion 'price' is -0.25"));
  DecisionMatrix zero_cost = hand3();
  zero_cost.values[1 * 3 + 2] = 0;
  CHECK_THAT(error_of([&] { rank_wpm(zero_cost, w); }),
             Contains("alternative 'B', criterion 'price' (cost): 0; wpm divides by costs"));
  CHECK_THAT(error_of([&] { rank_wsm(zero_cost, w); }), Contains("criterion 'price' (cost): 0"));
  CHECK_NOTHROW(rank_wsm(zero_cost, w, Normalization::minmax));  // minmax takes a zero cost
  DecisionMatrix constant = hand3();
  for (std::size_t i = 0; i < 3; ++i) constant.values[i * 3 + 1] = 4;
  CHECK_THAT(error_of([&] { rank_topsis(constant, w, Normalization::minmax); }),
             Contains("criterion 'speed' is constant (4 for every alternative)"));
  CHECK_THAT(error_of([&] { rank_wsm(constant, w, Normalization::minmax); }), Contains("criterion 'speed' is constant"));
  CHECK_NOTHROW(rank_topsis(constant, w));  // vector normalisation takes a constant column
  CHECK_THAT(error_of([&] { rank_wsm(hand3(), w, Normalization::vector); }),
             Contains("normalization 'vector' does not apply to wsm"));
  CHECK_THAT(error_of([&] {
               RankOptions o = method(RankMethod::wpm);
               o.normalization = Normalization::minmax;
               rank(hand3(), w, o);
             }),
             Contains("normalization 'minmax' does not apply to wpm"));
  CHECK_THAT(error_of([&] { rank_waspas(hand3(), w, 1.5); }), Contains("WASPAS lambda is 1.5"));
  CHECK_THAT(error_of([&] { rank_vikor(hand3(), w, -0.1); }), Contains("VIKOR v is -0.1"));
  CHECK_THAT(error_of([&] { rank_promethee(hand3(), w, {{}, {PreferenceFunction::linear, 2, 1, 0}, {}}); }),
             Contains("preference function of criterion 'speed' (linear): needs 0 <= q < p"));
  CHECK_THAT(error_of([&] { rank_promethee(hand3(), w, {{}, {}}); }), Contains("2 preference functions for 3 criteria"));
  CHECK_THAT(error_of([&] {
               RankOptions o;
               o.preferences.resize(3);
               rank(hand3(), w, o);
             }),
             Contains("preference functions apply to promethee, not topsis"));
  DecisionMatrix named = hand3();
  named.alternative_names[2] = "A";
  CHECK_THAT(error_of([&] { rank(named, w); }), Contains("alternative 'A' is named twice"));
  DecisionMatrix bad_direction = hand3();
  bad_direction.directions[0] = static_cast<Direction>(7);
  CHECK_THAT(error_of([&] { rank(bad_direction, w); }),
             Contains("direction of criterion 'quality' is 7"));
  DecisionMatrix unnamed = hand3();
  unnamed.alternative_names.clear();
  unnamed.values[4] = INFINITY;
  CHECK_THAT(error_of([&] { rank(unnamed, w); }), Contains("alternative 1 (0-based), criterion 'speed': value is inf"));
}

TEST_CASE("enum names round-trip", "[rank][names]") {
  CHECK(crmkit::parse_enum<RankMethod>("promethee") == RankMethod::promethee);
  CHECK(std::string(crmkit::name_of(Normalization::automatic)) == "auto");
  CHECK(crmkit::parse_enum<PreferenceFunction>("u-shape") == PreferenceFunction::u_shape);
  CHECK(crmkit::parse_enum<Direction>("cost") == Direction::cost);
  CHECK_THROWS_WITH(crmkit::parse_enum<RankMethod>("electre"),
                    Contains("unknown ranking method 'electre' (expected one of: wsm, wpm, waspas, topsis, vikor, promethee)"));
}

TEST_CASE("ranks of many scores (the radix-sort path) match a comparison count", "[rank][ties]") {
  // 40,000 scores on a grid of 1/5000 (exact ties, negatives and -0.0): the rank of each is
  // 1 + the number of strictly better scores, counted with std::sort and binary search.
  crmkit::detail::SplitMix64 rng(5);
  std::vector<double> s(40000);
  for (double& x : s) x = std::floor(rng.uniform() * 5000) / 5000 - 0.5;
  s[7] = -0.0, s[8] = 0.0;
  for (bool lower : {false, true}) {
    std::vector<std::size_t> order;
    const std::vector<std::size_t> ranks = ranks_of(s, lower, &order);
    std::vector<double> sorted = s;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::size_t better =
          lower ? static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), s[i]) - sorted.begin())
                : static_cast<std::size_t>(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), s[i]));
      REQUIRE(ranks[i] == better + 1);
    }
    CHECK(ranks[7] == ranks[8]);
    for (std::size_t r = 1; r < order.size(); ++r) {
      const std::size_t a = order[r - 1], b = order[r];
      REQUIRE((ranks[a] < ranks[b] || (ranks[a] == ranks[b] && a < b)));
    }
  }
}
