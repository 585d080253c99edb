// Importance-performance analysis: quadrants around either crosshair, the tie rule, and
// importance stated or derived (correlation, beta weights), all worked out by hand.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/ipa.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;
using Q = IpaQuadrant;

namespace {
// Two respondents x four items on 1-7. Performance means 3, 6, 2, 5; stated importance
// means 6, 6, 3, 4.2.
const std::vector<double> kPerformance = {2, 7, 1, 5, 4, 5, 3, 5};
const std::vector<double> kImportance = {6, 5, 3, 4.2, 6, 7, 3, 4.2};
Answers view(const std::vector<double>& v, std::size_t items) {
  return {v.data(), v.size() / items, items};
}
}  // namespace

TEST_CASE("stated importance: quadrants around the data means and the scale midpoint", "[ipa]") {
  // Data means: importance (6 + 6 + 3 + 4.2) / 4 = 4.8, performance (3 + 6 + 2 + 5) / 4 = 4.
  const IpaResult means = ipa(view(kPerformance, 4), view(kImportance, 4), nullptr);
  CHECK(means.performance == std::vector<double>{3, 6, 2, 5});
  CHECK(means.importance[3] == Approx(4.2));
  CHECK(means.importance_crosshair == Approx(4.8));
  CHECK(means.performance_crosshair == Approx(4));
  CHECK(means.quadrant == std::vector<Q>{Q::concentrate_here, Q::keep_up_the_good_work,
                                         Q::low_priority, Q::possible_overkill});
  // Midpoint of 1-7 is 4 on both axes: item 4 (importance 4.2 >= 4) becomes important.
  IpaOptions midpoint;
  midpoint.crosshair = IpaCrosshair::scale_midpoint;
  const IpaResult mid = ipa(view(kPerformance, 4), view(kImportance, 4), nullptr, midpoint);
  CHECK(mid.importance_crosshair == 4);
  CHECK(mid.quadrant[3] == Q::keep_up_the_good_work);
  CHECK(mid.quadrant[0] == Q::concentrate_here);
}

TEST_CASE("points on the crosshair: importance ties count high, performance ties low", "[ipa]") {
  CHECK(ipa_quadrant(4.5, 4, 4.5, 4) == Q::concentrate_here);
  CHECK(ipa_quadrant(4.5, 4.01, 4.5, 4) == Q::keep_up_the_good_work);
  CHECK(ipa_quadrant(4.49, 4, 4.5, 4) == Q::low_priority);
  CHECK(ipa_quadrant(4.49, 4.01, 4.5, 4) == Q::possible_overkill);
}

TEST_CASE("derived importance: correlation with overall satisfaction and beta weights", "[ipa]") {
  // Items x1 = 1,2,3,4 and x2 = 1,3,2,4; overall y = 2,3,5,6 (rows are respondents).
  // By hand: x1 deviations -1.5,-.5,.5,1.5, x2 -1.5,.5,-.5,1.5, y -2,-1,1,2;
  // r(x1,y) = 7 / sqrt(5 x 10) = 0.989949, r(x2,y) = 5 / sqrt(50) = 0.707107,
  // r(x1,x2) = 4 / 5 = 0.8. Beta weights with two predictors:
  // b1 = (r1y - r12 r2y) / (1 - r12^2) = 0.424264 / 0.36 = 1.178511,
  // b2 = (r2y - r12 r1y) / 0.36 = -0.235702.
  const std::vector<double> p = {1, 1, 2, 3, 3, 2, 4, 4};
  const std::vector<double> y = {2, 3, 5, 6};
  IpaOptions o;
  o.importance = IpaImportance::correlation;
  const IpaResult c = ipa(view(p, 2), {}, y.data(), o);
  CHECK(c.importance[0] == Approx(7 / std::sqrt(50.0)).epsilon(1e-12));
  CHECK(c.importance[1] == Approx(5 / std::sqrt(50.0)).epsilon(1e-12));
  CHECK(c.respondents == 4);
  o.importance = IpaImportance::regression;
  const IpaResult r = ipa(view(p, 2), {}, y.data(), o);
  CHECK(r.importance[0] == Approx(1.178511).margin(1e-6));
  CHECK(r.importance[1] == Approx(-0.235702).margin(1e-6));
  // Both performances are 2.5 = their mean, so both count as low; importance crosshair
  // (1.178511 - 0.235702) / 2 = 0.471405.
  CHECK(r.importance_crosshair == Approx(0.471405).margin(1e-6));
  CHECK(r.quadrant == std::vector<Q>{Q::concentrate_here, Q::low_priority});
}

