// Reliability of a multi-item scale: Cronbach's alpha (raw and standardised), alpha if an
// item is deleted, and corrected item-total correlations.
//
// Every figure comes from the items' covariance matrix, accumulated in one pass over the
// respondents x items answers (quality/instrument.hpp's Answers: row-major, NaN =
// unanswered), so a million respondents cost one read of the data:
//   raw alpha          = k / (k - 1) x (1 - trace(C) / sum(C))            (Cronbach 1951)
//   standardised alpha = k / (k - 1) x (1 - k / sum(R)) = k r / (1 + (k - 1) r),
//                        R = the correlation matrix, r = its mean off-diagonal entry
//   alpha if item i is deleted = raw alpha of the other k - 1 items
//   corrected item-total correlation of item i = correlation of item i with the sum of
//                        the other items = (rowsum_i(C) - C_ii) / sqrt(C_ii x sum(C without i))
// C uses n - 1 denominators. These are the figures R's psych::alpha prints as raw_alpha,
// std.alpha, "Reliability if an item is dropped: raw_alpha" and r.drop.
//
// Reverse-coded items must be reversed first (score_answers does it for an instrument).
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

struct ReliabilityOptions {
  // listwise (default): only respondents who answered every item. pairwise: each
  // covariance from the respondents who answered both items, each variance from everyone
  // who answered the item (R's cov(use = "pairwise.complete.obs"), psych::alpha's
  // default). dimension_mean does not apply to a bare item matrix (fill answers in with
  // score_answers first) and is refused.
  MissingPolicy missing = MissingPolicy::listwise;
};

struct ReliabilityResult {
  std::size_t items = 0;
  // Respondents whose answers entered: complete rows (listwise), rows with at least one
  // answer (pairwise).
  std::size_t respondents = 0;
  double alpha_raw = 0;           // Cronbach's alpha on the covariances
  double alpha_standardised = 0;  // on the correlations (items scaled to unit variance)
  double mean_correlation = 0;    // mean inter-item correlation r
  std::vector<double> alpha_if_deleted;        // raw alpha without item i (k >= 3; NaN for k = 2)
  std::vector<double> item_total_correlation;  // corrected: item i vs the sum of the others
  std::vector<double> item_mean;
  std::vector<double> item_variance;           // n - 1 denominator
};

// Reliability of the answers' items (all columns). Needs at least 2 items and, for every
// item pair, 2 respondents. Figures that divide by zero (an item nobody varied on, a
// total with no variance) are NaN, not an error. Throws invalid_argument for fewer items,
// too few respondents (naming the policy, or the item pair under pairwise), a null
// pointer, an infinite answer (naming respondent and item, 0-based) or dimension_mean.
ReliabilityResult reliability(const Answers& answers, const ReliabilityOptions& options = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
