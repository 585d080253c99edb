// BG/NBD: the beta-geometric / negative binomial distribution model of repeat purchasing
// (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", Marketing Science
// 24(2) 275-284). While alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha);
// after each purchase they drop out with probability p ~ Beta(a, b).
//
// Input per customer: frequency x (repeat purchases), recency t_x (time of the last repeat
// purchase since the first), T (time since the first purchase), all in one time unit.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/clv/common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class BetaGeo : public detail::PurchaseModelBase<BetaGeo> {
 public:
  struct Params {
    double r = 0, alpha = 0, a = 0, b = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.BetaGeo";
  static constexpr const char* model_name = "BG/NBD";
  static const std::vector<std::string>& parameter_names();  // r, alpha, a, b
  // Bit i set: parameter i is a scale (see kMinScale in common.hpp); here alpha.
  static constexpr unsigned scale_parameters = 0b10;

  BetaGeo() = default;
  explicit BetaGeo(const Params& params);  // known parameters, e.g. published ones

  // Also from the base: fit, parameter_vector, fit_result, log_likelihood, standard_errors,
  // the bulk and Eigen forms of the predictions below, check_invariants, serialize.
  Params params() const;  // throws invalid_state before fit or construction

  // E[X(t)]: purchases in (0, t] of a customer who made a first purchase at 0.
  double expected_purchases(double t) const;
  // P(X(t) = n) for such a new customer.
  double probability_of_purchases(double n, double t) const;
  // P(Y(t) = n | x, t_x, T): n purchases in (T, T + t] given the history (n integer >= 0,
  // accurate for n in the thousands).
  double conditional_probability_of_purchases(double n, double t, double frequency,
                                              double recency, double T) const;
  // E[Y(t) | x, t_x, T]: purchases in (T, T + t] given the history.
  double conditional_expected_purchases(double t, double frequency, double recency, double T) const;
  // P(alive at T | x, t_x, T).
  double p_alive(double frequency, double recency, double T) const;
  using PurchaseModelBase::conditional_expected_purchases;
  using PurchaseModelBase::p_alive;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::BetaGeo, 1)
BOOST_CLASS_TRACKING(crmkit::value::BetaGeo, boost::serialization::track_never)
