// Concentration: top-k share, customers holding X%, Lorenz curve, Gini.
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cdnow_master.hpp"
#include "crmkit/error.hpp"
#include "error_of.hpp"
#include "crmkit/value/concentration.hpp"

using namespace crmkit::value;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit_test::error_of;

namespace {


// Gini by its other definition: mean absolute difference over all n^2 ordered pairs
// divided by twice the mean, with sum_{i<j} (x_j - x_i) read from ascending prefix sums.
double gini_by_mean_difference(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  long double prefix = 0, pair_sum = 0;
  for (std::size_t j = 0; j < v.size(); ++j) {
    pair_sum += static_cast<long double>(j) * v[j] - prefix;
    prefix += v[j];
  }
  const long double n = static_cast<long double>(v.size());
  return static_cast<double>(2 * pair_sum / (n * n) / (2 * prefix / n));
}

}  // namespace

TEST_CASE("concentration of {1, 2, 3, 4} by hand", "[concentration]") {
  ConcentrationOptions options;
  options.top_customer_shares = {0.25, 0.5, 0.1};
  options.value_shares = {0.5, 0.4};
  options.lorenz_points = 4;
  const Concentration c = concentration({3, 1, 4, 2}, options);  // order must not matter
  CHECK(c.customers == 4);
  CHECK(c.total_value == 10);
  // sum (2i - n - 1) x_(i) / (n S) = (-3*1 - 1*2 + 1*3 + 3*4) / 40; also mean absolute
  // difference 20/16 over twice the mean 5.
  CHECK(c.gini == Approx(0.25));
  REQUIRE(c.top.size() == 3);
  CHECK(c.top[0].value_share == Approx(0.4));   // the 4
  CHECK(c.top[1].value_share == Approx(0.7));   // 4 + 3
  CHECK(c.top[2].value_share == Approx(0.16));  // 0.4 customers x 4 / 10: inside the top one
  REQUIRE(c.holding.size() == 2);
  // 50% = 4 + a third of the 3: 1 + 1/3 customers of 4.
  CHECK(c.holding[0].customer_share == Approx(1.0 / 3.0));
  CHECK(c.holding[1].customer_share == Approx(0.25));  // exactly the top customer
  REQUIRE(c.lorenz.size() == 5);
  const double expected[] = {0, 0.1, 0.3, 0.6, 1.0};  // bottom 1, 1+2, 1+2+3 of 10
  for (std::size_t j = 0; j < 5; ++j) {
    CHECK(c.lorenz[j].customer_share == Approx(0.25 * static_cast<double>(j)));
    CHECK(c.lorenz[j].value_share == Approx(expected[j]).margin(1e-12));
  }
}

TEST_CASE("concentration extremes: equal values, one holder, one customer, zeros", "[concentration]") {
  const std::vector<double> equal(10, 3.5);
  const Concentration e = concentration(equal);
  CHECK(e.gini == Approx(0).margin(1e-12));
  CHECK(e.top[3].customer_share == 0.2);
  CHECK(e.top[3].value_share == Approx(0.2));  // no concentration: top 20% hold 20%

  const Concentration one_holder = concentration({0, 0, 0, 10});
  CHECK(one_holder.gini == Approx(0.75));  // (n - 1) / n
  CHECK(one_holder.top[0].value_share == Approx(0.04));  // top 1% = 0.04 customers, all the holder's
  CHECK(one_holder.holding[2].customer_share == Approx(0.95 * 0.25));  // 95% of one customer's value

  const SortedValues single({42.0});
  CHECK(gini(single) == 0);
  CHECK(top_share(single, 0.2) == Approx(0.2));  // interpolates inside the one customer
  CHECK(customers_holding(single, 0.8) == Approx(0.8));
}

TEST_CASE("top_share and customers_holding are inverse readings of one curve", "[concentration]") {
  std::mt19937_64 rng(3);
  std::lognormal_distribution<double> spend(3, 1.5);
  std::vector<double> v(777);
  for (double& x : v) x = spend(rng);
  v[5] = 0;  // zero-value customers are part of the base
  const SortedValues sorted(v);
  for (double k : {0.01, 0.2, 0.5, 0.9}) {
    CHECK(customers_holding(sorted, top_share(sorted, k)) == Approx(k));
  }
  CHECK(gini(sorted) == Approx(gini_by_mean_difference(v)));
  // The Lorenz curve is the top curve read from the bottom.
  ConcentrationOptions options;
  options.lorenz_points = 10;
  const Concentration c = concentration(sorted, options);
  for (const SharePoint& p : c.lorenz) {
    const double top = p.customer_share < 1 ? top_share(sorted, 1 - p.customer_share) : 0.0;
    CHECK(p.value_share == Approx(1 - top).margin(1e-12));
  }
}

