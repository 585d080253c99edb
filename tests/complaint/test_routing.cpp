// Routing on a small organisation, expected units and costs worked out by hand.
#include <catch2/catch.hpp>

#include <sstream>

#include "crmkit/complaint/routing.hpp"
#include "error_of.hpp"

using namespace crmkit::complaint;
using crmkit_test::error_of;

namespace {

// front desk (1) -> billing (2) cost 1; front desk -> service manager (3) cost 4;
// billing -> finance lead (4) cost 2; billing -> service manager cost 1;
// service manager -> director (5) cost 3; finance lead -> director cost 1.
Organisation org() {
  Organisation o;
  o.unit("front", 1).unit("billing", 2).unit("manager", 3).unit("finance", 4).unit("director", 5);
  o.path("front", "billing", 1).path("front", "manager", 4).path("billing", "finance", 2);
  o.path("billing", "manager", 1).path("manager", "director", 3).path("finance", "director", 1);
  return o;
}

const Time t0 = parse_time("2026-03-02T09:00:00Z");

// An event of case `id` at t0 + minute by ann, with a department and a hand-over note.
CaseEventRecord handover(const char* id, int minute, CaseEvent e, const char* department) {
  CaseEventRecord r;
  r.time = t0 + std::chrono::minutes(minute);
  r.case_id = id;
  r.event = e;
  r.actor = "ann";
  r.department = department;
  r.note = "hand-over note";
  return r;
}

}  // namespace

TEST_CASE("the nearest unit with the authority a case needs") {
  const Organisation o = org();
  // Authority 1: the front desk itself, cost 0.
  CHECK(o.nearest_with_authority("front", 1).unit == "front");
  CHECK(o.nearest_with_authority("front", 1).cost == 0);
  // Authority 3: manager via billing costs 1 + 1 = 2 (direct 4); finance costs 3.
  Route r = o.nearest_with_authority("front", 3);
  CHECK(r.unit == "manager");
  CHECK(r.cost == 2);
  CHECK(r.path == std::vector<std::string>{"front", "billing", "manager"});
  // Authority 4: finance at 1 + 2 = 3; director at 1 + 2 + 1 = 4 or 1 + 1 + 3 = 5.
  CHECK(o.nearest_with_authority("front", 4).unit == "finance");
  // Authority 5: director at 4 via billing and finance.
  r = o.nearest_with_authority("front", 5);
  CHECK(r.cost == 4);
  CHECK(r.path == std::vector<std::string>{"front", "billing", "finance", "director"});
  // From the director nothing is reachable but itself.
  CHECK(o.nearest_with_authority("director", 5).path == std::vector<std::string>{"director"});
  CHECK_THAT(error_of([&] { o.nearest_with_authority("finance", 6); }),
             Catch::Contains("no unit reachable from 'finance' has authority 6"));
  CHECK_THAT(error_of([&] { o.nearest_with_authority("legal", 1); }), Catch::Contains("unknown unit 'legal'"));
  CHECK_THAT(error_of([] { Organisation().unit("a", 1).unit("a", 2); }), Catch::Contains("unit 'a' is defined twice"));
  CHECK_THAT(error_of([] { Organisation().unit("a", 1).unit("b", 1).path("a", "b", -1); }),
             Catch::Contains("hand-over cost from 'a' to 'b'"));
}

TEST_CASE("equal costs go to fewer hand-overs, then to the name") {
  Organisation o;
  // Defined in an order that a tie-break by definition order would get wrong.
  o.unit("s", 0).unit("z", 2).unit("y", 2).unit("x", 2).unit("m", 0);
  o.path("s", "y", 2).path("s", "x", 2).path("s", "m", 1).path("m", "z", 1);
  // x, y and z all cost 2; z needs two hand-overs; x comes before y.
  CHECK(o.nearest_with_authority("s", 2).unit == "x");
}

TEST_CASE("ping-pong: a case sent back to a unit it left") {
  CaseBook book;
  const auto at = [&](int minute, CaseEvent e, const char* department) { book.apply(handover("P", minute, e, department)); };
  at(0, CaseEvent::open, "sales");
  at(1, CaseEvent::transfer, "billing");
  CHECK(ping_pong_count(book.get("P")) == 0);
  at(2, CaseEvent::listen, "");
  at(3, CaseEvent::transfer, "sales");  // sales -> billing -> sales: once
  CHECK(ping_pong_count(book.get("P")) == 1);
  at(4, CaseEvent::transfer, "billing");  // billing -> sales -> billing: twice
  at(5, CaseEvent::escalate, "management");
  CHECK(ping_pong_count(book.get("P")) == 2);
}

TEST_CASE("an organisation file: units and paths, errors at their line and column") {
  std::istringstream good(
      "type,unit,authority,to,cost\n"
      "unit,front desk,1,,\n"
      "unit,billing,2,,\n"
      "unit,manager,3,,\n"
      "path,front desk,,billing,\n"
      "path,billing,,manager,0.5\n");
  const Organisation o = read_organisation(good, "org.csv");
  CHECK(o.units() == 3);
  CHECK(o.authority("manager") == 3);
  CHECK(o.has_path("front desk", "billing"));
  CHECK_FALSE(o.has_path("billing", "front desk"));
  // Cost 1 (the default) + 0.5.
  CHECK(o.nearest_with_authority("front desk", 3).cost == 1.5);
  const auto read = [](const std::string& text) {
    std::istringstream in(text);
    return error_of([&] { read_organisation(in, "org.csv"); });
  };
  CHECK_THAT(read("type,unit,authority,to,cost\nunit,a,1.5,,\n"), Catch::Contains("org.csv:2:8: authority must be an integer"));
  CHECK_THAT(read("type,unit,authority,to,cost\nunit,a,1,,\npath,a,,b,\n"),
             Catch::Contains("org.csv:3:6: path end: unknown unit 'b'"));
  CHECK_THAT(read("type,unit,authority,to,cost\nteam,a,1,,\n"), Catch::Contains("org.csv:2:1: type is 'team'"));
  CHECK_THAT(read("type,unit,authority,to,cost\n"), Catch::Contains("no unit rows"));
  CHECK_THAT(read("unit,authority\n"), Catch::Contains("no column named 'type'"));
}

TEST_CASE("a stuck case: ping-pong, too many hand-overs, a breached target") {
  CaseBook book;
  const auto at = [&](int minute, CaseEvent e, const char* department) { book.apply(handover("S", minute, e, department)); };
  SlaPolicy sla;  // e-mail: first response within 48 h
  CasePolicy policy;
  at(0, CaseEvent::open, "sales");
  CHECK(escalation_reasons(book.get("S"), sla_clocks(book.get("S"), sla, t0), policy).empty());
  at(1, CaseEvent::transfer, "billing");
  at(2, CaseEvent::transfer, "sales");
  at(3, CaseEvent::transfer, "legal");
  // Three days later the phone case (24 h) has no first response.
  const Time later = t0 + std::chrono::hours(72);
  const auto reasons = escalation_reasons(book.get("S"), sla_clocks(book.get("S"), sla, later), policy);
  REQUIRE(reasons.size() == 3);
  CHECK(reasons[0] == "it came back to a unit it had left 1 time (ping-pong)");
  CHECK(reasons[1] == "3 hand-overs (more than 2)");
  CHECK(reasons[2] == "first_response target breached");
}
