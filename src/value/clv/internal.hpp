// Helpers shared by the CLV model implementations in src/value/ (not installed).
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/special_functions.hpp"
#include "crmkit/error.hpp"
#include "crmkit/value/clv/common.hpp"
#include "value/clv/beta_geometric.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Above this many unique rows the starts run on an every-k-th-row subsample of about
// kSubsampleRows rows and one BFGS run polishes the result on all rows.
constexpr Eigen::Index kSubsampleAbove = 200000;
constexpr std::size_t kSubsampleRows = 20000;

inline void require_same_size(Eigen::Index a, Eigen::Index b, Eigen::Index c) {
  require(a == b && b == c, "frequency, recency and T must have the same length (got " +
                                std::to_string(a) + ", " + std::to_string(b) + ", " +
                                std::to_string(c) + ")");
}

// Observed purchases per unit of time, the scale of the models' default starts, from the
// weighted sums of x and T (all a start needs, so a fit over partitions finds the same one).
inline double observed_purchase_rate(double frequency_sum, double age_sum) {
  return std::max(frequency_sum / age_sum, 1e-12);
}
inline double observed_purchase_rate(const detail::RfmRows& rows) {
  return observed_purchase_rate((rows.weight * rows.x).sum(), (rows.weight * rows.T).sum());
}

// BG/NBD's and MBG/NBD's scale-aware start: mean purchase rate r/alpha equal to the observed.
inline Eigen::VectorXd beta_geometric_start(double purchase_rate) {
  return Eigen::Vector4d(1.0, 1.0 / purchase_rate, 1.0, 1.0);
}

// Gamma-Gamma's start: p = 1, q = 2, with gamma making the population mean spend the
// observed mean repeat spend.
inline Eigen::VectorXd gamma_gamma_start(double mean_spend) {
  return Eigen::Vector3d(1.0, 2.0, mean_spend);
}

