#include "crmkit/value/clv/bg_bb.hpp"

#include <cmath>
#include <limits>

#include "detail/format.hpp"
#include "detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail

namespace {

using ::crmkit::detail::digamma;
using ::crmkit::detail::log_gamma_ratio;

void require_count(double v, const char* what) {
  require(std::isfinite(v) && v >= 0 && v == std::floor(v),
          std::string("BG/BB: ") + what + " must be a non-negative integer (got " + std::to_string(v) + ")");
}

// The likelihood and P(X(n) = x) sum one term per opportunity a customer may have died
// after; their cost is linear in the number of opportunities, so it is bounded here rather
// than left to run for hours (periods = 1e9). 100,000 opportunities are 270 years of daily
// or 1,900 years of weekly occasions; the sum then takes about a millisecond per customer.
constexpr double kMaxOpportunities = 100000;

void require_opportunities(double n, const char* what) {
  if (n > kMaxOpportunities) {
    throw Error(ErrorCode::invalid_argument,
                // As a double: a count beyond 2^63 (4e233 from the C API fuzzer) made the
                // cast to long long undefined.
                std::string("BG/BB: ") + what + " " + ::crmkit::detail::format_number(n) +
                    " exceeds the limit of 100000 transaction opportunities (use a coarser "
                    "period, e.g. weeks instead of days)");
  }
}

// log of Gamma(1+delta+k) / Gamma(gamma+delta+k): the survival part of E[X].
double log_survival_ratio(const BetaGeoBetaBinom::Params& p, double k) {
  return log_gamma_ratio(1 + p.delta + k, p.gamma - 1);
}

// [1 - exp(log_survival_ratio(k1) - log_survival_ratio(k0))] / (gamma - 1), k1 > k0, with its
// limit psi(1+delta+k1) - psi(1+delta+k0) at gamma = 1 (where both factors vanish).
double survival_drop(const BetaGeoBetaBinom::Params& p, double k0, double k1) {
  if (std::fabs(p.gamma - 1) < 1e-9) {
    return digamma(1 + p.delta + k1) - digamma(1 + p.delta + k0);
  }
  return -std::expm1(log_survival_ratio(p, k1) - log_survival_ratio(p, k0)) / (p.gamma - 1);
}

// log L(alpha, beta, gamma, delta | x, t_x, n), FHS (2010) eq. 5, and its gradient in
// (alpha, beta, gamma, delta) when `grad` is non-null. The likelihood is "alive through all n
// opportunities" plus, for i = 0 .. n - t_x - 1, "died after opportunity t_x + i":
//   A   = B(alpha+x, beta+n-x) B(gamma, delta+n) / (B(alpha, beta) B(gamma, delta)),
//   D_i = B(alpha+x, beta+t_x-x+i) B(gamma+1, delta+t_x+i) / (B(alpha, beta) B(gamma, delta)).
// D_(i+1)/D_i = (beta+t_x-x+i)(delta+t_x+i) / ((alpha+beta+t_x+i)(gamma+delta+1+t_x+i)) < 1,
// so the D_i are summed relative to D_0 by that ratio (no log-gamma per term), and the
// digammas of their derivatives advance by psi(z+1) = psi(z) + 1/z.
double log_likelihood_row(const BetaGeoBetaBinom::Params& p, double x, double t_x, double n,
                          Eigen::Vector4d* grad) {
  const double al = p.alpha, be = p.beta, ga = p.gamma, de = p.delta;
  const double lb_ab = log_beta(al, be), lb_gd = log_beta(ga, de);
  const double log_A = log_beta(al + x, be + n - x) - lb_ab + log_beta(ga, de + n) - lb_gd;
  const double log_D0 =
      log_beta(al + x, be + t_x - x) - lb_ab + log_beta(ga + 1, de + t_x) - lb_gd;
  const double m = n - t_x;  // number of D terms
  // Digammas of the prior normalisers, common to every term.
  Eigen::Vector4d d_prior = Eigen::Vector4d::Zero();
  Eigen::Vector4d d_A = Eigen::Vector4d::Zero();
  double psi_be = 0, psi_albe = 0, psi_de = 0, psi_gade1 = 0, psi_alx = 0;
  if (grad) {
    const double psi_ab = digamma(al + be), psi_gd = digamma(ga + de);
    d_prior << digamma(al) - psi_ab, digamma(be) - psi_ab, digamma(ga) - psi_gd,
        digamma(de) - psi_gd;
    psi_alx = digamma(al + x);
    const double psi_abn = digamma(al + be + n), psi_gdn = digamma(ga + de + n);
    d_A << psi_alx - psi_abn, digamma(be + n - x) - psi_abn, digamma(ga) - psi_gdn,
        digamma(de + n) - psi_gdn;
    d_A -= d_prior;
    // Arguments of D_0's digammas, advanced per term below.
    psi_be = digamma(be + t_x - x);
    psi_albe = digamma(al + be + t_x);
    psi_de = digamma(de + t_x);
    psi_gade1 = digamma(ga + de + 1 + t_x);
  }
  const double psi_ga1 = grad ? digamma(ga + 1) : 0;
  // sum_i D_i / D_0 and the D_i-weighted derivatives of log D_i.
  double sum = 0, rel = 1;
  Eigen::Vector4d d_sum = Eigen::Vector4d::Zero();
  for (double i = 0; i < m; ++i) {
    sum += rel;
    if (grad) {
      d_sum += rel * Eigen::Vector4d(psi_alx - psi_albe, psi_be - psi_albe, psi_ga1 - psi_gade1,
                                     psi_de - psi_gade1);
    }
    const double u = be + t_x - x + i, v = al + be + t_x + i, w = de + t_x + i,
                 y = ga + de + 1 + t_x + i;
    rel *= (u / v) * (w / y);
    if (grad) {
      psi_be += 1 / u;
      psi_albe += 1 / v;
      psi_de += 1 / w;
      psi_gade1 += 1 / y;
    }
    if (rel == 0) break;  // the remaining terms underflow relative to D_0
  }
  if (sum == 0) {
    if (grad) *grad = d_A;
    return log_A;
  }
  const double log_D = log_D0 + std::log(sum);
  const double ll = log_sum_exp(log_A, log_D);
  if (grad) {
    const double wA = std::exp(log_A - ll), wD = std::exp(log_D - ll);
    *grad = wA * d_A + wD * (d_sum / sum - d_prior);
  }
  return ll;
}

double log_likelihood_rows(const RfmRows& d, const Eigen::VectorXd& v, Eigen::VectorXd* grad) {
  const BetaGeoBetaBinom::Params p{v[0], v[1], v[2], v[3]};
  double ll = 0;
  Eigen::Vector4d g = Eigen::Vector4d::Zero(), gi;
  for (Eigen::Index i = 0; i < d.x.size(); ++i) {
    ll += d.weight[i] * log_likelihood_row(p, d.x[i], d.t_x[i], d.T[i], grad ? &gi : nullptr);
    if (grad) g += d.weight[i] * gi;
  }
  if (grad) *grad = g;
  return ll;
}

void require_rows_bounded(const RfmRows& d) {
  for (Eigen::Index i = 0; i < d.T.size(); ++i) require_opportunities(d.T[i], "periods");
}

}  // namespace

namespace detail {

template <>
struct PurchaseModelTraits<BetaGeoBetaBinom> {
  static constexpr TimeKind time_kind = TimeKind::discrete;
  static ModelSpec fit_spec(const RfmRows& rows) {
    require_rows_bounded(rows);
    return {BetaGeoBetaBinom::model_name, Eigen::Vector4d(1.0, 1.0, 1.0, 1.0), true};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* grad) {
    require_rows_bounded(rows);
    return log_likelihood_rows(rows, p, grad);
  }
};

double bg_bb_log_likelihood(const double* frequency, const double* recency, const double* periods,
                            std::size_t n, const double* weights, const Eigen::Vector4d& params,
                            Eigen::Vector4d* grad) {
  const RfmRows rows = compress_rfm(frequency, recency, periods, n, weights, TimeKind::discrete,
                                    /*for_fit=*/false);
  require_rows_bounded(rows);
  Eigen::VectorXd g;
  const double ll = log_likelihood_rows(rows, params, grad ? &g : nullptr);
  if (grad) *grad = g;
  return ll;
}

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
  return p.alpha / (p.alpha + p.beta) * p.delta * survival_drop(p, 0, n);
}

double BetaGeoBetaBinom::probability_of_purchases(double x, double n) const {
  require_count(x, "x");
  require_count(n, "n");
  if (x > n) return 0.0;
  require_opportunities(n, "n");
  const Params p = params();
  // FHS (2010) eq. 8: alive through all n opportunities with x of them used, or died after
  // opportunity i >= x having used x of the first i. The terms of the second part,
  //   C(i, x) B(alpha+x, beta+i-x) B(gamma+1, delta+i),
  // are summed relative to the first (i = x) by their ratio, as in the likelihood.
  const double lb_ab = log_beta(p.alpha, p.beta), lb_gd = log_beta(p.gamma, p.delta);
  auto log_choose = [](double m, double k) {
    return log_gamma(m + 1) - log_gamma(k + 1) - log_gamma(m - k + 1);
  };
  const double alive = log_choose(n, x) + log_beta(p.alpha + x, p.beta + n - x) - lb_ab +
                       log_beta(p.gamma, p.delta + n) - lb_gd;
  if (x == n) return std::exp(alive);
  double sum = 0, rel = 1;
  for (double i = x; i < n && rel > 0; ++i) {
    sum += rel;
    // C(i+1, x)/C(i, x) = (i+1)/(i+1-x); the beta functions as in log_likelihood_row.
    rel *= (i + 1) / (i + 1 - x) * (p.beta + i - x) / (p.alpha + p.beta + i) *
           (p.delta + i) / (p.gamma + p.delta + 1 + i);
  }
  const double died = log_beta(p.alpha + x, p.beta) - lb_ab + log_beta(p.gamma + 1, p.delta + x) -
                      lb_gd + std::log(sum);
  return std::exp(log_sum_exp(alive, died));
}

