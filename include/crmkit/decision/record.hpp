// The decision record: the six steps of the optimizing decision model kept together, with a
// checklist of the cognitive biases the material warns about, saved and loaded through the
// versioned archive envelope (crmkit/io/archive.hpp).
//
//   1 statement     what is to be decided
//   2 criteria      names, benefit or cost, unit, optional parent criterion (a hierarchy)
//   3 weights       one per criterion, summing to 1, and the method that produced them
//   4 alternatives  names
//   5 evaluations   alternatives x criteria
//   6 choice        the chosen alternative and why
//
// A step may be (re)done in any order, but the choice is refused until steps 1-5 are
// complete and consistent (the error names every missing step), and redoing steps 2-5
// withdraws a choice made on the old data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "crmkit/decision/rank.hpp"
#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

enum class DecisionStep : std::uint8_t { statement, criteria, weights, alternatives, evaluations, choice };
// "statement", "criteria", "weights", "alternatives", "evaluations", "choice".
const NameTable& names(DecisionStep);

enum class Bias : std::uint8_t {
  prior_hypothesis,       // favouring evidence for what one already believes
  representativeness,     // judging by resemblance to a stereotype, not by frequencies
  illusion_of_control,    // overrating one's influence over chance outcomes
  reasoning_by_analogy,   // carrying a past case over to one that differs
  escalating_commitment,  // adding resources to a failing course to justify earlier ones
  groupthink,             // a cohesive group suppressing dissent
};
// "prior-hypothesis", "representativeness", "illusion-of-control", "reasoning-by-analogy",
// "escalating-commitment", "groupthink".
const NameTable& names(Bias);

struct RecordCriterion {
  std::string name;
  Direction direction = Direction::benefit;
  std::string unit;
  std::string parent;  // empty: under the goal; else an earlier criterion's name
};

class DecisionRecord {
 public:
  static constexpr const char* archive_tag = "crmkit.decision.record";

  // Step 1. Throws invalid_argument for an empty statement.
  void set_statement(std::string statement);
  // Step 2. Throws invalid_argument for no criterion, an empty or repeated name, or a parent
  // that is not an earlier criterion (naming it).
  void set_criteria(std::vector<RecordCriterion> criteria);
  // Step 3 (after step 2): one weight per criterion, >= 0, summing to 1 within
  // kWeightSumTolerance (the error says by how much they miss); `method` says where they
  // came from ("ahp", "rank-order-centroid", "direct", ...).
  void set_weights(std::vector<double> weights, std::string method);
  // Step 4. At least two alternatives, distinct non-empty names.
  void set_alternatives(std::vector<std::string> alternatives);
  // Step 5 (after steps 2 and 4): alternatives x criteria finite values, row-major.
  void set_evaluations(std::vector<double> values);
  // Step 6: throws invalid_state naming every missing step of 1-5, or invalid_argument for
  // an alternative index out of range.
  void choose(std::size_t alternative, std::string rationale);

  // The bias checklist: marks `bias` as considered with a note (replacing an earlier one).
  void note_bias(Bias bias, std::string note);
  bool bias_checked(Bias bias) const { return checked_[static_cast<std::size_t>(bias)]; }
  const std::string& bias_note(Bias bias) const { return bias_notes_[static_cast<std::size_t>(bias)]; }

  // Steps not yet done, in order (the choice included).
  std::vector<DecisionStep> missing_steps() const;

  const std::string& statement() const { return statement_; }
  const std::vector<RecordCriterion>& criteria() const { return criteria_; }
  const std::vector<double>& weights() const { return weights_; }
  const std::string& weight_method() const { return weight_method_; }
  const std::vector<std::string>& alternatives() const { return alternatives_; }
  const std::vector<double>& evaluations() const { return evaluations_; }
  bool chosen() const { return chosen_; }
  std::size_t choice() const { return choice_; }
  const std::string& rationale() const { return rationale_; }

  // Steps 2, 4 and 5 as a decision matrix for rank() (throws invalid_state when missing).
  DecisionMatrix matrix() const;

  // Throws corrupt_data when a loaded record breaks the rules above.
  void check_invariants() const;
  template <class Archive>
  void serialize(Archive& ar, unsigned version);  // instantiated in src/decision/record.cpp

 private:
  static constexpr std::size_t kBiases = 6;
  std::string statement_;
  std::vector<RecordCriterion> criteria_;
  std::vector<double> weights_;
  std::string weight_method_;
  std::vector<std::string> alternatives_;
  std::vector<double> evaluations_;
  bool chosen_ = false;
  std::size_t choice_ = 0;
  std::string rationale_;
  bool checked_[kBiases] = {};
  std::string bias_notes_[kBiases];

  void withdraw_choice();
};

// A readable account of the record: each step (or "missing"), the choice, and the bias
// checklist with its notes.
std::string describe(const DecisionRecord& record);

}  // namespace decision
}  // namespace v0
}  // namespace crmkit

BOOST_CLASS_VERSION(crmkit::decision::DecisionRecord, 1)
BOOST_CLASS_TRACKING(crmkit::decision::DecisionRecord, boost::serialization::track_never)
