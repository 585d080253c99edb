// PLS path modelling against plspm (R) on the ECSI mobile-phone data, the published
// SmartPLS/seminr figures, and a two-block model small enough to check by hand.
//
// Reference run: R 4.2.2 (Debian 12) sourcing plspm's own R/ files (github:gastonstat/plspm,
// commit bd21cb153021aed6ac6ea51ecbd0b856495b2a16: get_weights, get_path_scheme, get_paths,
// get_effects, get_rho, get_gof) with tol = 1e-12; the driver is
// tests/quality/reference/pls_plspm.R (`Rscript pls_plspm.R data/ecsi_mobi/mobi.csv`).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/io/survey.hpp"
#include "crmkit/quality/pls.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

struct Survey {
  std::vector<std::string> columns;
  std::vector<double> values;
  PlsData data() const { return {{values.data(), values.size() / columns.size(), columns.size()}, columns}; }
};

Survey mobi() {
  crmkit::io::CsvReader reader(std::string(CRMKIT_TEST_DATA_DIR) + "/ecsi_mobi/mobi.csv");
  Survey s;
  s.columns = reader.header();
  s.values = crmkit::io::read_survey(reader, s.columns).values;
  return s;
}

std::size_t path_index(const PlsSpec& spec, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; p < spec.paths.size(); ++p)
    if (spec.paths[p].from == from && spec.paths[p].to == to) return p;
  FAIL("no path " << from << " -> " << to);
  return 0;
}

// a1 = 1,2,3,4; a2 = 2,1,4,3; b = 1,3,2,4 (rows are respondents).
Survey two_blocks() {
  return {{"a1", "a2", "b"}, {1, 2, 1, 2, 1, 3, 3, 4, 2, 4, 3, 4}};
}

PlsSpec two_block_spec() {
  return {{{"A", {"a1", "a2"}, PlsMode::reflective}, {"B", {"b"}, PlsMode::reflective}}, {{"A", "B"}}};
}

}  // namespace

