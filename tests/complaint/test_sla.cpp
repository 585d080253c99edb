// Business calendars and SLA clocks on hand-built calendars. Expected instants are worked
// out by hand in the comments (Europe/Berlin: CET = UTC+1 until 2026-03-29 02:00, then
// CEST = UTC+2; Good Friday 2026-04-03 and Easter Monday 2026-04-06 are the holidays).
#include <catch2/catch.hpp>

#include "crmkit/complaint/sla.hpp"
#include "error_of.hpp"

using namespace crmkit::complaint;
using crmkit_test::error_of;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

BusinessCalendar berlin() {
  return BusinessCalendar("Europe/Berlin").holiday("2026-04-03").holiday(2026, 4, 6);
}

CaseEventRecord ev(const char* time, CaseEvent e, Channel channel = Channel::email) {
  CaseEventRecord r;
  r.time = parse_time(time);
  r.case_id = "C7";
  r.event = e;
  r.actor = "bo";
  r.channel = channel;
  return r;
}

SlaPolicy business(Seconds first_response_email) {
  SlaPolicy p;
  p.mode = ClockMode::business_time;
  p.calendar = berlin();
  p.first_response[static_cast<std::size_t>(Channel::email)] = first_response_email;
  return p;
}

}  // namespace

TEST_CASE("a reply target spanning a weekend and the spring DST change") {
  const BusinessCalendar cal = berlin();
  // Friday 2026-03-27 16:00 CET: one working hour left that day; the remaining 7 h start
  // Monday 09:00 CEST (07:00Z) and end 16:00 CEST = 14:00Z. A fixed +01:00 offset would
  // give 15:00Z.
  const Time from = parse_time("2026-03-27T15:00:00Z");
  CHECK(cal.add_working_time(from, hours(8)) == parse_time("2026-03-30T14:00:00Z"));
  CHECK(cal.working_time(from, parse_time("2026-03-30T14:00:00Z")) == hours(8));
  // Outside hours: from Saturday noon, one hour of work ends Monday 10:00 CEST.
  CHECK(cal.add_working_time(parse_time("2026-03-28T11:00:00Z"), hours(1)) == parse_time("2026-03-30T08:00:00Z"));
}

TEST_CASE("the DST day has 23 hours on a round-the-clock calendar") {
  BusinessCalendar cal("Europe/Berlin");
  for (int d = 0; d < 7; ++d) cal.hours(d, {0, 1440});
  // Local 2026-03-29 00:00 CET = 03-28T23:00Z to local 03-30 00:00 CEST = 03-29T22:00Z.
  CHECK(cal.working_time(parse_time("2026-03-28T23:00:00Z"), parse_time("2026-03-29T22:00:00Z")) == hours(23));
}

TEST_CASE("a reply target spanning the Easter holidays") {
  // Thursday 2026-04-02 15:00 CEST: 2 h that day; Friday and Monday are holidays, the
  // weekend is off; Tuesday 09:00 + 6 h = 15:00 CEST = 13:00Z.
  CHECK(berlin().add_working_time(parse_time("2026-04-02T13:00:00Z"), hours(8)) == parse_time("2026-04-07T13:00:00Z"));
}

TEST_CASE("a pause moves the due time and is kept when another policy is applied") {
  CaseBook book;
  book.apply(ev("2026-04-02T13:00:00Z", CaseEvent::open));
  book.apply(ev("2026-04-07T08:00:00Z", CaseEvent::wait));    // Tuesday 10:00 CEST
  book.apply(ev("2026-04-07T10:00:00Z", CaseEvent::resume));  // Tuesday 12:00 CEST
  const ComplaintCase& c = book.get("C7");

  // 8 h: Thursday 2 h, Tuesday 09-10 1 h, then from 12:00 five more: 17:00 CEST = 15:00Z.
  auto clocks = sla_clocks(c, business(hours(8)), parse_time("2026-04-07T14:00:00Z"));
  const SlaClock& first = clocks[0];
  CHECK(first.due == parse_time("2026-04-07T15:00:00Z"));
  // At 16:00 CEST: 2 + 1 + 4 = 7 h counted, 7/8 = 0.875 >= 0.8: a warning.
  CHECK(first.elapsed == hours(7));
  CHECK(first.status == ClockStatus::warning);
  CHECK(sla_clocks(c, business(hours(8)), parse_time("2026-04-07T11:00:00Z"))[0].status == ClockStatus::running);
  CHECK(sla_clocks(c, business(hours(8)), parse_time("2026-04-07T15:30:00Z"))[0].status == ClockStatus::breached);

  // Re-applied with 9 h: the pause still counts, so the last hour falls on Wednesday
  // 09:00-10:00 CEST (08:00Z); without the pause it would be Tuesday 16:00 CEST (14:00Z).
  CHECK(sla_clocks(c, business(hours(9)), parse_time("2026-04-07T14:00:00Z"))[0].due == parse_time("2026-04-08T08:00:00Z"));
}

