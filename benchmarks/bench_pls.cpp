// PLS path modelling on the bundled ECSI mobile-phone data (250 respondents x 24 columns):
// one ECSI fit (the target: under 2 ms) and 5,000 bootstrap resamples on 1 and 2
// threads (target: under 2 s on the 2-core machine). Figures in benchmarks/README.md.
#include <cstdlib>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "data_dir.hpp"

#include "crmkit/io/survey.hpp"
#include "crmkit/quality/pls.hpp"

namespace {

namespace quality = crmkit::quality;

struct Mobi {
  std::vector<std::string> columns;
  std::vector<double> values;
  quality::PlsData data() const { return {{values.data(), values.size() / columns.size(), columns.size()}, columns}; }
};

const Mobi& mobi() {
  static const Mobi m = [] {
    crmkit::io::CsvReader reader(data_dir() + "/ecsi_mobi/mobi.csv");
    Mobi s;
    s.columns = reader.header();
    s.values = crmkit::io::read_survey(reader, s.columns).values;
    return s;
  }();
  return m;
}

void BM_PlsFitEcsi(benchmark::State& state) {
  const quality::PlsSpec spec = quality::pls_ecsi();
  for (auto _ : state) benchmark::DoNotOptimize(quality::pls_fit(spec, mobi().data()));
}

void BM_PlsBootstrap5000(benchmark::State& state) {
  quality::PlsBootstrapOptions b;
  b.resamples = 5000;
  b.threads = static_cast<int>(state.range(0));
  const quality::PlsSpec spec = quality::pls_ecsi();
  for (auto _ : state) benchmark::DoNotOptimize(quality::pls_bootstrap(spec, mobi().data(), {}, b));
}

}  // namespace

BENCHMARK(BM_PlsFitEcsi)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlsBootstrap5000)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

BENCHMARK_MAIN();
