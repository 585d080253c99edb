#include "crmkit/decision/record.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <algorithm>
#include <cmath>
#include <sstream>

#include "crmkit/error.hpp"
#include "decision/labels.hpp"
#include "detail/archive_fields.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

namespace {

constexpr std::uint64_t kMaxArchivedItems = 1u << 16;  // criteria, alternatives
constexpr std::uint64_t kMaxArchivedValues = 1u << 24;  // evaluations

std::string joined(const std::vector<DecisionStep>& steps) {
  std::string out;
  for (DecisionStep s : steps) out += (out.empty() ? "" : ", ") + std::to_string(static_cast<int>(s) + 1) + " " + name_of(s);
  return out;
}

}  // namespace

const NameTable& names(DecisionStep) {
  static constexpr const char* kNames[] = {"statement", "criteria", "weights", "alternatives", "evaluations", "choice"};
  static constexpr NameTable table("decision step", kNames);
  return table;
}

const NameTable& names(Bias) {
  static constexpr const char* kNames[] = {"prior-hypothesis",     "representativeness",    "illusion-of-control",
                                           "reasoning-by-analogy", "escalating-commitment", "groupthink"};
  static constexpr NameTable table("bias", kNames);
  return table;
}

void DecisionRecord::withdraw_choice() {
  chosen_ = false;
  choice_ = 0;
  rationale_.clear();
}

void DecisionRecord::set_statement(std::string statement) {
  require(!statement.empty(), "decision record, step 1: the statement is empty");
  statement_ = std::move(statement);
}

void DecisionRecord::set_criteria(std::vector<RecordCriterion> criteria) {
  require(!criteria.empty(), "decision record, step 2: no criterion");
  std::vector<std::string> names;
  for (std::size_t j = 0; j < criteria.size(); ++j) {
    const RecordCriterion& c = criteria[j];
    require(static_cast<std::size_t>(c.direction) <= 1,
            "decision record, step 2: criterion '" + c.name + "' has an unknown direction");
    require(c.parent.empty() || std::find(names.begin(), names.end(), c.parent) != names.end(),
            "decision record, step 2: the parent '" + c.parent + "' of criterion '" + c.name +
                "' is not an earlier criterion");
    names.push_back(c.name);
  }
  detail::check_names(names, names.size(), "criterion");
  if (criteria.size() != criteria_.size()) weights_.clear(), evaluations_.clear();
  criteria_ = std::move(criteria);
  withdraw_choice();
}

void DecisionRecord::set_weights(std::vector<double> weights, std::string method) {
  require(!criteria_.empty(), "decision record, step 3: set the criteria (step 2) before their weights");
  require(weights.size() == criteria_.size(), "decision record, step 3: " + std::to_string(weights.size()) +
                                                  " weights for " + std::to_string(criteria_.size()) + " criteria");
  double sum = 0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    require(std::isfinite(weights[j]) && weights[j] >= 0, "decision record, step 3: the weight of criterion '" +
                                                              criteria_[j].name + "' is " + detail::num(weights[j]));
    sum += weights[j];
  }
  require(std::fabs(sum - 1) <= kWeightSumTolerance, "decision record, step 3: the weights sum to " +
                                                          detail::num(sum) + ", off 1 by " + detail::num(sum - 1));
  weights_ = std::move(weights);
  weight_method_ = std::move(method);
  withdraw_choice();
}

void DecisionRecord::set_alternatives(std::vector<std::string> alternatives) {
  require(alternatives.size() >= 2, "decision record, step 4: needs at least two alternatives");
  detail::check_names(alternatives, alternatives.size(), "alternative");
  if (alternatives.size() != alternatives_.size()) evaluations_.clear();
  alternatives_ = std::move(alternatives);
  withdraw_choice();
}

void DecisionRecord::set_evaluations(std::vector<double> values) {
  require(!criteria_.empty() && !alternatives_.empty(),
          "decision record, step 5: set the criteria (step 2) and the alternatives (step 4) first");
  const std::size_t n = alternatives_.size() * criteria_.size();
  require(values.size() == n, "decision record, step 5: " + std::to_string(values.size()) + " values for " +
                                  std::to_string(alternatives_.size()) + " alternatives x " +
                                  std::to_string(criteria_.size()) + " criteria");
  for (std::size_t k = 0; k < n; ++k)
    require(std::isfinite(values[k]), "decision record, step 5: alternative '" + alternatives_[k / criteria_.size()] +
                                          "', criterion '" + criteria_[k % criteria_.size()].name + "' is " +
                                          detail::num(values[k]));
  evaluations_ = std::move(values);
  withdraw_choice();
}

std::vector<DecisionStep> DecisionRecord::missing_steps() const {
  std::vector<DecisionStep> out;
  if (statement_.empty()) out.push_back(DecisionStep::statement);
  if (criteria_.empty()) out.push_back(DecisionStep::criteria);
  if (weights_.empty()) out.push_back(DecisionStep::weights);
  if (alternatives_.empty()) out.push_back(DecisionStep::alternatives);
  if (evaluations_.empty()) out.push_back(DecisionStep::evaluations);
  if (!chosen_) out.push_back(DecisionStep::choice);
  return out;
}

void DecisionRecord::choose(std::size_t alternative, std::string rationale) {
  std::vector<DecisionStep> missing = missing_steps();
  missing.erase(std::remove(missing.begin(), missing.end(), DecisionStep::choice), missing.end());
  if (!missing.empty())
    throw Error(ErrorCode::invalid_state, "decision record: step 6 (choice) needs the earlier steps; missing: " +
                                              joined(missing));
  require(alternative < alternatives_.size(), "decision record, step 6: alternative " + std::to_string(alternative) +
                                                  " (0-based) of " + std::to_string(alternatives_.size()));
  chosen_ = true;
  choice_ = alternative;
  rationale_ = std::move(rationale);
}

