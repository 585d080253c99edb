// Churn model. References: scikit-learn 1.2.1 (numpy 1.24.2) LogisticRegression(C = 1/l2,
// tol=1e-12) through tests/value/reference/mining_sklearn.py, whose printed figures are
// quoted below; hand calculations for the small cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "cdnow_features.hpp"
#include "crmkit/io/archive.hpp"
#include "crmkit/value/churn.hpp"
#include "crmkit/value/segment.hpp"
#include "error_of.hpp"
#include "test_data.hpp"

using namespace crmkit::value;
using crmkit_test::error_of;

namespace {

// mining_sklearn.py's churn features: the five customer features, log1p(frequency) and
// log1p(monetary), z-scored; label: no purchase in the holdout.
ChurnOptions cdnow_options(double l2, bool balanced) {
  ChurnOptions o;
  o.l2 = l2;
  o.balanced = balanced;
  o.scaling = ScalingOptions{Scaling::zscore, {"frequency", "monetary"}};
  return o;
}

double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

}  // namespace

TEST_CASE("churn coefficients match scikit-learn's LogisticRegression on CDNOW", "[churn][cdnow]") {
  const SummaryTable& table = crmkit_test::cdnow_split();
  const FeatureTable x = customer_features(table);
  const std::vector<double> y = churn_labels(table);
  struct Case {
    double l2;
    bool balanced;
    std::vector<double> coef;  // intercept, recency, frequency, monetary, tenure, regularity
    double log_loss, auc;
  };
  // Printed by mining_sklearn.py (C = 1 / l2; class_weight None / "balanced").
  const Case cases[] = {
      {1.0, false, {1.0004767433, 0.6526277992, -0.3942089860, -0.1607303378, -0.0679225589, 0.0350399609},
       0.4906387861, 0.7718343656},
      {10.0, true, {0.1495168471, 0.6570479700, -0.3840122156, -0.1657996808, -0.0746192893, 0.0313531485},
       0.5527756990, 0.7718826230},
  };
  for (const Case& c : cases) {
    INFO("l2 = " << c.l2 << " balanced = " << c.balanced);
    const ChurnFit fit = fit_churn(x, y.data(), cdnow_options(c.l2, c.balanced));
    const auto& coef = fit.model.coefficients();
    REQUIRE(coef.size() == 6);
    CHECK(coef[0].name == "intercept");
    CHECK(coef[1].name == "recency");
    for (std::size_t j = 0; j < 6; ++j) CHECK(std::abs(coef[j].estimate - c.coef[j]) < 1e-4);
    CHECK(fit.metrics.log_loss == Approx(c.log_loss).epsilon(1e-6));
    CHECK(fit.metrics.auc == Approx(c.auc).epsilon(1e-6));
    CHECK(fit.metrics.churn_rate == Approx(0.70055154857870172).epsilon(1e-15));
    for (const auto& k : coef) {
      CHECK(k.standard_error > 0);
      CHECK(k.odds_ratio == Approx(std::exp(k.estimate)));
      CHECK(k.z == Approx(k.estimate / k.standard_error));
    }
  }
}

TEST_CASE("churn fit is the same on one thread and two", "[churn][cdnow]") {
  const SummaryTable& table = crmkit_test::cdnow_split();
  const FeatureTable x = customer_features(table);
  const std::vector<double> y = churn_labels(table);
  ChurnOptions o = cdnow_options(1, false);
  o.threads = 1;
  const ChurnFit one = fit_churn(x, y.data(), o);
  o.threads = 2;
  const ChurnFit two = fit_churn(x, y.data(), o);
  for (std::size_t j = 0; j < 6; ++j)
    CHECK(one.model.coefficients()[j].estimate == two.model.coefficients()[j].estimate);
  CHECK(one.probability == two.probability);
}

TEST_CASE("separable data: the penalty keeps the fit finite, none refuses it", "[churn]") {
  const double xs[] = {-2, -1, 1, 2};
  const double y[] = {0, 0, 1, 1};
  const FeatureTable t = make_feature_table(xs, 4, {"x"});
  ChurnOptions o;
  o.l2 = 1;
  const ChurnFit fit = fit_churn(t, y, o);
  // By symmetry the intercept is 0; the slope b solves sum_i (sigmoid(b z_i) - y_i) z_i + b = 0
  // with z = x / sqrt(2.5) -- found here by bisection, independent of Newton's method.
  const double sd = std::sqrt(2.5);
  auto score = [&](double b) {
    double g = b;
    for (int i = 0; i < 4; ++i) g += (sigmoid(b * xs[i] / sd) - y[i]) * xs[i] / sd;
    return g;
  };
  double lo = 0, hi = 100;
  for (int i = 0; i < 200; ++i) (score(0.5 * (lo + hi)) > 0 ? hi : lo) = 0.5 * (lo + hi);
  CHECK(std::abs(fit.model.coefficients()[0].estimate) < 1e-12);
  CHECK(fit.model.coefficients()[1].estimate == Approx(0.5 * (lo + hi)).epsilon(1e-10));
  o.l2 = 0;
  const std::string e = error_of([&] { fit_churn(t, y, o); });
  CHECK(e.find("separate churners from stayers") != std::string::npos);
}

