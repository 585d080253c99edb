// SERVQUAL scores: how far perceived service (P) falls short of, or exceeds, what customers
// expect (E), item by item and dimension by dimension; the overall score under both
// conventions in use, the weighted score from a 100-point importance allocation, SERVPERF
// (perceptions alone), and the three-column format with the zone of tolerance between the
// adequate (A) and the desired (E) level of service.
//
// Inputs are answer matrices on one instrument (quality/instrument.hpp: respondents x items,
// row-major, NaN = unanswered), the same respondents in the same rows in every matrix.
// Reverse-coded items (the 1988 SERVQUAL's negatively worded statements) are reversed in E,
// P and A before any difference is taken.
//
// Missing answers follow MissingOptions, applied to the E/P(/A) pair of an item:
//   listwise        only respondents who answered every E, P (and A) item are used;
//   pairwise        an item's gap uses the respondents who answered it on both sides; a
//                   pair answered on one side only adds nothing to the gap (nor to MSA/MSS)
//                   but its answer still counts in that side's own statistics (E, P, A
//                   means; SERVPERF uses every perception answered);
//   dimension_mean  E, P and A are each filled in from the respondent's answered items of
//                   the same dimension (score_answers), then differenced; a dimension with
//                   fewer than min_answered answers on a side is unanswered on that side.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

// A mean over respondents with its sample standard deviation (n - 1 in the denominator)
// and the two-sided t confidence interval mean -/+ t(1 - (1 - confidence) / 2, n - 1) x
// sd / sqrt(n). mean is NaN when n = 0; sd, lower and upper are NaN when n < 2.
struct Estimate {
  double mean = NAN;
  double sd = NAN;
  std::size_t n = 0;
  double lower = NAN;
  double upper = NAN;
};

// The Estimate of the non-NaN values among values[0], values[stride], ...,
// values[(count - 1) x stride]. confidence in (0, 1), else invalid_argument.
Estimate estimate(const double* values, std::size_t count, double confidence,
                  std::size_t stride = 1);

// Where perceived service lies against the zone of tolerance [adequate, desired].
// The boundaries belong to the zone: P equal to the adequate level (MSA = 0) or to the
// desired level (MSS = 0) is `within`. Placement uses mean MSA and mean MSS of the item or
// dimension: below when MSA < 0, else above when MSS > 0, else within (when the adequate
// level lies above the desired one, a shortfall against the adequate level wins).
enum class ZonePosition { below, within, above };
const NameTable& names(ZonePosition);  // "below", "within", "above"

struct ServqualOptions {
  MissingOptions missing;
  double confidence = 0.95;  // of every Estimate's interval, in (0, 1)
};

// The survey, as views the caller keeps alive during the call.
struct ServqualSurvey {
  Answers expected;   // E: expected (in the three-column format: desired) service
  Answers perceived;  // P
  // A: the adequate (minimum acceptable) level, for the three-column format; absent when
  // its data pointer is null.
  Answers adequate;
  // Importance: each respondent's 100 points over the dimensions (respondents x dimensions,
  // row-major, in the instrument's dimension order), or null. A row must be non-negative
  // and sum to 100 (within 1e-6); a row left entirely blank (all NaN) gives that respondent
  // no weighted score. Anything else is invalid_argument naming the respondent and by how
  // much the row misses 100.
  const double* weights = nullptr;
};

// Statistics of one item or one dimension. A dimension's Estimates are over respondents'
// dimension scores: the mean of the respondent's item values of that dimension (of the item
// gaps, for `gap`), so with complete answers the dimension gap is the mean of its item gaps.
struct ServqualLine {
  Estimate expected, perceived, gap;  // gap = P - E; with A given it is also MSS = P - desired
  Estimate adequate, msa;             // A and MSA = P - A; n = 0 without A
  ZonePosition zone = ZonePosition::within;  // meaningful only with A
};

// Overall scores of one measure under the two conventions, named for what they average.
struct OverallScore {
  double mean_of_items = NAN;       // mean of the item means (of 22 for SERVQUAL)
  double mean_of_dimensions = NAN;  // mean of the dimension means (of 5 for SERVQUAL)
};

struct ServqualResult {
  std::vector<ServqualLine> items;       // instrument item order
  std::vector<ServqualLine> dimensions;  // instrument dimension order
  OverallScore gap;                      // the unweighted SERVQUAL score
  OverallScore servperf;                 // perceptions only
  // Mean over respondents of sum_d (w_d / 100) x their gap on dimension d (respondents
  // without weights or with an unanswered dimension excluded); n = 0 without weights.
  Estimate weighted_gap;
  bool has_adequate = false;
  bool has_weights = false;
  std::size_t respondents = 0;       // rows given
  std::size_t respondents_used = 0;  // rows kept by the missing-answer policy
  // Per input row (respondents x dimensions, row-major): the respondent's dimension gaps
  // and weighted gap; NaN for rows the policy dropped or values that cannot be formed.
  std::vector<double> respondent_dimension_gap;
  std::vector<double> respondent_weighted_gap;
};

// Throws invalid_argument for an instrument or answers validate_answers rejects (naming the
// matrix: expected, perceived or adequate), matrices of different sizes, bad weights (see
// ServqualSurvey::weights) or a confidence outside (0, 1).
ServqualResult servqual(const Instrument& instrument, const ServqualSurvey& survey,
                        const ServqualOptions& options = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
