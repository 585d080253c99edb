// What the buy-till-you-die (CLV) models share: fit options and diagnostics, the
// validated and compressed customer table they fit on, and discounted lifetime value.
//
// Time is in whatever unit the caller's recency and T are in (weeks for CDNOW): rates,
// horizons and discount periods are in that same unit. The models (bg_nbd.hpp, ...) fit on
// log-parameters with the optimiser in detail/optimize.hpp.
#pragma once

#include <Eigen/Core>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "crmkit/names.hpp"
namespace crmkit {
inline namespace v0 {
namespace value {

struct FitOptions {
  // Starting points (the model's default first, then deterministic perturbations of it).
  // The search stops early once a second start confirms the best optimum.
  int starts = 3;
  // Convergence: max |gradient| of the mean negative log-likelihood per customer with
  // respect to the log-parameters at most tolerance * max(1, |mean negative
  // log-likelihood|), so that the test scales with the data (weekly or hourly units,
  // customers with 30,000 purchases).
  double tolerance = 1e-8;
  int max_iterations = 500;
  // L2 penalty: adds penalty * sum(parameter^2) (natural scale) to the mean negative
  // log-likelihood per customer -- the convention of the Python `lifetimes` package.
  double penalty = 0.0;
  // true: throw Error(not_converged) when no start converges; false: return with
  // FitResult::converged == false.
  bool require_convergence = true;
};

struct FitResult {
  Eigen::VectorXd params;            // natural scale, in the model's parameter_names() order
  Eigen::VectorXd standard_errors;   // from the inverse observed information; NaN if singular
  double log_likelihood = 0;         // at params, without the penalty
  double aic = 0;                    // 2k - 2 LL
  double bic = 0;                    // k ln(customers) - 2 LL
  double gradient_norm = 0;          // max |gradient| at the end, absolute (see FitOptions::tolerance)
  int iterations = 0;                // BFGS iterations of the chosen start
  int evaluations = 0;               // likelihood evaluations over all starts
  int starts_run = 0;
  bool converged = false;
  double customers = 0;              // sum of weights (number of customers)
  std::size_t unique_rows = 0;       // rows after compression to unique histories
  std::string message;               // the optimiser's stopping reason
};

// How a cash flow at time t is discounted over the CLV horizon.
enum class Discounting {
  discrete,    // per period k = 1, 2, ...: factor (1 + rate)^-k, purchases of period k
  continuous,  // factor exp(-rate * t / period)
};
// "discrete", "continuous".
const NameTable& names(Discounting);

struct ClvOptions {
  double horizon = 0;                 // in the data's time unit, > 0
  double discount_rate = 0;           // per `period`, >= 0 (e.g. 0.01 a month)
  double period = 1;                  // one discount period in the data's time unit (4.345 weeks = a month)
  Discounting discounting = Discounting::discrete;
};

// Present value of `spend` per purchase over options.horizon, when `cumulative(t)` is the
// expected number of purchases in (0, t] (increasing and concave, cumulative(0) = 0).
// Non-decreasing in the horizon and convergent as it grows. The cost does not depend on the
// number of periods where the value has a closed form (rate 0) or converges: discrete
// discounting stops once the discounted remainder is below 1e-15 of the value, and refuses
// (invalid_argument) a sum that would not converge within 10,000 discount periods; over 64
// periods or more it interpolates E in log t through a few dozen period-end times (the only
// times at which it ever calls `cumulative`), checked there against E, else sums directly;
// continuous discounting integrates E over u = exp(-rate t / period) in [exp(-rate H), 1].
double discounted_purchases_value(const std::function<double(double)>& cumulative, double spend,
                                  const ClvOptions& options);

// Lifetime value of one customer: expected spend per purchase times discounted expected
// purchases of `model` (any model with conditional_expected_purchases(t, x, t_x, T)).
template <class PurchaseModel>
double customer_lifetime_value(const PurchaseModel& model, double frequency, double recency,
                               double T, double expected_spend, const ClvOptions& options) {
  return discounted_purchases_value(
      [&](double t) { return model.conditional_expected_purchases(t, frequency, recency, T); },
      expected_spend, options);
}

// Bulk form: out[i] for customer i, arrays of length n.
template <class PurchaseModel>
void customer_lifetime_value(const PurchaseModel& model, const double* frequency,
                             const double* recency, const double* T,
                             const double* expected_spend, std::size_t n,
                             const ClvOptions& options, double* out) {
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = customer_lifetime_value(model, frequency[i], recency[i], T[i], expected_spend[i],
                                     options);
  }
}

class ClvModel;  // model.hpp; stores partitioned fits (clv/partition.hpp) in a model

namespace detail {

// Customer histories after validation, compressed to unique rows with summed weights and
// sorted by frequency, so that terms depending on x alone are computed once per group.
struct RfmRows {
  Eigen::ArrayXd x, t_x, T, weight;
  std::vector<Eigen::Index> group_start;  // rows [group_start[g], group_start[g+1]) share x
  double total_weight = 0;
  double repeat_weight = 0;  // weight of rows with x > 0
};

// Continuous time (BG/NBD family): x >= 0 integer, 0 <= t_x <= T, t_x > 0 iff x > 0.
// Discrete (BG/BB): x, t_x, n integers, x <= t_x <= n, t_x = 0 iff x = 0. Weights (may be
// null) finite and >= 0; zero-weight rows are dropped. Every message names the row. For a
// fit (`for_fit`), a table without any repeat purchase is rejected as not identifiable.
enum class TimeKind { continuous, discrete };
RfmRows compress_rfm(const double* x, const double* t_x, const double* T, std::size_t n,
                     const double* weights, TimeKind kind, bool for_fit = true);

// Checks every rule above in turn and throws invalid_argument for the first one broken,
// naming `row` (< 0: unnamed); returns if none is.
void check_customer_rules(double x, double t_x, double T, TimeKind kind, long row);

// Validation of one customer for predictions (same rules, no weights); `row` < 0: unnamed.
// Inline because bulk predictions call it per row: a valid continuous-time customer passes
// the quick test (NaN fails every comparison; finite T and t_x <= T bound t_x), anything
// else goes to check_customer_rules for the message.
inline void check_customer(double x, double t_x, double T, TimeKind kind, long row = -1) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (kind == TimeKind::continuous && x >= 0 && x < kInf && x == std::floor(x) && t_x >= 0 &&
      t_x <= T && T < kInf && (x > 0) == (t_x > 0)) {
    return;
  }
  check_customer_rules(x, t_x, T, kind, row);
}

// Every k-th row with weight scaled by k, for a cheap first fit on large tables.
RfmRows subsample(const RfmRows& rows, std::size_t target_rows);

// Weighted log-likelihood at natural parameters; fills the gradient with respect to the
// natural parameters when the pointer is non-null.
using LogLikelihood = std::function<double(const Eigen::VectorXd& params, Eigen::VectorXd* grad)>;

struct ModelSpec {
  const char* model;                // for messages: "BG/NBD"
  Eigen::VectorXd start;            // natural-scale default start
  bool analytic_gradient;           // false: central differences on the log-parameters
};

// Maximum likelihood over log-parameters with multiple starts, standard errors and AIC/BIC.
// `coarse` (may be null) is the likelihood on a subsample: the starts run on it and one
// BFGS run on the full likelihood polishes the best.
FitResult fit_maximum_likelihood(const LogLikelihood& full, const LogLikelihood* coarse,
                                 double customers, std::size_t unique_rows,
                                 const ModelSpec& spec, const FitOptions& options);

// The parameter range in which every prediction is computed to ~1e-9 relative or better.
// Shapes (r, a, b, s; BG/BB's four; Gamma-Gamma's p and q): beyond 1e6 the hypergeometric
// forms lose digits to cancellation (BG/NBD with b = 1e10 is 1e-5 off, 1e16 gives negative
// purchases), and below 1e-8 the Beta/Gamma priors are degenerate. Scales (alpha, beta of
// Pareto/NBD, Gamma-Gamma's gamma) carry the data's time or money unit, so their range is
// wider. A fit whose optimum leaves the range is at the edge of identifiability.
constexpr double kMinShape = 1e-8, kMaxShape = 1e6;
constexpr double kMinScale = 1e-10, kMaxScale = 1e10;

// Throws invalid_argument unless every entry of params is finite and in its range above,
// naming it; bit i of `scale_mask` marks parameter i as a scale.
void check_params_in_range(const Eigen::VectorXd& params, const std::vector<std::string>& names,
                           unsigned scale_mask, const char* model);

// Saved state shared by all models: parameters and, if fitted, the diagnostics.
struct ModelState {
  Eigen::VectorXd params;
  bool has_params = false;
  bool has_fit = false;
  FitResult fit;

  template <class Archive>
  void serialize(Archive& ar, unsigned version);  // instantiated in src/value/clv/archive.cpp
};

// What every model class (BetaGeo, ..., GammaGamma) shares: the saved state and its
// accessors, written once. CRTP: `Model` names itself in messages with `model_name` and its
// parameters with `parameter_names()`. The members are defined in src/value/clv/internal.hpp
// and instantiated once per model in the model's .cpp, so this header stays declarations only.
template <class Model>
class ModelBase {
 public:
  bool has_params() const noexcept { return state_.has_params; }
  bool has_fit() const noexcept { return state_.has_fit; }  // fitted, not made from parameters
  Eigen::VectorXd parameter_vector() const;  // throws invalid_state before fit or construction
  const FitResult& fit_result() const;       // throws invalid_state unless fitted
  double log_likelihood() const { return fit_result().log_likelihood; }
  Eigen::VectorXd standard_errors() const { return fit_result().standard_errors; }

  void check_invariants() const;  // after loading: parameters finite and > 0
  // Saves the state only, under Model's own BOOST_CLASS_VERSION (instantiated in
  // src/value/clv/archive.cpp).
  template <class Archive>
  void serialize(Archive& ar, unsigned version);

 protected:
  ModelBase() = default;
  // Known parameters (natural scale, parameter_names() order); invalid_argument unless all
  // finite and > 0.
  explicit ModelBase(const Eigen::VectorXd& params);
  // A fit whose likelihood the caller sums over partitions (ClvModel::fit_partitioned) is
  // stored like any other, through store_fit and its range check.
  friend class value::ClvModel;
  const Eigen::VectorXd& checked_params() const;  // invalid_state before fit or construction
  const FitResult& store_fit(FitResult result);   // the fitted parameters become the model's

  ModelState state_;
};

// The purchase models (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB) on customer histories
// (x, t_x, T): fitting, likelihood of a data set, and the bulk and Eigen forms of the
// per-customer predictions, which `Model` supplies as
// conditional_expected_purchases(t, x, t_x, T) and p_alive(x, t_x, T). For BG/BB, T is the
// number of opportunities n.
template <class Model>
class PurchaseModelBase : public ModelBase<Model> {
 public:
  // Maximum-likelihood fit; arrays of length n, weights optional (customers per row).
  const FitResult& fit(const double* frequency, const double* recency, const double* T,
                       std::size_t n, const FitOptions& options = {},
                       const double* weights = nullptr);
  const FitResult& fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                       const Eigen::Ref<const Eigen::VectorXd>& recency,
                       const Eigen::Ref<const Eigen::VectorXd>& T, const FitOptions& options = {});

  using ModelBase<Model>::log_likelihood;  // of the fit
  // Weighted log-likelihood of a data set at the current parameters.
  double log_likelihood(const double* frequency, const double* recency, const double* T,
                        std::size_t n, const double* weights = nullptr) const;

  // Bulk forms: out has length n. Each row is validated; the message names a bad row.
  void conditional_expected_purchases(double t, const double* frequency, const double* recency,
                                      const double* T, std::size_t n, double* out) const;
  void p_alive(const double* frequency, const double* recency, const double* T, std::size_t n,
               double* out) const;
  Eigen::VectorXd conditional_expected_purchases(double t,
                                                 const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                                 const Eigen::Ref<const Eigen::VectorXd>& recency,
                                                 const Eigen::Ref<const Eigen::VectorXd>& T) const;
  Eigen::VectorXd p_alive(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                          const Eigen::Ref<const Eigen::VectorXd>& recency,
                          const Eigen::Ref<const Eigen::VectorXd>& T) const;

 protected:
  using ModelBase<Model>::ModelBase;

 private:
  const Model& self() const { return static_cast<const Model&>(*this); }
};

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::detail::ModelState, 2)
BOOST_CLASS_TRACKING(crmkit::value::detail::ModelState, boost::serialization::track_never)
