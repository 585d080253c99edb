// Issue 20 target: SERVQUAL + gaps + alpha for 1,000,000 respondents x 44 answers in under
// 1 s on one core. The answers are 350 MB of doubles, so each statistic is set against a
// plain read of the same bytes measured in the same run (the floor: memory bandwidth);
// every benchmark reports bytes_per_second over the data it reads.
//
// Data: a seeded generator (detail/random.hpp), 1,000,000 respondents answering SERVQUAL's
// 22 expectation and 22 perception items on 1-7, with a respondent level per dimension so
// the items correlate as real answers do. Stored twice: one 44-column matrix (alpha over all
// 44 answers) and the E and P matrices of 22 columns each (the gap model's sources).
#include <cmath>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include "crmkit/quality/gaps.hpp"
#include "crmkit/quality/instrument.hpp"
#include "crmkit/quality/reliability.hpp"
#include "crmkit/quality/servqual.hpp"
#include "detail/random.hpp"

namespace {

using namespace crmkit::quality;

constexpr std::size_t kRespondents = 1'000'000;
constexpr std::size_t kItems = 22;

struct Survey {
  std::vector<double> all;  // respondents x 44: E1..E22, P1..P22
  std::vector<double> e, p; // respondents x 22 each
};

const Survey& survey() {
  static const Survey s = [] {
    Survey out;
    out.all.reserve(kRespondents * 2 * kItems);
    out.e.reserve(kRespondents * kItems);
    out.p.reserve(kRespondents * kItems);
    crmkit::detail::SplitMix64 rng(20);
    const Instrument servqual = servqual_instrument();
    for (std::size_t r = 0; r < kRespondents; ++r) {
      for (std::vector<double>* source : {&out.e, &out.p}) {
        for (const Dimension& d : servqual.dimensions) {
          const double level = 4.5 + 1.2 * rng.normal();
          for (std::size_t i = 0; i < d.items.size(); ++i) {
            const double x = std::round(level + rng.normal());
            source->push_back(x < 1 ? 1 : x > 7 ? 7 : x);
          }
        }
      }
      out.all.insert(out.all.end(), out.e.end() - kItems, out.e.end());
      out.all.insert(out.all.end(), out.p.end() - kItems, out.p.end());
    }
    return out;
  }();
  return s;
}

constexpr double kBytes = static_cast<double>(kRespondents * 2 * kItems * sizeof(double));

void report_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBytes));
}

// The floor: one pass summing the 44-column matrix (four accumulators, so the loop is
// bound by memory, not by the latency of one addition chain).
void BM_MemoryRead(benchmark::State& state) {
  const std::vector<double>& a = survey().all;
  for (auto _ : state) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (std::size_t i = 0; i + 3 < a.size(); i += 4) s0 += a[i], s1 += a[i + 1], s2 += a[i + 2], s3 += a[i + 3];
    benchmark::DoNotOptimize(s0 + s1 + s2 + s3);
  }
  report_bytes(state);
}

// Cronbach's alpha over all 44 answers (a 44 x 44 covariance matrix), listwise.
void BM_Alpha44(benchmark::State& state) {
  const Answers a{survey().all.data(), kRespondents, 2 * kItems};
  for (auto _ : state) benchmark::DoNotOptimize(reliability(a).alpha_raw);
  report_bytes(state);
}

// The same with pairwise covariances (three matrix products per block instead of one).
void BM_Alpha44Pairwise(benchmark::State& state) {
  const Answers a{survey().all.data(), kRespondents, 2 * kItems};
  for (auto _ : state) benchmark::DoNotOptimize(reliability(a, {MissingPolicy::pairwise}).alpha_raw);
  report_bytes(state);
}

// Alpha of each SERVQUAL dimension of the perceptions (five small scales), as `crmkit alpha
// --prefix P` reports it: the dimension's columns copied out, then one pass each.
void BM_AlphaPerDimension(benchmark::State& state) {
  const Instrument servqual = servqual_instrument();
  const std::vector<double>& p = survey().p;
  for (auto _ : state) {
    for (std::size_t d = 0; d < servqual.dimensions.size(); ++d) {
      const std::size_t first = servqual.first_item(d), last = servqual.first_item(d + 1);
      std::vector<double> columns;
      columns.reserve(kRespondents * (last - first));
      for (std::size_t r = 0; r < kRespondents; ++r)
        columns.insert(columns.end(), p.begin() + static_cast<std::ptrdiff_t>(r * kItems + first),
                       p.begin() + static_cast<std::ptrdiff_t>(r * kItems + last));
      benchmark::DoNotOptimize(reliability({columns.data(), kRespondents, last - first}).alpha_raw);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBytes / 2));
}

// The gap model from customers' E and P (gap 5 per dimension): validation and scoring of
// both sources (score_answers), item means, dimension means, the five gaps.
void BM_Gaps(benchmark::State& state) {
  const Instrument servqual = servqual_instrument();
  GapSurveys surveys;
  surveys.source[static_cast<std::size_t>(GapSource::expectations)] = {survey().e.data(), kRespondents, kItems};
  surveys.source[static_cast<std::size_t>(GapSource::perceptions)] = {survey().p.data(), kRespondents, kItems};
  for (auto _ : state) benchmark::DoNotOptimize(five_gaps(gap_means(servqual, surveys)).overall.gap[4]);
  report_bytes(state);
}

// SERVQUAL scores from E and P: item and dimension gaps with standard deviations and t
// intervals, both overall conventions, SERVPERF.
void BM_Servqual(benchmark::State& state) {
  const Instrument instrument = servqual_instrument();
  const ServqualSurvey s{{survey().e.data(), kRespondents, kItems}, {survey().p.data(), kRespondents, kItems}};
  for (auto _ : state) benchmark::DoNotOptimize(servqual(instrument, s).gap.mean_of_items);
  report_bytes(state);
}

// The target as one job: SERVQUAL, the gap model and alpha over the 44 answers.
void BM_ServqualGapsAlpha(benchmark::State& state) {
  const Instrument instrument = servqual_instrument();
  const ServqualSurvey s{{survey().e.data(), kRespondents, kItems}, {survey().p.data(), kRespondents, kItems}};
  GapSurveys surveys;
  surveys.source[static_cast<std::size_t>(GapSource::expectations)] = s.expected;
  surveys.source[static_cast<std::size_t>(GapSource::perceptions)] = s.perceived;
  const Answers all{survey().all.data(), kRespondents, 2 * kItems};
  for (auto _ : state) {
    benchmark::DoNotOptimize(servqual(instrument, s).gap.mean_of_items);
    benchmark::DoNotOptimize(five_gaps(gap_means(instrument, surveys)).overall.gap[4]);
    benchmark::DoNotOptimize(reliability(all).alpha_raw);
  }
  report_bytes(state);
}

}  // namespace

BENCHMARK(BM_MemoryRead)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Alpha44)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Alpha44Pairwise)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_AlphaPerDimension)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Gaps)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Servqual)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ServqualGapsAlpha)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
