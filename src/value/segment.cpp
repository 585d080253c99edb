#include "crmkit/value/segment.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"
#include "detail/archive_fields.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr const char* kSelectionNames[] = {"silhouette", "elbow"};
constexpr std::uint64_t kMaxArchivedCenters = 1u << 20;
constexpr int kMaxK = 1000;
// Rows per block of the silhouette's work sharing (fixed, so the sum order is too).
constexpr std::size_t kSilhouetteBlock = 256;

template <int P>
inline double sq_dist(const double* a, const double* b, std::size_t p_runtime) {
  const std::size_t p = P ? static_cast<std::size_t>(P) : p_runtime;
  double s = 0;
  for (std::size_t j = 0; j < p; ++j) {
    const double d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

// Nearest centre of every row: labels, squared distances; returns the inertia.
template <int P>
double nearest(const double* X, std::size_t n, std::size_t p, const double* C, int k, int* labels,
               double* d2) {
  double inertia = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double* x = X + i * p;
    int best = 0;
    double best_d = sq_dist<P>(x, C, p);
    for (int c = 1; c < k; ++c) {
      const double d = sq_dist<P>(x, C + static_cast<std::size_t>(c) * p, p);
      if (d < best_d) {
        best_d = d;
        best = c;
      }
    }
    labels[i] = best;
    d2[i] = best_d;
    inertia += best_d;
  }
  return inertia;
}

// The distance kernel unrolled for the common small feature counts.
double nearest_any(const double* X, std::size_t n, std::size_t p, const double* C, int k,
                   int* labels, double* d2) {
  switch (p) {
    case 2: return nearest<2>(X, n, p, C, k, labels, d2);
    case 3: return nearest<3>(X, n, p, C, k, labels, d2);
    case 4: return nearest<4>(X, n, p, C, k, labels, d2);
    case 5: return nearest<5>(X, n, p, C, k, labels, d2);
    case 6: return nearest<6>(X, n, p, C, k, labels, d2);
    case 8: return nearest<8>(X, n, p, C, k, labels, d2);
    default: return nearest<0>(X, n, p, C, k, labels, d2);
  }
}

std::size_t draw_index(detail::SplitMix64& rng, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(n)));
}

// Greedy k-means++: each new centre is the best (lowest potential) of 2 + ln k candidates
// drawn with probability proportional to the squared distance to the nearest centre so far.
// Per centre three passes over the rows: find the drawn candidates on the running sum, the
// potential of every candidate at once, then the new nearest distances.
std::vector<double> seed_centers(const double* X, std::size_t n, std::size_t p, int k,
                                 detail::SplitMix64& rng) {
  std::vector<double> C(static_cast<std::size_t>(k) * p);
  const std::size_t first = draw_index(rng, n);
  std::copy(X + first * p, X + first * p + p, C.begin());
  std::vector<double> closest(n);
  double potential = 0;
  for (std::size_t i = 0; i < n; ++i) potential += closest[i] = sq_dist<0>(X + i * p, C.data(), p);
  const std::size_t trials = 2 + static_cast<std::size_t>(std::log(static_cast<double>(k)));
  std::vector<double> targets(trials), pot(trials);
  std::vector<std::size_t> cand(trials);
  for (int c = 1; c < k; ++c) {
    if (!(potential > 0))
      throw Error(ErrorCode::invalid_argument,
                  "k = " + std::to_string(k) + " is more than the " + std::to_string(c) +
                      " distinct rows of the data (after scaling); choose a smaller k");
    // Draws in the order made (that order is kept for ties), found in one sorted walk.
    for (double& t : targets) t = rng.uniform() * potential;
    std::vector<std::size_t> by_target(trials);
    std::iota(by_target.begin(), by_target.end(), std::size_t{0});
    std::sort(by_target.begin(), by_target.end(),
              [&](std::size_t a, std::size_t b) { return targets[a] < targets[b]; });
    double running = 0;
    std::size_t next = 0, i = 0;
    for (; i < n && next < trials; ++i) {
      running += closest[i];
      while (next < trials && targets[by_target[next]] < running) cand[by_target[next++]] = i;
    }
    while (next < trials) cand[by_target[next++]] = n - 1;  // rounding at the very end
    std::fill(pot.begin(), pot.end(), 0.0);
    for (std::size_t r = 0; r < n; ++r) {
      const double* x = X + r * p;
      for (std::size_t t = 0; t < trials; ++t) pot[t] += std::min(closest[r], sq_dist<0>(x, X + cand[t] * p, p));
    }
    const std::size_t best = static_cast<std::size_t>(std::min_element(pot.begin(), pot.end()) - pot.begin());
    const double* centre = X + cand[best] * p;
    std::copy(centre, centre + p, C.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(c) * p));
    potential = 0;
    for (std::size_t r = 0; r < n; ++r) potential += closest[r] = std::min(closest[r], sq_dist<0>(X + r * p, centre, p));
  }
  return C;
}

struct Run {
  std::vector<double> centers;
  double inertia = 0;
  int iterations = 0;
  bool converged = false;
};

// Lloyd's iterations from k-means++ seeds; converged when no label changes or the centre
// shift is at most tol. The inertia is that of the final centres (one last assignment).
Run lloyd(const double* X, std::size_t n, std::size_t p, int k, std::uint64_t seed,
          int max_iterations, double tol) {
  detail::SplitMix64 rng(seed);
  Run run;
  run.centers = seed_centers(X, n, p, k, rng);
  std::vector<int> labels(n, -1), previous(n, -1);
  std::vector<double> d2(n), sums(static_cast<std::size_t>(k) * p);
  std::vector<std::size_t> counts(static_cast<std::size_t>(k));
  for (run.iterations = 1; run.iterations <= max_iterations; ++run.iterations) {
    nearest_any(X, n, p, run.centers.data(), k, labels.data(), d2.data());
    std::fill(sums.begin(), sums.end(), 0.0);
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t i = 0; i < n; ++i) {
      double* s = sums.data() + static_cast<std::size_t>(labels[i]) * p;
      const double* x = X + i * p;
      for (std::size_t j = 0; j < p; ++j) s[j] += x[j];
      ++counts[static_cast<std::size_t>(labels[i])];
    }
    double shift = 0;
    for (int c = 0; c < k; ++c) {
      double* centre = run.centers.data() + static_cast<std::size_t>(c) * p;
      const double* source;
      std::vector<double> mean(p);
      if (counts[c] > 0) {
        for (std::size_t j = 0; j < p; ++j) mean[j] = sums[c * p + j] / static_cast<double>(counts[c]);
        source = mean.data();
      } else {
        // An empty segment takes the row farthest from its centre (then not counted again).
        const std::size_t far = static_cast<std::size_t>(std::max_element(d2.begin(), d2.end()) - d2.begin());
        d2[far] = 0;
        source = X + far * p;
      }
      shift += sq_dist<0>(centre, source, p);
      std::copy(source, source + p, centre);
    }
    if (labels == previous || shift <= tol) {
      run.converged = true;
      break;
    }
    labels.swap(previous);
  }
  run.iterations = std::min(run.iterations, max_iterations);
  run.inertia = nearest_any(X, n, p, run.centers.data(), k, labels.data(), d2.data());
  return run;
}

// Silhouette over rows `rows` (indices into X); NaN when they hold fewer than 2 clusters.
double silhouette_of(const double* X, std::size_t p, const int* labels,
                     const std::vector<std::size_t>& rows, int threads) {
  int k = 0;
  for (std::size_t r : rows) k = std::max(k, labels[r] + 1);
  std::vector<std::size_t> counts(static_cast<std::size_t>(k));
  for (std::size_t r : rows) ++counts[static_cast<std::size_t>(labels[r])];
  if (std::count_if(counts.begin(), counts.end(), [](std::size_t c) { return c > 0; }) < 2)
    return std::numeric_limits<double>::quiet_NaN();
  const std::size_t m = rows.size();
  std::vector<double> s(m);
  const std::size_t blocks = (m + kSilhouetteBlock - 1) / kSilhouetteBlock;
  detail::run_tasks(blocks, detail::thread_count(threads), [&](std::size_t b) {
    std::vector<double> sum(static_cast<std::size_t>(k));
    for (std::size_t a = b * kSilhouetteBlock; a < std::min(m, (b + 1) * kSilhouetteBlock); ++a) {
      std::fill(sum.begin(), sum.end(), 0.0);
      const double* x = X + rows[a] * p;
      for (std::size_t r : rows) sum[static_cast<std::size_t>(labels[r])] += std::sqrt(sq_dist<0>(x, X + r * p, p));
      const std::size_t own = static_cast<std::size_t>(labels[rows[a]]);
      if (counts[own] == 1) {
        s[a] = 0;
        continue;
      }
      const double within = sum[own] / static_cast<double>(counts[own] - 1);
      double between = std::numeric_limits<double>::infinity();
      for (std::size_t c = 0; c < counts.size(); ++c)
        if (c != own && counts[c] > 0) between = std::min(between, sum[c] / static_cast<double>(counts[c]));
      const double denom = std::max(within, between);
      s[a] = denom > 0 ? (between - within) / denom : 0.0;
    }
  });
  return std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(m);
}

std::vector<std::size_t> sample_rows(std::size_t n, std::size_t sample, std::uint64_t seed) {
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  if (sample == 0 || sample >= n) return rows;
  detail::SplitMix64 rng(seed);
  for (std::size_t i = 0; i < sample; ++i) std::swap(rows[i], rows[i + draw_index(rng, n - i)]);
  rows.resize(sample);
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Index into ks of the elbow: the point farthest below the chord through the first and last
// (inertia normalised to [0, 1]); ties and flat curves give the smaller k.
std::size_t elbow_index(const std::vector<KScore>& scores) {
  const double first = scores.front().inertia, last = scores.back().inertia;
  const double range = first - last;
  std::size_t best = 0;
  double best_gap = 0;
  if (!(range > 0)) return 0;
  for (std::size_t i = 1; i + 1 < scores.size(); ++i) {
    const double x = static_cast<double>(i) / static_cast<double>(scores.size() - 1);
    const double y = (scores[i].inertia - last) / range;
    const double gap = (1.0 - x) - y;
    if (gap > best_gap) {
      best_gap = gap;
      best = i;
    }
  }
  return best;
}

std::uint64_t task_seed(std::uint64_t seed, int k, int restart) {
  detail::SplitMix64 mix(seed ^ (static_cast<std::uint64_t>(k) << 32) ^ static_cast<std::uint64_t>(restart));
  return mix.next();
}

void check_options(const KMeansOptions& o, std::size_t n) {
  require(o.k_min >= 1 && o.k_min <= o.k_max && o.k_max <= kMaxK,
          "k range " + std::to_string(o.k_min) + ".." + std::to_string(o.k_max) +
              " is not a range within 1.." + std::to_string(kMaxK));
  require(static_cast<std::size_t>(o.k_max) <= n,
          "k = " + std::to_string(o.k_max) + " is more than the " + std::to_string(n) + " rows");
  require(o.n_init >= 1, "n_init must be at least 1");
  require(o.max_iterations >= 1, "max_iterations must be at least 1");
  require(std::isfinite(o.tolerance) && o.tolerance >= 0, "tolerance must be finite and >= 0");
  require(o.threads >= 0, "threads must be >= 0 (0 = every core)");
  names(KSelection{}).check(static_cast<long long>(o.selection), "k selection");
}

}  // namespace

const NameTable& names(KSelection) {
  static constexpr NameTable kTable("k selection", kSelectionNames);
  return kTable;
}

KMeansModel::KMeansModel(FeatureScaler scaler, int k, std::vector<double> centers)
    : scaler_(std::move(scaler)), k_(k), centers_(std::move(centers)) {
  require(k >= 1 && centers_.size() == static_cast<std::size_t>(k) * scaler_.size(),
          "k-means model: centres must be k x features values");
  for (double c : centers_) require(std::isfinite(c), "k-means model: centres must be finite");
}

