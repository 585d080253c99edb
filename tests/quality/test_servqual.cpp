// SERVQUAL scores against values worked out by hand in the comments: gaps, both overall
// conventions, the 100-point weighted score, SERVPERF, the zone of tolerance at its
// boundaries, missing answers under each policy, and the 1988 reverse-coded variant.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/servqual.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

const double NA = NAN;

// a = {a1, a2}, b = {b1}; scale 1-7.
Instrument small() {
  return Instrument{"small", {1, 7}, {{"a", {{"a1", "", false}, {"a2", "", false}}}, {"b", {{"b1", "", false}}}}};
}

Answers view(const std::vector<double>& m, std::size_t items) {
  return {m.data(), m.size() / items, items};
}

// Three respondents (rows) x a1, a2, b1. Gaps P - E: r0 -1 -1 +1, r1 0 -2 +1, r2 -1 -2 0.
const std::vector<double> kE = {6, 7, 5, 5, 6, 6, 7, 7, 4};
const std::vector<double> kP = {5, 6, 6, 5, 4, 7, 6, 5, 4};

}  // namespace

TEST_CASE("gaps, both unweighted conventions and SERVPERF", "[servqual]") {
  const ServqualResult r = servqual(small(), {view(kE, 3), view(kP, 3), {}, nullptr});
  REQUIRE(r.items.size() == 3);
  REQUIRE(r.dimensions.size() == 2);
  CHECK(r.respondents_used == 3);
  // Item gaps: a1 (-1 + 0 - 1) / 3, a2 (-1 - 2 - 2) / 3, b1 (1 + 1 + 0) / 3.
  CHECK(r.items[0].gap.mean == Approx(-2.0 / 3));
  CHECK(r.items[1].gap.mean == Approx(-5.0 / 3));
  CHECK(r.items[2].gap.mean == Approx(2.0 / 3));
  // Dimension a: respondents' gaps -1, -1, -1.5 -> -7/6 (= mean of the item gaps).
  CHECK(r.dimensions[0].gap.mean == Approx(-7.0 / 6));
  CHECK(r.dimensions[1].gap.mean == Approx(2.0 / 3));
  // Mean of the 3 item gaps: (-2/3 - 5/3 + 2/3) / 3 = -5/9; of the 2 dimensions:
  // (-7/6 + 2/3) / 2 = -1/4. The conventions differ when dimensions differ in size.
  CHECK(r.gap.mean_of_items == Approx(-5.0 / 9));
  CHECK(r.gap.mean_of_dimensions == Approx(-0.25));
  // SERVPERF: P item means 16/3, 15/3, 17/3 -> 48/9; dimensions 31/6 and 17/3 -> 65/12.
  CHECK(r.servperf.mean_of_items == Approx(48.0 / 9));
  CHECK(r.servperf.mean_of_dimensions == Approx(65.0 / 12));
  CHECK(r.dimensions[0].perceived.mean == Approx(31.0 / 6));
  CHECK(r.dimensions[0].expected.mean == Approx(19.0 / 3));  // (6.5 + 5.5 + 7) / 3
  CHECK_FALSE(r.has_weights);
  CHECK(r.weighted_gap.n == 0);
  CHECK(std::isnan(r.weighted_gap.mean));
  CHECK(r.respondent_dimension_gap == std::vector<double>{-1, 1, -1, 1, -1.5, 0});
}

TEST_CASE("dimension standard deviation and t interval", "[servqual]") {
  const ServqualResult r = servqual(small(), {view(kE, 3), view(kP, 3), {}, nullptr});
  // Dimension a: -1, -1, -1.5, mean -7/6; squared deviations 1/36 + 1/36 + 4/36 = 1/6,
  // variance 1/12, sd 0.28867513. t(0.975, 2) = 4.302653 (Student t table), so the
  // half-width is 4.302653 x 0.28867513 / sqrt(3) = 0.7171088.
  const Estimate& a = r.dimensions[0].gap;
  CHECK(a.n == 3);
  CHECK(a.sd == Approx(std::sqrt(1.0 / 12)));
  CHECK(a.upper - a.mean == Approx(0.7171088).epsilon(1e-6));
  CHECK(a.mean - a.lower == Approx(0.7171088).epsilon(1e-6));
  // A 90% interval: t(0.95, 2) = 2.919986.
  ServqualOptions o;
  o.confidence = 0.90;
  const Estimate b = servqual(small(), {view(kE, 3), view(kP, 3), {}, nullptr}, o).dimensions[0].gap;
  CHECK(b.upper - b.mean == Approx(2.919986 * std::sqrt(1.0 / 12) / std::sqrt(3.0)).epsilon(1e-6));
}

