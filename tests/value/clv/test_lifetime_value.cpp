#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/common.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"
#include "value/test_data.hpp"

using crmkit::value::BetaGeo;
using crmkit::value::BetaGeoBetaBinom;
using crmkit::value::ClvOptions;
using crmkit::value::Discounting;
using crmkit::value::ModifiedBetaGeo;
using crmkit::value::ParetoNbd;

// Issue 19 item 1: discrete discounting over long horizons interpolates E(t) per customer
// instead of evaluating it once per period. The reference is the definition, summed
// period by period with nothing cut: sum_{k=1}^{K} (1+rate)^-k [E(t_k) - E(t_{k-1})],
// t_k = min(k period, H), K = ceil(H / period).

namespace {

constexpr double kMonth = 4.345;  // weeks

double direct_sum(const std::function<double(double)>& E, const ClvOptions& o) {
  const double periods = std::ceil(o.horizon / o.period - 1e-12);
  double value = 0, previous = 0;
  for (double k = 1; k <= periods; ++k) {
    const double current = E(std::min(k * o.period, o.horizon));
    value += (current - previous) * std::pow(1 + o.discount_rate, -k);
    previous = current;
  }
  return value;
}

struct Customer {
  double x, t_x, T;
};

// A spread of CDNOW histories: every 300th row (new and repeat buyers of all ages) and the
// most frequent buyer.
std::vector<Customer> cdnow_sample() {
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary.csv");
  const Eigen::VectorXd x = c["frequency"], tx = c["recency"], T = c["T"];
  std::vector<Customer> out;
  for (Eigen::Index i = 0; i < x.size(); i += 300) out.push_back({x[i], tx[i], T[i]});
  Eigen::Index top = 0;
  x.maxCoeff(&top);
  out.push_back({x[top], tx[top], T[top]});
  return out;
}

template <class Model>
void check_against_direct_sum(const Model& model, const char* name) {
  INFO(name);
  ClvOptions o;
  o.period = kMonth;
  for (const Customer& c : cdnow_sample()) {
    const auto E = [&](double t) { return model.conditional_expected_purchases(t, c.x, c.t_x, c.T); };
    for (double rate : {0.001, 0.01, 0.1}) {
      for (double horizon : {52.0, 520.0, 5200.0, 52000.0}) {
        o.discount_rate = rate;
        o.horizon = horizon;
        INFO("x " << c.x << " t_x " << c.t_x << " T " << c.T << " rate " << rate << " horizon "
                  << horizon);
        if (rate == 0.001 && horizon == 52000.0) {
          // 11,968 periods at 0.1%: 1.001^-10000 = 4.5e-5 is not negligible, refused.
          CHECK_THROWS_WITH(crmkit::value::customer_lifetime_value(model, c.x, c.t_x, c.T, 1.0, o),
                            Catch::Contains("do not converge within 10000 periods"));
          continue;
        }
        const double value = crmkit::value::customer_lifetime_value(model, c.x, c.t_x, c.T, 1.0, o);
        CHECK(value == Approx(direct_sum(E, o)).epsilon(1e-10).margin(0));
      }
    }
  }
}

}  // namespace

TEST_CASE("Discrete CLV over long horizons matches the per-period sum (BG/NBD)", "[btyd][clv]") {
  // Fader, Hardie & Lee (2005a), CDNOW: r 0.243, alpha 4.414, a 0.793, b 2.426.
  check_against_direct_sum(BetaGeo(BetaGeo::Params{0.243, 4.414, 0.793, 2.426}), "BG/NBD");
}

TEST_CASE("Discrete CLV over long horizons matches the per-period sum (MBG/NBD)", "[btyd][clv]") {
  // BTYDplus on CDNOW: r 0.525, alpha 6.183, a 0.891, b 1.614.
  check_against_direct_sum(ModifiedBetaGeo(ModifiedBetaGeo::Params{0.525, 6.183, 0.891, 1.614}),
                           "MBG/NBD");
}

TEST_CASE("Discrete CLV over long horizons matches the per-period sum (Pareto/NBD)", "[btyd][clv]") {
  // Fader, Hardie & Lee (2005b), CDNOW: r 0.553, alpha 10.578, s 0.606, beta 11.669.
  check_against_direct_sum(ParetoNbd(ParetoNbd::Params{0.553, 10.578, 0.606, 11.669}),
                           "Pareto/NBD");
}

