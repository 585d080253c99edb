#include <catch2/catch.hpp>

#include <set>
#include <utility>

#include "crmkit/complaint/case.hpp"
#include "error_of.hpp"

using namespace crmkit::complaint;
using crmkit::name_of;
using crmkit_test::error_of;

namespace {

const Time t0 = parse_time("2026-03-02T09:00:00Z");

CaseEventRecord ev(CaseEvent e, int minute, std::string note = "", std::string department = "") {
  CaseEventRecord r;
  r.time = t0 + std::chrono::minutes(minute);
  r.case_id = "C1";
  r.event = e;
  r.actor = "ann";
  r.note = std::move(note);
  r.department = std::move(department);
  return r;
}

// The events that bring a fresh case into `target` (each state's shortest path, by hand).
std::vector<CaseEventRecord> path_to(CaseState target) {
  using E = CaseEvent;
  std::vector<CaseEventRecord> p{ev(E::open, 0)};
  const E steps[] = {E::listen, E::share, E::probe, E::check, E::act, E::satisfy};
  const int step_count = target <= CaseState::satisfying ? static_cast<int>(target)
                         : (target == CaseState::closed || target == CaseState::reopened) ? 6 : 0;
  for (int i = 0; i < step_count; ++i) p.push_back(ev(steps[i], i + 1));
  if (target == CaseState::closed || target == CaseState::reopened) p.push_back(ev(E::close, 10, "customer accepted"));
  if (target == CaseState::reopened) p.push_back(ev(E::reopen, 11));
  if (target == CaseState::waiting) p.push_back(ev(E::wait, 1));
  if (target == CaseState::transferred) p.push_back(ev(E::transfer, 1, "billing takes over", "billing"));
  if (target == CaseState::escalated) p.push_back(ev(E::escalate, 1, "manager takes over", "management"));
  if (target == CaseState::rejected) p.push_back(ev(E::reject, 1, "not our product"));
  if (target == CaseState::withdrawn) p.push_back(ev(E::withdraw, 1));
  return p;
}

CaseBook book_in(CaseState s) {
  CaseBook book;
  for (const CaseEventRecord& e : path_to(s)) book.apply(e);
  REQUIRE(book.get("C1").state == s);
  return book;
}

// An event with every field its transition needs, at a later time.
CaseEventRecord complete(CaseEvent e) { return ev(e, 100, "note to the customer", "quality"); }

}  // namespace

TEST_CASE("the six steps in order take a case from received to closed") {
  CaseBook book;
  const CaseState expected[] = {CaseState::received, CaseState::listening, CaseState::sharing, CaseState::probing,
                                CaseState::checking, CaseState::acting, CaseState::satisfying, CaseState::closed};
  const auto p = path_to(CaseState::closed);
  REQUIRE(p.size() == 8);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(book.apply(p[i]).state == expected[i]);
  const ComplaintCase& c = book.get("C1");
  CHECK(c.first_response == t0 + std::chrono::minutes(1));
  CHECK(c.closed == t0 + std::chrono::minutes(10));
  REQUIRE(c.audit.size() == 8);
  CHECK(c.audit[3].before == CaseState::sharing);
  CHECK(c.audit[3].after == CaseState::probing);
  CHECK(c.audit[3].actor == "ann");
}

TEST_CASE("the transition table has the rows counted by hand") {
  // 6 steps + close; 7 steps x (wait, transfer, escalate, withdraw) + reject from the first
  // five; waiting: resume, withdraw; 3 handed-over states x (listen, transfer, escalate,
  // withdraw); reopen: 7 + 28 + 5 + 2 + 12 + 1 = 55.
  CHECK(transitions().size() == 55);
  std::set<std::pair<CaseState, CaseEvent>> seen;
  for (const Transition& t : transitions()) CHECK(seen.insert({t.from, t.event}).second);
}

TEST_CASE("every transition in the table is taken") {
  for (const Transition& t : transitions()) {
    CAPTURE(name_of(t.from), name_of(t.event));
    CaseBook book = book_in(t.from);
    const ComplaintCase& c = book.apply(complete(t.event));
    // resume returns to where the case waited: path_to(waiting) waits from received.
    CHECK(c.state == (t.event == CaseEvent::resume ? CaseState::received : t.to));
    CHECK(c.audit.back().before == t.from);
  }
}

