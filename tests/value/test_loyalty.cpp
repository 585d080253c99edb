// Loyalty index: weighted drivers, explicit re-weighting of missing drivers.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/error.hpp"
#include "error_of.hpp"
#include "crmkit/value/loyalty.hpp"

using namespace crmkit::value;
using crmkit::name_of;
using crmkit::parse_enum;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit_test::error_of;

TEST_CASE("loyalty index with all default drivers, by hand", "[loyalty]") {
  // Driver scores: repeat 0.5; tenure 365/730 = 0.5; satisfaction (4-1)/4 = 0.75; price
  // sensitivity 0.2 -> 1 - 0.2 = 0.8; complaint tolerance 0.6.
  // 0.30*0.5 + 0.15*0.5 + 0.25*0.75 + 0.15*0.8 + 0.15*0.6 = 0.6225.
  const std::vector<double> repeat = {0.5}, tenure = {365}, sat = {4}, price = {0.2}, tolerance = {0.6};
  const LoyaltyResult r = loyalty_index({repeat.data(), tenure.data(), sat.data(), price.data(), tolerance.data()}, 1);
  CHECK(r.index[0] == Approx(62.25));
  CHECK(r.drivers_used[0] == 0b11111u);
  CHECK(r.reweighted == 0);
  CHECK(r.driver_names == std::vector<std::string>{"repeat_purchase_rate", "tenure_days", "satisfaction",
                                                   "price_sensitivity", "complaint_tolerance"});
  const std::vector<double> w = r.effective_weights(0);
  CHECK(w[0] == Approx(0.30));
  CHECK(w[2] == Approx(0.25));
}

TEST_CASE("missing drivers re-weight explicitly", "[loyalty]") {
  // Customer 0 has no satisfaction score (NaN); price sensitivity is unknown for everyone.
  const std::vector<double> repeat = {0.5, 1.0}, tenure = {365, 2000}, sat = {NAN, 5}, tolerance = {0.6, 1.0};
  const std::vector<const double*> columns = {repeat.data(), tenure.data(), sat.data(), nullptr, tolerance.data()};
  const LoyaltyResult r = loyalty_index(columns, 2);
  // Customer 0: weights 0.30, 0.15, 0.15 over 0.60 -> 0.5, 0.25, 0.25;
  // 0.5*0.5 + 0.25*0.5 + 0.25*0.6 = 0.525.
  CHECK(r.index[0] == Approx(52.5));
  CHECK(r.drivers_used[0] == 0b10011u);
  const std::vector<double> w = r.effective_weights(0);
  REQUIRE(w.size() == 5);
  CHECK(w[0] == Approx(0.5));
  CHECK(w[1] == Approx(0.25));
  CHECK(w[2] == 0);  // satisfaction: missing for this customer
  CHECK(w[3] == 0);  // price sensitivity: missing for everyone
  CHECK(w[4] == Approx(0.25));
  // Customer 1 has every score at the top (tenure saturates at 730 days): 100.
  CHECK(r.index[1] == Approx(100));
  CHECK(r.drivers_used[1] == 0b10111u);
  CHECK(r.reweighted == 2);  // both miss price sensitivity
  CHECK(r.coverage == std::vector<std::size_t>{2, 2, 1, 0, 2});
  CHECK(r.without_index == 0);

  // Nobody scored: NaN and counted, not a silent zero.
  const double none = NAN;
  const LoyaltyResult empty = loyalty_index({&none, &none, &none, &none, &none}, 1);
  CHECK(std::isnan(empty.index[0]));
  CHECK(empty.without_index == 1);
  CHECK(empty.drivers_used[0] == 0);

  LoyaltyOptions reject;
  reject.missing = MissingDrivers::reject;
  CHECK_THAT(error_of([&] { loyalty_index(columns, 2, reject); }),
             Contains("'satisfaction' is missing for customer 0"));
}

TEST_CASE("custom drivers and their validation", "[loyalty]") {
  LoyaltyOptions options;
  options.drivers = {{"nps", 2.0, -100, 100, true, false}};
  const std::vector<double> nps = {-100, 0, 100};
  const LoyaltyResult r = loyalty_index({nps.data()}, 3, options);
  CHECK(r.index == std::vector<double>{0, 50, 100});
  CHECK(r.weights == std::vector<double>{1.0});

  const std::vector<double> out_of_range = {0.5, 6};
  LoyaltyOptions sat_only;
  sat_only.drivers = {{"satisfaction", 1, 1, 5, true, false}};
  CHECK_THAT(error_of([&] { loyalty_index({out_of_range.data()}, 2, sat_only); }),
             Contains("'satisfaction'[0]") && Contains("outside [1"));
  const std::vector<double> negative_tenure = {-3};
  LoyaltyOptions tenure_only;
  tenure_only.drivers = {{"tenure_days", 1, 0, 730, true, true}};
  CHECK_THAT(error_of([&] { loyalty_index({negative_tenure.data()}, 1, tenure_only); }), Contains("'tenure_days'[0]"));

  LoyaltyOptions dup;
  dup.drivers = {{"a", 1, 0, 1, true, false}, {"a", 1, 0, 1, true, false}};
  CHECK_THAT(error_of([&] { loyalty_index({nullptr, nullptr}, 1, dup); }), Contains("duplicate"));
  LoyaltyOptions zero_weight;
  zero_weight.drivers = {{"a", 0, 0, 1, true, false}};
  CHECK_THAT(error_of([&] { loyalty_index({nullptr}, 1, zero_weight); }), Contains("weight must be > 0"));
  LoyaltyOptions flat;
  flat.drivers = {{"a", 1, 1, 1, true, false}};
  CHECK_THAT(error_of([&] { loyalty_index({nullptr}, 1, flat); }), Contains("low < high"));
  CHECK_THAT(error_of([&] { loyalty_index({nullptr}, 1); }), Contains("1 given for 5 drivers"));
}

TEST_CASE("missing-driver policy names round-trip", "[loyalty]") {
  CHECK(parse_enum<MissingDrivers>(name_of(MissingDrivers::reject)) == MissingDrivers::reject);
  CHECK(parse_enum<MissingDrivers>("reweight") == MissingDrivers::reweight);
  CHECK_THAT(error_of([] { parse_enum<MissingDrivers>("ignore"); }), Contains("unknown missing-driver policy"));
}
