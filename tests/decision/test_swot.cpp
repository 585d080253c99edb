// Weighted SWOT, IFE/EFE, the IE cell and SWOT quadrant, TOWS pairs, SWOT-AHP and the SVG
// matrix. Expected values are hand calculations written beside them. (No published SWOT-AHP
// example with its full matrices was at hand; the composition is checked on consistent
// matrices whose priorities are known exactly.)
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/swot.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

std::vector<SwotFactor> sample() {
  return {{SwotGroup::strength, "brand", 0.3, 4, "Which advantages do customers name?"},
          {SwotGroup::strength, "service", 0.2, 3, ""},
          {SwotGroup::weakness, "price", 0.3, 1, ""},
          {SwotGroup::weakness, "it", 0.2, 2, ""},
          {SwotGroup::opportunity, "mobile", 0.4, 4, ""},
          {SwotGroup::opportunity, "ageing", 0.1, 2, ""},
          {SwotGroup::threat, "rival", 0.3, 3, ""},
          {SwotGroup::threat, "regulation", 0.2, 1, ""}};
}

}  // namespace

TEST_CASE("IFE and EFE totals, the IE cell and the SWOT quadrant by hand", "[swot]") {
  // Scores: brand 1.2, service 0.6, price 0.3, it 0.4 -> IFE 2.5, S - W = 1.8 - 0.7 = 1.1;
  // mobile 1.6, ageing 0.2, rival 0.9, regulation 0.2 -> EFE 2.9, O - T = 1.8 - 1.1 = 0.7.
  // EFE 2.9 medium, IFE 2.5 average: IE cell V, hold and maintain; quadrant aggressive (SO).
  const SwotResult r = swot(sample());
  const double scores[] = {1.2, 0.6, 0.3, 0.4, 1.6, 0.2, 0.9, 0.2};
  for (std::size_t i = 0; i < 8; ++i) CHECK(r.scores[i] == Approx(scores[i]).epsilon(1e-15));
  CHECK(r.ife == Approx(2.5).epsilon(1e-15));
  CHECK(r.efe == Approx(2.9).epsilon(1e-15));
  CHECK(r.internal_net == Approx(1.1).epsilon(1e-14));
  CHECK(r.external_net == Approx(0.7).epsilon(1e-14));
  CHECK(r.ie_cell == 5);
  CHECK(r.strategy == IeStrategy::hold_and_maintain);
  CHECK(r.quadrant == SwotQuadrant::aggressive);

  // IFE 0.8 x 4 + 0.2 x 1 = 3.4, EFE 0.9 x 4 + 0.1 x 1 = 3.7: cell I, grow and build.
  std::vector<SwotFactor> strong = {{SwotGroup::strength, "s", 0.8, 4, ""},
                                    {SwotGroup::weakness, "w", 0.2, 1, ""},
                                    {SwotGroup::opportunity, "o", 0.9, 4, ""},
                                    {SwotGroup::threat, "t", 0.1, 1, ""}};
  const SwotResult high = swot(strong);
  CHECK(high.ie_cell == 1);
  CHECK(high.strategy == IeStrategy::grow_and_build);
  // IFE 0.8 x 1 + 0.2 x 1 = 1.0 (weak), EFE 0.9 x 1 + 0.1 x 4 = 1.3 (low): cell IX.
  strong[0].rating = 1;
  strong[2].rating = 1;
  strong[3].rating = 4;
  const SwotResult low = swot(strong);
  CHECK(low.ie_cell == 9);
  CHECK(low.strategy == IeStrategy::harvest_or_divest);
  // S 0.8 x 1 = W 0.2 x 4: internal net 0 counts as strong; O 0.5 x 1 - T 0.5 x 4 < 0:
  // diversification (ST).
  strong[1].rating = 4;
  strong[2].weight = 0.5;
  strong[3].weight = 0.5;
  CHECK(swot(strong).quadrant == SwotQuadrant::diversification);
}