double KMeansModel::center(int c, std::size_t j) const {
  require(c >= 0 && c < k_ && j < scaler_.size(), "k-means model: centre index out of range");
  return scaler_.inverse(j, centers_[static_cast<std::size_t>(c) * scaler_.size() + j]);
}

std::vector<int> KMeansModel::assign(const FeatureTable& table) const {
  if (k_ == 0) throw Error(ErrorCode::invalid_state, "k-means model: not fitted");
  const std::vector<double> X = scaler_.transform(table);
  std::vector<int> labels(table.rows);
  std::vector<double> d2(table.rows);
  nearest_any(X.data(), table.rows, scaler_.size(), centers_.data(), k_, labels.data(), d2.data());
  return labels;
}

std::string KMeansModel::to_bytes() const { return io::to_bytes(*this); }
KMeansModel KMeansModel::from_bytes(const std::string& bytes) { return io::from_bytes<KMeansModel>(bytes); }
void KMeansModel::save(const std::string& path) const { io::save(path, *this); }
KMeansModel KMeansModel::load(const std::string& path) { return io::load<KMeansModel>(path); }

void KMeansModel::check_invariants() const {
  scaler_.check_invariants();
  if (k_ < 1 || k_ > kMaxK || centers_.size() != static_cast<std::size_t>(k_) * scaler_.size())
    throw Error(ErrorCode::corrupt_data, "k-means model: k and centres disagree");
  for (double c : centers_)
    if (!std::isfinite(c)) throw Error(ErrorCode::corrupt_data, "k-means model: a centre is not finite");
}

template <class Archive>
void KMeansModel::serialize(Archive& ar, unsigned /*version 1*/) {
  ar & scaler_;
  ar & k_;
  detail::numbers_field(ar, centers_, kMaxArchivedCenters, "centres");
}

CRMKIT_INSTANTIATE_SERIALIZE(KMeansModel)

double silhouette(const double* rows, std::size_t n, std::size_t p, const int* labels,
                  std::size_t sample, std::uint64_t seed, int threads) {
  require(rows != nullptr && labels != nullptr, "silhouette: null input");
  require(n >= 2 && p >= 1, "silhouette: needs at least 2 rows and 1 feature");
  for (std::size_t i = 0; i < n; ++i)
    require_lazy(labels[i] >= 0 && labels[i] <= kMaxK, [&] {
      return "silhouette: label of row " + std::to_string(i + 1) + " is " + std::to_string(labels[i]) +
             "; expected 0.." + std::to_string(kMaxK);
    });
  for (std::size_t i = 0; i < n * p; ++i)
    require_lazy(std::isfinite(rows[i]), [&] {
      return "silhouette: row " + std::to_string(i / p + 1) + " feature " + std::to_string(i % p + 1) +
             " is not finite";
    });
  const double s = silhouette_of(rows, p, labels, sample_rows(n, sample, seed), threads);
  require(!std::isnan(s), "silhouette: the (sampled) rows fall in fewer than 2 clusters");
  return s;
}

