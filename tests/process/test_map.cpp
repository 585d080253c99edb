// Reading and validating process maps: the CSV contract, the `next` syntax, and every kind
// of bad map named by its step (with FILE:LINE).
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "crmkit/process/analysis.hpp"
#include "error_of.hpp"

using namespace crmkit::process;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using crmkit_test::error_of;

namespace {

ProcessMap map_of(const std::string& text) {
  std::istringstream in(text);
  return read_process_map(in, "m.csv");
}

std::string analysis_error(const std::string& rows) {
  return error_of([&] { analyze(map_of("step,department,duration,cost,value_adding,next\n" + rows)); });
}

}  // namespace

TEST_CASE("the next column: sequence, split, decision", "[process]") {
  Step s;
  parse_next("", s);
  CHECK(s.flow == Flow::end);
  CHECK(s.next.empty());
  parse_next(" B ", s);
  CHECK(s.flow == Flow::sequence);
  CHECK(s.next.at(0).step == "B");
  parse_next("B & C&D", s);
  CHECK(s.flow == Flow::parallel);
  CHECK(s.next.size() == 3);
  CHECK(s.next[1].step == "C");
  parse_next("B:0.8| C : 0.2", s);
  CHECK(s.flow == Flow::decision);
  CHECK(s.next[0].probability == 0.8);
  CHECK(s.next[1].step == "C");
  CHECK(s.next[1].probability == 0.2);
  CHECK(format_next(s) == "B:0.8|C:0.2");
  CHECK_THAT(error_of([&] { parse_next("B&C:0.5", s); }), Contains("cannot be mixed"));
  CHECK_THAT(error_of([&] { parse_next("B:0.5|C", s); }), Contains("branch 'C' has no probability"));
  CHECK_THAT(error_of([&] { parse_next("B:x|C:1", s); }), Contains("'B:x' is not STEP:PROBABILITY"));
  CHECK_THAT(error_of([&] { parse_next("B&&C", s); }), Contains("empty step name"));
  CHECK_THAT(error_of([&] { parse_next("B&B", s); }), Contains("names 'B' twice"));
}

TEST_CASE("the CSV contract: optional columns, yes/no, FILE:LINE:COL errors", "[process]") {
  const ProcessMap m = map_of(
      "step,department,duration,cost,value_adding,next,role,necessary,rework,duplicate_of,note\n"
      "a,desk,5,1.5,yes,b,clerk,,no,,first\n"
      "b,desk,3,0,no,,,no,yes,a,\n");
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].role == "clerk");
  CHECK(m.steps[0].necessary);  // blank: the default
  CHECK(m.steps[0].cost == 1.5);
  CHECK(m.steps[0].line == 2);
  CHECK(m.steps[1].rework);
  CHECK(!m.steps[1].necessary);
  CHECK(m.steps[1].duplicate_of == "a");
  CHECK(m.steps[0].note == "first");
  // A triangular duration enters as its mean: (10 + 20 + 60) / 3 = 30.
  CHECK(map_of("step,department,duration,cost,value_adding,next\na,d, 10 / 20/60 ,1,no,\n").steps[0].duration == 30);
  CHECK(error_of([&] { map_of("step,department,duration,cost,value_adding,next\na,d,10/5/60,1,no,\n"); }) ==
        "m.csv:2:5: triangular duration '10/5/60' needs 0 <= MIN <= MODE <= MAX");
  CHECK(error_of([&] { map_of("step,department,duration,cost,value_adding,next\na,d,10/20,1,no,\n"); }) ==
        "m.csv:2:5: '10/20' is not a duration (minutes, or MIN/MODE/MAX for a triangular distribution)");
  CHECK(error_of([&] { map_of("step,department,duration,cost,value_adding,next\na,d,5,1,maybe,\n"); }) ==
        "m.csv:2:9: 'maybe' is not yes or no");
  CHECK_THAT(error_of([&] { map_of("step,department,duration,cost,value_adding,next\na,d,5,1,no,b\nb,d,x,1,no,\n"); }),
             StartsWith("m.csv:3:5: 'x' is not a number"));
  CHECK_THAT(error_of([&] { map_of("step,department,duration,cost,value_adding,next\na,d,5,1,no,b&c:1\n"); }),
             StartsWith("m.csv:2:12: next 'b&c:1'"));
  CHECK(error_of([&] { map_of("step,department,duration,cost,value_adding,next\nA&B,d,5,1,no,\n"); }) ==
        "m.csv:2:1: step name 'A&B' contains &, | or :, which separate steps in `next`");
  CHECK_THAT(error_of([&] { map_of("step,department,duration,cost,value_adding,nxt\n"); }),
             Contains("m.csv:1: unknown column 'nxt'"));
  CHECK_THAT(error_of([&] { map_of("step,department,duration,cost,value_adding\n"); }), Contains("next"));
  CHECK_THAT(error_of([&] { map_of("step,department,duration,cost,value_adding,next\n"); }), Contains("no steps"));
}

