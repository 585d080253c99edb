#include "crmkit/value/clv/common.hpp"

#include <Eigen/Dense>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>
#include <sstream>

#include "detail/optimize.hpp"
#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

const NameTable& names(Discounting) {
  static constexpr const char* kNames[] = {"discrete", "continuous"};
  static constexpr NameTable kTable("discounting", kNames);
  return kTable;
}

namespace {

// Discrete discounting sums one term per period; beyond this many it refuses (see ClvOptions).
constexpr double kMaxDiscountPeriods = 10000;
// The discounted tail of the sum below this fraction of its value ends it.
constexpr double kTailFraction = 1e-15;

std::string short_num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// Boost's quadrature reports trouble (a non-finite integrand, no convergence) with its own
// exceptions; the caller gets what that means for the CLV instead.
template <class F>
double integrate_unit(F&& f, double lo, const ClvOptions& options) {
  try {
    boost::math::quadrature::tanh_sinh<double> integrator;
    return integrator.integrate(f, lo, 1.0, 1e-12);
  } catch (const Error&) {
    throw;
  } catch (const std::exception&) {
    throw Error(ErrorCode::invalid_argument,
                "CLV: the expected purchases cannot be integrated over the horizon " +
                    short_num(options.horizon) + " at discount rate " +
                    short_num(options.discount_rate) + " (shorten the horizon)");
  }
}

// Discrete sums over at least this many periods interpolate E (below, the direct sum is as cheap).
constexpr double kInterpolateFrom = 64;
// Periods 1 .. kHead - 1 are summed directly; E is interpolated from period kHead on.
constexpr int kHead = 8;
// Interpolation levels: Chebyshev-Lobatto angles j pi / N for these N (nested, so a finer
// level reuses the coarser level's evaluations and check points).
constexpr int kLevelIntervals[] = {32, 64};
// Largest relative difference between the interpolant and E at the check points for the
// interpolant to be used (the sum's relative error is at most the interpolant's, see
// DiscreteRule).
constexpr double kInterpolationTolerance = 1e-13;

// Smallest number of periods K with v^K / (1 - v) <= kTailFraction: with E concave, the
// periods after K add at most kTailFraction of the first period's term, whatever E is.
double tail_bound_periods(double v) {
  if (!(v < 1)) return std::numeric_limits<double>::infinity();
  return std::ceil(std::log(kTailFraction * (1 - v)) / std::log(v));
}

// Purchases of period k (the last one cut at the horizon) discounted k periods. The
// expected purchases are concave in time (the purchase rate falls as customers drop out),
// so no later period adds more than the current one: once the current increment times the
// remaining discount factors sum_{j>k} v^j < v^(k+1) / (1 - v) is negligible, the sum has
// converged, whatever the horizon.
double direct_discrete_sum(const std::function<double(double)>& cumulative, double v,
                           double period, double H, double periods) {
  double value = 0, previous = 0, factor = 1;
  for (double k = 1; k <= periods; ++k) {
    const double current = cumulative(std::min(k * period, H));
    const double increment = current - previous;
    factor *= v;
    value += increment * factor;
    previous = current;
    if (increment * factor * v / (1 - v) <= kTailFraction * value) break;
  }
  return value;
}

// The discrete sum over K periods as a fixed linear combination of E at a few dozen times.
// Summation by parts (E(t_0) = 0):
//   sum_{k=1}^K v^k (E(t_k) - E(t_{k-1})) = v^K E(t_K) + (1 - v) sum_{k=1}^{K-1} v^k E(t_k),
// every term non-negative, so a relative error e in each E(t_k) is at most e relative in the
// sum. E is smooth in u = log(t / period) (its singularities in t are on the negative axis,
// at least pi away in u), so a polynomial in u through E at a few dozen grid times gives
// E(t_k) for every k >= kHead; periods below kHead are summed directly. The times are grid
// times t_k = min(k period, H) only, where the direct sum evaluates E too, so models that
// define E at whole periods only (BG/BB) work unchanged. The weights depend on the options
// only; per customer the cost is the evaluations of E at the nodes and check points.
class DiscreteRule {
 public:
  DiscreteRule(double v, double period, double horizon, double periods)
      : v_(v), period_(period), horizon_(horizon), periods_(periods) {
    double factor = 1;
    for (int k = 1; k < kHead; ++k) {
      factor *= v;
      head_.push_back({time(k), (1 - v) * factor});
    }
  }

