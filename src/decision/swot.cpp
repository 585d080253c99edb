#include "crmkit/decision/swot.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "crmkit/decision/rank.hpp"
#include "crmkit/error.hpp"
#include "decision/labels.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

using detail::num;

namespace {

bool internal(SwotGroup g) { return g == SwotGroup::strength || g == SwotGroup::weakness; }

std::string factor_label(const SwotFactor& f) { return "factor '" + f.name + "' (" + name_of(f.group) + ")"; }

void check_sum(double sum, const char* which) {
  require(std::fabs(sum - 1) <= kWeightSumTolerance,
          std::string("the ") + which + " factors' weights sum to " + num(sum) + ", off 1 by " + num(sum - 1));
}

// IFE/EFE bands on the 1-4 scale: 3 and above strong/high (0), 2 to 3 average/medium (1),
// below 2 weak/low (2).
int band(double total) { return total >= 3 ? 0 : total >= 2 ? 1 : 2; }

// Indices of group g's factors, best score first (ties by listed order).
std::vector<std::size_t> strongest(const std::vector<SwotFactor>& factors, const std::vector<double>& scores,
                                   SwotGroup g, std::size_t k) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < factors.size(); ++i)
    if (factors[i].group == g) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace

const NameTable& names(SwotGroup) {
  static constexpr const char* kNames[] = {"S", "W", "O", "T"};
  static constexpr NameTable table("SWOT group", kNames);
  return table;
}

const NameTable& names(IeStrategy) {
  static constexpr const char* kNames[] = {"grow-and-build", "hold-and-maintain", "harvest-or-divest"};
  static constexpr NameTable table("IE strategy", kNames);
  return table;
}

const NameTable& names(SwotQuadrant) {
  static constexpr const char* kNames[] = {"aggressive", "turnaround", "diversification", "defensive"};
  static constexpr NameTable table("SWOT quadrant", kNames);
  return table;
}

const NameTable& names(TowsType) {
  static constexpr const char* kNames[] = {"SO", "ST", "WO", "WT"};
  static constexpr NameTable table("TOWS type", kNames);
  return table;
}

void validate(const std::vector<SwotFactor>& factors) {
  double internal_sum = 0, external_sum = 0;
  std::size_t internal_count = 0;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const SwotFactor& f = factors[i];
    require(static_cast<std::size_t>(f.group) < names(SwotGroup{}).size(),
            "factor " + std::to_string(i) + " (0-based) has an unknown SWOT group");
    require(!f.name.empty(), "factor " + std::to_string(i) + " (0-based) has no name");
    require(seen.insert(f.name).second, "factor '" + f.name + "' is listed twice");
    require(std::isfinite(f.weight) && f.weight >= 0 && f.weight <= 1,
            "weight of " + factor_label(f) + " is " + num(f.weight) + ", outside 0..1");
    require(std::isfinite(f.rating) && f.rating >= 1 && f.rating <= 4,
            "rating of " + factor_label(f) + " is " + num(f.rating) + ", outside 1..4");
    (internal(f.group) ? internal_sum : external_sum) += f.weight;
    internal_count += internal(f.group);
  }
  require(internal_count > 0, "SWOT: no internal factor (S or W)");
  require(internal_count < factors.size(), "SWOT: no external factor (O or T)");
  check_sum(internal_sum, "internal (S and W)");
  check_sum(external_sum, "external (O and T)");
}

