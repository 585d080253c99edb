#include "crmkit/decision/weights.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

namespace {

std::vector<double> normalised(std::vector<double> w) {
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& x : w) x /= sum;
  return w;
}

void require_matrix(const double* matrix, std::size_t alternatives, std::size_t criteria,
                    const char* what) {
  require(criteria >= 1, std::string(what) + ": no criteria");
  require(alternatives >= 2, std::string(what) + ": needs at least two alternatives");
  require(matrix != nullptr, std::string(what) + ": null matrix");
  for (std::size_t i = 0; i < alternatives * criteria; ++i)
    require_lazy(std::isfinite(matrix[i]), [&] {
      return std::string(what) + ": alternative " + std::to_string(i / criteria) +
             ", criterion " + std::to_string(i % criteria) + " is not a finite number";
    });
}

}  // namespace

const NameTable& names(RankWeighting) {
  static constexpr const char* kNames[] = {"rank-sum", "reciprocal", "rank-order-centroid"};
  static constexpr NameTable table("rank weighting", kNames);
  return table;
}

std::vector<double> direct_weights(const double* values, std::size_t criteria) {
  require(criteria >= 1, "direct weights: no criteria");
  require(values != nullptr, "direct weights: null values");
  std::vector<double> w(values, values + criteria);
  for (std::size_t j = 0; j < criteria; ++j)
    require_lazy(std::isfinite(w[j]) && w[j] >= 0, [&] {
      return "direct weights: criterion " + std::to_string(j) + " has weight " +
             std::to_string(w[j]) + "; weights are non-negative numbers";
    });
  require(std::accumulate(w.begin(), w.end(), 0.0) > 0, "direct weights: all weights are 0");
  return normalised(std::move(w));
}

std::vector<double> rank_weights(const double* ranks, std::size_t criteria, RankWeighting method) {
  require(criteria >= 1, "rank weights: no criteria");
  require(ranks != nullptr, "rank weights: null ranks");
  for (std::size_t j = 0; j < criteria; ++j)
    require_lazy(std::isfinite(ranks[j]), [&] {
      return "rank weights: criterion " + std::to_string(j) + " has no finite rank";
    });
  const double n = static_cast<double>(criteria);
  // Weight of each position 1..n.
  std::vector<double> position(criteria);
  for (std::size_t p = 0; p < criteria; ++p) {
    const double k = static_cast<double>(p + 1);
    switch (method) {
      case RankWeighting::rank_sum: position[p] = n + 1 - k; break;
      case RankWeighting::reciprocal: position[p] = 1 / k; break;
      case RankWeighting::rank_order_centroid: {
        double sum = 0;
        for (std::size_t m = p + 1; m <= criteria; ++m) sum += 1 / static_cast<double>(m);
        position[p] = sum / n;
        break;
      }
    }
  }
  std::vector<std::size_t> order(criteria);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::vector<double> w(criteria);
  for (std::size_t first = 0; first < criteria;) {
    std::size_t last = first;
    while (last + 1 < criteria && ranks[order[last + 1]] == ranks[order[first]]) ++last;
    double mean = 0;
    for (std::size_t p = first; p <= last; ++p) mean += position[p];
    mean /= static_cast<double>(last - first + 1);
    for (std::size_t p = first; p <= last; ++p) w[order[p]] = mean;
    first = last + 1;
  }
  return normalised(std::move(w));
}

std::vector<double> entropy_weights(const double* matrix, std::size_t alternatives,
                                    std::size_t criteria) {
  require_matrix(matrix, alternatives, criteria, "entropy weights");
  std::vector<double> divergence(criteria);
  const double log_m = std::log(static_cast<double>(alternatives));
  for (std::size_t j = 0; j < criteria; ++j) {
    double sum = 0;
    for (std::size_t i = 0; i < alternatives; ++i) {
      const double x = matrix[i * criteria + j];
      require_lazy(x >= 0, [&] {
        return "entropy weights: criterion " + std::to_string(j) + " has a negative value at "
               "alternative " + std::to_string(i) + "; entropy needs non-negative values";
      });
      sum += x;
    }
    require_lazy(sum > 0, [&] {
      return "entropy weights: criterion " + std::to_string(j) + " is 0 for every alternative";
    });
    double entropy = 0;
    for (std::size_t i = 0; i < alternatives; ++i) {
      const double p = matrix[i * criteria + j] / sum;
      if (p > 0) entropy -= p * std::log(p);
    }
    divergence[j] = std::max(0.0, 1 - entropy / log_m);
  }
  require(std::accumulate(divergence.begin(), divergence.end(), 0.0) > 0,
          "entropy weights: every criterion has the same value for all alternatives");
  return normalised(std::move(divergence));
}

std::vector<double> critic_weights(const double* matrix, std::size_t alternatives,
                                   std::size_t criteria, const bool* cost) {
  require_matrix(matrix, alternatives, criteria, "CRITIC weights");
  const double m = static_cast<double>(alternatives);
  // Normalised columns, centred, with their standard deviations.
  std::vector<double> z(alternatives * criteria), sigma(criteria);
  for (std::size_t j = 0; j < criteria; ++j) {
    double low = INFINITY, high = -INFINITY;
    for (std::size_t i = 0; i < alternatives; ++i) {
      low = std::min(low, matrix[i * criteria + j]);
      high = std::max(high, matrix[i * criteria + j]);
    }
    require_lazy(high > low, [&] {
      return "CRITIC weights: criterion " + std::to_string(j) +
             " has the same value for every alternative (min-max normalisation needs a range)";
    });
    double mean = 0;
    for (std::size_t i = 0; i < alternatives; ++i) {
      const double x = matrix[i * criteria + j];
      const double r = (cost && cost[j]) ? (high - x) / (high - low) : (x - low) / (high - low);
      z[i * criteria + j] = r;
      mean += r;
    }
    mean /= m;
    double ss = 0;
    for (std::size_t i = 0; i < alternatives; ++i) {
      double& r = z[i * criteria + j];
      r -= mean;
      ss += r * r;
    }
    sigma[j] = std::sqrt(ss / m);
  }
  std::vector<double> information(criteria, 0);
  for (std::size_t j = 0; j < criteria; ++j)
    for (std::size_t k = 0; k < criteria; ++k) {
      double cross = 0;
      for (std::size_t i = 0; i < alternatives; ++i) cross += z[i * criteria + j] * z[i * criteria + k];
      const double r = cross / (m * sigma[j] * sigma[k]);
      information[j] += 1 - r;
    }
  for (std::size_t j = 0; j < criteria; ++j) information[j] *= sigma[j];
  require(std::accumulate(information.begin(), information.end(), 0.0) > 0,
          "CRITIC weights: the criteria carry no information (one criterion, or all perfectly "
          "correlated)");
  return normalised(std::move(information));
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
