// Process analysis on hand-computed maps: a linear chain, a parallel split, a rework loop
// with probability p (expected visits 1 / (1 - p)), a forward decision, a rework loop inside
// a parallel branch, a redesign that moves the critical path, and the bundled complaint
// maps. Every reference value is worked out in the comment beside it.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "crmkit/process/analysis.hpp"
#include "error_of.hpp"

using namespace crmkit::process;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

const char* kHeader = "step,department,duration,cost,value_adding,next\n";

ProcessMap map_of(const std::string& rows, const std::string& header = kHeader) {
  std::istringstream in(header + rows);
  return read_process_map(in, "t.csv");
}

std::vector<std::string> names_of(const ProcessMap& m, const std::vector<std::size_t>& path) {
  std::vector<std::string> out;
  for (std::size_t i : path) out.push_back(m.steps[i].name);
  return out;
}

}  // namespace

TEST_CASE("a linear chain: every step once, times and costs add up", "[process]") {
  // A (10 min, 5, value-adding, sales) -> B (20, 3, no, ops) -> C (30, 2, yes, ops).
  const ProcessMap m = map_of("A,sales,10,5,yes,B\nB,ops,20,3,no,C\nC,ops,30,2,yes,\n");
  const ProcessAnalysis r = analyze(m);
  for (const StepFigures& f : r.steps) CHECK(f.expected_visits == Approx(1).epsilon(1e-12));
  CHECK(r.expected_cycle_time == Approx(60));  // 10 + 20 + 30
  CHECK(r.expected_work_time == Approx(60));
  CHECK(r.expected_cost == Approx(10));       // 5 + 3 + 2
  CHECK(r.value_added_ratio == Approx(40.0 / 60));  // A and C: 40 of 60 minutes
  CHECK(r.handoffs == Approx(1));             // sales -> ops once
  CHECK(r.rework_probability == 0);
  CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"A", "B", "C"});
  CHECK(r.critical_path_length == Approx(60));
  CHECK(r.steps[1].candidate == no_value_added);
  // Roles: A's supplier is the external customer, C's customer too.
  CHECK(r.steps[0].suppliers == std::vector<std::string>{"customer"});
  CHECK(r.steps[1].suppliers == std::vector<std::string>{"A"});
  CHECK(r.steps[1].customers == std::vector<std::string>{"C"});
  CHECK(r.steps[2].customers == std::vector<std::string>{"customer"});
  CHECK(r.steps[1].executor == "ops");
}

TEST_CASE("a parallel split: the join runs once, the longest branch sets the cycle time", "[process]") {
  // S (5) -> B (10, dept x) & C (30, dept y) -> J (5): work 50, elapsed 5 + max(10, 30) + 5.
  const ProcessMap m = map_of("S,x,5,1,yes,B&C\nB,x,10,1,yes,J\nC,y,30,1,no,J\nJ,x,5,1,yes,\n");
  const ProcessAnalysis r = analyze(m);
  CHECK(r.steps[3].expected_visits == Approx(1));  // the join waits for both branches
  CHECK(r.join[0] == 3);
  CHECK(r.expected_work_time == Approx(50));
  CHECK(r.expected_cost == Approx(4));
  CHECK(r.expected_cycle_time == Approx(40));
  CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"S", "C", "J"});
  CHECK(r.critical_path_length == Approx(40));
  CHECK(r.handoffs == Approx(2));  // S -> C (x -> y) and C -> J (y -> x)
  CHECK(r.value_added_ratio == Approx(20.0 / 50));
}

TEST_CASE("a rework loop with probability p repeats its steps 1 / (1 - p) times", "[process]") {
  for (const double p : {0.25, 0.5, 0.9}) {
    // A (10) -> B (20) -> C (5) -> D (1) with probability 1 - p, back to B with p.
    const std::string q = std::to_string(1 - p), pp = std::to_string(p);
    const ProcessMap m = map_of("A,x,10,2,yes,B\nB,x,20,4,yes,C\nC,y,5,1,no,D:" + q + "|B:" + pp + "\nD,x,1,0,yes,\n");
    const ProcessAnalysis r = analyze(m);
    const double visits = 1 / (1 - p);
    CHECK(r.steps[1].expected_visits == Approx(visits).epsilon(1e-9));
    CHECK(r.steps[2].expected_visits == Approx(visits).epsilon(1e-9));
    CHECK(r.steps[3].expected_visits == Approx(1).epsilon(1e-9));
    CHECK(r.expected_cycle_time == Approx(10 + 25 * visits + 1).epsilon(1e-9));
    CHECK(r.expected_cost == Approx(2 + 5 * visits).epsilon(1e-9));
    // B -> C and C -> B cross departments on every pass, C -> D once.
    CHECK(r.handoffs == Approx(visits + p * visits + (1 - p) * visits).epsilon(1e-9));
    CHECK(r.rework_probability == Approx(p).epsilon(1e-9));
    REQUIRE(r.rework_loops.size() == 1);
    CHECK(r.rework_loops[0] == std::make_pair(std::size_t{2}, std::size_t{1}));
    // The loop's steps enter the critical path with all their expected repetitions.
    CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"A", "B", "C", "D"});
    CHECK(r.critical_path_length == Approx(r.expected_cycle_time).epsilon(1e-12));
  }
}