TEST_CASE("every event outside the table is refused, naming case, state and event, and changes nothing") {
  for (int s = 0; s < static_cast<int>(names(CaseState{}).size()); ++s) {
    const auto state = static_cast<CaseState>(s);
    for (int k = 0; k < static_cast<int>(names(CaseEvent{}).size()); ++k) {
      const auto event = static_cast<CaseEvent>(k);
      bool allowed = false;
      for (const Transition& t : transitions()) allowed = allowed || (t.from == state && t.event == event);
      if (allowed) continue;
      CAPTURE(name_of(state), name_of(event));
      CaseBook book = book_in(state);
      const std::size_t audit = book.get("C1").audit.size();
      const std::string message = error_of([&] { book.apply(complete(event)); });
      CHECK_THAT(message, Catch::Contains("case 'C1'"));
      CHECK_THAT(message, Catch::Contains(name_of(state)));
      CHECK_THAT(message, Catch::Contains(std::string("'") + name_of(event) + "'"));
      CHECK(book.get("C1").state == state);
      CHECK(book.get("C1").audit.size() == audit);
    }
  }
}

TEST_CASE("closing needs acceptance or a final decision; transfers need the receiving unit") {
  CaseBook book = book_in(CaseState::satisfying);
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::close, 50)); }), Catch::Contains("needs a note"));
  CHECK(book.get("C1").state == CaseState::satisfying);
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::transfer, 50, "over to you")); }),
             Catch::Contains("needs the receiving department"));
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::escalate, 50, "", "management")); }),
             Catch::Contains("event 'escalate' needs a note (the hand-over note to the customer)"));
  CHECK_THAT(error_of([&] { book_in(CaseState::received).apply(ev(CaseEvent::reject, 5)); }),
             Catch::Contains("needs a note"));
  // Skipping from acting straight to closed is not a transition.
  CHECK_THAT(error_of([&] { book_in(CaseState::acting).apply(complete(CaseEvent::close)); }),
             Catch::Contains("is in state acting: event 'close' is not allowed (allowed: satisfy, wait"));
}

TEST_CASE("reopening works inside the window only; afterwards a follow-up case is asked for") {
  CasePolicy policy;
  policy.reopen_window = std::chrono::hours(24 * 7);
  CaseBook book(policy);
  for (const CaseEventRecord& e : path_to(CaseState::closed)) book.apply(e);
  // Closed at minute 10; seven days later plus a minute is outside the window.
  CaseEventRecord late = ev(CaseEvent::reopen, 10 + 7 * 24 * 60 + 1);
  CHECK_THAT(error_of([&] { book.apply(late); }), Catch::Contains("open a follow-up case"));
  CaseEventRecord in_time = ev(CaseEvent::reopen, 10 + 7 * 24 * 60);
  CHECK(book.apply(in_time).state == CaseState::reopened);
  CHECK(book.get("C1").reopen_count == 1);
  CHECK_FALSE(book.get("C1").closed.has_value());
}

TEST_CASE("waiting pauses and resume returns to the step it left") {
  CaseBook book = book_in(CaseState::probing);
  book.apply(ev(CaseEvent::wait, 20));
  CHECK(book.apply(ev(CaseEvent::resume, 80)).state == CaseState::probing);
  const auto& pauses = book.get("C1").pauses;
  REQUIRE(pauses.size() == 1);
  CHECK(pauses[0].start == t0 + std::chrono::minutes(20));
  CHECK(pauses[0].end == t0 + std::chrono::minutes(80));
}

TEST_CASE("bad events: unknown case, second open, time going backwards, no actor") {
  CaseBook book;
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::listen, 0)); }),
             Catch::Contains("case 'C1' does not exist: event 'listen' needs an 'open' first"));
  book.apply(ev(CaseEvent::open, 10));
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::open, 11)); }), Catch::Contains("already exists in state received"));
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::listen, 5)); }),
             Catch::Contains("at 2026-03-02T09:05:00Z is earlier than the case's latest event at 2026-03-02T09:10:00Z"));
  CaseEventRecord anonymous = ev(CaseEvent::listen, 20);
  anonymous.actor.clear();
  CHECK_THAT(error_of([&] { book.apply(anonymous); }), Catch::Contains("has no actor"));
}

