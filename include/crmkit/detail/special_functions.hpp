// Special functions for the likelihoods of the CLV models, written for log space so that
// customers with thousands of purchases or very long histories neither overflow nor
// underflow. Compiled in src/detail/special_functions.cpp.
#pragma once

namespace crmkit {
inline namespace v0 {
namespace detail {

// log|Gamma(x)| for x > 0. Reentrant (std::lgamma writes the global signgam).
double log_gamma(double x) noexcept;
// Digamma psi(x) = d/dx log Gamma(x), x > 0.
double digamma(double x) noexcept;
// log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b), a, b > 0.
double log_beta(double a, double b) noexcept;

// log(exp(a) + exp(b)) without overflow; -inf arguments are allowed.
double log_sum_exp(double a, double b) noexcept;
// log(1 - exp(a)) for a <= 0, accurate for a near 0 and for a -> -inf.
double log1m_exp(double a) noexcept;
// 1 / (1 + exp(-a)), never NaN for finite or infinite a.
double logistic(double a) noexcept;

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
