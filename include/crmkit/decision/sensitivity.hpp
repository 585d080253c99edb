// How robust is a ranking (include/crmkit/decision/rank.hpp) to its weights and to the set
// of alternatives?
//
// Weight intervals. Criterion j's weight moves from w_j to t in [0, 1] and the other weights
// are rescaled proportionally, w_k (1 - t) / (1 - w_j), so they keep their ratios and the sum
// stays 1 (when w_j = 1 the others are all 0 and share 1 - t equally). For each criterion
// the result gives the interval of t around w_j within which the top choice (the set of
// rank-1 alternatives), and separately the full ranking, stays as it is. At an end inside
// (0, 1) two alternatives' scores meet; an end at 0 or 1 means no change up to that bound.
//   Exact for the methods whose scores are linear in the weights: WSM (normalisation does
//   not depend on the weights) and PROMETHEE II (phi = sum_j w_j phi_j). Each score is then a
//   line in t and the ends are where two lines cross, computed in closed form.
//   Numeric for WPM, WASPAS, TOPSIS and VIKOR: t is scanned from w_j outwards in steps of
//   SensitivityOptions::step, and the first step that changes the result is bisected down to
//   SensitivityOptions::tolerance. A change that appears and disappears again within one
//   step can be missed: that is the stated limit of the search (halve the step to check).
// The smallest weight change that flips the winner is the nearest end of a top-choice
// interval over all criteria (one criterion's weight moved, the others rescaled).
//
// Rank acceptability (SMAA, Lahdelma & Salminen 2001). Weights are drawn at random, each
// draw ranked, and b(i, r) is the share of draws in which alternative i takes rank r (ties
// share a rank, so each row sums to 1, a column need not). Draws come from
//   dirichlet  Dirichlet(c w_1, ..., c w_k) around the given weights: mean w, variance
//              w_j (1 - w_j) / (c + 1) for concentration c; a criterion of weight 0 stays 0;
//   uniform    uniform on the simplex (Dirichlet(1, ..., 1)): no weight information at all.
// The central weights of i are the mean weights of the draws in which i ranks first (NaN
// when it never does). The draws use the project's one seeded generator (SplitMix64,
// src/detail/random.hpp): the same seed gives the same result on every platform.
//
// Rank reversal. An alternative is removed (or a new one added) and the remaining ones are
// ranked again: every pair of them whose relation (above, tied, below) changed is listed.
// Normalisations that depend on the column's extremes or norms (max, minmax, vector, VIKOR's
// best and worst, PROMETHEE's pairwise flows) can reverse ranks in this way.
//
// Each analysis ranks many times; one that would evaluate more than 1e10 cells (draws x
// alternatives x criteria, the numeric search's rankings, or n^3 for removing each of n
// alternatives) is refused up front with invalid_argument, rather than running for minutes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "crmkit/decision/rank.hpp"
#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

struct SensitivityOptions {
  double step = 0.01;        // numeric search: scan step in weight, (0, 0.5]
  double tolerance = 1e-9;   // numeric search: width of the bracket an end is bisected to
};

struct WeightInterval {
  double weight = 0;                       // the given weight
  double top_low = 0, top_high = 1;        // the top choice stays within [top_low, top_high]
  double ranking_low = 0, ranking_high = 1;  // the whole ranking stays within these
};

struct WeightSensitivity {
  bool exact = false;                    // closed form (WSM, PROMETHEE) or numeric search
  std::vector<WeightInterval> criteria;  // one per criterion
  // The smallest single-criterion change that changes the top choice; has_flip is false
  // when no criterion's weight can change it anywhere in [0, 1].
  bool has_flip = false;
  std::size_t flip_criterion = 0;
  double flip_weight = 0;                // the weight at which it changes
  double flip_change = 0;                // flip_weight - the given weight
  std::size_t flip_winner = 0;           // just beyond that weight: an alternative first there
                                         // that was not first before (possibly tied)
};

WeightSensitivity weight_sensitivity(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                     const RankOptions& rank_options = {},
                                     const SensitivityOptions& options = {});

enum class WeightDistribution : std::uint8_t { dirichlet, uniform };
// "dirichlet", "uniform".
const NameTable& names(WeightDistribution);

struct MonteCarloOptions {
  std::size_t draws = 10000;  // 1..10^8
  std::uint64_t seed = 42;
  WeightDistribution distribution = WeightDistribution::dirichlet;
  double concentration = 50;  // Dirichlet's c, > 0: larger keeps draws closer to the weights
};

struct RankAcceptability {
  std::size_t alternatives = 0, criteria = 0, draws = 0;
  std::vector<double> acceptability;    // alternatives x alternatives: [i * n + r - 1] = b(i, r)
  std::vector<double> central_weights;  // alternatives x criteria; NaN rows: never first
  double share(std::size_t alternative, std::size_t rank) const {
    return acceptability[alternative * alternatives + rank - 1];
  }
};

RankAcceptability rank_acceptability(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                     const RankOptions& rank_options = {},
                                     const MonteCarloOptions& options = {});

struct RankReversal {
  std::size_t alternative = 0;  // removed: its index; added: the new one's index (= the
                                // matrix's alternatives)
  bool winner_changed = false;  // the best of the others is no longer (only) best
  // Pairs (a, b) of the others, a < b, whose relation changed.
  std::vector<std::pair<std::size_t, std::size_t>> reversed;
};

// One check per alternative removed in turn (needs three or more alternatives).
std::vector<RankReversal> rank_reversal_on_removal(const DecisionMatrix& matrix,
                                                   const std::vector<double>& weights,
                                                   const RankOptions& options = {});
// One check with `row` (one value per criterion) added as alternative `name`.
RankReversal rank_reversal_on_addition(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                       const std::vector<double>& row, const std::string& name = {},
                                       const RankOptions& options = {});

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