TEST_CASE("ECSI on mobi, path scheme: plspm's and the issue's path coefficients", "[pls]") {
  const Survey s = mobi();
  const PlsSpec spec = pls_ecsi();
  const PlsResult r = pls_fit(spec, s.data());
  // The SmartPLS/seminr figures.
  CHECK(r.path_coefficient[path_index(spec, "Image", "Satisfaction")] == Approx(0.17873950).margin(5e-5));
  CHECK(r.path_coefficient[path_index(spec, "Image", "Expectation")] == Approx(0.50491393).margin(5e-5));
  // plspm, all 12 paths (spec order = the reference's order).
  const double plspm[] = {0.5049139335, 0.1787395000, 0.1957553334, 0.5567489624,
                          0.0499883926, 0.0625228695, 0.5583043795, 0.5120239401,
                          0.1947651042, 0.5280662463, 0.4854776233, 0.0669260690};
  const std::string order[][2] = {{"Image", "Expectation"}, {"Image", "Satisfaction"}, {"Image", "Loyalty"},
                                  {"Expectation", "Quality"}, {"Expectation", "Value"}, {"Expectation", "Satisfaction"},
                                  {"Quality", "Value"}, {"Quality", "Satisfaction"}, {"Value", "Satisfaction"},
                                  {"Satisfaction", "Complaints"}, {"Satisfaction", "Loyalty"}, {"Complaints", "Loyalty"}};
  for (std::size_t p = 0; p < 12; ++p)
    CHECK(r.path_coefficient[path_index(spec, order[p][0], order[p][1])] == Approx(plspm[p]).margin(5e-5));
  // R^2 per block (Image exogenous): plspm.
  CHECK(std::isnan(r.r2[0]));
  const double r2[] = {0.2549380802, 0.3099694071, 0.3452789420, 0.6810782914, 0.2788539605, 0.4569444546};
  for (std::size_t b = 1; b < 7; ++b) CHECK(r.r2[b] == Approx(r2[b - 1]).margin(5e-5));
  // Adjusted R^2 of Satisfaction (4 predictors, n = 250), by hand from plspm's R^2.
  CHECK(r.r2_adjusted[4] == Approx(1 - (1 - 0.6810782914) * 249.0 / 245.0).margin(5e-5));
  // Outer weights and loadings of Image (IMAG1-5) and Loyalty (CUSL1-3): plspm.
  const double w_image[] = {0.3013121547, 0.2596911521, 0.2179230539, 0.3285035666, 0.3246814068};
  const double l_image[] = {0.7452080726, 0.5992003816, 0.5763589538, 0.7687616593, 0.7444524297};
  const double w_loy[] = {0.4606647288, 0.1142695266, 0.6543105851};
  const double l_loy[] = {0.8204131962, 0.2020217103, 0.9154362866};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(r.indicator[i] == "IMAG" + std::to_string(i + 1));
    CHECK(r.weights[i] == Approx(w_image[i]).margin(5e-5));
    CHECK(r.loadings[i] == Approx(l_image[i]).margin(5e-5));
  }
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(r.weights[21 + i] == Approx(w_loy[i]).margin(5e-5));
    CHECK(r.loadings[21 + i] == Approx(l_loy[i]).margin(5e-5));
  }
  // Total and indirect effects: plspm's get_effects.
  const std::size_t L = 7;
  CHECK(r.total_effects[0 * L + 6] == Approx(0.39873238430).margin(5e-5));     // Image -> Loyalty
  CHECK(r.indirect_effects[0 * L + 6] == Approx(0.20297705091).margin(5e-5));
  CHECK(r.total_effects[2 * L + 5] == Approx(0.32780353878).margin(5e-5));     // Quality -> Complaints
  CHECK(r.indirect_effects[4 * L + 6] == Approx(0.03534139802).margin(5e-5));  // Satisfaction -> Loyalty
  // Composite reliability (plspm's Dillon-Goldstein rho) and GoF: plspm.
  const double rho_c[] = {0.8188786731, 0.7332355585, 0.9046924219, 0.9179754114, 0.8712532327, 1.0, 0.7217055559};
  for (std::size_t b = 0; b < 7; ++b) CHECK(r.rho_c[b] == Approx(rho_c[b]).margin(5e-5));
  CHECK(r.gof == Approx(0.4717525772).margin(5e-5));
  // The standardised alphas (seminr): Image, Expectation, Value, Satisfaction.
  CHECK(r.alpha_standardised[0] == Approx(0.723).margin(5e-4));
  CHECK(r.alpha_standardised[1] == Approx(0.452).margin(5e-4));
  CHECK(r.alpha_standardised[3] == Approx(0.824).margin(5e-4));
  CHECK(r.alpha_standardised[4] == Approx(0.779).margin(5e-4));
  CHECK(std::isnan(r.alpha_raw[5]));  // Complaints: one item
  // AVE = mean squared loading, from plspm's Loyalty loadings.
  CHECK(r.ave[6] == Approx((0.8204131962 * 0.8204131962 + 0.2020217103 * 0.2020217103 +
                            0.9154362866 * 0.9154362866) / 3).margin(1e-4));
  // The default IPMA target is the last block (Loyalty).
  CHECK(r.ipma_target == 6);
  CHECK(std::isnan(r.ipma_importance[6]));
}

TEST_CASE("ECSI centroid and factorial schemes: plspm", "[pls]") {
  const Survey s = mobi();
  const PlsSpec spec = pls_ecsi();
  PlsOptions o;
  o.scheme = PlsScheme::centroid;
  PlsResult r = pls_fit(spec, s.data(), o);
  CHECK(r.path_coefficient[path_index(spec, "Image", "Expectation")] == Approx(0.5047056387).margin(5e-5));
  CHECK(r.path_coefficient[path_index(spec, "Complaints", "Loyalty")] == Approx(0.0712324124).margin(5e-5));
  CHECK(r.weights[22] == Approx(0.1313399248).margin(5e-5));
  o.scheme = PlsScheme::factorial;
  r = pls_fit(spec, s.data(), o);
  CHECK(r.path_coefficient[path_index(spec, "Expectation", "Satisfaction")] == Approx(0.0649436550).margin(5e-5));
  CHECK(r.r2[4] == Approx(0.6806976879).margin(5e-5));
  CHECK(r.loadings[22] == Approx(0.2133139897).margin(5e-5));
}

TEST_CASE("two-block model by hand", "[pls]") {
  // Standardised, cor(a1, b) = 4/5 = 0.8, cor(a2, b) = 0, cor(a1, a2) = 3/5 = 0.6. Mode A
  // weights are proportional to (0.8, 0): the score of A is a1's z-score, weights (1, 0),
  // loadings (1, 0.6), path = R = 0.8, R^2 = 0.64.
  const Survey s = two_blocks();
  PlsOptions o;
  o.scale = {1, 5};
  const PlsResult r = pls_fit(two_block_spec(), s.data(), o);
  CHECK(r.weights[0] == Approx(1).margin(1e-9));
  CHECK(r.weights[1] == Approx(0).margin(1e-9));
  CHECK(r.loadings[1] == Approx(0.6).margin(1e-9));
  CHECK(r.path_coefficient[0] == Approx(0.8).margin(1e-9));
  CHECK(r.r2[1] == Approx(0.64).margin(1e-9));
  CHECK(r.r2_adjusted[1] == Approx(1 - 0.36 * 3 / 2).margin(1e-9));
  // rho_C = 1.6^2 / (1.6^2 + (0 + 0.64)) = 0.8; AVE = (1 + 0.36) / 2 = 0.68.
  CHECK(r.rho_c[0] == Approx(0.8).margin(1e-9));
  CHECK(r.ave[0] == Approx(0.68).margin(1e-9));
  // HTMT = mean(0.8, 0) / sqrt(0.6 x 1) (one-item block: monotrait 1).
  CHECK(r.htmt[1] == Approx(0.4 / std::sqrt(0.6)).margin(1e-9));
  // GoF = sqrt(0.68 x 0.64).
  CHECK(r.gof == Approx(std::sqrt(0.68 * 0.64)).margin(1e-9));
  // Fornell index: weights (1, 0) -> a1 alone, mean 2.5 on 1-5: (2.5 - 1) / 4 x 100 = 37.5;
  // b likewise. IPMA importance of A on B = 0.8 x sd(b) / sd(a1) = 0.8.
  CHECK(r.index_mean[0] == Approx(37.5).margin(1e-9));
  CHECK(r.index_mean[1] == Approx(37.5).margin(1e-9));
  CHECK(r.index_scores[0] == Approx(0).margin(1e-9));  // respondent 0 answered a1 = 1
  CHECK(r.ipma_importance[0] == Approx(0.8).margin(1e-9));
  // VIF of a lone predictor is 1.
  CHECK(r.vif[1] == Approx(1).margin(1e-12));
}

TEST_CASE("index methods differ only in the weights' units", "[pls]") {
  // Fornell weights are w_k / sd_k normalised; with unequal item sds they differ from the
  // normalised standardised weights. Loyalty: CUSL2 has a much larger sd than CUSL1/3.
  const Survey s = mobi();
  PlsOptions o;
  const PlsResult f = pls_fit(pls_ecsi(), s.data(), o);
  o.index = PlsIndexMethod::standardised;
  const PlsResult z = pls_fit(pls_ecsi(), s.data(), o);
  const double sum = f.weights[21] + f.weights[22] + f.weights[23];
  CHECK(z.index_weights[22] == Approx(f.weights[22] / sum).margin(1e-12));
  CHECK(f.index_weights[22] < z.index_weights[22]);
  CHECK(f.index_weights[21] + f.index_weights[22] + f.index_weights[23] == Approx(1));
  CHECK(f.index_mean[4] > 0);
  CHECK(f.index_mean[4] < 100);
}

TEST_CASE("ACSI has no Image block", "[pls]") {
  const PlsSpec a = pls_acsi();
  CHECK(a.blocks.size() == 6);
  CHECK(a.paths.size() == 9);
  for (const PlsBlock& b : a.blocks) CHECK(b.name != "Image");
  const Survey s = mobi();
  const PlsResult r = pls_fit(a, s.data());
  CHECK(r.latent.front() == "Expectation");
}

TEST_CASE("spec text format", "[pls]") {
  const PlsSpec s = parse_pls_spec("# two blocks\nblock A: a1, a2\nblock B B: b\npath A -> B\n", "m.txt");
  REQUIRE(s.blocks.size() == 2);
  CHECK(s.blocks[1].mode == PlsMode::formative);
  CHECK(s.blocks[0].indicators == std::vector<std::string>{"a1", "a2"});
  CHECK(s.paths.size() == 1);
  CHECK_THAT(error_of([] { parse_pls_spec("block A a1\n", "m.txt"); }), Contains("m.txt:1"));
  CHECK_THAT(error_of([] { parse_pls_spec("block A C: a1\nblock B: b\npath A -> B\n", "m.txt"); }),
             Contains("mode 'C'"));
  CHECK_THAT(error_of([] { parse_pls_spec("block A: a\nblock B: b\nrule A\n", "m.txt"); }),
             Contains("m.txt:3: unknown statement"));
}

