// Contact-centre KPIs on a hand-built log, every figure computed by hand in the comments.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/contact/kpi.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"
#include "error_of.hpp"

using namespace crmkit::contact;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

const double kNaN = std::nan("");

// The log, times in seconds after 2026-11-24 09:00:00 (the start of a half-hour interval).
// Channels: 1 phone, 2 chat. Agents 7 and 8.
//  #  ch agent arrival answered abandoned end  ivr transf resolved sat   wait  handle
//  0  1  7       0     10        -      190   0   0      1        5     10    180
//  1  1  8      60     90        -      390   0   1      0        3     30    300
//  2  1  -     100      -      103        -   0   0      0        -      3 (short)
//  3  1  -     200      -      260        -   0   0      0        -     60
//  4  1  -     300      -        -        -   1   0      0        -     (voice system)
//  5  2  7     400    400        -      520   0   0      1        4      0    120
//  6  1  7    1900   1915        -     2155   0   0      1        -     15    240  (2nd interval)
//  7  2  -    2000      -     2015        -   0   0      0        -     15
struct Log {
  double base = crmkit::io::parse_time("2026-11-24 09:00:00");
  std::vector<std::int64_t> channel{1, 1, 1, 1, 1, 2, 1, 2}, agent{7, 8, -1, -1, -1, 7, 7, -1};
  std::vector<double> arrival = at({0, 60, 100, 200, 300, 400, 1900, 2000});
  std::vector<double> answered = at({10, 90, kNaN, kNaN, kNaN, 400, 1915, kNaN});
  std::vector<double> abandoned = at({kNaN, kNaN, 103, 260, kNaN, kNaN, kNaN, 2015});
  std::vector<double> end = at({190, 390, kNaN, kNaN, kNaN, 520, 2155, kNaN});
  std::vector<std::uint8_t> ivr{0, 0, 0, 0, 1, 0, 0, 0}, transferred{0, 1, 0, 0, 0, 0, 0, 0};
  std::vector<std::uint8_t> resolved{1, 0, 0, 0, 0, 1, 1, 0};
  std::vector<double> satisfaction{5, 3, kNaN, kNaN, kNaN, 4, kNaN, kNaN};

  std::vector<double> at(std::vector<double> seconds) const {
    for (double& s : seconds) s = base + s / 86400;  // NaN stays NaN
    return seconds;
  }
  ContactColumns columns() const {
    return ContactColumns{channel.size(), channel.data(), agent.data(), arrival.data(), answered.data(),
                          abandoned.data(), end.data(), ivr.data(), transferred.data(), resolved.data(),
                          satisfaction.data()};
  }
};

KpiOptions with(ServiceLevelDefinition d) {
  KpiOptions o;
  o.definition = d;
  return o;
}

}  // namespace

TEST_CASE("every KPI of the hand-built log", "[kpi]") {
  const Log log;
  const KpiFigures f = contact_kpis(log.columns());
  CHECK(f.contacts == 8);
  CHECK(f.ivr_contained == 1);      // #4
  CHECK(f.offered == 7);            // 8 - 1
  CHECK(f.answered == 4);           // #0, 1, 5, 6
  CHECK(f.abandoned == 3);          // #2, 3, 7
  CHECK(f.short_abandoned == 1);    // #2 waited 3 s < 5 s
  CHECK(f.answered_within == 3);    // waits 10, 0, 15 <= 20 (#1 waited 30)
  CHECK(f.abandoned_within == 2);   // #2 (3 s), #7 (15 s)
  CHECK(f.delayed == 6);            // every offered contact but #5 (answered at once)
  CHECK(f.transferred == 1);
  CHECK(f.resolved == 3);
  CHECK(f.satisfaction_responses == 3);
  CHECK(f.wait_seconds == 55);      // 10 + 30 + 0 + 15
  CHECK(f.handle_seconds == 840);   // 180 + 300 + 120 + 240
  CHECK(f.staffed_seconds == 5400); // (agent 7, 1st), (8, 1st), (7, 2nd): 3 x 1800
  CHECK(f.abandonment_rate == Approx(3.0 / 7));
  CHECK(f.abandonment_rate_excluding_short == Approx(2.0 / 6));
  CHECK(f.service_level == Approx(3.0 / 7));  // "offered", the default
  CHECK(f.asa == Approx(55.0 / 4));
  CHECK(f.aht == Approx(210));
  CHECK(f.busy_rate == Approx(6.0 / 7));
  CHECK(f.occupancy == Approx(840.0 / 5400));
  CHECK(f.first_contact_resolution == Approx(3.0 / 4));
  CHECK(f.containment == Approx(1.0 / 8));
  CHECK(f.transfer_rate == Approx(1.0 / 4));
  CHECK(f.satisfaction == Approx(4));  // (5 + 3 + 4) / 3
}

TEST_CASE("the service level under each of its definitions", "[kpi]") {
  const Log log;
  const auto sl = [&](ServiceLevelDefinition d) { return contact_kpis(log.columns(), with(d)).service_level; };
  CHECK(sl(ServiceLevelDefinition::offered) == Approx(3.0 / 7));             // 3 within / 7 offered
  CHECK(sl(ServiceLevelDefinition::answered) == Approx(3.0 / 4));            // 3 within / 4 answered
  CHECK(sl(ServiceLevelDefinition::offered_less_short) == Approx(3.0 / 6));  // 7 - 1 short abandon
  CHECK(sl(ServiceLevelDefinition::abandoned_within_met) == Approx(5.0 / 7)); // (3 + 2) / 7
  CHECK(crmkit::name_of(ServiceLevelDefinition::offered_less_short) == std::string("offered-less-short"));
  CHECK(crmkit::parse_enum<ServiceLevelDefinition>("abandoned-within-met") ==
        ServiceLevelDefinition::abandoned_within_met);
  CHECK_THAT(error_of([] { crmkit::parse_enum<ServiceLevelDefinition>("within"); }),
             Contains("unknown service level definition 'within'"));
  // A longer threshold: #1's 30 s now counts (4 within of 7 offered).
  KpiOptions o;
  o.answer_within = 30;
  CHECK(contact_kpis(log.columns(), o).service_level == Approx(4.0 / 7));
}

TEST_CASE("KPIs per channel, agent and interval", "[kpi]") {
  const Log log;
  const std::vector<KpiGroup> channels = contact_kpis_by(log.columns(), KpiGrouping::channel);
  REQUIRE(channels.size() == 2);
  // Phone: #0-4 and #6: 1 contained, 5 offered, answered #0, 1, 6, abandoned #2, 3.
  CHECK(channels[0].key == 1);
  CHECK(std::isnan(channels[0].start));
  CHECK(channels[0].figures.offered == 5);
  CHECK(channels[0].figures.service_level == Approx(2.0 / 5));  // #0 (10 s), #6 (15 s)
  CHECK(channels[0].figures.asa == Approx(55.0 / 3));           // (10 + 30 + 15) / 3
  CHECK(channels[0].figures.aht == Approx(240));                // (180 + 300 + 240) / 3
  CHECK(channels[0].figures.containment == Approx(1.0 / 6));
  // Chat: #5 answered at once, #7 abandoned after 15 s.
  CHECK(channels[1].key == 2);
  CHECK(channels[1].figures.service_level == Approx(0.5));
  CHECK(channels[1].figures.asa == 0);
  CHECK(channels[1].figures.abandonment_rate == Approx(0.5));

  const std::vector<KpiGroup> agents = contact_kpis_by(log.columns(), KpiGrouping::agent);
  REQUIRE(agents.size() == 3);
  CHECK(agents[0].key == -1);  // the abandoned and contained contacts
  CHECK(agents[0].figures.contacts == 4);
  CHECK(std::isnan(agents[0].figures.asa));  // nothing answered
  CHECK(agents[1].key == 7);
  CHECK(agents[1].figures.answered == 3);
  CHECK(agents[1].figures.occupancy == Approx(540.0 / 3600));  // 180 + 120 + 240 over 2 intervals
  CHECK(agents[1].figures.first_contact_resolution == 1);
  CHECK(agents[2].key == 8);
  CHECK(agents[2].figures.occupancy == Approx(300.0 / 1800));
  CHECK(agents[2].figures.transfer_rate == 1);

  const std::vector<KpiGroup> intervals = contact_kpis_by(log.columns(), KpiGrouping::interval);
  REQUIRE(intervals.size() == 2);
  CHECK(intervals[0].start == Approx(log.base).epsilon(1e-15));
  CHECK(intervals[1].key == intervals[0].key + 1);
  // 09:00-09:30: #0-5; offered 5, within 2 (#0, #5); handle 600 over agents 7 and 8.
  CHECK(intervals[0].figures.contacts == 6);
  CHECK(intervals[0].figures.service_level == Approx(2.0 / 5));
  CHECK(intervals[0].figures.occupancy == Approx(600.0 / 3600));
  // 09:30-10:00: #6 answered in 15 s, #7 abandoned.
  CHECK(intervals[1].figures.service_level == Approx(0.5));
  CHECK(intervals[1].figures.occupancy == Approx(240.0 / 1800));
}

