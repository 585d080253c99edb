// Cronbach's alpha, alpha if deleted and corrected item-total correlations, against hand
// calculations and the published figures for the ECSI mobile-phone data.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/io/survey.hpp"
#include "crmkit/quality/reliability.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
// Items A = 3,2,4,3,4; B = 4,3,4,2,4; C = 3,4,5,3,4 as rows (respondents).
const std::vector<double> kHand = {3, 4, 3, 2, 3, 4, 4, 4, 5, 3, 2, 3, 4, 4, 4};

Answers view(const std::vector<double>& v, std::size_t items) {
  return {v.data(), v.size() / items, items};
}

// Columns `prefix`1..`prefix`n of the bundled ECSI mobile-phone survey.
std::vector<double> mobi(const std::string& prefix, int n) {
  crmkit::io::CsvReader reader(std::string(CRMKIT_TEST_DATA_DIR) + "/ecsi_mobi/mobi.csv");
  std::vector<std::string> columns;
  for (int i = 1; i <= n; ++i) columns.push_back(prefix + std::to_string(i));
  return crmkit::io::read_survey(reader, columns).values;
}
}  // namespace

TEST_CASE("alpha of the issue's three items, every figure by hand", "[reliability]") {
  // By hand: item variances 0.7, 0.8, 0.7 (trace 2.2); totals 10, 9, 13, 8, 12 have
  // variance 4.3 = sum(C); raw alpha = 3/2 x (1 - 2.2/4.3) = 3.15/4.3 = 0.7325581 (the
  // issue's figure). Correlations r_AB = 0.4/sqrt(0.56) = 0.534522, r_AC = 0.3/0.7 =
  // 0.428571, r_BC = 0.35/sqrt(0.56) = 0.467707, mean r = 0.476934; standardised alpha
  // = 3 x 0.476934 / (1 + 2 x 0.476934) = 0.732292.
  // Without A: B + C = 7, 7, 9, 5, 8 has variance 2.2, alpha = 2 x (1 - 1.5/2.2) =
  // 0.636364; corr(A, B + C) = 0.7 / sqrt(0.7 x 2.2) = 0.564076.
  const ReliabilityResult r = reliability(view(kHand, 3));
  CHECK(r.items == 3);
  CHECK(r.respondents == 5);
  CHECK(r.alpha_raw == Approx(3.15 / 4.3).epsilon(1e-12));
  CHECK(r.alpha_raw == Approx(0.7325581).margin(5e-8));
  CHECK(r.alpha_standardised == Approx(0.732292).margin(1e-6));
  CHECK(r.mean_correlation == Approx(0.476934).margin(1e-6));
  CHECK(r.alpha_if_deleted[0] == Approx(1.4 / 2.2).epsilon(1e-12));
  CHECK(r.item_total_correlation[0] == Approx(0.7 / std::sqrt(0.7 * 2.2)).epsilon(1e-12));
  // Without B: A + C = 6, 6, 9, 6, 8 (mean 7) has variance 8/4 = 2, alpha = 2 (1 - 1.4/2).
  CHECK(r.alpha_if_deleted[1] == Approx(0.6).epsilon(1e-12));
  CHECK(r.item_mean == std::vector<double>{3.2, 3.4, 3.8});
  CHECK(r.item_variance[1] == Approx(0.8).epsilon(1e-12));
}

TEST_CASE("standardised alpha of the ECSI mobile-phone blocks matches the published figures",
          "[reliability]") {
  // Published (issue 20, seminr's mobi data): Image 0.723, Satisfaction 0.779. An
  // independent check with NumPy: C = np.cov(X, rowvar=False), R = np.corrcoef(...),
  // k/(k-1) (1 - k / R.sum()) gives 0.7228346 (IMAG1-5) and 0.7791950 (CUSA1-3); raw alpha
  // k/(k-1) (1 - trace(C)/C.sum()) gives 0.7144468 and 0.7701131.
  const std::vector<double> image = mobi("IMAG", 5);
  const ReliabilityResult im = reliability(view(image, 5));
  CHECK(im.respondents == 250);
  CHECK(im.alpha_standardised == Approx(0.723).margin(0.0005));
  CHECK(im.alpha_standardised == Approx(0.7228346).margin(1e-7));
  CHECK(im.alpha_raw == Approx(0.7144468).margin(1e-7));
  const std::vector<double> satisfaction = mobi("CUSA", 3);
  const ReliabilityResult sa = reliability(view(satisfaction, 3));
  CHECK(sa.alpha_standardised == Approx(0.779).margin(0.0005));
  CHECK(sa.alpha_standardised == Approx(0.7791950).margin(1e-7));
  CHECK(sa.alpha_raw == Approx(0.7701131).margin(1e-7));
}

