// Ranking alternatives on several criteria: weighted sum (WSM), weighted product (WPM),
// WASPAS, TOPSIS, VIKOR and PROMETHEE II over one decision matrix (alternatives x criteria),
// each criterion a benefit (more is better) or a cost (less is better).
//
// Normalisation (each method's textbook choice under Normalization::automatic):
//   max     benefit x / max_j, cost min_j / x (Triantaphyllou's WSM/WPM; WASPAS, Zavadskas et
//           al. 2012). Needs a positive column maximum for a benefit and positive costs.
//   minmax  benefit (x - min_j) / (max_j - min_j), cost (max_j - x) / (max_j - min_j); a
//           constant column is an error (it would divide by zero).
//   vector  x / sqrt(sum_i x_ij^2) (Hwang & Yoon's TOPSIS); the direction enters through the
//           ideal and anti-ideal points.
//   WSM: max or minmax; WPM and WASPAS: max only (minmax puts a 0 in the product); TOPSIS:
//   vector or minmax; VIKOR and PROMETHEE work on the raw values (their own scales), so only
//   automatic applies.
//
// Scores and order: WSM, WPM, WASPAS, TOPSIS (closeness) and PROMETHEE (net flow phi) rank
// the highest score first; VIKOR ranks the lowest Q first (RankResult::lower_is_better).
// Ties: scores a and b tie when |a - b| <= kTieTolerance x max(1, |a|, |b|). Groups form from
// the best score down: an alternative joins the group of the group's best member when it is
// within tolerance of that member (so ties never chain along a slope). Every member of a
// group has the rank 1 + (alternatives in better groups): "1, 1, 3" competition ranking.
//
// Weights: one per criterion, finite, >= 0, summing to 1 within kWeightSumTolerance (the
// error says by how much they miss).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

enum class Direction : std::uint8_t { benefit, cost };
// "benefit", "cost".
const NameTable& names(Direction);

enum class RankMethod : std::uint8_t { wsm, wpm, waspas, topsis, vikor, promethee };
// "wsm", "wpm", "waspas", "topsis", "vikor", "promethee".
const NameTable& names(RankMethod);

enum class Normalization : std::uint8_t { automatic, vector, minmax, max };
// "auto", "vector", "minmax", "max".
const NameTable& names(Normalization);

// PROMETHEE's preference functions P(d) of the difference d = f(a) - f(b) (reversed for a
// cost), Brans & Vincke 1985, with indifference q, preference p and Gaussian s thresholds
// in the criterion's own unit:
//   usual     d > 0: 1
//   u_shape   d > q: 1                          (q >= 0)
//   v_shape   0 < d < p: d / p; d >= p: 1       (p > 0)
//   level     q < d <= p: 1/2; d > p: 1         (0 <= q < p)
//   linear    q < d <= p: (d - q) / (p - q); d > p: 1   (0 <= q < p)
//   gaussian  d > 0: 1 - exp(-d^2 / (2 s^2))    (s > 0)
// and 0 otherwise.
enum class PreferenceFunction : std::uint8_t { usual, u_shape, v_shape, level, linear, gaussian };
// "usual", "u-shape", "v-shape", "level", "linear", "gaussian".
const NameTable& names(PreferenceFunction);

struct PreferenceCriterion {
  PreferenceFunction function = PreferenceFunction::usual;
  double q = 0;  // indifference threshold
  double p = 0;  // preference threshold
  double s = 0;  // Gaussian threshold
};

constexpr double kWeightSumTolerance = 1e-6;
constexpr double kTieTolerance = 1e-9;

struct DecisionMatrix {
  std::size_t alternatives = 0;
  std::size_t criteria = 0;
  std::vector<double> values;                  // alternatives x criteria, row-major
  std::vector<Direction> directions;           // one per criterion; empty: all benefit
  std::vector<std::string> alternative_names;  // empty or one per alternative (for messages)
  std::vector<std::string> criterion_names;    // empty or one per criterion

  DecisionMatrix() = default;
  DecisionMatrix(std::size_t alternatives_, std::size_t criteria_, std::vector<double> values_,
                 std::vector<Direction> directions_ = {})
      : alternatives(alternatives_), criteria(criteria_), values(std::move(values_)),
        directions(std::move(directions_)) {}

  double operator()(std::size_t i, std::size_t j) const { return values[i * criteria + j]; }
  bool is_cost(std::size_t j) const { return !directions.empty() && directions[j] == Direction::cost; }
  // "alternative 'B'", or "alternative 2 (0-based)" without names; the same for criteria.
  std::string alternative_label(std::size_t i) const;
  std::string criterion_label(std::size_t j) const;
};

