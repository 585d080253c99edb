#include <catch2/catch.hpp>
#include <cmath>
#include <tuple>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "value/test_data.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::value::BetaGeo;
using crmkit::value::FitOptions;
using crmkit::value::ModifiedBetaGeo;

namespace {

struct Cdnow {
  Eigen::VectorXd x, t_x, T;
};

Cdnow cdnow() {
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary.csv");
  return {c["frequency"], c["recency"], c["T"]};
}

// Published estimates: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way:
// An Alternative to the Pareto/NBD Model", Marketing Science 24(2) 275-284, section 4 (CDNOW
// 1/10 sample, 2,357 customers, 39-week calibration): r = 0.243, alpha = 4.414, a = 0.793,
// b = 2.426, LL = -9582.4.
const BetaGeo::Params kPublished{0.243, 4.414, 0.793, 2.426};

}  // namespace

TEST_CASE("BG/NBD fit on CDNOW matches Fader, Hardie & Lee (2005)", "[btyd][bg_nbd]") {
  const Cdnow d = cdnow();
  BetaGeo model;
  const auto& fit = model.fit(d.x, d.t_x, d.T);
  const auto p = model.params();
  CHECK(p.r == Approx(0.243).margin(0.0005));
  CHECK(p.alpha == Approx(4.414).margin(0.0005));
  CHECK(p.a == Approx(0.793).margin(0.0005));
  CHECK(p.b == Approx(2.426).margin(0.0005));
  CHECK(fit.log_likelihood == Approx(-9582.4).margin(0.05));
  CHECK(fit.converged);
  CHECK(fit.gradient_norm <= 1e-8);
  CHECK(fit.customers == 2357);
  CHECK(fit.unique_rows < 2357);  // CDNOW repeats histories (every x = 0 customer of a cohort)
  CHECK(fit.aic == Approx(2 * 4 - 2 * fit.log_likelihood));
  CHECK(fit.bic == Approx(4 * std::log(2357.0) - 2 * fit.log_likelihood));
  // Standard errors: positive, finite, and small relative to the estimates on 2,357 customers.
  for (int i = 0; i < 4; ++i) {
    CHECK(std::isfinite(fit.standard_errors[i]));
    CHECK(fit.standard_errors[i] > 0);
    CHECK(fit.standard_errors[i] < fit.params[i]);
  }
  // The published parameters are not better than ours.
  const BetaGeo published(kPublished);
  CHECK(published.log_likelihood(d.x.data(), d.t_x.data(), d.T.data(), 2357) <=
        fit.log_likelihood + 1e-9);
}

TEST_CASE("BG/NBD conditional expectation matches the published worked example", "[btyd][bg_nbd]") {
  // FHL (2005) section 4: at the published parameters a customer with x = 2, t_x = 30.43,
  // T = 38.86 is expected to make 1.226 purchases in the next 39 weeks.
  const BetaGeo model(kPublished);
  CHECK(model.conditional_expected_purchases(39, 2, 30.43, 38.86) == Approx(1.226).margin(0.0005));
}

TEST_CASE("BG/NBD predictions agree with direct summation of the 2F1 series", "[btyd][bg_nbd]") {
  // Independent check of the Euler-transformed expression: FHL eq. 10 summed term by term.
  const BetaGeo model(kPublished);
  const auto p = kPublished;
  auto direct = [&](double t, double x, double tx, double T) {
    const double A = p.r + x, B = p.b + x, C = p.a + p.b + x - 1, z = t / (p.alpha + T + t);
    double term = 1, sum = 1;
    for (int n = 0; n < 5000; ++n) {
      term *= (A + n) * (B + n) / ((C + n) * (n + 1)) * z;
      sum += term;
    }
    const double bracket = 1 - std::pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * sum;
    const double num = (p.a + p.b + x - 1) / (p.a - 1) * bracket;
    const double den = 1 + (x > 0) * p.a / (p.b + x - 1) * std::pow((p.alpha + T) / (p.alpha + tx), p.r + x);
    return num / den;
  };
  for (double x : {0.0, 1.0, 5.0, 20.0}) {
    for (double t : {1.0, 10.0, 39.0, 78.0}) {
      const double tx = x > 0 ? 20.0 : 0.0;
      CHECK(model.conditional_expected_purchases(t, x, tx, 35.0) == Approx(direct(t, x, tx, 35.0)).epsilon(1e-9));
    }
  }
  // New customer: E[X(t)] is the sum over n of n P(X(t) = n).
  for (double t : {5.0, 39.0}) {
    double mean = 0, total = 0;
    for (int n = 0; n < 400; ++n) {
      const double pn = model.probability_of_purchases(n, t);
      mean += n * pn;
      total += pn;
    }
    CHECK(total == Approx(1.0).epsilon(1e-9));
    CHECK(model.expected_purchases(t) == Approx(mean).epsilon(1e-8));
  }
}

TEST_CASE("BG/NBD P(alive) follows theory", "[btyd][bg_nbd]") {
  const BetaGeo model(kPublished);
  CHECK(model.p_alive(0, 0, 38.86) == 1.0);  // no repeat purchase: no chance to drop out yet
  // Closed form, FHL (2005) eq. 11, evaluated directly.
  const double direct = 1.0 / (1 + 0.793 / (2.426 + 2 - 1) * std::pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2));
  CHECK(model.p_alive(2, 30.43, 38.86) == Approx(direct).epsilon(1e-12));
  // A longer silence since the last purchase lowers P(alive).
  CHECK(model.p_alive(5, 10, 38) < model.p_alive(5, 30, 38));
}

TEST_CASE("BG/NBD compressed fit equals the fit on expanded rows", "[btyd][bg_nbd]") {
  const Cdnow d = cdnow();
  // Weighted rows: duplicate the first 500 customers by giving them weight 2 versus listing
  // them twice. Same likelihood, same optimum.
  const Eigen::Index n = d.x.size(), extra = 500;
  Eigen::VectorXd x(n + extra), tx(n + extra), T(n + extra);
  x << d.x, d.x.head(extra);
  tx << d.t_x, d.t_x.head(extra);
  T << d.T, d.T.head(extra);
  std::vector<double> w(static_cast<std::size_t>(n), 1.0);
  for (Eigen::Index i = 0; i < extra; ++i) w[static_cast<std::size_t>(i)] = 2.0;
  BetaGeo expanded, weighted;
  const auto f1 = expanded.fit(x, tx, T);
  const auto f2 = weighted.fit(d.x.data(), d.t_x.data(), d.T.data(), static_cast<std::size_t>(n), {}, w.data());
  CHECK(f1.customers == f2.customers);
  CHECK(f1.log_likelihood == Approx(f2.log_likelihood).epsilon(1e-12));
  for (int i = 0; i < 4; ++i) CHECK(f1.params[i] == Approx(f2.params[i]).epsilon(1e-6));
}

TEST_CASE("BG/NBD analytic gradient equals finite differences", "[btyd][bg_nbd]") {
  const Cdnow d = cdnow();
  const BetaGeo at(BetaGeo::Params{0.5, 3.0, 1.2, 2.0});
  const double ll0 = at.log_likelihood(d.x.data(), d.t_x.data(), d.T.data(), 2357);
  // A fit with zero iterations allowed is not useful; instead compare the fitted optimum:
  // moving any parameter by +-1e-4 relative must not increase the likelihood.
  BetaGeo fitted;
  fitted.fit(d.x, d.t_x, d.T);
  const auto v = fitted.parameter_vector();
  for (int i = 0; i < 4; ++i) {
    for (double s : {-1e-4, 1e-4}) {
      Eigen::VectorXd q = v;
      q[i] *= 1 + s;
      const BetaGeo moved(BetaGeo::Params{q[0], q[1], q[2], q[3]});
      CHECK(moved.log_likelihood(d.x.data(), d.t_x.data(), d.T.data(), 2357) <= fitted.log_likelihood());
    }
  }
  CHECK(ll0 < fitted.log_likelihood());
}

