#include "crmkit/value/mbg_nbd.hpp"

#include <boost/math/special_functions/beta.hpp>
#include <cmath>

#include "crmkit/detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/btyd_internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail
using detail::RfmRows;
using detail::TimeKind;

namespace {

constexpr const char* kModel = "MBG/NBD";

// Weighted log-likelihood (Batislam et al. 2007) and its gradient in (r, alpha, a, b):
//   L = B(a, b+x+1)/B(a, b) * Gamma(r+x) alpha^r / Gamma(r)
//       * [ (alpha+T)^-(r+x) + a/(b+x) (alpha+t_x)^-(r+x) ],
// for every x (x = 0 included: dropping out at time 0), the bracket summed in log space.
double log_likelihood_rows(const RfmRows& d, const Eigen::VectorXd& p, Eigen::VectorXd* grad) {
  const double r = p[0], alpha = p[1], a = p[2], b = p[3];
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
    const double rx = r + x;
    ll += W * (log_gamma(rx) - lg_r + r * log_alpha + log_beta(a, b + x + 1) - lbeta_ab);
    const Eigen::ArrayXd lT = (alpha + d.T.segment(s, len)).log();
    const Eigen::ArrayXd lt = (alpha + d.t_x.segment(s, len)).log();
    const Eigen::ArrayXd diff = (std::log(a) - std::log(b + x)) - rx * (lt - lT);
    const Eigen::ArrayXd e = (-diff.abs()).exp();
    ll += (w * (-rx * lT + diff.max(0.0) + (1.0 + e).log())).sum();
    if (grad) {
      const Eigen::ArrayXd w4 = (diff >= 0).select(1.0 / (1.0 + e), e / (1.0 + e));
      const Eigen::ArrayXd w3 = 1.0 - w4;
      const double psi_abx = digamma(a + b + x + 1);
      gr += W * (digamma(rx) - psi_r + log_alpha) - (w * (w3 * lT + w4 * lt)).sum();
      galpha += W * r / alpha -
                rx * (w * (w3 / (alpha + d.T.segment(s, len)) +
                           w4 / (alpha + d.t_x.segment(s, len)))).sum();
      const double sw4 = (w * w4).sum();
      ga += W * (psi_ab - psi_abx) + sw4 / a;
      gb += W * (digamma(b + x + 1) - psi_abx - psi_b + psi_ab) - sw4 / (b + x);
    }
  }
  if (grad) *grad = Eigen::Vector4d(gr, galpha, ga, gb);
  return ll;
}

}  // namespace

const std::vector<std::string>& ModifiedBetaGeo::parameter_names() {
  static const std::vector<std::string> names{"r", "alpha", "a", "b"};
  return names;
}

ModifiedBetaGeo::ModifiedBetaGeo(const Params& p) {
  state_.params = Eigen::Vector4d(p.r, p.alpha, p.a, p.b);
  check_positive_params(state_.params, parameter_names(), kModel);
  state_.has_params = true;
}

const FitResult& ModifiedBetaGeo::fit(const double* frequency, const double* recency, const double* T,
                              std::size_t n, const FitOptions& options, const double* weights) {
  const RfmRows rows = compress_rfm(frequency, recency, T, n, weights, TimeKind::continuous);
  // Scale-aware start: mean purchase rate r/alpha equal to the observed one.
  const double rate = (rows.weight * rows.x).sum() / (rows.weight * rows.T).sum();
  const detail::ModelSpec spec{kModel, Eigen::Vector4d(1.0, 1.0 / std::max(rate, 1e-12), 1.0, 1.0),
                               true};
  const detail::LogLikelihood full = [&rows](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
    return log_likelihood_rows(rows, p, g);
  };
  FitResult result;
  if (rows.x.size() > kSubsampleAbove) {
    const RfmRows small = subsample(rows, kSubsampleRows);
    const detail::LogLikelihood coarse = [&small](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
      return log_likelihood_rows(small, p, g);
    };
    result = fit_maximum_likelihood(full, &coarse, rows.total_weight,
                                    static_cast<std::size_t>(rows.x.size()), spec, options);
  } else {
    result = fit_maximum_likelihood(full, nullptr, rows.total_weight,
                                    static_cast<std::size_t>(rows.x.size()), spec, options);
  }
  state_.params = result.params;
  state_.fit = std::move(result);
  state_.has_params = state_.has_fit = true;
  return state_.fit;
}

const FitResult& ModifiedBetaGeo::fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                              const Eigen::Ref<const Eigen::VectorXd>& recency,
                              const Eigen::Ref<const Eigen::VectorXd>& T,
                              const FitOptions& options) {
  require_same_size(frequency.size(), recency.size(), T.size());
  return fit(frequency.data(), recency.data(), T.data(), static_cast<std::size_t>(frequency.size()),
             options);
}

ModifiedBetaGeo::Params ModifiedBetaGeo::params() const {
  const Eigen::VectorXd& v = model_params(state_, kModel);
  return Params{v[0], v[1], v[2], v[3]};
}

