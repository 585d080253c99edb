// Issue 22 targets: AHP on a 15 x 15 matrix in under 20 microseconds; TOPSIS on 1,000,000 alternatives x 10 criteria in under 100 ms on one
// core, reported against a plain pass over the same memory in the same run (a sum of every
// cell: the floor any method that reads the matrix pays); 10,000 Monte Carlo weight draws on
// 50 x 10 in under 100 ms.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include "crmkit/decision/ahp.hpp"
#include "crmkit/decision/rank.hpp"
#include "crmkit/decision/sensitivity.hpp"
#include "detail/random.hpp"

namespace {

namespace decision = crmkit::decision;

// A seeded matrix (values 1..10), every third criterion a cost, and even weights.
struct Problem {
  decision::DecisionMatrix matrix;
  std::vector<double> weights;
  Problem(std::size_t n, std::size_t k) : weights(k, 1.0 / static_cast<double>(k)) {
    crmkit::detail::SplitMix64 rng(2026);
    matrix.alternatives = n, matrix.criteria = k;
    matrix.values.resize(n * k);
    for (double& v : matrix.values) v = 1 + 9 * rng.uniform();
    for (std::size_t j = 0; j < k; ++j)
      matrix.directions.push_back(j % 3 == 2 ? decision::Direction::cost : decision::Direction::benefit);
  }
};

const Problem& big() {
  static const Problem p(1000000, 10);
  return p;
}

void BM_PlainPass(benchmark::State& state) {
  const std::vector<double>& v = big().matrix.values;
  for (auto _ : state) {
    double sum = 0;
    for (double x : v) sum += x;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * 1000000);
}

void BM_Topsis(benchmark::State& state) {
  const Problem& p = big();
  const auto normalization = static_cast<decision::Normalization>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(decision::rank_topsis(p.matrix, p.weights, normalization));
  state.SetItemsProcessed(state.iterations() * 1000000);
}

void BM_RankAcceptability(benchmark::State& state) {
  const Problem p(50, 10);
  decision::RankOptions o;
  o.method = static_cast<decision::RankMethod>(state.range(0));
  decision::MonteCarloOptions mc;
  mc.draws = 10000;
  for (auto _ : state) benchmark::DoNotOptimize(decision::rank_acceptability(p.matrix, p.weights, o, mc));
  state.SetItemsProcessed(state.iterations() * 10000);
}

// A 15 x 15 reciprocal matrix: near-consistent (Saaty-scale judgments rounded from weights
// 1..15, CR about 0.01) or random (judgments uniform on 1/9..9, CR about 0.8, the slowest
// case for power iteration).
std::vector<double> pairwise_15(bool random) {
  const std::size_t n = 15;
  crmkit::detail::SplitMix64 rng(15);
  std::vector<double> a(n * n, 1);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      double x;
      if (random) {
        x = 1 + std::floor(rng.uniform() * 9);
        if (rng.uniform() < 0.5) x = 1 / x;
      } else {
        const double ratio = static_cast<double>(n - i) / static_cast<double>(n - j);
        x = std::min(9.0, std::round(ratio));
      }
      a[i * n + j] = x;
      a[j * n + i] = 1 / x;
    }
  return a;
}

void BM_Ahp15(benchmark::State& state) {
  const std::vector<double> a = pairwise_15(state.range(0) != 0);
  decision::AhpOptions o;
  o.judgments_to_report = static_cast<std::size_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(decision::ahp(a.data(), 15, o));
  state.counters["CR"] = decision::ahp(a.data(), 15, o).cr;
}

}  // namespace

BENCHMARK(BM_Ahp15)->Args({0, 0})->Args({0, 3})->Args({1, 0})->Args({1, 3})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PlainPass)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Topsis)
    ->Arg(static_cast<int>(decision::Normalization::vector))
    ->Arg(static_cast<int>(decision::Normalization::minmax))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RankAcceptability)
    ->Arg(static_cast<int>(decision::RankMethod::wsm))
    ->Arg(static_cast<int>(decision::RankMethod::topsis))
    ->Arg(static_cast<int>(decision::RankMethod::vikor))
    ->Arg(static_cast<int>(decision::RankMethod::promethee))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
