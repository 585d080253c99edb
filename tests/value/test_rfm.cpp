// RFM scores, segments and the shared quantile/cut scoring of ranking.hpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cdnow_master.hpp"
#include "crmkit/error.hpp"
#include "crmkit/value/rfm.hpp"

using namespace crmkit::value;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

std::vector<int> quantile(const std::vector<double>& v, int bins, Better better = Better::higher) {
  std::vector<std::uint8_t> out(v.size());
  quantile_scores(v.data(), v.size(), bins, better, out.data());
  return {out.begin(), out.end()};
}

std::vector<int> by_cuts(const std::vector<double>& v, const std::vector<double>& cuts, Better better) {
  std::vector<std::uint8_t> out(v.size());
  cut_scores(v.data(), v.size(), cuts, better, out.data());
  return {out.begin(), out.end()};
}

// The tie rule straight from its definition, O(n^2): score = 1 + floor(bins x worse / n)
// with worse = customers strictly worse, in exact integers.
std::vector<int> brute_force_scores(const std::vector<double>& v, int bins, Better better) {
  std::vector<int> scores;
  const auto n = static_cast<std::int64_t>(v.size());
  for (double x : v) {
    std::int64_t worse = 0;
    for (double y : v) worse += better == Better::higher ? y < x : y > x;
    scores.push_back(static_cast<int>(1 + bins * worse / n));
  }
  return scores;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_argument);
    return e.what();
  }
  FAIL("no crmkit::Error thrown");
  return {};
}

}  // namespace

TEST_CASE("quantile scores: distinct values fill equal bins", "[rfm][ranking]") {
  CHECK(quantile({10, 20, 30, 40, 50}, 5) == std::vector<int>{1, 2, 3, 4, 5});
  // Input order must not matter: same values shuffled keep their scores.
  CHECK(quantile({40, 10, 50, 30, 20}, 5) == std::vector<int>{4, 1, 5, 3, 2});
  // 10 values, 5 bins: mid-rank shares 0.05, 0.15, ... -> two per bin.
  CHECK(quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5) ==
        std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5});
}

TEST_CASE("quantile scores: ties, all-equal values and one customer", "[rfm][ranking]") {
  // {1,1,1,1,2,3}: nobody is below the four 1s -> 1 (the one-time buyers of a real base);
  // the 2 has 4 of 6 below -> 1 + floor(5 x 4/6) = 4; the 3 has 5 below -> 1 + floor(4.17) = 5.
  CHECK(quantile({1, 1, 1, 1, 2, 3}, 5) == std::vector<int>{1, 1, 1, 1, 4, 5});
  // ... and a tie group at the top stays below the top score when it is too big for it:
  // the three 9s have 2 of 5 below -> 1 + floor(2) = 3.
  CHECK(quantile({9, 1, 9, 2, 9}, 5) == std::vector<int>{3, 1, 3, 2, 3});
  // All equal, or one customer: nobody is worse, score 1.
  CHECK(quantile({7, 7, 7, 7, 7, 7, 7}, 5) == std::vector<int>(7, 1));
  CHECK(quantile({42}, 5) == std::vector<int>{1});
  // Zero is an ordinary value.
  CHECK(quantile({0, 0, 5, 10}, 2) == std::vector<int>{1, 1, 2, 2});
}

TEST_CASE("quantile scores: lower-is-better (days since last purchase)", "[rfm][ranking]") {
  // Worse = more days: 0 has 4 of 5 worse -> 5; 10 (twice) has 2 -> 3; 30 has 1 -> 2;
  // 100 has none -> 1.
  const std::vector<double> days = {0, 10, 10, 30, 100};
  CHECK(quantile(days, 5, Better::lower) == std::vector<int>{5, 3, 3, 2, 1});
  std::vector<std::uint8_t> out(days.size());
  const ScoreCuts cuts = quantile_scores(days.data(), days.size(), 5, Better::lower, out.data());
  // Recency cuts read "within c days": score = 1 + #{c >= days}.
  CHECK(cuts.cuts == std::vector<double>{0, 0, 10, 30});
}

TEST_CASE("quantile scores match the tie rule's definition on random tied data", "[rfm][ranking]") {
  std::mt19937_64 rng(4);
  for (int bins = 2; bins <= 9; ++bins) {
    for (int distinct : {1, 3, 20, 1000}) {
      std::uniform_int_distribution<int> pick(0, distinct - 1);
      std::vector<double> v(257);
      for (double& x : v) x = pick(rng);
      for (Better better : {Better::higher, Better::lower}) {
        INFO("bins " << bins << ", distinct " << distinct);
        CHECK(quantile(v, bins, better) == brute_force_scores(v, bins, better));
      }
    }
  }
}

