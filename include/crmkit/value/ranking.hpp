// Ranking and quantile helpers shared by RFM scores, value tiers and concentration.
//
// Tie rule: customers with equal values always land in the same class, and a class is
// decided only by the customers *strictly* on one side of the value, so neither the input
// order nor how a sort breaks ties can change a result:
//   - quantile scores (RFM) count the customers strictly worse: score = 1 + floor(bins x
//     worse / n), i.e. a score of s needs at least (s - 1) / bins of the customers strictly
//     worse. A large tie group at the bottom (customers who bought once) thus scores 1;
//     all-equal values, or a single customer, score 1 (nobody is worse).
//   - tiers (tiers.hpp) count what lies strictly above: a customer is in a tier while the
//     share above it is below the tier's cut, so the customer who crosses a cut is still in
//     the upper tier (the ABC convention), with its whole tie group.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Checks a per-customer column at a public boundary: non-null, n > 0, every value finite
// and, for Sign::non_negative, >= 0. Throws invalid_argument naming `name` and the index.
enum class Sign { any, non_negative };
void require_column(const double* values, std::size_t n, const char* name, Sign sign = Sign::any);
// Throws invalid_argument "`name` has N values, expected M" unless n == expected.
void require_size(std::size_t n, std::size_t expected, const char* name);

// Which end of a dimension scores high: frequency and spend score high when large
// (higher), days since the last purchase scores high when small (lower).
enum class Better { higher, lower };

// Scores 1..bins for n values, and the cut points that produce them.
//
// Cut semantics (the same whether cuts were given or computed): bins - 1 increasing
// values c_1 < ... < c_{bins-1}; a value's score is 1 + the number of cuts it passes, where
// for Better::higher it passes c_j when v >= c_j and for Better::lower when v <= c_j. So
// frequency cuts {2, 3, 5, 8} give 1 purchase -> 1, 2 -> 2, 8 or more -> 5, and recency cuts
// {30, 90, 180, 365} give "within 30 days" -> 5, more than 365 days -> 1.
struct ScoreCuts {
  int bins = 0;
  // bins - 1 cut points. Computed quantile cuts are non-decreasing (a tie group spanning
  // several quantiles repeats a cut) and may be +-infinity when no value reaches a score.
  std::vector<double> cuts;
};

// Quantile scores with the tie rule above: score = 1 + floor(bins x worse / n). n distinct
// values fall into bins of (nearly) equal size. O(n): one radix sort of the keys (fewer
// passes the more ties), 16 bytes per value of scratch.
// Writes n scores to `out`; returns the cuts in the semantics above. bins in 2..9.
ScoreCuts quantile_scores(const double* values, std::size_t n, int bins, Better better,
                          std::uint8_t* out, const char* name = "values");
// Scores from caller cut points (strictly increasing, finite); bins = cuts.size() + 1.
ScoreCuts cut_scores(const double* values, std::size_t n, const std::vector<double>& cuts,
                     Better better, std::uint8_t* out, const char* name = "values");

// A copy of per-customer values sorted from the highest down, built once and shared by
// concentration and tiers (the sort is the dominant cost of both). Radix sort, O(n); 8
// bytes a customer kept, 16 more while sorting. Values must be finite; negatives are kept
// (tiers allow them).
class SortedValues {
 public:
  SortedValues(const double* values, std::size_t n, const char* name = "values");
  explicit SortedValues(const std::vector<double>& values, const char* name = "values")
      : SortedValues(values.data(), values.size(), name) {}

  const std::vector<double>& descending() const noexcept { return desc_; }
  std::size_t size() const noexcept { return desc_.size(); }
  double total() const noexcept { return total_; }

 private:
  std::vector<double> desc_;
  double total_ = 0;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit
