// Bulk predictions of the beta-geometric purchase models (BG/NBD and MBG/NBD), behind
// BetaGeo's and ModifiedBetaGeo's bulk conditional_expected_purchases and p_alive. Declared
// here, not in src/, so that the tests can check the fast path against the per-customer
// formulas and see how many rows it took. Compiled in src/value/clv/beta_geometric.cpp.
#pragma once

#include <cstddef>

namespace crmkit {
inline namespace v0 {
namespace value {
namespace detail {

struct BetaGeometric {
  const char* model;        // for messages: "BG/NBD"
  double r, alpha, a, b;    // natural parameters, all > 0
  bool drop_out_at_start;   // MBG/NBD: a drop-out chance also at the first purchase
};

// out[i] = P(alive at T | x, t_x, T) for each row; rows validated as in check_customer,
// the message naming the bad row.
void beta_geometric_p_alive(const BetaGeometric& m, const double* x, const double* t_x,
                            const double* T, std::size_t n, double* out);

// out[i] = E[Y(t) | x, t_x, T], equal to the per-customer value to 1e-10 relative (see the
// .cpp for how that is checked while the interpolants are built). Returns the number of
// rows evaluated by interpolation rather than directly.
std::size_t beta_geometric_conditional_expected_purchases(const BetaGeometric& m, double t,
                                                          const double* x, const double* t_x,
                                                          const double* T, std::size_t n,
                                                          double* out);

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit
