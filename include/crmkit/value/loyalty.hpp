// Loyalty index: a composite 0-100 score from weighted drivers.
//
// Each driver maps its raw value linearly onto 0..1 between `low` and `high` (reversed when
// a lower value means more loyal, as with price sensitivity), and the index is
//   100 x sum(w_d x score_d) / sum(w_d)   over the drivers the customer has.
// A driver is missing for a customer when its column is null or its value NaN. Missing
// drivers are never dropped silently: with MissingDrivers::reweight the remaining weights
// are scaled up to sum 1 and the result records, per customer, which drivers were used
// (effective_weights() gives the weights actually applied); with MissingDrivers::reject any
// missing value is an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

struct LoyaltyDriver {
  std::string name;
  double weight = 1;           // > 0; weights need not sum to 1
  double low = 0;              // raw value scoring 0 (or 1 when !higher_is_loyal)
  double high = 1;             // raw value scoring 1 (or 0)
  bool higher_is_loyal = true;
  // Values above `high` score as `high` (tenure: two years and ten years are both "long").
  // Otherwise a value outside [low, high] is an error; below `low` always is.
  bool saturate = false;
};

// The drivers the material names, with illustrative weights (the material gives drivers,
// not weights; set your own):
//   repeat_purchase_rate  0.30  0..1 (share of purchases that were repeats, or of periods
//                               with a purchase)
//   tenure_days           0.15  0..730, saturating (two years = full score)
//   satisfaction          0.25  1..5 (the 1-5 scale of the material's instruments)
//   price_sensitivity     0.15  0..1, lower is more loyal
//   complaint_tolerance   0.15  0..1 (share of quality incidents that did not lose the customer)
std::vector<LoyaltyDriver> default_loyalty_drivers();

enum class MissingDrivers : std::uint8_t { reweight, reject };
// "reweight", "reject".
const NameTable& names(MissingDrivers);

struct LoyaltyOptions {
  std::vector<LoyaltyDriver> drivers = default_loyalty_drivers();  // 1..32 drivers
  MissingDrivers missing = MissingDrivers::reweight;
};

struct LoyaltyResult {
  std::vector<double> index;                // per customer, 0..100; NaN with no driver at all
  std::vector<std::uint32_t> drivers_used;  // per customer, bit d = driver d entered the index
  std::vector<std::string> driver_names;
  std::vector<double> weights;              // nominal weights, normalised to sum 1
  std::vector<std::size_t> coverage;        // per driver: customers that had it
  std::size_t reweighted = 0;               // customers scored on a subset of the drivers
  std::size_t without_index = 0;            // customers with no driver (index NaN)

  // The weights applied to one customer (0 for unused drivers; sum 1 unless none used).
  std::vector<double> effective_weights(std::size_t customer) const;
};

// columns[d] holds n raw values of options.drivers[d] (null = missing for everyone);
// column_count must equal the number of drivers. Throws invalid_argument for bad drivers
// (unnamed, duplicated, weight <= 0, low >= high), a value out of range (naming driver and
// index) and, with MissingDrivers::reject, a missing value.
LoyaltyResult loyalty_index(const double* const* columns, std::size_t column_count, std::size_t n,
                            const LoyaltyOptions& options = {});
inline LoyaltyResult loyalty_index(const std::vector<const double*>& columns, std::size_t n,
                                   const LoyaltyOptions& options = {}) {
  return loyalty_index(columns.data(), columns.size(), n, options);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