TEST_CASE("the t quantile of estimate() matches table values", "[servqual]") {
  // x = 1..10: mean 5.5, sd sqrt(55/6). Half-width / (sd / sqrt(n)) is t(1 - alpha/2, 9):
  // 2.262157 at 95%, 3.249836 at 99% (Student t table, 9 degrees of freedom).
  std::vector<double> x;
  for (int i = 1; i <= 10; ++i) x.push_back(i);
  const Estimate e95 = estimate(x.data(), x.size(), 0.95);
  CHECK(e95.mean == Approx(5.5));
  CHECK(e95.sd == Approx(std::sqrt(55.0 / 6)));
  const double se = e95.sd / std::sqrt(10.0);
  CHECK((e95.upper - e95.mean) / se == Approx(2.262157).epsilon(1e-6));
  const Estimate e99 = estimate(x.data(), x.size(), 0.99);
  CHECK((e99.upper - e99.mean) / se == Approx(3.249836).epsilon(1e-6));
  // Strided, NaN skipped; one value has a mean but no spread.
  const std::vector<double> y = {4, 0, NA, 0, 6, 0};
  const Estimate s = estimate(y.data(), 3, 0.95, 2);
  CHECK(s.n == 2);
  CHECK(s.mean == 5);
  const Estimate one = estimate(y.data(), 1, 0.95);
  CHECK(one.n == 1);
  CHECK(one.mean == 4);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.lower));
  CHECK_THAT(error_of([&] { estimate(y.data(), 1, 1.0); }), Contains("confidence 1"));
}

TEST_CASE("weighted score from a 100-point allocation per respondent", "[servqual]") {
  // Weights (a, b): r0 70/30, r1 50/50, r2 100/0. Weighted gaps: r0 0.7 x -1 + 0.3 x 1 =
  // -0.4; r1 0.5 x -1 + 0.5 x 1 = 0; r2 1.0 x -1.5 + 0 = -1.5; mean -1.9 / 3.
  const std::vector<double> w = {70, 30, 50, 50, 100, 0};
  const ServqualResult r = servqual(small(), {view(kE, 3), view(kP, 3), {}, w.data()});
  CHECK(r.has_weights);
  CHECK(r.respondent_weighted_gap[0] == Approx(-0.4));
  CHECK(r.respondent_weighted_gap[1] == Approx(0).margin(1e-15));
  CHECK(r.respondent_weighted_gap[2] == Approx(-1.5));
  CHECK(r.weighted_gap.mean == Approx(-1.9 / 3));
  CHECK(r.weighted_gap.n == 3);
  // The unweighted scores do not depend on the weights.
  CHECK(r.gap.mean_of_dimensions == Approx(-0.25));

  // A blank row: that respondent has no weighted score.
  const std::vector<double> blank = {70, 30, NA, NA, 100, 0};
  const ServqualResult b = servqual(small(), {view(kE, 3), view(kP, 3), {}, blank.data()});
  CHECK(b.weighted_gap.n == 2);
  CHECK(b.weighted_gap.mean == Approx(-1.9 / 2));
}

TEST_CASE("weights that do not sum to 100 name the respondent and the difference", "[servqual]") {
  const auto run = [&](std::vector<double> w) {
    return error_of([&] { servqual(small(), {view(kE, 3), view(kP, 3), {}, w.data()}); });
  };
  CHECK_THAT(run({70, 30, 50, 40, 100, 0}),
             Contains("respondent 1: importance weights sum to 90, 10 short of 100"));
  CHECK_THAT(run({70, 30, 50, 50, 60, 50.5}),
             Contains("respondent 2: importance weights sum to 110.5, 10.5 over 100"));
  CHECK_THAT(run({-10, 110, 50, 50, 100, 0}), Contains("respondent 0: importance weight -10"));
  CHECK_THAT(run({70, NA, 50, 50, 100, 0}), Contains("respondent 0: importance weights leave 1"));
}