TEST_CASE("bad models and data are refused with the culprit named", "[pls]") {
  const Survey s = two_blocks();
  CHECK_THAT(error_of([] {
               validate_pls_spec({{{"A", {"a1"}}, {"B", {"a2"}}, {"C", {"b"}}}, {{"A", "B"}, {"B", "C"}, {"C", "B"}}});
             }),
             Contains("cycle through block"));
  CHECK_THAT(error_of([] { validate_pls_spec({{{"A", {"a1"}}, {"B", {"a2"}}, {"C", {"b"}}}, {{"A", "B"}}}); }),
             Contains("block C is on no path"));
  CHECK_THAT(error_of([] { validate_pls_spec({{{"A", {"a1"}}, {"B", {"b"}}}, {{"A", "X"}}}); }),
             Contains("no block named X"));
  CHECK_THAT(error_of([&] {
               pls_fit({{{"A", {"a1", "zz"}}, {"B", {"b"}}}, {{"A", "B"}}}, s.data());
             }),
             Contains("indicator zz of block A is not a column"));
  Survey constant = s;
  for (std::size_t r = 0; r < 4; ++r) constant.values[r * 3 + 1] = 2;
  CHECK_THAT(error_of([&] { pls_fit(two_block_spec(), constant.data()); }), Contains("indicator a2 is constant"));
  Survey missing = s;
  missing.values[2 * 3 + 2] = NAN;
  CHECK_THAT(error_of([&] { pls_fit(two_block_spec(), missing.data()); }),
             Contains("respondent 2, column b: missing answer"));
  Survey collinear = s;
  for (std::size_t r = 0; r < 4; ++r) collinear.values[r * 3 + 1] = 2 * collinear.values[r * 3];
  PlsSpec formative = two_block_spec();
  formative.blocks[0].mode = PlsMode::formative;
  CHECK_THAT(error_of([&] { pls_fit(formative, collinear.data()); }), Contains("perfectly collinear"));
  const Survey m = mobi();
  PlsOptions once;
  once.max_iterations = 1;
  CHECK_THAT(error_of([&] { pls_fit(pls_ecsi(), m.data(), once); }),
             Contains("did not converge in 1 iterations: the last largest weight change was"));
}

TEST_CASE("bootstrap: deterministic for a seed whatever the thread count", "[pls]") {
  const Survey s = mobi();
  PlsBootstrapOptions b;
  b.resamples = 200;
  b.threads = 1;
  const PlsBootstrap one = pls_bootstrap(pls_ecsi(), s.data(), {}, b);
  b.threads = 2;
  const PlsBootstrap two = pls_bootstrap(pls_ecsi(), s.data(), {}, b);
  REQUIRE(one.paths.size() == 12);
  REQUIRE(one.weights.size() == 24);
  for (std::size_t p = 0; p < 12; ++p) {
    CHECK(one.paths[p].std_error == two.paths[p].std_error);
    CHECK(one.paths[p].bca_lower == two.paths[p].bca_lower);
    CHECK(one.paths[p].lower <= one.paths[p].upper);
    CHECK(one.paths[p].t == Approx(one.paths[p].estimate / one.paths[p].std_error));
  }
  // Image -> Expectation (0.505, n = 250) is far from zero: its interval excludes 0 and its
  // bootstrap SE is of the order of sqrt((1 - r^2)^2 / n) ~ 0.047.
  CHECK(one.paths[0].lower > 0.3);
  CHECK(one.paths[0].std_error > 0.02);
  CHECK(one.paths[0].std_error < 0.1);
  b.seed = 2;
  const PlsBootstrap other = pls_bootstrap(pls_ecsi(), s.data(), {}, b);
  CHECK(other.paths[0].std_error != one.paths[0].std_error);
}

