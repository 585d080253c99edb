// Required agents, shrinkage and staffing plans.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/contact/staffing.hpp"
#include "crmkit/error.hpp"
#include "error_of.hpp"

using namespace crmkit::contact;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

const Workload kExample{100, 1800, 180};  // 10 Erlangs

StaffingTargets service_level(double share) {
  StaffingTargets t;
  t.service_level = share;
  return t;
}

}  // namespace

TEST_CASE("the worked example: 14 agents, 20 scheduled at 30% shrinkage", "[staffing]") {
  StaffingOptions o;
  o.shrinkage = 0.3;
  const Staffing s = required_agents(kExample, service_level(0.8), o);
  CHECK(s.agents == 14);  // 13 give 0.7955948 < 0.8, 14 give 0.8883500
  CHECK(s.scheduled == 20);
  CHECK(s.metrics.service_level == Approx(0.8883500).margin(5e-8));
  CHECK(s.metrics.asa == Approx(7.835937).margin(5e-7));
}

TEST_CASE("shrinkage rounds up, but not past a whole number made inexact by doubles", "[staffing]") {
  CHECK(21 / (1 - 0.3) > 30);  // 30.000000000000004 in doubles
  CHECK(scheduled_agents(21, 0.3) == 30);
  CHECK(scheduled_agents(14, 0.3) == 20);
  CHECK(scheduled_agents(22, 0.3) == 32);  // 31.43 -> 32
  CHECK(scheduled_agents(10, 0) == 10);
  CHECK(scheduled_agents(0, 0.5) == 0);
  CHECK(scheduled_agents(1, 0.5) == 2);
  CHECK(scheduled_agents(7, 0.125) == 8);  // exactly 8
  CHECK_THAT(error_of([] { scheduled_agents(10, 1); }), Contains("shrinkage = 1: must be in [0, 1)"));
  CHECK_THAT(error_of([] { scheduled_agents(10, -0.1); }), Contains("shrinkage = -0.1"));
}

TEST_CASE("ASA and occupancy targets, alone and together", "[staffing]") {
  // ASA = C AHT / (N - A): 13 agents give 0.2853 x 180 / 3 = 17.1 s, 14 give 7.84 s, 15 give
  // 0.0990 x 180 / 5 = 3.56 s (erlang_c.py values for 13 and 14; 15 from the same formula).
  StaffingTargets asa;
  asa.service_level.reset();
  asa.asa = 10;
  CHECK(required_agents(kExample, asa).agents == 14);
  asa.asa = 5;
  CHECK(required_agents(kExample, asa).agents == 15);
  // Occupancy A / N <= 0.7: N >= 14.29, so 15.
  StaffingTargets occ;
  occ.service_level.reset();
  occ.max_occupancy = 0.7;
  CHECK(required_agents(kExample, occ).agents == 15);
  occ.max_occupancy = 10.0 / 12;  // exactly met at 12 agents
  CHECK(required_agents(kExample, occ).agents == 12);
  // All three: the strictest wins.
  StaffingTargets all = service_level(0.8);
  all.asa = 5;
  all.max_occupancy = 0.9;
  CHECK(required_agents(kExample, all).agents == 15);
}

TEST_CASE("required agents at 1,000 Erlangs is the smallest N meeting the target", "[staffing]") {
  const Workload big{10000, 1800, 180};  // 1,000 Erlangs
  for (double target : {0.5, 0.8, 0.95, 0.99}) {
    const Staffing s = required_agents(big, service_level(target));
    INFO("target " << target << ": " << s.agents);
    CHECK(s.metrics.service_level >= target);
    CHECK(evaluate(s.agents - 1, big).service_level < target);
    CHECK(s.agents > 1000);
    CHECK(s.agents < 1100);
  }
}