TEST_CASE("churn metrics by hand: log-loss, AUC with ties, precision and recall", "[churn]") {
  const double p[] = {0.1, 0.4, 0.4, 0.8};
  const double y[] = {0, 0, 1, 1};
  const ChurnMetrics m = evaluate_churn(p, y, 4, 0.5);
  CHECK(m.log_loss == Approx(-(std::log(0.9) + std::log(0.6) + std::log(0.4) + std::log(0.8)) / 4));
  // Pairs (churner, stayer): (0.4, 0.1) 1, (0.4, 0.4) 1/2, (0.8, 0.1) 1, (0.8, 0.4) 1 -> 3.5 / 4.
  CHECK(m.auc == 0.875);
  CHECK(m.precision == 1.0);  // only 0.8 is at or above 0.5, and churned
  CHECK(m.recall == 0.5);
  CHECK(m.accuracy == 0.75);
  // Lift with 4 rows: 4 groups of one, highest first (the tied 0.4s in row order).
  REQUIRE(m.lift.size() == 4);
  CHECK(m.lift[0].lift == 2.0);           // 0.8 churned: rate 1 / overall 0.5
  CHECK(m.lift[1].cumulative_lift == 1.0); // rows 0.8 and the first 0.4 (stayer): 1/2 / 0.5
  CHECK(m.lift[3].cumulative_lift == 1.0);
  // Calibration: 0.1 in [0.1, 0.2), both 0.4s in [0.4, 0.5) with one churner, 0.8 in [0.8, 0.9).
  CHECK(m.calibration[1].customers == 1);
  CHECK(m.calibration[4].customers == 2);
  CHECK(m.calibration[4].observed_rate == 0.5);
  CHECK(m.calibration[8].mean_probability == 0.8);
  CHECK(std::isnan(m.calibration[0].mean_probability));
}

TEST_CASE("lift by decile on 20 ranked customers", "[churn]") {
  // Probabilities 0.95, 0.90, ..., 0.00; churners: the top 6 and one at rank 15.
  std::vector<double> p, y;
  for (int i = 0; i < 20; ++i) {
    p.push_back((19 - i) * 0.05);
    y.push_back(i < 6 || i == 14 ? 1 : 0);
  }
  const ChurnMetrics m = evaluate_churn(p.data(), y.data(), 20);
  REQUIRE(m.lift.size() == 10);
  // Overall rate 7/20; deciles of 2: 2/2, 2/2, 2/2, 0, 0, 0, 0, 1/2, 0, 0.
  CHECK(m.lift[0].lift == Approx(1.0 / 0.35));
  CHECK(m.lift[3].lift == 0.0);
  CHECK(m.lift[7].lift == Approx(0.5 / 0.35));
  CHECK(m.lift[2].cumulative_lift == Approx(1.0 / 0.35));
  CHECK(m.lift[9].cumulative_lift == Approx(1.0));
}

TEST_CASE("sensitivity and drivers", "[churn][cdnow]") {
  const SummaryTable& table = crmkit_test::cdnow_split();
  const FeatureTable x = customer_features(table);
  const std::vector<double> y = churn_labels(table);
  const ChurnFit fit = fit_churn(x, y.data(), cdnow_options(1, false));
  const ChurnModel& m = fit.model;
  const ChurnSensitivity s = m.sensitivity(x, "recency", 30, x.column(2));
  // Customer 1 by hand: the linear predictor with recency + 30 days, from the recorded scaler.
  double eta = m.coefficients()[0].estimate;
  for (std::size_t j = 0; j < 5; ++j) {
    double v = x.column(j)[0] + (j == 0 ? 30 : 0);
    if (m.scaler().log1p(j)) v = std::log1p(v);
    eta += m.coefficients()[j + 1].estimate * (v - m.scaler().center()[j]) / m.scaler().scale()[j];
  }
  CHECK(s.after[0] == Approx(sigmoid(eta)).epsilon(1e-12));
  CHECK(s.before[0] == Approx(fit.probability[0]).epsilon(1e-12));
  CHECK(s.mean_after > s.mean_before);  // a positive recency coefficient
  CHECK(s.value_at_risk_after > s.value_at_risk_before);
  CHECK(m.sensitivity(x, "recency", 0).after == s.before);
  CHECK(error_of([&] { m.sensitivity(x, "age", 1); }).find("'age' is not a feature") != std::string::npos);

  const std::vector<GroupDrivers> all = m.drivers(x);
  REQUIRE(all.size() == 1);
  CHECK(all[0].customers == x.rows);
  CHECK(all[0].drivers[0].feature == "recency");  // the largest coefficient
  for (std::size_t j = 1; j < all[0].drivers.size(); ++j)
    CHECK(std::abs(all[0].drivers[j].effect) <= std::abs(all[0].drivers[j - 1].effect));
  std::vector<int> groups(x.rows);
  for (std::size_t i = 0; i < x.rows; ++i) groups[i] = static_cast<int>(i % 2);
  CHECK(m.drivers(x, groups.data()).size() == 2);
}

