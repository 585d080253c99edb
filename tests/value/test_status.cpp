// Customer status and relationship stage: each rule of status.hpp on a hand-made case.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cdnow_master.hpp"
#include "crmkit/error.hpp"
#include "error_of.hpp"
#include "crmkit/value/status.hpp"

using namespace crmkit::value;
using crmkit::name_of;
using crmkit::parse_enum;
using Catch::Matchers::Contains;
using crmkit::Error;
using crmkit_test::error_of;

namespace {


// Population rhythm 50 days for the one-purchase cases.
CustomerStatus status(double first, double last, std::int64_t purchases, double as_of,
                      double gap_before_last = NAN, const StatusOptions& options = {}) {
  return status_of(first, last, purchases, gap_before_last, as_of, 50, options);
}

}  // namespace

TEST_CASE("status: active, at risk and lapsed follow the customer's own rhythm", "[status]") {
  // Four purchases over days 0..300: rhythm 100 days; at risk past 200, lapsed past 400.
  CHECK(status(0, 300, 4, 350) == CustomerStatus::active);
  CHECK(status(0, 300, 4, 500) == CustomerStatus::active);  // gap 200 is not past 2 x 100
  CHECK(status(0, 300, 4, 501) == CustomerStatus::at_risk);
  CHECK(status(0, 300, 4, 701) == CustomerStatus::lapsed);
  // The same gap is harmless for a slow buyer: rhythm 300 days.
  CHECK(status(0, 900, 4, 1101) == CustomerStatus::active);
  // Thresholds are configurable.
  StatusOptions strict;
  strict.at_risk_multiple = 1.0;
  strict.lapsed_multiple = 1.5;
  CHECK(status(0, 300, 4, 401, NAN, strict) == CustomerStatus::at_risk);
  CHECK(status(0, 300, 4, 451, NAN, strict) == CustomerStatus::lapsed);
}

TEST_CASE("status: new customers, and risk before newness", "[status]") {
  // Two purchases days 300 and 320: rhythm 20; 30 days on is within 2 x 20, first purchase
  // 50 days ago: new.
  CHECK(status(300, 320, 2, 350) == CustomerStatus::new_customer);
  // One purchase 50 days ago (population rhythm 50): not yet at risk, new.
  CHECK(status(300, 300, 1, 350) == CustomerStatus::new_customer);
  // A recent first buyer who has been silent past twice the rhythm is at risk, not new.
  CHECK(status(300, 320, 2, 361) == CustomerStatus::at_risk);
  StatusOptions short_new;
  short_new.new_within_days = 30;
  CHECK(status(300, 320, 2, 350, NAN, short_new) == CustomerStatus::active);
}

TEST_CASE("status: won back after a lapse", "[status]") {
  // Five purchases, the last on day 500 after a 380-day gap; before it four purchases over
  // days 0..120: rhythm 40, so the gap was a lapse (> 4 x 40) and the customer came back.
  CHECK(status(0, 500, 5, 510, 380) == CustomerStatus::won_back);
  CHECK(status(0, 500, 5, 510, 100) == CustomerStatus::active);  // an ordinary gap
  CHECK(status(0, 500, 5, 510) == CustomerStatus::active);       // gap unknown: never won back
  // Two purchases: one earlier gap tells no rhythm, the population rhythm (50) judges it.
  CHECK(status(0, 300, 2, 310, 300) == CustomerStatus::won_back);
  CHECK(status(0, 150, 2, 160, 150) == CustomerStatus::active);  // 150 < 4 x 50
}

TEST_CASE("status: the rhythm floor keeps bursts from looking at risk", "[status]") {
  // Three purchases within two days: own rhythm 1 day, floored at 7; 13 days later the
  // gap is under 2 x 7.
  CHECK(status(100, 102, 3, 115) == CustomerStatus::new_customer);
  StatusOptions no_floor;
  no_floor.min_interval_days = 1;
  CHECK(status(100, 102, 3, 115, NAN, no_floor) == CustomerStatus::lapsed);
}

TEST_CASE("classify_status: population rhythm and counts", "[status]") {
  // Repeat customers with rhythms 10, 20 and 40 days: upper median 20 for one-timers.
  const std::vector<double> first = {0, 0, 0, 200, 360};
  const std::vector<double> last = {100, 200, 400, 200, 360};
  const std::vector<std::int64_t> purchases = {11, 11, 11, 1, 1};
  const StatusResult r = classify_status(first.data(), last.data(), purchases.data(), nullptr, 5, 410);
  CHECK(r.population_interval_days == 20);
  // Gaps 310 (> 4 x 10), 210 (> 4 x 20), 10 (< 2 x 40); one-timers 210 (> 4 x 20) and
  // 50 (> 2 x 20, not > 4 x 20).
  CHECK(r.status == std::vector<CustomerStatus>{CustomerStatus::lapsed, CustomerStatus::lapsed,
                                                CustomerStatus::active, CustomerStatus::lapsed,
                                                CustomerStatus::at_risk});
  CHECK(r.counts[static_cast<std::size_t>(CustomerStatus::lapsed)] == 3);
  CHECK(r.counts[static_cast<std::size_t>(CustomerStatus::at_risk)] == 1);

  // A given typical interval replaces the median.
  StatusOptions typical;
  typical.typical_interval_days = 100;
  CHECK(classify_status(first.data(), last.data(), purchases.data(), nullptr, 5, 410, typical).status[4] == CustomerStatus::new_customer);
}

