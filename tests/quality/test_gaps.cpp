// The five-gap model: gaps per dimension and overall, the main contributor to gap 5 and
// the ranked remedies, not-computable gaps, and dimension means from answers; by hand.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/gaps.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
std::size_t at(GapSource s) { return static_cast<std::size_t>(s); }
std::size_t at(Gap g) { return static_cast<std::size_t>(g); }

// Dimensions a, b; E, M, S, D, C, P means chosen so that every gap is a short sum.
GapMeans hand_means() {
  GapMeans m;
  m.dimensions = {"a", "b"};
  m.source[at(GapSource::expectations)] = {6, 5};
  m.source[at(GapSource::management)] = {5.5, 5};
  m.source[at(GapSource::specifications)] = {5, 5.5};
  m.source[at(GapSource::delivered)] = {4, 5};
  m.source[at(GapSource::communicated)] = {5, 6};
  m.source[at(GapSource::perceptions)] = {4.5, 5.2};
  return m;
}
}  // namespace

TEST_CASE("five gaps per dimension, the main contributor and ranked remedies", "[gaps]") {
  const GapReport r = five_gaps(hand_means());
  REQUIRE(r.per_dimension.size() == 2);
  // a: gap1 = 5.5 - 6 = -0.5, gap2 = 5 - 5.5 = -0.5, gap3 = 4 - 5 = -1, gap4 = 4 - 5 = -1,
  // gap5 = 4.5 - 6 = -1.5. Shortfalls 0.5, 0.5, 1, 1: gap3 and gap4 tie, gap3 (lower
  // number) leads, then gap4, gap1, gap2.
  const DimensionGaps& a = r.per_dimension[0];
  CHECK(a.gap[0] == -0.5);
  CHECK(a.gap[1] == -0.5);
  CHECK(a.gap[2] == -1);
  CHECK(a.gap[3] == -1);
  CHECK(a.gap[4] == -1.5);
  CHECK(a.main_contributor == Gap::gap3);
  CHECK(a.ranked == std::vector<Gap>{Gap::gap3, Gap::gap4, Gap::gap1, Gap::gap2});
  // Remedies: gap 3's six steps, none listed for gap 4, gap 1's eight, gap 2's five.
  REQUIRE(a.remedies.size() == 6 + 8 + 5);
  CHECK(a.remedies[0].gap == Gap::gap3);
  CHECK(a.remedies[0].text == "collect information");
  CHECK(a.remedies[5].text == "align management systems");
  CHECK(a.remedies[6].gap == Gap::gap1);
  CHECK(a.remedies[6].text == "focus groups");
  CHECK(a.remedies[14].gap == Gap::gap2);
  // b: gap1 = 0, gap2 = +0.5, gap3 = -0.5, gap4 = -1, gap5 = +0.2: only gaps 3 and 4 fall
  // short; gap 4 has no remedy of its own in the material.
  const DimensionGaps& b = r.per_dimension[1];
  CHECK(b.gap[0] == 0);
  CHECK(b.gap[4] == Approx(0.2));
  CHECK(b.ranked == std::vector<Gap>{Gap::gap4, Gap::gap3});
  CHECK(b.main_contributor == Gap::gap4);
  REQUIRE(b.remedies.size() == 6);
  CHECK(b.remedies[0].gap == Gap::gap3);
  // Overall: source means E 5.5, M 5.25, S 5.25, D 4.5, C 5.5, P 4.85 give gaps -0.25, 0,
  // -0.75, -1, -0.65; gaps 1-3 add up to D - E = -1.
  CHECK(r.overall.gap[0] == Approx(-0.25));
  CHECK(r.overall.gap[1] == Approx(0).margin(1e-15));
  CHECK(r.overall.gap[4] == Approx(-0.65));
  CHECK(r.overall.gap[0] + r.overall.gap[1] + r.overall.gap[2] == Approx(-1));
  CHECK(r.overall.ranked == std::vector<Gap>{Gap::gap4, Gap::gap3, Gap::gap1});
}

