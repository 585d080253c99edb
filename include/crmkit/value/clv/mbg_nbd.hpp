// MBG/NBD: the modified BG/NBD (Batislam, Denizel & Filiztekin 2007, "Empirical validation
// and comparison of models for customer base analysis", IJRM 24(3) 201-209). As BG/NBD, but a
// customer may also drop out right after the first purchase, so customers without repeat
// purchases are not certainly alive: drop-out chances come at time 0 and after each repeat
// purchase. Same parameters (r, alpha, a, b) and inputs as BetaGeo.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/clv/common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class ModifiedBetaGeo : public detail::PurchaseModelBase<ModifiedBetaGeo> {
 public:
  struct Params {
    double r = 0, alpha = 0, a = 0, b = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.ModifiedBetaGeo";
  static constexpr const char* model_name = "MBG/NBD";
  static const std::vector<std::string>& parameter_names();  // r, alpha, a, b
  // Bit i set: parameter i is a scale (see kMinScale in common.hpp); here alpha.
  static constexpr unsigned scale_parameters = 0b10;

  ModifiedBetaGeo() = default;
  explicit ModifiedBetaGeo(const Params& params);

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
BOOST_CLASS_VERSION(crmkit::value::ModifiedBetaGeo, 1)
BOOST_CLASS_TRACKING(crmkit::value::ModifiedBetaGeo, boost::serialization::track_never)
