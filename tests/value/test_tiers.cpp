// The customer pyramid: tier assignment, the tier table, migration between periods.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cdnow_master.hpp"
#include "crmkit/error.hpp"
#include "error_of.hpp"
#include "crmkit/value/concentration.hpp"
#include "crmkit/value/tiers.hpp"

using namespace crmkit::value;
using crmkit::name_of;
using crmkit::parse_enum;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit_test::error_of;

namespace {


std::vector<std::string> names(const std::vector<Tier>& tiers) {
  std::vector<std::string> out;
  for (Tier t : tiers) out.push_back(name_of(t));
  return out;
}

const TierRow& row(const TierTable& table, Tier t) { return table.rows[static_cast<std::size_t>(t)]; }

}  // namespace

TEST_CASE("value-share tiers by hand (ABC 50/80/95)", "[tiers]") {
  // Total 100. Share of value strictly above: 50 -> 0 key; 30 -> 0.5 major (on the cut:
  // the key tier already holds 50%); 10 -> 0.8 ordinary; 5 -> 0.9 ordinary; 3 -> 0.95
  // small; 2 -> 0.98 small.
  const TierAssignment a = assign_tiers({5, 50, 2, 30, 3, 10});
  CHECK(names(a.tier) == std::vector<std::string>{"ordinary", "key", "small", "major", "small", "ordinary"});
  const TierTable& t = a.table;
  CHECK(t.customers == 6);
  CHECK(t.total_value == 100);
  CHECK(row(t, Tier::key).customers == 1);
  CHECK(row(t, Tier::key).value_share == Approx(0.5));
  CHECK(row(t, Tier::ordinary).customers == 2);
  CHECK(row(t, Tier::ordinary).value == 15);
  CHECK(row(t, Tier::ordinary).mean_value == 7.5);
  CHECK(row(t, Tier::ordinary).min_value == 5);
  CHECK(row(t, Tier::ordinary).max_value == 10);
  CHECK(row(t, Tier::small).customer_share == Approx(2.0 / 6.0));
  CHECK(row(t, Tier::inferior).customers == 0);
  CHECK(row(t, Tier::inferior).mean_value == 0);
}

TEST_CASE("inferior customers sit outside the ranking", "[tiers]") {
  // -4 costs more than it brings: inferior (default threshold 0); the other tiers are cut
  // on the non-inferior total 100 exactly as without it.
  const TierAssignment a = assign_tiers({5, 50, 2, 30, 3, 10, -4});
  CHECK(names(a.tier) == std::vector<std::string>{"ordinary", "key", "small", "major", "small",
                                                  "ordinary", "inferior"});
  CHECK(a.table.total_value == 96);
  CHECK(row(a.table, Tier::inferior).value_share == Approx(-4.0 / 96.0));
  CHECK(row(a.table, Tier::key).value_share == Approx(50.0 / 96.0));
  // A caller threshold: everything below 4 is inferior too (e.g. margin after cost-to-serve).
  TierOptions options;
  options.inferior_below = 4;
  const TierAssignment b = assign_tiers({5, 50, 2, 30, 3, 10, -4}, options);
  CHECK(row(b.table, Tier::inferior).customers == 3);
  // -infinity: nobody is inferior.
  options.inferior_below = -std::numeric_limits<double>::infinity();
  CHECK(row(assign_tiers({5, 50, -4}, options).table, Tier::inferior).customers == 0);
}

