// Customer satisfaction index: the 0-100 rescaling by hand, the seeded bootstrap interval
// against the normal approximation, and tracking across waves.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/csi.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
// Two respondents x two items on 1-5: item means 4.5 and 2.5.
const std::vector<double> kTwo = {4, 2, 5, 3};
Answers view(const std::vector<double>& v, std::size_t items) {
  return {v.data(), v.size() / items, items};
}
CsiOptions on_1_to_5() {
  CsiOptions o;
  o.scale = {1, 5};
  return o;
}
// n respondents, one item: half answer 1, half 5 (index 50).
std::vector<double> halves(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = i % 2 ? 5 : 1;
  return v;
}
}  // namespace

TEST_CASE("CSI rescales the weighted item means by the scale range", "[csi]") {
  CsiOptions o = on_1_to_5();
  // Equal weights: (0.5 x 4.5 + 0.5 x 2.5 - 1) / (5 - 1) x 100 = 62.5.
  const CsiResult equal = csi(view(kTwo, 2), o);
  CHECK(equal.index == Approx(62.5));
  CHECK(equal.item_mean == std::vector<double>{4.5, 2.5});
  // Weights 3 : 1 are normalised to 0.75, 0.25: (4.0 - 1) / 4 x 100 = 75.
  o.weights = {3, 1};
  const CsiResult weighted = csi(view(kTwo, 2), o);
  CHECK(weighted.index == Approx(75));
  CHECK(weighted.weights == std::vector<double>{0.75, 0.25});
  // The lowest and highest answers everywhere give 0 and 100.
  const std::vector<double> low = {1, 1, 1, 1}, high = {5, 5, 5, 5};
  CHECK(csi(view(low, 2), o).index == 0);
  CHECK(csi(view(high, 2), o).index == 100);
  // Unanswered items: means over each item's answers (item 2: 3 only).
  const std::vector<double> gap = {4, NAN, 5, 3};
  CHECK(csi(view(gap, 2), on_1_to_5()).index == Approx((0.5 * 4.5 + 0.5 * 3 - 1) / 4 * 100));
}

TEST_CASE("the bootstrap interval is seeded and matches the normal approximation", "[csi]") {
  // 400 answers of 1 or 5 in equal numbers: index 50, the share of 5s has standard error
  // sqrt(0.25 / 400) = 0.025, i.e. 2.5 index points; the normal 95% interval is
  // 50 -/+ 1.96 x 2.5 = 45.1 .. 54.9 (the percentile bootstrap approximates it; with 4000
  // resamples the Monte Carlo error of each bound is about 0.1 point).
  const std::vector<double> v = halves(400);
  CsiOptions o = on_1_to_5();
  o.resamples = 4000;
  const CsiResult r = csi(view(v, 1), o);
  CHECK(r.index == 50);
  CHECK(r.lower == Approx(45.1).margin(0.6));
  CHECK(r.upper == Approx(54.9).margin(0.6));
  // Deterministic for a seed, different for another.
  const CsiResult again = csi(view(v, 1), o);
  CHECK(again.lower == r.lower);
  CHECK(again.upper == r.upper);
  o.seed += 1;
  CHECK(csi(view(v, 1), o).lower != r.lower);
  // No resamples: no interval.
  o.resamples = 0;
  CHECK(std::isnan(csi(view(v, 1), o).lower));
  // Identical respondents: every resample gives the index, so the interval is a point.
  const std::vector<double> same = {4, 4, 4, 4};
  const CsiResult point = csi(view(same, 1), on_1_to_5());
  CHECK(point.lower == 75);
  CHECK(point.upper == 75);
}

TEST_CASE("CSI tracking: index, interval and change per wave", "[csi]") {
  // Wave 0: 400 answers half 1, half 5 (index 50). Wave 1: the same plus 100 more 5s
  // (index (200 x 0 + 300 x 100) / 500 = 60).
  std::vector<double> w0 = halves(400), w1 = halves(400);
  w1.insert(w1.end(), 100, 5.0);
  CsiOptions o = on_1_to_5();
  const std::vector<CsiWave> t = csi_tracking({view(w0, 1), view(w1, 1)}, o);
  REQUIRE(t.size() == 2);
  CHECK(std::isnan(t[0].change));
  CHECK(t[0].csi.lower == csi(view(w0, 1), o).lower);  // wave 0 uses the seed itself
  CHECK(t[1].csi.index == Approx(60));
  CHECK(t[1].change == Approx(10));
  // The change's standard error is sqrt(2.5^2 + 100 x sqrt(0.6 x 0.4 / 500)^2) =
  // sqrt(6.25 + 4.8) = 3.32: the interval is about 10 -/+ 6.5.
  CHECK(t[1].change_lower == Approx(10 - 6.5).margin(1));
  CHECK(t[1].change_upper == Approx(10 + 6.5).margin(1));
}

TEST_CASE("CSI refuses bad options and answers, naming them", "[csi]") {
  CsiOptions o = on_1_to_5();
  o.weights = {1};
  CHECK_THAT(error_of([&] { csi(view(kTwo, 2), o); }), Contains("1 given for 2 items"));
  o.weights = {1, -1};
  CHECK_THAT(error_of([&] { csi(view(kTwo, 2), o); }), Contains("weight of item 1"));
  o.weights = {0, 0};
  CHECK_THAT(error_of([&] { csi(view(kTwo, 2), o); }), Contains("all 0"));
  o = on_1_to_5();
  o.level = 1;
  CHECK_THAT(error_of([&] { csi(view(kTwo, 2), o); }), Contains("level"));
  const std::vector<double> off = {4, 2, 5, 7};
  CHECK_THAT(error_of([&] { csi(view(off, 2), on_1_to_5()); }),
             Contains("respondent 1, item 1") && Contains("outside the scale 1-5"));
  const std::vector<double> blank = {4, NAN, 5, NAN};
  CHECK_THAT(error_of([&] { csi(view(blank, 2), on_1_to_5()); }), Contains("item 1 (0-based) has no answer"));
  CHECK_THAT(error_of([&] { csi_tracking({view(kTwo, 2), view(off, 2)}, on_1_to_5()); }),
             Contains("wave 1: "));
  CHECK_THAT(error_of([&] { csi_tracking({view(kTwo, 2), view(kTwo, 1)}, on_1_to_5()); }),
             Contains("wave 1 has 1 items; wave 0 has 2"));
}
