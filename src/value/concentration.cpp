#include "crmkit/value/concentration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

void require_positive_total(const SortedValues& sorted) {
  require(sorted.size() > 0, "values is empty");
  require(sorted.descending().back() >= 0,
          "values contain " + std::to_string(sorted.descending().back()) +
              ": concentration needs values >= 0");
  require(sorted.total() > 0, "values total 0: shares of a zero total are undefined");
}

void require_shares(const std::vector<double>& shares, const char* name) {
  for (std::size_t i = 0; i < shares.size(); ++i) {
    require(shares[i] > 0 && shares[i] <= 1, std::string(name) + "[" + std::to_string(i) +
                                                 "] = " + std::to_string(shares[i]) +
                                                 ": must be in (0, 1]");
  }
}

// Value held by the top r customers for each rank position r (real, 0..n) in `ranks`,
// answered in one walk down the sorted values: the Lorenz curve read from the top.
std::vector<double> top_cumulative(const std::vector<double>& desc, const std::vector<double>& ranks) {
  std::vector<std::size_t> order(ranks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::vector<double> result(ranks.size());
  std::size_t i = 0;  // customers summed so far
  double cum = 0;
  for (std::size_t q : order) {
    const double r = std::clamp(ranks[q], 0.0, static_cast<double>(desc.size()));
    const auto whole = static_cast<std::size_t>(r);
    for (; i < whole; ++i) cum += desc[i];
    result[q] = whole < desc.size() ? cum + (r - static_cast<double>(whole)) * desc[whole] : cum;
  }
  return result;
}

// Smallest rank position r (real) whose top-r value reaches target, for each target
// (ascending walk over the sorted targets, inverse of top_cumulative).
std::vector<double> ranks_holding(const std::vector<double>& desc, const std::vector<double>& targets) {
  std::vector<std::size_t> order(targets.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return targets[a] < targets[b]; });
  std::vector<double> result(targets.size());
  std::size_t i = 0;
  double cum = 0;  // value of the top i customers
  for (std::size_t q : order) {
    // Advance while the next customer does not bring the total to the target.
    while (i < desc.size() && cum + desc[i] < targets[q]) cum += desc[i++];
    if (i == desc.size()) {
      result[q] = static_cast<double>(desc.size());  // rounding left the target a hair above the total
    } else {
      // desc[i] > 0 here: cum < target (targets are > 0) and cum + desc[i] >= target.
      result[q] = static_cast<double>(i) + (targets[q] - cum) / desc[i];
    }
  }
  return result;
}

}  // namespace

Concentration concentration(const double* values, std::size_t n, const ConcentrationOptions& options) {
  require_column(values, n, "values", Sign::non_negative);
  return concentration(SortedValues(values, n), options);
}

Concentration concentration(const SortedValues& sorted, const ConcentrationOptions& options) {
  require_positive_total(sorted);
  require_shares(options.top_customer_shares, "top_customer_shares");
  require_shares(options.value_shares, "value_shares");
  require(options.lorenz_points >= 1 && options.lorenz_points <= 1000000,
          "lorenz_points = " + std::to_string(options.lorenz_points) + ": must be in 1..1000000");

  const std::vector<double>& desc = sorted.descending();
  const double n = static_cast<double>(desc.size());
  const double total = sorted.total();

  Concentration c;
  c.customers = desc.size();
  c.total_value = total;
  c.gini = gini(sorted);

  // All top-k queries and the Lorenz grid in one walk. Lorenz point p (bottom share) is the
  // complement of the top (1 - p).
  std::vector<double> ranks;
  for (double k : options.top_customer_shares) ranks.push_back(k * n);
  const std::size_t points = options.lorenz_points;
  for (std::size_t j = 0; j <= points; ++j) {
    ranks.push_back(n * static_cast<double>(points - j) / static_cast<double>(points));
  }
  const std::vector<double> cum = top_cumulative(desc, ranks);
  for (std::size_t q = 0; q < options.top_customer_shares.size(); ++q) {
    c.top.push_back({options.top_customer_shares[q], cum[q] / total});
  }
  for (std::size_t j = 0; j <= points; ++j) {
    const double held_by_top = cum[options.top_customer_shares.size() + j];
    c.lorenz.push_back({static_cast<double>(j) / static_cast<double>(points),
                        std::clamp(1.0 - held_by_top / total, 0.0, 1.0)});
  }

  std::vector<double> targets;
  for (double x : options.value_shares) targets.push_back(x * total);
  const std::vector<double> ranks_needed = ranks_holding(desc, targets);
  for (std::size_t q = 0; q < targets.size(); ++q) {
    c.holding.push_back({ranks_needed[q] / n, options.value_shares[q]});
  }
  return c;
}

double top_share(const SortedValues& sorted, double customer_share) {
  require_positive_total(sorted);
  require_shares({customer_share}, "customer_share");
  const double r = customer_share * static_cast<double>(sorted.size());
  return top_cumulative(sorted.descending(), {r})[0] / sorted.total();
}

double customers_holding(const SortedValues& sorted, double value_share) {
  require_positive_total(sorted);
  require_shares({value_share}, "value_share");
  const double r = ranks_holding(sorted.descending(), {value_share * sorted.total()})[0];
  return r / static_cast<double>(sorted.size());
}

double gini(const SortedValues& sorted) {
  require_positive_total(sorted);
  // Descending order: the k-th largest (k = 1..n) is x_(n + 1 - k) ascending, weight
  // 2(n + 1 - k) - n - 1 = n + 1 - 2k.
  const std::vector<double>& desc = sorted.descending();
  const double n = static_cast<double>(desc.size());
  // Weights reach n times a value, so for totals within a factor n of the largest double
  // the sum is taken over values scaled by a power of two: exact, so every other result
  // stays bit for bit what the plain sum gives.
  const double total = sorted.total();
  const double scale =
      n * total <= std::numeric_limits<double>::max() ? 1.0 : std::ldexp(1.0, -(std::ilogb(n) + 2));
  double weighted = 0;
  for (std::size_t k = 0; k < desc.size(); ++k) {
    weighted += (n - 1 - 2 * static_cast<double>(k)) * (desc[k] * scale);  // k 0-based: n + 1 - 2(k + 1)
  }
  return weighted / (n * (total * scale));
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