// Throws invalid_argument for fewer than two alternatives, no criterion, a size mismatch
// (values, directions, names), a repeated name or a non-finite cell (naming it).
void validate(const DecisionMatrix& matrix);
// Throws invalid_argument for a count other than the matrix's criteria, a negative or
// non-finite weight (naming its criterion) or a sum off 1 by more than kWeightSumTolerance.
void validate_weights(const DecisionMatrix& matrix, const std::vector<double>& weights);

struct RankOptions {
  RankMethod method = RankMethod::topsis;
  Normalization normalization = Normalization::automatic;
  double waspas_lambda = 0.5;  // WASPAS: lambda x WSM + (1 - lambda) x WPM, 0..1
  double vikor_v = 0.5;        // VIKOR: weight of the group utility S against the regret R, 0..1
  std::vector<PreferenceCriterion> preferences;  // PROMETHEE: one per criterion; empty: usual
};

// Throws invalid_argument for options that do not fit the method or the matrix (naming
// them: a normalisation the method does not use, lambda or v outside 0..1, preference
// functions for another method, the wrong number of them, thresholds out of their range)
// and returns the normalisation the method will use.
Normalization validate_options(const DecisionMatrix& matrix, const RankOptions& options);

struct RankResult {
  RankMethod method = RankMethod::topsis;
  Normalization normalization = Normalization::automatic;  // the one used (never automatic
                                                           // for WSM, WPM, WASPAS, TOPSIS)
  bool lower_is_better = false;    // VIKOR's Q
  std::vector<double> scores;      // WSM/WPM/WASPAS score, TOPSIS closeness, VIKOR Q, PROMETHEE phi
  std::vector<std::size_t> ranks;  // 1 = best; ties share a rank (see the header comment)
  std::vector<std::size_t> order;  // alternatives best first (tied ones by index)

  // Method details; empty for the other methods.
  std::vector<double> wsm, wpm;                        // WASPAS: its two parts
  std::vector<double> distance_best, distance_worst;  // TOPSIS: D+ and D-
  std::vector<double> vikor_s, vikor_r;                // VIKOR: group utility S, regret R
  // VIKOR's conditions (Opricovic & Tzeng 2004) for the best alternative a' by Q:
  // C1 acceptable advantage Q(a'') - Q(a') >= 1 / (m - 1); C2 acceptable stability a' is
  // also best by S or by R. The compromise set, best first: {a'} when both hold; {a', a''}
  // when only C2 fails; when C1 fails, a' and every alternative whose Q is less than
  // 1 / (m - 1) above Q(a'). (m = 2 makes 1 / (m - 1) = 1: C1 then needs Q(a'') = 1.)
  bool acceptable_advantage = false;
  bool acceptable_stability = false;
  std::vector<std::size_t> compromise;
  std::vector<double> phi_plus, phi_minus;             // PROMETHEE: leaving and entering flows
};

// Ranks the alternatives of `matrix` with `weights` by options.method. Throws
// invalid_argument for bad input (see validate, validate_weights), options that do not fit
// the method (naming them), and data the method cannot take (naming the cell or column: a
// zero or negative cost under max normalisation, a negative value under WPM, a constant
// column under minmax).
RankResult rank(const DecisionMatrix& matrix, const std::vector<double>& weights,
                const RankOptions& options = {});

// The same, one name per method.
RankResult rank_wsm(const DecisionMatrix& matrix, const std::vector<double>& weights,
                    Normalization normalization = Normalization::automatic);
RankResult rank_wpm(const DecisionMatrix& matrix, const std::vector<double>& weights);
RankResult rank_waspas(const DecisionMatrix& matrix, const std::vector<double>& weights,
                       double lambda = 0.5);
RankResult rank_topsis(const DecisionMatrix& matrix, const std::vector<double>& weights,
                       Normalization normalization = Normalization::automatic);
RankResult rank_vikor(const DecisionMatrix& matrix, const std::vector<double>& weights,
                      double v = 0.5);
RankResult rank_promethee(const DecisionMatrix& matrix, const std::vector<double>& weights,
                          std::vector<PreferenceCriterion> preferences = {});

// Ranks of `scores` (1 = best, ties as described above); `order` receives the alternatives
// best first when not null. Scores must be finite.
std::vector<std::size_t> ranks_of(const std::vector<double>& scores, bool lower_is_better,
                                  std::vector<std::size_t>* order = nullptr);

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
