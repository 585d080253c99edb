// Direct, rank-based and objective (entropy, CRITIC) weights. Hand cases; the entropy and
// CRITIC values are recomputed independently with NumPy in reference/weights_reference.py.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/weights.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
void check_weights(const std::vector<double>& got, const std::vector<double>& expected,
                   double tolerance = 1e-12) {
  REQUIRE(got.size() == expected.size());
  double sum = 0;
  for (std::size_t j = 0; j < got.size(); ++j) {
    CHECK(got[j] == Approx(expected[j]).margin(tolerance));
    sum += got[j];
  }
  CHECK(sum == Approx(1).margin(1e-15));
}
}  // namespace

TEST_CASE("direct weights are normalised", "[weights]") {
  const std::vector<double> points = {50, 30, 20, 0};
  check_weights(direct_weights(points.data(), 4), {0.5, 0.3, 0.2, 0});
  const std::vector<double> negative = {1, -1};
  CHECK_THAT(error_of([&] { direct_weights(negative.data(), 2); }), Contains("criterion 1"));
  const std::vector<double> zeros = {0, 0};
  CHECK_THAT(error_of([&] { direct_weights(zeros.data(), 2); }), Contains("all weights are 0"));
}

TEST_CASE("rank weights by hand, with ties sharing positions", "[weights]") {
  // Criteria ranked 2, 1, 3 (criterion 1 is most important).
  const std::vector<double> ranks = {2, 1, 3};
  // Rank sum: positions weigh 3, 2, 1 -> /6.
  check_weights(rank_weights(ranks.data(), 3, RankWeighting::rank_sum), {2.0 / 6, 3.0 / 6, 1.0 / 6});
  // Reciprocal: 1, 1/2, 1/3 -> /(11/6).
  check_weights(rank_weights(ranks.data(), 3, RankWeighting::reciprocal),
                {0.5 / (11.0 / 6), 1 / (11.0 / 6), (1.0 / 3) / (11.0 / 6)});
  // ROC: (1 + 1/2 + 1/3)/3 = 11/18, (1/2 + 1/3)/3 = 5/18, (1/3)/3 = 2/18.
  check_weights(rank_weights(ranks.data(), 3, RankWeighting::rank_order_centroid),
                {5.0 / 18, 11.0 / 18, 2.0 / 18});
  // Ranks 1, 2, 2, 4: positions 1, {2, 3}, 4 with rank-sum weights 4, 3, 2, 1; the tie
  // shares (3 + 2) / 2 = 2.5.
  const std::vector<double> tied = {1, 2, 2, 4};
  check_weights(rank_weights(tied.data(), 4, RankWeighting::rank_sum), {0.4, 0.25, 0.25, 0.1});
  const std::vector<double> bad = {1, NAN};
  CHECK_THAT(error_of([&] { rank_weights(bad.data(), 2, RankWeighting::rank_sum); }),
             Contains("criterion 1 has no finite rank"));
}

TEST_CASE("entropy weights", "[weights]") {
  const std::vector<double> x = {7, 9, 9, 8, 7, 8, 9, 6, 8, 6, 7, 8};
  check_weights(entropy_weights(x.data(), 4, 3),
                {0.47491819153608855, 0.4676912756951028, 0.05739053276880858}, 1e-13);
  const std::vector<double> constant = {1, 1, 1, 1};
  CHECK_THAT(error_of([&] { entropy_weights(constant.data(), 2, 2); }),
             Contains("same value for all alternatives"));
  const std::vector<double> negative = {1, -1, 1, 1};
  CHECK_THAT(error_of([&] { entropy_weights(negative.data(), 2, 2); }),
             Contains("criterion 1 has a negative value"));
  CHECK_THAT(error_of([&] { entropy_weights(x.data(), 1, 3); }), Contains("two alternatives"));
}

TEST_CASE("CRITIC weights with a cost criterion", "[weights]") {
  const std::vector<double> x = {250, 16, 12, 200, 16, 8, 300, 32, 16, 275, 32, 8, 225, 16, 16};
  const bool cost[] = {true, false, false};
  check_weights(critic_weights(x.data(), 5, 3, cost),
                {0.31559462777927016, 0.39384517017185194, 0.2905602020488779}, 1e-13);
  const std::vector<double> constant = {1, 5, 2, 5, 3, 5};
  CHECK_THAT(error_of([&] { critic_weights(constant.data(), 3, 2); }),
             Contains("criterion 1 has the same value"));
  const std::vector<double> nan = {1, 2, NAN, 4};
  CHECK_THAT(error_of([&] { critic_weights(nan.data(), 2, 2); }),
             Contains("alternative 1, criterion 0 is not a finite number"));
}