TEST_CASE("churn labels and features from a summary table", "[churn]") {
  SummaryTable t;
  t.end = 100;
  CustomerSummary a;  // bought on days 10, 40, 70; nothing in the holdout
  a.first = 10, a.last = 70, a.purchases = 3, a.total_value = 30;
  CustomerSummary b;  // one purchase on day 90, two in the holdout
  b.first = b.last = 90, b.purchases = 1, b.total_value = 5, b.holdout_frequency = 2;
  t.customers = {a, b};
  CHECK(error_of([&] { churn_labels(t); }).find("need a holdout period") != std::string::npos);
  t.holdout_end = 200;
  CHECK(churn_labels(t) == std::vector<double>{1, 0});
  const FeatureTable f = customer_features(t);
  // recency, frequency, monetary, tenure, regularity
  CHECK(std::vector<double>(f.values.begin(), f.values.end()) ==
        std::vector<double>{30, 10, 3, 1, 30, 5, 90, 10, 30, 10});
}

TEST_CASE("bad churn input is refused naming what and where", "[churn]") {
  const double xs[] = {1, 2, 3, 4};
  const FeatureTable t = make_feature_table(xs, 4, {"x"});
  const double one_class[] = {1, 1, 1, 1};
  CHECK(error_of([&] { fit_churn(t, one_class); }).find("one class only (every customer churned)") != std::string::npos);
  const double bad[] = {0, 1, 2, 0};
  CHECK(error_of([&] { fit_churn(t, bad); }) == "churn label row 3 is 2.000000; expected 0 or 1");
  const double y[] = {0, 1, 0, 1};
  const ChurnFit fit = fit_churn(t, y);
  CHECK(error_of([&] { fit.model.predict(make_feature_table(xs, 4, {"spend"})); })
            .find("fitted on feature 'x', which the data lacks") != std::string::npos);
  const double p[] = {0.1, 1.5, 0.2, 0.3};
  CHECK(error_of([&] { evaluate_churn(p, y, 4); }).find("churn probability row 2 is 1.5") != std::string::npos);
  ChurnOptions o;
  o.l2 = -1;
  CHECK(error_of([&] { fit_churn(t, y, o); }).find("l2 must be") != std::string::npos);
}

namespace {

// Golden files (format v1 of crmkit.value.ChurnModel, BOOST_CLASS_VERSION 1): written by
// the "[.golden-write]" case below from this hand-made model; never overwrite them.
ChurnModel golden_churn() {
  const double x[] = {1, 2, 4, 10, 20, 40};
  const FeatureScaler s =
      FeatureScaler::fit(make_feature_table(x, 3, {"recency", "monetary"}), {Scaling::robust, {"monetary"}});
  std::vector<Coefficient> c = {{"intercept", 0.5, 0.1, 5, std::exp(0.5)},
                                {"recency", 0.75, 0.25, 3, std::exp(0.75)},
                                {"monetary", -0.25, 0.125, -2, std::exp(-0.25)}};
  return ChurnModel(s, c, 2.0, true);
}

std::string golden_file(const char* ext) { return crmkit_test::data_path("golden/mining/v1/churn") + ext; }

}  // namespace

TEST_CASE("churn golden files of format v1 load; models round-trip", "[churn][golden]") {
  const ChurnModel want = golden_churn();
  for (const char* ext : {".txt", ".bin"}) {
    INFO(golden_file(ext));
    const ChurnModel m = ChurnModel::load(golden_file(ext));
    REQUIRE(m.coefficients().size() == 3);
    for (std::size_t j = 0; j < 3; ++j) {
      CHECK(m.coefficients()[j].name == want.coefficients()[j].name);
      CHECK(m.coefficients()[j].estimate == want.coefficients()[j].estimate);
      CHECK(m.coefficients()[j].standard_error == want.coefficients()[j].standard_error);
    }
    CHECK(m.l2() == 2.0);
    CHECK(m.balanced());
    CHECK(m.scaler().scaling() == Scaling::robust);
    CHECK(m.scaler().center() == want.scaler().center());
  }
  const ChurnModel back = ChurnModel::from_bytes(want.to_bytes());
  const double rows[] = {3, 5, 15, 25};
  const FeatureTable t = make_feature_table(rows, 2, {"recency", "monetary"});
  CHECK(back.predict(t) == want.predict(t));
  CHECK_THROWS_AS(crmkit::value::KMeansModel::from_bytes(want.to_bytes()), crmkit::Error);
}

TEST_CASE("write churn golden files", "[.golden-write]") {
  crmkit::io::save(golden_file(".txt"), golden_churn(), crmkit::io::ArchiveKind::text);
  crmkit::io::save(golden_file(".bin"), golden_churn(), crmkit::io::ArchiveKind::binary);
}
