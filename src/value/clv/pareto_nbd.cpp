#include "crmkit/value/clv/pareto_nbd.hpp"

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <limits>

#include "detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

using namespace ::crmkit::detail;
using namespace detail;  // crmkit::value::detail

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// F(u) = int_u^inf (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau
//   = (m+u)^-A / A * 2F1(A, b; A+1; |alpha-beta| / (m+u)),  A = r+s+x, m = max(alpha, beta),
// b = s+1 when alpha >= beta, else r+x: the orientation that keeps 0 <= z < 1 and all
// series terms positive, so no cancellation and no overflow (the sum is kept in log space).
struct FForm {
  double A, b, z, log_m_u;
  bool alpha_larger;
};

FForm f_form(double u, double x, const ParetoNbd::Params& p) {
  const bool alpha_larger = p.alpha >= p.beta;
  const double m = alpha_larger ? p.alpha : p.beta;
  return {p.r + p.s + x, alpha_larger ? p.s + 1 : p.r + x, std::fabs(p.alpha - p.beta) / (m + u),
          std::log(m + u), alpha_larger};
}

double log_F(double u, double x, const ParetoNbd::Params& p) {
  const FForm f = f_form(u, x, p);
  return -f.A * f.log_m_u - std::log(f.A) + log_hyp2f1(f.A, f.b, f.A + 1, f.z);
}

// log F(u) and its gradient in (r, alpha, s, beta), differentiating the series term by term:
// with H = 2F1(A, b; A+1; z) = sum_n A/(A+n) (b)_n / n! z^n, each positive term t_n has
//   d log t_n / dA = n / (A (A+n)),  d log t_n / db = sum_{k<n} 1/(b+k),  d log t_n / dz = n/z,
// so the three derivative sums are positive series summed alongside H, with H's rescaling.
// Near z = 1 (alpha and beta orders of magnitude apart), where log_hyp2f1 switches to
// quadrature, the gradient is taken by central differences of log_F instead.
struct LogFGradient {
  double value;
  Eigen::Vector4d grad;
};

LogFGradient log_F_with_gradient(double u, double x, const ParetoNbd::Params& p) {
  const FForm f = f_form(u, x, p);
  const double m_u = std::exp(f.log_m_u);
  if (f.z > 0.999) {
    Eigen::Vector4d g;
    const Eigen::Vector4d v(p.r, p.alpha, p.s, p.beta);
    for (int k = 0; k < 4; ++k) {
      const double h = 1e-6 * v[k];
      Eigen::Vector4d lo = v, hi = v;
      lo[k] -= h;
      hi[k] += h;
      g[k] = (log_F(u, x, {hi[0], hi[1], hi[2], hi[3]}) - log_F(u, x, {lo[0], lo[1], lo[2], lo[3]})) /
             (2 * h);
    }
    return {log_F(u, x, p), g};
  }
  const double A = f.A, b = f.b, z = f.z;
  // Sums relative to a running scale (terms can reach 1e308 for thousands of purchases).
  double sum = 1, sum_A = 0, sum_b = 0, sum_z = 0, log_scale = 0;
  double q = 1, harmonic = 0;  // q = (b)_n z^n / n!, harmonic = sum_{k<n} 1/(b+k)
  double step = b * z;        // q_n / q_(n-1) = (b+n-1) z / n
  constexpr double kRescale = 1e200;
  bool converged = false;
  for (long n = 1; n < 2000000 && !converged; ++n) {
    const double dn = static_cast<double>(n);
    harmonic += 1 / (b + dn - 1);
    q *= step;
    const double c = A / (A + dn);  // and 1/A - 1/(A+n) = (1 - c) / A
    const double t = c * q;
    sum += t;
    sum_A += t * (1 - c);
    sum_b += t * harmonic;
    sum_z += t * dn;
    if (sum > kRescale) {
      sum /= kRescale;
      sum_A /= kRescale;
      sum_b /= kRescale;
      sum_z /= kRescale;
      q /= kRescale;
      log_scale += std::log(kRescale);
    }
    // Term ratios fall to z; the tails of the weighted sums are within a factor
    // (n + harmonic) / (1 - z) of the plain one.
    step = (b + dn) * z / (dn + 1);
    const double bound = step > z ? step : z;
    converged = t == 0 || (bound < 1 && t * (dn + 1 + harmonic) * bound /
                                            ((1 - bound) * (1 - bound)) <= 1e-17 * sum);
  }
  if (!converged) {
    throw Error(ErrorCode::not_converged, "Pareto/NBD: the 2F1 gradient series did not converge");
  }
  const double dlogH_dA = sum_A / (A * sum), dlogH_db = sum_b / sum;
  // d log H / dz = sum n t_n / z / H; at z = 0 only t_1 / z = A b / (A+1) remains.
  const double dlogH_dz = z > 0 ? sum_z / (z * sum) : A * b / (A + 1);
  // log F = -A log(m+u) - log A + log H; A = r+s+x, so dA/dr = dA/ds = 1.
  const double dA = -f.log_m_u - 1 / A + dlogH_dA;
  Eigen::Vector4d g;
  if (f.alpha_larger) {
    // m = alpha, b = s+1, z = (alpha-beta)/(alpha+u).
    g << dA, -A / m_u + dlogH_dz * (u + p.beta) / (m_u * m_u), dA + dlogH_db, -dlogH_dz / m_u;
  } else {
    // m = beta, b = r+x, z = (beta-alpha)/(beta+u).
    g << dA + dlogH_db, -dlogH_dz / m_u, dA, -A / m_u + dlogH_dz * (u + p.alpha) / (m_u * m_u);
  }
  return {-A * f.log_m_u - std::log(A) + log_scale + std::log(sum), g};
}