TEST_CASE("times: UTC, offsets and the error for anything else") {
  // 16:00 at +01:00 is 15:00 UTC.
  CHECK(parse_time("2026-03-27T16:00:00+01:00") == parse_time("2026-03-27T15:00:00Z"));
  CHECK(parse_time("2026-03-27 15:00:00") == parse_time("2026-03-27T15:00:00Z"));
  // 2026-03-27 is day 20539 since 1970-01-01 (56 years incl. 14 leap days = 20454, +85).
  CHECK(parse_time("2026-03-27T00:00:00Z").time_since_epoch().count() == 20539LL * 86400);
  CHECK(format_time(parse_time("2026-03-27T15:00:00Z")) == "2026-03-27T15:00:00Z");
  CHECK_THAT(error_of([] { parse_time("27/03/2026"); }), Catch::Contains("time '27/03/2026' is not of the form"));
  // 14:00 at -01:00 is 15:00 UTC.
  CHECK(parse_time("2026-03-27T14:00:00-01:00") == parse_time("2026-03-27T15:00:00Z"));
  // Found by fuzz/events_fuzzer (corpus events/broken_offset.csv): a broken offset made
  // date.h negate its "no offset" value, a signed overflow, before the error.
  CHECK_THAT(error_of([] { parse_time("2026-03-02T10:30:0-CZ10"); }), Catch::Contains("is not of the form"));
  CHECK_THAT(error_of([] { parse_time("2026-03-02T10:30:00-1"); }), Catch::Contains("is not of the form"));
  // Also found by fuzz/events_fuzzer (corpus events/broken_minutes.csv): a time breaking off
  // in its minutes made date.h convert an uninitialised seconds value.
  CHECK_THAT(error_of([] { parse_time("+2026-03-02T09:+0:00Z"); }), Catch::Contains("is not of the form"));
  CHECK_THAT(error_of([] { parse_time("2026-03-02T09:+0:00Z"); }), Catch::Contains("is not of the form"));
  CHECK_THAT(error_of([] { parse_time("2026-03-02T09:00:00 "); }), Catch::Contains("is not of the form"));
  // Found by fuzz/events_fuzzer (corpus events/nul_in_time.csv): a NUL in the quoted time
  // cut the message off after the NUL wherever it was copied as a C string; control bytes
  // are written as \xNN so the whole message survives.
  const std::string message = error_of([] { parse_time(std::string("9999-12-3\0\0`@\x01\x32", 15)); });
  CHECK(message.find('\0') == std::string::npos);
  CHECK_THAT(message, Catch::StartsWith("time '9999-12-3\\x00\\x00`@\\x012' is not of the form"));
}

TEST_CASE("a late reopen is refused; a follow-up case links to the finished one both ways") {
  CasePolicy policy;
  policy.reopen_window = std::chrono::hours(24);
  CaseBook book(policy);
  for (const CaseEventRecord& e : path_to(CaseState::closed)) book.apply(e);
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::reopen, 10 + 24 * 60 + 1)); }),
             Catch::Contains("open a follow-up case instead (event 'open' with follows = 'C1')"));
  CaseEventRecord follow = ev(CaseEvent::open, 10 + 24 * 60 + 1);
  follow.case_id = "C2";
  follow.follows = "C1";
  CHECK(book.apply(follow).follows == "C1");
  CHECK(book.get("C1").follow_ups == std::vector<std::string>{"C2"});
  CHECK(book.get("C1").state == CaseState::closed);
  // Following up an unknown case, an open one, or itself is refused; nothing is created.
  CaseEventRecord bad = follow;
  bad.case_id = "C3";
  bad.follows = "nobody";
  CHECK_THAT(error_of([&] { book.apply(bad); }), Catch::Contains("follows up case 'nobody', which does not exist"));
  bad.follows = "C2";
  CHECK_THAT(error_of([&] { book.apply(bad); }),
             Catch::Contains("follows up case 'C2', which is in state received (a follow-up is for a finished case)"));
  bad.follows = "C3";
  CHECK_THAT(error_of([&] { book.apply(bad); }), Catch::Contains("itself"));
  CHECK(book.find("C3") == nullptr);
  CHECK(book.get("C1").follow_ups.size() == 1);
}

TEST_CASE("the three changes: an escalation makes those the policy asks for, a change of person holds") {
  CasePolicy policy;
  policy.escalation_changes = change_bit(Change::person) | change_bit(Change::place);
  CaseBook book(policy);
  for (const CaseEventRecord& e : path_to(CaseState::probing)) book.apply(e);
  CaseEventRecord up = ev(CaseEvent::escalate, 20, "the duty manager calls you today", "management");
  up.changes = change_bit(Change::person);
  CHECK_THAT(error_of([&] { book.apply(up); }),
             Catch::Contains("is in state probing: event 'escalate' must make the changes person+place (it makes person)"));
  CHECK(book.get("C1").state == CaseState::probing);
  up.changes = parse_changes("place+person");
  CHECK(book.apply(up).audit.back().changes == 5u);
  // ann handled the case before the escalation: she may not be the one to listen again.
  CHECK_THAT(error_of([&] { book.apply(ev(CaseEvent::listen, 21)); }),
             Catch::Contains("event 'listen' by ann breaks the escalation's change of person"));
  CaseEventRecord bob = ev(CaseEvent::listen, 21);
  bob.actor = "bob";
  CHECK(book.apply(bob).state == CaseState::listening);
  CHECK(book.get("C1").replaced_handler.empty());
  // A stored escalation made under an older, laxer policy still replays.
  CaseBook strict(policy);
  for (const CaseEventRecord& e : path_to(CaseState::probing)) strict.apply(e, 0, Checks::state_machine);
  up.changes = 0;
  CHECK(strict.apply(up, 0, Checks::state_machine).state == CaseState::escalated);
  CHECK(changes_text(kAllChanges) == "person+time+place");
  CHECK_THAT(error_of([] { parse_changes("person+mood"); }), Catch::Contains("mood"));
}