TEST_CASE("classify_status rejects bad input naming the customer", "[status]") {
  const std::vector<double> first = {0, 10};
  const std::vector<double> last = {5, 3};
  const std::vector<std::int64_t> purchases = {2, 2};
  CHECK_THAT(error_of([&] { classify_status(first.data(), last.data(), purchases.data(), nullptr, 2, 20); }),
             Contains("customer 1") && Contains("before first"));
  const std::vector<double> ok_last = {5, 12};
  CHECK_THAT(error_of([&] { classify_status(first.data(), ok_last.data(), purchases.data(), nullptr, 2, 11); }),
             Contains("customer 1") && Contains("after as_of"));
  const std::vector<std::int64_t> none = {2, 0};
  CHECK_THAT(error_of([&] { classify_status(first.data(), ok_last.data(), none.data(), nullptr, 2, 20); }),
             Contains("customer 1: purchases = 0"));
  const std::vector<double> gaps = {1, 5};  // customer 1 spans only 2 days
  CHECK_THAT(error_of([&] { classify_status(first.data(), ok_last.data(), purchases.data(), gaps.data(), 2, 20); }),
             Contains("customer 1: gap_before_last"));
  const std::vector<std::int64_t> once = {1, 1};
  CHECK_THAT(error_of([&] { classify_status(first.data(), first.data(), once.data(), nullptr, 2, 20); }),
             Contains("typical_interval_days"));
  StatusOptions bad;
  bad.lapsed_multiple = 1;  // below at_risk_multiple
  CHECK_THAT(error_of([&] { status(0, 1, 2, 3, NAN, bad); }), Contains("lapsed_multiple"));
}

TEST_CASE("status on CDNOW master: every customer classified, one-timers never won back", "[status][cdnow]") {
  std::vector<double> first, last;
  std::vector<std::int64_t> purchases;
  for (const cdnow::Customer& c : cdnow::master()) {
    first.push_back(static_cast<double>(c.first));
    last.push_back(static_cast<double>(c.last));
    purchases.push_back(c.rows);
  }
  const StatusResult r = classify_status(first.data(), last.data(), purchases.data(), nullptr,
                                         first.size(), static_cast<double>(cdnow::end_day()));
  std::size_t total = 0;
  for (std::size_t c : r.counts) total += c;
  CHECK(total == first.size());
  // The cohort bought first in Q1 1997 and is observed to mid-1998: nobody is new.
  CHECK(r.counts[static_cast<std::size_t>(CustomerStatus::new_customer)] == 0);
  CHECK(r.counts[static_cast<std::size_t>(CustomerStatus::won_back)] == 0);  // no gaps given
  // A one-time buyer's gap is at least 15 months (first purchase in Q1 1997), past 4 x the
  // population rhythm, so all of them have lapsed.
  REQUIRE(4 * r.population_interval_days <
          static_cast<double>(cdnow::end_day() - cdnow::day_of(19970331)));
  std::size_t one_timers_not_lapsed = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    one_timers_not_lapsed += purchases[i] == 1 && r.status[i] != CustomerStatus::lapsed;
  }
  CHECK(one_timers_not_lapsed == 0);
}

TEST_CASE("relationship stages follow the documented rules", "[status]") {
  using S = CustomerStatus;
  using R = RelationshipStage;
  CHECK(stage_of(0, NAN, S::active, NAN) == R::awareness);         // prospect, no purchase
  CHECK(stage_of(10, 500, S::lapsed, 0.5) == R::dissolution);       // lapsed, whatever the trend
  CHECK(stage_of(10, 500, S::at_risk, -0.3) == R::dissolution);     // at risk and spending less
  CHECK(stage_of(10, 500, S::at_risk, NAN) == R::commitment);       // unknown trend: no decline
  CHECK(stage_of(2, 500, S::active, 0.5) == R::exploration);        // too few purchases
  CHECK(stage_of(5, 60, S::new_customer, 0.5) == R::exploration);   // too young
  CHECK(stage_of(5, 200, S::active, 0.15) == R::expansion);         // growing spend
  CHECK(stage_of(10, 400, S::active, 0.0) == R::commitment);        // long and steady
  CHECK(stage_of(10, 400, S::active, 0.15) == R::expansion);        // long but still growing
  CHECK(stage_of(5, 200, S::active, 0.0) == R::expansion);          // established, still young
  StageOptions patient;
  patient.commitment_days = 150;
  CHECK(stage_of(5, 200, S::active, 0.0, patient) == R::commitment);

  const std::vector<std::int64_t> purchases = {0, 3};
  const std::vector<double> tenure = {0, -1};
  const std::vector<S> status = {S::active, S::active};
  CHECK_THAT(error_of([&] { relationship_stages(purchases.data(), tenure.data(), status.data(), nullptr, 2); }),
             Contains("customer 1") && Contains("tenure_days"));
}

TEST_CASE("status and stage names round-trip; unknown names are errors", "[status]") {
  for (std::size_t s = 0; s < kStatusCount; ++s) {
    CHECK(parse_enum<CustomerStatus>(name_of(static_cast<CustomerStatus>(s))) == static_cast<CustomerStatus>(s));
  }
  for (std::size_t s = 0; s < kStageCount; ++s) {
    CHECK(parse_enum<RelationshipStage>(name_of(static_cast<RelationshipStage>(s))) == static_cast<RelationshipStage>(s));
  }
  CHECK(std::string(name_of(CustomerStatus::new_customer)) == "new");
  CHECK_THAT(error_of([] { parse_enum<CustomerStatus>("churned"); }), Contains("unknown customer status 'churned'"));
  CHECK_THAT(error_of([] { parse_enum<RelationshipStage>("marriage"); }), Contains("relationship stage"));
}
