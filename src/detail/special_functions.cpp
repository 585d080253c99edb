#include "detail/special_functions.hpp"

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace detail {

double log_gamma(double x) noexcept {
  int sign = 0;
  return ::lgamma_r(x, &sign);
}

double digamma(double x) noexcept {
  // The likelihoods call this for x >= 0 (0 when a parameter underflows in a fit's line
  // search). Near 0, digamma(x) = -1/x - 0.5772... + O(x), which is -1/x in double below
  // 1e-300, -inf where 1/x overflows and at the pole 0; Boost throws overflow_error and
  // domain_error there, which noexcept turned into std::terminate (found by
  // fuzz/capi_fuzzer: a partition's log-likelihood at a parameter of 5e-324, a BG/BB fit).
  if (x == 0) return -HUGE_VAL;
  if (x > 0 && x < 1e-300) return -1 / x;
  return boost::math::digamma(x);
}

double log_beta(double a, double b) noexcept {
  return log_gamma(a) + log_gamma(b) - log_gamma(a + b);
}

double log_gamma_ratio(double z, double d) {
  const double ratio = boost::math::tgamma_delta_ratio(z, d);
  if (ratio > 0 && std::isfinite(ratio)) return std::log(ratio);
  return log_gamma(z) - log_gamma(z + d);  // beyond the double range: no cancellation left
}

double log_sum_exp(double a, double b) noexcept {
  const double m = a > b ? a : b;
  if (m == -std::numeric_limits<double>::infinity()) return m;
  return m + std::log1p(std::exp(-std::fabs(a - b)));
}

double log1m_exp(double a) noexcept {
  // The two branches keep full relative precision (Maechler 2012, "Accurately computing
  // log(1 - exp(-|a|))").
  return a > -0.6931471805599453 ? std::log(-std::expm1(a)) : std::log1p(-std::exp(a));
}

namespace {

constexpr long kMaxTerms = 2000000;

[[noreturn]] void throw_hyp_not_converged(double a, double b, double c, double z) {
  throw Error(ErrorCode::not_converged,
              "hypergeometric 2F1(" + std::to_string(a) + ", " + std::to_string(b) + "; " +
                  std::to_string(c) + "; " + std::to_string(z) +
                  ") did not converge: argument too close to 1");
}

}  // namespace

namespace {

// Euler's integral, for z near 1 where the series needs ~40/(1-z) terms:
//   2F1(a, b; c; z) = Gamma(c)/(Gamma(a) Gamma(c-a)) int_0^1 y^(a-1) (1-y)^(c-a-1) (1-zy)^-b dy,
// c > a > 0. The factor (1-z)^-b is taken out so the integrand stays <= 1 (no overflow for
// b in the thousands); tanh-sinh quadrature copes with the peaks at the end points.
double log_hyp2f1_integral(double a, double b, double c, double z) {
  const double log1mz = std::log1p(-z);
  auto log_f = [&](double y, double one_minus_y) {
    return (a - 1) * std::log(y) + (c - a - 1) * std::log(one_minus_y) +
           b * (log1mz - std::log((1 - z) + z * one_minus_y));
  };
  // The integrand can be far below or above 1 everywhere (a small integral times a huge
  // factor); shift by its largest value on a grid, dense near both end points.
  double shift = -std::numeric_limits<double>::infinity();
  for (int k = 1; k < 256; ++k) shift = std::max(shift, log_f(k / 256.0, 1 - k / 256.0));
  for (double e = 1e-3; e > 1e-16; e *= 0.1) {
    shift = std::max(shift, std::max(log_f(e, 1 - e), log_f(1 - e, e)));
  }
  auto f = [&](double y, double xc) {
    // tanh-sinh passes the distance to the nearer end point (negative near 0): 1 - y
    // without cancellation near 1.
    const double one_minus_y = xc > 0 ? xc : 1 - y;
    if (y <= 0 || one_minus_y <= 0) return 0.0;
    return std::exp(log_f(y, one_minus_y) - shift);
  };
  boost::math::quadrature::tanh_sinh<double> integrator;
  const double integral = integrator.integrate(f, 0.0, 1.0, 1e-13);
  return log_gamma(c) - log_gamma(a) - log_gamma(c - a) - b * log1mz + shift + std::log(integral);
}

}  // namespace

double log_hyp2f1(double a, double b, double c, double z) {
  require(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1,
          "log_hyp2f1 needs a, b, c > 0 and 0 <= z < 1");
  if (z == 0) return 0.0;
  if (z > 0.999 && (c > a || c > b)) {
    return c > a ? log_hyp2f1_integral(a, b, c, z) : log_hyp2f1_integral(b, a, c, z);
  }
  // Terms t_n = (a)_n (b)_n / ((c)_n n!) z^n are positive. They are summed relative to a
  // running scale so that sums far beyond 1e308 stay representable.
  double sum = 1.0, term = 1.0, log_scale = 0.0;
  constexpr double kRescale = 1e200;
  for (long n = 0; n < kMaxTerms; ++n) {
    const double dn = static_cast<double>(n);
    const double ratio = (a + dn) * (b + dn) / ((c + dn) * (dn + 1.0)) * z;
    term *= ratio;
    sum += term;
    if (sum > kRescale) {
      sum /= kRescale;
      term /= kRescale;
      log_scale += std::log(kRescale);
    }
    // The ratio tends to z; the tail after this term is at most term * q / (1 - q) once
    // the ratios stay below q < 1.
    const double q = ratio > z ? ratio : z;
    if (q < 1.0 && term * q / (1.0 - q) <= 1e-17 * sum) return log_scale + std::log(sum);
  }
  throw_hyp_not_converged(a, b, c, z);
}

double hyp2f1(double a, double b, double c, double z) {
  require(std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && c > 0 && z < 1,
          "hyp2f1 needs finite a, b, c > 0 and z < 1");
  if (z < 0) {
    // Pfaff: 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1)), argument in (0, 1).
    const double w = z / (z - 1.0);
    return std::pow(1.0 - z, -a) * hyp2f1(a, c - b, c, w);
  }
  double sum = 1.0, term = 1.0;
  for (long n = 0; n < kMaxTerms; ++n) {
    const double dn = static_cast<double>(n);
    const double ratio = (a + dn) * (b + dn) / ((c + dn) * (dn + 1.0)) * z;
    term *= ratio;
    sum += term;
    if (term == 0.0) return sum;  // a or b a non-positive integer: a polynomial
    const double q = std::fabs(ratio) > z ? std::fabs(ratio) : z;
    if (q < 1.0 && std::fabs(term) * q / (1.0 - q) <= 1e-17 * std::fabs(sum)) return sum;
  }
  throw_hyp_not_converged(a, b, c, z);
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