TEST_CASE("alpha does not lose the covariances of answers far from zero", "[reliability]") {
  // Adding a constant changes no covariance; naive sums of squares at 1e9 would cancel.
  std::vector<double> shifted = kHand;
  for (double& x : shifted) x += 1e9;
  CHECK(reliability(view(shifted, 3)).alpha_raw == Approx(3.15 / 4.3).epsilon(1e-9));
}

TEST_CASE("more respondents than one block give the same alpha as the hand case", "[reliability]") {
  // 600 copies of the five rows: covariances scale by (5n - 5)/(5n - 1) for every entry, so
  // alpha (a ratio of them) is unchanged; the blocked accumulation must cross 256-row blocks.
  std::vector<double> many;
  for (int copy = 0; copy < 600; ++copy) many.insert(many.end(), kHand.begin(), kHand.end());
  const ReliabilityResult r = reliability(view(many, 3));
  CHECK(r.respondents == 3000);
  CHECK(r.alpha_raw == Approx(3.15 / 4.3).epsilon(1e-10));
}

TEST_CASE("missing answers: listwise drops the row, pairwise uses every pair", "[reliability]") {
  std::vector<double> data = kHand;
  const double nan = NAN;
  data.insert(data.end(), {5, nan, 4, nan, 1, 2});
  // Listwise: the two incomplete rows are dropped, leaving the hand case.
  const ReliabilityResult listwise = reliability(view(data, 3));
  CHECK(listwise.respondents == 5);
  CHECK(listwise.alpha_raw == Approx(3.15 / 4.3).epsilon(1e-12));
  // Pairwise, by hand: var A over its 6 answers 3,2,4,3,4,5 = 5.5/5 = 1.1; var B over
  // 4,3,4,2,4,1 = 1.6; var C over 3,4,5,3,4,4,2 = 0.952381; cov(A,B) over rows 0-4 = 0.4;
  // cov(A,C) over rows 0-5 = 0.3; cov(B,C) over rows 0-4 and 6 = 1.0. NumPy, pair by pair
  // (np.cov of the rows both answered): raw alpha 0.7231600, standardised 0.7253951.
  const ReliabilityResult pairwise = reliability(view(data, 3), {MissingPolicy::pairwise});
  CHECK(pairwise.respondents == 7);
  CHECK(pairwise.item_variance[0] == Approx(1.1).epsilon(1e-12));
  CHECK(pairwise.item_variance[2] == Approx(0.952381).margin(1e-6));
  CHECK(pairwise.alpha_raw == Approx(0.7231600).margin(1e-7));
  CHECK(pairwise.alpha_standardised == Approx(0.7253951).margin(1e-7));
  CHECK(pairwise.item_mean[0] == Approx(3.5).epsilon(1e-12));
}

TEST_CASE("an item without variance makes the standardised figures NaN, not an error",
          "[reliability]") {
  const std::vector<double> data = {1, 3, 2, 3, 3, 3, 4, 3};  // item 1 is always 3
  const ReliabilityResult r = reliability(view(data, 2));
  CHECK(std::isnan(r.alpha_standardised));
  CHECK(std::isnan(r.item_total_correlation[0]));
  CHECK(std::isnan(r.alpha_if_deleted[0]));  // two items: deleting one leaves no alpha
  CHECK(std::isfinite(r.alpha_raw));
}

TEST_CASE("reliability refuses what it cannot compute, naming it", "[reliability]") {
  const std::vector<double> one = {1, 2, 3};
  CHECK_THAT(error_of([&] { reliability(view(one, 1)); }), Contains("at least 2 items"));
  const std::vector<double> row = {1, 2, 3};
  CHECK_THAT(error_of([&] { reliability(view(row, 3)); }),
             Contains("at least 2 respondents") && Contains("listwise"));
  const std::vector<double> sparse = {1, NAN, 2, NAN, NAN, 3, NAN, 4};
  CHECK_THAT(error_of([&] { reliability(view(sparse, 2), {MissingPolicy::pairwise}); }),
             Contains("items 0 and 1") && Contains("answered together by 0"));
  CHECK_THAT(error_of([&] { reliability(view(kHand, 3), {MissingPolicy::dimension_mean}); }),
             Contains("listwise or pairwise"));
  std::vector<double> inf = kHand;
  inf[4] = INFINITY;
  CHECK_THAT(error_of([&] { reliability(view(inf, 3)); }),
             Contains("respondent 1, item 1") && Contains("infinite"));
  CHECK_THAT(error_of([&] { reliability(Answers{nullptr, 4, 3}); }), Contains("null pointer"));
}
