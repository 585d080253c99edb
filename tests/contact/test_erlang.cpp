// Erlang B, C and A: exact small cases, the worked example, loads of thousands of Erlangs, and
// Erlang A against an independent 50-digit computation.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include "crmkit/contact/erlang.hpp"
#include "crmkit/contact/staffing.hpp"
#include "crmkit/error.hpp"
#include "error_of.hpp"

using namespace crmkit::contact;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

// The widely quoted worked example: 100 calls in 30 minutes, 180 s handle time -> 10 Erlangs.
const Workload kExample{100, 1800, 180};

QueueOptions erlang_a_options(double patience, double answer_within) {
  QueueOptions o;
  o.model = QueueModel::erlang_a;
  o.patience = patience;
  o.answer_within = answer_within;
  return o;
}

}  // namespace

TEST_CASE("Erlang B and C: tiny exact cases", "[erlang]") {
  // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5; C(2, 1) = 2 B / (2 - 1 (1 - B)) = (2/5) / (6/5) = 1/3.
  CHECK(erlang_b(2, 1.0) == Approx(0.2).epsilon(1e-15));
  CHECK(erlang_c(2, 1.0) == Approx(1.0 / 3).epsilon(1e-15));
  CHECK(erlang_b(0, 3.0) == 1.0);  // no lines: every call is blocked
  // M/M/1: a caller waits exactly when the one agent is busy, probability = load.
  for (double load : {0.1, 0.5, 0.93}) CHECK(erlang_c(1, load) == Approx(load).epsilon(1e-14));
}

TEST_CASE("Erlang C: the worked example, digits as published", "[erlang]") {
  CHECK(kExample.traffic() == Approx(10).epsilon(1e-15));
  const QueueMetrics m = evaluate(14, kExample);
  // Published: P(wait) 0.1741319, service level 0.8883500, ASA 7.835937 s, occupancy 0.714.
  CHECK(m.p_wait == Approx(0.1741319).margin(5e-8));
  CHECK(m.service_level == Approx(0.8883500).margin(5e-8));
  CHECK(m.asa == Approx(7.835937).margin(5e-7));
  CHECK(m.occupancy == Approx(0.714).margin(5e-4));
  CHECK(m.p_abandon == 0);
  // ASA of the delayed calls: AHT / (N - A) = 180 / 4; queue length C A / (N - A).
  CHECK(m.asa_delayed == Approx(45).epsilon(1e-14));
  CHECK(m.queue_length == Approx(0.1741319 * 10 / 4).margin(1e-7));
  // 13 agents: service level 0.7955948, short of 80%.
  CHECK(evaluate(13, kExample).service_level == Approx(0.7955948).margin(5e-8));
}

TEST_CASE("Erlang B and C at thousands of Erlangs match 50-digit factorial sums", "[erlang]") {
  // tests/contact/reference/erlang_c.py (mpmath, 50 digits, factorials summed directly).
  CHECK(erlang_b(1050, 1000) == Approx(0.0038131359845401547).epsilon(1e-12));
  CHECK(erlang_c(1050, 1000) == Approx(0.074401774037428377).epsilon(1e-12));
  CHECK(erlang_b(1000, 1000) == Approx(0.024811917646160408).epsilon(1e-12));
  CHECK(erlang_b(5100, 5000) == Approx(0.0022435792955605247).epsilon(1e-11));
  CHECK(erlang_c(5100, 5000) == Approx(0.10288141360093403).epsilon(1e-11));
  CHECK(erlang_c(13, 10) == Approx(0.28527045303649294).epsilon(1e-14));
}

TEST_CASE("Erlang B and C with the largest agent count give 0, not a hang", "[erlang]") {
  // B(N, A) <= A^N / N! (the last term over a sum that includes it); A = 10, N = 1000:
  // 10^1000 / 1000! ~ 10^(1000 - 2567.6), far below the least double 4.9e-324, so B and
  // C = N B / (N - A (1 - B)) are 0 in double for every N from there on, 2^63 - 1 too.
  // Found by fuzz/capi_fuzzer: the recurrence ran once per agent, 9.2e18 times.
  const std::int64_t most = std::numeric_limits<std::int64_t>::max();
  CHECK(erlang_b(most, 10.0) == 0.0);
  CHECK(erlang_c(most, 10.0) == 0.0);
  // At the largest traffic accepted: B(N, 1e7) underflows within 40 sqrt(1e7) agents above
  // 1e7 (B is below the Poisson(1e7) tail ratio exp(-k^2 / 2) at k standard deviations).
  CHECK(erlang_b(most, kMaxTraffic) == 0.0);
}