TEST_CASE("a gap whose sources are not measured is not computable, never 0", "[gaps]") {
  GapMeans m;
  m.dimensions = {"a", "b"};
  m.source[at(GapSource::expectations)] = {6, 5};
  m.source[at(GapSource::perceptions)] = {6, NAN};  // b's perceptions not measured
  const GapReport r = five_gaps(m);
  const DimensionGaps& a = r.per_dimension[0];
  for (std::size_t g = 0; g < 4; ++g) CHECK(std::isnan(a.gap[g]));
  CHECK(a.gap[4] == 0);  // measured, and really 0
  CHECK_FALSE(a.main_contributor.has_value());
  CHECK(a.remedies.empty());
  CHECK(std::isnan(r.per_dimension[1].gap[4]));
  CHECK(std::isnan(r.overall.gap[4]));  // b's P is unknown, so the mean P is too
  // Gaps without a shortfall name no contributor either.
  const DimensionGaps fine = dimension_gaps({5, 5, 5, 5, 5, 5});
  CHECK_FALSE(fine.main_contributor.has_value());
}

TEST_CASE("gap model names and remedies as data", "[gaps]") {
  CHECK(std::string(crmkit::name_of(Gap::gap4)) == "gap4");
  CHECK(std::string(gap_title(Gap::gap1)) == "knowledge");
  CHECK(crmkit::parse_enum<GapSource>("communicated") == GapSource::communicated);
  CHECK(gap_remedies(Gap::gap1).size() == 8);
  CHECK(gap_remedies(Gap::gap2).size() == 5);
  CHECK(gap_remedies(Gap::gap3).size() == 6);
  CHECK(gap_remedies(Gap::gap4).empty());
}

TEST_CASE("dimension means of each source from answers, reverse coding included", "[gaps]") {
  // Dimensions a = {a1, a2}, b = {b1, reverse-coded}; scale 1-5.
  const Instrument in{"t", {1, 5}, {{"a", {{"a1", "", false}, {"a2", "", false}}},
                                    {"b", {{"b1", "", true}}}}};
  const double nan = NAN;
  // E: a1 = 4, 4; a2 = 5, 3; b1 = 2 -> reversed 4. Means a 4, b 4.
  const std::vector<double> e = {4, 5, 2, 4, 3, nan};
  // P: a1 = 3 (one answer), a2 = 3, 4; b1 = 5, 5 -> reversed 1. Means a (3 + 3.5) / 2 =
  // 3.25, b 1.
  const std::vector<double> p = {3, 3, 5, nan, 4, 5};
  GapSurveys s;
  s.source[at(GapSource::expectations)] = {e.data(), 2, 3};
  s.source[at(GapSource::perceptions)] = {p.data(), 2, 3};
  const GapMeans m = gap_means(in, s);
  CHECK(m.dimensions == std::vector<std::string>{"a", "b"});
  CHECK(m.source[at(GapSource::expectations)] == std::vector<double>{4, 4});
  CHECK(m.source[at(GapSource::perceptions)] == std::vector<double>{3.25, 1});
  CHECK(m.source[at(GapSource::management)].empty());
  const GapReport r = five_gaps(m);
  CHECK(r.per_dimension[0].gap[at(Gap::gap5)] == -0.75);
  CHECK(r.per_dimension[1].gap[at(Gap::gap5)] == -3);
  CHECK(std::isnan(r.per_dimension[0].gap[at(Gap::gap1)]));

  const std::vector<double> blank_b = {3, 3, nan, 4, 4, nan};
  s.source[at(GapSource::perceptions)] = {blank_b.data(), 2, 3};
  CHECK_THAT(error_of([&] { gap_means(in, s); }),
             Contains("perceptions, dimension 'b': no item of the dimension has an answer"));
  const std::vector<double> off = {3, 3, 6, 4, 4, 1};
  s.source[at(GapSource::perceptions)] = {off.data(), 2, 3};
  CHECK_THAT(error_of([&] { gap_means(in, s); }),
             Contains("perceptions: respondent 0, item b1") && Contains("outside the scale"));
}

TEST_CASE("five_gaps refuses malformed means, naming source and dimension", "[gaps]") {
  GapMeans m = hand_means();
  m.source[at(GapSource::delivered)] = {4, 5, 6};
  CHECK_THAT(error_of([&] { five_gaps(m); }), Contains("delivered has 3 values; there are 2"));
  m = hand_means();
  m.source[at(GapSource::communicated)][1] = INFINITY;
  CHECK_THAT(error_of([&] { five_gaps(m); }), Contains("communicated, dimension 'b'"));
  CHECK_THAT(error_of([] { five_gaps(GapMeans{}); }), Contains("no dimensions"));
}
