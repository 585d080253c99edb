// Unconstrained minimisation for maximum-likelihood fits: BFGS with a backtracking line
// search, several starting points, and a finite-difference Hessian for standard errors.
// Models optimise over log-parameters, so every real vector is a valid point.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <string>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace detail {

// Value of the objective at x; when `gradient` is non-null it also receives the gradient.
// May return +inf or NaN for points outside the numerically usable region: the line search
// then steps back.
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd* gradient)>;

struct OptimizeOptions {
  int max_iterations = 500;
  // Converged when the largest absolute gradient component is at most this times
  // max(1, |objective|): scale-aware, so that an optimum of a large objective (high-frequency
  // data: a mean negative log-likelihood of 1e3 per customer) is accepted although rounding
  // keeps its gradient near 1e-8 * 1e3.
  double gradient_tolerance = 1e-8;
  // Largest step (max norm) the line search starts from; on log-parameters 5 is a factor 150.
  double max_step = 5.0;
  // Inverse Hessian to start from (identity when empty), e.g. from a fit on a subsample.
  Eigen::MatrixXd initial_inverse_hessian;
};

struct OptimizeResult {
  Eigen::VectorXd x;
  double value = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd inverse_hessian;  // the final BFGS approximation
  double gradient_norm = 0;         // max |gradient component|
  int iterations = 0;
  int evaluations = 0;
  bool converged = false;
  std::string message;              // why the iteration stopped
};

// Minimises f from x0. Never throws for lack of convergence: the caller reads `converged`.
// Throws Error(invalid_argument) if f is not finite at x0.
OptimizeResult minimize_bfgs(const Objective& f, const Eigen::VectorXd& x0,
                             const OptimizeOptions& options = {});

// Central-difference gradient of a value-only function, step h * max(1, |x_i|).
Eigen::VectorXd numerical_gradient(const Objective& f, const Eigen::VectorXd& x, double h = 1e-5);

// Wraps a value-only objective so that it supplies central-difference gradients.
Objective with_numerical_gradient(Objective f, double h = 1e-5);

// Symmetric Hessian by central differences of the gradient f supplies, Richardson-extrapolated
// (error O(h^4)).
Eigen::MatrixXd numerical_hessian(const Objective& f, const Eigen::VectorXd& x, double h = 1e-4);

// Deterministic starting points: x0 first, then `count - 1` points x0 + u with u uniform in
// [-spread, spread]^n from a fixed-seed generator (the same on every platform).
std::vector<Eigen::VectorXd> starting_points(const Eigen::VectorXd& x0, int count,
                                             double spread = 1.0);

// The root of a non-decreasing function on [low, high] by bisection, to within `tolerance`
// in x (low when f(low) >= 0, high when f(high) <= 0): robust for the 1-D steps of
// coordinate descent on convex problems, where f is the derivative (e.g. AHP's
// lambda-optimal completion).
double solve_nondecreasing(const std::function<double(double)>& f, double low, double high,
                           double tolerance);

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
