// Weighted SWOT: factors under strengths, weaknesses, opportunities and threats, each with a
// weight and a rating; the Internal and External Factor Evaluation totals (IFE, EFE; David,
// Strategic Management), the position in the internal-external (IE) matrix and in the SWOT
// quadrants, TOWS candidate strategies pairing the strongest factors, SWOT-AHP (Kurttila et
// al. 2000) and an SVG SWOT matrix.
//
// Weights: each in [0, 1]; the internal factors' (S and W) sum to 1 and so do the external
// factors' (O and T), within kWeightSumTolerance. Ratings: 1 to 4 (1 a major weakness or a
// poor response to an external factor, 4 a major strength or a superior response). A
// factor's score is weight x rating; IFE = the internal scores' sum, EFE the external's,
// both in [1, 4] with 2.5 the average.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/decision/ahp.hpp"
#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

enum class SwotGroup : std::uint8_t { strength, weakness, opportunity, threat };
// "S", "W", "O", "T".
const NameTable& names(SwotGroup);

// IE matrix strategy (David): cells I, II, IV grow and build; III, V, VII hold and
// maintain; VI, VIII, IX harvest or divest.
enum class IeStrategy : std::uint8_t { grow_and_build, hold_and_maintain, harvest_or_divest };
// "grow-and-build", "hold-and-maintain", "harvest-or-divest".
const NameTable& names(IeStrategy);

// The SWOT quadrant of (S - W, O - T) score totals (a SPACE-style reading): SO aggressive
// (both >= 0), WO turnaround (internal < 0, external >= 0), ST diversification (internal
// >= 0, external < 0), WT defensive (both < 0).
enum class SwotQuadrant : std::uint8_t { aggressive, turnaround, diversification, defensive };
// "aggressive", "turnaround", "diversification", "defensive".
const NameTable& names(SwotQuadrant);

// TOWS strategy types: SO uses strengths to seize opportunities, ST uses strengths against
// threats, WO overcomes weaknesses through opportunities, WT minimises both.
enum class TowsType : std::uint8_t { so, st, wo, wt };
// "SO", "ST", "WO", "WT".
const NameTable& names(TowsType);

struct SwotFactor {
  SwotGroup group = SwotGroup::strength;
  std::string name;
  double weight = 0;
  double rating = 0;
  std::string note;  // e.g. the answer to the material's guiding question
};

// A candidate strategy pairing an internal factor with an external one (indices into the
// factors); score = the sum of their scores.
struct TowsPair {
  TowsType type = TowsType::so;
  std::size_t internal = 0;
  std::size_t external = 0;
  double score = 0;
};

struct SwotOptions {
  // TOWS: how many of the strongest factors of each group are paired (the pairs of each type
  // are then at most this squared).
  std::size_t tows_per_group = 2;
};

struct SwotResult {
  std::vector<double> scores;  // per factor: weight x rating
  double ife = 0;              // internal total
  double efe = 0;              // external total
  double internal_net = 0;     // S scores - W scores
  double external_net = 0;     // O scores - T scores
  int ie_cell = 0;             // 1..9 (I..IX): rows EFE high/medium/low, columns IFE strong/average/weak
  IeStrategy strategy = IeStrategy::hold_and_maintain;
  SwotQuadrant quadrant = SwotQuadrant::aggressive;
  std::vector<TowsPair> tows;  // SO, ST, WO, WT in turn, the best-scoring pair first within each
};

// Throws invalid_argument naming the factor for an empty or repeated name, a weight outside
// [0, 1] or a rating outside [1, 4]; for no internal or no external factor; and for internal
// or external weights that do not sum to 1 (saying the sum and by how much it misses).
void validate(const std::vector<SwotFactor>& factors);
SwotResult swot(const std::vector<SwotFactor>& factors, const SwotOptions& options = {});

// SWOT-AHP (Kurttila, Pesonen, Kangas & Kajanus 2000): the four groups compared pairwise
// (`group_matrix`, 4 x 4 in S, W, O, T order) and the factors within each group
// (`factor_matrices[g]`, n_g x n_g, n_g = factors of group g in their listed order; a group's
// single factor needs the 1 x 1 matrix {1}). A factor's global priority is its group's
// priority times its local priority; the global priorities sum to 1.
struct SwotAhpResult {
  AhpResult groups;                 // priorities of S, W, O, T
  std::vector<AhpResult> within;    // per group
  std::vector<double> local;        // per factor (in the factors' order)
  std::vector<double> global;       // per factor
};
SwotAhpResult swot_ahp(const std::vector<SwotFactor>& factors, const std::vector<double>& group_matrix,
                       const std::vector<std::vector<double>>& factor_matrices,
                       const AhpOptions& options = {});

// The SWOT matrix as a standalone SVG: four quadrants listing each group's factors with
// their scores, and IFE, EFE and the position underneath.
std::string swot_chart(const std::vector<SwotFactor>& factors, const SwotResult& result,
                       const std::string& title = "SWOT matrix");

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
