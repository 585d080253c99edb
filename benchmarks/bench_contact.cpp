// Contact-centre staffing speed (issue 24): required agents for one interval at 1,000
// Erlangs (target < 50 us) and a week's plan of 336 half-hours at 1,000 Erlangs each
// (target < 10 ms), under Erlang C; Erlang A for comparison. Figures in README.md.
#include <vector>

#include <benchmark/benchmark.h>

#include "crmkit/contact/staffing.hpp"

namespace contact = crmkit::contact;

namespace {

// 1,000 Erlangs: 10,000 calls in 30 minutes at 180 s.
const contact::Workload kThousand{10000, 1800, 180};

contact::StaffingTargets eighty_twenty() { return contact::StaffingTargets{}; }  // 80/20

void BM_RequiredAgents1000Erlangs(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(contact::required_agents(kThousand, eighty_twenty()));
}
BENCHMARK(BM_RequiredAgents1000Erlangs)->Unit(benchmark::kMicrosecond);

void BM_RequiredAgents1000ErlangsErlangA(benchmark::State& state) {
  contact::StaffingOptions o;
  o.queue.model = contact::QueueModel::erlang_a;
  for (auto _ : state) benchmark::DoNotOptimize(contact::required_agents(kThousand, eighty_twenty(), o));
}
BENCHMARK(BM_RequiredAgents1000ErlangsErlangA)->Unit(benchmark::kMicrosecond);

void BM_WeekPlan1000Erlangs(benchmark::State& state) {
  // 336 half-hours, volumes varied by +-10% around 10,000 calls so no two intervals repeat.
  std::vector<double> calls(336), length(336, 1800), aht(336, 180);
  for (std::size_t i = 0; i < calls.size(); ++i) calls[i] = 9000 + static_cast<double>((i * 37) % 2001);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        contact::staffing_plan(calls.data(), length.data(), aht.data(), calls.size(), eighty_twenty()));
}
BENCHMARK(BM_WeekPlan1000Erlangs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
