#include "crmkit/value/clv/mbg_nbd.hpp"

#include <cmath>

#include "detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail
using detail::RfmRows;
using detail::TimeKind;

namespace detail {

template <>
struct PurchaseModelTraits<ModifiedBetaGeo> {
  static constexpr TimeKind time_kind = TimeKind::continuous;
  // Scale-aware start: mean purchase rate r/alpha equal to the observed one.
  static ModelSpec fit_spec(const RfmRows& rows) {
    return {ModifiedBetaGeo::model_name, beta_geometric_start(observed_purchase_rate(rows)), true};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* grad) {
    return beta_geometric_log_likelihood(rows, p, grad, /*drop_out_at_start=*/true);
  }
  static BetaGeometric beta_geometric(const Eigen::VectorXd& p) {
    return {ModifiedBetaGeo::model_name, p[0], p[1], p[2], p[3], /*drop_out_at_start=*/true};
  }
};

template class ModelBase<ModifiedBetaGeo>;
template class PurchaseModelBase<ModifiedBetaGeo>;

}  // namespace detail

const std::vector<std::string>& ModifiedBetaGeo::parameter_names() {
  static const std::vector<std::string> names{"r", "alpha", "a", "b"};
  return names;
}

ModifiedBetaGeo::ModifiedBetaGeo(const Params& p)
    : PurchaseModelBase(Eigen::Vector4d(p.r, p.alpha, p.a, p.b)) {}

ModifiedBetaGeo::Params ModifiedBetaGeo::params() const {
  const Eigen::VectorXd& v = checked_params();
  return Params{v[0], v[1], v[2], v[3]};
}

double ModifiedBetaGeo::expected_purchases(double t) const {
  require(std::isfinite(t) && t >= 0, "MBG/NBD expected_purchases: t must be finite and >= 0");
  // A new customer is the history x = 0, t_x = 0, T = 0, alive with probability b/(a+b).
  return conditional_expected_purchases(t, 0, 0, 0);
}

double ModifiedBetaGeo::probability_of_purchases(double n, double t) const {
  return beta_geometric_probability_of_purchases(
      PurchaseModelTraits<ModifiedBetaGeo>::beta_geometric(checked_params()), n, t);
}

double ModifiedBetaGeo::conditional_probability_of_purchases(double n, double t, double x,
                                                             double t_x, double T) const {
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_conditional_probability_of_purchases(
      PurchaseModelTraits<ModifiedBetaGeo>::beta_geometric(checked_params()), n, t, x, t_x, T);
}

double ModifiedBetaGeo::p_alive(double x, double t_x, double T) const {
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_p_alive(PurchaseModelTraits<ModifiedBetaGeo>::beta_geometric(checked_params()),
                                x, t_x, T);
}

double ModifiedBetaGeo::conditional_expected_purchases(double t, double x, double t_x, double T) const {
  require(std::isfinite(t) && t >= 0, "MBG/NBD conditional_expected_purchases: t must be finite and >= 0");
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_conditional_expected_purchases(
      PurchaseModelTraits<ModifiedBetaGeo>::beta_geometric(checked_params()), t, x, t_x, T);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