TEST_CASE("Erlang A staffing: the smallest N, possibly below the traffic", "[staffing]") {
  StaffingOptions o;
  o.queue.model = QueueModel::erlang_a;
  o.queue.patience = 120;
  const Staffing s = required_agents(kExample, service_level(0.8), o);
  CHECK(s.metrics.service_level >= 0.8);
  CHECK(evaluate(s.agents - 1, kExample, o.queue).service_level < 0.8);
  // Impatient callers leave the queue, so no more agents than Erlang C's 14 are needed.
  CHECK(s.agents <= 14);
  // A 30% service level is met below the 10 Erlangs (Erlang C could not even evaluate it).
  const Staffing low = required_agents(kExample, service_level(0.3), o);
  CHECK(low.agents <= 10);
  CHECK(low.metrics.service_level >= 0.3);
  CHECK(evaluate(low.agents - 1, kExample, o.queue).service_level < 0.3);
}

TEST_CASE("a staffing plan over intervals of different lengths, totals by hand", "[staffing]") {
  // Interval 1: the worked example (30 min, 10 Erlangs -> 14 agents, SL 0.8883500).
  // Interval 2: night, no calls -> no agents. Interval 3: 1 hour of 200 calls at 180 s = the
  // same 10 Erlangs -> 14 agents and the same service level.
  const std::vector<double> calls{100, 0, 200}, length{1800, 1800, 3600}, aht{180, 180, 180};
  StaffingOptions o;
  o.shrinkage = 0.3;
  const StaffingPlan plan = staffing_plan(calls.data(), length.data(), aht.data(), 3, service_level(0.8), o);
  REQUIRE(plan.intervals.size() == 3);
  CHECK(plan.intervals[0].agents == 14);
  CHECK(plan.intervals[1].agents == 0);
  CHECK(std::isnan(plan.intervals[1].metrics.service_level));
  CHECK(plan.intervals[2].agents == 14);
  CHECK(plan.totals.calls == 300);
  CHECK(plan.totals.agent_hours == Approx(14 * 0.5 + 14 * 1.0));  // 21 agent hours
  CHECK(plan.totals.scheduled_hours == Approx(20 * 0.5 + 20 * 1.0));
  CHECK(plan.totals.peak_agents == 14);
  CHECK(plan.totals.peak_scheduled == 20);
  CHECK(plan.totals.service_level == Approx(0.8883500).margin(5e-8));
  CHECK(plan.totals.asa == Approx(7.835937).margin(5e-7));
  CHECK(plan.totals.occupancy == Approx(10.0 / 14).epsilon(1e-12));
}

TEST_CASE("staffing errors name the target, the option or the interval", "[staffing]") {
  CHECK_THAT(error_of([] { required_agents(kExample, service_level(1.2)); }),
             Contains("service level target = 1.2: must be in [0, 1]"));
  CHECK_THAT(error_of([] { required_agents(kExample, service_level(-0.1)); }), Contains("[0, 1]"));
  CHECK(StaffingTargets{}.service_level == 0.8);  // 80/20 unless told otherwise
  StaffingTargets none;
  none.service_level.reset();
  CHECK_THAT(error_of([&] { required_agents(kExample, none); }), Contains("no staffing target"));
  StaffingTargets occ;
  occ.max_occupancy = 0;
  CHECK_THAT(error_of([&] { required_agents(kExample, occ); }), Contains("maximum occupancy = 0"));
  StaffingOptions o;
  o.shrinkage = 1;
  CHECK_THAT(error_of([&] { required_agents(kExample, service_level(0.8), o); }), Contains("shrinkage = 1"));
  CHECK_THAT(error_of([] { required_agents(Workload{100, 1800, -3}, service_level(0.8)); }), Contains("aht = -3"));
  const std::vector<double> calls{100, -1}, length{1800, 1800}, aht{180, 180};
  CHECK_THAT(error_of([&] { staffing_plan(calls.data(), length.data(), aht.data(), 2, service_level(0.8)); }),
             Contains("interval 2: calls = -1"));
  const std::vector<double> calls2{100, 50}, aht2{180, 0};
  CHECK_THAT(error_of([&] { staffing_plan(calls2.data(), length.data(), aht2.data(), 2, service_level(0.8)); }),
             Contains("interval 2: aht = 0"));
}
