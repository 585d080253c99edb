// The complaint desk: in-memory event application, durable submits (batched and one at a
// time) and recovery by replay, with and without a snapshot. Figures in benchmarks/README.md.
#include <benchmark/benchmark.h>

#include "data_dir.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "crmkit/complaint/analytics.hpp"
#include "crmkit/complaint/cfpb.hpp"
#include "crmkit/complaint/desk.hpp"

namespace {

namespace complaint = crmkit::complaint;
namespace fs = std::filesystem;
using complaint::CaseEvent;

// Cases walked through the whole table path: open, the six steps with a pause, close
// (10 events per case), cases interleaved in time as a desk sees them.
std::vector<complaint::CaseEventRecord> events(std::size_t cases, std::size_t first_case = 0) {
  const CaseEvent path[] = {CaseEvent::open,  CaseEvent::listen, CaseEvent::share, CaseEvent::probe, CaseEvent::wait,
                            CaseEvent::resume, CaseEvent::check, CaseEvent::act,   CaseEvent::satisfy, CaseEvent::close};
  std::vector<complaint::CaseEventRecord> out;
  out.reserve(cases * 10);
  const complaint::Time t0 = complaint::parse_time("2026-01-05T08:00:00Z");
  for (std::size_t step = 0; step < 10; ++step)
    for (std::size_t c = first_case; c < first_case + cases; ++c) {
      complaint::CaseEventRecord e;
      e.time = t0 + std::chrono::minutes(step * 30) + std::chrono::seconds(c % 1000);
      e.case_id = "C" + std::to_string(c);
      e.event = path[step];
      e.actor = "agent" + std::to_string(c % 50);
      e.customer = step == 0 ? "cust" + std::to_string(c) : "";
      e.note = path[step] == CaseEvent::close ? "accepted" : "";
      out.push_back(std::move(e));
    }
  return out;
}

fs::path fresh_dir(const char* name) {
  const fs::path dir = fs::temp_directory_path() / (std::string("crmkit-bench-") + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  return dir;
}

void BM_ApplyInMemory(benchmark::State& state) {
  const auto log = events(100000);  // 1,000,000 events
  for (auto _ : state) {
    complaint::CaseBook book;
    for (const auto& e : log) book.apply(e);
    benchmark::DoNotOptimize(book.cases().size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(log.size()));
}
BENCHMARK(BM_ApplyInMemory)->Unit(benchmark::kMillisecond);

void BM_DurableBatch(benchmark::State& state) {
  const fs::path dir = fresh_dir("batch");
  const std::size_t batch = static_cast<std::size_t>(state.range(0));
  std::size_t next_case = 0;
  {
    complaint::Desk desk(dir.string());
    for (auto _ : state) {
      state.PauseTiming();
      const auto log = events(batch / 10, next_case);
      next_case += batch / 10;
      state.ResumeTiming();
      desk.submit(log);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
  fs::remove_all(dir);
}
BENCHMARK(BM_DurableBatch)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DurableSingle(benchmark::State& state) {
  // One commit (and WAL fsync) per event: the latency a host sees for one submit.
  const fs::path dir = fresh_dir("single");
  const auto log = events(200);  // 2,000 events, one per iteration
  std::size_t i = 0;
  {
    complaint::Desk desk(dir.string());
    for (auto _ : state) desk.submit(log[i++]);
  }
  state.SetItemsProcessed(state.iterations());
  fs::remove_all(dir);
}
BENCHMARK(BM_DurableSingle)->Unit(benchmark::kMicrosecond)->UseRealTime()->Iterations(2000);

void BM_Recovery(benchmark::State& state) {
  const fs::path dir = fresh_dir("recovery");
  {
    complaint::Desk desk(dir.string());
    for (std::size_t c = 0; c < 100000; c += 10000) desk.submit(events(10000, c));  // 1,000,000 events
  }
  for (auto _ : state) {
    complaint::Desk desk(dir.string());
    benchmark::DoNotOptimize(desk.event_count());
  }
  state.SetItemsProcessed(state.iterations() * 1000000);
  fs::remove_all(dir);
}
BENCHMARK(BM_Recovery)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Recovery bounded by a snapshot: 1,000,000 events of which the snapshot covers the first
// 900,000 (90,000 closed cases); opening loads it and replays the last 100,000.
void BM_RecoveryFromSnapshot(benchmark::State& state) {
  const fs::path dir = fresh_dir("snapshot");
  {
    complaint::Desk desk(dir.string());
    for (std::size_t c = 0; c < 90000; c += 10000) desk.submit(events(10000, c));
    const auto start = std::chrono::steady_clock::now();
    desk.snapshot();
    state.counters["snapshot_write_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    desk.submit(events(10000, 90000));
  }
  for (auto _ : state) {
    complaint::Desk desk(dir.string());
    benchmark::DoNotOptimize(desk.event_count());
  }
  state.counters["database_bytes"] = static_cast<double>(fs::file_size(dir / "desk.sqlite3"));
  fs::remove_all(dir);
}
BENCHMARK(BM_RecoveryFromSnapshot)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
// Complaint analytics (issue 23): the whole report over a desk of 1,000,000 events (100,000
// cases), on calendar and business clocks, and the import of the CFPB sample into a fresh
// desk (durable: two commits).
void BM_Analytics(benchmark::State& state) {
  const fs::path dir = fresh_dir("analytics");
  {
    complaint::DeskOptions business;
    business.sla.mode = complaint::ClockMode::business_time;
    complaint::Desk desk(dir.string(), business);
    for (std::size_t c = 0; c < 100000; c += 10000) desk.submit(events(10000, c));
    for (auto _ : state) benchmark::DoNotOptimize(complaint::analyse(desk).cases);
  }
  state.SetItemsProcessed(state.iterations() * 1000000);
  fs::remove_all(dir);
}
BENCHMARK(BM_Analytics)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_ImportCfpb(benchmark::State& state) {
  const std::string file = data_dir() + "/complaints/cfpb_complaints_sample_2013.csv";
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = fresh_dir("cfpb");
    {
      complaint::Desk desk(dir.string());
      state.ResumeTiming();
      benchmark::DoNotOptimize(complaint::import_cfpb(desk, file).imported);
      state.PauseTiming();
    }
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ImportCfpb)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