  bool matches(double v, double period, double horizon, double periods) const {
    return v == v_ && period == period_ && horizon == horizon_ && periods == periods_;
  }

  // The sum for one customer, if some level's interpolant agrees with E at its check points
  // to kInterpolationTolerance relative; false otherwise (the caller sums directly).
  bool apply(const std::function<double(double)>& cumulative, double& value) {
    std::vector<std::pair<double, double>> known;  // (time, E) already evaluated
    auto E = [&](double t) {
      for (const auto& [time, e] : known) {
        if (time == t) return e;
      }
      const double e = cumulative(t);
      known.emplace_back(t, e);
      return e;
    };
    double head = 0;
    for (const Term& h : head_) head += h.weight * E(h.time);
    std::vector<double> y;
    for (std::size_t l = 0; l < std::size(kLevelIntervals); ++l) {
      const Level& level = this->level(l);
      y.resize(level.nodes.size());
      for (std::size_t i = 0; i < y.size(); ++i) y[i] = E(level.nodes[i].time);
      bool agrees = true;
      for (std::size_t c = 0; c < level.checks.size() && agrees; ++c) {
        double interpolated = 0;
        for (std::size_t i = 0; i < y.size(); ++i) interpolated += level.check_basis[c][i] * y[i];
        const double e = E(level.checks[c]);
        agrees = std::fabs(interpolated - e) <= kInterpolationTolerance * std::fabs(e);
      }
      if (!agrees) continue;
      value = head;
      for (std::size_t i = 0; i < y.size(); ++i) value += level.nodes[i].weight * y[i];
      return std::isfinite(value);
    }
    return false;
  }

 private:
  struct Term {
    double time, weight;
  };
  struct Level {
    std::vector<Term> nodes;  // ascending grid times and their weights in the sum
    std::vector<double> checks;
    std::vector<std::vector<double>> check_basis;  // interpolant at checks[c] = basis . E(nodes)
  };

  double time(double k) const { return std::min(k * period_, horizon_); }

  const Level& level(std::size_t l) {
    while (levels_.size() <= l) levels_.push_back(build(kLevelIntervals[levels_.size()]));
    return levels_[l];
  }

  // Grid period nearest to u = log(k) on the Chebyshev-Lobatto angle theta; the last period
  // K is reserved for theta = pi (its time may be cut at the horizon).
  double snap(double theta, double u_lo, double u_hi) const {
    const double u = u_lo + (u_hi - u_lo) * (1 - std::cos(theta)) / 2;
    return std::clamp(std::round(std::exp(u)), static_cast<double>(kHead), periods_ - 1);
  }

  Level build(int intervals) const {
    const double pi = std::acos(-1.0);
    const double u_lo = std::log(static_cast<double>(kHead));
    const double u_hi = std::log(time(periods_) / period_);
    std::vector<double> ks;  // node periods, ascending and distinct
    for (int j = 0; j < intervals; ++j) {
      const double k = snap(j * pi / intervals, u_lo, u_hi);
      if (ks.empty() || k != ks.back()) ks.push_back(k);
    }
    ks.push_back(periods_);
    // Barycentric form on z in [-1, 1] (u scaled), weights 1 / prod_{j != i} (z_i - z_j).
    auto z_of = [&](double k) {
      const double u = k == periods_ ? u_hi : std::log(k);
      return (2 * u - u_lo - u_hi) / (u_hi - u_lo);
    };
    const std::size_t n = ks.size();
    std::vector<double> z(n), lambda(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) z[i] = z_of(ks[i]);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i) lambda[i] /= z[i] - z[j];
      }
    }
    auto basis = [&](double k, std::vector<double>& out) {
      out.assign(n, 0.0);
      const auto hit = std::lower_bound(ks.begin(), ks.end(), k);
      if (hit != ks.end() && *hit == k) {
        out[static_cast<std::size_t>(hit - ks.begin())] = 1;
        return;
      }
      const double zk = z_of(k);
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) sum += out[i] = lambda[i] / (zk - z[i]);
      for (double& o : out) o /= sum;
    };
    Level level;
    std::vector<double> weight(n, 0.0), b;
    double factor = std::pow(v_, kHead - 1);
    for (double k = kHead; k < periods_; ++k) {
      factor *= v_;
      basis(k, b);
      for (std::size_t i = 0; i < n; ++i) weight[i] += (1 - v_) * factor * b[i];
    }
    weight[n - 1] += factor * v_;  // v^K E(t_K)
    for (std::size_t i = 0; i < n; ++i) level.nodes.push_back({time(ks[i]), weight[i]});
    // Checks at the midway angles of both ends and the middle, where the next level puts
    // its nodes: an interpolant that passes is used, one that fails costs no wasted work.
    for (int j : {0, 1, intervals / 2, intervals - 2, intervals - 1}) {
      const double k = snap((2 * j + 1) * pi / (2 * intervals), u_lo, u_hi);
      if (std::binary_search(ks.begin(), ks.end(), k)) continue;
      basis(k, b);
      level.checks.push_back(time(k));
      level.check_basis.push_back(b);
    }
    return level;
  }

  double v_, period_, horizon_, periods_;
  std::vector<Term> head_;
  std::vector<Level> levels_;
};

