#include "crmkit/value/clv/bg_nbd.hpp"

#include <boost/math/special_functions/beta.hpp>
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

// BG/NBD (FHL 2005 eq. 6) and, with drop_out_at_start, MBG/NBD (Batislam et al. 2007):
//   L = B(a, b+x+d)/B(a, b) * Gamma(r+x) alpha^r / Gamma(r)
//       * [ (alpha+T)^-(r+x) + [x>0 or d=1] a/(b+x-1+d) (alpha+t_x)^-(r+x) ],
// d = 1 when a customer may also drop out right after the first purchase (MBG/NBD), else 0.
// The bracket is summed in log space; terms of x alone are computed once per frequency
// group. Gradient in (r, alpha, a, b).
double beta_geometric_log_likelihood(const RfmRows& d, const Eigen::VectorXd& p,
                                     Eigen::VectorXd* grad, bool drop_out_at_start) {
  const double r = p[0], alpha = p[1], a = p[2], b = p[3];
  const double shift = drop_out_at_start ? 1.0 : 0.0;
  const double log_alpha = std::log(alpha);
  const double lbeta_ab = log_beta(a, b), lg_r = log_gamma(r);
  const double psi_r = grad ? digamma(r) : 0, psi_ab = grad ? digamma(a + b) : 0,
               psi_b = grad ? digamma(b) : 0;
  double ll = 0, gr = 0, galpha = 0, ga = 0, gb = 0;
  for (std::size_t g = 0; g + 1 < d.group_start.size(); ++g) {
    const Eigen::Index s = d.group_start[g], len = d.group_start[g + 1] - s;
    const double x = d.x[s];
    const auto w = d.weight.segment(s, len);
    const double W = w.sum();
    const double rx = r + x, bx = b + x + shift;  // bx: b's posterior after x purchases
    ll += W * (log_gamma(rx) - lg_r + r * log_alpha + log_beta(a, bx) - lbeta_ab);
    const Eigen::ArrayXd lT = (alpha + d.T.segment(s, len)).log();
    if (x == 0 && !drop_out_at_start) {
      // Alive for sure: B(a, b)/B(a, b) = 1, no a or b terms.
      ll -= r * (w * lT).sum();
      if (grad) {
        gr += W * log_alpha - (w * lT).sum();
        galpha += W * r / alpha - r * (w / (alpha + d.T.segment(s, len))).sum();
      }
      continue;
    }
    const Eigen::ArrayXd lt = (alpha + d.t_x.segment(s, len)).log();
    // diff = A4 - A3 = log(a/(bx-1)) - (r+x)(log(alpha+t_x) - log(alpha+T))
    const Eigen::ArrayXd diff = (std::log(a) - std::log(bx - 1)) - rx * (lt - lT);
    const Eigen::ArrayXd e = (-diff.abs()).exp();
    // log(exp(A3) + exp(A4)) = A3 + max(diff, 0) + log(1 + exp(-|diff|))
    ll += (w * (-rx * lT + diff.max(0.0) + (1.0 + e).log())).sum();
    if (grad) {
      // weight of the "dropped out after the last purchase" branch: w4 = 1/(1 + exp(-diff))
      const Eigen::ArrayXd w4 = (diff >= 0).select(1.0 / (1.0 + e), e / (1.0 + e));
      const Eigen::ArrayXd w3 = 1.0 - w4;
      const double psi_abx = digamma(a + bx);
      gr += W * (digamma(rx) - psi_r + log_alpha) - (w * (w3 * lT + w4 * lt)).sum();
      galpha += W * r / alpha -
                rx * (w * (w3 / (alpha + d.T.segment(s, len)) +
                           w4 / (alpha + d.t_x.segment(s, len)))).sum();
      const double sw4 = (w * w4).sum();
      ga += W * (psi_ab - psi_abx) + sw4 / a;
      gb += W * (digamma(bx) - psi_abx - psi_b + psi_ab) - sw4 / (bx - 1);
    }
  }
  if (grad) *grad = Eigen::Vector4d(gr, galpha, ga, gb);
  return ll;
}

namespace detail {

template <>
struct PurchaseModelTraits<BetaGeo> {
  static constexpr TimeKind time_kind = TimeKind::continuous;
  // Scale-aware start: mean purchase rate r/alpha equal to the observed one.
  static ModelSpec fit_spec(const RfmRows& rows) {
    return {BetaGeo::model_name, beta_geometric_start(observed_purchase_rate(rows)), true};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* grad) {
    return beta_geometric_log_likelihood(rows, p, grad, /*drop_out_at_start=*/false);
  }
  static BetaGeometric beta_geometric(const Eigen::VectorXd& p) {
    return {BetaGeo::model_name, p[0], p[1], p[2], p[3], /*drop_out_at_start=*/false};
  }
};

template class ModelBase<BetaGeo>;
template class PurchaseModelBase<BetaGeo>;

}  // namespace detail

namespace detail {

double beta_geometric_probability_of_purchases(const BetaGeometric& m, double n, double t) {
  require_lazy(std::isfinite(n) && n >= 0 && n == std::floor(n), [&] {
    return std::string(m.model) + " probability_of_purchases: n must be a non-negative integer";
  });
  require_lazy(std::isfinite(t) && t >= 0, [&] {
    return std::string(m.model) + " probability_of_purchases: t must be finite and >= 0";
  });
  if (t == 0) return n == 0 ? 1.0 : 0.0;
  // Alive throughout (n drop-out chances survived, n + 1 for MBG/NBD) with an NBD count n,
  // or dropped out at the chance after the n-th purchase having made at least n purchases
  // while alive: B(a+1, b+n-1+k)/B(a, b) with k = 1 for MBG/NBD, whose chance after the
  // "0-th" purchase is at time 0 (so n = 0 has that term too, with P(NBD >= 0) = 1).
  // Ratios of gamma functions through log_gamma_ratio (no cancellation of log-gammas near
  // 1e4 for n in the thousands):
  //   B(a, b+n+k)/B(a, b) = exp(R(b+n+k, a) - R(b, a)),  R(z, d) = log Gamma(z)/Gamma(z+d),
  //   Gamma(r+n)/(Gamma(r) n!) = exp(-R(n+1, r-1)) / Gamma(r).
  const double k = m.drop_out_at_start ? 1.0 : 0.0;
  const double r_ab = log_gamma_ratio(m.b, m.a);
  const double log_q = std::log(m.alpha / (m.alpha + t)), log_1mq = std::log(t / (m.alpha + t));
  double prob = std::exp(log_gamma_ratio(m.b + n + k, m.a) - r_ab - log_gamma_ratio(n + 1, m.r - 1) -
                         log_gamma(m.r) + m.r * log_q + n * log_1mq);
  if (n > 0 || m.drop_out_at_start) {
    const double tail = n > 0 ? boost::math::ibeta(n, m.r, t / (m.alpha + t)) : 1.0;  // P(NBD >= n)
    // B(a+1, b+n-1+k)/B(a, b) = a Gamma(b+n-1+k)/Gamma(a+b+n+k) * Gamma(a+b)/Gamma(b).
    prob += m.a * std::exp(log_gamma_ratio(m.b + n - 1 + k, m.a + 1) - r_ab) * tail;
  }
  return prob;
}

double beta_geometric_conditional_probability_of_purchases(const BetaGeometric& m, double n,
                                                           double t, double x, double t_x,
                                                           double T) {
  // Alive at T (P(alive)), the customer's future is that of a new BG/NBD customer (no
  // drop-out chance at T, where no purchase happens) with the posterior lambda ~
  // Gamma(r+x, alpha+T) and p ~ Beta(a, b+x), or Beta(a, b+x+1) for MBG/NBD's extra chance;
  // dropped out, no purchases.
  const double alive = beta_geometric_p_alive(m, x, t_x, T);
  const BetaGeometric posterior{m.model, m.r + x, m.alpha + T, m.a,
                                m.b + x + (m.drop_out_at_start ? 1.0 : 0.0),
                                /*drop_out_at_start=*/false};
  const double future = beta_geometric_probability_of_purchases(posterior, n, t);
  return alive * future + (n == 0 ? 1 - alive : 0.0);
}

}  // namespace detail

const std::vector<std::string>& BetaGeo::parameter_names() {
  static const std::vector<std::string> names{"r", "alpha", "a", "b"};
  return names;
}

BetaGeo::BetaGeo(const Params& p) : PurchaseModelBase(Eigen::Vector4d(p.r, p.alpha, p.a, p.b)) {}

BetaGeo::Params BetaGeo::params() const {
  const Eigen::VectorXd& v = checked_params();
  return Params{v[0], v[1], v[2], v[3]};
}

double BetaGeo::expected_purchases(double t) const {
  require(std::isfinite(t) && t >= 0, "BG/NBD expected_purchases: t must be finite and >= 0");
  // A new customer is the history x = 0, t_x = 0, T = 0 (alive with certainty).
  return conditional_expected_purchases(t, 0, 0, 0);
}

double BetaGeo::probability_of_purchases(double n, double t) const {
  return beta_geometric_probability_of_purchases(
      PurchaseModelTraits<BetaGeo>::beta_geometric(checked_params()), n, t);
}

double BetaGeo::conditional_probability_of_purchases(double n, double t, double x, double t_x,
                                                     double T) const {
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_conditional_probability_of_purchases(
      PurchaseModelTraits<BetaGeo>::beta_geometric(checked_params()), n, t, x, t_x, T);
}

double BetaGeo::p_alive(double x, double t_x, double T) const {
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_p_alive(PurchaseModelTraits<BetaGeo>::beta_geometric(checked_params()), x,
                                t_x, T);
}

double BetaGeo::conditional_expected_purchases(double t, double x, double t_x, double T) const {
  require(std::isfinite(t) && t >= 0, "BG/NBD conditional_expected_purchases: t must be finite and >= 0");
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  return beta_geometric_conditional_expected_purchases(
      PurchaseModelTraits<BetaGeo>::beta_geometric(checked_params()), t, x, t_x, T);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
