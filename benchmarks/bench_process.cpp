// Issue 28 target: a process map of 10,000 steps with rework loops and parallel parts
// analysed in under 50 ms. The map repeats a 9-step segment: a -> split b (c & d -> d2) ->
// join e, which sends 20% back to b (a rework loop around the parallel part) -> f -> g,
// which repeats itself 10% of the time -> h -> the next segment; departments alternate.
// BM_Analyze runs the whole analysis (validation, parallel parts, sparse absorbing-chain
// solve, critical path, cycle time) at 1k-100k steps, with Google Benchmark's complexity
// fit; BM_SparseSolve times the absorbing-chain solve alone (Eigen's SparseLU, COLAMD order,
// as the library does) and BM_DenseSolve the same chain with a dense LU (what it avoids).
#include <algorithm>
#include <string>
#include <vector>

#include <unordered_map>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <benchmark/benchmark.h>

#include "crmkit/process/analysis.hpp"

namespace {

namespace process = crmkit::process;

process::ProcessMap segment_map(std::size_t steps) {
  process::ProcessMap m;
  const std::size_t segments = steps / 9;
  const auto add = [&](const std::string& name, const std::string& department, double duration,
                       const std::string& next) {
    process::Step s;
    s.name = name;
    s.department = department;
    s.duration = duration;
    s.cost = duration * 0.8;
    s.value_adding = duration > 10;
    process::parse_next(next, s);
    m.steps.push_back(std::move(s));
  };
  for (std::size_t k = 0; k < segments; ++k) {
    const std::string p = "s" + std::to_string(k) + "_", dept = k % 2 ? "front" : "back";
    const std::string after = k + 1 < segments ? "s" + std::to_string(k + 1) + "_a" : "end";
    add(p + "a", dept, 5, p + "b");
    add(p + "b", dept, 3, p + "c&" + p + "d");
    add(p + "c", "records", 20, p + "e");
    add(p + "d", "branch", 12, p + "d2");
    add(p + "d2", "branch", 6, p + "e");
    add(p + "e", dept, 8, p + "f:0.8|" + p + "b:0.2");
    add(p + "f", dept, 15, p + "g");
    add(p + "g", "quality", 4, p + "h:0.9|" + p + "g:0.1");
    add(p + "h", dept, 2, after);
  }
  add("end", "front", 1, "");
  return m;
}

void BM_Analyze(benchmark::State& state) {
  const process::ProcessMap m = segment_map(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(process::analyze(m));
  state.SetComplexityN(static_cast<std::int64_t>(m.steps.size()));
  state.counters["steps"] = static_cast<double>(m.steps.size());
}
BENCHMARK(BM_Analyze)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Complexity();

// The chain (I - W^T) v = e_start of segment_map(steps), built here by the generator's
// rules (a join, step e, takes half of each branch's flow), to time the solve alone.
std::vector<Eigen::Triplet<double>> chain(const process::ProcessMap& m) {
  std::unordered_map<std::string, int> index;
  for (const auto& s : m.steps) index.emplace(s.name, static_cast<int>(index.size()));
  std::vector<Eigen::Triplet<double>> entries;
  for (int i = 0; i < static_cast<int>(m.steps.size()); ++i) {
    entries.emplace_back(i, i, 1.0);
    for (const auto& x : m.steps[static_cast<std::size_t>(i)].next) {
      const bool join = x.step.size() > 2 && x.step.compare(x.step.size() - 2, 2, "_e") == 0;
      entries.emplace_back(index.at(x.step), i, -x.probability * (join ? 0.5 : 1));
    }
  }
  return entries;
}

Eigen::VectorXd start_vector(Eigen::Index n) {
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
  rhs[0] = 1;
  return rhs;
}

void BM_SparseSolve(benchmark::State& state) {
  const process::ProcessMap m = segment_map(static_cast<std::size_t>(state.range(0)));
  const auto entries = chain(m);
  const auto n = static_cast<Eigen::Index>(m.steps.size());
  for (auto _ : state) {
    Eigen::SparseMatrix<double> a(n, n);
    a.setFromTriplets(entries.begin(), entries.end());
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu(a);
    benchmark::DoNotOptimize(lu.solve(start_vector(n)));
  }
  state.SetComplexityN(n);
}
BENCHMARK(BM_SparseSolve)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Complexity();

void BM_DenseSolve(benchmark::State& state) {
  const process::ProcessMap m = segment_map(static_cast<std::size_t>(state.range(0)));
  const auto entries = chain(m);
  const auto n = static_cast<Eigen::Index>(m.steps.size());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  for (const auto& t : entries) a(t.row(), t.col()) += t.value();
  for (auto _ : state) benchmark::DoNotOptimize(Eigen::PartialPivLU<Eigen::MatrixXd>(a).solve(start_vector(n)));
  state.SetComplexityN(n);
}
BENCHMARK(BM_DenseSolve)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
