#include "crmkit/value/pareto_nbd.hpp"

#include <cmath>
#include <limits>

#include "crmkit/detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/btyd_internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// log F(u), F(u) = int_u^inf (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau
//   = (m+u)^-A / A * 2F1(A, b; A+1; |alpha-beta| / (m+u)),  A = r+s+x, m = max(alpha, beta),
// b = s+1 when alpha >= beta, else r+x: the orientation that keeps 0 <= z < 1 and all
// series terms positive, so no cancellation and no overflow (the sum is kept in log space).
double log_F(double u, double x, const ParetoNbd::Params& p) {
  const double A = p.r + p.s + x;
  const bool alpha_larger = p.alpha >= p.beta;
  const double m = alpha_larger ? p.alpha : p.beta;
  const double b = alpha_larger ? p.s + 1 : p.r + x;
  const double z = std::fabs(p.alpha - p.beta) / (m + u);
  return -A * std::log(m + u) - std::log(A) + log_hyp2f1(A, b, A + 1, z);
}

// The two parts of the likelihood in log space, without the factor
// Gamma(r+x) alpha^r beta^s / Gamma(r): alive at T, and died at some tau in (t_x, T]:
//   alive = -(r+x) log(alpha+T) - s log(beta+T),  died = log s + log(F(t_x) - F(T)).
struct Branches {
  double alive, died;
};

Branches branches(double x, double t_x, double T, const ParetoNbd::Params& p) {
  Branches out;
  out.alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  if (T > t_x) {
    const double a = log_F(t_x, x, p), b = log_F(T, x, p);
    out.died = std::log(p.s) + a + log1m_exp(b - a);
  } else {
    out.died = kNegInf;
  }
  return out;
}

double log_likelihood_rows(const RfmRows& d, const Eigen::VectorXd& v) {
  const ParetoNbd::Params p{v[0], v[1], v[2], v[3]};
  const double base = p.r * std::log(p.alpha) + p.s * std::log(p.beta) - log_gamma(p.r);
  double ll = 0;
  for (std::size_t g = 0; g + 1 < d.group_start.size(); ++g) {
    const Eigen::Index s = d.group_start[g], e = d.group_start[g + 1];
    const double x = d.x[s];
    double group = 0, W = 0;
    for (Eigen::Index i = s; i < e; ++i) {
      const Branches br = branches(x, d.t_x[i], d.T[i], p);
      group += d.weight[i] * log_sum_exp(br.alive, br.died);
      W += d.weight[i];
    }
    ll += group + W * (base + log_gamma(p.r + x));
  }
  return ll;
}

// -expm1(-u L) / u, with its limit L at u = 0.
double expm1_ratio(double u, double L) {
  const double v = u * L;
  return std::fabs(v) < 1e-10 ? L * (1 - 0.5 * v) : -std::expm1(-v) / u;
}

}  // namespace

namespace detail {

template <>
struct PurchaseModelTraits<ParetoNbd> {
  static constexpr TimeKind time_kind = TimeKind::continuous;
  // Start: mean purchase rate as observed, mean lifetime of the order of the observed ages.
  static ModelSpec fit_spec(const RfmRows& rows) {
    const double mean_T = (rows.weight * rows.T).sum() / rows.total_weight;
    return {ParetoNbd::model_name,
            Eigen::Vector4d(1.0, 1.0 / observed_purchase_rate(rows), 1.0, mean_T), false};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* /*no analytic gradient*/) {
    return log_likelihood_rows(rows, p);
  }
};

template class ModelBase<ParetoNbd>;
template class PurchaseModelBase<ParetoNbd>;

}  // namespace detail

const std::vector<std::string>& ParetoNbd::parameter_names() {
  static const std::vector<std::string> names{"r", "alpha", "s", "beta"};
  return names;
}

ParetoNbd::ParetoNbd(const Params& p) : PurchaseModelBase(Eigen::Vector4d(p.r, p.alpha, p.s, p.beta)) {}

ParetoNbd::Params ParetoNbd::params() const {
  const Eigen::VectorXd& v = checked_params();
  return Params{v[0], v[1], v[2], v[3]};
}

double ParetoNbd::expected_purchases(double t) const {
  require(std::isfinite(t) && t >= 0, "Pareto/NBD expected_purchases: t must be finite and >= 0");
  const Params p = params();
  return p.r * p.beta / p.alpha * expm1_ratio(p.s - 1, std::log1p(t / p.beta));
}

double ParetoNbd::p_alive(double x, double t_x, double T) const {
  check_customer(x, t_x, T, TimeKind::continuous);
  const Branches br = branches(x, t_x, T, params());
  return std::exp(br.alive - log_sum_exp(br.alive, br.died));
}

double ParetoNbd::conditional_expected_purchases(double t, double x, double t_x, double T) const {
  require(std::isfinite(t) && t >= 0,
          "Pareto/NBD conditional_expected_purchases: t must be finite and >= 0");
  const Params p = params();
  const double alive = p_alive(x, t_x, T);
  // Posterior rates: lambda ~ Gamma(r+x, alpha+T), mu ~ Gamma(s, beta+T) given alive.
  return (p.r + x) * (p.beta + T) / (p.alpha + T) *
         expm1_ratio(p.s - 1, std::log1p(t / (p.beta + T))) * alive;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
