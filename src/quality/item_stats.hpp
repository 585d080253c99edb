// Private to the quality pillar: the checks and item means the statistics over a bare
// answer matrix share (IPA, CSI, the gap model's sources).
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace detail {

// Throws invalid_argument unless every answer of `answers` is NaN or on `scale` and the
// pointer is usable; messages start with `what` ("performance: respondent 3, item 2
// (0-based): answer 9 is outside the scale 1-7"). Also checks the scale itself.
void require_on_scale(const Answers& answers, const Scale& scale, const char* what);

// Mean of each item over its answers (one pass over the rows); NaN for an item nobody
// answered.
std::vector<double> answered_means(const Answers& answers);

// answered_means, but throws invalid_argument naming `what` and the item
// when an item has no answer at all.
std::vector<double> item_means(const Answers& answers, const char* what);

}  // namespace detail
}  // namespace quality
}  // namespace v0
}  // namespace crmkit