namespace detail {

// ---- ModelBase<Model> (declared in clv/common.hpp) --------------------------------------
// Each model's .cpp includes this header and instantiates `template class ModelBase<Model>;`.

template <class Model>
ModelBase<Model>::ModelBase(const Eigen::VectorXd& params) {
  check_params_in_range(params, Model::parameter_names(), Model::scale_parameters,
                        Model::model_name);
  state_.params = params;
  state_.has_params = true;
}

template <class Model>
const Eigen::VectorXd& ModelBase<Model>::checked_params() const {
  if (!state_.has_params) {
    throw Error(ErrorCode::invalid_state,
                std::string(Model::model_name) +
                    ": no parameters yet (fit the model or construct it with parameters)");
  }
  return state_.params;
}

template <class Model>
Eigen::VectorXd ModelBase<Model>::parameter_vector() const {
  return checked_params();
}

template <class Model>
const FitResult& ModelBase<Model>::fit_result() const {
  if (!state_.has_fit) {
    throw Error(ErrorCode::invalid_state,
                std::string(Model::model_name) + ": not fitted (constructed from parameters or default)");
  }
  return state_.fit;
}

template <class Model>
const FitResult& ModelBase<Model>::store_fit(FitResult result) {
  // An optimum outside the accurate range (a likelihood still rising as a parameter runs off
  // to 0 or infinity) cannot be used for predictions, whatever require_convergence says.
  try {
    check_params_in_range(result.params, Model::parameter_names(), Model::scale_parameters,
                          Model::model_name);
  } catch (const Error& e) {
    throw Error(ErrorCode::not_converged,
                std::string(Model::model_name) +
                    " fit: at the edge of identifiability, the likelihood keeps rising towards "
                    "a boundary (" + e.what() + "); the data cannot pin the parameters down");
  }
  state_.params = result.params;
  state_.fit = std::move(result);
  state_.has_params = state_.has_fit = true;
  return state_.fit;
}

// Invariants of a loaded model; corrupt_data because only a damaged file can break them.
template <class Model>
void ModelBase<Model>::check_invariants() const {
  const char* model = Model::model_name;
  if (!state_.has_params) {
    if (state_.has_fit) throw Error(ErrorCode::corrupt_data, std::string(model) + ": fit without parameters");
    return;
  }
  try {
    check_params_in_range(state_.params, Model::parameter_names(), Model::scale_parameters, model);
  } catch (const Error& e) {
    throw Error(ErrorCode::corrupt_data, std::string("saved model: ") + e.what());
  }
  if (!state_.has_fit) return;
  const FitResult& f = state_.fit;
  auto bad = [model](const std::string& what) {
    throw Error(ErrorCode::corrupt_data, std::string(model) + ": saved fit: " + what);
  };
  if (f.params.size() != state_.params.size() || f.standard_errors.size() != state_.params.size()) {
    bad("wrong number of values");
  }
  if (f.params != state_.params) bad("fitted parameters differ from the model's");
  for (Eigen::Index i = 0; i < f.standard_errors.size(); ++i) {
    // NaN: the information matrix was singular; otherwise a standard error is >= 0.
    if (!std::isnan(f.standard_errors[i]) && !(std::isfinite(f.standard_errors[i]) && f.standard_errors[i] >= 0)) {
      bad("standard error " + std::to_string(i) + " is neither NaN nor finite and >= 0");
    }
  }
  if (!std::isfinite(f.log_likelihood) || !std::isfinite(f.aic) || !std::isfinite(f.bic)) {
    bad("log-likelihood, AIC and BIC must be finite");
  }
  if (f.gradient_norm < 0 || f.iterations < 0 || f.evaluations < 0 || f.starts_run < 0) {
    bad("negative gradient norm or count");
  }
  if (!(std::isfinite(f.customers) && f.customers > 0) || f.unique_rows == 0) {
    bad("no customers");
  }
}

// ---- PurchaseModelBase<Model> -------------------------------------------------------------
// What a purchase model's .cpp specialises before instantiating
// `template class PurchaseModelBase<Model>;`:
//   static constexpr TimeKind time_kind;
//   static ModelSpec fit_spec(const RfmRows& rows);   // start and gradient kind
//   static double log_likelihood(const RfmRows& rows, const Eigen::VectorXd& params,
//                                Eigen::VectorXd* grad);  // grad: only if fit_spec says so
// and, for a beta-geometric model (BG/NBD, MBG/NBD), whose bulk predictions then take the
// grouped, interpolated path of clv/beta_geometric.cpp instead of one call per row:
//   static BetaGeometric beta_geometric(const Eigen::VectorXd& params);
template <class Model>
struct PurchaseModelTraits;

template <class Traits, class = void>
struct IsBetaGeometric : std::false_type {};
template <class Traits>
struct IsBetaGeometric<Traits, std::void_t<decltype(Traits::beta_geometric(Eigen::VectorXd()))>>
    : std::true_type {};

template <class Model>
const FitResult& PurchaseModelBase<Model>::fit(const double* frequency, const double* recency,
                                               const double* T, std::size_t n,
                                               const FitOptions& options, const double* weights) {
  using Traits = PurchaseModelTraits<Model>;
  const RfmRows rows = compress_rfm(frequency, recency, T, n, weights, Traits::time_kind);
  const ModelSpec spec = Traits::fit_spec(rows);
  const LogLikelihood full = [&rows](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
    return Traits::log_likelihood(rows, p, g);
  };
  const auto unique_rows = static_cast<std::size_t>(rows.x.size());
  if (rows.x.size() <= kSubsampleAbove) {
    return this->store_fit(
        fit_maximum_likelihood(full, nullptr, rows.total_weight, unique_rows, spec, options));
  }
  const RfmRows small = subsample(rows, kSubsampleRows);
  const LogLikelihood coarse = [&small](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
    return Traits::log_likelihood(small, p, g);
  };
  return this->store_fit(
      fit_maximum_likelihood(full, &coarse, rows.total_weight, unique_rows, spec, options));
}

template <class Model>
const FitResult& PurchaseModelBase<Model>::fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                               const Eigen::Ref<const Eigen::VectorXd>& recency,
                                               const Eigen::Ref<const Eigen::VectorXd>& T,
                                               const FitOptions& options) {
  require_same_size(frequency.size(), recency.size(), T.size());
  return fit(frequency.data(), recency.data(), T.data(), static_cast<std::size_t>(frequency.size()),
             options);
}

template <class Model>
double PurchaseModelBase<Model>::log_likelihood(const double* frequency, const double* recency,
                                                const double* T, std::size_t n,
                                                const double* weights) const {
  using Traits = PurchaseModelTraits<Model>;
  const RfmRows rows =
      compress_rfm(frequency, recency, T, n, weights, Traits::time_kind, /*for_fit=*/false);
  return Traits::log_likelihood(rows, this->checked_params(), nullptr);
}

// out[i] = f(x[i], t_x[i], T[i]); a failing row's error gets its index.
template <class F>
void for_each_customer(std::size_t n, const double* x, const double* t_x, const double* T,
                       double* out, F&& f) {
  require(n == 0 || (x && t_x && T && out), "customer arrays must not be null");
  for (std::size_t i = 0; i < n; ++i) {
    try {
      out[i] = f(x[i], t_x[i], T[i]);
    } catch (const Error& e) {
      throw Error(e.code(), "row " + std::to_string(i) + " (0-based): " + e.what());
    }
  }
}

template <class Model>
void PurchaseModelBase<Model>::conditional_expected_purchases(double t, const double* frequency,
                                                              const double* recency,
                                                              const double* T, std::size_t n,
                                                              double* out) const {
  using Traits = PurchaseModelTraits<Model>;
  if constexpr (IsBetaGeometric<Traits>::value) {
    beta_geometric_conditional_expected_purchases(Traits::beta_geometric(this->checked_params()),
                                                  t, frequency, recency, T, n, out);
  } else {
    for_each_customer(n, frequency, recency, T, out, [&](double x, double tx, double age) {
      return self().conditional_expected_purchases(t, x, tx, age);
    });
  }
}

template <class Model>
void PurchaseModelBase<Model>::p_alive(const double* frequency, const double* recency,
                                       const double* T, std::size_t n, double* out) const {
  using Traits = PurchaseModelTraits<Model>;
  if constexpr (IsBetaGeometric<Traits>::value) {
    beta_geometric_p_alive(Traits::beta_geometric(this->checked_params()), frequency, recency, T,
                           n, out);
  } else {
    for_each_customer(n, frequency, recency, T, out,
                      [&](double x, double tx, double age) { return self().p_alive(x, tx, age); });
  }
}

template <class Model>
Eigen::VectorXd PurchaseModelBase<Model>::conditional_expected_purchases(
    double t, const Eigen::Ref<const Eigen::VectorXd>& frequency,
    const Eigen::Ref<const Eigen::VectorXd>& recency,
    const Eigen::Ref<const Eigen::VectorXd>& T) const {
  require_same_size(frequency.size(), recency.size(), T.size());
  Eigen::VectorXd out(frequency.size());
  conditional_expected_purchases(t, frequency.data(), recency.data(), T.data(),
                                 static_cast<std::size_t>(frequency.size()), out.data());
  return out;
}

template <class Model>
Eigen::VectorXd PurchaseModelBase<Model>::p_alive(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                                  const Eigen::Ref<const Eigen::VectorXd>& recency,
                                                  const Eigen::Ref<const Eigen::VectorXd>& T) const {
  require_same_size(frequency.size(), recency.size(), T.size());
  Eigen::VectorXd out(frequency.size());
  p_alive(frequency.data(), recency.data(), T.data(), static_cast<std::size_t>(frequency.size()),
          out.data());
  return out;
}

}  // namespace detail

// Gamma-Gamma's customers with repeat purchases, validated and compressed to unique
// (x, zbar) rows with summed weights (in gamma_gamma.cpp). `for_fit` also refuses a table
// that cannot identify the parameters (no repeat customer, or one (x, zbar) only); without
// it an empty table is allowed (a partition may hold no repeat customer).
namespace detail {
struct SpendRows {
  std::vector<double> x, z, w;
  double total_weight = 0;
};
SpendRows spend_rows(const double* frequency, const double* monetary, std::size_t n,
                     const double* weights, bool for_fit = true);
// Its weighted log-likelihood at (p, q, gamma), gradient when `grad` is non-null.
double gamma_gamma_log_likelihood(const SpendRows& rows, const Eigen::VectorXd& params,
                                  Eigen::VectorXd* grad);
}  // namespace detail

// Weighted log-likelihood of BG/NBD (drop_out_at_start false) or MBG/NBD (true) at natural
// parameters (r, alpha, a, b), with its gradient when `grad` is non-null (in bg_nbd.cpp).
double beta_geometric_log_likelihood(const detail::RfmRows& rows, const Eigen::VectorXd& params,
                                     Eigen::VectorXd* grad, bool drop_out_at_start);

// sum_{n>=1} (A)_n (B)_(n-1) / ((c)_n n!) z^n for 0 <= z < 1, c > 0: the part of
// 2F1(A, B-1; c; z) = 1 + (B-1) * (this) after the first term. Throws not_converged for z
// within about 1e-5 of 1.
inline double series_tail(double A, double B, double c, double z) {
  double term = A * z / c, sum = term;
  for (long n = 1; n < 2000000; ++n) {
    const double dn = static_cast<double>(n);
    const double ratio = (A + dn) * (B + dn - 1) / ((c + dn) * (dn + 1)) * z;
    term *= ratio;
    sum += term;
    const double q = std::fabs(ratio) > z ? std::fabs(ratio) : z;
    if (term == 0 || (q < 1 && std::fabs(term) * q / (1 - q) <= 1e-17 * std::fabs(sum))) return sum;
  }
  throw Error(ErrorCode::not_converged, "hypergeometric series did not converge (argument " +
                                            std::to_string(z) + " too close to 1)");
}