TEST_CASE("ranking handles negative values, signed zeros and wide magnitudes", "[rfm][ranking]") {
  // The radix sort works on the bit patterns of doubles: check the sign, -0.0 == +0.0 and
  // exponents far apart against plain comparisons.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal(0, 1);
  std::vector<double> v = {-0.0, 0.0, 1e-300, -1e-300, 1e300, -1e300, -0.0, 5, -5};
  for (int i = 0; i < 300; ++i) v.push_back(std::round(normal(rng) * 4) * std::pow(10.0, i % 7 - 3));
  for (Better better : {Better::higher, Better::lower}) {
    CHECK(quantile(v, 5, better) == brute_force_scores(v, 5, better));
  }
  const SortedValues sorted(v);
  std::vector<double> expected = v;
  std::sort(expected.begin(), expected.end(), [](double a, double b) { return a > b; });
  CHECK(sorted.descending() == expected);  // == treats -0.0 and 0.0 as equal
  CHECK(std::none_of(sorted.descending().begin(), sorted.descending().end(),
                     [](double x) { return x == 0 && std::signbit(x); }));  // zeros come out as +0.0
}

TEST_CASE("quantile cuts reproduce the scores when passed back as caller cuts", "[rfm][ranking]") {
  std::mt19937_64 rng(11);
  std::lognormal_distribution<double> spend(3, 1);
  std::vector<double> v(1000);
  for (double& x : v) x = spend(rng);  // continuous: no ties, so cuts strictly increase
  for (Better better : {Better::higher, Better::lower}) {
    std::vector<std::uint8_t> out(v.size());
    const ScoreCuts cuts = quantile_scores(v.data(), v.size(), 5, better, out.data());
    CHECK(by_cuts(v, cuts.cuts, better) == std::vector<int>(out.begin(), out.end()));
  }
}

TEST_CASE("caller cut points: the cut belongs to the better side", "[rfm][ranking]") {
  // Frequency cuts {2, 3, 5, 8}: v >= c passes c.
  CHECK(by_cuts({1, 2, 4, 5, 8, 100}, {2, 3, 5, 8}, Better::higher) ==
        std::vector<int>{1, 2, 3, 4, 5, 5});
  // Recency cuts {30, 90, 180, 365}: v <= c passes c ("within 30 days" -> 5).
  CHECK(by_cuts({0, 30, 31, 365, 366}, {30, 90, 180, 365}, Better::lower) ==
        std::vector<int>{5, 5, 4, 2, 1});
}

TEST_CASE("scoring rejects bad input with the argument and index", "[rfm][ranking]") {
  std::vector<std::uint8_t> out(3);
  const std::vector<double> ok = {1, 2, 3};
  CHECK_THAT(error_of([&] { cut_scores(ok.data(), 3, {3, 2}, Better::higher, out.data(), "purchases"); }),
             Contains("purchases cuts[1]") && Contains("strictly increasing"));
  CHECK_THAT(error_of([&] { cut_scores(ok.data(), 3, {1, NAN}, Better::higher, out.data(), "purchases"); }),
             Contains("cuts[1] must be finite"));
  CHECK_THAT(error_of([&] { cut_scores(ok.data(), 3, {}, Better::higher, out.data(), "purchases"); }),
             Contains("need 1..8"));
  CHECK_THAT(error_of([&] { quantile_scores(ok.data(), 3, 10, Better::higher, out.data()); }),
             Contains("bins = 10"));
  CHECK_THAT(error_of([&] { quantile_scores(ok.data(), 0, 5, Better::higher, out.data(), "monetary"); }),
             Contains("monetary is empty"));
  const std::vector<double> nan = {1, NAN, 3};
  CHECK_THAT(error_of([&] { quantile_scores(nan.data(), 3, 5, Better::higher, out.data(), "monetary"); }),
             Contains("monetary[1]") && Contains("finite"));
}

