// Customer summaries: in memory (batch and ledger) and CSV file to summaries, for logs in
// time order (as a till writes them) and in random order (exports grouped by store or
// region, merged files): same-day merging must not depend on the order.
//   bench_summary                          run the benchmarks (writes 10M-row CSVs to $TMPDIR)
//   bench_summary --generate FILE ROWS CUSTOMERS [time|random]
//       only write a generated log (benchmarks/make_summary_log.sh, for /usr/bin/time)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/summary.hpp"

namespace {

using namespace crmkit;

enum class Order { time, random };

// `rows` sales over two years by `customers` customers chosen uniformly, amounts 1..200,
// in time order or shuffled. Seeded, so every run measures the same data.
struct Log {
  std::vector<std::int64_t> customer;
  std::vector<double> time, amount;
};

Log generate(std::size_t rows, std::size_t customers, Order order) {
  Log log;
  log.customer.resize(rows);
  log.time.resize(rows);
  log.amount.resize(rows);
  std::mt19937_64 rng(2026);
  const double start = io::parse_time("2024-01-01"), span = 730;
  for (std::size_t i = 0; i < rows; ++i) {
    log.customer[i] = static_cast<std::int64_t>(rng() % customers) * 7919 + 100000;
    log.time[i] = start + std::floor(span * static_cast<double>(i) / static_cast<double>(rows));
    log.amount[i] = 1 + static_cast<double>(rng() % 19900) / 100.0;
  }
  if (order == Order::random)
    for (std::size_t i = rows; i > 1; --i) {  // Fisher-Yates, the same on every library
      std::size_t j = static_cast<std::size_t>(rng() % i);
      std::swap(log.customer[i - 1], log.customer[j]);
      std::swap(log.time[i - 1], log.time[j]);
      std::swap(log.amount[i - 1], log.amount[j]);
    }
  return log;
}

// 10M sales by `customers` customers, generated once per customer count and order.
const Log& shared_log(std::size_t customers, Order order) {
  static std::map<std::pair<std::size_t, Order>, Log> logs;
  auto key = std::make_pair(customers, order);
  auto it = logs.find(key);
  if (it == logs.end()) it = logs.emplace(key, generate(10'000'000, customers, order)).first;
  return it->second;
}

const char* order_label(Order order) { return order == Order::time ? "time order" : "random order"; }

// Args: merge same day (0/1), customers, size hint given (0/1), random order (0/1).
void BM_SummarizeArrays(benchmark::State& state) {
  const std::size_t customers = static_cast<std::size_t>(state.range(1));
  const Order order = state.range(3) != 0 ? Order::random : Order::time;
  const Log& log = shared_log(customers, order);
  value::SummaryOptions options;
  options.merge_same_day = state.range(0) != 0;
  if (state.range(2) != 0) options.expected_customers = customers;
  for (auto _ : state) {
    auto t = value::summarize(log.customer, log.time, log.amount, options);
    benchmark::DoNotOptimize(t.customers.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.customer.size()));
  state.SetLabel("10M sales, " + std::to_string(customers / 1000) + "k customers, " +
                 order_label(order) + (options.merge_same_day ? ", merge same day" : "") +
                 (options.expected_customers ? ", size hint" : ""));
}
BENCHMARK(BM_SummarizeArrays)
    ->Args({0, 1'000'000, 0, 0})
    ->Args({1, 1'000'000, 0, 0})
    ->Args({0, 1'000'000, 1, 0})
    ->Args({1, 1'000'000, 1, 0})
    ->Args({0, 100'000, 0, 0})
    ->Args({1, 100'000, 0, 0})
    ->Args({0, 1'000'000, 0, 1})
    ->Args({1, 1'000'000, 0, 1})
    ->Args({1, 1'000'000, 1, 1})
    ->Args({1, 100'000, 0, 1})
    ->Unit(benchmark::kMillisecond);

void BM_LedgerAddSale(benchmark::State& state) {
  const Log& log = shared_log(1'000'000, Order::time);
  for (auto _ : state) {
    value::Ledger ledger;
    for (std::size_t i = 0; i < log.customer.size(); ++i)
      ledger.add_sale(log.customer[i], log.time[i], log.amount[i]);
    benchmark::DoNotOptimize(ledger.customer_count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.customer.size()));
}
BENCHMARK(BM_LedgerAddSale)->Unit(benchmark::kMillisecond);

void write_csv(const std::string& path, std::size_t rows, std::size_t customers, Order order) {
  Log log = generate(rows, customers, order);
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::perror(path.c_str());
    std::exit(1);
  }
  std::fputs("customer_id,date,amount\n", f);
  for (std::size_t i = 0; i < rows; ++i)
    std::fprintf(f, "C%lld,%s,%.2f\n", static_cast<long long>(log.customer[i]),
                 io::format_date(log.time[i]).c_str(), log.amount[i]);
  if (std::fclose(f) != 0) {
    std::perror(path.c_str());
    std::exit(1);
  }
}

// Args: merge same day (0/1), random order (0/1).
void BM_CsvToSummaries(benchmark::State& state) {
  const std::size_t rows = 10'000'000;
  const Order order = state.range(1) != 0 ? Order::random : Order::time;
  const std::string path = (std::filesystem::temp_directory_path() /
                            (order == Order::time ? "crmkit_bench_10M.csv"
                                                  : "crmkit_bench_10M_random.csv"))
                               .string();
  if (!std::filesystem::exists(path)) write_csv(path, rows, 1'000'000, order);
  value::SummaryOptions options;
  options.merge_same_day = state.range(0) != 0;
  for (auto _ : state) {
    auto s = io::summarize_transaction_log(path, {}, {}, options);
    benchmark::DoNotOptimize(s.table.customers.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() *
                                                    std::filesystem::file_size(path)));
  state.SetLabel(std::string("10M rows, 1M customers, text ids, ISO dates, ") +
                 order_label(order) + (options.merge_same_day ? ", merge same day" : ""));
}
BENCHMARK(BM_CsvToSummaries)
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 5 || argc == 6) && std::strcmp(argv[1], "--generate") == 0) {
    Order order = Order::time;
    if (argc == 6 && std::strcmp(argv[5], "random") == 0) order = Order::random;
    else if (argc == 6 && std::strcmp(argv[5], "time") != 0) {
      std::fprintf(stderr, "bench_summary: order must be time or random, not '%s'\n", argv[5]);
      return 2;
    }
    write_csv(argv[2], std::strtoull(argv[3], nullptr, 10), std::strtoull(argv[4], nullptr, 10),
              order);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