TEST_CASE("bad maps: each error names the step and its line", "[process]") {
  CHECK(analysis_error("a,d,5,1,no,b\nb,d,5,1,no,\nc,d,5,1,no,b\n") ==
        "m.csv:4: step 'c': cannot be reached from the start 'a' (the first row is the start)");
  CHECK_THAT(analysis_error("a,d,5,1,no,b\nb,d,5,1,no,a\n"), Contains("m.csv: the process has no end step"));
  CHECK(analysis_error("a,d,5,1,no,b:0.5|c:0.4\nb,d,5,1,no,\nc,d,5,1,no,\n") ==
        "m.csv:2: step 'a': branch probabilities sum to 0.9, not 1");
  CHECK_THAT(analysis_error("a,d,5,1,no,b:0|c:1\nb,d,5,1,no,\nc,d,5,1,no,\n"),
             Contains("step 'a': the probability of branch 'b' is 0.000000; it must be in (0, 1]"));
  CHECK(analysis_error("a,d,5,1,no,b:0.5|e:0.5\nb,d,5,1,no,c\nc,d,5,1,no,b\ne,d,1,1,no,\n") ==
        "m.csv:3: step 'b': is in a loop with no way out: no end step can be reached from 'b', 'c' "
        "(give the loop a decision branch that leaves it)");
  CHECK_THAT(analysis_error("a,d,-5,1,no,\n"), StartsWith("m.csv:2: step 'a': duration -5"));
  CHECK_THAT(analysis_error("a,d,5,nan,no,\n"), StartsWith("m.csv:2: step 'a': cost nan"));
  CHECK(analysis_error("a,d,5,1,no,z\n") == "m.csv:2: step 'a': next names 'z', which is not a step");
  CHECK_THAT(analysis_error("a,d,5,1,no,b\na,d,5,1,no,\n"), StartsWith("m.csv:3: step 'a': the name is already used by m.csv:2"));
  // A join that one branch may never reach: c can end at e.
  CHECK(analysis_error("s,d,1,1,no,b&c\nb,d,1,1,no,j\nc,d,1,1,no,j:0.5|e:0.5\nj,d,1,1,no,\ne,d,1,1,no,\n") ==
        "m.csv:2: step 's': branch 'c' of this parallel split can end at 'e' without reaching the join 'j' "
        "(the join waits for every branch)");
  // Two of three branches meet at x, which the third never reaches.
  CHECK_THAT(analysis_error("s,d,1,1,no,b&c&f\nb,d,1,1,no,x\nc,d,1,1,no,x\nf,d,1,1,no,j\nx,d,1,1,no,j\nj,d,1,1,no,\n"),
             Contains("step 's': branches 'b' and 'c' of this parallel split meet at 'x' before all branches arrive"));
  // A branch entered from outside the parallel part, and a branch looping back to its split.
  CHECK_THAT(analysis_error("a,d,1,1,no,s:0.5|c:0.5\ns,d,1,1,no,b&c\nb,d,1,1,no,j\nc,d,1,1,no,j\nj,d,1,1,no,\n"),
             Contains("step 'c': is inside the parallel part from 's' to 'j' but is also reached from 'a' outside it"));
  CHECK_THAT(analysis_error("s,d,1,1,no,b&c\nb,d,1,1,no,j:0.5|s:0.5\nc,d,1,1,no,j\nj,d,1,1,no,\n"),
             Contains("step 'b': loops back to the parallel split 's' from inside one of its branches"));
}

TEST_CASE("a map built in code names steps without a file", "[process]") {
  ProcessMap m;
  m.steps.resize(2);
  m.steps[0].name = "a";
  m.steps[0].department = "d";
  parse_next("b", m.steps[0]);
  m.steps[1].name = "b";
  m.steps[1].department = "d";
  m.steps[1].duplicate_of = "b";
  CHECK(error_of([&] { analyze(m); }) == "step 'b': duplicate_of names 'b', which is not another step");
  CHECK(error_of([&] { analyze(ProcessMap{}); }) == "a process map needs at least one step");
}