TEST_CASE("Discrete CLV at the 10,000-period bound", "[btyd][clv]") {
  const BetaGeo bg(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  const auto E = [&](double t) { return bg.conditional_expected_purchases(t, 2, 30.43, 38.86); };
  ClvOptions o;
  o.period = kMonth;
  o.discount_rate = 0.001;
  // Exactly 10,000 periods, the last cut short: summed (every period counts at 0.1%).
  o.horizon = 9999.5 * kMonth;
  CHECK(crmkit::value::customer_lifetime_value(bg, 2, 30.43, 38.86, 1.0, o) ==
        Approx(direct_sum(E, o)).epsilon(1e-10).margin(0));
  // One period more is refused.
  o.horizon = 10000.5 * kMonth;
  CHECK_THROWS_WITH(crmkit::value::customer_lifetime_value(bg, 2, 30.43, 38.86, 1.0, o),
                    Catch::Contains("do not converge within 10000 periods"));
}

TEST_CASE("Discrete CLV evaluates E a few dozen times, not once per period", "[btyd][clv]") {
  const BetaGeo bg(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  int calls = 0;
  const auto E = [&](double t) {
    ++calls;
    return bg.conditional_expected_purchases(t, 2, 30.43, 38.86);
  };
  ClvOptions o;
  o.period = kMonth;
  o.discount_rate = 0.01;
  o.horizon = 5200;  // 1,197 periods
  const double value = crmkit::value::discounted_purchases_value(E, 1.0, o);
  CHECK(calls < 100);
  calls = 0;
  CHECK(value == Approx(direct_sum(E, o)).epsilon(1e-10).margin(0));
  CHECK(calls == 1197);
}

TEST_CASE("Discrete CLV falls back to the per-period sum where E is not smooth", "[btyd][clv]") {
  // Concave with a kink: purchases stop at t = 1000, or slow down at t = 2500.5 (mid
  // period). No polynomial in log t reproduces them to 1e-13, so the check points send both
  // to the direct sum, which is exact.
  ClvOptions o;
  o.period = 1;
  o.discount_rate = 0.005;
  o.horizon = 5000;
  const std::function<double(double)> kink = [](double t) { return std::min(t, 1000.0) * 0.3; };
  const std::function<double(double)> slower = [](double t) { return std::min(t, 2250.25 + 0.1 * t); };
  CHECK(crmkit::value::discounted_purchases_value(kink, 2.0, o) ==
        Approx(2 * direct_sum(kink, o)).epsilon(1e-13).margin(0));
  CHECK(crmkit::value::discounted_purchases_value(slower, 2.0, o) ==
        Approx(2 * direct_sum(slower, o)).epsilon(1e-13).margin(0));
}

TEST_CASE("Discrete CLV for BG/BB evaluates whole periods only", "[btyd][clv][bg_bb]") {
  // BG/BB defines E at whole opportunities only (it refuses other times); the interpolation
  // nodes are grid times, so 300 yearly periods work and match the per-period sum.
  // Fader, Hardie & Shang (2010) donations: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783.
  const BetaGeoBetaBinom bgbb(BetaGeoBetaBinom::Params{1.204, 0.750, 0.657, 2.783});
  ClvOptions o;
  o.period = 1;
  for (double rate : {0.01, 0.1}) {
    for (double horizon : {5.0, 300.0, 3000.0}) {
      o.discount_rate = rate;
      o.horizon = horizon;
      for (const Customer& c : {Customer{0, 0, 6}, Customer{3, 5, 6}, Customer{6, 6, 6}}) {
        INFO("rate " << rate << " horizon " << horizon << " x " << c.x << " t_x " << c.t_x);
        const auto E = [&](double t) { return bgbb.conditional_expected_purchases(t, c.x, c.t_x, c.T); };
        CHECK(crmkit::value::customer_lifetime_value(bgbb, c.x, c.t_x, c.T, 1.0, o) ==
              Approx(direct_sum(E, o)).epsilon(1e-10).margin(0));
      }
    }
  }
}