TEST_CASE("zone of tolerance: the boundaries are within", "[servqual]") {
  // Four items a = {a1, a2}, b = {b1, b2}; two respondents; desired (E) 6, adequate (A) 4
  // everywhere. P: a1 = 4, 4 (MSA 0: on the adequate boundary -> within); a2 = 6, 6 (MSS 0:
  // on the desired boundary -> within); b1 = 3, 4 (MSA -0.5 -> below); b2 = 7, 7 (MSS +1 ->
  // above).
  const Instrument four{"four", {1, 7},
                        {{"a", {{"a1", "", false}, {"a2", "", false}}},
                         {"b", {{"b1", "", false}, {"b2", "", false}}}}};
  const std::vector<double> e(8, 6), a(8, 4), p = {4, 6, 3, 7, 4, 6, 4, 7};
  const ServqualResult r = servqual(four, {view(e, 4), view(p, 4), view(a, 4), nullptr});
  REQUIRE(r.has_adequate);
  CHECK(r.items[0].msa.mean == 0);
  CHECK(r.items[0].zone == ZonePosition::within);
  CHECK(r.items[1].gap.mean == 0);  // MSS
  CHECK(r.items[1].zone == ZonePosition::within);
  CHECK(r.items[2].msa.mean == -0.5);
  CHECK(r.items[2].zone == ZonePosition::below);
  CHECK(r.items[3].gap.mean == 1);
  CHECK(r.items[3].zone == ZonePosition::above);
  CHECK(r.items[3].adequate.mean == 4);
  // Dimension a: MSA per respondent (0 + 2) / 2 = 1, MSS (-2 + 0) / 2 = -1 -> within.
  CHECK(r.dimensions[0].msa.mean == 1);
  CHECK(r.dimensions[0].gap.mean == -1);
  CHECK(r.dimensions[0].zone == ZonePosition::within);
  // With P 3 everywhere in b: MSA -1 -> below; with P 7 everywhere: MSS 1 -> above.
  const std::vector<double> low = {4, 6, 3, 3, 4, 6, 3, 3}, high = {4, 6, 7, 7, 4, 6, 7, 7};
  CHECK(servqual(four, {view(e, 4), view(low, 4), view(a, 4), nullptr}).dimensions[1].zone ==
        ZonePosition::below);
  CHECK(servqual(four, {view(e, 4), view(high, 4), view(a, 4), nullptr}).dimensions[1].zone ==
        ZonePosition::above);
  CHECK(crmkit::name_of(ZonePosition::below) == std::string("below"));
  CHECK(crmkit::parse_enum<ZonePosition>("above") == ZonePosition::above);
}

TEST_CASE("missing answers: pairs answered on one side, under each policy", "[servqual]") {
  // r0 left E(a2) blank, r1 left P(b1) blank; r2 answered everything.
  const std::vector<double> e = {6, NA, 5, 5, 6, 6, 7, 7, 4};
  const std::vector<double> p = {5, 6, 6, 5, 4, NA, 6, 5, 4};
  const ServqualSurvey survey{view(e, 3), view(p, 3), {}, nullptr};
  ServqualOptions o;

  // pairwise: gap a2 from r1, r2 (-2, -2); b1 from r0, r2 (+1, 0). P(a2) still counts all
  // three perceptions (6, 4, 5), E(a2) the two given (r1 6, r2 7).
  o.missing.policy = MissingPolicy::pairwise;
  const ServqualResult pw = servqual(small(), survey, o);
  CHECK(pw.respondents_used == 3);
  CHECK(pw.items[0].gap.mean == Approx(-2.0 / 3));
  CHECK(pw.items[1].gap.n == 2);
  CHECK(pw.items[1].gap.mean == Approx(-2));
  CHECK(pw.items[2].gap.n == 2);
  CHECK(pw.items[2].gap.mean == Approx(0.5));
  CHECK(pw.items[1].perceived.n == 3);
  CHECK(pw.items[1].perceived.mean == Approx(5));
  CHECK(pw.items[1].expected.n == 2);
  CHECK(pw.items[1].expected.mean == Approx(6.5));
  // Dimension a per respondent: r0 -1 (its only pair), r1 (0 - 2) / 2, r2 -1.5.
  CHECK(pw.dimensions[0].gap.n == 3);
  CHECK(pw.dimensions[0].gap.mean == Approx(-7.0 / 6));
  // Dimension b: r1 has no pair, so n = 2 and r1's dimension gap is unknown.
  CHECK(pw.dimensions[1].gap.n == 2);
  CHECK(std::isnan(pw.respondent_dimension_gap[1 * 2 + 1]));

  // listwise: only r2 is complete.
  o.missing.policy = MissingPolicy::listwise;
  const ServqualResult lw = servqual(small(), survey, o);
  CHECK(lw.respondents_used == 1);
  CHECK(lw.items[0].gap.mean == -1);
  CHECK(lw.items[0].gap.n == 1);
  CHECK(std::isnan(lw.items[0].gap.sd));
  CHECK(std::isnan(lw.respondent_dimension_gap[0]));
  CHECK(lw.respondent_dimension_gap[2 * 2] == -1.5);

  // dimension_mean: r0's E(a2) takes r0's E mean in a (6), so its a2 gap is 6 - 6 = 0; r1's
  // P(b1) cannot be filled (b has one item, none answered), so b1 stays without r1.
  o.missing.policy = MissingPolicy::dimension_mean;
  const ServqualResult dm = servqual(small(), survey, o);
  CHECK(dm.items[1].gap.n == 3);
  CHECK(dm.items[1].gap.mean == Approx(-4.0 / 3));
  CHECK(dm.items[2].gap.n == 2);
}

