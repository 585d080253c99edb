#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

using crmkit::value::BetaGeo;
using crmkit::value::ModifiedBetaGeo;
using crmkit::value::ParetoNbd;

// Property sweep: customers with up to 10,000 purchases and 10,000 periods of history, over a
// grid of parameters that includes a < 1, a near 1, alpha far from beta and tiny/large r.
// Predictions must be finite and in range, and monotone where the models say so:
//  - E[Y(t) | ...] increases with the horizon t;
//  - for a fixed recency and age, more purchases raise P(alive) (BG/NBD, MBG/NBD, Pareto/NBD);
//  - a longer silence (smaller t_x at fixed x, T) lowers P(alive).

namespace {

template <class Model>
void sweep(const Model& m, const char* name) {
  INFO(name);
  const std::vector<double> ages{1e-6, 0.5, 39, 1000, 10000};
  const std::vector<double> freqs{0, 1, 10, 300, 10000};
  for (double T : ages) {
    for (double x : freqs) {
      for (double frac : {0.3, 1.0}) {
        const double tx = x == 0 ? 0.0 : T * frac;
        if (x > 0 && tx == 0) continue;
        INFO("x " << x << " t_x " << tx << " T " << T);
        const double pa = m.p_alive(x, tx, T);
        CHECK(std::isfinite(pa));
        CHECK(pa >= 0);
        CHECK(pa <= 1);
        double previous = 0;
        for (double t : {0.0, 1e-6, 1.0, 39.0, 520.0, 10000.0}) {
          const double e = m.conditional_expected_purchases(t, x, tx, T);
          CHECK(std::isfinite(e));
          CHECK(e >= previous * (1 - 1e-12));
          previous = e;
        }
      }
      if (x >= 1 && T >= 1) {
        const double tx = T * 0.5;
        CHECK(m.p_alive(x, tx * 0.5, T) <= m.p_alive(x, tx, T) + 1e-15);
      }
    }
  }
  // New customers: finite and increasing in t, no NaN at t -> 0.
  double previous = 0;
  for (double t : {0.0, 1e-9, 1.0, 100.0, 10000.0}) {
    const double e = m.expected_purchases(t);
    CHECK(std::isfinite(e));
    CHECK(e >= previous);
    previous = e;
  }
}

}  // namespace

TEST_CASE("BG/NBD and MBG/NBD predictions are finite and monotone over a parameter sweep", "[btyd][stability]") {
  for (double r : {0.05, 0.243, 3.0}) {
    for (double alpha : {0.1, 4.4, 200.0}) {
      for (double a : {0.3, 1.0, 1.0 + 1e-12, 2.5}) {
        for (double b : {0.2, 2.4, 50.0}) {
          sweep(BetaGeo(BetaGeo::Params{r, alpha, a, b}), "BG/NBD");
          sweep(ModifiedBetaGeo(ModifiedBetaGeo::Params{r, alpha, a, b}), "MBG/NBD");
        }
      }
    }
  }
}

TEST_CASE("Pareto/NBD predictions are finite and monotone over a parameter sweep", "[btyd][stability]") {
  for (double r : {0.05, 0.553, 3.0}) {
    for (double alpha : {0.1, 10.6, 500.0}) {
      for (double s : {0.2, 1.0, 2.5}) {
        for (double beta : {0.05, 11.7, 800.0}) {
          sweep(ParetoNbd(ParetoNbd::Params{r, alpha, s, beta}), "Pareto/NBD");
        }
      }
    }
  }
}

TEST_CASE("More purchases at the same recency mean a livelier customer", "[btyd][stability]") {
  const BetaGeo bg(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  const ParetoNbd pn(ParetoNbd::Params{0.553, 10.578, 0.606, 11.669});
  // Recent buyers: the more they bought, the more they are expected to buy.
  double prev_bg = 0, prev_pn = 0;
  for (double x : {1.0, 10.0, 100.0, 1000.0, 10000.0}) {
    const double e_bg = bg.conditional_expected_purchases(39, x, 9990, 10000);
    const double e_pn = pn.conditional_expected_purchases(39, x, 9990, 10000);
    CHECK(e_bg > prev_bg);
    CHECK(e_pn > prev_pn);
    prev_bg = e_bg;
    prev_pn = e_pn;
  }
  // A customer with 10,000 purchases at rate ~1 per period keeps that rate.
  CHECK(bg.conditional_expected_purchases(39, 10000, 9999, 10000) == Approx(39.0).epsilon(0.02));
}