TEST_CASE("score_rfm: codes and standard segments on a hand-made base", "[rfm]") {
  // Each dimension distinct, so scores are the ranks: R from days (fewest = 5), F from
  // purchases, M from spend.
  const std::vector<double> days = {1, 2, 3, 4, 5};
  const std::vector<double> purchases = {1, 2, 3, 4, 5};
  const std::vector<double> spend = {50, 40, 30, 20, 10};
  const RfmResult r = score_rfm(days, purchases, spend);
  CHECK(r.bins == 5);
  CHECK(r.code == std::vector<std::uint16_t>{515, 424, 333, 242, 151});
  std::vector<std::string> names;
  for (std::uint8_t s : r.segment) names.push_back(r.segment_names[s]);
  // Cells of the standard grid: (R5,F1) new, (R4,F2) potential loyalist, (R3,F3) need
  // attention, (R2,F4) at risk, (R1,F5) can't lose.
  CHECK(names == std::vector<std::string>{"new", "potential_loyalist", "need_attention", "at_risk",
                                          "cant_lose"});
  CHECK(r.segment_names.back() == kOtherSegment);
  std::size_t total = 0;
  for (std::size_t s : r.segment_sizes) total += s;
  CHECK(total == 5);
  CHECK(r.segment_sizes[find_segment(standard_segment_rules(), "new")] == 1);
}

TEST_CASE("standard segments: the 11 names partition the R x F grid", "[rfm]") {
  const std::vector<SegmentRule> rules = standard_segment_rules();
  std::vector<std::string> names;
  for (const SegmentRule& rule : rules) names.push_back(rule.name);
  CHECK(names == std::vector<std::string>{"champions", "loyal", "potential_loyalist", "new",
                                          "promising", "need_attention", "about_to_sleep",
                                          "at_risk", "cant_lose", "hibernating", "lost"});
  for (int r = 1; r <= 5; ++r) {
    for (int f = 1; f <= 5; ++f) {
      for (int m = 1; m <= 5; ++m) {
        int matches = 0;
        for (const SegmentRule& rule : rules) {
          matches += rule.recency.min <= r && r <= rule.recency.max && rule.frequency.min <= f &&
                     f <= rule.frequency.max && rule.monetary.min <= m && m <= rule.monetary.max;
        }
        INFO("R" << r << " F" << f << " M" << m);
        CHECK(matches == 1);  // disjoint and complete: nobody is "other"
      }
    }
  }
  const auto at = [&](int r, int f) { return rules[segment_of(r, f, 3, rules)].name; };
  CHECK(at(5, 5) == "champions");
  CHECK(at(4, 5) == "loyal");
  CHECK(at(4, 1) == "promising");
  CHECK(at(3, 2) == "about_to_sleep");
  CHECK(at(2, 1) == "hibernating");
  CHECK(at(1, 1) == "lost");
  CHECK(at(1, 5) == "cant_lose");
}

TEST_CASE("segment rules are data: subsets, parsed text, unknown names", "[rfm]") {
  const auto subset = standard_segment_rules({"lost", "champions"});
  REQUIRE(subset.size() == 2);
  CHECK(subset[0].name == "lost");
  CHECK(subset[1].name == "champions");
  CHECK_THAT(error_of([] { standard_segment_rules({"champions", "whales"}); }),
             Contains("unknown segment rule 'whales'"));
  CHECK_THAT(error_of([] { find_segment(standard_segment_rules(), "vip"); }), Contains("'vip'"));

  const auto rules = parse_segment_rules("vip: r=4-5 f=5 ;\n sleeping: r=1\n");
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].name == "vip");
  CHECK((rules[0].recency.min == 4 && rules[0].recency.max == 5));
  CHECK((rules[0].frequency.min == 5 && rules[0].frequency.max == 5));
  CHECK((rules[0].monetary.min == 1 && rules[0].monetary.max == 9));  // omitted = any
  CHECK((rules[1].recency.min == 1 && rules[1].recency.max == 1));

  for (const char* bad : {"vip r=4", "vip: x=3", "vip: r=0", "vip: r=4-5 r=3", ": r=1", "vip: r=45"}) {
    INFO(bad);
    CHECK_THROWS_MATCHES(parse_segment_rules(bad), Error,
                         Catch::Predicate<Error>([](const Error& e) {
                           return e.code() == ErrorCode::parse_error;
                         }));
  }

  // Caller rules in score_rfm: first match wins, the rest is "other".
  RfmOptions options;
  options.segments = rules;
  const RfmResult r = score_rfm({1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}, {1, 1, 1, 1, 1}, options);
  CHECK(r.segment_names == std::vector<std::string>{"vip", "sleeping", "other"});
  CHECK(r.segment == std::vector<std::uint8_t>{0, 2, 2, 2, 1});
}

