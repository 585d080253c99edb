// Customer status (new, active, at risk, lapsed, won back) and relationship stage
// (awareness, exploration, expansion, commitment, dissolution).
//
// Times are days (the same day numbers as Transaction times); `as_of` is the day the
// status is taken, usually the observation end.
//
// STATUS RULES, first match wins. `gap` = as_of - last purchase; `rhythm` = the customer's
// own mean time between purchases, (last - first) / (purchases - 1), floored at
// min_interval_days; customers with one purchase use the population rhythm instead (the
// median own rhythm of the repeat customers in the same call, or typical_interval_days
// when set).
//   1. lapsed   gap > lapsed_multiple x rhythm
//   2. at_risk  gap > at_risk_multiple x rhythm
//   3. new      first purchase within new_within_days of as_of
//   4. won_back the gap before the last purchase exceeded lapsed_multiple x the rhythm of
//               the purchases before it (the customer had lapsed and came back); needs
//               gap_before_last, and uses the population rhythm when only two purchases
//               exist (one earlier gap tells no rhythm)
//   5. active   otherwise
// A won-back customer becomes active again with the next ordinary purchase.
//
// RELATIONSHIP STAGE RULES (after Dwyer, Schurr & Oh 1987), first match wins. `tenure` =
// as_of - first purchase; `trend` = relative change of spend between an earlier and a
// recent window (e.g. (recent - earlier) / earlier), NaN when unknown.
//   1. awareness    no purchase yet (a known prospect)
//   2. dissolution  status lapsed, or at_risk with trend <= -decline
//   3. exploration  fewer than exploration_purchases purchases, or tenure < exploration_days
//   4. expansion    trend >= growth
//   5. commitment   tenure >= commitment_days
//   6. expansion    otherwise (established but still young)
// An unknown trend makes the trend tests in rules 2 and 4 false.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

enum class CustomerStatus : std::uint8_t { new_customer, active, at_risk, lapsed, won_back };
inline constexpr std::size_t kStatusCount = 5;
// "new", "active", "at_risk", "lapsed", "won_back".
const NameTable& names(CustomerStatus);

struct StatusOptions {
  double new_within_days = 90;
  double at_risk_multiple = 2.0;
  double lapsed_multiple = 4.0;
  // Floor on any rhythm, so that a burst of same-week purchases does not put a customer at
  // risk a week later.
  double min_interval_days = 7.0;
  // Rhythm for customers without their own; unset = the median of the repeat customers'.
  std::optional<double> typical_interval_days;
};

struct StatusResult {
  std::vector<CustomerStatus> status;
  std::array<std::size_t, kStatusCount> counts{};  // customers per status
  double population_interval_days = 0;             // the rhythm used for one-time buyers
};

// Status of n customers at day as_of from columns of n values: first and last purchase day
// (first <= last <= as_of), purchases (>= 1) and gap_before_last (days between the last two
// purchases, >= 0; may be null, then nobody is won_back; ignored for one purchase).
// Throws invalid_argument naming the column and index for non-finite days, last < first,
// last > as_of, purchases < 1 or a negative gap; and when no rhythm is known for one-time
// buyers (no repeat customer and no typical_interval_days).
StatusResult classify_status(const double* first, const double* last,
                             const std::int64_t* purchases, const double* gap_before_last,
                             std::size_t n, double as_of, const StatusOptions& options = {});

// One customer (what a till does), given the population rhythm to use for one-time buyers.
// gap_before_last: NaN when unknown. Throws like classify_status.
CustomerStatus status_of(double first, double last, std::int64_t purchases, double gap_before_last,
                         double as_of, double population_interval_days,
                         const StatusOptions& options = {});

enum class RelationshipStage : std::uint8_t { awareness, exploration, expansion, commitment, dissolution };
inline constexpr std::size_t kStageCount = 5;
// "awareness", "exploration", "expansion", "commitment", "dissolution".
const NameTable& names(RelationshipStage);

struct StageOptions {
  std::int64_t exploration_purchases = 3;
  double exploration_days = 90;
  double commitment_days = 365;
  double growth = 0.10;   // trend at or above: expanding
  double decline = 0.20;  // trend at or below -decline, when at risk: dissolving
};

// One customer. status is ignored when purchases == 0. Throws for negative purchases or
// tenure, and NaN tenure.
RelationshipStage stage_of(std::int64_t purchases, double tenure_days, CustomerStatus status,
                           double spend_trend, const StageOptions& options = {});
// Columns of n customers; spend_trend may be null (unknown for all).
std::vector<RelationshipStage> relationship_stages(const std::int64_t* purchases,
                                                   const double* tenure_days,
                                                   const CustomerStatus* status,
                                                   const double* spend_trend, std::size_t n,
                                                   const StageOptions& options = {});

}  // namespace value
}  // namespace v0
}  // namespace crmkit
