// Holdout comparison and tracking curve (clv/evaluation.hpp) on hand-worked examples, and
// ClvModel's dispatch and file round trip. The CDNOW reproduction runs through the C API
// (tests/capi/test_clv.c) and Python (tests/python/test_clv.py).
#include <catch2/catch.hpp>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/model.hpp"

using namespace crmkit::value;
using crmkit::name_of;
using crmkit::parse_enum;

TEST_CASE("compare_predictions groups by calibration frequency", "[btyd][evaluation]") {
  // x = 0, 0, 1, 3, 5 with max_frequency 2: groups {0: 2 customers}, {1: 1}, {2+: 2}.
  const double x[] = {0, 0, 1, 3, 5}, actual[] = {0, 1, 2, 4, 6};
  const HoldoutComparison c = compare_predictions(x, actual, 5, {0.5, 0.5, 1.5, 3, 5}, 2);
  REQUIRE(c.by_frequency.size() == 3);
  CHECK(c.by_frequency[0].customers == 2);
  CHECK(c.by_frequency[0].actual_mean == 0.5);
  CHECK(c.by_frequency[0].predicted_mean == 0.5);
  CHECK(c.by_frequency[1].actual_mean == 2);
  CHECK(c.by_frequency[2].and_above);
  CHECK(c.by_frequency[2].actual_mean == 5);
  CHECK(c.by_frequency[2].predicted_mean == 4);
  CHECK(c.actual_total == 13);
  CHECK(c.predicted_total == 10.5);
  const double bad[] = {0, -1, 2, 4, 6};
  CHECK_THROWS_WITH(compare_predictions(x, bad, 5, {0, 0, 0, 0, 0}, 2), Catch::Contains("row 1"));
}

TEST_CASE("tracking curve sums E[X(k - t0)] over cohorts", "[btyd][evaluation]") {
  const BetaGeo m(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  // Two customers starting at 0 and one at 1.5: period 1 has only the first cohort.
  const double first[] = {0, 1.5, 0};
  const std::vector<double> curve = expected_cumulative_repeat_transactions(m, first, 3, 3);
  CHECK(curve[0] == Approx(2 * m.expected_purchases(1)));
  CHECK(curve[1] == Approx(2 * m.expected_purchases(2) + m.expected_purchases(0.5)));
  CHECK(curve[2] == Approx(2 * m.expected_purchases(3) + m.expected_purchases(1.5)));
  CHECK_THROWS_WITH(expected_cumulative_repeat_transactions(m, first, 3, 0), Catch::Contains("periods"));
}

TEST_CASE("ClvModel dispatches to the typed models and round-trips files", "[btyd][evaluation]") {
  CHECK(parse_enum<ClvModelKind>("mbg-nbd") == ClvModelKind::mbg_nbd);
  CHECK_THROWS_WITH(parse_enum<ClvModelKind>("bgnbd"), Catch::Contains("expected one of: bg-nbd"));
  const ClvModel m(ClvModelKind::bg_nbd, Eigen::Vector4d(0.243, 4.414, 0.793, 2.426));
  const BetaGeo typed(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  const double x = 2, tx = 30.43, T = 38.86;
  double out = 0;
  m.conditional_expected_purchases(39, &x, &tx, &T, 1, &out);
  CHECK(out == typed.conditional_expected_purchases(39, x, tx, T));
  const ClvModel back = ClvModel::from_bytes(m.to_bytes());
  CHECK(back.kind() == ClvModelKind::bg_nbd);
  CHECK(back.parameter_vector() == m.parameter_vector());
  CHECK_THROWS_WITH(ClvModel::from_bytes(m.to_bytes(), ClvModelKind::pareto_nbd),
                    Catch::Contains("bg-nbd model, not a pareto-nbd"));
  CHECK_THROWS_WITH(m.expected_spend(&x, &x, 1, &out), Catch::Contains("bg-nbd model has no expected_spend"));
}
