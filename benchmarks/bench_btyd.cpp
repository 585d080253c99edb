// CLV model benchmarks (issue 3). Targets: BG/NBD fit on 1,000,000 customers with distinct
// (x, t_x, T) under 0.5 s; Pareto/NBD fit on CDNOW under 40 ms; conditional expected
// purchases + P(alive) for 1,000,000 customers under 50 ms on one core.
#include <benchmark/benchmark.h>

#include "data_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

namespace {

struct Customers {
  std::vector<double> x, t_x, T;
};

// Seeded synthetic BG/NBD data, generated column-wise: per customer lambda ~ Gamma(r, alpha),
// p ~ Beta(a, b), age T ~ Uniform(1, 78) weeks (distinct), then the purchase process is
// run until the observation end or the drop-out after a purchase.
Customers synthetic_bg_nbd(std::size_t n, std::uint64_t seed) {
  const double r = 0.243, alpha = 4.414, a = 0.793, b = 2.426;
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> lambda_d(r, 1.0 / alpha), ga(a, 1.0), gb(b, 1.0);
  std::uniform_real_distribution<double> age(1.0, 78.0), u(0.0, 1.0);
  Customers c;
  c.x.resize(n);
  c.t_x.resize(n);
  c.T.resize(n);
  std::vector<double> lambda(n), p(n);
  for (std::size_t i = 0; i < n; ++i) c.T[i] = age(rng);
  for (std::size_t i = 0; i < n; ++i) lambda[i] = lambda_d(rng);
  for (std::size_t i = 0; i < n; ++i) {
    const double ya = ga(rng);
    p[i] = ya / (ya + gb(rng));
  }
  for (std::size_t i = 0; i < n; ++i) {
    double t = 0, last = 0, x = 0;
    if (lambda[i] > 0) {
      std::exponential_distribution<double> gap(lambda[i]);
      for (;;) {
        t += gap(rng);
        if (t > c.T[i]) break;
        x += 1;
        last = t;
        if (u(rng) < p[i]) break;  // drops out after this purchase
      }
    }
    c.x[i] = x;
    c.t_x[i] = last;
  }
  return c;
}

Customers cdnow() {
  const std::string path = data_dir() + "/cdnow/cdnow_customers_summary.csv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string line;
  std::getline(in, line);
  Customers c;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string id, x, tx, T;
    std::getline(row, id, ',');
    std::getline(row, x, ',');
    std::getline(row, tx, ',');
    std::getline(row, T, ',');
    c.x.push_back(std::stod(x));
    c.t_x.push_back(std::stod(tx));
    c.T.push_back(std::stod(T));
  }
  return c;
}

void BM_BetaGeoFit_Synthetic(benchmark::State& state) {
  const Customers c = synthetic_bg_nbd(static_cast<std::size_t>(state.range(0)), 2024);
  for (auto _ : state) {
    crmkit::value::BetaGeo m;
    benchmark::DoNotOptimize(m.fit(c.x.data(), c.t_x.data(), c.T.data(), c.x.size()));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BetaGeoFit_Synthetic)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_BetaGeoFit_Cdnow(benchmark::State& state) {
  const Customers c = cdnow();
  for (auto _ : state) {
    crmkit::value::BetaGeo m;
    benchmark::DoNotOptimize(m.fit(c.x.data(), c.t_x.data(), c.T.data(), c.x.size()));
  }
}
BENCHMARK(BM_BetaGeoFit_Cdnow)->Unit(benchmark::kMillisecond);

void BM_ParetoNbdFit_Cdnow(benchmark::State& state) {
  const Customers c = cdnow();
  for (auto _ : state) {
    crmkit::value::ParetoNbd m;
    benchmark::DoNotOptimize(m.fit(c.x.data(), c.t_x.data(), c.T.data(), c.x.size()));
  }
}
BENCHMARK(BM_ParetoNbdFit_Cdnow)->Unit(benchmark::kMillisecond);

void BM_BetaGeoPredict(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Customers c = synthetic_bg_nbd(n, 7);
  const crmkit::value::BetaGeo m(crmkit::value::BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  std::vector<double> expected(n), alive(n);
  for (auto _ : state) {
    m.conditional_expected_purchases(39, c.x.data(), c.t_x.data(), c.T.data(), n, expected.data());
    m.p_alive(c.x.data(), c.t_x.data(), c.T.data(), n, alive.data());
    benchmark::DoNotOptimize(expected.data());
    benchmark::DoNotOptimize(alive.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BetaGeoPredict)->Arg(1000000)->Unit(benchmark::kMillisecond);

// Lifetime value of every CDNOW customer (spend 1 per purchase) over a horizon in weeks
// (argument), discounted 1% a month (4.345 weeks), discrete and continuous. Issue 19: a
// 5,200-week horizon took 112 s, its cost growing with the horizon squared, then 21-25 s
// with one E(t) per period; the interpolated discrete sum takes well under 1 s.
void BM_BetaGeoLifetimeValue(benchmark::State& state, crmkit::value::Discounting discounting) {
  const Customers c = cdnow();
  const crmkit::value::BetaGeo m(crmkit::value::BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  crmkit::value::ClvOptions o;
  o.horizon = static_cast<double>(state.range(0));
  o.period = 4.345;
  o.discount_rate = 0.01;
  o.discounting = discounting;
  const std::vector<double> spend(c.x.size(), 1.0);
  std::vector<double> out(c.x.size());
  for (auto _ : state) {
    crmkit::value::customer_lifetime_value(m, c.x.data(), c.t_x.data(), c.T.data(), spend.data(),
                                           c.x.size(), o, out.data());
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK_CAPTURE(BM_BetaGeoLifetimeValue, discrete, crmkit::value::Discounting::discrete)
    ->Arg(52)->Arg(5200)->Arg(1000000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BetaGeoLifetimeValue, continuous, crmkit::value::Discounting::continuous)
    ->Arg(52)->Arg(5200)->Arg(1000000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