// The same quantity as an integral, for horizons much longer than alpha + T where the series
// below needs ~40/(1-z) terms (in beta_geometric.cpp): the posterior mean over the drop-out
// probability p ~ Beta(a, b+x) of (1 - (1 + p t/(alpha+T))^-(r+x)) / p.
double beta_geometric_future_integral(double r, double alpha, double a, double b, double x,
                                      double T, double t);

// Above this z = t/(alpha+T+t) the series is left for the integral: at most ~4,000 terms.
constexpr double kSeriesLimitZ = 0.99;

// Expected purchases in (T, T+t] of a BG/NBD-type customer who is alive at T after x
// repeat purchases: FHL (2005) eq. 10 without the P(alive) factor,
//   (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)],
// z = t/(alpha+T+t). Euler's transformation turns the bracket into
// 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose parameters no longer grow with x (no
// overflow at x = 10,000), and splitting off the n = 0 term removes the 0/0 at a = 1:
//   [...]/(a-1) = (1 - (1-z)^(a-1))/(a-1) - (1-z)^(a-1) S,  S = series_tail(a+b-1-r, a, a+b+x-1, z).
// MBG/NBD uses it with b + 1 (Batislam et al. 2007).
inline double beta_geometric_future(double r, double alpha, double a, double b, double x,
                                    double T, double t) {
  if (t == 0) return 0.0;
  const double z = t / (alpha + T + t);
  if (z > kSeriesLimitZ) return beta_geometric_future_integral(r, alpha, a, b, x, T, t);
  const double log1mz = -std::log1p(t / (alpha + T));
  const double c = a + b + x - 1;
  const double S = series_tail(a + b - 1 - r, a, c, z);
  const double am1 = a - 1;
  const double u = am1 * log1mz;
  const double head = std::fabs(u) < 1e-10 ? -log1mz * (1 + 0.5 * u) : -std::expm1(u) / am1;
  return c * (head - std::exp(u) * S);
}

namespace detail {

// P(alive at T | x, t_x, T) of a valid customer:
//   1 / (1 + a/(b+x-1+d) ((alpha+T)/(alpha+t_x))^(r+x)),  d = 1 for MBG/NBD,
// the ratio in log space. A BG/NBD customer without repeat purchases has had no chance to
// drop out yet. `log_odds(x)` returns beta_geometric_log_odds(m, x), which bulk predictions
// compute once per frequency.
inline bool beta_geometric_surely_alive(const BetaGeometric& m, double x) {
  return x == 0 && !m.drop_out_at_start;
}
inline double beta_geometric_log_odds(const BetaGeometric& m, double x) {
  return std::log(m.a / (m.drop_out_at_start ? m.b + x : m.b + x - 1));
}
template <class LogOdds>
double beta_geometric_p_alive(const BetaGeometric& m, double x, double t_x, double T,
                              LogOdds&& log_odds) {
  if (beta_geometric_surely_alive(m, x)) return 1.0;  // and b + x - 1 may be <= 0
  return ::crmkit::detail::logistic(
      -(log_odds(x) + (m.r + x) * ::crmkit::detail::log1p_nonnegative((T - t_x) / (m.alpha + t_x))));
}
inline double beta_geometric_p_alive(const BetaGeometric& m, double x, double t_x, double T) {
  return beta_geometric_p_alive(m, x, t_x, T,
                                [&m](double f) { return beta_geometric_log_odds(m, f); });
}

// Expected purchases in (T, T+t] if alive at T: the drop-out probability's posterior is
// Beta(a, b+x), or Beta(a, b+x+1) for MBG/NBD (its extra drop-out chance at the start).
inline double beta_geometric_future(const BetaGeometric& m, double t, double x, double T) {
  return value::beta_geometric_future(m.r, m.alpha, m.a, m.drop_out_at_start ? m.b + 1 : m.b, x,
                                      T, t);
}

// E[Y(t) | x, t_x, T] of a valid customer, t >= 0: FHL (2005) eq. 10.
// P(X(t) = n) for a new customer (FHL 2005 eq. 8 for BG/NBD; for MBG/NBD the drop-out
// chances start at the first purchase). Validates n and t, naming m.model (in bg_nbd.cpp).
double beta_geometric_probability_of_purchases(const BetaGeometric& m, double n, double t);
// P(Y(t) = n | x, t_x, T): purchases in (T, T+t] of a valid customer (in bg_nbd.cpp).
double beta_geometric_conditional_probability_of_purchases(const BetaGeometric& m, double n,
                                                           double t, double x, double t_x,
                                                           double T);

inline double beta_geometric_conditional_expected_purchases(const BetaGeometric& m, double t,
                                                            double x, double t_x, double T) {
  return beta_geometric_future(m, t, x, T) * beta_geometric_p_alive(m, x, t_x, T);
}

}  // namespace detail

}  // namespace value
}  // namespace v0
}  // namespace crmkit
