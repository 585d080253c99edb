// Service recovery and the customer's satisfaction on close, kept in the desk's database
// beside the events (their own tables; a call that returns has committed).
//
// Recovery: what the business did to make good a handled complaint — an apology, the remedy,
// compensation in integer minor currency units with its ISO 4217 currency, a follow-up
// contact — and the material's four recovery principles (preventive, timely, proactive,
// attending to the customer's feelings) as fields the handler checks, so analytics can count
// how often each was honoured. Costs are summed per case and per cause (the case's
// category), one sum per currency: amounts in different currencies are never added.
//
// Satisfaction: one answer per closed case, a score on a stated scale and a comment. Only
// the customer's channel submits it: a respondent who acted on the case (its handler or any
// other actor in its audit trail) is refused, and when the case carries a customer
// reference the respondent must be that reference. The respondent is not stored (it is the
// case's customer): read back, it is the case's current reference, empty after an erasure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/complaint/desk.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

struct Recovery {
  std::string case_id;
  Time time{};
  std::string actor;
  bool apology = false;
  std::string remedy;                    // the concrete remedy (empty: none)
  std::int64_t compensation_minor = 0;   // e.g. cents; not negative
  std::string currency;                  // three capital letters; required when compensation_minor > 0
  std::optional<Time> follow_up;         // the follow-up contact, not before `time`
  bool preventive = false;               // acted before the customer had to insist
  bool timely = false;                   // within the reply targets
  bool proactive = false;                // the business reached out first
  bool feelings = false;                 // attended to the customer's feelings, not only the facts
};

// Stores one recovery for an existing case (invalid_argument naming the field otherwise).
void record_recovery(Desk& desk, const Recovery& recovery);
// Every stored recovery in the order recorded.
std::vector<Recovery> recoveries(const Desk& desk);

struct RecoveryCost {
  std::string key;       // the case id or the cause
  std::string currency;  // empty for recoveries without compensation
  std::int64_t minor = 0;
  std::size_t recoveries = 0;
};
struct RecoveryCosts {
  std::vector<RecoveryCost> by_case;   // by case id, then currency
  std::vector<RecoveryCost> by_cause;  // by category, then currency
};
RecoveryCosts recovery_costs(const Desk& desk);

struct SatisfactionAnswer {
  std::string case_id;
  Time time{};
  std::string respondent;  // the customer's reference as the customer's channel submits it
  double score = 0;
  double scale_min = 1;    // the stated scale, e.g. 1..5
  double scale_max = 5;
  std::string comment;
};

// Stores the answer. invalid_argument when the respondent acted on the case ("... is a
// handler of case C: satisfaction comes from the customer's channel only"), is not the
// case's customer, the score is outside the scale or not finite; invalid_state when the case
// is not closed or already has an answer.
void submit_satisfaction(Desk& desk, const SatisfactionAnswer& answer);
std::vector<SatisfactionAnswer> satisfaction_answers(const Desk& desk);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