TEST_CASE("rank tiers by hand", "[tiers]") {
  TierOptions options = default_tier_options(TierScheme::rank);
  CHECK(options.cuts == std::array<double, 3>{0.01, 0.05, 0.20});
  options.cuts = {0.2, 0.4, 0.6};
  // 10 distinct values: 0, 1, 2, ... customers above -> 2 key (0.0, 0.1 < 0.2), 2 major,
  // 2 ordinary, 4 small.
  const TierAssignment a = assign_tiers({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, options);
  CHECK(names(a.tier) == std::vector<std::string>{"small", "small", "small", "small", "ordinary",
                                                  "ordinary", "major", "major", "key", "key"});
}

TEST_CASE("tiers: ties, all-equal values, one customer, zero value", "[tiers]") {
  // {20, 5 x 6}, total 50: the 5s start at 40% (below the 50% cut) and run to 100%; the
  // customer crossing the cut is key, and so is its whole tie group.
  CHECK(row(assign_tiers({5, 5, 20, 5, 5, 5, 5}).table, Tier::key).customers == 7);
  // {10, 10, 5 x 4}, total 40: the 5s start exactly at 50%: major, all four.
  CHECK(names(assign_tiers({5, 10, 5, 5, 10, 5}).tier) ==
        std::vector<std::string>{"major", "key", "major", "major", "key", "major"});
  // All equal: nobody is above anybody, so everyone is key, under either scheme.
  const TierAssignment equal = assign_tiers(std::vector<double>(8, 4.0));
  CHECK(row(equal.table, Tier::key).customers == 8);
  const TierAssignment equal_rank = assign_tiers(std::vector<double>(8, 4.0), default_tier_options(TierScheme::rank));
  CHECK(row(equal_rank.table, Tier::key).customers == 8);
  // One customer holds all the value: key.
  CHECK(names(assign_tiers({7}).tier) == std::vector<std::string>{"key"});
  // Zero value is not inferior (inferior means below 0): it is the smallest "small".
  // Total 40: 30 has 0 above -> key; 10 has 75% above -> major; 0 has 100% -> small.
  CHECK(names(assign_tiers({0, 10, 30}).tier) == std::vector<std::string>{"small", "major", "key"});
  // No value at all to share out.
  CHECK_THAT(error_of([] { assign_tiers({0, 0}); }), Contains("positive total"));
}

TEST_CASE("tiers reuse a shared sort and the table recomputes for any assignment", "[tiers]") {
  const std::vector<double> v = {12, 7, 7, 3, 99, 0, 41, 5, 8, 8, 8, 1};
  const SortedValues sorted(v);
  const TierAssignment direct = assign_tiers(v);
  const TierAssignment shared = assign_tiers(v.data(), v.size(), sorted);
  CHECK(shared.tier == direct.tier);
  const TierTable table = tier_table(v.data(), direct.tier.data(), v.size());
  for (std::size_t t = 0; t < kTierCount; ++t) {
    CHECK(table.rows[t].customers == direct.table.rows[t].customers);
    CHECK(table.rows[t].value == direct.table.rows[t].value);
  }
  std::size_t customers = 0;
  double share = 0;
  for (const TierRow& r : table.rows) {
    customers += r.customers;
    share += r.value_share;
  }
  CHECK(customers == v.size());
  CHECK(share == Approx(1.0));
  CHECK_THAT(error_of([&] { assign_tiers(v.data(), 3, sorted); }), Contains("sorted values has 12 values, expected 3"));
}

TEST_CASE("tier options and inputs are validated", "[tiers]") {
  const std::vector<double> v = {1, 2, 3};
  for (const std::array<double, 3>& cuts : {std::array<double, 3>{0.5, 0.5, 0.9},
                                            std::array<double, 3>{0.8, 0.5, 0.9}}) {
    TierOptions o;
    o.cuts = cuts;
    CHECK_THAT(error_of([&] { assign_tiers(v, o); }), Contains("cuts[1]") && Contains("strictly increasing"));
  }
  for (const std::array<double, 3>& cuts : {std::array<double, 3>{0, 0.5, 0.9},
                                            std::array<double, 3>{0.5, 0.8, 1.0}}) {
    TierOptions o;
    o.cuts = cuts;
    CHECK_THAT(error_of([&] { assign_tiers(v, o); }), Contains("inside (0, 1)"));
  }
  TierOptions nan_threshold;
  nan_threshold.inferior_below = NAN;
  CHECK_THAT(error_of([&] { assign_tiers(v, nan_threshold); }), Contains("inferior_below"));
  CHECK_THAT(error_of([] { assign_tiers({1, 2, INFINITY}); }), Contains("values[2]"));
  CHECK_THAT(error_of([] { assign_tiers(std::vector<double>{}); }), Contains("empty"));
  const Tier bad = static_cast<Tier>(9);
  CHECK_THAT(error_of([&] { tier_table(v.data(), &bad, 1); }), Contains("tiers[0]"));
}

TEST_CASE("tier and scheme names round-trip; unknown names are errors", "[tiers]") {
  for (std::size_t t = 0; t < kTierCount; ++t) {
    CHECK(parse_enum<Tier>(name_of(static_cast<Tier>(t))) == static_cast<Tier>(t));
  }
  CHECK(std::string(name_of(Tier::key)) == "key");
  CHECK(parse_enum<TierScheme>("share") == TierScheme::value_share);
  CHECK(parse_enum<TierScheme>("rank") == TierScheme::rank);
  CHECK_THAT(error_of([] { parse_enum<Tier>("vip"); }), Contains("unknown tier 'vip'") && Contains("key, major"));
  CHECK_THAT(error_of([] { parse_enum<TierScheme>("abc"); }), Contains("tier scheme"));
}

TEST_CASE("tier migration between two periods, matched by id", "[tiers]") {
  const std::vector<std::int64_t> ids_before = {4, 1, 2, 3};
  const std::vector<Tier> before = {Tier::ordinary, Tier::key, Tier::major, Tier::small};
  const std::vector<std::int64_t> ids_after = {5, 2, 3, 4};
  const std::vector<Tier> after = {Tier::major, Tier::key, Tier::small, Tier::small};
  const TierMigration m = tier_migration(ids_before.data(), before.data(), 4, ids_after.data(), after.data(), 4);
  // 1 left (key -> gone); 2 major -> key (up); 3 small -> small; 4 ordinary -> small (down);
  // 5 new, major.
  CHECK(m.left == 1);
  CHECK(m.upgraded == 1);
  CHECK(m.unchanged == 1);
  CHECK(m.downgraded == 1);
  CHECK(m.entered == 1);
  CHECK(m.counts[0][kAbsent] == 1);
  CHECK(m.counts[1][0] == 1);
  CHECK(m.counts[3][3] == 1);
  CHECK(m.counts[2][3] == 1);
  CHECK(m.counts[kAbsent][1] == 1);
  std::size_t cells = 0;
  for (const auto& r : m.counts)
    for (std::size_t c : r) cells += c;
  CHECK(cells == 5);  // the union of the two periods' customers

  const std::vector<std::int64_t> dup = {1, 2, 1};
  const std::vector<Tier> three(3, Tier::key);
  CHECK_THAT(error_of([&] { tier_migration(dup.data(), three.data(), 3, ids_after.data(), after.data(), 4); }),
             Contains("ids_before[2] = 1 repeats ids_before[0]"));
}

TEST_CASE("CDNOW master tier table against a plain sort-and-sum", "[tiers][cdnow]") {
  const std::vector<double> spend = cdnow::totals();
  const SortedValues sorted(spend);
  const TierOptions options;  // ABC 50 / 80 / 95 on total spend
  const TierAssignment a = assign_tiers(spend.data(), spend.size(), sorted, options);

  // Independent: walk the descending values in runs of equal values; a run's tier is the
  // number of cuts at or below the share of value above it.
  std::vector<double> desc = spend;
  std::sort(desc.begin(), desc.end(), [](double x, double y) { return x > y; });
  double total = 0;
  for (double v : desc) total += v;
  std::array<std::size_t, 4> count{};
  std::array<double, 4> value{};
  double above = 0;
  for (std::size_t i = 0; i < desc.size();) {
    std::size_t j = i;
    double run = 0;
    while (j < desc.size() && desc[j] == desc[i]) run += desc[j++];
    std::size_t tier = 0;
    for (double cut : options.cuts) tier += above / total >= cut;
    count[tier] += j - i;
    value[tier] += run;
    above += run;
    i = j;
  }
  for (std::size_t t = 0; t < 4; ++t) {
    INFO("tier " << name_of(static_cast<Tier>(t)));
    CHECK(a.table.rows[t].customers == count[t]);
    CHECK(a.table.rows[t].value == Approx(value[t]));
  }
  CHECK(a.table.rows[4].customers == 0);  // spend is never negative
  // ABC by construction: the key tier holds about half the spend, the key customers are few.
  CHECK(a.table.rows[0].value_share == Approx(0.5).margin(0.01));
  CHECK(a.table.rows[0].customer_share < 0.15);

  // Sharing the sort with concentration gives the same total.
  CHECK(concentration(sorted).total_value == Approx(a.table.total_value));
}

TEST_CASE("tiers: a total beyond the doubles is refused, naming the value", "[tiers]") {
  // Issue 19 item 11: value_share came out as null (NaN) for two values of 1e308.
  CHECK_THAT(error_of([] { assign_tiers({1e308, 1e308}); }),
             Contains("values[1] = ") && Contains("exceeds the largest representable number"));
  // Just below the limit: the shares of {3, 1} (by hand: 75% and 25% of the value).
  const TierAssignment a = assign_tiers({1.2e308, 0.4e308});
  double shares = 0, largest = 0;
  for (const TierRow& row : a.table.rows) {
    shares += row.value_share;
    largest = std::max(largest, row.value_share);
  }
  CHECK(shares == Approx(1.0).epsilon(1e-15));
  CHECK(largest == Approx(0.75).epsilon(1e-15));
  CHECK(a.table.total_value == Approx(1.6e308).epsilon(1e-15));
}