Eigen::VectorXd ModifiedBetaGeo::parameter_vector() const { return model_params(state_, kModel); }

const FitResult& ModifiedBetaGeo::fit_result() const { return model_fit(state_, kModel); }

double ModifiedBetaGeo::log_likelihood(const double* frequency, const double* recency, const double* T,
                               std::size_t n, const double* weights) const {
  const RfmRows rows =
      compress_rfm(frequency, recency, T, n, weights, TimeKind::continuous, /*for_fit=*/false);
  return log_likelihood_rows(rows, parameter_vector(), nullptr);
}

double ModifiedBetaGeo::expected_purchases(double t) const {
  require(std::isfinite(t) && t >= 0, "MBG/NBD expected_purchases: t must be finite and >= 0");
  // A new customer is the history x = 0, t_x = 0, T = 0, alive with probability b/(a+b).
  return conditional_expected_purchases(t, 0, 0, 0);
}

double ModifiedBetaGeo::probability_of_purchases(double n, double t) const {
  require(std::isfinite(n) && n >= 0 && n == std::floor(n),
          "MBG/NBD probability_of_purchases: n must be a non-negative integer");
  require(std::isfinite(t) && t >= 0, "MBG/NBD probability_of_purchases: t must be finite and >= 0");
  const Params p = params();
  if (t == 0) return n == 0 ? 1.0 : 0.0;
  // Alive throughout (n + 1 drop-out chances survived) with an NBD count n, or dropped out
  // at the chance after the n-th purchase (time 0 for n = 0) having made at least n
  // purchases while alive.
  const double lbeta_ab = log_beta(p.a, p.b);
  const double log_q = std::log(p.alpha / (p.alpha + t)), log_1mq = std::log(t / (p.alpha + t));
  double prob = std::exp(log_beta(p.a, p.b + n + 1) - lbeta_ab + log_gamma(p.r + n) -
                         log_gamma(p.r) - log_gamma(n + 1) + p.r * log_q + n * log_1mq);
  const double tail = n > 0 ? boost::math::ibeta(n, p.r, t / (p.alpha + t)) : 1.0;  // P(NBD >= n)
  prob += std::exp(log_beta(p.a + 1, p.b + n) - lbeta_ab) * tail;
  return prob;
}

double ModifiedBetaGeo::p_alive(double x, double t_x, double T) const {
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  const Params p = params();
  // 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)), for x = 0 too.
  const double log_ratio = std::log(p.a / (p.b + x)) +
                           (p.r + x) * std::log1p((T - t_x) / (p.alpha + t_x));
  return logistic(-log_ratio);
}

double ModifiedBetaGeo::conditional_expected_purchases(double t, double x, double t_x, double T) const {
  require(std::isfinite(t) && t >= 0, "MBG/NBD conditional_expected_purchases: t must be finite and >= 0");
  detail::check_customer(x, t_x, T, TimeKind::continuous);
  const Params p = params();
  // Alive at T, the drop-out probability has posterior Beta(a, b+x+1): BG/NBD's with b + 1.
  return beta_geometric_future(p.r, p.alpha, p.a, p.b + 1, x, T, t) * p_alive(x, t_x, T);
}

void ModifiedBetaGeo::conditional_expected_purchases(double t, const double* frequency,
                                             const double* recency, const double* T,
                                             std::size_t n, double* out) const {
  for_each_customer(n, frequency, recency, T, out, [&](double x, double tx, double age) {
    return conditional_expected_purchases(t, x, tx, age);
  });
}

void ModifiedBetaGeo::p_alive(const double* frequency, const double* recency, const double* T,
                      std::size_t n, double* out) const {
  for_each_customer(n, frequency, recency, T, out,
                    [&](double x, double tx, double age) { return p_alive(x, tx, age); });
}

Eigen::VectorXd ModifiedBetaGeo::conditional_expected_purchases(
    double t, const Eigen::Ref<const Eigen::VectorXd>& frequency,
    const Eigen::Ref<const Eigen::VectorXd>& recency,
    const Eigen::Ref<const Eigen::VectorXd>& T) const {
  require_same_size(frequency.size(), recency.size(), T.size());
  Eigen::VectorXd out(frequency.size());
  conditional_expected_purchases(t, frequency.data(), recency.data(), T.data(),
                                 static_cast<std::size_t>(frequency.size()), out.data());
  return out;
}

Eigen::VectorXd ModifiedBetaGeo::p_alive(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                 const Eigen::Ref<const Eigen::VectorXd>& recency,
                                 const Eigen::Ref<const Eigen::VectorXd>& T) const {
  require_same_size(frequency.size(), recency.size(), T.size());
  Eigen::VectorXd out(frequency.size());
  p_alive(frequency.data(), recency.data(), T.data(), static_cast<std::size_t>(frequency.size()),
          out.data());
  return out;
}

void ModifiedBetaGeo::check_invariants() const { check_state(state_, parameter_names(), kModel); }

}  // namespace value
}  // namespace v0
}  // namespace crmkit