TEST_CASE("clocks while waiting, after the response, and on calendar time") {
  CaseBook book;
  book.apply(ev("2026-03-27T15:00:00Z", CaseEvent::open, Channel::phone));
  // Calendar time: phone answers within 24 h, whatever the weekend: due Saturday 15:00Z.
  SlaPolicy plain;
  auto clocks = sla_clocks(book.get("C7"), plain, parse_time("2026-03-27T16:00:00Z"));
  CHECK(clocks[0].due == parse_time("2026-03-28T15:00:00Z"));
  CHECK(clocks[0].elapsed == hours(1));
  CHECK(clocks[1].status == ClockStatus::idle);  // next update waits for the first response
  // Resolution of a normal case: 168 h.
  CHECK(clocks[2].due == parse_time("2026-04-03T15:00:00Z"));

  book.apply(ev("2026-03-27T18:00:00Z", CaseEvent::wait));
  clocks = sla_clocks(book.get("C7"), plain, parse_time("2026-03-28T18:00:00Z"));
  CHECK(clocks[0].status == ClockStatus::paused);
  CHECK_FALSE(clocks[0].due.has_value());
  CHECK(clocks[0].elapsed == hours(3));

  book.apply(ev("2026-03-28T18:00:00Z", CaseEvent::resume));
  book.apply(ev("2026-03-28T19:00:00Z", CaseEvent::listen));
  clocks = sla_clocks(book.get("C7"), plain, parse_time("2026-03-28T20:00:00Z"));
  // 3 h before the pause + 1 h after it: met at 4 h of 24; the due time moved by the 24 h pause.
  CHECK(clocks[0].status == ClockStatus::met);
  CHECK(clocks[0].elapsed == hours(4));
  CHECK(clocks[0].due == parse_time("2026-03-29T15:00:00Z"));
  CHECK(clocks[1].start == parse_time("2026-03-28T19:00:00Z"));
  CHECK(clocks[1].due == parse_time("2026-03-31T19:00:00Z"));  // next update: 72 h
  CHECK_FALSE(breached(clocks));
}

TEST_CASE("chat answers immediately: a response a minute later is late") {
  CaseBook book;
  book.apply(ev("2026-03-27T15:00:00Z", CaseEvent::open, Channel::chat));
  book.apply(ev("2026-03-27T15:01:00Z", CaseEvent::listen));
  const auto clocks = sla_clocks(book.get("C7"), SlaPolicy{}, parse_time("2026-03-27T15:02:00Z"));
  CHECK(clocks[0].status == ClockStatus::late);
  CHECK(clocks[0].elapsed == minutes(1));
  CHECK(breached(clocks));
}

TEST_CASE("calendar errors name the zone, the hours and the empty calendar") {
  CHECK_THAT(error_of([] { BusinessCalendar("Europe/Atlantis"); }), Catch::Contains("time zone 'Europe/Atlantis'"));
  CHECK_THAT(error_of([] { BusinessCalendar().hours(3, {600, 540}); }), Catch::Contains("weekday 3 are minutes 600..540"));
  CHECK_THAT(error_of([] { BusinessCalendar().holiday("2026-13-01"); }), Catch::Contains("holiday '2026-13-01'"));
  BusinessCalendar closed;
  for (int d = 0; d < 7; ++d) closed.hours(d, {0, 0});
  CHECK_THAT(error_of([&] { closed.add_working_time(parse_time("2026-01-01T00:00:00Z"), hours(1)); }),
             Catch::Contains("no answer within the ten years after 2026-01-01T00:00:00Z"));
  CaseBook book;
  book.apply(ev("2026-03-27T15:00:00Z", CaseEvent::open));
  CHECK_THAT(error_of([&] { sla_clocks(book.get("C7"), SlaPolicy{}, parse_time("2026-03-27T14:00:00Z")); }),
             Catch::Contains("before its latest event"));
}
