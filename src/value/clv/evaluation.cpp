#include "crmkit/value/clv/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

HoldoutComparison compare_predictions(const double* frequency, const double* actual,
                                      std::size_t n, std::vector<double> predicted,
                                      int max_frequency) {
  require(n > 0, "holdout comparison: no customers");
  require(frequency && actual, "holdout comparison: frequency and actual must not be null");
  require(predicted.size() == n, "holdout comparison: one prediction per customer needed");
  require(max_frequency >= 0 && max_frequency <= 10000,
          "holdout comparison: max_frequency must be in 0..10000");
  HoldoutComparison out;
  out.by_frequency.resize(static_cast<std::size_t>(max_frequency) + 1);
  for (std::size_t g = 0; g < out.by_frequency.size(); ++g) {
    out.by_frequency[g].frequency = static_cast<double>(g);
  }
  out.by_frequency.back().and_above = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(frequency[i]) || frequency[i] < 0 || !std::isfinite(actual[i]) ||
        actual[i] < 0) {
      throw Error(ErrorCode::invalid_argument,
                  "row " + std::to_string(i) +
                      " (0-based): frequency and actual holdout purchases must be finite and >= 0");
    }
    const auto g = static_cast<std::size_t>(std::min(frequency[i], static_cast<double>(max_frequency)));
    FrequencyGroup& group = out.by_frequency[g];
    group.customers += 1;
    group.actual_mean += actual[i];
    group.predicted_mean += predicted[i];
    out.actual_total += actual[i];
    out.predicted_total += predicted[i];
  }
  for (FrequencyGroup& g : out.by_frequency) {
    if (g.customers > 0) {
      g.actual_mean /= g.customers;
      g.predicted_mean /= g.customers;
    }
  }
  out.predicted = std::move(predicted);
  return out;
}

namespace detail {

std::vector<std::pair<double, double>> cohorts(const double* first_purchase, std::size_t n) {
  require(n > 0, "tracking curve: no customers");
  require(first_purchase != nullptr, "tracking curve: first_purchase must not be null");
  std::vector<double> t(first_purchase, first_purchase + n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(t[i]) || t[i] < 0) {
      throw Error(ErrorCode::invalid_argument,
                  "row " + std::to_string(i) + " (0-based): first purchase time must be finite and >= 0");
    }
  }
  std::sort(t.begin(), t.end());
  std::vector<std::pair<double, double>> out;
  for (double v : t) {
    if (out.empty() || out.back().first != v) out.emplace_back(v, 0.0);
    out.back().second += 1;
  }
  return out;
}

void check_periods(int periods) {
  require(periods >= 1 && periods <= 1000000, "tracking curve: periods must be in 1..1000000");
}

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit
