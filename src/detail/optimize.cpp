#include "detail/optimize.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "detail/random.hpp"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace detail {

namespace {

double max_abs(const Eigen::VectorXd& v) { return v.size() ? v.cwiseAbs().maxCoeff() : 0.0; }

bool all_finite(const Eigen::VectorXd& v) { return v.allFinite(); }

}  // namespace

OptimizeResult minimize_bfgs(const Objective& f, const Eigen::VectorXd& x0,
                             const OptimizeOptions& options) {
  const Eigen::Index n = x0.size();
  OptimizeResult res;
  res.x = x0;
  res.gradient = Eigen::VectorXd::Zero(n);
  res.value = f(res.x, &res.gradient);
  res.evaluations = 1;
  require(std::isfinite(res.value) && all_finite(res.gradient),
          "optimiser: objective or gradient is not finite at the starting point");
  Eigen::MatrixXd H = options.initial_inverse_hessian.rows() == n &&
                              options.initial_inverse_hessian.cols() == n
                          ? options.initial_inverse_hessian
                          : Eigen::MatrixXd::Identity(n, n);
  res.gradient_norm = max_abs(res.gradient);
  // Relative to the objective's size: a value of 1e4 carries rounding noise 1e4 times that
  // of a value of 1, and so does its gradient.
  auto small_gradient = [&options](const OptimizeResult& r) {
    return r.gradient_norm <= options.gradient_tolerance * std::max(1.0, std::fabs(r.value));
  };
  Eigen::VectorXd x_new(n), g_new(n);
  int stalled = 0;
  for (res.iterations = 0; res.iterations < options.max_iterations; ++res.iterations) {
    if (small_gradient(res)) {
      res.converged = true;
      res.message = "gradient norm below tolerance";
      break;
    }
    Eigen::VectorXd d = -H * res.gradient;
    double slope = d.dot(res.gradient);
    if (!(slope < 0)) {  // H lost positive definiteness: restart from steepest descent
      H.setIdentity();
      d = -res.gradient;
      slope = d.dot(res.gradient);
    }
    const double dmax = max_abs(d);
    double step = dmax > options.max_step ? options.max_step / dmax : 1.0;
    // Backtracking line search with the Armijo condition; non-finite values count as
    // failures so the search retreats from overflow regions.
    //
    // A likelihood summed over many customers from terms that cancel carries rounding noise
    // of order 1e-14 of its value, while its analytic gradient stays accurate far below the
    // tolerance. Near the optimum the Armijo test then compares noise and refuses real
    // progress (Gamma-Gamma on 1.15 M customers stopped at gradient 7e-8 for a tolerance of
    // 4.3e-8). So a step whose value stays within that noise is also accepted when it
    // shrinks the gradient: there the gradient is the better measure of progress.
    const double value_noise = 1e-12 * std::max(1.0, std::fabs(res.value));
    bool accepted = false;
    double f_new = 0;
    for (int k = 0; k < 60; ++k) {
      x_new = res.x + step * d;
      f_new = f(x_new, &g_new);
      ++res.evaluations;
      if (std::isfinite(f_new) && all_finite(g_new) &&
          (f_new <= res.value + 1e-4 * step * slope ||
           (f_new <= res.value + value_noise && max_abs(g_new) < res.gradient_norm))) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      res.message = "line search found no decrease";
      break;
    }
    const Eigen::VectorXd s = x_new - res.x;
    const Eigen::VectorXd y = g_new - res.gradient;
    const double sy = s.dot(y);
    const double decrease = res.value - f_new;
    const double previous_gradient_norm = res.gradient_norm;
    res.x = x_new;
    res.value = f_new;
    res.gradient = g_new;
    res.gradient_norm = max_abs(g_new);
    if (sy > 1e-12 * s.norm() * y.norm()) {
      if (res.iterations == 0 && options.initial_inverse_hessian.rows() != n) {
        H *= sy / y.dot(y);  // scale the identity to the curvature seen (Nocedal & Wright 6.20)
      }
      const double rho = 1.0 / sy;
      const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(n, n);
      H = (I - rho * s * y.transpose()) * H * (I - rho * y * s.transpose()) +
          rho * s * s.transpose();
    }
    // Rounding noise can leave the gradient just above a tight tolerance while neither the
    // value nor the gradient changes much; stop after a few such iterations and report it.
    const bool progress = decrease > 1e-15 * (1.0 + std::fabs(res.value)) ||
                          res.gradient_norm < 0.5 * previous_gradient_norm;
    stalled = progress ? 0 : stalled + 1;
    if (stalled >= 5) {
      res.message = "no further decrease in the objective";
      break;
    }
  }
  if (small_gradient(res)) {
    res.converged = true;
    if (res.message.empty()) res.message = "gradient norm below tolerance";
  } else if (res.message.empty()) {
    res.message = "iteration limit reached";
  }
  res.inverse_hessian = H;
  return res;
}

