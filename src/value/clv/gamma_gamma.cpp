#include "crmkit/value/clv/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>

#include "detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

namespace detail {

SpendRows spend_rows(const double* frequency, const double* monetary, std::size_t n,
                     const double* weights, bool for_fit) {
  require(n > 0 || !for_fit, "Gamma-Gamma: no customers: the input is empty");
  require(n == 0 || (frequency && monetary),
          "Gamma-Gamma: frequency and monetary_value must not be null");
  struct Row {
    double x, z, w;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string where = "Gamma-Gamma: row " + std::to_string(i) + " (0-based): ";
    const double x = frequency[i], z = monetary[i], w = weights ? weights[i] : 1.0;
    require(std::isfinite(x) && x >= 0 && x == std::floor(x),
            where + "frequency must be a non-negative integer (got " + std::to_string(x) + ")");
    require(std::isfinite(w) && w >= 0, where + "weight must be finite and >= 0");
    if (x == 0 || w == 0) continue;
    require(std::isfinite(z) && z > 0,
            where + "monetary_value must be finite and > 0 for a repeat customer (got " +
                std::to_string(z) + ")");
    rows.push_back({x, z, w});
  }
  require(!rows.empty() || !for_fit,
          "Gamma-Gamma: not identifiable: no customer has a repeat purchase (every frequency is 0)");
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.x != b.x ? a.x < b.x : a.z < b.z; });
  SpendRows out;
  for (const Row& r : rows) {
    if (!out.x.empty() && out.x.back() == r.x && out.z.back() == r.z) {
      out.w.back() += r.w;
    } else {
      out.x.push_back(r.x);
      out.z.push_back(r.z);
      out.w.push_back(r.w);
    }
    out.total_weight += r.w;
  }
  require(out.x.size() > 1 || !for_fit,
          "Gamma-Gamma: not identifiable: every repeat customer has the same frequency and "
          "monetary value, which cannot determine p, q and gamma");
  return out;
}

// log f(zbar | p, q, gamma; x) = log Gamma(px+q) - log Gamma(px) - log Gamma(q) + q log gamma
//   + (px-1) log zbar + px log x - (px+q) log(gamma + x zbar), and its gradient.
double gamma_gamma_log_likelihood(const SpendRows& d, const Eigen::VectorXd& par,
                                  Eigen::VectorXd* grad) {
  using ::crmkit::detail::digamma;
  using ::crmkit::detail::log_gamma;
  const double p = par[0], q = par[1], g = par[2];
  const double lgq = log_gamma(q), logg = std::log(g), psi_q = grad ? digamma(q) : 0;
  double ll = 0, gp = 0, gq = 0, gg = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double x = d.x[i], z = d.z[i], w = d.w[i], px = p * x;
    const double lden = std::log(g + x * z), lz = std::log(z), lx = std::log(x);
    ll += w * (log_gamma(px + q) - log_gamma(px) - lgq + q * logg + (px - 1) * lz + px * lx -
               (px + q) * lden);
    if (grad) {
      const double psi_pxq = digamma(px + q);
      gp += w * x * (psi_pxq - digamma(px) + lz + lx - lden);
      gq += w * (psi_pxq - psi_q + logg - lden);
      gg += w * (q / g - (px + q) / (g + x * z));
    }
  }
  if (grad) *grad = Eigen::Vector3d(gp, gq, gg);
  return ll;
}

}  // namespace detail

template class detail::ModelBase<GammaGamma>;

const std::vector<std::string>& GammaGamma::parameter_names() {
  static const std::vector<std::string> names{"p", "q", "gamma"};
  return names;
}

GammaGamma::GammaGamma(const Params& p) : ModelBase(Eigen::Vector3d(p.p, p.q, p.gamma)) {}

const FitResult& GammaGamma::fit(const double* frequency, const double* monetary_value,
                                 std::size_t n, const FitOptions& options, const double* weights) {
  const detail::SpendRows rows = detail::spend_rows(frequency, monetary_value, n, weights);
  double mean_z = 0;
  for (std::size_t i = 0; i < rows.z.size(); ++i) mean_z += rows.w[i] * rows.z[i];
  mean_z /= rows.total_weight;
  const detail::ModelSpec spec{model_name, gamma_gamma_start(mean_z), true};
  const detail::LogLikelihood ll = [&rows](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
    return detail::gamma_gamma_log_likelihood(rows, p, g);
  };
  return store_fit(detail::fit_maximum_likelihood(ll, nullptr, rows.total_weight, rows.x.size(),
                                                 spec, options));
}

const FitResult& GammaGamma::fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                 const Eigen::Ref<const Eigen::VectorXd>& monetary_value,
                                 const FitOptions& options) {
  require(frequency.size() == monetary_value.size(),
          "Gamma-Gamma: frequency and monetary_value must have the same length");
  return fit(frequency.data(), monetary_value.data(), static_cast<std::size_t>(frequency.size()),
             options);
}

GammaGamma::Params GammaGamma::params() const {
  const Eigen::VectorXd& v = checked_params();
  return Params{v[0], v[1], v[2]};
}

double GammaGamma::log_likelihood(const double* frequency, const double* monetary_value,
                                  std::size_t n, const double* weights) const {
  return detail::gamma_gamma_log_likelihood(detail::spend_rows(frequency, monetary_value, n, weights),
                                           checked_params(), nullptr);
}

double GammaGamma::mean_spend() const {
  const Params p = params();
  if (!(p.q > 1)) {
    throw Error(ErrorCode::invalid_state,
                "Gamma-Gamma: q = " + std::to_string(p.q) + " <= 1: the mean spend is infinite");
  }
  return p.p * p.gamma / (p.q - 1);
}

double GammaGamma::expected_spend(double x, double zbar) const {
  require(std::isfinite(x) && x >= 0, "Gamma-Gamma expected_spend: frequency must be finite and >= 0");
  const double population = mean_spend();
  if (x == 0) return population;
  require(std::isfinite(zbar) && zbar > 0,
          "Gamma-Gamma expected_spend: monetary_value must be finite and > 0 when frequency > 0");
  const Params p = params();
  const double weight = p.p * x / (p.p * x + p.q - 1);
  return (1 - weight) * population + weight * zbar;
}

void GammaGamma::expected_spend(const double* frequency, const double* monetary_value,
                                std::size_t n, double* out) const {
  require(n == 0 || (frequency && monetary_value && out), "Gamma-Gamma: arrays must not be null");
  for (std::size_t i = 0; i < n; ++i) {
    try {
      out[i] = expected_spend(frequency[i], monetary_value[i]);
    } catch (const Error& e) {
      throw Error(e.code(), "row " + std::to_string(i) + " (0-based): " + e.what());
    }
  }
}

Eigen::VectorXd GammaGamma::expected_spend(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                           const Eigen::Ref<const Eigen::VectorXd>& monetary_value) const {
  require(frequency.size() == monetary_value.size(),
          "Gamma-Gamma: frequency and monetary_value must have the same length");
  Eigen::VectorXd out(frequency.size());
  expected_spend(frequency.data(), monetary_value.data(), static_cast<std::size_t>(frequency.size()),
                 out.data());
  return out;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
