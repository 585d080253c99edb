// Retention economics: value at risk and campaign payback.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/error.hpp"
#include "error_of.hpp"
#include "crmkit/value/retention.hpp"

using namespace crmkit::value;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit_test::error_of;

TEST_CASE("campaign payback by hand, with the 5x acquisition rule", "[retention]") {
  RetentionCampaign c;
  c.customers = 1000;
  c.cost_per_customer = 10;
  c.win_back_rate = 0.2;
  c.value_per_customer = 200;
  const CampaignPayback p = campaign_payback(c);
  CHECK(p.retained == Approx(200));
  CHECK(p.cost == Approx(10000));
  CHECK(p.value_recovered == Approx(40000));
  CHECK(p.net_value == Approx(30000));
  CHECK(p.roi == Approx(3));
  CHECK(p.cost_per_retained == Approx(50));
  CHECK(p.break_even_win_back_rate == Approx(0.05));
  // Keeping one cost 50, so a new one costs 5 x 50; replacing the 200 kept costs 50,000.
  CHECK(p.acquisition_cost == Approx(250));
  CHECK(p.replacement_cost == Approx(50000));
  CHECK(p.saving_vs_acquisition == Approx(40000));

  c.acquisition_multiple = 10;  // the material's other figure
  CHECK(campaign_payback(c).acquisition_cost == Approx(500));
  c.acquisition_cost = 300;  // a known cost wins over the rule
  CHECK(campaign_payback(c).replacement_cost == Approx(60000));
}

TEST_CASE("campaign payback edge cases", "[retention]") {
  RetentionCampaign c;
  c.customers = 100;
  c.cost_per_customer = 5;
  c.win_back_rate = 0;  // nobody kept
  c.value_per_customer = 100;
  const CampaignPayback p = campaign_payback(c);
  CHECK(p.net_value == Approx(-500));
  CHECK(std::isinf(p.cost_per_retained));
  CHECK(p.acquisition_cost == 0);  // nothing to price it from
  RetentionCampaign free;
  free.customers = 10;
  free.win_back_rate = 0.5;
  free.value_per_customer = 1;
  CHECK(campaign_payback(free).roi == 0);  // no cost: ROI undefined, reported as 0
}

TEST_CASE("campaign payback rejects bad input naming the field", "[retention]") {
  RetentionCampaign c;
  c.win_back_rate = 1.5;
  CHECK_THAT(error_of([&] { campaign_payback(c); }), Contains("win_back_rate"));
  c.win_back_rate = NAN;
  CHECK_THAT(error_of([&] { campaign_payback(c); }), Contains("win_back_rate"));
  c.win_back_rate = 0.5;
  c.cost_per_customer = -1;
  CHECK_THAT(error_of([&] { campaign_payback(c); }), Contains("cost_per_customer"));
  c.cost_per_customer = 1;
  c.acquisition_cost = -5;
  CHECK_THAT(error_of([&] { campaign_payback(c); }), Contains("acquisition_cost"));
}

TEST_CASE("value at risk and a campaign aimed at it", "[retention]") {
  using S = CustomerStatus;
  const std::vector<double> values = {100, 200, 300, 400, 0};
  const std::vector<S> status = {S::active, S::at_risk, S::at_risk, S::lapsed, S::at_risk};
  const ValueAtRisk r = value_at_risk(values.data(), status.data(), values.size());
  CHECK(r.customers == 5);
  CHECK(r.total_value == 1000);
  CHECK(r.at_risk_customers == 3);
  CHECK(r.at_risk_value == 500);
  CHECK(r.at_risk_share == Approx(0.5));
  CHECK(r.lapsed_customers == 1);
  CHECK(r.lapsed_value == 400);

  const RetentionCampaign c = at_risk_campaign(r, 5, 0.3);
  CHECK(c.customers == 3);
  CHECK(c.value_per_customer == Approx(500.0 / 3.0));
  CHECK(campaign_payback(c).value_recovered == Approx(0.9 * 500.0 / 3.0));

  const std::vector<double> negative = {1, -1};
  CHECK_THAT(error_of([&] { value_at_risk(negative.data(), status.data(), 2); }), Contains("values[1]"));
  const S bad[] = {S::active, static_cast<S>(7)};
  CHECK_THAT(error_of([&] { value_at_risk(values.data(), bad, 2); }), Contains("status[1]"));
}

TEST_CASE("campaign payback refuses figures beyond the doubles (issue 19 item 12)", "[retention]") {
  // 1e308 customers at 1e308 each: the cost is 1e616, not a double. It was inf and made
  // net_value and roi NaN with no error.
  RetentionCampaign c;
  c.customers = 1e308;
  c.cost_per_customer = 1e308;
  c.win_back_rate = 0.5;
  c.value_per_customer = 1e308;
  CHECK_THAT(error_of([&] { campaign_payback(c); }), Contains("cost = customers x cost_per_customer"));
  // Large but representable: 1e150 x 1e150 = 1e300 is computed exactly as written.
  c.customers = 1e150;
  c.cost_per_customer = 1e150;
  c.value_per_customer = 1e150;
  const CampaignPayback p = campaign_payback(c);
  CHECK(p.cost == 1e150 * 1e150);
  CHECK(p.net_value == (1e150 * 0.5) * 1e150 - 1e150 * 1e150);  // retained x value - cost
  // One retained customer worth 1e308 with a 1e308 acquisition multiple overflows the
  // replacement cost.
  RetentionCampaign d;
  d.customers = 1;
  d.cost_per_customer = 2;
  d.win_back_rate = 1;
  d.value_per_customer = 1;
  d.acquisition_multiple = 1e308;
  CHECK_THAT(error_of([&] { campaign_payback(d); }), Contains("acquisition_cost"));
}