TEST_CASE("reliability and HTMT: seminr's test fixtures on mobi", "[pls]") {
  // github:sem-in-r/seminr commit ae2524a, tests/testthat/test-summary.R: Image, Expectation,
  // Value -> Satisfaction, mode A, path weighting; tests/fixtures/V_3_6_0/reliability.csv
  // (alpha = standardised alpha, rhoC, AVE, rhoA) and htmt.csv.
  const Survey s = mobi();
  const PlsSpec spec = parse_pls_spec(
      "block Image: IMAG1, IMAG2, IMAG3, IMAG4, IMAG5\nblock Expectation: CUEX1, CUEX2, CUEX3\n"
      "block Value: PERV1, PERV2\nblock Satisfaction: CUSA1, CUSA2, CUSA3\n"
      "path Image -> Satisfaction\npath Expectation -> Satisfaction\npath Value -> Satisfaction\n");
  const PlsResult r = pls_fit(spec, s.data());
  const double alpha[] = {0.722834595427083, 0.451902555978063, 0.823631979352573, 0.779195021918597};
  const double rho_c[] = {0.818325774056256, 0.733177801505283, 0.917897281748515, 0.871457927643628};
  const double ave[] = {0.477979834838268, 0.480507046633952, 0.84831067540365, 0.693363990925202};
  const double rho_a[] = {0.745291554480322, 0.461657986928213, 0.857527048393235, 0.784023593590752};
  for (std::size_t b = 0; b < 4; ++b) {
    CHECK(r.alpha_standardised[b] == Approx(alpha[b]).margin(1e-5));
    CHECK(r.rho_c[b] == Approx(rho_c[b]).margin(5e-5));
    CHECK(r.ave[b] == Approx(ave[b]).margin(5e-5));
    CHECK(r.rho_a[b] == Approx(rho_a[b]).margin(5e-5));
  }
  const double htmt[][3] = {{0, 1, 0.88803042750925}, {0, 2, 0.651659392487802}, {0, 3, 0.910100923782741},
                            {1, 2, 0.588628982316289}, {1, 3, 0.865108193553153}, {2, 3, 0.740808927759395}};
  for (const auto& h : htmt) {
    CHECK(r.htmt[std::size_t(h[0]) * 4 + std::size_t(h[1])] == Approx(h[2]).margin(5e-5));
    CHECK(r.htmt[std::size_t(h[1]) * 4 + std::size_t(h[0])] == Approx(h[2]).margin(5e-5));
  }
  // Inner VIF of three predictors = diagonal of the inverse of their correlation matrix (>1).
  CHECK(r.vif[0 * 4 + 3] > 1);
}

TEST_CASE("ACSI and a mode B block: plspm", "[pls]") {
  // tests/quality/reference/pls_plspm_acsi_modeb.R, same plspm commit and settings.
  const Survey s = mobi();
  const PlsSpec acsi = pls_acsi();
  const PlsResult a = pls_fit(acsi, s.data());
  CHECK(a.path_coefficient[path_index(acsi, "Quality", "Satisfaction")] == Approx(0.6253043490).margin(5e-5));
  CHECK(a.path_coefficient[path_index(acsi, "Satisfaction", "Loyalty")] == Approx(0.6058446580).margin(5e-5));
  CHECK(a.path_coefficient[path_index(acsi, "Complaints", "Loyalty")] == Approx(0.0986770165).margin(5e-5));
  CHECK(a.weights[0] == Approx(0.5348458825).margin(5e-5));  // CUEX1
  CHECK(a.weights[18] == Approx(0.6660173151).margin(5e-5)); // CUSL3
  PlsSpec formative = pls_ecsi();
  formative.blocks[0].mode = PlsMode::formative;
  const PlsResult b = pls_fit(formative, s.data());
  CHECK(b.path_coefficient[path_index(formative, "Image", "Satisfaction")] == Approx(0.1839265343).margin(5e-5));
  CHECK(b.path_coefficient[path_index(formative, "Image", "Loyalty")] == Approx(0.2095176815).margin(5e-5));
  const double w_image[] = {0.2418405134, 0.2820337396, 0.1358954833, 0.3701550931, 0.3806921913};
  for (std::size_t i = 0; i < 5; ++i) CHECK(b.weights[i] == Approx(w_image[i]).margin(5e-5));
}

TEST_CASE("Fornell index of a one-item block is its rescaled mean", "[pls]") {
  // Complaints has the single item CUSCO: its index weight is 1 and its index is
  // (mean - 1) / 9 x 100 on the 1-10 scale, the mean taken here from the data.
  const Survey s = mobi();
  const PlsResult r = pls_fit(pls_ecsi(), s.data());
  double mean = 0;
  const std::size_t c = std::size_t(std::find(s.columns.begin(), s.columns.end(), "CUSCO") - s.columns.begin());
  for (std::size_t i = 0; i < 250; ++i) mean += s.values[i * s.columns.size() + c] / 250;
  CHECK(r.index_weights[20] == Approx(1));
  CHECK(r.index_mean[5] == Approx((mean - 1) / 9 * 100).epsilon(1e-12));
}
