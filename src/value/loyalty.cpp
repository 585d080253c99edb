#include "crmkit/value/loyalty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "crmkit/error.hpp"
#include "crmkit/value/ranking.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr const char* kMissingNames[2] = {"reweight", "reject"};
constexpr std::size_t kMaxDrivers = 32;  // one bit each in drivers_used

void validate(const std::vector<LoyaltyDriver>& drivers) {
  require(!drivers.empty() && drivers.size() <= kMaxDrivers,
          "loyalty drivers: " + std::to_string(drivers.size()) + " given, need 1..32");
  for (std::size_t d = 0; d < drivers.size(); ++d) {
    const LoyaltyDriver& dr = drivers[d];
    const std::string where = "loyalty driver " + std::to_string(d) + " '" + dr.name + "'";
    require(!dr.name.empty(), "loyalty driver " + std::to_string(d) + " has no name");
    for (std::size_t e = 0; e < d; ++e) require(drivers[e].name != dr.name, where + ": duplicate name");
    require(std::isfinite(dr.weight) && dr.weight > 0, where + ": weight must be > 0");
    require(std::isfinite(dr.low) && std::isfinite(dr.high) && dr.low < dr.high,
            where + ": needs finite low < high");
  }
}

// Raw value -> 0..1 for one driver; throws for values outside the driver's range.
double driver_score(const LoyaltyDriver& dr, double raw, std::size_t customer) {
  const bool in_range = raw >= dr.low && (raw <= dr.high || (dr.saturate && raw < INFINITY));
  require_lazy(in_range, [&] {
    return "loyalty driver '" + dr.name + "'[" + std::to_string(customer) + "] = " +
           std::to_string(raw) + ": outside [" + std::to_string(dr.low) + ", " +
           std::to_string(dr.high) + "]" + (dr.saturate ? " (saturating above)" : "");
  });
  const double s = (std::min(raw, dr.high) - dr.low) / (dr.high - dr.low);
  return dr.higher_is_loyal ? s : 1 - s;
}

}  // namespace

std::vector<LoyaltyDriver> default_loyalty_drivers() {
  return {
      {"repeat_purchase_rate", 0.30, 0, 1, true, false},
      {"tenure_days", 0.15, 0, 730, true, true},
      {"satisfaction", 0.25, 1, 5, true, false},
      {"price_sensitivity", 0.15, 0, 1, false, false},
      {"complaint_tolerance", 0.15, 0, 1, true, false},
  };
}

const NameTable& names(MissingDrivers) {
  static constexpr NameTable kTable("missing-driver policy", kMissingNames);
  return kTable;
}

std::vector<double> LoyaltyResult::effective_weights(std::size_t customer) const {
  require(customer < drivers_used.size(), "customer " + std::to_string(customer) + " out of range");
  std::vector<double> w(weights.size(), 0.0);
  double used = 0;
  for (std::size_t d = 0; d < weights.size(); ++d) {
    if (drivers_used[customer] >> d & 1u) used += weights[d];
  }
  for (std::size_t d = 0; d < weights.size(); ++d) {
    if (drivers_used[customer] >> d & 1u) w[d] = weights[d] / used;
  }
  return w;
}

LoyaltyResult loyalty_index(const double* const* columns, std::size_t column_count, std::size_t n,
                            const LoyaltyOptions& options) {
  const std::vector<LoyaltyDriver>& drivers = options.drivers;
  validate(drivers);
  require(n > 0, "loyalty input is empty");
  require(columns != nullptr, "loyalty columns is null");
  require(column_count == drivers.size(), "loyalty columns: " + std::to_string(column_count) +
                                              " given for " + std::to_string(drivers.size()) +
                                              " drivers");
  LoyaltyResult result;
  double weight_sum = 0;
  for (const LoyaltyDriver& dr : drivers) weight_sum += dr.weight;
  for (const LoyaltyDriver& dr : drivers) {
    result.driver_names.push_back(dr.name);
    result.weights.push_back(dr.weight / weight_sum);
  }
  result.coverage.assign(drivers.size(), 0);
  result.index.resize(n);
  result.drivers_used.resize(n);
  const std::uint32_t all = drivers.size() == 32 ? ~0u : (1u << drivers.size()) - 1;

  for (std::size_t i = 0; i < n; ++i) {
    double weighted = 0, used_weight = 0;
    std::uint32_t used = 0;
    for (std::size_t d = 0; d < drivers.size(); ++d) {
      const double raw = columns[d] ? columns[d][i] : NAN;
      if (std::isnan(raw)) {
        require_lazy(options.missing == MissingDrivers::reweight, [&] {
          return "loyalty driver '" + drivers[d].name + "' is missing for customer " +
                 std::to_string(i) + " and missing drivers are rejected";
        });
        continue;
      }
      weighted += result.weights[d] * driver_score(drivers[d], raw, i);
      used_weight += result.weights[d];
      used |= 1u << d;
      ++result.coverage[d];
    }
    result.drivers_used[i] = used;
    if (used == 0) {
      result.index[i] = std::numeric_limits<double>::quiet_NaN();
      ++result.without_index;
    } else {
      result.index[i] = 100 * weighted / used_weight;
      result.reweighted += used != all ? 1 : 0;
    }
  }
  return result;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