TEST_CASE("TOWS pairs the strongest factors, best pair first within each type", "[swot]") {
  // SO: brand 1.2 / service 0.6 with mobile 1.6 / ageing 0.2: 2.8, 2.2, 1.4, 0.8.
  const SwotResult r = swot(sample());
  REQUIRE(r.tows.size() == 16);
  CHECK(r.tows[0].type == TowsType::so);
  CHECK(r.tows[0].internal == 0);
  CHECK(r.tows[0].external == 4);
  CHECK(r.tows[0].score == Approx(2.8).epsilon(1e-15));
  CHECK(r.tows[1].score == Approx(2.2).epsilon(1e-15));
  CHECK(r.tows[3].score == Approx(0.8).epsilon(1e-15));
  // WT last: it 0.4 / price 0.3 with rival 0.9 / regulation 0.2: best it + rival = 1.3.
  CHECK(r.tows[12].type == TowsType::wt);
  CHECK(r.tows[12].internal == 3);
  CHECK(r.tows[12].external == 6);
  SwotOptions one;
  one.tows_per_group = 1;
  CHECK(swot(sample(), one).tows.size() == 4);
}

TEST_CASE("SWOT input errors name the factor and say by how much weights miss", "[swot]") {
  std::vector<SwotFactor> f = sample();
  f[0].weight = 0.4;  // internal weights 1.1
  CHECK_THAT(error_of([&] { swot(f); }), Contains("internal") && Contains("sum to 1.1") && Contains("off 1 by 0.1"));
  f = sample();
  f[6].rating = 5;
  CHECK_THAT(error_of([&] { swot(f); }), Contains("rating of factor 'rival' (T)") && Contains("outside 1..4"));
  f = sample();
  f[1].name = "brand";
  CHECK_THAT(error_of([&] { swot(f); }), Contains("'brand' is listed twice"));
  f = {{SwotGroup::strength, "s", 1, 3, ""}};
  CHECK_THAT(error_of([&] { swot(f); }), Contains("no external factor"));
  CHECK_THAT(error_of([] { crmkit::parse_enum<SwotGroup>("X"); }), Contains("S, W, O, T"));
}

TEST_CASE("SWOT-AHP: global priority = group priority x local priority", "[swot]") {
  // Consistent group matrix a_ij = p_i / p_j for p = (0.4, 0.2, 0.3, 0.1); S's two factors
  // 3 : 1 (0.75, 0.25), O's two 1 : 1; W and T one factor each. Global: 0.3, 0.1, 0.2,
  // 0.15, 0.15, 0.1 in the factors' order below.
  const double p[] = {0.4, 0.2, 0.3, 0.1};
  std::vector<double> groups(16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) groups[i * 4 + j] = p[i] / p[j];
  const std::vector<SwotFactor> f = {{SwotGroup::strength, "s1", 0.5, 3, ""}, {SwotGroup::strength, "s2", 0.5, 3, ""},
                                     {SwotGroup::weakness, "w1", 0, 1, ""},   {SwotGroup::opportunity, "o1", 0.5, 3, ""},
                                     {SwotGroup::opportunity, "o2", 0.5, 3, ""}, {SwotGroup::threat, "t1", 0, 1, ""}};
  const SwotAhpResult r = swot_ahp(f, groups, {{1, 3, 1.0 / 3, 1}, {1}, {1, 1, 1, 1}, {1}});
  const double expected[] = {0.3, 0.1, 0.2, 0.15, 0.15, 0.1};
  double sum = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(r.global[i] == Approx(expected[i]).epsilon(1e-12));
    sum += r.global[i];
  }
  CHECK(sum == Approx(1).epsilon(1e-14));
  CHECK(r.local[0] == Approx(0.75).epsilon(1e-12));
  CHECK(r.groups.cr == Approx(0).margin(1e-12));
  CHECK_THAT(error_of([&] { swot_ahp(f, groups, {{1, 3, 1.0 / 3, 1}, {1}, {1}, {1}}); }),
             Contains("the O matrix has 1 entries for 2 factors"));
}

TEST_CASE("the SWOT matrix SVG lists every factor with its score and the position", "[swot]") {
  std::vector<SwotFactor> f = sample();
  f[0].name = "brand <&> trust";
  const std::string svg = swot_chart(f, swot(f), "Bank SWOT");
  CHECK_THAT(svg, Contains("<svg") && Contains("Bank SWOT") && Contains("brand &lt;&amp;&gt; trust") &&
                      Contains(">1.20<") && Contains("IE cell V: hold-and-maintain") &&
                      Contains("SWOT quadrant: aggressive"));
}
