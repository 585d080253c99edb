// Porter's value chain template: nine activities, margins per activity and for the firm.
#include <catch2/catch.hpp>

#include "crmkit/process/value_chain.hpp"
#include "error_of.hpp"

using namespace crmkit::process;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

TEST_CASE("value chain: the template's nine activities and their margins", "[process]") {
  CHECK(crmkit::name_of(Activity::marketing_and_sales) == std::string("marketing-and-sales"));
  CHECK(is_primary(Activity::service));
  CHECK(!is_primary(Activity::firm_infrastructure));
  // Operations: cost 50 in two entries (30 + 20), value 80; service 10 / 30; procurement 5.
  const ValueChain c = value_chain({{Activity::operations, 30, 80},
                                    {Activity::service, 10, 30},
                                    {Activity::operations, 20, 0},
                                    {Activity::procurement, 5, 0}});
  REQUIRE(c.activities.size() == 9);
  CHECK(c.activities[1].activity == Activity::operations);
  CHECK(c.activities[1].cost == 50);
  CHECK(c.activities[1].margin == 30);
  CHECK(c.activities[4].margin == 20);
  CHECK(c.activities[8].margin == -5);
  CHECK(!c.activities[8].primary);
  CHECK(c.activities[0].cost == 0);
  CHECK(c.cost == 65);
  CHECK(c.value == 110);
  CHECK(c.margin == 45);
  CHECK(c.margin_ratio == Approx(45.0 / 110));
  CHECK(c.activities[1].cost_share == Approx(50.0 / 65));
  CHECK(error_of([&] { value_chain({{Activity::service, -1, 0}}); }) ==
        "value chain entry 0 (service): cost -1.000000 is not a non-negative amount");
  CHECK_THAT(error_of([&] { value_chain({{static_cast<Activity>(9), 1, 0}}); }), Contains("value chain entry 0 is 9"));
}
