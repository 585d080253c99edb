// The six-step decision record: step order rules, the bias checklist, save/load through the
// archive envelope and the golden files of format v1.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/decision/record.hpp"
#include "crmkit/io/archive.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

// Golden files (format v1 of crmkit.decision.record, BOOST_CLASS_VERSION 1): written by the
// "[.golden-write]" case below from this record; never overwrite them.
DecisionRecord golden_record() {
  DecisionRecord r;
  r.set_statement("Which retention campaign do we launch this quarter?");
  r.set_criteria({{"retention_gain", Direction::benefit, "percentage points", ""},
                  {"cost", Direction::cost, "thousand EUR", ""},
                  {"brand_fit", Direction::benefit, "1-10", "retention_gain"}});
  r.set_weights({0.5, 0.3, 0.2}, "ahp");
  r.set_alternatives({"loyalty points", "win-back call", "price lock"});
  r.set_evaluations({4, 120, 7, 3, 60, 8, 5, 200, 5});
  r.choose(1, "best TOPSIS closeness; holds under weight changes");
  r.note_bias(Bias::groupthink, "asked each member to rank alone first");
  r.note_bias(Bias::escalating_commitment, "last year's campaign judged on its own results");
  return r;
}

std::string golden_file(const char* ext) {
  return std::string(CRMKIT_TEST_DATA_DIR) + "/golden/decision/v1/record" + ext;
}

void check_same(const DecisionRecord& a, const DecisionRecord& b) {
  CHECK(a.statement() == b.statement());
  REQUIRE(a.criteria().size() == b.criteria().size());
  for (std::size_t j = 0; j < a.criteria().size(); ++j) {
    CHECK(a.criteria()[j].name == b.criteria()[j].name);
    CHECK(a.criteria()[j].direction == b.criteria()[j].direction);
    CHECK(a.criteria()[j].unit == b.criteria()[j].unit);
    CHECK(a.criteria()[j].parent == b.criteria()[j].parent);
  }
  CHECK(a.weights() == b.weights());
  CHECK(a.weight_method() == b.weight_method());
  CHECK(a.alternatives() == b.alternatives());
  CHECK(a.evaluations() == b.evaluations());
  CHECK(a.chosen() == b.chosen());
  CHECK(a.choice() == b.choice());
  CHECK(a.rationale() == b.rationale());
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(a.bias_checked(static_cast<Bias>(k)) == b.bias_checked(static_cast<Bias>(k)));
    CHECK(a.bias_note(static_cast<Bias>(k)) == b.bias_note(static_cast<Bias>(k)));
  }
}

}  // namespace

TEST_CASE("the record refuses step 6 before step 5, naming the missing steps", "[record]") {
  DecisionRecord r;
  CHECK(r.missing_steps().size() == 6);
  r.set_statement("Which campaign?");
  r.set_criteria({{"gain", Direction::benefit, "", ""}, {"cost", Direction::cost, "", ""}});
  r.set_weights({0.6, 0.4}, "direct");
  r.set_alternatives({"A", "B"});
  const std::string e = error_of([&] { r.choose(0, "gut feeling"); });
  CHECK_THAT(e, Contains("step 6") && Contains("5 evaluations"));
  CHECK_FALSE(e.find("weights") != std::string::npos);
  CHECK(r.missing_steps() == std::vector<DecisionStep>{DecisionStep::evaluations, DecisionStep::choice});
  r.set_evaluations({3, 100, 4, 150});
  r.choose(1, "");
  CHECK(r.missing_steps().empty());
  CHECK(r.chosen());
  // Redoing an evaluation withdraws the choice made on the old data.
  r.set_evaluations({3, 100, 4, 90});
  CHECK_FALSE(r.chosen());
  CHECK(r.missing_steps() == std::vector<DecisionStep>{DecisionStep::choice});
  CHECK_THAT(error_of([&] { r.choose(2, ""); }), Contains("alternative 2 (0-based) of 2"));

  DecisionRecord empty;
  CHECK_THAT(error_of([&] { empty.choose(0, ""); }),
             Contains("1 statement, 2 criteria, 3 weights, 4 alternatives, 5 evaluations"));
}

TEST_CASE("each step checks its input", "[record]") {
  DecisionRecord r;
  CHECK_THAT(error_of([&] { r.set_weights({1}, "direct"); }), Contains("before their weights"));
  r.set_criteria({{"gain", Direction::benefit, "", ""}, {"cost", Direction::cost, "", "gain"}});
  CHECK_THAT(error_of([&] { r.set_weights({0.6, 0.5}, "direct"); }), Contains("sum to 1.1") && Contains("off 1 by 0.1"));
  CHECK_THAT(error_of([&] { r.set_criteria({{"a", Direction::benefit, "", "b"}, {"b", Direction::benefit, "", ""}}); }),
             Contains("parent 'b' of criterion 'a' is not an earlier criterion"));
  CHECK_THAT(error_of([&] { r.set_alternatives({"A", "A"}); }), Contains("'A' is named twice"));
  CHECK_THAT(error_of([&] { r.set_evaluations({1, 2}); }), Contains("step 5"));
  r.set_alternatives({"A", "B"});
  CHECK_THAT(error_of([&] { r.set_evaluations({1, 2, 3}); }), Contains("3 values for 2 alternatives x 2 criteria"));
  CHECK_THAT(error_of([&] { r.set_statement(""); }), Contains("statement is empty"));
}

TEST_CASE("the bias checklist and the description", "[record]") {
  const DecisionRecord r = golden_record();
  CHECK(r.bias_checked(Bias::groupthink));
  CHECK_FALSE(r.bias_checked(Bias::prior_hypothesis));
  const std::string text = describe(r);
  CHECK_THAT(text, Contains("1 statement: Which retention campaign") &&
                       Contains("brand_fit (benefit, 1-10, under retention_gain) weight 0.2") &&
                       Contains("6 choice: win-back call") && Contains("[x] groupthink: asked each member") &&
                       Contains("[ ] prior-hypothesis"));
  CHECK_THAT(describe(DecisionRecord{}), Contains("step 6: missing"));
  const DecisionMatrix m = r.matrix();
  CHECK(m(1, 1) == 60);
  CHECK(m.is_cost(1));
}

TEST_CASE("decision record golden files of format v1 load; records round-trip", "[record][golden]") {
  const DecisionRecord want = golden_record();
  for (const char* ext : {".txt", ".bin"}) {
    INFO(golden_file(ext));
    check_same(crmkit::io::load<DecisionRecord>(golden_file(ext)), want);
  }
  check_same(crmkit::io::from_bytes<DecisionRecord>(crmkit::io::to_bytes(want)), want);
  // A partial record (step 1 only) round-trips with its missing steps.
  DecisionRecord partial;
  partial.set_statement("x");
  check_same(crmkit::io::from_bytes<DecisionRecord>(crmkit::io::to_bytes(partial)), partial);
}

TEST_CASE("write decision record golden files", "[.golden-write]") {
  crmkit::io::save(golden_file(".txt"), golden_record(), crmkit::io::ArchiveKind::text);
  crmkit::io::save(golden_file(".bin"), golden_record(), crmkit::io::ArchiveKind::binary);
}
