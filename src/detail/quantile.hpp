// Quantile of sorted values by linear interpolation between order statistics (R's
// quantile type 7, the default of R and NumPy): shared by the bootstrap intervals.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace detail {

// `sorted` non-empty and ascending; p in [0, 1].
inline double quantile(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
