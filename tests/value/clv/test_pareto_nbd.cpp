#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"
#include "value/test_data.hpp"

using crmkit::value::ParetoNbd;

namespace {

// Fader, Hardie & Lee (2005), Marketing Science 24(2) 275-284, section 4, Pareto/NBD on the
// same CDNOW sample: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.
const ParetoNbd::Params kPublished{0.553, 10.578, 0.606, 11.669};

// The likelihood by direct numerical integration over the death time tau (Fader & Hardie
// 2005 note, eq. 1 before integrating out tau): independent of the 2F1 evaluation.
double likelihood_by_quadrature(const ParetoNbd::Params& p, double x, double tx, double T) {
  const double c = std::exp(std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha) +
                            p.s * std::log(p.beta));
  const double alive = std::pow(p.alpha + T, -(p.r + x)) * std::pow(p.beta + T, -p.s);
  // s * int_{tx}^{T} (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau, Simpson on 20,000 intervals.
  const int n = 20000;
  const double h = (T - tx) / n;
  double sum = 0;
  for (int i = 0; i <= n; ++i) {
    const double tau = tx + i * h;
    const double f = std::pow(p.alpha + tau, -(p.r + x)) * std::pow(p.beta + tau, -(p.s + 1));
    sum += (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2)) * f;
  }
  return c * (alive + p.s * sum * h / 3);
}

}  // namespace

TEST_CASE("Pareto/NBD fit on CDNOW matches Fader, Hardie & Lee (2005)", "[btyd][pareto_nbd]") {
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary.csv");
  const Eigen::VectorXd x = c["frequency"], tx = c["recency"], T = c["T"];
  ParetoNbd model;
  const auto& fit = model.fit(x, tx, T);
  const auto p = model.params();
  CHECK(p.r == Approx(0.553).margin(0.0005));
  CHECK(p.alpha == Approx(10.578).margin(0.0005));
  CHECK(p.s == Approx(0.606).margin(0.0005));
  // Our maximum has beta = 11.6679; beta has a standard error of about 6 (the likelihood is
  // flat along it) and the published figure is 0.001 away. We accept 0.002 and check that
  // the published point is not a better optimum.
  CHECK(p.beta == Approx(11.669).margin(0.002));
  CHECK(fit.log_likelihood == Approx(-9595.0).margin(0.05));
  const ParetoNbd published(kPublished);
  CHECK(published.log_likelihood(x.data(), tx.data(), T.data(), 2357) <= fit.log_likelihood + 1e-9);
  CHECK(fit.converged);
  for (int i = 0; i < 4; ++i) CHECK((std::isfinite(fit.standard_errors[i]) && fit.standard_errors[i] > 0));
}

TEST_CASE("Pareto/NBD likelihood equals numerical integration over the death time", "[btyd][pareto_nbd]") {
  // Both orientations of the 2F1 (alpha > beta and alpha < beta) and equal rates.
  for (const ParetoNbd::Params& p : {kPublished, ParetoNbd::Params{0.8, 20.0, 1.3, 2.0},
                                     ParetoNbd::Params{0.5, 5.0, 0.7, 5.0}}) {
    const ParetoNbd model(p);
    for (double x : {0.0, 1.0, 7.0, 40.0}) {
      const double tx = x > 0 ? 12.5 : 0.0, T = 38.0;
      const double ll = model.log_likelihood(&x, &tx, &T, 1);
      CHECK(ll == Approx(std::log(likelihood_by_quadrature(p, x, tx, T))).epsilon(1e-9));
    }
  }
}

TEST_CASE("Pareto/NBD predictions", "[btyd][pareto_nbd]") {
  const ParetoNbd model(kPublished);
  const auto p = kPublished;
  // New customer closed form (Schmittlein et al. 1987 eq. 17).
  CHECK(model.expected_purchases(39) ==
        Approx(p.r * p.beta / (p.alpha * (p.s - 1)) * (1 - std::pow(p.beta / (p.beta + 39), p.s - 1))));
  // s = 1 limit: r beta / alpha * log(1 + t / beta).
  const ParetoNbd s1(ParetoNbd::Params{0.5, 10, 1.0, 12});
  CHECK(s1.expected_purchases(39) == Approx(0.5 * 12 / 10.0 * std::log1p(39 / 12.0)).epsilon(1e-12));
  // P(alive) = alive branch / likelihood, against the quadrature.
  const double x = 2, tx = 30.43, T = 38.86;
  const double c = std::exp(std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta));
  const double alive = c * std::pow(p.alpha + T, -(p.r + x)) * std::pow(p.beta + T, -p.s);
  CHECK(model.p_alive(x, tx, T) == Approx(alive / likelihood_by_quadrature(p, x, tx, T)).epsilon(1e-9));
  CHECK(model.p_alive(2, 38.86, 38.86) == 1.0);  // just bought: surely alive
  CHECK(model.p_alive(2, 10, 38.86) < model.p_alive(2, 30, 38.86));
}

TEST_CASE("Pareto/NBD analytic gradient equals finite differences", "[btyd][pareto_nbd]") {
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary.csv");
  const Eigen::VectorXd x = c["frequency"], tx = c["recency"], T = c["T"];
  // CDNOW plus customers with many purchases and long histories, at the published point,
  // both orientations of the 2F1 (alpha > beta, alpha < beta), alpha = beta (z = 0) and
  // alpha 10^4 times beta (z > 0.999: the central-difference fallback inside).
  std::vector<double> xs(x.data(), x.data() + x.size()), txs(tx.data(), tx.data() + tx.size()),
      Ts(T.data(), T.data() + T.size());
  for (double f : {50.0, 300.0, 2000.0}) {
    xs.push_back(f);
    txs.push_back(400);
    Ts.push_back(1000);
  }
  using crmkit::value::detail::pareto_nbd_log_likelihood;
  for (const Eigen::Vector4d& p :
       {Eigen::Vector4d(0.553, 10.578, 0.606, 11.669), Eigen::Vector4d(0.8, 20.0, 1.3, 2.0),
        Eigen::Vector4d(0.5, 5.0, 0.7, 5.0), Eigen::Vector4d(2.0, 3.0, 0.2, 40.0),
        Eigen::Vector4d(0.3, 1e4, 0.9, 1.0)}) {
    Eigen::Vector4d grad;
    pareto_nbd_log_likelihood(xs.data(), txs.data(), Ts.data(), xs.size(), p, &grad);
    for (int k = 0; k < 4; ++k) {
      // Central differences with a step of 1e-5 relative: error ~ 1e-10 relative here.
      const double h = 1e-5 * p[k];
      Eigen::Vector4d lo = p, hi = p;
      lo[k] -= h;
      hi[k] += h;
      const double numeric =
          (pareto_nbd_log_likelihood(xs.data(), txs.data(), Ts.data(), xs.size(), hi, nullptr) -
           pareto_nbd_log_likelihood(xs.data(), txs.data(), Ts.data(), xs.size(), lo, nullptr)) /
          (2 * h);
      INFO("params " << p.transpose() << " component " << k);
      CHECK(grad[k] == Approx(numeric).epsilon(1e-6).margin(1e-6));
    }
  }
}