TEST_CASE("bad log rows are named: contact and field", "[kpi]") {
  const auto message = [](auto&& spoil) {
    Log log;
    spoil(log);
    return error_of([&] { contact_kpis(log.columns()); });
  };
  CHECK_THAT(message([](Log& l) { l.answered[1] = l.base + 50.0 / 86400; }),
             Contains("contact 1: answered 2026-11-24 09:00:50 is before arrival 2026-11-24 09:01:00"));
  CHECK_THAT(message([](Log& l) { l.abandoned[3] = l.base + 100.0 / 86400; }),
             Contains("contact 3: abandoned 2026-11-24 09:01:40 is before arrival"));
  CHECK_THAT(message([](Log& l) { l.end[0] = l.base + 5.0 / 86400; }), Contains("contact 0: end"));
  CHECK_THAT(message([](Log& l) { l.end[0] = kNaN; }), Contains("contact 0: answered but without an end time"));
  CHECK_THAT(message([](Log& l) { l.abandoned[0] = l.end[0]; }), Contains("contact 0: both answered and abandoned"));
  CHECK_THAT(message([](Log& l) { l.abandoned[2] = kNaN; }), Contains("contact 2: offered to the agents"));
  CHECK_THAT(message([](Log& l) { l.ivr[0] = 1; }), Contains("contact 0: contained in the voice system"));
  CHECK_THAT(message([](Log& l) { l.transferred[5] = 2; }), Contains("contact 5: transferred = 2: must be 0 or 1"));
  CHECK_THAT(message([](Log& l) { l.arrival[6] = kNaN; }),
             Contains("contact 6: arrival is not a day number within the years 0001-9999"));
  // Found by fuzz/capi_fuzzer (corpus capi/kpi_arrival_out_of_range): an arrival of
  // -8.4e35 days overflowed the interval number (undefined behaviour) instead of an error.
  CHECK_THAT(message([](Log& l) { l.arrival[6] = -8.41519e35; }),
             Contains("contact 6: arrival is not a day number within the years 0001-9999"));
  // 10000-01-01 (day 2932897) is the first day refused; answered and end likewise.
  CHECK_THAT(message([](Log& l) { l.arrival[6] = 2932897; }), Contains("contact 6: arrival is not a day number"));
  CHECK_THAT(message([](Log& l) { l.end[0] = 1e300; }), Contains("contact 0: end is not a day number"));
  CHECK_THAT(message([](Log& l) { l.satisfaction[0] = INFINITY; }), Contains("contact 0: satisfaction"));
  Log log;
  ContactColumns c = log.columns();
  c.arrival = nullptr;
  CHECK_THAT(error_of([&] { contact_kpis(c); }), Contains("arrival column is null"));
  KpiOptions o;
  o.interval = 0;
  CHECK_THAT(error_of([&] { contact_kpis(log.columns(), o); }), Contains("interval"));
  // An empty log: counts 0, rates NaN.
  const KpiFigures none = contact_kpis(ContactColumns{});
  CHECK(none.contacts == 0);
  CHECK(std::isnan(none.service_level));
}