TEST_CASE("a forward decision averages its branches; the critical path takes the larger share", "[process]") {
  // A (10) -> B (10) with 0.8 or C (50) with 0.2 -> D (5): elapsed 10 + 8 + 10 + 5 = 33.
  // Weighted by expected time per run, B counts 8 and C 10: the path goes through C.
  const ProcessMap m = map_of("A,x,10,0,yes,B:0.8|C:0.2\nB,x,10,0,yes,D\nC,x,50,0,yes,D\nD,x,5,0,yes,\n");
  const ProcessAnalysis r = analyze(m);
  CHECK(r.expected_cycle_time == Approx(33));
  CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"A", "C", "D"});
  CHECK(r.critical_path_length == Approx(25));  // 10 + 0.2 x 50 + 5
  CHECK(r.rework_probability == 0);
}

TEST_CASE("a rework loop inside a parallel branch", "[process]") {
  // S -> B & C -> J; B repeats itself with probability 0.5 (2 expected passes of 10 min),
  // C takes 12: the join waits 20 minutes on average; J still runs once.
  const ProcessMap m = map_of("S,x,0,0,yes,B&C\nB,x,10,1,yes,J:0.5|B:0.5\nC,y,12,1,yes,J\nJ,x,0,0,yes,\n");
  const ProcessAnalysis r = analyze(m);
  CHECK(r.steps[1].expected_visits == Approx(2));
  CHECK(r.steps[3].expected_visits == Approx(1));
  CHECK(r.expected_cycle_time == Approx(20));  // max(2 x 10, 12)
  CHECK(r.rework_probability == Approx(0.5));  // only B's loop can be taken
  CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"S", "B", "J"});
}

TEST_CASE("nested parallel parts and a loop around a whole parallel part", "[process]") {
  // S -> (T -> U & V -> W) & X -> J, then J back to S with 0.5.
  // Inner part: T 1 + max(U 4, V 2) + W 1 = 6 min; outer: max(6, X 3) = 6;
  // one pass S 1 + 6 + J 1 = 8, two passes expected: 16.
  const ProcessMap m = map_of(
      "S,a,1,0,yes,T&X\nT,a,1,0,yes,U&V\nU,b,4,0,yes,W\nV,a,2,0,yes,W\nW,a,1,0,yes,J\n"
      "X,c,3,0,yes,J\nJ,a,1,0,yes,E:0.5|S:0.5\nE,a,0,0,yes,\n");
  const ProcessAnalysis r = analyze(m);
  CHECK(r.join[0] == 6);
  CHECK(r.join[1] == 4);
  for (std::size_t i = 0; i < 7; ++i) CHECK(r.steps[i].expected_visits == Approx(2));
  CHECK(r.expected_cycle_time == Approx(16));
  CHECK(r.expected_work_time == Approx(26));  // 2 x (1 + 1 + 4 + 2 + 1 + 3 + 1)
  CHECK(names_of(m, r.critical_path) == std::vector<std::string>{"S", "T", "U", "W", "J", "E"});
  CHECK(r.critical_path_length == Approx(16));
  CHECK(r.rework_probability == Approx(0.5));
}

