// Calibration/holdout evaluation of the CLV purchase models (Fader, Hardie & Lee 2005,
// "Counting Your Customers the Easy Way", section 5): the aggregate tracking curve of
// cumulative repeat transactions per period, and predicted vs actual holdout purchases per
// customer and averaged by calibration frequency (their Figures 2-4).
//
// The templates take any purchase model of this folder (BetaGeo, ParetoNbd, ModifiedBetaGeo,
// BetaGeoBetaBinom with integer times); ClvModel (clv/model.hpp) offers them at run time.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace value {

// Customers sharing one calibration frequency (the last group: frequency and above).
struct FrequencyGroup {
  double frequency = 0;
  bool and_above = false;  // true for the last group
  double customers = 0;
  double actual_mean = 0;     // mean actual holdout purchases
  double predicted_mean = 0;  // mean predicted holdout purchases
};

struct HoldoutComparison {
  std::vector<double> predicted;  // per customer, in input order
  double actual_total = 0;
  double predicted_total = 0;
  std::vector<FrequencyGroup> by_frequency;  // frequencies 0 .. max_frequency (the last "and above")
};

// Groups given per-customer predictions by calibration frequency. actual: holdout purchases
// (finite, >= 0); max_frequency >= 0. Throws invalid_argument naming a bad row.
HoldoutComparison compare_predictions(const double* frequency, const double* actual,
                                      std::size_t n, std::vector<double> predicted,
                                      int max_frequency);

// Predicted purchases in the holdout (T, T + holdout_length] of each customer against the
// actual ones. Arrays of length n; x, t_x, T are the calibration summary.
template <class PurchaseModel>
HoldoutComparison compare_holdout(const PurchaseModel& model, double holdout_length,
                                  const double* frequency, const double* recency, const double* T,
                                  const double* actual, std::size_t n, int max_frequency = 7) {
  std::vector<double> predicted(n);
  model.conditional_expected_purchases(holdout_length, frequency, recency, T, n, predicted.data());
  return compare_predictions(frequency, actual, n, std::move(predicted), max_frequency);
}

namespace detail {
// Distinct first-purchase times with their customer counts, sorted; validates that every
// time is finite and >= 0.
std::vector<std::pair<double, double>> cohorts(const double* first_purchase, std::size_t n);
void check_periods(int periods);
}  // namespace detail

// Expected cumulative repeat transactions of the whole customer base at the end of periods
// 1..periods: out[k-1] = sum over customers with first purchase t0 < k of E[X(k - t0)].
// first_purchase: each customer's first-purchase time in the model's time unit since the
// origin of the periods (period k ends at time k). Customers with equal times are computed
// once (CDNOW: 2,357 customers, 84 first-purchase days).
template <class PurchaseModel>
std::vector<double> expected_cumulative_repeat_transactions(const PurchaseModel& model,
                                                            const double* first_purchase,
                                                            std::size_t n, int periods) {
  detail::check_periods(periods);
  std::vector<double> out(static_cast<std::size_t>(periods), 0.0);
  for (const auto& [t0, count] : detail::cohorts(first_purchase, n)) {
    for (int k = 1; k <= periods; ++k) {
      if (k > t0) out[static_cast<std::size_t>(k - 1)] += count * model.expected_purchases(k - t0);
    }
  }
  return out;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
