// Survey files: named columns in the requested order, unanswered items as NaN, errors at
// FILE:LINE:COL.
#include <cmath>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "crmkit/io/survey.hpp"
#include "error_of.hpp"

using namespace crmkit::io;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
SurveyTable read(const std::string& text, const std::vector<std::string>& columns) {
  std::istringstream in(text);
  CsvReader reader(in, "s.csv");
  return read_survey(reader, columns);
}
}  // namespace

TEST_CASE("survey columns are read by name, blanks and NA are unanswered", "[survey]") {
  const SurveyTable t = read("id,P1,E1,note\n7,5,6,x\n8,,NA,y\n\n9, 3 ,.,z\n", {"E1", "P1"});
  REQUIRE(t.respondents == 3);
  CHECK(t.values[0] == 6);
  CHECK(t.values[1] == 5);
  CHECK(std::isnan(t.values[2]));
  CHECK(std::isnan(t.values[3]));
  CHECK(std::isnan(t.values[4]));
  CHECK(t.values[5] == 3);
  CHECK(t.line == std::vector<std::int64_t>{2, 3, 5});
}

TEST_CASE("survey errors name file, line and column", "[survey]") {
  CHECK_THAT(error_of([] { read("P1,P2\n1,2\n3,x\n", {"P1", "P2"}); }),
             Contains("s.csv:3:3: 'x' is not a number"));
  CHECK_THAT(error_of([] { read("P1,P2\n1,inf\n", {"P1", "P2"}); }), Contains("s.csv:2:3"));
  CHECK_THAT(error_of([] { read("P1,P2\n1,2\n", {"P1", "P3"}); }),
             Contains("no column named 'P3'"));
  CHECK_THAT(error_of([] { read("P1,P2\n1,2\n", {"P1", "P1"}); }), Contains("'P1' requested twice"));
  CHECK_THAT(error_of([] { read("P1,P2\n1,2\n3\n", {"P1"}); }), Contains("s.csv:3"));
}
