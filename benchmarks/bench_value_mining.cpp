// Issue 27 targets: k-means (k = 8, n_init = 10) on 1,000,000 x 4 at least 2x faster than
// scikit-learn's KMeans on the same data and machine, and the L2 logistic churn model on
// 1,000,000 x 8 in under 0.35 s (scikit-learn's LogisticRegression(lbfgs): 0.7 s).
// benchmarks/compare_mining.py times scikit-learn on the very same data, written by
//   bench_value_mining --write-data DIR
// (raw little-endian float64, row-major), and runs this program in the same session.
//
// Data (seeded SplitMix64, the project's RNG): k-means: 8 centres uniform in [-10, 10]^4,
// points = centre + N(0, 1.5^2) per coordinate; logistic: 8 standard normal features,
// churn ~ Bernoulli(sigmoid(x . beta - 0.5)) with beta = (1, -0.8, 0.6, -0.4, 0.3, -0.2,
// 0.1, 0).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "crmkit/value/churn.hpp"
#include "crmkit/value/segment.hpp"
#include "detail/random.hpp"

namespace {

namespace value = crmkit::value;

constexpr std::size_t kRows = 1000000;

struct Data {
  std::vector<double> blobs;     // kRows x 4, row-major
  std::vector<double> features;  // kRows x 8, row-major
  std::vector<double> churned;   // kRows
};

const Data& data() {
  static const Data d = [] {
    Data out;
    crmkit::detail::SplitMix64 rng(2027);
    double centres[8][4];
    for (auto& c : centres)
      for (double& v : c) v = -10 + 20 * rng.uniform();
    out.blobs.resize(kRows * 4);
    for (std::size_t i = 0; i < kRows; ++i)
      for (int j = 0; j < 4; ++j) out.blobs[i * 4 + j] = centres[i % 8][j] + 1.5 * rng.normal();
    const double beta[8] = {1, -0.8, 0.6, -0.4, 0.3, -0.2, 0.1, 0};
    out.features.resize(kRows * 8);
    out.churned.resize(kRows);
    for (std::size_t i = 0; i < kRows; ++i) {
      double eta = -0.5;
      for (int j = 0; j < 8; ++j) eta += beta[j] * (out.features[i * 8 + j] = rng.normal());
      out.churned[i] = rng.uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
    }
    return out;
  }();
  return d;
}

// Row-major rows as the core's column-major named table.
value::FeatureTable table_of(const std::vector<double>& rows, std::size_t p) {
  std::vector<double> cols(rows.size());
  std::vector<std::string> names;
  for (std::size_t j = 0; j < p; ++j) {
    names.push_back("f" + std::to_string(j));
    for (std::size_t i = 0; i < kRows; ++i) cols[j * kRows + i] = rows[i * p + j];
  }
  return value::make_feature_table(cols.data(), kRows, names);
}

void BM_KMeans_1M_x4_k8_ninit10(benchmark::State& state) {
  const value::FeatureTable t = table_of(data().blobs, 4);
  value::KMeansOptions o;
  o.k_min = o.k_max = 8;
  o.n_init = 10;
  o.scaling.scaling = value::Scaling::none;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const value::SegmentResult r = value::segment(t, o);
    benchmark::DoNotOptimize(r.inertia);
  }
}
// Silhouette is not part of scikit-learn's KMeans: with one k there is nothing to choose,
// but the result still reports a sampled silhouette (10,000 rows), included in the time.
BENCHMARK(BM_KMeans_1M_x4_k8_ninit10)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(false);

// Arg 0: threads; arg 1: 1 = with the training metrics (log-loss, AUC, lift: one sort of
// the rows), 0 = the fit alone, as scikit-learn's LogisticRegression.fit.
void BM_Churn_1M_x8(benchmark::State& state) {
  const value::FeatureTable t = table_of(data().features, 8);
  value::ChurnOptions o;
  o.l2 = 1;
  o.scaling.scaling = value::Scaling::none;
  o.threads = static_cast<int>(state.range(0));
  o.training_metrics = state.range(1) != 0;
  for (auto _ : state) {
    const value::ChurnFit f = value::fit_churn(t, data().churned.data(), o);
    benchmark::DoNotOptimize(f.model.coefficients().data());
  }
}
BENCHMARK(BM_Churn_1M_x8)->Args({1, 1})->Args({2, 1})->Args({1, 0})->Args({2, 0})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(3);

bool write_raw(const std::string& path, const std::vector<double>& v) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
  return static_cast<bool>(f);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-data") == 0) {
    const std::string dir = argv[2];
    const bool ok = write_raw(dir + "/blobs_1M_x4.f64", data().blobs) &&
                    write_raw(dir + "/features_1M_x8.f64", data().features) &&
                    write_raw(dir + "/churned_1M.f64", data().churned);
    if (!ok) std::fprintf(stderr, "cannot write the data under %s\n", dir.c_str());
    return ok ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