// The rule of the last options used on this thread: bulk CLV uses one rule for every customer.
DiscreteRule& discrete_rule(double v, double period, double horizon, double periods) {
  thread_local std::optional<DiscreteRule> rule;
  if (!rule || !rule->matches(v, period, horizon, periods)) rule.emplace(v, period, horizon, periods);
  return *rule;
}

}  // namespace

double discounted_purchases_value(const std::function<double(double)>& cumulative, double spend,
                                  const ClvOptions& options) {
  require(std::isfinite(options.horizon) && options.horizon > 0,
          "CLV: horizon must be finite and > 0");
  require(std::isfinite(options.discount_rate) && options.discount_rate >= 0,
          "CLV: discount_rate must be finite and >= 0");
  require(std::isfinite(options.period) && options.period > 0, "CLV: period must be finite and > 0");
  require(std::isfinite(spend), "CLV: expected spend must be finite");
  const double H = options.horizon;
  // Without discounting both forms are the expected purchases over the horizon.
  if (options.discount_rate == 0) return spend * cumulative(H);
  if (options.discounting == Discounting::discrete) {
    const double v = 1.0 / (1.0 + options.discount_rate);
    const double periods = std::ceil(H / options.period - 1e-12);
    require_lazy(periods <= kMaxDiscountPeriods ||
                     std::pow(v, kMaxDiscountPeriods) / (1 - v) <= kTailFraction,
                 [&] {
                   return "CLV: " + short_num(periods) + " discount periods (horizon " +
                          short_num(H) + " / period " + short_num(options.period) +
                          ") at rate " + short_num(options.discount_rate) +
                          " do not converge within 10000 periods: use a longer period, a "
                          "higher rate or continuous discounting";
                 });
    const double needed = std::min(periods, tail_bound_periods(v));
    if (needed >= kInterpolateFrom) {
      DiscreteRule& rule = discrete_rule(v, options.period, H, needed);
      double value = 0;
      if (rule.apply(cumulative, value)) return spend * value;
    }
    return spend * direct_discrete_sum(cumulative, v, options.period, H, periods);
  }
  // int_0^H exp(-d t) dE(t) = exp(-d H) E(H) + d int_0^H exp(-d t) E(t) dt (E(0) = 0), and
  // with u = exp(-d t) the integral is int_{exp(-d H)}^1 E(-log(u) / d) du: a finite interval
  // whatever the horizon, so the cost is bounded and the value grows with H towards its
  // limit (Simpson's rule on [0, H] lost the discounted mass once H >> 1/d).
  const double d = options.discount_rate / options.period;
  const double u_min = std::exp(-d * H);
  const double integral = integrate_unit(
      [&](double u) { return u > 0 && u < 1 ? cumulative(-std::log(u) / d) : 0.0; }, u_min,
      options);
  const double at_horizon = u_min > 0 ? u_min * cumulative(H) : 0.0;
  return spend * (at_horizon + integral);
}

namespace detail {

namespace {

std::string row_name(long row) {
  return row < 0 ? std::string("customer") : "row " + std::to_string(row) + " (0-based)";
}

std::string num(double v) { return crmkit::detail::format_number(v, 6); }

bool is_integer(double v) { return v == std::floor(v); }

}  // namespace

void check_customer_rules(double x, double t_x, double T, TimeKind kind, long row) {
  const bool discrete = kind == TimeKind::discrete;
  const char* rec = "recency";
  const char* age = discrete ? "periods" : "T";
  auto fail = [&](const std::string& what) { throw Error(ErrorCode::invalid_argument, row_name(row) + ": " + what); };
  if (!std::isfinite(x) || !std::isfinite(t_x) || !std::isfinite(T)) {
    fail("frequency, " + std::string(rec) + " and " + age + " must be finite (got " + num(x) +
         ", " + num(t_x) + ", " + num(T) + ")");
  }
  if (x < 0 || !is_integer(x)) fail("frequency must be a non-negative integer (got " + num(x) + ")");
  if (t_x < 0) fail("recency must be >= 0 (got " + num(t_x) + ")");
  if (T < 0) fail(std::string(age) + " must be >= 0 (got " + num(T) + ")");
  if (t_x > T) fail("recency " + num(t_x) + " exceeds " + age + " " + num(T));
  if (x > 0 && t_x == 0) {
    fail("frequency " + num(x) +
         " with recency 0: a repeat purchase must come after the first purchase");
  }
  if (x == 0 && t_x != 0) fail("recency " + num(t_x) + " with frequency 0: must be 0");
  if (discrete) {
    if (!is_integer(t_x) || !is_integer(T)) {
      fail("recency and periods must be integers for the discrete-time model (got " + num(t_x) +
           ", " + num(T) + ")");
    }
    if (x > t_x) fail("frequency " + num(x) + " exceeds recency " + num(t_x) + " (one purchase per period)");
  }
}

RfmRows compress_rfm(const double* x, const double* t_x, const double* T, std::size_t n,
                     const double* weights, TimeKind kind, bool for_fit) {
  require(n > 0, "no customers: the input is empty");
  require(x && t_x && T, "frequency, recency and T arrays must not be null");
  struct Row {
    double x, t_x, T, w;
  };
  std::vector<Row> rows;
  rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    check_customer(x[i], t_x[i], T[i], kind, static_cast<long>(i));
    const double w = weights ? weights[i] : 1.0;
    if (!std::isfinite(w) || w < 0) {
      throw Error(ErrorCode::invalid_argument,
                  row_name(static_cast<long>(i)) + ": weight must be finite and >= 0 (got " + num(w) + ")");
    }
    if (w > 0) rows.push_back({x[i], t_x[i], T[i], w});
  }
  require(!rows.empty(), "no customers: every weight is 0");
  std::sort(rows.begin(), rows.end(), [](const Row& l, const Row& r) {
    if (l.x != r.x) return l.x < r.x;
    if (l.t_x != r.t_x) return l.t_x < r.t_x;
    return l.T < r.T;
  });
  std::size_t unique = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (unique > 0 && rows[i].x == rows[unique - 1].x && rows[i].t_x == rows[unique - 1].t_x &&
        rows[i].T == rows[unique - 1].T) {
      rows[unique - 1].w += rows[i].w;
    } else {
      rows[unique++] = rows[i];
    }
  }
  RfmRows out;
  const auto m = static_cast<Eigen::Index>(unique);
  out.x.resize(m);
  out.t_x.resize(m);
  out.T.resize(m);
  out.weight.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const Row& r = rows[static_cast<std::size_t>(i)];
    out.x[i] = r.x;
    out.t_x[i] = r.t_x;
    out.T[i] = r.T;
    out.weight[i] = r.w;
    if (i == 0 || r.x != out.x[i - 1]) out.group_start.push_back(i);
    out.total_weight += r.w;
    if (r.x > 0) out.repeat_weight += r.w;
  }
  out.group_start.push_back(m);
  if (for_fit && out.repeat_weight == 0) {
    throw Error(ErrorCode::invalid_argument,
                "not identifiable: no customer has a repeat purchase (every frequency is 0), "
                "so purchase rates and dropout cannot be told apart");
  }
  // One history (one customer, or many identical ones) cannot tell four parameters apart: the
  // likelihood rises without bound towards the boundary, and the search would spend seconds
  // in the far regions of the special functions before failing.
  if (for_fit && m == 1) {
    throw Error(ErrorCode::invalid_argument,
                "not identifiable: every customer has the same history (frequency, recency and "
                "age), which cannot determine the model's parameters");
  }
  return out;
}

