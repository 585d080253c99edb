// The customer pyramid: key (VIP), major, ordinary, small and inferior customers.
//
// Value is any per-customer figure (total spend, margin, predicted CLV). Customers whose
// value is below `inferior_below` (default 0: they cost more than they bring) are inferior;
// the rest are ranked from the highest value down and cut into four tiers:
//   - TierScheme::value_share (ABC): the cuts are cumulative shares of value, e.g.
//     {0.5, 0.8, 0.95}: key customers hold the first 50% of value, major the next 30%,
//     ordinary the next 15%, small the last 5%;
//   - TierScheme::rank: the cuts are cumulative shares of customers, e.g. {0.01, 0.05,
//     0.20}: top 1% key, next 4% major, next 15% ordinary, remaining 80% small.
// Shares are of the non-inferior customers (their count or their total value).
//
// Tie and boundary rule (ranking.hpp): a customer is in tier j or above while the share
// strictly above its value (of value for value_share, of customers for rank) is below
// cut j. So the customer whose value crosses a cut stays in the upper tier (the key tier
// is the smallest set of top customers that reaches 50%, the ABC convention), customers
// with equal values share a tier, and tiers are monotone in value. All-equal values, or a
// single customer, are all key customers: nobody is above them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/value/ranking.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Ordered from the top of the pyramid down; "moved up" means a smaller enum value.
enum class Tier : std::uint8_t { key, major, ordinary, small, inferior };
inline constexpr std::size_t kTierCount = 5;
// "key", "major", "ordinary", "small", "inferior".
const NameTable& names(Tier);

enum class TierScheme : std::uint8_t { value_share, rank };
// "share", "rank" (the CLI's --scheme values).
const NameTable& names(TierScheme);

struct TierOptions {
  TierScheme scheme = TierScheme::value_share;
  // Three strictly increasing cumulative cuts in (0, 1): key | major | ordinary | small.
  std::array<double, 3> cuts = {0.5, 0.8, 0.95};
  // Value < inferior_below -> inferior. -infinity puts nobody there.
  double inferior_below = 0.0;
};
// The defaults of each scheme: share {0.5, 0.8, 0.95}, rank {0.01, 0.05, 0.20}.
TierOptions default_tier_options(TierScheme scheme);
// Caller cuts given as pointer + count (C, Python, CLI lists): invalid_argument unless there
// are exactly 3 (their order and range are checked with the other options).
std::array<double, 3> tier_cuts(const double* cuts, std::size_t count);

struct TierRow {
  Tier tier = Tier::key;
  std::size_t customers = 0;
  double customer_share = 0;  // customers / all customers
  double value = 0;           // sum of the tier's values
  double value_share = 0;     // value / total value of all customers (0 if that total <= 0)
  double mean_value = 0;      // value / customers (0 for an empty tier)
  double min_value = 0;       // 0 for an empty tier
  double max_value = 0;
};

struct TierTable {
  std::array<TierRow, kTierCount> rows;  // indexed by Tier
  std::size_t customers = 0;
  double total_value = 0;
};

struct TierAssignment {
  std::vector<Tier> tier;  // per customer, in input order
  TierTable table;
};

// Values: finite, any sign. Throws invalid_argument for empty input, non-finite values
// (naming the index), cuts not strictly increasing inside (0, 1), a NaN inferior_below, and
// for value_share when the non-inferior customers' total value is not positive.
TierAssignment assign_tiers(const double* values, std::size_t n, const TierOptions& options = {});
inline TierAssignment assign_tiers(const std::vector<double>& values, const TierOptions& options = {}) {
  return assign_tiers(values.data(), values.size(), options);
}
// Same, reusing a sort of the same values (e.g. shared with concentration()).
TierAssignment assign_tiers(const double* values, std::size_t n, const SortedValues& sorted,
                            const TierOptions& options = {});

// The per-tier table for any assignment (e.g. last period's tiers with this period's values).
TierTable tier_table(const double* values, const Tier* tiers, std::size_t n);

// Who moved between two periods. Customers are matched by id; an id present in only one
// period counts in the `absent` row or column (kAbsent) of the other.
inline constexpr std::size_t kAbsent = kTierCount;
struct TierMigration {
  // counts[from][to], from = tier before (or kAbsent), to = tier after (or kAbsent).
  std::array<std::array<std::size_t, kTierCount + 1>, kTierCount + 1> counts{};
  std::size_t upgraded = 0;    // present in both, higher tier after
  std::size_t downgraded = 0;  // present in both, lower tier after
  std::size_t unchanged = 0;
  std::size_t entered = 0;     // only after
  std::size_t left = 0;        // only before
};
// Ids must be unique within each period; throws invalid_argument naming the duplicate or an
// out-of-range tier value and its index.
TierMigration tier_migration(const std::int64_t* ids_before, const Tier* tiers_before,
                             std::size_t n_before, const std::int64_t* ids_after,
                             const Tier* tiers_after, std::size_t n_after);

}  // namespace value
}  // namespace v0
}  // namespace crmkit