TEST_CASE("BG/NBD rejects bad input with the row named", "[btyd][bg_nbd][errors]") {
  BetaGeo model;
  auto fit_one_bad = [&](double x, double tx, double T) {
    std::vector<double> xs{1, 0, x}, txs{5, 0, tx}, Ts{10, 10, T};
    model.fit(xs.data(), txs.data(), Ts.data(), 3);
  };
  CHECK_THROWS_WITH(fit_one_bad(2, 0, 10), Catch::Contains("row 2") && Catch::Contains("recency 0"));
  CHECK_THROWS_WITH(fit_one_bad(2, 12, 10), Catch::Contains("row 2") && Catch::Contains("exceeds T"));
  CHECK_THROWS_WITH(fit_one_bad(-1, 0, 10), Catch::Contains("row 2") && Catch::Contains("non-negative"));
  CHECK_THROWS_WITH(fit_one_bad(1, NAN, 10), Catch::Contains("row 2") && Catch::Contains("finite"));
  CHECK_THROWS_WITH(fit_one_bad(1.5, 3, 10), Catch::Contains("integer"));
  std::vector<double> zeros{0, 0, 0}, Ts{5, 6, 7};
  CHECK_THROWS_WITH(model.fit(zeros.data(), zeros.data(), Ts.data(), 3), Catch::Contains("not identifiable"));
  CHECK_THROWS_WITH(model.fit(zeros.data(), zeros.data(), Ts.data(), 0), Catch::Contains("empty"));
  try {
    fit_one_bad(2, 12, 10);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_argument);
  }
  CHECK_THROWS_AS(BetaGeo().params(), Error);
  CHECK_THROWS_WITH(BetaGeo(BetaGeo::Params{0.2, -1, 1, 1}), Catch::Contains("alpha"));
  const BetaGeo known(kPublished);
  CHECK_THROWS_WITH(known.fit_result(), Catch::Contains("not fitted"));
  std::vector<double> px{1, 2}, ptx{1, 5}, pT{2, 4}, out(2);
  CHECK_THROWS_WITH(known.p_alive(px.data(), ptx.data(), pT.data(), 2, out.data()),
                    Catch::Contains("row 1") && Catch::Contains("exceeds"));
}

TEST_CASE("BG/NBD not_converged is reported", "[btyd][bg_nbd][errors]") {
  const Cdnow d = cdnow();
  FitOptions tight;
  tight.max_iterations = 2;
  tight.starts = 1;
  BetaGeo model;
  try {
    model.fit(d.x, d.t_x, d.T, tight);
    FAIL("expected not_converged");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_converged);
    CHECK_THAT(e.what(), Catch::Contains("BG/NBD") && Catch::Contains("iterations"));
  }
  tight.require_convergence = false;
  const auto& fit = model.fit(d.x, d.t_x, d.T, tight);
  CHECK_FALSE(fit.converged);
  CHECK(fit.iterations == 2);
}

TEST_CASE("BG/NBD L2 penalty shrinks the parameters", "[btyd][bg_nbd]") {
  const Cdnow d = cdnow();
  FitOptions opts;
  opts.penalty = 0.01;
  BetaGeo plain, penalised;
  plain.fit(d.x, d.t_x, d.T);
  penalised.fit(d.x, d.t_x, d.T, opts);
  CHECK(penalised.parameter_vector().squaredNorm() < plain.parameter_vector().squaredNorm());
  CHECK(penalised.log_likelihood() < plain.log_likelihood());
}

namespace {
struct ConditionalPmfCase {
  bool mbg;
  double n, t, x, t_x, T, expected;
};
// P(Y(t) = n | x, t_x, T) at the published CDNOW parameters (BG/NBD: FHL 2005; MBG/NBD:
// BTYDplus r 0.525, alpha 6.183, a 0.891, b 1.614). From
// tests/value/clv/reference/bg_nbd_conditional_pmf.py: mpmath at 50 digits, the NBD tail
// summed term by term; the derivation checked there against 2-D integration of the models'
// generative story over (lambda, p).
const ConditionalPmfCase kConditionalPmf[] = {
    {false, 0, 39.0, 0, 0.0, 38.86, 0.85544945921668155},
    {false, 1, 39.0, 0, 0.0, 38.86, 0.1098729888007178},
    {false, 0, 39.0, 2, 30.43, 38.86, 0.44537286208299557},
    {false, 3, 39.0, 2, 30.43, 38.86, 0.08085005599575532},
    {false, 10, 39.0, 2, 30.43, 38.86, 0.00075791903259158494},
    {false, 1000, 39.0, 2000, 38.5, 39.0, 4.1847742286350286e-11},
    {false, 2000, 39.0, 2000, 38.5, 39.0, 2.5846712970758333e-12},
    {false, 2500, 39.0, 2000, 38.5, 39.0, 1.8510103060951361e-36},
    {false, 5000, 100.0, 2000, 38.5, 39.0, 1.9520091383631672e-12},
    {true, 0, 39.0, 0, 0.0, 38.86, 0.89117060122253189},
    {true, 1, 39.0, 0, 0.0, 38.86, 0.078704132912308729},
    {true, 0, 39.0, 2, 30.43, 38.86, 0.44000590917770686},
    {true, 3, 39.0, 2, 30.43, 38.86, 0.083863947754723565},
    {true, 10, 39.0, 2, 30.43, 38.86, 0.00081184763102305028},
    {true, 1000, 39.0, 2000, 38.5, 39.0, 9.9833609360074379e-11},
    {true, 2000, 39.0, 2000, 38.5, 39.0, 3.4240054681076116e-14},
    {true, 2500, 39.0, 2000, 38.5, 39.0, 6.1303440243791268e-43},
    {true, 5000, 100.0, 2000, 38.5, 39.0, 1.0362651356693808e-14},
};
}  // namespace