Eigen::VectorXd numerical_gradient(const Objective& f, const Eigen::VectorXd& x, double h) {
  Eigen::VectorXd g(x.size());
  Eigen::VectorXd xp = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double step = h * std::max(1.0, std::fabs(x[i]));
    xp[i] = x[i] + step;
    const double fp = f(xp, nullptr);
    xp[i] = x[i] - step;
    const double fm = f(xp, nullptr);
    xp[i] = x[i];
    g[i] = (fp - fm) / (2 * step);
  }
  return g;
}

Objective with_numerical_gradient(Objective f, double h) {
  return [f = std::move(f), h](const Eigen::VectorXd& x, Eigen::VectorXd* gradient) {
    const double value = f(x, nullptr);
    if (gradient) *gradient = numerical_gradient(f, x, h);
    return value;
  };
}

Eigen::MatrixXd numerical_hessian(const Objective& f, const Eigen::VectorXd& x, double h) {
  const Eigen::Index n = x.size();
  Eigen::VectorXd xp = x, gp(n), gm(n);
  // Central differences of the gradient with steps h and h/2, combined by Richardson
  // extrapolation (4 D(h/2) - D(h)) / 3: error O(h^4) instead of O(h^2), so that standard
  // errors are good to ~1e-9 rather than ~1e-6 relative.
  auto column = [&](Eigen::Index i, double step) {
    xp[i] = x[i] + step;
    f(xp, &gp);
    xp[i] = x[i] - step;
    f(xp, &gm);
    xp[i] = x[i];
    return Eigen::VectorXd((gp - gm) / (2 * step));
  };
  Eigen::MatrixXd hess(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double step = h * std::max(1.0, std::fabs(x[i]));
    hess.col(i) = (4 * column(i, step / 2) - column(i, step)) / 3;
  }
  return 0.5 * (hess + hess.transpose());
}

std::vector<Eigen::VectorXd> starting_points(const Eigen::VectorXd& x0, int count,
                                             double spread) {
  std::vector<Eigen::VectorXd> points;
  if (count < 1) count = 1;
  points.push_back(x0);
  SplitMix64 rng(0x9E3779B97F4A7C15ull);  // fixed seed: the same starts on every run
  for (int k = 1; k < count; ++k) {
    Eigen::VectorXd p = x0;
    for (Eigen::Index i = 0; i < p.size(); ++i) p[i] += spread * (2.0 * rng.uniform() - 1.0);
    points.push_back(p);
  }
  return points;
}

double solve_nondecreasing(const std::function<double(double)>& f, double low, double high,
                           double tolerance) {
  if (f(low) >= 0) return low;
  if (f(high) <= 0) return high;
  while (high - low > tolerance) {
    const double middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;  // no double strictly between
    (f(middle) < 0 ? low : high) = middle;
  }
  return low + (high - low) / 2;
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
