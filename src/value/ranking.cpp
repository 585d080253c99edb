#include "crmkit/value/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void require_bins(int bins) {
  require(bins >= 2 && bins <= 9,
          "bins = " + std::to_string(bins) + ": must be in 2..9 (scores are one digit)");
}

// Scores are computed on a key where larger is always better: the value itself, or its
// negation for Better::lower. That keeps one code path for both directions.
inline double sign_of(Better better) { return better == Better::higher ? 1.0 : -1.0; }

// score = 1 + number of key thresholds passed (key >= t). One pass per threshold over the
// column keeps each loop branch-free and vectorisable.
void score_by_thresholds(const double* values, std::size_t n, Better better,
                         const std::vector<double>& thresholds, std::uint8_t* out) {
  const double sign = sign_of(better);
  std::fill(out, out + n, std::uint8_t{1});
  for (double t : thresholds) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(out[i] + (sign * values[i] >= t));
  }
}

// Key thresholds <-> caller cut points (see ScoreCuts). For Better::lower the key of c is
// -c and the order reverses, so the caller always sees increasing cuts in natural units.
std::vector<double> flip_for(Better better, std::vector<double> cuts) {
  if (better == Better::lower) {
    std::reverse(cuts.begin(), cuts.end());
    for (double& c : cuts) c = 0.0 - c;  // not -c: a cut of 0 stays +0.0
  }
  return cuts;
}

// Order-preserving encoding of a finite double as an unsigned integer: flip the sign bit of
// positives, all bits of negatives. -0.0 is folded into +0.0 first, so that keys are equal
// exactly when the doubles compare equal.
inline std::uint64_t encode(double v) {
  v += 0.0;
  std::uint64_t u;
  std::memcpy(&u, &v, sizeof u);
  return u >> 63 ? ~u : u | (std::uint64_t{1} << 63);
}

inline double decode(std::uint64_t u) {
  u = u >> 63 ? u & ~(std::uint64_t{1} << 63) : ~u;
  double v;
  std::memcpy(&v, &u, sizeof v);
  return v;
}

// LSD radix sort of keys, ascending: byte digits, all eight histograms in one pass, and a
// digit on which every key agrees is skipped. Integer-valued columns (days, purchase
// counts) only vary in their top three bytes and take three scatter passes, a continuous
// column eight; each is a sequential read and a scatter into 256 buckets (which measured
// faster than 11-bit digits on 10^7 keys). 8 bytes a key of scratch.
void radix_sort(std::vector<std::uint64_t>& keys) {
  constexpr int kBits = 8, kDigits = 64 / kBits;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = keys.size();
  std::vector<std::size_t> counts(kDigits * kBuckets, 0);
  for (std::uint64_t k : keys) {
    for (int d = 0; d < kDigits; ++d) ++counts[d * kBuckets + ((k >> (d * kBits)) & (kBuckets - 1))];
  }
  std::vector<std::uint64_t> scratch;
  for (int d = 0; d < kDigits; ++d) {
    std::size_t* count = &counts[d * kBuckets];
    const std::size_t digit_of_first = (keys.empty() ? 0 : keys[0] >> (d * kBits)) & (kBuckets - 1);
    if (count[digit_of_first] == n) continue;  // every key has this digit: order unchanged
    std::size_t offset = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      const std::size_t c = count[b];
      count[b] = offset;
      offset += c;
    }
    if (scratch.empty()) scratch.resize(n);
    for (std::uint64_t k : keys) scratch[count[(k >> (d * kBits)) & (kBuckets - 1)]++] = k;
    keys.swap(scratch);
  }
}

// Keys of the values, sorted ascending (sign = -1 sorts the values descending).
std::vector<std::uint64_t> sorted_keys(const double* values, std::size_t n, double sign) {
  std::vector<std::uint64_t> keys(n);
  for (std::size_t i = 0; i < n; ++i) keys[i] = encode(sign * values[i]);
  radix_sort(keys);
  return keys;
}

}  // namespace

void require_column(const double* values, std::size_t n, const char* name, Sign sign) {
  require(n > 0, std::string(name) + " is empty");
  require(values != nullptr, std::string(name) + " is null");
  for (std::size_t i = 0; i < n; ++i) {
    const double v = values[i];
    if (!std::isfinite(v)) {
      throw Error(ErrorCode::invalid_argument, std::string(name) + "[" + std::to_string(i) +
                                                   "] = " + std::to_string(v) +
                                                   ": must be finite");
    }
    if (sign == Sign::non_negative && v < 0) {
      throw Error(ErrorCode::invalid_argument, std::string(name) + "[" + std::to_string(i) +
                                                   "] = " + std::to_string(v) +
                                                   ": must be >= 0");
    }
  }
}

void require_size(std::size_t n, std::size_t expected, const char* name) {
  require(n == expected, std::string(name) + " has " + std::to_string(n) + " values, expected " +
                             std::to_string(expected));
}

ScoreCuts quantile_scores(const double* values, std::size_t n, int bins, Better better,
                          std::uint8_t* out, const char* name) {
  require_bins(bins);
  require_column(values, n, name);
  const auto b = static_cast<std::uint64_t>(bins);
  std::vector<double> thresholds;
  {
    const std::vector<std::uint64_t> keys = sorted_keys(values, n, sign_of(better));
    // The threshold between score s and s + 1 is the smallest key with at least s n / bins
    // keys strictly below it: the first key at or after sorted position ceil(s n / bins)
    // that starts a group of equal keys (+infinity when there is none).
    for (std::uint64_t s = 1; s < b; ++s) {
      const std::size_t first = static_cast<std::size_t>((s * n + b - 1) / b);
      if (first >= n) {  // fewer customers than bins: nobody reaches this score
        thresholds.push_back(kInf);
        continue;
      }
      const auto start = first == 0 || keys[first] != keys[first - 1]
                             ? keys.begin() + static_cast<std::ptrdiff_t>(first)
                             : std::upper_bound(keys.begin() + static_cast<std::ptrdiff_t>(first),
                                                keys.end(), keys[first]);
      thresholds.push_back(start == keys.end() ? kInf : decode(*start));
    }
  }  // the scratch keys go before the outputs are written
  score_by_thresholds(values, n, better, thresholds, out);
  return ScoreCuts{bins, flip_for(better, thresholds)};
}

ScoreCuts cut_scores(const double* values, std::size_t n, const std::vector<double>& cuts,
                     Better better, std::uint8_t* out, const char* name) {
  const int bins = static_cast<int>(cuts.size()) + 1;
  require(!cuts.empty() && bins <= 9, std::string(name) + " cuts: " + std::to_string(cuts.size()) +
                                          " given, need 1..8 (scores are one digit)");
  for (std::size_t j = 0; j < cuts.size(); ++j) {
    require(std::isfinite(cuts[j]),
            std::string(name) + " cuts[" + std::to_string(j) + "] must be finite");
    require_lazy(j == 0 || cuts[j] > cuts[j - 1], [&] {
      return std::string(name) + " cuts[" + std::to_string(j) + "] = " + std::to_string(cuts[j]) +
             " is not above cuts[" + std::to_string(j - 1) + "] = " + std::to_string(cuts[j - 1]) +
             ": cuts must be strictly increasing";
    });
  }
  require_column(values, n, name);
  score_by_thresholds(values, n, better, flip_for(better, cuts), out);
  return ScoreCuts{bins, cuts};
}

SortedValues::SortedValues(const double* values, std::size_t n, const char* name) {
  require_column(values, n, name);
  std::vector<std::uint64_t> keys = sorted_keys(values, n, -1.0);  // ascending -v = descending v
  desc_.resize(n);
  for (std::size_t i = 0; i < n; ++i) desc_[i] = 0.0 - decode(keys[i]);  // 0.0 - 0.0 is +0.0
  for (double v : desc_) total_ += v;
  if (!std::isfinite(total_)) {
    // Name the value at which the running total (in the caller's order) leaves the doubles.
    double running = 0;
    std::size_t i = 0;
    while (i + 1 < n && std::isfinite(running + values[i])) running += values[i++];
    throw Error(ErrorCode::invalid_argument,
                std::string(name) + "[" + std::to_string(i) + "] = " + std::to_string(values[i]) +
                    ": the total of " + name +
                    " exceeds the largest representable number (1.8e308); rescale them "
                    "(e.g. to thousands)");
  }
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