double BetaGeoBetaBinom::p_alive(double x, double t_x, double n) const {
  check_customer(x, t_x, n, TimeKind::discrete);
  const Params p = params();
  // FHS (2010) eq. 11: alive at n + 1 over the likelihood.
  const double alive = log_beta(p.alpha + x, p.beta + n - x) - log_beta(p.alpha, p.beta) +
                       log_beta(p.gamma, p.delta + n + 1) - log_beta(p.gamma, p.delta);
  require_opportunities(n, "periods");
  return std::exp(alive - log_likelihood_row(p, x, t_x, n, nullptr));
}

double BetaGeoBetaBinom::conditional_expected_purchases(double t, double x, double t_x,
                                                        double n) const {
  require_count(t, "number of future opportunities");
  check_customer(x, t_x, n, TimeKind::discrete);
  const Params p = params();
  if (t == 0) return 0.0;
  require_opportunities(n, "periods");
  // FHS (2010) eq. 13: 1/L * B(alpha+x+1, beta+n-x)/B(alpha, beta) * delta/(gamma-1)
  //   * Gamma(gamma+delta)/Gamma(1+delta)
  //   * [Gamma(1+delta+n)/Gamma(gamma+delta+n) - Gamma(1+delta+n+t)/Gamma(gamma+delta+n+t)].
  const double head = log_beta(p.alpha + x + 1, p.beta + n - x) - log_beta(p.alpha, p.beta) +
                      std::log(p.delta) - log_survival_ratio(p, 0) + log_survival_ratio(p, n) -
                      log_likelihood_row(p, x, t_x, n, nullptr);
  return std::exp(head) * survival_drop(p, n, n + t);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