RfmRows subsample(const RfmRows& rows, std::size_t target_rows) {
  const auto m = static_cast<std::size_t>(rows.x.size());
  const std::size_t k = std::max<std::size_t>(1, m / std::max<std::size_t>(1, target_rows));
  RfmRows out;
  const auto count = static_cast<Eigen::Index>((m + k - 1) / k);
  out.x.resize(count);
  out.t_x.resize(count);
  out.T.resize(count);
  out.weight.resize(count);
  Eigen::Index j = 0;
  for (std::size_t i = 0; i < m; i += k, ++j) {
    const auto ii = static_cast<Eigen::Index>(i);
    out.x[j] = rows.x[ii];
    out.t_x[j] = rows.t_x[ii];
    out.T[j] = rows.T[ii];
    out.weight[j] = rows.weight[ii] * static_cast<double>(k);
    if (j == 0 || out.x[j] != out.x[j - 1]) out.group_start.push_back(j);
    out.total_weight += out.weight[j];
    if (out.x[j] > 0) out.repeat_weight += out.weight[j];
  }
  out.group_start.push_back(j);
  return out;
}

void check_params_in_range(const Eigen::VectorXd& params, const std::vector<std::string>& names,
                           unsigned scale_mask, const char* model) {
  require(params.size() == static_cast<Eigen::Index>(names.size()),
          std::string(model) + ": expected " + std::to_string(names.size()) + " parameters");
  for (Eigen::Index i = 0; i < params.size(); ++i) {
    const bool scale = (scale_mask >> i) & 1u;
    const double lo = scale ? kMinScale : kMinShape, hi = scale ? kMaxScale : kMaxShape;
    require_lazy(std::isfinite(params[i]) && params[i] >= lo && params[i] <= hi, [&] {
      return std::string(model) + ": parameter " + names[static_cast<std::size_t>(i)] + " = " +
             num(params[i]) + " is outside [" + num(lo) + ", " + num(hi) +
             "], the range in which the model's predictions are accurate";
    });
  }
}

