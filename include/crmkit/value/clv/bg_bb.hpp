// BG/BB: beta-geometric / beta-Bernoulli model for discrete transaction opportunities
// (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
// Setting", Marketing Science 29(6) 1086-1108). At each of n opportunities after the first
// transaction an alive customer transacts with probability p ~ Beta(alpha, beta) and, before
// each opportunity, dies with probability theta ~ Beta(gamma, delta).
//
// Input per row: frequency x (transactions in the n opportunities), recency t_x (the
// opportunity of the last one, 0 when x = 0), periods n, and optionally a weight (customers
// with that history), the layout of data/donations/donations.csv. All integers.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/clv/common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class BetaGeoBetaBinom : public detail::PurchaseModelBase<BetaGeoBetaBinom> {
 public:
  struct Params {
    double alpha = 0, beta = 0, gamma = 0, delta = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.BetaGeoBetaBinom";
  static constexpr const char* model_name = "BG/BB";
  static const std::vector<std::string>& parameter_names();  // alpha, beta, gamma, delta
  // Bit i set: parameter i is a scale (see kMinScale in common.hpp); here none: all four are shapes.
  static constexpr unsigned scale_parameters = 0;

  BetaGeoBetaBinom() = default;
  explicit BetaGeoBetaBinom(const Params& params);

  // Also from the base: fit and log_likelihood on (frequency, recency, periods) arrays,
  // parameter_vector, fit_result, standard_errors, the bulk and Eigen forms of the
  // predictions below, check_invariants, serialize.
  using PurchaseModelBase::fit;
  // Eigen form with weights, the layout of the donations file (weights may be empty).
  const FitResult& fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                       const Eigen::Ref<const Eigen::VectorXd>& recency,
                       const Eigen::Ref<const Eigen::VectorXd>& periods,
                       const Eigen::Ref<const Eigen::VectorXd>& weights,
                       const FitOptions& options = {});
  Params params() const;  // throws invalid_state before fit or construction

  // E[X(n)]: transactions in the first n opportunities of a new customer (n integer >= 0).
  double expected_purchases(double n) const;
  // P(X(n) = x) for a new customer.
  double probability_of_purchases(double x, double n) const;
  // Expected transactions in the next `t` opportunities (integer) given (x, t_x, n).
  double conditional_expected_purchases(double t, double frequency, double recency,
                                        double periods) const;
  // P(alive at opportunity n + 1 | x, t_x, n).
  double p_alive(double frequency, double recency, double periods) const;
  using PurchaseModelBase::conditional_expected_purchases;
  using PurchaseModelBase::p_alive;
};

namespace detail {

// The weighted log-likelihood of histories (x, t_x, n) at natural parameters
// (alpha, beta, gamma, delta) and, when `grad` is non-null, its analytic gradient: what the
// fit maximises, exposed so that tests can hold the gradient to finite differences.
double bg_bb_log_likelihood(const double* frequency, const double* recency, const double* periods,
                            std::size_t n, const double* weights, const Eigen::Vector4d& params,
                            Eigen::Vector4d* grad);

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::BetaGeoBetaBinom, 1)
BOOST_CLASS_TRACKING(crmkit::value::BetaGeoBetaBinom, boost::serialization::track_never)