TEST_CASE("a redesign that moves the critical path, and what each change contributes", "[process]") {
  // Before: S (5) -> B (60) & C (20) -> J (5): 70 minutes through B.
  // After: B takes 15, so C (20) is critical: 30 minutes; D (an extra check, 2 min) added
  // after J, and the unnecessary step Z removed.
  const std::string header = "step,department,duration,cost,value_adding,next,necessary\n";
  const ProcessMap before = map_of("S,x,5,1,yes,B&C,\nB,y,60,6,no,J,\nC,x,20,2,yes,J,\nJ,x,5,1,yes,Z,\nZ,x,3,3,no,,no\n", header);
  const ProcessMap after = map_of("S,x,5,1,yes,B&C,\nB,y,15,2,no,J,\nC,x,20,2,yes,J,\nJ,x,5,1,yes,D,\nD,x,2,1,yes,,\n", header);
  const Comparison c = compare(before, after);
  CHECK(names_of(before, c.before.critical_path) == std::vector<std::string>{"S", "B", "J", "Z"});
  CHECK(names_of(after, c.after.critical_path) == std::vector<std::string>{"S", "C", "J", "D"});
  CHECK(c.before.expected_cycle_time == Approx(73));  // 5 + 60 + 5 + 3
  CHECK(c.after.expected_cycle_time == Approx(32));   // 5 + 20 + 5 + 2
  CHECK(c.before.steps[4].candidate == (no_value_added | unnecessary));
  REQUIRE(c.changes.size() == 4);
  CHECK(c.changes[0].step == "B");
  CHECK(c.changes[0].what == "duration 60 -> 15; cost 6 -> 2");
  CHECK(c.changes[0].time == Approx(-45));
  CHECK(c.changes[1].step == "J");
  CHECK(c.changes[1].what == "next 'Z' -> 'D'");
  CHECK(c.changes[1].time == 0);
  CHECK(c.changes[2].step == "Z");
  CHECK(c.changes[2].what == "removed");
  CHECK(c.changes[2].cost == Approx(-3));
  CHECK(c.changes[3].step == "D");
  CHECK(c.changes[3].what == "added");
  CHECK(c.changes[3].time == Approx(2));
  double time = 0, cost = 0;
  for (const StepChange& x : c.changes) time += x.time, cost += x.cost;
  CHECK(time == Approx(c.after.expected_work_time - c.before.expected_work_time));
  CHECK(cost == Approx(c.after.expected_cost - c.before.expected_cost));
}

TEST_CASE("the bundled complaint maps before and after redesign", "[process]") {
  const std::string dir = CRMKIT_TEST_DATA_DIR "/process/";
  const Comparison c = compare(read_process_map(dir + "complaint_before.csv"),
                               read_process_map(dir + "complaint_after.csv"));
  // Before: decide sends 30% back to review, reply 15% to reopen -> review. Visits of the
  // review loop: review = 1 + 0.3 review + 0.15 reply, reply = approve = 0.7 review, so
  // review = 1 / (1 - 0.3 - 0.105) = 1 / 0.595.
  const double review = 1 / 0.595;
  CHECK(c.before.steps[3].expected_visits == Approx(review).epsilon(1e-12));
  CHECK(c.before.steps[9].expected_visits == Approx(0.7 * review).epsilon(1e-12));
  // Elapsed per review pass: review 30 + max(20, 60) + decide 15 = 105; then 0.7 of the
  // passes go on through approve 20, re_enter 10, reply 15 and 0.15 of those reopen 10.
  const double before = 5 + 10 + 15 + review * (105 + 0.7 * (20 + 10 + 15 + 0.15 * 10)) + 5;
  CHECK(c.before.expected_cycle_time == Approx(before).epsilon(1e-12));
  // After: review = 1 / (1 - 0.1 - 0.9 x 0.05) = 1 / 0.855; a pass 25 + max(20, 15) + 15.
  const double review_after = 1 / 0.855;
  const double after = 8 + review_after * (60 + 0.9 * (15 + 0.05 * 10)) + 5;
  CHECK(c.after.expected_cycle_time == Approx(after).epsilon(1e-12));
  CHECK(c.after.expected_cycle_time < c.before.expected_cycle_time);
  CHECK(c.after.handoffs < c.before.handoffs);
  // P(no rework) before: 0.7 x 0.85 on the first pass.
  CHECK(c.before.rework_probability == Approx(1 - 0.7 * 0.85).epsilon(1e-12));
  CHECK(c.after.rework_probability == Approx(1 - 0.9 * 0.95).epsilon(1e-12));
  // The critical path moves from the branch's e-mail to the record check.
  const auto on_path = [](const ProcessAnalysis& r, std::size_t i) { return r.steps[i].critical; };
  CHECK(on_path(c.before, 5));   // ask_branch
  CHECK(!on_path(c.before, 4));  // check_records
  CHECK(on_path(c.after, 2));    // check_records
  CHECK(!on_path(c.after, 3));   // ask_branch
  // re_enter repeats log's work.
  CHECK(c.before.steps[8].candidate == (no_value_added | unnecessary | duplicate));
  CHECK(candidate_reasons(read_process_map(dir + "complaint_before.csv").steps[8], c.before.steps[8].candidate) ==
        "no value added, unnecessary, duplicate of log");
}