TEST_CASE("1988 SERVQUAL: negatively worded statements are reversed before the gap", "[servqual]") {
  // One respondent, E = 6 and P = 3 on every statement (raw answers), except statement 10
  // (responsiveness, negatively worded in 1988): E 2, P 5.
  std::vector<double> e(22, 6), p(22, 3);
  e[9] = 2;
  p[9] = 5;
  const ServqualSurvey survey{view(e, 22), view(p, 22), {}, nullptr};
  const ServqualResult r91 = servqual(servqual_instrument(ServqualVersion::v1991), survey);
  const ServqualResult r88 = servqual(servqual_instrument(ServqualVersion::v1988), survey);
  // Statement 1 (positive in both): 3 - 6.
  CHECK(r91.items[0].gap.mean == -3);
  CHECK(r88.items[0].gap.mean == -3);
  // Statement 10: 1991 takes 5 - 2 = +3; 1988 reverses on 1-7 (8 - x): 3 - 6 = -3.
  CHECK(r91.items[9].gap.mean == 3);
  CHECK(r88.items[9].gap.mean == -3);
  // Responsiveness (10-13): 1991 (3 - 3 - 3 - 3) / 4 = -1.5; 1988 statements 11-13
  // reversed give (8 - 3) - (8 - 6) = +3 each: (-3 + 3 + 3 + 3) / 4 = 1.5.
  CHECK(r91.dimensions[2].gap.mean == -1.5);
  CHECK(r88.dimensions[2].gap.mean == 1.5);
  // Empathy (18-22) reversed in 1988: +3 instead of -3.
  CHECK(r88.dimensions[4].gap.mean == 3);
  CHECK(r91.dimensions[4].gap.mean == -3);
}

TEST_CASE("SERVQUAL bad input names the matrix and the problem", "[servqual]") {
  const std::vector<double> two_rows = {6, 7, 5, 5, 6, 6};
  CHECK_THAT(error_of([&] { servqual(small(), {view(two_rows, 3), view(kP, 3), {}, nullptr}); }),
             Contains("expected answers have 2 respondents; perceived answers have 3"));
  std::vector<double> off = kP;
  off[4] = 9;
  CHECK_THAT(error_of([&] { servqual(small(), {view(kE, 3), view(off, 3), {}, nullptr}); }),
             Contains("perceived answers: respondent 1, item a2: answer 9 is outside the scale 1-7"));
  const std::vector<double> wide(12, 5);
  CHECK_THAT(error_of([&] { servqual(small(), {view(kE, 3), view(kP, 3), view(wide, 4), nullptr}); }),
             Contains("adequate answers: answers have 4 columns"));
  ServqualOptions o;
  o.confidence = 0;
  CHECK_THAT(error_of([&] { servqual(small(), {view(kE, 3), view(kP, 3), {}, nullptr}, o); }),
             Contains("confidence 0 must lie strictly between 0 and 1"));
}