SegmentResult segment(const FeatureTable& all, const KMeansOptions& options) {
  check_options(options, all.rows);
  std::size_t value_at = 0;
  if (!options.value_column.empty()) value_at = all.index_of(options.value_column);
  const double* value = options.value_column.empty() ? nullptr : all.column(value_at);
  const FeatureTable selected = options.features.empty() ? FeatureTable{} : all.select(options.features);
  const FeatureTable& table = options.features.empty() ? all : selected;
  FeatureScaler scaler = FeatureScaler::fit(table, options.scaling);
  const std::vector<double> X = scaler.transform(table);
  const std::size_t n = table.rows, p = scaler.size();

  // Absolute tolerance: relative to the mean per-feature variance of the scaled data.
  double mean_var = 0;
  for (std::size_t j = 0; j < p; ++j) {
    double m = 0, ss = 0;
    for (std::size_t i = 0; i < n; ++i) m += X[i * p + j];
    m /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) ss += (X[i * p + j] - m) * (X[i * p + j] - m);
    mean_var += ss / static_cast<double>(n);
  }
  const double tol = options.tolerance * mean_var / static_cast<double>(p);

  const int ks = options.k_max - options.k_min + 1;
  const std::size_t tasks = static_cast<std::size_t>(ks) * static_cast<std::size_t>(options.n_init);
  std::vector<Run> runs(tasks);
  const unsigned threads = detail::thread_count(options.threads);
  detail::run_tasks(tasks, threads, [&](std::size_t t) {
    const int k = options.k_min + static_cast<int>(t / static_cast<std::size_t>(options.n_init));
    const int restart = static_cast<int>(t % static_cast<std::size_t>(options.n_init));
    runs[t] = lloyd(X.data(), n, p, k, task_seed(options.seed, k, restart), options.max_iterations, tol);
  });

  const std::vector<std::size_t> sampled = sample_rows(n, options.silhouette_sample, options.seed);
  SegmentResult result;
  std::vector<std::vector<int>> labels(static_cast<std::size_t>(ks));
  std::vector<const Run*> best(static_cast<std::size_t>(ks));
  std::vector<double> d2(n);
  for (int ki = 0; ki < ks; ++ki) {
    const Run* b = &runs[static_cast<std::size_t>(ki) * options.n_init];
    for (int r = 1; r < options.n_init; ++r) {
      const Run& run = runs[static_cast<std::size_t>(ki) * options.n_init + r];
      if (run.inertia < b->inertia) b = &run;
    }
    best[ki] = b;
    const int k = options.k_min + ki;
    labels[ki].resize(n);
    nearest_any(X.data(), n, p, b->centers.data(), k, labels[ki].data(), d2.data());
    const double s = k >= 2 ? silhouette_of(X.data(), p, labels[ki].data(), sampled, options.threads)
                            : std::numeric_limits<double>::quiet_NaN();
    result.scores.push_back(KScore{k, b->inertia, s, b->iterations, b->converged});
  }

  std::size_t chosen = 0;
  if (options.selection == KSelection::elbow) {
    chosen = elbow_index(result.scores);
  } else {
    for (std::size_t i = 1; i < result.scores.size(); ++i)
      if (result.scores[i].silhouette > result.scores[chosen].silhouette) chosen = i;
  }
  const int k = result.scores[chosen].k;

  // Segments numbered by size, largest first (ties: the fit's order).
  std::vector<std::size_t> counts(static_cast<std::size_t>(k));
  for (int l : labels[chosen]) ++counts[static_cast<std::size_t>(l)];
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts[a] > counts[b]; });
  std::vector<int> rank(static_cast<std::size_t>(k));
  std::vector<double> centers(static_cast<std::size_t>(k) * p);
  for (int r = 0; r < k; ++r) {
    rank[order[r]] = r;
    std::copy_n(best[chosen]->centers.begin() + static_cast<std::ptrdiff_t>(order[r] * p), p,
                centers.begin() + static_cast<std::ptrdiff_t>(r * p));
  }
  result.labels = std::move(labels[chosen]);
  for (int& l : result.labels) l = rank[static_cast<std::size_t>(l)];
  result.inertia = result.scores[chosen].inertia;
  result.silhouette = result.scores[chosen].silhouette;

  result.profiles.resize(static_cast<std::size_t>(k));
  double value_total = 0;
  for (auto& prof : result.profiles) prof.mean.assign(p, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    SegmentProfile& prof = result.profiles[static_cast<std::size_t>(result.labels[i])];
    ++prof.size;
    for (std::size_t j = 0; j < p; ++j) prof.mean[j] += table.column(j)[i];
    if (value) {
      prof.value_share += value[i];
      value_total += value[i];
    }
  }
  for (auto& prof : result.profiles) {
    for (double& m : prof.mean) m /= static_cast<double>(prof.size);
    prof.share = static_cast<double>(prof.size) / static_cast<double>(n);
    prof.value_share = !value || value_total == 0
                           ? std::numeric_limits<double>::quiet_NaN()
                           : prof.value_share / value_total;
  }
  result.model = KMeansModel(std::move(scaler), k, std::move(centers));
  return result;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