SwotResult swot(const std::vector<SwotFactor>& factors, const SwotOptions& options) {
  validate(factors);
  require(options.tows_per_group >= 1, "SWOT: tows_per_group must be at least 1");
  SwotResult r;
  for (const SwotFactor& f : factors) {
    const double score = f.weight * f.rating;
    r.scores.push_back(score);
    (internal(f.group) ? r.ife : r.efe) += score;
    switch (f.group) {
      case SwotGroup::strength: r.internal_net += score; break;
      case SwotGroup::weakness: r.internal_net -= score; break;
      case SwotGroup::opportunity: r.external_net += score; break;
      case SwotGroup::threat: r.external_net -= score; break;
    }
  }
  const int row = band(r.efe), col = band(r.ife);
  r.ie_cell = 3 * row + col + 1;
  // Diagonals of the IE grid: row + col 0-1 grow, 2 hold, 3-4 harvest.
  r.strategy = row + col <= 1 ? IeStrategy::grow_and_build
               : row + col == 2 ? IeStrategy::hold_and_maintain
                                : IeStrategy::harvest_or_divest;
  const bool strong = r.internal_net >= 0, favourable = r.external_net >= 0;
  r.quadrant = favourable ? (strong ? SwotQuadrant::aggressive : SwotQuadrant::turnaround)
                          : (strong ? SwotQuadrant::diversification : SwotQuadrant::defensive);
  const std::size_t k = options.tows_per_group;
  const struct {
    TowsType type;
    SwotGroup in, ex;
  } kTypes[] = {{TowsType::so, SwotGroup::strength, SwotGroup::opportunity},
                {TowsType::st, SwotGroup::strength, SwotGroup::threat},
                {TowsType::wo, SwotGroup::weakness, SwotGroup::opportunity},
                {TowsType::wt, SwotGroup::weakness, SwotGroup::threat}};
  for (const auto& t : kTypes) {
    std::vector<TowsPair> pairs;
    for (std::size_t i : strongest(factors, r.scores, t.in, k))
      for (std::size_t e : strongest(factors, r.scores, t.ex, k))
        pairs.push_back({t.type, i, e, r.scores[i] + r.scores[e]});
    std::stable_sort(pairs.begin(), pairs.end(), [](const TowsPair& a, const TowsPair& b) { return a.score > b.score; });
    r.tows.insert(r.tows.end(), pairs.begin(), pairs.end());
  }
  return r;
}

SwotAhpResult swot_ahp(const std::vector<SwotFactor>& factors, const std::vector<double>& group_matrix,
                       const std::vector<std::vector<double>>& factor_matrices, const AhpOptions& options) {
  require(group_matrix.size() == 16, "SWOT-AHP: the group matrix has " + std::to_string(group_matrix.size()) +
                                         " entries, not 4 x 4 (S, W, O, T)");
  require(factor_matrices.size() == 4, "SWOT-AHP: " + std::to_string(factor_matrices.size()) +
                                           " factor matrices, one per group (S, W, O, T) expected");
  std::vector<std::vector<std::size_t>> members(4);
  for (std::size_t i = 0; i < factors.size(); ++i) members[static_cast<std::size_t>(factors[i].group)].push_back(i);
  SwotAhpResult out;
  const std::vector<std::string> group_names = {"S", "W", "O", "T"};
  out.groups = ahp(group_matrix.data(), 4, options, group_names);
  out.local.assign(factors.size(), 0.0);
  out.global.assign(factors.size(), 0.0);
  for (std::size_t g = 0; g < 4; ++g) {
    const std::size_t n = members[g].size();
    const std::string group = names(SwotGroup{}).name(g);
    require(n > 0, "SWOT-AHP: group " + group + " has no factor");
    require(factor_matrices[g].size() == n * n, "SWOT-AHP: the " + group + " matrix has " +
                                                    std::to_string(factor_matrices[g].size()) + " entries for " +
                                                    std::to_string(n) + " factors (" + std::to_string(n * n) +
                                                    " expected)");
    std::vector<std::string> factor_names;
    for (std::size_t i : members[g]) factor_names.push_back(factors[i].name);
    out.within.push_back(ahp(factor_matrices[g].data(), n, options, factor_names));
    for (std::size_t k = 0; k < n; ++k) {
      out.local[members[g][k]] = out.within.back().priorities[k];
      out.global[members[g][k]] = out.groups.priorities[g] * out.within.back().priorities[k];
    }
  }
  return out;
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
