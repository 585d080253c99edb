#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <cmath>

#include "detail/optimize.hpp"
#include "detail/special_functions.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"

using namespace crmkit::detail;

TEST_CASE("log_hyp2f1 against closed forms on both sides of the quadrature switch", "[btyd][special]") {
  // 2F1(1, 1; 2; z) = -log(1-z)/z and 2F1(a, b; b; z) = (1-z)^-a (Abramowitz & Stegun 15.1.3, 15.1.8).
  for (double z : {0.0, 0.3, 0.9, 0.9989, 0.9991, 0.99999, 1 - 1e-12}) {
    const double expected = z == 0 ? 0.0 : std::log(-std::log1p(-z) / z);
    CHECK(log_hyp2f1(1, 1, 2, z) == Approx(expected).epsilon(1e-11).margin(1e-14));
    CHECK(log_hyp2f1(2.5, 300, 300, z) == Approx(-2.5 * std::log1p(-z)).epsilon(1e-11).margin(1e-14));
    CHECK(log_hyp2f1(300, 2.5, 301, z) >= 0);
  }
  // Values beyond the double range stay finite in log space.
  CHECK(std::isfinite(log_hyp2f1(5000, 5000, 10, 0.5)));
  CHECK(hyp2f1(1, 1, 2, -0.5) == Approx(std::log(1.5) / 0.5).epsilon(1e-13));
  CHECK(log_sum_exp(-INFINITY, -INFINITY) == -INFINITY);
  CHECK(log_sum_exp(1000, 1000) == Approx(1000 + std::log(2.0)));
  CHECK(log1m_exp(-1e-20) == Approx(std::log(1e-20)));
}

TEST_CASE("log1p_nonnegative matches std::log1p and logistic saturates without NaN", "[btyd][special]") {
  // Goldberg's one-log form of log(1+u): within 4 ulps of std::log1p from 1e-300 to 1e300.
  for (double u = 1e-300; u < 1e300; u *= 1.37) {
    INFO("u " << u);
    CHECK(std::fabs(log1p_nonnegative(u) - std::log1p(u)) <= 4 * 2.2204460492503131e-16 * std::log1p(u));
  }
  CHECK(log1p_nonnegative(0.0) == 0.0);
  CHECK(log1p_nonnegative(INFINITY) == INFINITY);
  CHECK(logistic(INFINITY) == 1.0);
  CHECK(logistic(-INFINITY) == 0.0);
  CHECK(logistic(0.0) == 0.5);
  // Both tails keep full relative precision: 1 - logistic(a) = logistic(-a).
  CHECK(logistic(-40) == Approx(std::exp(-40.0)).epsilon(1e-15));
  CHECK(logistic(3) == Approx(1 / (1 + std::exp(-3.0))).epsilon(1e-15));
  CHECK(logistic(-3) == Approx(std::exp(-3.0) / (1 + std::exp(-3.0))).epsilon(1e-15));
}

TEST_CASE("BG/NBD prediction is continuous across the series/quadrature switch", "[btyd][special]") {
  const crmkit::value::BetaGeo m(crmkit::value::BetaGeo::Params{0.243, 0.1, 0.793, 2.426});
  // z = t/(alpha+T+t) crosses 0.999 at t = 999 (alpha + T) = 99.9 for T = 0.
  const double below = m.conditional_expected_purchases(99.89, 3, 0.05, 0.1 - 1e-12 + 0.0);
  const double above = m.conditional_expected_purchases(99.91, 3, 0.05, 0.1 - 1e-12 + 0.0);
  CHECK(above > below);
  CHECK(above == Approx(below).epsilon(1e-3));
  const double b2 = m.expected_purchases(99.89), a2 = m.expected_purchases(99.91);
  CHECK(a2 == Approx(b2).epsilon(1e-3));
  CHECK(a2 > b2);
}

TEST_CASE("BFGS minimises the Rosenbrock function and reports diagnostics", "[btyd][optimize]") {
  const Objective rosen = [](const Eigen::VectorXd& v, Eigen::VectorXd* g) {
    const double x = v[0], y = v[1];
    if (g) *g = Eigen::Vector2d(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
  };
  const auto res = minimize_bfgs(rosen, Eigen::Vector2d(-1.2, 1.0));
  CHECK(res.converged);
  CHECK(res.x[0] == Approx(1.0).epsilon(1e-6));
  CHECK(res.x[1] == Approx(1.0).epsilon(1e-6));
  CHECK(res.gradient_norm <= 1e-8);
  const Eigen::MatrixXd H = numerical_hessian(rosen, res.x);
  CHECK(H(0, 0) == Approx(802).epsilon(1e-5));
  CHECK(H(0, 1) == Approx(-400).epsilon(1e-5));
  OptimizeOptions few;
  few.max_iterations = 3;
  const auto stopped = minimize_bfgs(rosen, Eigen::Vector2d(-1.2, 1.0), few);
  CHECK_FALSE(stopped.converged);
  CHECK(stopped.iterations == 3);
  CHECK(stopped.message == "iteration limit reached");
  const auto numeric = minimize_bfgs(with_numerical_gradient(rosen), Eigen::Vector2d(-1.2, 1.0));
  CHECK(numeric.x[0] == Approx(1.0).epsilon(1e-5));
  CHECK(starting_points(Eigen::Vector2d(0, 0), 3)[2] == starting_points(Eigen::Vector2d(0, 0), 3)[2]);
}

TEST_CASE("BFGS reaches the tolerance when the value carries rounding noise and the gradient does not",
          "[btyd][optimize]") {
  // A likelihood summed over a million customers carries noise of about 1e-14 of its value,
  // while its analytic gradient stays accurate. Here: 4 + the Rosenbrock function, noise of
  // +-5e-14 from a deterministic hash of the point, exact gradient. Near the minimum a step
  // that lowers the gradient from 1e-7 gains about 1e-15 in value: the Armijo test alone
  // compares noise there, and the search stopped above the tolerance 1e-8 x 4 from three of
  // these five starts ("no further decrease in the objective" at gradients 8e-8 to 1.5e-6).
  const Objective noisy = [](const Eigen::VectorXd& v, Eigen::VectorXd* g) {
    const double x = v[0], y = v[1];
    if (g) *g = Eigen::Vector2d(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
    std::uint64_t bits = 0;
    for (int i = 0; i < 2; ++i) {
      std::uint64_t u = 0;
      std::memcpy(&u, &v[i], sizeof u);
      bits = (bits ^ u) * 0x9E3779B97F4A7C15ull;
    }
    const double noise = 5e-14 * (static_cast<double>(bits >> 11) / 9007199254740992.0 * 2 - 1);
    return 4 + (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) + noise;
  };
  for (const Eigen::Vector2d& start : {Eigen::Vector2d(-1.2, 1), Eigen::Vector2d(3, -5), Eigen::Vector2d(-2, 4),
                                       Eigen::Vector2d(0.5, 2.5), Eigen::Vector2d(2, 2)}) {
    const auto res = minimize_bfgs(noisy, start);
    INFO("from (" << start[0] << ", " << start[1] << "): " << res.message << " at gradient " << res.gradient_norm);
    CHECK(res.converged);
    CHECK(res.gradient_norm <= 4e-8);
    // Near (1, 1) the Hessian is [[802, -400], [-400, 200]], its smallest eigenvalue 0.399:
    // a gradient of at most 4e-8 per component (5.7e-8 in length) leaves the point within
    // 5.7e-8 / 0.399 = 1.5e-7 of the minimum.
    CHECK((res.x - Eigen::Vector2d(1, 1)).norm() <= 1.5e-7);
  }
}

TEST_CASE("digamma next to 0 is -1/x, -inf where 1/x overflows, never a throw", "[special]") {
  // digamma(x) = -1/x - 0.5772156649... + O(x) (Abramowitz & Stegun 6.3.5 with
  // digamma(1 + x) = -gamma + O(x)): the constant is below half an ulp of 1/x for x < 1e-300.
  // Found by fuzz/capi_fuzzer: Boost threw overflow_error at 5e-324 through a noexcept function.
  CHECK(digamma(1e-305) == Approx(-1e305).epsilon(1e-15));
  CHECK(digamma(5e-324) == -HUGE_VAL);
  CHECK(digamma(0.0) == -HUGE_VAL);  // the pole, as the limit from above (a BG/BB fit reached it)
  CHECK(digamma(1e-10) == Approx(-1e10 - 0.5772156649015329).epsilon(1e-15));
}
