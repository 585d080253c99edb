// Concentration of value over customers: is the base really 80/20?
//
// Everything here reads one piecewise-linear Lorenz curve: customers sorted by value, the
// curve through (i / n, share of value held by the bottom i customers), straight between
// those vertices. So "the top 20% hold X" and "Y% of customers hold 80%" are exact inverses
// of each other, and a fractional customer count (20% of 7 customers) interpolates inside
// one customer instead of rounding.
//
// Gini estimator: G = 1 - 2 x (area under that Lorenz curve)
//                   = sum_i (2i - n - 1) x_(i) / (n sum x),  x ascending, i = 1..n,
// i.e. the mean absolute difference over all n^2 ordered pairs divided by twice the mean,
// without the n / (n - 1) small-sample correction. 0 when all values are equal, (n - 1) / n
// when one customer holds everything.
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/value/ranking.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

struct SharePoint {
  double customer_share = 0;  // share of customers, 0..1
  double value_share = 0;     // share of total value, 0..1
};

struct ConcentrationOptions {
  // Report the value share held by the top k of customers for each k in (0, 1].
  std::vector<double> top_customer_shares = {0.01, 0.05, 0.10, 0.20, 0.50};
  // Report the smallest share of customers holding each share of value in (0, 1].
  std::vector<double> value_shares = {0.50, 0.80, 0.95};
  // The Lorenz curve is reported at lorenz_points + 1 evenly spaced customer shares 0..1.
  std::size_t lorenz_points = 100;
};

struct Concentration {
  std::size_t customers = 0;
  double total_value = 0;
  double gini = 0;
  std::vector<SharePoint> top;      // per top_customer_shares: value share of the top k
  std::vector<SharePoint> holding;  // per value_shares: smallest customer share holding it
  std::vector<SharePoint> lorenz;   // bottom customer share -> value share they hold
};

// Values must be finite and >= 0 with a positive total (shares of a zero or negative total
// mean nothing); throws invalid_argument naming the index or the option otherwise.
Concentration concentration(const double* values, std::size_t n,
                            const ConcentrationOptions& options = {});
inline Concentration concentration(const std::vector<double>& values,
                                   const ConcentrationOptions& options = {}) {
  return concentration(values.data(), values.size(), options);
}
// Over values already sorted (shared with assign_tiers so the sort is done once).
Concentration concentration(const SortedValues& sorted, const ConcentrationOptions& options = {});

// Single figures, same definitions.
double top_share(const SortedValues& sorted, double customer_share);
double customers_holding(const SortedValues& sorted, double value_share);
double gini(const SortedValues& sorted);

}  // namespace value
}  // namespace v0
}  // namespace crmkit
