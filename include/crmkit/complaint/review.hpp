// Handler review: a reviewer scores a handled case against the six handling steps (Listen,
// Share, Probe, Check, Action, Satisfy) and flags any of the ten taboos of complaint
// handling (../shared/DOMAIN.md §4). The reviewer must not have acted on the case. Reviews
// are stored in the desk's database (their own table; a call that returns has committed)
// and roll up into per-handler quality scores per month, each with the number of reviews
// behind it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/complaint/desk.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

enum class HandlingStep : std::uint8_t { listen, share, probe, check, action, satisfy };
enum class Taboo : std::uint8_t {
  doubting_tone,        // questioning the customer in a doubting tone
  insisting_right,      // insisting one is right
  rushing_conclusions,  // rushing to conclusions
  joking,               // joking to shift the focus
  shifting_blame,       // shifting the blame
  nit_picking,          // nit-picking the customer's words
  words_deeds_differ,   // words and actions that disagree
  another_department,   // "that's another department's job"
  careless,             // playing dumb or being careless
  blaming_customer      // blaming the complainant
};
const NameTable& names(HandlingStep);
const NameTable& names(Taboo);

constexpr int kStepScoreMax = 5;  // each step is scored 0 (not done) .. 5 (exemplary)

struct Review {
  std::string case_id;
  Time time{};
  std::string reviewer;
  std::array<int, 6> steps{};     // by HandlingStep, each 0..kStepScoreMax
  std::vector<Taboo> taboos;      // each at most once
  std::string comment;
  std::string handler;            // set by record_review: the case's handler when reviewed
};

// The review's quality score in [0, 100]: the step scores' share of the maximum, less 10
// points per taboo flagged (a taboo undoes a step done well), floored at 0.
double quality_score(const Review& review);

// Stores a review of a handled case (closed, rejected or withdrawn). invalid_argument when
// the reviewer acted on the case ("reviewer 'R' handled case 'C': a handler cannot review
// their own case"), a step score is outside 0..5 or a taboo is repeated; invalid_state when
// the case is still being handled.
void record_review(Desk& desk, Review review);
std::vector<Review> reviews(const Desk& desk);

struct HandlerQuality {
  std::string handler;
  std::string period;  // "YYYY-MM" of the reviews (UTC)
  std::size_t reviews = 0;
  double score = 0;    // mean quality_score
  std::size_t taboos = 0;
};
// By handler, then period.
std::vector<HandlerQuality> handler_quality(const std::vector<Review>& reviews);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
