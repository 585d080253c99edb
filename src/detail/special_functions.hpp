// Special functions for the likelihoods of the CLV models, written for log space so that
// customers with thousands of purchases or very long histories neither overflow nor
// underflow. Compiled in src/detail/special_functions.cpp.
#pragma once

#include <cmath>
#include <limits>

namespace crmkit {
inline namespace v0 {
namespace detail {

// log|Gamma(x)| for x > 0. Reentrant (std::lgamma writes the global signgam).
double log_gamma(double x) noexcept;
// Digamma psi(x) = d/dx log Gamma(x), x > 0.
double digamma(double x) noexcept;
// log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b), a, b > 0.
double log_beta(double a, double b) noexcept;
// log(Gamma(z) / Gamma(z + d)) for z > 0, z + d > 0, accurate when z is far larger than d
// (the difference of two log-gammas of 1e9 would lose it to rounding).
double log_gamma_ratio(double z, double d);

// log(exp(a) + exp(b)) without overflow; -inf arguments are allowed.
double log_sum_exp(double a, double b) noexcept;
// log(1 - exp(a)) for a <= 0, accurate for a near 0 and for a -> -inf.
double log1m_exp(double a) noexcept;
// 1 / (1 + exp(-a)), never NaN for finite or infinite a. Inline and without a branch on the
// sign of a (which bulk P(alive) would mispredict about half the time): exp(-|a|) <= 1
// cannot overflow, and for a < 0 the value is exp(a) / (1 + exp(a)).
inline double logistic(double a) noexcept {
  const double e = std::exp(-std::fabs(a));
  return (a >= 0 ? 1.0 : e) / (1.0 + e);
}

// log(1 + u) for u >= 0 from one std::log, which is several times cheaper than std::log1p:
// u * log(w) / (w - 1) with w = 1 + u rounded, accurate to a few ulps because the rounding
// error of w cancels in the ratio (Goldberg 1991, "What every computer scientist should know
// about floating-point arithmetic", theorem 4).
inline double log1p_nonnegative(double u) noexcept {
  const double w = 1.0 + u;
  if (w == 1.0) return u;
  if (w == std::numeric_limits<double>::infinity()) return w;
  return std::log(w) * (u / (w - 1.0));
}

// Gaussian hypergeometric function 2F1(a, b; c; z) for real parameters, c > 0 and
// 0 <= z < 1, returned as log(value). Requires a series whose terms are all positive
// (a, b > 0) -- the form every likelihood and prediction here is rewritten into. The series
// is summed with rescaling, so its value may exceed the double range (x = 10,000 purchases).
// Throws Error(not_converged) if 2,000,000 terms do not reach relative precision 1e-16
// (z within about 1e-5 of 1).
double log_hyp2f1(double a, double b, double c, double z);

// 2F1(a, b; c; z) for real a, b, c > 0 not a non-positive integer, and z < 1 (negative z
// is mapped into [0, 1/2] by Pfaff's transformation). Plain double value: for arguments
// whose result fits a double.
double hyp2f1(double a, double b, double c, double z);

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
