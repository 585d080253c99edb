// Criterion weights other than AHP's (decision/ahp.hpp): direct, from a ranking, and the
// objective weights a decision matrix implies (entropy, CRITIC). Every function returns
// non-negative weights summing to 1, one per criterion.
//
// A decision matrix is alternatives x criteria, row-major.
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

// Direct weights normalised to sum 1 (e.g. points out of 100). Throws invalid_argument for
// no criteria, a negative or non-finite value, or all zeros.
std::vector<double> direct_weights(const double* values, std::size_t criteria);

enum class RankWeighting {
  rank_sum,             // w ~ n + 1 - position
  reciprocal,           // w ~ 1 / position
  rank_order_centroid,  // w = (1/n) * sum_{k = position}^{n} 1/k (Barron & Barrett 1996)
};
const NameTable& names(RankWeighting);

// Weights from a ranking: ranks[i] is criterion i's rank, 1 = most important. Only the
// order matters; criteria with equal ranks share the mean of the weights of the positions
// they occupy (ranks 1, 2, 2, 4 give positions 1, {2, 3}, 4). Throws invalid_argument for
// no criteria or a non-finite rank.
std::vector<double> rank_weights(const double* ranks, std::size_t criteria, RankWeighting method);

// Shannon entropy weights: p_ij = x_ij / sum_i x_ij, E_j = -sum_i p_ij ln p_ij / ln m,
// w_j ~ 1 - E_j (a criterion on which the alternatives differ more weighs more). Needs at
// least two alternatives and non-negative values with a positive sum in every column;
// invalid_argument names the column. When every column is constant (all E_j = 1) the
// weights are undefined: invalid_argument.
std::vector<double> entropy_weights(const double* matrix, std::size_t alternatives,
                                    std::size_t criteria);

// CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995): each column min-max normalised in its
// direction (cost[j] true: smaller is better; null = all benefit), C_j = sigma_j *
// sum_k (1 - r_jk) with sigma the standard deviation and r the Pearson correlation of the
// normalised columns, w_j ~ C_j. A constant column is an error naming it.
std::vector<double> critic_weights(const double* matrix, std::size_t alternatives,
                                   std::size_t criteria, const bool* cost = nullptr);

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
