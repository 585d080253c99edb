#include "crmkit/value/clv/bg_bb.hpp"

#include <cmath>
#include <limits>

#include "crmkit/detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail

namespace {

// log L(alpha, beta, gamma, delta | x, t_x, n), FHS (2010) eq. 5: alive through all n
// opportunities, or died after opportunity t_x + i (i = 0 .. n - t_x - 1); summed in log space.
double log_likelihood_row(const BetaGeoBetaBinom::Params& p, double x, double t_x, double n) {
  const double lb_ab = log_beta(p.alpha, p.beta), lb_gd = log_beta(p.gamma, p.delta);
  double ll = log_beta(p.alpha + x, p.beta + n - x) - lb_ab + log_beta(p.gamma, p.delta + n) - lb_gd;
  for (double i = 0; i < n - t_x; ++i) {
    ll = log_sum_exp(ll, log_beta(p.alpha + x, p.beta + t_x - x + i) - lb_ab +
                             log_beta(p.gamma + 1, p.delta + t_x + i) - lb_gd);
  }
  return ll;
}

double log_likelihood_rows(const RfmRows& d, const Eigen::VectorXd& v) {
  const BetaGeoBetaBinom::Params p{v[0], v[1], v[2], v[3]};
  double ll = 0;
  for (Eigen::Index i = 0; i < d.x.size(); ++i) {
    ll += d.weight[i] * log_likelihood_row(p, d.x[i], d.t_x[i], d.T[i]);
  }
  return ll;
}

void require_count(double v, const char* what) {
  require(std::isfinite(v) && v >= 0 && v == std::floor(v),
          std::string("BG/BB: ") + what + " must be a non-negative integer (got " + std::to_string(v) + ")");
}

// log of Gamma(1+delta+k) / Gamma(gamma+delta+k): the survival part of E[X].
double log_survival_ratio(const BetaGeoBetaBinom::Params& p, double k) {
  return log_gamma(1 + p.delta + k) - log_gamma(p.gamma + p.delta + k);
}

}  // namespace

namespace detail {

template <>
struct PurchaseModelTraits<BetaGeoBetaBinom> {
  static constexpr TimeKind time_kind = TimeKind::discrete;
  static ModelSpec fit_spec(const RfmRows&) {
    return {BetaGeoBetaBinom::model_name, Eigen::Vector4d(1.0, 1.0, 1.0, 1.0), false};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* /*no analytic gradient*/) {
    return log_likelihood_rows(rows, p);
  }
};

template class ModelBase<BetaGeoBetaBinom>;
template class PurchaseModelBase<BetaGeoBetaBinom>;

}  // namespace detail

const std::vector<std::string>& BetaGeoBetaBinom::parameter_names() {
  static const std::vector<std::string> names{"alpha", "beta", "gamma", "delta"};
  return names;
}

BetaGeoBetaBinom::BetaGeoBetaBinom(const Params& p)
    : PurchaseModelBase(Eigen::Vector4d(p.alpha, p.beta, p.gamma, p.delta)) {}

BetaGeoBetaBinom::Params BetaGeoBetaBinom::params() const {
  const Eigen::VectorXd& v = checked_params();
  return Params{v[0], v[1], v[2], v[3]};
}

const FitResult& BetaGeoBetaBinom::fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                       const Eigen::Ref<const Eigen::VectorXd>& recency,
                                       const Eigen::Ref<const Eigen::VectorXd>& periods,
                                       const Eigen::Ref<const Eigen::VectorXd>& weights,
                                       const FitOptions& options) {
  require_same_size(frequency.size(), recency.size(), periods.size());
  require(weights.size() == 0 || weights.size() == frequency.size(),
          "BG/BB: weights must be empty or as long as frequency");
  return fit(frequency.data(), recency.data(), periods.data(),
             static_cast<std::size_t>(frequency.size()), options,
             weights.size() ? weights.data() : nullptr);
}

double BetaGeoBetaBinom::expected_purchases(double n) const {
  require_count(n, "n");
  const Params p = params();
  // FHS (2010) eq. 6: alpha/(alpha+beta) * delta/(gamma-1)
  //   * [1 - Gamma(gamma+delta) Gamma(1+delta+n) / (Gamma(gamma+delta+n) Gamma(1+delta))].
  const double d = log_survival_ratio(p, n) - log_survival_ratio(p, 0);
  return p.alpha / (p.alpha + p.beta) * p.delta * (-std::expm1(d)) / (p.gamma - 1);
}

double BetaGeoBetaBinom::probability_of_purchases(double x, double n) const {
  require_count(x, "x");
  require_count(n, "n");
  if (x > n) return 0.0;
  const Params p = params();
  // FHS (2010) eq. 8: alive through all n opportunities with x of them used, or died after
  // opportunity i >= x having used x of the first i.
  const double lb_ab = log_beta(p.alpha, p.beta), lb_gd = log_beta(p.gamma, p.delta);
  auto log_choose = [](double m, double k) {
    return log_gamma(m + 1) - log_gamma(k + 1) - log_gamma(m - k + 1);
  };
  double lp = log_choose(n, x) + log_beta(p.alpha + x, p.beta + n - x) - lb_ab +
              log_beta(p.gamma, p.delta + n) - lb_gd;
  for (double i = x; i < n; ++i) {
    lp = log_sum_exp(lp, log_choose(i, x) + log_beta(p.alpha + x, p.beta + i - x) - lb_ab +
                             log_beta(p.gamma + 1, p.delta + i) - lb_gd);
  }
  return std::exp(lp);
}

double BetaGeoBetaBinom::p_alive(double x, double t_x, double n) const {
  check_customer(x, t_x, n, TimeKind::discrete);
  const Params p = params();
  // FHS (2010) eq. 11: alive at n + 1 over the likelihood.
  const double alive = log_beta(p.alpha + x, p.beta + n - x) - log_beta(p.alpha, p.beta) +
                       log_beta(p.gamma, p.delta + n + 1) - log_beta(p.gamma, p.delta);
  return std::exp(alive - log_likelihood_row(p, x, t_x, n));
}

double BetaGeoBetaBinom::conditional_expected_purchases(double t, double x, double t_x,
                                                        double n) const {
  require_count(t, "number of future opportunities");
  check_customer(x, t_x, n, TimeKind::discrete);
  const Params p = params();
  if (t == 0) return 0.0;
  // FHS (2010) eq. 13: 1/L * B(alpha+x+1, beta+n-x)/B(alpha, beta) * delta/(gamma-1)
  //   * Gamma(gamma+delta)/Gamma(1+delta)
  //   * [Gamma(1+delta+n)/Gamma(gamma+delta+n) - Gamma(1+delta+n+t)/Gamma(gamma+delta+n+t)].
  const double head = log_beta(p.alpha + x + 1, p.beta + n - x) - log_beta(p.alpha, p.beta) +
                      std::log(p.delta) - log_survival_ratio(p, 0) + log_survival_ratio(p, n) -
                      log_likelihood_row(p, x, t_x, n);
  const double d = log_survival_ratio(p, n + t) - log_survival_ratio(p, n);
  return std::exp(head) * (-std::expm1(d)) / (p.gamma - 1);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