TEST_CASE("derived importance skips unanswered items and overall answers", "[ipa]") {
  // A fifth respondent with no overall answer changes nothing; a NaN item answer drops the
  // respondent from that item's correlation only.
  const double nan = NAN;
  const std::vector<double> p = {1, 1, 2, 3, 3, 2, 4, 4, 7, 7, 2, nan};
  const std::vector<double> y = {2, 3, 5, 6, nan, 1};
  IpaOptions o;
  o.importance = IpaImportance::correlation;
  const IpaResult c = ipa(view(p, 2), {}, y.data(), o);
  CHECK(c.importance[1] == Approx(5 / std::sqrt(50.0)).epsilon(1e-12));
  CHECK(c.importance[0] != Approx(7 / std::sqrt(50.0)));  // respondent 5 counts for x1
  CHECK(c.respondents == 4);                               // x2: respondents 0-3
  CHECK(c.performance[1] == Approx((1 + 3 + 2 + 4 + 7) / 5.0));
}

TEST_CASE("IPA refuses bad input, naming it", "[ipa]") {
  IpaOptions o;
  o.importance = IpaImportance::correlation;
  o.crosshair = IpaCrosshair::scale_midpoint;
  const std::vector<double> y = {1, 2};
  CHECK_THAT(error_of([&] { ipa(view(kPerformance, 4), {}, y.data(), o); }),
             Contains("scale-midpoint crosshair needs stated importance"));
  CHECK_THAT(error_of([&] { ipa(view(kPerformance, 4), view(kImportance, 2), nullptr); }),
             Contains("importance has 2 items; performance has 4"));
  std::vector<double> off = kPerformance;
  off[5] = 9;
  CHECK_THAT(error_of([&] { ipa(view(off, 4), view(kImportance, 4), nullptr); }),
             Contains("performance: respondent 1, item 1") && Contains("outside the scale 1-7"));
  const std::vector<double> constant = {3, 1, 3, 2, 3, 3, 3, 4};
  const std::vector<double> overall = {1, 2, 3, 4};
  o.crosshair = IpaCrosshair::data_means;
  CHECK_THAT(error_of([&] { ipa(view(constant, 2), {}, overall.data(), o); }),
             Contains("item 0") && Contains("undefined"));
  CHECK_THAT(error_of([&] { ipa(view(constant, 2), {}, nullptr, o); }),
             Contains("overall satisfaction: null pointer"));
  const std::vector<double> twins = {1, 1, 2, 2, 3, 3, 4, 4, 2, 2};
  const std::vector<double> y5 = {1, 2, 3, 5, 2};
  o.importance = IpaImportance::regression;
  CHECK_THAT(error_of([&] { ipa(view(twins, 2), {}, y5.data(), o); }),
             Contains("linearly dependent"));
  const std::vector<double> three = {1, 2, 2, 1, 3, 3};  // 3 respondents, 2 items
  CHECK_THAT(error_of([&] { ipa(view(three, 2), {}, overall.data(), o); }),
             Contains("more than 3 respondents") && Contains("3 did"));
  const std::vector<double> blank = {NAN, 1, NAN, 2};
  CHECK_THAT(error_of([&] { ipa(view(blank, 2), view(blank, 2), nullptr); }),
             Contains("performance: item 0 (0-based) has no answer"));
}

TEST_CASE("IPA names round-trip", "[ipa]") {
  CHECK(std::string(crmkit::name_of(Q::keep_up_the_good_work)) == "keep-up-the-good-work");
  CHECK(crmkit::parse_enum<IpaImportance>("regression") == IpaImportance::regression);
  CHECK_THAT(error_of([] { crmkit::parse_enum<IpaCrosshair>("middle"); }),
             Contains("data-means, scale-midpoint"));
}