void DecisionRecord::note_bias(Bias bias, std::string note) {
  const std::size_t b = names(Bias{}).check(static_cast<long long>(bias), "bias");
  checked_[b] = true;
  bias_notes_[b] = std::move(note);
}

DecisionMatrix DecisionRecord::matrix() const {
  if (criteria_.empty() || alternatives_.empty() || evaluations_.empty())
    throw Error(ErrorCode::invalid_state, "decision record: the matrix needs steps 2, 4 and 5");
  DecisionMatrix m(alternatives_.size(), criteria_.size(), evaluations_);
  for (const RecordCriterion& c : criteria_) {
    m.directions.push_back(c.direction);
    m.criterion_names.push_back(c.name);
  }
  m.alternative_names = alternatives_;
  return m;
}

void DecisionRecord::check_invariants() const {
  // Replays the setters on a fresh record: a loaded file obeys the same rules as a built one.
  try {
    DecisionRecord r;
    if (!statement_.empty()) r.set_statement(statement_);
    if (!criteria_.empty()) r.set_criteria(criteria_);
    if (!weights_.empty()) r.set_weights(weights_, weight_method_);
    if (!alternatives_.empty()) r.set_alternatives(alternatives_);
    if (!evaluations_.empty()) r.set_evaluations(evaluations_);
    if (chosen_) r.choose(choice_, rationale_);
  } catch (const Error& e) {
    throw Error(ErrorCode::corrupt_data, std::string("decision record file: ") + e.what());
  }
}

template <class Archive>
void DecisionRecord::serialize(Archive& ar, unsigned /*version 1*/) {
  crmkit::detail::text_field(ar, statement_, "statement");
  const std::uint64_t n = crmkit::detail::bounded_length(ar, criteria_.size(), kMaxArchivedItems, "criteria");
  if (Archive::is_loading::value) criteria_.resize(static_cast<std::size_t>(n));
  for (RecordCriterion& c : criteria_) {
    crmkit::detail::text_field(ar, c.name, "criterion name");
    bool cost = c.direction == Direction::cost;
    crmkit::detail::flag_field(ar, cost, "cost");
    c.direction = cost ? Direction::cost : Direction::benefit;
    crmkit::detail::text_field(ar, c.unit, "unit");
    crmkit::detail::text_field(ar, c.parent, "parent");
  }
  crmkit::detail::numbers_field(ar, weights_, kMaxArchivedItems, "weights");
  crmkit::detail::text_field(ar, weight_method_, "weight method");
  crmkit::detail::texts_field(ar, alternatives_, kMaxArchivedItems, "alternatives");
  crmkit::detail::numbers_field(ar, evaluations_, kMaxArchivedValues, "evaluations");
  crmkit::detail::flag_field(ar, chosen_, "chosen");
  std::uint64_t choice = choice_;
  ar & choice;
  choice_ = static_cast<std::size_t>(choice);
  crmkit::detail::text_field(ar, rationale_, "rationale");
  for (std::size_t b = 0; b < kBiases; ++b) {
    crmkit::detail::flag_field(ar, checked_[b], "bias checked");
    crmkit::detail::text_field(ar, bias_notes_[b], "bias note");
  }
}

CRMKIT_INSTANTIATE_SERIALIZE(DecisionRecord)

std::string describe(const DecisionRecord& r) {
  std::ostringstream out;
  const auto missing = [](int step) { return "step " + std::to_string(step) + ": missing\n"; };
  out << "decision record\n";
  if (r.statement().empty()) out << missing(1);
  else out << "1 statement: " << r.statement() << "\n";
  if (r.criteria().empty()) out << missing(2);
  else {
    out << "2 criteria:\n";
    for (std::size_t j = 0; j < r.criteria().size(); ++j) {
      const RecordCriterion& c = r.criteria()[j];
      out << "  " << c.name << " (" << name_of(c.direction) << (c.unit.empty() ? "" : ", " + c.unit)
          << (c.parent.empty() ? "" : ", under " + c.parent) << ")";
      if (!r.weights().empty()) out << " weight " << detail::num(r.weights()[j]);
      out << "\n";
    }
  }
  if (r.weights().empty()) out << missing(3);
  else out << "3 weights: by " << (r.weight_method().empty() ? "an unnamed method" : r.weight_method()) << "\n";
  if (r.alternatives().empty()) out << missing(4);
  else {
    out << "4 alternatives:";
    for (const std::string& a : r.alternatives()) out << " " << a << (&a == &r.alternatives().back() ? "" : ",");
    out << "\n";
  }
  if (r.evaluations().empty()) out << missing(5);
  else out << "5 evaluations: " << r.alternatives().size() << " x " << r.criteria().size() << " values\n";
  if (!r.chosen()) out << missing(6);
  else out << "6 choice: " << r.alternatives()[r.choice()] << (r.rationale().empty() ? "" : " (" + r.rationale() + ")") << "\n";
  out << "bias checklist:\n";
  for (std::size_t b = 0; b < names(Bias{}).size(); ++b) {
    const Bias bias = static_cast<Bias>(b);
    out << "  [" << (r.bias_checked(bias) ? "x" : " ") << "] " << name_of(bias)
        << (r.bias_note(bias).empty() ? "" : ": " + r.bias_note(bias)) << "\n";
  }
  return out.str();
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