FitResult fit_maximum_likelihood(const LogLikelihood& full, const LogLikelihood* coarse,
                                 double customers, std::size_t unique_rows,
                                 const ModelSpec& spec, const FitOptions& options) {
  require(options.starts >= 1, "fit: starts must be >= 1");
  require(options.max_iterations >= 1, "fit: max_iterations must be >= 1");
  require(std::isfinite(options.tolerance) && options.tolerance > 0, "fit: tolerance must be > 0");
  require(std::isfinite(options.penalty) && options.penalty >= 0, "fit: penalty must be >= 0");
  const Eigen::Index k = spec.start.size();

  // Objective on theta = log(params): mean negative log-likelihood per customer (so the
  // tolerance does not depend on the data size) plus the penalty.
  auto make_objective = [&](const LogLikelihood& ll) -> ::crmkit::detail::Objective {
    if (spec.analytic_gradient) {
      return [&ll, customers, &options](const Eigen::VectorXd& theta, Eigen::VectorXd* grad) {
        const Eigen::VectorXd p = theta.array().exp().matrix();
        Eigen::VectorXd g(p.size());
        const double value = -ll(p, grad ? &g : nullptr) / customers +
                             options.penalty * p.squaredNorm();
        if (grad) *grad = ((-g / customers + 2 * options.penalty * p).array() * p.array()).matrix();
        return std::isfinite(value) ? value : std::numeric_limits<double>::infinity();
      };
    }
    return ::crmkit::detail::with_numerical_gradient(
        [&ll, customers, &options](const Eigen::VectorXd& theta, Eigen::VectorXd*) {
          const Eigen::VectorXd p = theta.array().exp().matrix();
          const double value = -ll(p, nullptr) / customers + options.penalty * p.squaredNorm();
          return std::isfinite(value) ? value : std::numeric_limits<double>::infinity();
        },
        1e-6);
  };
  const auto objective = make_objective(full);
  ::crmkit::detail::OptimizeOptions opt;
  opt.max_iterations = options.max_iterations;
  opt.gradient_tolerance = options.tolerance;

  FitResult result;
  const auto& first_stage = coarse ? make_objective(*coarse) : objective;
  ::crmkit::detail::OptimizeResult best;
  bool have_best = false;
  int converged_at_best = 0;
  const Eigen::VectorXd theta0 = spec.start.array().log().matrix();
  for (const auto& start : ::crmkit::detail::starting_points(theta0, options.starts)) {
    if (!std::isfinite(first_stage(start, nullptr))) continue;
    auto run = ::crmkit::detail::minimize_bfgs(first_stage, start, opt);
    ++result.starts_run;
    result.evaluations += run.evaluations;
    if (!have_best || run.value < best.value - 1e-10 * (1 + std::fabs(best.value))) {
      // A better optimum: it needs its own confirmation from another start.
      converged_at_best = run.converged ? 1 : 0;
      best = std::move(run);
      have_best = true;
    } else if (run.converged && std::fabs(run.value - best.value) <= 1e-10 * (1 + std::fabs(best.value))) {
      ++converged_at_best;
    }
    if (converged_at_best >= 2) break;  // two starts agree on the best optimum
  }
  if (!have_best) {
    throw Error(ErrorCode::not_converged,
                std::string(spec.model) + " fit: the likelihood is not finite at any starting point");
  }
  if (coarse) {
    opt.initial_inverse_hessian = best.inverse_hessian;
    const int evaluations = result.evaluations;
    best = ::crmkit::detail::minimize_bfgs(objective, best.x, opt);
    result.evaluations = evaluations + best.evaluations;
  }

  const Eigen::VectorXd p = best.x.array().exp().matrix();
  result.params = p;
  result.iterations = best.iterations;
  result.gradient_norm = best.gradient_norm;
  result.converged = best.converged;
  result.message = best.message;
  result.customers = customers;
  result.unique_rows = unique_rows;
  result.log_likelihood = full(p, nullptr);
  result.aic = 2.0 * static_cast<double>(k) - 2.0 * result.log_likelihood;
  result.bic = static_cast<double>(k) * std::log(customers) - 2.0 * result.log_likelihood;

  // Observed information in natural parameters from the Hessian of the total negative
  // log-likelihood on log-parameters: H_nat = D^-1 (H_log - diag(g_nat * p)) D^-1, D = diag(p).
  const auto total_objective = [&](const Eigen::VectorXd& theta, Eigen::VectorXd* grad) {
    const double v = objective(theta, grad);  // includes the penalty: removed below
    const Eigen::VectorXd q = theta.array().exp().matrix();
    if (grad) *grad = (*grad - (2 * options.penalty * q.array() * q.array()).matrix()) * customers;
    return (v - options.penalty * q.squaredNorm()) * customers;
  };
  Eigen::VectorXd g_log(k);
  total_objective(best.x, &g_log);
  const Eigen::MatrixXd H_log = ::crmkit::detail::numerical_hessian(total_objective, best.x, 1e-4);
  Eigen::MatrixXd H = H_log;
  H.diagonal() -= g_log;  // g_log = g_nat * p
  const Eigen::VectorXd inv_p = p.cwiseInverse();
  H = inv_p.asDiagonal() * H * inv_p.asDiagonal();
  Eigen::LLT<Eigen::MatrixXd> llt(H);
  const bool regular = llt.info() == Eigen::Success && H.allFinite();
  if (regular) {
    const Eigen::MatrixXd cov = llt.solve(Eigen::MatrixXd::Identity(k, k));
    result.standard_errors = cov.diagonal().cwiseMax(0.0).cwiseSqrt();
  } else {
    result.standard_errors = Eigen::VectorXd::Constant(k, std::numeric_limits<double>::quiet_NaN());
  }

  std::ostringstream os;
  if (!result.converged) {
    os << spec.model << " fit did not converge: " << result.message << " after "
       << result.iterations << " iterations, gradient norm " << result.gradient_norm
       << " > tolerance " << options.tolerance << " x max(1, " << std::fabs(best.value)
       << " = mean negative log-likelihood)"
       << " (raise max_iterations or tolerance, or set require_convergence = false)";
  } else if (!regular) {
    // A stationary point whose information matrix is not positive definite: a ridge or a
    // boundary the data cannot resolve, not an estimate.
    result.converged = false;
    result.message = "at the edge of identifiability: the information matrix is singular";
    os << spec.model << " fit: " << result.message
       << " (standard errors undefined; the data cannot pin the parameters down)";
  }
  if (!result.converged && options.require_convergence) throw Error(ErrorCode::not_converged, os.str());
  return result;
}

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit
