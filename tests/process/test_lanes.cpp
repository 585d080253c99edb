// The swim-lane drawing: one lane per department, one box per step, rework loops dashed,
// the critical path outlined, text escaped.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "crmkit/process/lanes.hpp"
#include "error_of.hpp"

using namespace crmkit::process;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("swim lanes: lanes, boxes, loops and the critical path", "[process]") {
  std::istringstream in(
      "step,department,duration,cost,value_adding,next\n"
      "a,front <desk>,5,1,yes,b&c\nb,back,5,1,no,j\nc,front <desk>,9,1,yes,j\n"
      "j,back,1,1,yes,e:0.75|a:0.25\ne,front <desk>,1,1,yes,\n");
  const ProcessMap m = read_process_map(in, "m.csv");
  const ProcessAnalysis r = analyze(m);
  const std::string svg = swim_lanes(m, r, {"Complaints & co"});
  CHECK_THAT(svg, Contains("Complaints &amp; co"));
  CHECK(count(svg, ">front &lt;desk&gt;</text>") == 1);  // one lane label per department
  CHECK(count(svg, ">back</text>") == 1);
  CHECK(count(svg, "<g><title>") == 5);                  // one box per step
  CHECK(count(svg, "stroke-dasharray=\"5,3\" marker-end") == 1);  // the loop j -> a
  CHECK(count(svg, "stroke-width=\"3\"/>") == 5);  // a, c, j, e outlined (critical), and the legend
  CHECK_THAT(svg, Contains(">25%</text>"));  // the loop's probability
  CHECK_THAT(error_of([&] { swim_lanes(m, r, {"", 3}); }), Contains("5 steps; a drawing holds at most 3"));
}
