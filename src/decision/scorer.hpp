// Internal to the decision pillar: a decision problem prepared once for scoring many weight
// vectors. rank() scores one, the sensitivity analysis thousands (Monte Carlo draws, the
// weight-interval search); what does not depend on the weights (checks, normalisation,
// PROMETHEE's pairwise preferences) is done here once.
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/decision/rank.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {
namespace detail {

class Scorer {
 public:
  // Validates `matrix` and `options` (not the weights) and prepares the method's data.
  // Keeps a reference to `matrix`, which must outlive the Scorer.
  Scorer(const DecisionMatrix& matrix, const RankOptions& options);

  std::size_t alternatives() const { return m_.alternatives; }
  std::size_t criteria() const { return m_.criteria; }
  bool lower_is_better() const { return o_.method == RankMethod::vikor; }
  // Scores linear in the weights (WSM, PROMETHEE II): score_i = sum_j w_j contribution(i, j).
  bool linear() const { return o_.method == RankMethod::wsm || o_.method == RankMethod::promethee; }
  double contribution(std::size_t i, std::size_t j) const { return a_[i * m_.criteria + j]; }

  // The ranking score of every alternative under weights w (criteria entries, checked by
  // the caller) into out (alternatives entries). `detail`, when set, receives the method's
  // details as well (its vectors are resized here).
  void score(const double* w, double* out, RankResult* detail = nullptr) const;

  // score() plus ranks, order and the method's details.
  RankResult result(const std::vector<double>& weights) const;

 private:
  void prepare_ratio(bool logs, bool plain);
  void prepare_minmax();
  void prepare_topsis();
  void prepare_vikor();
  void prepare_promethee();
  [[noreturn]] void fail_cell(std::size_t i, std::size_t j, const std::string& what) const;

  const DecisionMatrix& m_;
  RankOptions o_;
  // Per method, alternatives x criteria: WSM normalised values / PROMETHEE net flows per
  // criterion (a_); WPM logs of the normalised values (b_); WASPAS both; VIKOR the regrets
  // (f*_j - f_ij) / (f*_j - f-_j) (a_); PROMETHEE leaving and entering flows (b_, c_).
  std::vector<double> a_, b_, c_;
  // TOPSIS per criterion: scale (norm or range), best and worst raw values.
  std::vector<double> scale_, best_, worst_;
};

}  // namespace detail
}  // namespace decision
}  // namespace v0
}  // namespace crmkit