TEST_CASE("score_rfm validates rules, cuts and columns", "[rfm]") {
  const std::vector<double> a = {1, 2, 3};
  RfmOptions three_bins;
  three_bins.bins = 3;  // the standard rules need 5
  CHECK_THAT(error_of([&] { score_rfm(a, a, a, three_bins); }),
             Contains("'champions'") && Contains("above the top score 3"));
  RfmOptions dup;
  dup.segments = {SegmentRule{"x", {}, {}, {}}, SegmentRule{"x", {}, {}, {}}};
  CHECK_THAT(error_of([&] { score_rfm(a, a, a, dup); }), Contains("duplicate"));
  RfmOptions reserved;
  reserved.segments = {SegmentRule{"other", {}, {}, {}}};
  CHECK_THAT(error_of([&] { score_rfm(a, a, a, reserved); }), Contains("reserved"));
  RfmOptions uneven;
  uneven.purchases_cuts = {2, 3};  // 3 bins against the default 5
  CHECK_THAT(error_of([&] { score_rfm(a, a, a, uneven); }), Contains("different numbers of bins"));
  CHECK_THAT(error_of([&] { score_rfm(a, {1, 2}, a); }), Contains("purchases has 2 values, expected 3"));
  CHECK_THAT(error_of([&] { score_rfm({1, -2, 3}, a, a); }), Contains("days_since_last[1]") && Contains(">= 0"));
  CHECK_THAT(error_of([&] { score_rfm(a, a, {1, 2, NAN}); }), Contains("monetary[2]"));
  CHECK_THAT(error_of([&] { score_rfm(std::vector<double>{}, {}, {}); }), Contains("days_since_last is empty"));
}

TEST_CASE("score_rfm: frozen cuts score a later period on the same scale", "[rfm]") {
  std::mt19937_64 rng(7);
  std::exponential_distribution<double> gap(1.0 / 60);
  std::lognormal_distribution<double> spend(4, 1);
  std::vector<double> days(500), purchases(500), money(500);
  for (std::size_t i = 0; i < days.size(); ++i) {
    days[i] = gap(rng);
    purchases[i] = 1 + static_cast<double>(i % 23) + 0.001 * static_cast<double>(i);  // distinct
    money[i] = spend(rng);
  }
  const RfmResult first = score_rfm(days, purchases, money);
  RfmOptions frozen;
  frozen.days_since_last_cuts = first.days_since_last_cuts.cuts;
  frozen.purchases_cuts = first.purchases_cuts.cuts;
  frozen.monetary_cuts = first.monetary_cuts.cuts;
  const RfmResult again = score_rfm(days, purchases, money, frozen);
  CHECK(again.code == first.code);
  CHECK(again.segment == first.segment);
}

TEST_CASE("rfm_columns reads days since the last purchase, not the CLV recency", "[rfm]") {
  SummaryTable table;
  table.end = 400;  // days
  table.unit = TimeUnit::week;
  CustomerSummary a;
  a.first = 100;
  a.last = 380;
  a.purchases = 3;
  a.frequency = 2;
  a.recency = 40;  // t_x in weeks: (380 - 100) / 7, the CLV quantity
  a.total_value = 90;
  CustomerSummary b;
  b.first = b.last = 50;
  b.purchases = 1;
  b.total_value = 20;
  table.customers = {a, b};
  const RfmColumns c = rfm_columns(table);
  CHECK(c.days_since_last == std::vector<double>{20, 350});  // end - last, in days
  CHECK(c.purchases == std::vector<double>{3, 1});
  CHECK(c.monetary == std::vector<double>{90, 20});
  CHECK_THAT(error_of([] { rfm_columns(SummaryTable{}); }), Contains("no customers"));
}

TEST_CASE("score_rfm on CDNOW master agrees with a sort-based recount", "[rfm][cdnow]") {
  const auto& customers = cdnow::master();
  REQUIRE(customers.size() == 23570);
  std::vector<double> days, purchases, spend;
  for (const cdnow::Customer& c : customers) {
    days.push_back(static_cast<double>(cdnow::end_day() - c.last));
    purchases.push_back(static_cast<double>(c.rows));
    spend.push_back(c.total);
  }
  const RfmResult r = score_rfm(days, purchases, spend);

  // Independent recount: sort each column once, read the count of strictly worse values
  // with equal_range, apply score = 1 + floor(5 worse / n).
  const auto recount = [](const std::vector<double>& v, Better better) {
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> scores;
    const auto n = static_cast<std::ptrdiff_t>(v.size());
    for (double x : v) {
      const auto range = std::equal_range(sorted.begin(), sorted.end(), x);
      const auto below = range.first - sorted.begin();
      const auto worse = better == Better::higher ? below : sorted.end() - range.second;
      scores.push_back(static_cast<int>(1 + 5 * worse / n));
    }
    return scores;
  };
  CHECK(std::vector<int>(r.recency_score.begin(), r.recency_score.end()) == recount(days, Better::lower));
  CHECK(std::vector<int>(r.frequency_score.begin(), r.frequency_score.end()) ==
        recount(purchases, Better::higher));
  CHECK(std::vector<int>(r.monetary_score.begin(), r.monetary_score.end()) == recount(spend, Better::higher));

  // The standard grid covers every cell, so nobody is "other" and sizes add up.
  std::size_t total = 0;
  for (std::size_t s : r.segment_sizes) total += s;
  CHECK(total == customers.size());
  CHECK(r.segment_sizes.back() == 0);
  // Half of CDNOW bought once: that tie group has nobody below it, so all of it scores
  // F = 1 and every repeat buyer scores higher.
  int max_one_timer = 0, min_repeat = 9;
  for (std::size_t i = 0; i < customers.size(); ++i) {
    const int f = r.frequency_score[i];
    if (purchases[i] == 1) {
      max_one_timer = std::max(max_one_timer, f);
    } else {
      min_repeat = std::min(min_repeat, f);
    }
  }
  CHECK(max_one_timer == 1);
  CHECK(min_repeat > 1);
}

TEST_CASE("RFM bins outside 2..9 are blamed on bins, not on a segment rule", "[rfm]") {
  // Issue 19 item 14: bins = 0 was reported as the 'champions' rule's fault.
  const std::vector<double> a = {1, 2, 3};
  for (int bins : {0, 1, 10, -2147483647 - 1}) {
    RfmOptions o;
    o.bins = bins;
    INFO("bins " << bins);
    const std::string message = error_of([&] { score_rfm(a, a, a, o); });
    CHECK_THAT(message, Contains("bins = " + std::to_string(bins) + ": must be in 2..9"));
    CHECK_THAT(message, !Contains("champions"));
    CHECK_THAT(error_of([&] { segment_fit(standard_segment_rules(), bins); }),
               Contains("bins = " + std::to_string(bins)));
  }
  RfmOptions nine_cuts;  // 9 cuts = 10 bins
  nine_cuts.days_since_last_cuts = nine_cuts.purchases_cuts = nine_cuts.monetary_cuts =
      {1, 2, 3, 4, 5, 6, 7, 8, 9};
  CHECK_THAT(error_of([&] { score_rfm(a, a, a, nine_cuts); }),
             Contains("days_since_last_cuts has 9 values") && Contains("2..9"));
}

TEST_CASE("segment_fit tells whether rules fit the chosen bins", "[rfm]") {
  const std::vector<SegmentRule> standard = standard_segment_rules();
  CHECK(segment_fit(standard, 5).fits());  // the 11 rules partition the 5 x 5 R x F grid
  // 9 bins: R or F of 6..9 is matched by no standard rule. By hand: the R x F cells with
  // r <= 5 and f <= 5 are 25 of 81, so 56 R x F cells, times 9 monetary scores, are unmatched.
  const SegmentFit nine = segment_fit(standard, 9);
  CHECK_FALSE(nine.fits());
  CHECK(nine.unreachable.empty());
  CHECK(nine.unmatched.size() == 56 * 9);
  CHECK(std::find(nine.unmatched.begin(), nine.unmatched.end(), rfm_code(9, 9, 9)) != nine.unmatched.end());
  CHECK(std::find(nine.unmatched.begin(), nine.unmatched.end(), rfm_code(5, 5, 9)) == nine.unmatched.end());
  // 3 bins: rules whose recency or frequency range starts at 4 or 5 can never match (from
  // the table in rfm.hpp: champions R5, new R5, promising R4, potential_loyalist R4-5,
  // loyal F4-5, cant_lose F5). The rest still cover the 3 x 3 grid by hand: R3 is
  // about_to_sleep (F1-2) and need_attention (F3), R2 hibernating (F1-2), R1 lost (F1-2),
  // and at_risk takes F3 for R1-2.
  const SegmentFit three = segment_fit(standard, 3);
  CHECK(std::set<std::string>(three.unreachable.begin(), three.unreachable.end()) ==
        std::set<std::string>{"champions", "new", "promising", "potential_loyalist", "loyal",
                              "cant_lose"});
  CHECK(three.unmatched.empty());
  CHECK(segment_fit({}, 4).unmatched.size() == 64);  // no rules: every cell is "other"
}