// The two parts of the likelihood in log space, without the factor
// Gamma(r+x) alpha^r beta^s / Gamma(r): alive at T, and died at some tau in (t_x, T]:
//   alive = -(r+x) log(alpha+T) - s log(beta+T),  died = log s + log(F(t_x) - F(T)).
// With `grad`, also their gradients in (r, alpha, s, beta).
struct Branches {
  double alive, died;
  Eigen::Vector4d d_alive, d_died;
};

Branches branches(double x, double t_x, double T, const ParetoNbd::Params& p, bool grad) {
  Branches out;
  out.alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  if (grad) {
    out.d_alive << -std::log(p.alpha + T), -(p.r + x) / (p.alpha + T), -std::log(p.beta + T),
        -p.s / (p.beta + T);
  }
  if (T <= t_x) {
    out.died = kNegInf;
    out.d_died.setZero();
    return out;
  }
  if (!grad) {
    const double a = log_F(t_x, x, p), b = log_F(T, x, p);
    out.died = std::log(p.s) + a + log1m_exp(b - a);
    return out;
  }
  const LogFGradient a = log_F_with_gradient(t_x, x, p), b = log_F_with_gradient(T, x, p);
  out.died = std::log(p.s) + a.value + log1m_exp(b.value - a.value);
  // d log(F_a - F_b) = (d log F_a - e d log F_b) / (1 - e),  e = F_b / F_a < 1.
  const double e = std::exp(b.value - a.value);
  out.d_died = (a.grad - e * b.grad) / (1 - e);
  out.d_died[2] += 1 / p.s;
  return out;
}

double log_likelihood_rows(const RfmRows& d, const Eigen::VectorXd& v, Eigen::VectorXd* grad) {
  const ParetoNbd::Params p{v[0], v[1], v[2], v[3]};
  const double base = p.r * std::log(p.alpha) + p.s * std::log(p.beta) - log_gamma(p.r);
  double ll = 0;
  Eigen::Vector4d g = Eigen::Vector4d::Zero();
  const double psi_r = grad ? digamma(p.r) : 0;
  for (std::size_t gi = 0; gi + 1 < d.group_start.size(); ++gi) {
    const Eigen::Index s = d.group_start[gi], e = d.group_start[gi + 1];
    const double x = d.x[s];
    double group = 0, W = 0;
    for (Eigen::Index i = s; i < e; ++i) {
      const Branches br = branches(x, d.t_x[i], d.T[i], p, grad != nullptr);
      const double lse = log_sum_exp(br.alive, br.died);
      group += d.weight[i] * lse;
      W += d.weight[i];
      if (grad) {
        // Each branch's share of the customer's likelihood weights its gradient.
        const double w_died = br.died == kNegInf ? 0.0 : std::exp(br.died - lse);
        g += d.weight[i] * ((1 - w_died) * br.d_alive + w_died * br.d_died);
      }
    }
    ll += group + W * (base + log_gamma(p.r + x));
    if (grad) {
      // base + log Gamma(r+x): r log alpha + s log beta - log Gamma(r) + log Gamma(r+x).
      g += W * Eigen::Vector4d(std::log(p.alpha) - psi_r + digamma(p.r + x), p.r / p.alpha,
                               std::log(p.beta), p.s / p.beta);
    }
  }
  if (grad) *grad = g;
  return ll;
}

// -expm1(-u L) / u, with its limit L at u = 0.
double expm1_ratio(double u, double L) {
  const double v = u * L;
  return std::fabs(v) < 1e-10 ? L * (1 - 0.5 * v) : -std::expm1(-v) / u;
}

// P(X(t) = n) for a new customer with parameters p (n a non-negative integer, t > 0 finite).
// Alive through (0, t] with an NBD count n, or dead at some tau in (0, t] having bought n
// times before: averaging lambda^n e^(-lambda tau) / n! and mu e^(-mu tau) over the priors,
//   P = NB(n) (beta/(beta+t))^s
//     + c_n alpha^r s beta^s int_0^t tau^n (alpha+tau)^-(r+n) (beta+tau)^-(s+1) dtau,
// c_n = Gamma(r+n)/(Gamma(r) n!). The expression through 2F1s (integrating over tau first)
// is a difference of n + 2 terms that cancel catastrophically for large n, so the integral is
// taken by quadrature instead, its integrand positive: with v = tau/(alpha+tau) = q w,
// q = t/(alpha+t),
//   int = alpha^(1-r) beta^-(s+1) q^(n+1) J,
//   J = int_0^1 w^n (1 - q w)^(r+s-1) (1 + (alpha/beta - 1) q w)^-(s+1) dw,
// J is of the order of 1/(n+1) (the other two factors are bounded on [0, 1]), so the tiny
// or huge factors all sit in the closed-form prefactor, which is taken in log space.
double probability_new(const ParetoNbd::Params& p, double n, double t) {
  if (t == 0) return n == 0 ? 1.0 : 0.0;
  // log c_n through log_gamma_ratio: no cancellation of log-gammas near 1e4 for large n.
  const double log_c = -log_gamma_ratio(n + 1, p.r - 1) - log_gamma(p.r);
  const double log_q = std::log(t / (p.alpha + t)), log_1mq = std::log(p.alpha / (p.alpha + t));
  const double alive =
      std::exp(log_c + p.r * log_1mq + n * log_q + p.s * std::log(p.beta / (p.beta + t)));
  const double q = std::exp(log_q), one_minus_q = std::exp(log_1mq);
  const double slope = (p.alpha / p.beta - 1) * q;  // 1 + slope w >= (1 - q) + q alpha/beta > 0
  auto integrand = [&](double w, double w_complement) {
    // tanh-sinh passes the distance to the nearer end point; 1 - q w = (1 - q) + q (1 - w)
    // keeps its accuracy near w = 1, where the mass sits for large n.
    const double one_minus_w = w_complement > 0 ? w_complement : 1 - w;
    if (w <= 0) return n == 0 ? 1.0 : 0.0;
    return std::exp(n * std::log(w) + (p.r + p.s - 1) * std::log(one_minus_q + q * one_minus_w) -
                    (p.s + 1) * std::log1p(slope * w));
  };
  // Building the abscissa tables costs more than an integral; integrate() is not const.
  thread_local boost::math::quadrature::tanh_sinh<double> integrator;
  const double J = integrator.integrate(integrand, 0.0, 1.0, 1e-14);
  const double dead = std::exp(log_c + std::log(p.s) + std::log(p.alpha / p.beta) +
                               (n + 1) * log_q + std::log(J));
  return alive + dead;
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
            Eigen::Vector4d(1.0, 1.0 / observed_purchase_rate(rows), 1.0, mean_T), true};
  }
  static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& p,
                               Eigen::VectorXd* grad) {
    return log_likelihood_rows(rows, p, grad);
  }
};

double pareto_nbd_log_likelihood(const double* frequency, const double* recency, const double* T,
                                 std::size_t n, const Eigen::Vector4d& params,
                                 Eigen::Vector4d* grad) {
  const RfmRows rows = compress_rfm(frequency, recency, T, n, nullptr, TimeKind::continuous,
                                    /*for_fit=*/false);
  Eigen::VectorXd g;
  const double ll = log_likelihood_rows(rows, params, grad ? &g : nullptr);
  if (grad) *grad = g;
  return ll;
}

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
  const Branches br = branches(x, t_x, T, params(), /*grad=*/false);
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

double ParetoNbd::probability_of_purchases(double n, double t) const {
  require(std::isfinite(n) && n >= 0 && n == std::floor(n),
          "Pareto/NBD probability_of_purchases: n must be a non-negative integer");
  require(std::isfinite(t) && t >= 0, "Pareto/NBD probability_of_purchases: t must be finite and >= 0");
  return probability_new(params(), n, t);
}

double ParetoNbd::conditional_probability_of_purchases(double n, double t, double x, double t_x,
                                                       double T) const {
  require(std::isfinite(n) && n >= 0 && n == std::floor(n),
          "Pareto/NBD conditional_probability_of_purchases: n must be a non-negative integer");
  require(std::isfinite(t) && t >= 0,
          "Pareto/NBD conditional_probability_of_purchases: t must be finite and >= 0");
  const Params p = params();
  const double alive = p_alive(x, t_x, T);
  // Alive at T, the customer's future is a new customer's (the lifetime is memoryless) with
  // the posterior rates lambda ~ Gamma(r+x, alpha+T), mu ~ Gamma(s, beta+T); dead, no
  // purchases.
  const double future = probability_new({p.r + x, p.alpha + T, p.s, p.beta + T}, n, t);
  return alive * future + (n == 0 ? 1 - alive : 0.0);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
