// Pareto/NBD (Schmittlein, Morrison & Colombo 1987, Management Science 33(1) 1-24): while
// alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha) and has an exponential
// lifetime with rate mu ~ Gamma(s, beta). The likelihood (Fader & Hardie 2005, "A Note on
// Deriving the Pareto/NBD Model and Related Expressions") needs the Gaussian
// hypergeometric function, evaluated here in log space on its convergent side.
// Input as for BetaGeo: frequency x, recency t_x, age T, in one time unit.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/clv/common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class ParetoNbd : public detail::PurchaseModelBase<ParetoNbd> {
 public:
  struct Params {
    double r = 0, alpha = 0, s = 0, beta = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.ParetoNbd";
  static constexpr const char* model_name = "Pareto/NBD";
  static const std::vector<std::string>& parameter_names();  // r, alpha, s, beta
  // Bit i set: parameter i is a scale (see kMinScale in common.hpp); here alpha and beta.
  static constexpr unsigned scale_parameters = 0b1010;

  ParetoNbd() = default;
  explicit ParetoNbd(const Params& params);

  // Also from the base: fit, parameter_vector, fit_result, log_likelihood, standard_errors,
  // the bulk and Eigen forms of the predictions below, check_invariants, serialize.
  Params params() const;  // throws invalid_state before fit or construction

  // E[X(t)] for a new customer: r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
  // (the s -> 1 limit r beta/alpha log(1 + t/beta) included).
  double expected_purchases(double t) const;
  // P(X(t) = n) for a new customer (n integer >= 0, accurate for n in the thousands).
  double probability_of_purchases(double n, double t) const;
  // P(Y(t) = n | x, t_x, T): n purchases in (T, T + t] given the history.
  double conditional_probability_of_purchases(double n, double t, double frequency,
                                              double recency, double T) const;
  double conditional_expected_purchases(double t, double frequency, double recency, double T) const;
  double p_alive(double frequency, double recency, double T) const;
  using PurchaseModelBase::conditional_expected_purchases;
  using PurchaseModelBase::p_alive;
};

namespace detail {

// The weighted log-likelihood of customers (x, t_x, T) at natural parameters
// (r, alpha, s, beta) and, when `grad` is non-null, its analytic gradient: what the fit
// maximises, exposed so that tests can hold the gradient to finite differences.
double pareto_nbd_log_likelihood(const double* frequency, const double* recency, const double* T,
                                 std::size_t n, const Eigen::Vector4d& params,
                                 Eigen::Vector4d* grad);

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::ParetoNbd, 1)
BOOST_CLASS_TRACKING(crmkit::value::ParetoNbd, boost::serialization::track_never)
