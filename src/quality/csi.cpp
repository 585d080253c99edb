#include "crmkit/quality/csi.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "crmkit/error.hpp"
#include "detail/quantile.hpp"
#include "detail/random.hpp"
#include "quality/item_stats.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace {

constexpr std::size_t kMaxResamples = 10'000'000;
// Consecutive resamples missing an item before giving up: with an item answered by one
// respondent in n, a resample misses it with probability (1 - 1/n)^n < 0.37, so 1000 in
// a row mean the data cannot support a bootstrap, not bad luck.
constexpr int kMaxRedraws = 1000;

std::vector<double> normalised_weights(const CsiOptions& o, std::size_t items) {
  if (o.weights.empty()) return std::vector<double>(items, 1.0 / static_cast<double>(items));
  require(o.weights.size() == items, "CSI weights: " + std::to_string(o.weights.size()) +
                                         " given for " + std::to_string(items) + " items");
  double total = 0;
  for (std::size_t i = 0; i < items; ++i) {
    const double w = o.weights[i];
    require(std::isfinite(w) && w >= 0, "CSI weight of item " + std::to_string(i) +
                                            " (0-based) must be finite and >= 0");
    total += w;
  }
  require(total > 0, "CSI weights are all 0");
  std::vector<double> w(o.weights);
  for (double& x : w) x /= total;
  return w;
}

double index_of(const std::vector<double>& means, const std::vector<double>& w, const Scale& s) {
  double weighted = 0;
  for (std::size_t i = 0; i < means.size(); ++i) weighted += w[i] * means[i];
  return (weighted - s.min) / s.range() * 100;
}

struct Interval {
  double lower = NAN, upper = NAN;
};

Interval percentile_interval(std::vector<double> values, double level) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  return {crmkit::detail::quantile(values, (1 - level) / 2), crmkit::detail::quantile(values, (1 + level) / 2)};
}

// The index and the bootstrap replicates of it.
struct Bootstrapped {
  CsiResult result;
  std::vector<double> replicates;
};

Bootstrapped bootstrap_csi(const Answers& a, const CsiOptions& o, std::uint64_t seed) {
  require(a.items >= 1, "CSI: no items");
  detail::require_on_scale(a, o.scale, "CSI answers");
  require(o.level > 0 && o.level < 1, "CSI confidence level must lie in (0, 1)");
  require(o.resamples <= kMaxResamples, "CSI resamples: " + std::to_string(o.resamples) +
                                            "; at most " + std::to_string(kMaxResamples));
  Bootstrapped b;
  CsiResult& r = b.result;
  r.weights = normalised_weights(o, a.items);
  r.item_mean = detail::item_means(a, "CSI answers");
  r.index = index_of(r.item_mean, r.weights, o.scale);
  r.respondents = a.respondents;

  crmkit::detail::SplitMix64 rng(seed);
  std::vector<double> sum(a.items), means(a.items);
  std::vector<std::size_t> count(a.items);
  const double n = static_cast<double>(a.respondents);
  b.replicates.reserve(o.resamples);
  int redraws = 0;
  while (b.replicates.size() < o.resamples) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t draw = 0; draw < a.respondents; ++draw) {
      const auto row = std::min(static_cast<std::size_t>(rng.uniform() * n), a.respondents - 1);
      const double* x = a.data + row * a.items;
      for (std::size_t i = 0; i < a.items; ++i)
        if (!std::isnan(x[i])) sum[i] += x[i], ++count[i];
    }
    const bool complete = std::find(count.begin(), count.end(), 0) == count.end();
    if (!complete) {
      require(++redraws < kMaxRedraws, "CSI bootstrap: an item is answered too rarely for "
                                       "resamples to contain an answer to it");
      continue;
    }
    redraws = 0;
    for (std::size_t i = 0; i < a.items; ++i) means[i] = sum[i] / static_cast<double>(count[i]);
    b.replicates.push_back(index_of(means, r.weights, o.scale));
  }
  const Interval ci = percentile_interval(b.replicates, o.level);
  r.lower = ci.lower;
  r.upper = ci.upper;
  return b;
}

}  // namespace

CsiResult csi(const Answers& answers, const CsiOptions& options) {
  return bootstrap_csi(answers, options, options.seed).result;
}

std::vector<CsiWave> csi_tracking(const std::vector<Answers>& waves, const CsiOptions& options) {
  require(!waves.empty(), "CSI tracking: no waves");
  std::vector<CsiWave> out;
  std::vector<double> previous;
  for (std::size_t w = 0; w < waves.size(); ++w) {
    require(waves[w].items == waves[0].items,
            "wave " + std::to_string(w) + " has " + std::to_string(waves[w].items) +
                " items; wave 0 has " + std::to_string(waves[0].items));
    Bootstrapped b;
    try {
      b = bootstrap_csi(waves[w], options, options.seed + w);
    } catch (const Error& e) {
      throw Error(e.code(), "wave " + std::to_string(w) + ": " + e.what());
    }
    CsiWave wave{b.result, NAN, NAN, NAN};
    if (w > 0) {
      wave.change = b.result.index - out.back().csi.index;
      std::vector<double> diff(b.replicates.size());
      for (std::size_t i = 0; i < diff.size(); ++i) diff[i] = b.replicates[i] - previous[i];
      const Interval ci = percentile_interval(diff, options.level);
      wave.change_lower = ci.lower;
      wave.change_upper = ci.upper;
    }
    previous = std::move(b.replicates);
    out.push_back(std::move(wave));
  }
  return out;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