TEST_CASE("BG/NBD and MBG/NBD conditional P(Y(t) = n | history), n into the thousands", "[btyd][bg_nbd][mbg_nbd]") {
  // Issue 18 item 6.
  const BetaGeo bg(kPublished);
  const ModifiedBetaGeo mbg(ModifiedBetaGeo::Params{0.525, 6.183, 0.891, 1.614});
  for (const auto& c : kConditionalPmf) {
    INFO((c.mbg ? "MBG/NBD" : "BG/NBD") << " n " << c.n << " x " << c.x);
    const double got = c.mbg ? mbg.conditional_probability_of_purchases(c.n, c.t, c.x, c.t_x, c.T)
                             : bg.conditional_probability_of_purchases(c.n, c.t, c.x, c.t_x, c.T);
    CHECK(got == Approx(c.expected).epsilon(1e-10));
  }
  // The distribution sums to 1 and its mean is the conditional expectation, which the library
  // computes by another route (the 2F1 of FHL eq. 10).
  for (const auto& [x, tx, T] : {std::tuple<double, double, double>{2, 30.43, 38.86}, {0, 0, 38.86},
                                  {40, 38.9, 39}}) {
    double total = 0, mean = 0;
    for (double n = 0; n <= 3000; ++n) {
      const double p = bg.conditional_probability_of_purchases(n, 39, x, tx, T);
      total += p;
      mean += n * p;
    }
    INFO("x " << x);
    CHECK(total == Approx(1.0).epsilon(1e-12));
    CHECK(mean == Approx(bg.conditional_expected_purchases(39, x, tx, T)).epsilon(1e-10));
  }
  CHECK_THROWS_WITH(bg.conditional_probability_of_purchases(1.5, 39, 2, 30.43, 38.86),
                    Catch::Contains("n must be a non-negative integer"));
  CHECK_THROWS_WITH(bg.conditional_probability_of_purchases(1, 39, 2, 40, 38.86),
                    Catch::Contains("recency 40 exceeds T"));
}

TEST_CASE("BG/NBD conditional expected purchases over a very long horizon reach E[1/p] P(alive)", "[btyd][bg_nbd]") {
  // Found by fuzz/capi_fuzzer: at t = 1.1e6 the quadrature's assertion failed (Debug builds
  // abort; with NDEBUG it evaluated the integrand on the interval's end). Hand calculation:
  // an active customer buys until dropping out after a purchase with probability p, so
  // 1 / p purchases on average; given x repeat purchases p ~ Beta(a, b + x), and
  // E[1 / p] = (a + b + x - 1) / (a - 1) = (3.5 + 3.625 + 1 - 1) / 2.5 = 2.85. With rates of
  // Gamma(r + x, alpha + T) = Gamma(12, 6.5) (1.85 a unit) a horizon of 1.1e6 units leaves
  // out only customers with p below ~1e-5: a share of order 1e-17.
  const BetaGeo model(BetaGeo::Params{11, 4.5, 3.5, 3.625});
  const double t = 1113618.3056335009;
  CHECK(model.conditional_expected_purchases(t, 1, 1, 2) ==
        Approx(2.85 * model.p_alive(1, 1, 2)).epsilon(1e-9));
}