TEST_CASE("Erlang C refuses N <= A; bad workloads name the field", "[erlang]") {
  CHECK_THAT(error_of([] { erlang_c(10, 10.0); }), Contains("agents must exceed the traffic"));
  CHECK_THAT(error_of([] { evaluate(9, kExample); }), Contains("9 agents for 10 Erlangs"));
  CHECK_THAT(error_of([] { evaluate(14, Workload{0, 1800, 180}); }), Contains("calls = 0"));
  CHECK_THAT(error_of([] { evaluate(14, Workload{-5, 1800, 180}); }), Contains("calls = -5"));
  CHECK_THAT(error_of([] { evaluate(14, Workload{100, 1800, 0}); }), Contains("aht = 0"));
  CHECK_THAT(error_of([] { evaluate(14, Workload{100, NAN, 180}); }), Contains("interval length = nan"));
  CHECK_THAT(error_of([] { erlang_b(-1, 2.0); }), Contains("agents = -1"));
  CHECK_THAT(error_of([] { evaluate(14, kExample, erlang_a_options(0, 20)); }), Contains("patience = 0"));
  CHECK_THAT(error_of([] { evaluate(14, kExample, erlang_a_options(120, -1)); }), Contains("answer_within = -1"));
  CHECK_THAT(error_of([] { evaluate(0, kExample, erlang_a_options(120, 20)); }), Contains("agents = 0"));
  // Found by fuzz/capi_fuzzer (corpus capi/staffing_huge_traffic): 8e136 Erlangs overflowed
  // the agent count. 1e7 Erlangs is the largest accepted (kMaxTraffic): 1e7 calls of 1800 s
  // in 1800 s is exactly that, one more call is refused.
  CHECK_THAT(error_of([] { required_agents(Workload{8e136, 1800, 180}, StaffingTargets{}); }),
             Contains("traffic = 8e+135 Erlangs: must be a finite number > 0 and at most 10000000"));  // 8e136 x 180 / 1800
  CHECK_THAT(error_of([] { erlang_b(10, 1e7 + 1); }), Contains("at most 10000000"));
  CHECK(erlang_b(1, 1e7) > 0.99);  // one agent for 1e7 Erlangs blocks nearly every call
}

TEST_CASE("Erlang A matches the 50-digit birth-death chain", "[erlang]") {
  // tests/contact/reference/erlang_a.py: states summed one by one, waiting callers followed
  // as Markov chains (first-step analysis, uniformization); mpmath at 50 digits.
  struct Case {
    std::int64_t agents;
    Workload load;
    double patience, within;
    double p_wait, p_abandon, service_level, asa, asa_delayed, queue_length;
  };
  const Case cases[] = {
      {14, {100, 1800, 180}, 120, 20, 0.12697634007979537, 0.022839286531818771, 0.93272958069805967,
       2.3453752341521703, 22.007618413160562, 0.15226191021212514},
      {8, {100, 1800, 180}, 120, 20, 0.72262646333878298, 0.25798238128775812, 0.40321302738024722,
       29.267987164722324, 46.739779929194984, 1.7198825419183875},
      {105, {1000, 1800, 180}, 300, 30, 0.35736026645763856, 0.016348295340604118, 0.94983738976229506,
       4.7921537833634106, 13.823005164758936, 2.7247158901006864},
  };
  for (const Case& c : cases) {
    INFO(c.agents << " agents, " << c.load.traffic() << " Erlangs");
    const QueueMetrics m = evaluate(c.agents, c.load, erlang_a_options(c.patience, c.within));
    CHECK(m.p_wait == Approx(c.p_wait).epsilon(1e-11));
    CHECK(m.p_abandon == Approx(c.p_abandon).epsilon(1e-11));
    CHECK(m.service_level == Approx(c.service_level).epsilon(1e-11));
    CHECK(m.asa == Approx(c.asa).epsilon(1e-10));
    CHECK(m.asa_delayed == Approx(c.asa_delayed).epsilon(1e-10));
    CHECK(m.queue_length == Approx(c.queue_length).epsilon(1e-11));
    // Carried traffic: the answered calls' share of the offered Erlangs, per agent.
    CHECK(m.occupancy == Approx(c.load.traffic() * (1 - c.p_abandon) / static_cast<double>(c.agents)).epsilon(1e-11));
  }
}

TEST_CASE("Erlang A tends to Erlang C as patience grows", "[erlang]") {
  // Property: with patience -> infinity nobody abandons and every metric approaches Erlang
  // C's. The gap is of first order in 1 / patience, so ten times the patience must cut it
  // by well over half (by about ten).
  for (std::int64_t agents : {11, 14, 20}) {
    const QueueMetrics c = evaluate(agents, kExample);
    const auto gap = [&](double patience) {
      const QueueMetrics a = evaluate(agents, kExample, erlang_a_options(patience, 20));
      return std::abs(a.service_level - c.service_level) + std::abs(a.p_wait - c.p_wait) +
             std::abs(a.asa - c.asa) / c.asa + a.p_abandon;
    };
    double previous = gap(1e4);
    for (double patience : {1e5, 1e6, 1e7, 1e8}) {
      INFO(agents << " agents, patience " << patience);
      const double now = gap(patience);
      CHECK(now < previous / 5);
      previous = now;
    }
    const QueueMetrics a = evaluate(agents, kExample, erlang_a_options(1e10, 20));
    CHECK(a.p_wait == Approx(c.p_wait).epsilon(1e-6));
    CHECK(a.service_level == Approx(c.service_level).epsilon(1e-6));
    CHECK(a.asa == Approx(c.asa).epsilon(1e-6));
    CHECK(a.asa_delayed == Approx(c.asa_delayed).epsilon(1e-6));
    CHECK(a.queue_length == Approx(c.queue_length).epsilon(1e-6));
    CHECK(a.p_abandon < 1e-7);
  }
}

TEST_CASE("Erlang A stays finite when agents are far below the traffic", "[erlang]") {
  // 1,000 Erlangs on 500 agents: half the callers must abandon. Flow balance: the agents
  // carry at most 500 Erlangs, so P(abandon) >= 1/2, and with all agents nearly always busy
  // the occupancy is close to 1.
  const QueueMetrics m = evaluate(500, Workload{10000, 1800, 180}, erlang_a_options(120, 20));
  CHECK(m.p_abandon >= 0.5);
  CHECK(m.p_abandon < 0.51);
  CHECK(m.occupancy == Approx(1).margin(1e-6));
  CHECK(std::isfinite(m.asa));
  // Abandonment by Little's law on the queue: theta Lq / lambda.
  CHECK(m.p_abandon == Approx((1.0 / 120) * m.queue_length / (10000.0 / 1800)).epsilon(1e-9));
}
