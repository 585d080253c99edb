#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/bg_bb.hpp"
#include "value/test_data.hpp"

using crmkit::value::BetaGeoBetaBinom;

namespace {
// Fader, Hardie & Shang (2010), Marketing Science 29(6) 1086-1108, donations data (11,104
// supporters, 6 opportunities): alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783.
const BetaGeoBetaBinom::Params kPublished{1.204, 0.750, 0.657, 2.783};
}  // namespace

TEST_CASE("BG/BB fit on the donations data matches Fader, Hardie & Shang (2010)", "[btyd][bg_bb]") {
  const auto c = crmkit_test::read_numeric_csv("donations/donations.csv");
  BetaGeoBetaBinom model;
  const auto& fit = model.fit(c["frequency"], c["recency"], c["periods"], c["weights"]);
  const auto p = model.params();
  CHECK(p.alpha == Approx(1.204).margin(0.0005));
  CHECK(p.beta == Approx(0.750).margin(0.0005));
  CHECK(p.gamma == Approx(0.657).margin(0.0005));
  CHECK(p.delta == Approx(2.783).margin(0.0005));
  CHECK(fit.customers == 11104);
  CHECK(fit.unique_rows == 22);
  CHECK(fit.converged);
}

TEST_CASE("BG/BB probabilities and expectations are consistent", "[btyd][bg_bb]") {
  const BetaGeoBetaBinom model(kPublished);
  // P(X(n) = x) sums to 1 and its mean is E[X(n)].
  for (double n : {1.0, 6.0, 20.0}) {
    double total = 0, mean = 0;
    for (double x = 0; x <= n; ++x) {
      const double px = model.probability_of_purchases(x, n);
      total += px;
      mean += x * px;
    }
    CHECK(total == Approx(1.0).epsilon(1e-10));
    CHECK(model.expected_purchases(n) == Approx(mean).epsilon(1e-10));
  }
  // Conditional expectation for n* opportunities equals the sum over the next opportunities
  // of P(alive at n+k) E[p | history]: check additivity in n* instead of the closed form.
  const double e5 = model.conditional_expected_purchases(5, 3, 4, 6);
  const double e2 = model.conditional_expected_purchases(2, 3, 4, 6);
  CHECK(e2 < e5);
  CHECK(model.conditional_expected_purchases(0, 3, 4, 6) == 0.0);
  // Someone who transacted at the last opportunity is alive for sure at it, so P(alive at
  // n+1) is the one-step survival E[1 - theta | alive] > 0.5 for these parameters.
  CHECK(model.p_alive(6, 6, 6) > model.p_alive(3, 3, 6));
  CHECK(model.p_alive(0, 0, 6) < model.p_alive(1, 6, 6));
}

TEST_CASE("BG/BB rejects non-integer or inconsistent histories", "[btyd][bg_bb][errors]") {
  BetaGeoBetaBinom model;
  std::vector<double> x{1, 3}, tx{2, 2}, n{6, 6};
  CHECK_THROWS_WITH(model.fit(x.data(), tx.data(), n.data(), 2), Catch::Contains("row 1") && Catch::Contains("exceeds recency"));
  std::vector<double> x2{1, 1}, tx2{2, 2.5}, n2{6, 6};
  CHECK_THROWS_WITH(model.fit(x2.data(), tx2.data(), n2.data(), 2), Catch::Contains("row 1") && Catch::Contains("integers"));
}

TEST_CASE("BG/BB over a billion opportunities: closed forms computed, sums refused", "[btyd][bg_bb][errors]") {
  // Issue 19 item 2: periods = 1e9 ran for hours (one term per opportunity).
  const BetaGeoBetaBinom model(kPublished);
  // FHS (2010) eq. 6 at n = 1e9 and n = 6, from mpmath at 50 digits:
  //   a/(a+b) d/(g-1) (1 - Gamma(g+d) Gamma(1+d+n) / (Gamma(1+d) Gamma(g+d+n))).
  CHECK(model.expected_purchases(1e9) == Approx(4128.1007469909411).epsilon(1e-12));
  CHECK(model.expected_purchases(6) == Approx(2.2196313934872989).epsilon(1e-12));
  // The likelihood-based calls sum over opportunities and refuse beyond the documented bound.
  CHECK_THROWS_WITH(model.p_alive(3, 5, 1e9), Catch::Contains("exceeds the limit of 100000"));
  CHECK_THROWS_WITH(model.probability_of_purchases(3, 1e9), Catch::Contains("exceeds the limit"));
  // A count beyond any long long is named as it was given (the C API fuzzer's 4e233 was cast
  // to long long for the message: undefined behaviour, and a wrong number).
  CHECK_THROWS_WITH(model.probability_of_purchases(3, 4e233), Catch::Contains("n 4e+233 exceeds the limit"));
  BetaGeoBetaBinom fitted;
  std::vector<double> x{1, 3}, tx{2, 4}, n{6, 1e9};
  CHECK_THROWS_WITH(fitted.fit(x.data(), tx.data(), n.data(), 2), Catch::Contains("periods 1000000000"));
  // At the bound the sums run; over 2,000 opportunities P(X(n) = x) still sums to 1 and its
  // mean is eq. 6 (the terms are summed by their ratio, not one log-gamma each).
  CHECK(model.p_alive(3, 5, 100000) > 0);
  double total = 0, mean = 0;
  for (double k = 0; k <= 2000; ++k) {
    const double pk = model.probability_of_purchases(k, 2000);
    total += pk;
    mean += k * pk;
  }
  CHECK(total == Approx(1.0).epsilon(1e-10));
  CHECK(mean == Approx(model.expected_purchases(2000)).epsilon(1e-10));
}