TEST_CASE("concentration rejects bad input", "[concentration]") {
  CHECK_THAT(error_of([] { concentration(std::vector<double>{}); }), Contains("values is empty"));
  CHECK_THAT(error_of([] { concentration({1, -2, 3}); }), Contains("values[1]") && Contains(">= 0"));
  CHECK_THAT(error_of([] { concentration({1, NAN}); }), Contains("values[1]") && Contains("finite"));
  CHECK_THAT(error_of([] { concentration(std::vector<double>{0, 0, 0}); }), Contains("total 0"));
  ConcentrationOptions bad_top;
  bad_top.top_customer_shares = {0.2, 1.5};
  CHECK_THAT(error_of([&] { concentration({1, 2}, bad_top); }), Contains("top_customer_shares[1]"));
  ConcentrationOptions bad_value;
  bad_value.value_shares = {0};
  CHECK_THAT(error_of([&] { concentration({1, 2}, bad_value); }), Contains("value_shares[0]"));
  ConcentrationOptions no_points;
  no_points.lorenz_points = 0;
  CHECK_THAT(error_of([&] { concentration({1, 2}, no_points); }), Contains("lorenz_points"));
  // The sorted overload cannot name an index, but still refuses negative values.
  CHECK_THAT(error_of([] { gini(SortedValues({5.0, -1.0})); }), Contains(">= 0"));
}

TEST_CASE("CDNOW master: top 20% share and Gini against a plain sort-and-sum", "[concentration][cdnow]") {
  const std::vector<double> spend = cdnow::totals();
  REQUIRE(spend.size() == 23570);
  const Concentration c = concentration(spend);

  // Independent: sort descending, add up the top 20% (23570 x 0.2 = 4714 customers exactly).
  std::vector<double> desc = spend;
  std::sort(desc.begin(), desc.end(), [](double a, double b) { return a > b; });
  long double top = 0, all = 0;
  for (std::size_t i = 0; i < desc.size(); ++i) {
    all += desc[i];
    if (i < 4714) top += desc[i];
  }
  CHECK(c.total_value == Approx(static_cast<double>(all)));
  CHECK(c.total_value == Approx(2500315.63));  // data/cdnow/README.md
  REQUIRE(c.top[3].customer_share == 0.2);
  CHECK(c.top[3].value_share == Approx(static_cast<double>(top / all)).epsilon(1e-12));
  CHECK(c.gini == Approx(gini_by_mean_difference(spend)).epsilon(1e-10));
  // CDNOW is strongly concentrated but not 80/20: the top 20% hold less than 80%.
  CHECK(c.top[3].value_share > 0.5);
  CHECK(c.top[3].value_share < 0.8);
}

TEST_CASE("concentration: a total beyond the doubles is refused, large finite totals are exact", "[concentration]") {
  // Issue 19 item 11: two values of 1e308 gave "inf% of customers hold 50%".
  CHECK_THAT(error_of([] { concentration({1, 1e308, 1e308}); }),
             Contains("values[2] = ") && Contains("exceeds the largest representable number"));
  // Values near the top of the doubles whose total still fits (1.75e308): shares and Gini
  // are those of {4, 1, 2} (scale-free), although 2 x 1e308 in the Gini sum would not fit.
  // By hand for {1, 2, 4}: total 7; Gini = sum (2i - n - 1) x_(i) / (n sum x)
  // = (-2 * 1 + 0 * 2 + 2 * 4) / (3 * 7) = 2/7; the top third holds 4/7.
  const Concentration big = concentration({1e308, 2.5e307, 5e307});
  CHECK(big.total_value == Approx(1.75e308).epsilon(1e-15));
  CHECK(big.gini == Approx(2.0 / 7.0).epsilon(1e-14));
  CHECK(concentration({4, 1, 2}).gini == Approx(2.0 / 7.0).epsilon(1e-14));
  CHECK(top_share(SortedValues({1e308, 2.5e307, 5e307}), 1.0 / 3.0) == Approx(4.0 / 7.0).epsilon(1e-14));
}
