// Customer satisfaction index (CSI): a 0-100 index from the weighted means of an
// instrument's items,
//     CSI = (sum_i w_i mean_i - min) / (max - min) x 100,   sum_i w_i = 1,
// where mean_i is item i's mean over its answers and [min, max] the scale: the lowest
// possible answer on every item gives 0, the highest 100. Weights are given (any
// non-negative numbers, normalised to sum 1) or equal.
//
// Its confidence interval is a percentile bootstrap: respondents are drawn with
// replacement `resamples` times (the seeded generator of src/detail/random.hpp, so one
// seed gives the same interval on every run and platform), the index is recomputed on
// each resample, and the interval runs from the (1 - level) / 2 to the (1 + level) / 2
// quantile of those indices (linear interpolation between order statistics, R's
// quantile type 7). A resample in which an item has no answer is drawn again.
//
// Tracking: one index and interval per survey wave and the change from the previous wave,
// with the percentile interval of the change from the waves' resamples taken pairwise
// (the waves are independent samples).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

struct CsiOptions {
  Scale scale;                  // of the answers
  std::vector<double> weights;  // one per item, >= 0, not all 0; empty = equal weights
  double level = 0.95;          // confidence level of the interval, in (0, 1)
  std::size_t resamples = 1000; // bootstrap resamples; 0 = no interval (NaN bounds)
  std::uint64_t seed = 20260101;
};

struct CsiResult {
  double index = 0;      // 0-100
  double lower = 0;      // bootstrap percentile interval (NaN without resamples)
  double upper = 0;
  std::size_t respondents = 0;
  std::vector<double> item_mean;
  std::vector<double> weights;  // normalised to sum 1
};

// The index of `answers` (respondents x items, NaN = unanswered). Throws invalid_argument
// for answers off the scale or infinite (naming respondent and item, 0-based), an item
// nobody answered, weights of the wrong count, negative, non-finite or all zero, a level
// outside (0, 1), more than 10^7 resamples, or a null pointer.
CsiResult csi(const Answers& answers, const CsiOptions& options = {});

struct CsiWave {
  CsiResult csi;
  // Index minus the previous wave's, with its bootstrap interval; NaN for the first wave.
  double change = 0, change_lower = 0, change_upper = 0;
};

// One CSI per wave (in the given order, same items, scale and weights), wave w
// bootstrapped with seed options.seed + w (so wave 0 equals csi(waves[0], options)).
// Errors name the wave (0-based).
std::vector<CsiWave> csi_tracking(const std::vector<Answers>& waves,
                                  const CsiOptions& options = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
