#include "crmkit/decision/rank.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>
#include <utility>

#include "crmkit/error.hpp"
#include "decision/labels.hpp"
#include "decision/scorer.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

using detail::check_names;
using detail::label;
using detail::num;

namespace {

// PROMETHEE's preference P(d) for a difference d in the criterion's direction.
double preference(const PreferenceCriterion& c, double d) {
  if (d <= 0) return 0;
  switch (c.function) {
    case PreferenceFunction::usual: return 1;
    case PreferenceFunction::u_shape: return d > c.q ? 1 : 0;
    case PreferenceFunction::v_shape: return d >= c.p ? 1 : d / c.p;
    case PreferenceFunction::level: return d > c.p ? 1 : d > c.q ? 0.5 : 0;
    case PreferenceFunction::linear: return d > c.p ? 1 : d > c.q ? (d - c.q) / (c.p - c.q) : 0;
    case PreferenceFunction::gaussian: return 1 - std::exp(-d * d / (2 * c.s * c.s));
  }
  return 0;
}

// A score as an unsigned key with the same order (the IEEE bit pattern, sign-folded), and back.
std::uint64_t sortable(double d) {
  std::uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return (u >> 63) ? ~u : (u | 0x8000000000000000ull);
}
double unsortable(std::uint64_t u) {
  u = (u >> 63) ? (u & 0x7FFFFFFFFFFFFFFFull) : ~u;
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

struct Keyed {
  std::uint64_t key;
  std::uint32_t index;
};

// Stable LSD radix sort on the 64-bit keys, 16 bits a pass, the four digit counts taken in
// one read; a pass whose digit is the same for every key (high digits of scores in a narrow
// range) is skipped. A million scores in about a third of std::sort's time
// (benchmarks/bench_decision.cpp); equal keys keep their index order.
void radix_sort(std::vector<Keyed>& a) {
  // The counts cost 2 MB to clear: small inputs (the Monte Carlo draws) sort by comparison.
  if (a.size() < 16384) {
    std::sort(a.begin(), a.end(), [](const Keyed& x, const Keyed& y) {
      return x.key < y.key || (x.key == y.key && x.index < y.index);
    });
    return;
  }
  constexpr int kBits = 16, kPasses = 4;
  constexpr std::size_t kMask = (std::size_t{1} << kBits) - 1;
  std::vector<std::size_t> count(kPasses * (kMask + 1), 0);
  for (const Keyed& k : a)
    for (int p = 0; p < kPasses; ++p) ++count[p * (kMask + 1) + ((k.key >> (p * kBits)) & kMask)];
  std::vector<Keyed> tmp;
  for (int p = 0; p < kPasses; ++p) {
    std::size_t* c = count.data() + p * (kMask + 1);
    const int shift = p * kBits;
    if (c[(a[0].key >> shift) & kMask] == a.size()) continue;
    std::size_t sum = 0;
    for (std::size_t d = 0; d <= kMask; ++d) sum += std::exchange(c[d], sum);
    tmp.resize(a.size());
    for (const Keyed& k : a) tmp[c[(k.key >> shift) & kMask]++] = k;
    a.swap(tmp);
  }
}

}  // namespace

const NameTable& names(Direction) {
  static const char* const n[] = {"benefit", "cost"};
  static const NameTable table("criterion direction", n);
  return table;
}

const NameTable& names(RankMethod) {
  static const char* const n[] = {"wsm", "wpm", "waspas", "topsis", "vikor", "promethee"};
  static const NameTable table("ranking method", n);
  return table;
}

const NameTable& names(Normalization) {
  static const char* const n[] = {"auto", "vector", "minmax", "max"};
  static const NameTable table("normalization", n);
  return table;
}

const NameTable& names(PreferenceFunction) {
  static const char* const n[] = {"usual", "u-shape", "v-shape", "level", "linear", "gaussian"};
  static const NameTable table("preference function", n);
  return table;
}

std::string DecisionMatrix::alternative_label(std::size_t i) const {
  return label("alternative", alternative_names, i);
}

std::string DecisionMatrix::criterion_label(std::size_t j) const {
  return label("criterion", criterion_names, j);
}

void validate(const DecisionMatrix& m) {
  require(m.alternatives >= 2, "a decision needs at least two alternatives (got " +
                                   std::to_string(m.alternatives) + ")");
  require(m.criteria >= 1, "a decision needs at least one criterion");
  require(m.alternatives <= std::numeric_limits<std::uint32_t>::max() &&
              m.alternatives <= m.values.max_size() / m.criteria,
          "the decision matrix is too large (" + std::to_string(m.alternatives) + " x " +
              std::to_string(m.criteria) + ")");
  require(m.values.size() == m.alternatives * m.criteria,
          "the decision matrix has " + std::to_string(m.values.size()) + " values; " +
              std::to_string(m.alternatives) + " alternatives x " + std::to_string(m.criteria) +
              " criteria need " + std::to_string(m.alternatives * m.criteria));
  if (!m.directions.empty()) {
    require(m.directions.size() == m.criteria, std::to_string(m.directions.size()) +
                                                   " directions for " + std::to_string(m.criteria) +
                                                   " criteria");
    for (std::size_t j = 0; j < m.criteria; ++j)
      names(Direction{}).check(static_cast<long long>(m.directions[j]),
                               ("direction of " + m.criterion_label(j)).c_str());
  }
  check_names(m.alternative_names, m.alternatives, "alternative");
  check_names(m.criterion_names, m.criteria, "criterion");
  for (std::size_t k = 0; k < m.values.size(); ++k) {
    if (!std::isfinite(m.values[k]))
      throw Error(ErrorCode::invalid_argument,
                  m.alternative_label(k / m.criteria) + ", " + m.criterion_label(k % m.criteria) +
                      ": value is " + num(m.values[k]) + "; every cell must be a finite number");
  }
}

void validate_weights(const DecisionMatrix& m, const std::vector<double>& w) {
  require(w.size() == m.criteria, std::to_string(w.size()) + " weights for " +
                                      std::to_string(m.criteria) + " criteria");
  double sum = 0;
  for (std::size_t j = 0; j < w.size(); ++j) {
    require(std::isfinite(w[j]) && w[j] >= 0, "weight of " + m.criterion_label(j) + " is " +
                                                   num(w[j]) + "; weights must be finite and >= 0");
    sum += w[j];
  }
  require(std::fabs(sum - 1) <= kWeightSumTolerance,
          "weights sum to " + num(sum) + ", " + num(std::fabs(sum - 1)) +
              (sum < 1 ? " short of 1" : " over 1") + " (tolerance " + num(kWeightSumTolerance) + ")");
}

Normalization validate_options(const DecisionMatrix& m, const RankOptions& o) {
  names(RankMethod{}).check(static_cast<long long>(o.method), "method");
  names(Normalization{}).check(static_cast<long long>(o.normalization), "normalization");
  const char* method = name_of(o.method);
  const Normalization n = o.normalization;
  const auto refuse = [&](const char* allowed) {
    throw Error(ErrorCode::invalid_argument, std::string("normalization '") + name_of(n) +
                                                 "' does not apply to " + method + " (" + allowed + ")");
  };
  if (o.method != RankMethod::promethee)
    require(o.preferences.empty(), std::string("preference functions apply to promethee, not ") + method);
  switch (o.method) {
    case RankMethod::wsm:
      if (n == Normalization::vector) refuse("use max or minmax");
      return n == Normalization::automatic ? Normalization::max : n;
    case RankMethod::wpm:
    case RankMethod::waspas:
      if (n != Normalization::automatic && n != Normalization::max)
        refuse("it multiplies ratios to the best value: use max");
      if (o.method == RankMethod::waspas)
        require(o.waspas_lambda >= 0 && o.waspas_lambda <= 1,
                "WASPAS lambda is " + num(o.waspas_lambda) + "; it must be within 0..1");
      return Normalization::max;
    case RankMethod::topsis:
      if (n == Normalization::max) refuse("use vector or minmax");
      return n == Normalization::automatic ? Normalization::vector : n;
    case RankMethod::vikor:
      if (n != Normalization::automatic) refuse("VIKOR scales each criterion by its best and worst value");
      require(o.vikor_v >= 0 && o.vikor_v <= 1, "VIKOR v is " + num(o.vikor_v) + "; it must be within 0..1");
      return n;
    case RankMethod::promethee:
      break;
  }
  if (n != Normalization::automatic) refuse("PROMETHEE compares raw differences with thresholds");
  const std::vector<PreferenceCriterion>& pref = o.preferences;
  if (pref.empty()) return n;
  require(pref.size() == m.criteria, std::to_string(pref.size()) + " preference functions for " +
                                         std::to_string(m.criteria) + " criteria");
  for (std::size_t j = 0; j < m.criteria; ++j) {
    const PreferenceCriterion& c = pref[j];
    const char* fname = names(PreferenceFunction{}).name(static_cast<std::size_t>(c.function));
    const std::string where = "preference function of " + m.criterion_label(j) + " (" + (fname ? fname : "?") + ")";
    names(PreferenceFunction{}).check(static_cast<long long>(c.function), where.c_str());
    require(std::isfinite(c.q) && std::isfinite(c.p) && std::isfinite(c.s), where + ": thresholds must be finite");
    switch (c.function) {
      case PreferenceFunction::usual: break;
      case PreferenceFunction::u_shape: require(c.q >= 0, where + ": q is " + num(c.q) + "; it must be >= 0"); break;
      case PreferenceFunction::v_shape: require(c.p > 0, where + ": p is " + num(c.p) + "; it must be > 0"); break;
      case PreferenceFunction::level:
      case PreferenceFunction::linear:
        require(c.q >= 0 && c.p > c.q, where + ": needs 0 <= q < p (q is " + num(c.q) + ", p is " + num(c.p) + ")");
        break;
      case PreferenceFunction::gaussian: require(c.s > 0, where + ": s is " + num(c.s) + "; it must be > 0"); break;
    }
  }
  return n;
}

std::vector<std::size_t> ranks_of(const std::vector<double>& scores, bool lower_is_better,
                                  std::vector<std::size_t>* order) {
  const std::size_t n = scores.size();
  require(n <= std::numeric_limits<std::uint32_t>::max(), "too many scores to rank");
  if (n == 0) return {};
  std::vector<Keyed> keyed(n);
  for (std::size_t i = 0; i < n; ++i) {
    require_lazy(std::isfinite(scores[i]), [&] { return "score " + std::to_string(i) + " (0-based) is " + num(scores[i]); });
    // + 0.0 turns -0.0 into 0.0, which the bit pattern would otherwise put first.
    keyed[i] = {sortable((lower_is_better ? scores[i] : -scores[i]) + 0.0), static_cast<std::uint32_t>(i)};
  }
  radix_sort(keyed);
  // Groups from the best down (see the header); within a group the order is by index, not
  // by the differences the tolerance ignores (groups are mostly of one: cheap).
  std::vector<std::size_t> ranks(n);
  if (order != nullptr) order->resize(n);
  std::size_t start = 0;
  double leader = 0;
  const auto close_group = [&](std::size_t end) {
    if (order != nullptr && end - start > 1) std::sort(order->begin() + start, order->begin() + end);
  };
  for (std::size_t r = 0; r < n; ++r) {
    const double k = unsortable(keyed[r].key);
    if (r == 0 || k - leader > kTieTolerance * std::max({1.0, std::fabs(k), std::fabs(leader)})) {
      close_group(r);
      start = r;
      leader = k;
    }
    ranks[keyed[r].index] = start + 1;
    if (order != nullptr) (*order)[r] = keyed[r].index;
  }
  close_group(n);
  return ranks;
}

namespace detail {

Scorer::Scorer(const DecisionMatrix& matrix, const RankOptions& options) : m_(matrix), o_(options) {
  validate(m_);
  o_.normalization = validate_options(m_, o_);
  switch (o_.method) {
    case RankMethod::wsm:
      if (o_.normalization == Normalization::max) prepare_ratio(false, true);
      else prepare_minmax();
      break;
    case RankMethod::wpm: prepare_ratio(true, false); break;
    case RankMethod::waspas: prepare_ratio(true, true); break;
    case RankMethod::topsis: prepare_topsis(); break;
    case RankMethod::vikor: prepare_vikor(); break;
    case RankMethod::promethee: prepare_promethee(); break;
  }
}

void Scorer::fail_cell(std::size_t i, std::size_t j, const std::string& what) const {
  throw Error(ErrorCode::invalid_argument,
              m_.alternative_label(i) + ", " + m_.criterion_label(j) + " (" +
                  name_of(m_.is_cost(j) ? Direction::cost : Direction::benefit) + "): " + what);
}

// max normalisation: benefit x / max_j, cost min_j / x; `plain` keeps the ratios (a_),
// `logs` their logarithms (b_, -inf for a benefit of 0).
void Scorer::prepare_ratio(bool logs, bool plain) {
  const std::size_t n = m_.alternatives, k = m_.criteria;
  const char* method = name_of(o_.method);
  std::vector<double> ref(k);
  for (std::size_t j = 0; j < k; ++j) {
    const bool cost = m_.is_cost(j);
    double r = cost ? std::numeric_limits<double>::infinity() : 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = m_(i, j);
      if (cost && x <= 0)
        fail_cell(i, j, num(x) + "; " + method + " divides by costs (min / x), so they must be positive");
      if (!cost && x < 0)
        fail_cell(i, j, num(x) + "; " + method + " takes ratios to the largest value, so benefits must be >= 0 (use minmax or another method)");
      r = cost ? std::min(r, x) : std::max(r, x);
    }
    if (!cost && r <= 0)
      throw Error(ErrorCode::invalid_argument, m_.criterion_label(j) + " is 0 for every alternative; " +
                                                   method + " divides by its largest value");
    ref[j] = r;
  }
  if (plain) a_.resize(n * k);
  if (logs) b_.resize(n * k);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      const double ratio = m_.is_cost(j) ? ref[j] / m_(i, j) : m_(i, j) / ref[j];
      if (plain) a_[i * k + j] = ratio;
      if (logs) b_[i * k + j] = std::log(ratio);
    }
}

void Scorer::prepare_minmax() {
  const std::size_t n = m_.alternatives, k = m_.criteria;
  a_.resize(n * k);
  for (std::size_t j = 0; j < k; ++j) {
    double lo = m_(0, j), hi = lo;
    for (std::size_t i = 1; i < n; ++i) lo = std::min(lo, m_(i, j)), hi = std::max(hi, m_(i, j));
    if (!(hi > lo))
      throw Error(ErrorCode::invalid_argument,
                  m_.criterion_label(j) + " is constant (" + num(lo) +
                      " for every alternative): minmax normalisation divides by max - min = 0; "
                      "drop the criterion, it cannot tell the alternatives apart");
    const bool cost = m_.is_cost(j);
    for (std::size_t i = 0; i < n; ++i)
      a_[i * k + j] = cost ? (hi - m_(i, j)) / (hi - lo) : (m_(i, j) - lo) / (hi - lo);
  }
}

// TOPSIS needs no normalised copy: with r_ij = x_ij / s_j the weighted distance to the ideal
// is sqrt(sum_j (w_j / s_j)^2 (x_ij - best_j)^2) on the raw values (s_j the column norm, or
// its range under minmax, where the folded ideal 1 and anti-ideal 0 are the raw best and
// worst values). One pass over the matrix gathers the column figures.
void Scorer::prepare_topsis() {
  const std::size_t n = m_.alternatives, k = m_.criteria;
  std::vector<double> lo(m_.values.begin(), m_.values.begin() + k), hi = lo, squares(k, 0.0);
  const double* x = m_.values.data();
  for (std::size_t i = 0; i < n; ++i, x += k)
    for (std::size_t j = 0; j < k; ++j) {
      lo[j] = std::min(lo[j], x[j]);
      hi[j] = std::max(hi[j], x[j]);
      squares[j] += x[j] * x[j];
    }
  scale_.resize(k), best_.resize(k), worst_.resize(k);
  for (std::size_t j = 0; j < k; ++j) {
    if (o_.normalization == Normalization::minmax) {
      if (!(hi[j] > lo[j]))
        throw Error(ErrorCode::invalid_argument,
                    m_.criterion_label(j) + " is constant (" + num(lo[j]) +
                        " for every alternative): minmax normalisation divides by max - min = 0; "
                        "drop the criterion or use vector normalisation");
      scale_[j] = hi[j] - lo[j];
    } else {
      scale_[j] = std::sqrt(squares[j]);
      if (!(scale_[j] > 0))
        throw Error(ErrorCode::invalid_argument,
                    m_.criterion_label(j) + " is 0 for every alternative: vector normalisation divides by the column's norm");
    }
    best_[j] = m_.is_cost(j) ? lo[j] : hi[j];
    worst_[j] = m_.is_cost(j) ? hi[j] : lo[j];
  }
}

// VIKOR's regrets (f*_j - f_ij) / (f*_j - f-_j) with f* the best and f- the worst value; a
// constant criterion cannot separate the alternatives and contributes 0.
void Scorer::prepare_vikor() {
  const std::size_t n = m_.alternatives, k = m_.criteria;
  a_.assign(n * k, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    double lo = m_(0, j), hi = lo;
    for (std::size_t i = 1; i < n; ++i) lo = std::min(lo, m_(i, j)), hi = std::max(hi, m_(i, j));
    if (!(hi > lo)) continue;
    const double best = m_.is_cost(j) ? lo : hi;
    for (std::size_t i = 0; i < n; ++i) a_[i * k + j] = std::fabs(best - m_(i, j)) / (hi - lo);
  }
}

// PROMETHEE II: per criterion, the leaving flow phi+_j(a) = sum_b P_j(a, b) / (n - 1), the
// entering flow phi-_j(a) = sum_b P_j(b, a) / (n - 1) and the net flow phi_j = phi+_j - phi-_j;
// the weighted flows are then linear in the weights. O(n^2 k), so the alternatives are capped.
void Scorer::prepare_promethee() {
  constexpr std::size_t kMaxAlternatives = 5000;
  const std::size_t n = m_.alternatives, k = m_.criteria;
  require(n <= kMaxAlternatives, "PROMETHEE compares every pair of alternatives: at most " +
                                     std::to_string(kMaxAlternatives) + " (got " + std::to_string(n) + ")");
  std::vector<PreferenceCriterion>& pref = o_.preferences;
  if (pref.empty()) pref.resize(k);  // usual criteria
  a_.assign(n * k, 0.0), b_.assign(n * k, 0.0), c_.assign(n * k, 0.0);
  const double share = 1.0 / static_cast<double>(n - 1);
  for (std::size_t j = 0; j < k; ++j) {
    const double sign = m_.is_cost(j) ? -1 : 1;
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) {
        const double d = sign * (m_(a, j) - m_(b, j));
        const double ab = preference(pref[j], d) * share, ba = preference(pref[j], -d) * share;
        b_[a * k + j] += ab, c_[b * k + j] += ab;
        b_[b * k + j] += ba, c_[a * k + j] += ba;
      }
    for (std::size_t a = 0; a < n; ++a) a_[a * k + j] = b_[a * k + j] - c_[a * k + j];
  }
}

void Scorer::score(const double* w, double* out, RankResult* detail) const {
  const std::size_t n = m_.alternatives, k = m_.criteria;
  const auto weighted = [&](const std::vector<double>& table, std::size_t i) {
    double s = 0;
    for (std::size_t j = 0; j < k; ++j) s += w[j] * table[i * k + j];
    return s;
  };
  // WPM's exponent: criteria of weight 0 are skipped (a benefit of 0 has log -inf).
  const auto product = [&](std::size_t i) {
    double s = 0;
    for (std::size_t j = 0; j < k; ++j)
      if (w[j] > 0) s += w[j] * b_[i * k + j];
    return std::exp(s);
  };
  switch (o_.method) {
    case RankMethod::wsm:
      for (std::size_t i = 0; i < n; ++i) out[i] = weighted(a_, i);
      break;
    case RankMethod::wpm:
      for (std::size_t i = 0; i < n; ++i) out[i] = product(i);
      break;
    case RankMethod::waspas: {
      if (detail) detail->wsm.resize(n), detail->wpm.resize(n);
      const double lambda = o_.waspas_lambda;
      for (std::size_t i = 0; i < n; ++i) {
        const double sum = weighted(a_, i), prod = product(i);
        out[i] = lambda * sum + (1 - lambda) * prod;
        if (detail) detail->wsm[i] = sum, detail->wpm[i] = prod;
      }
      break;
    }
    case RankMethod::topsis: {
      double factor[64];
      std::vector<double> many;
      double* f = k <= 64 ? factor : (many.resize(k), many.data());
      for (std::size_t j = 0; j < k; ++j) f[j] = (w[j] / scale_[j]) * (w[j] / scale_[j]);
      if (detail) detail->distance_best.resize(n), detail->distance_worst.resize(n);
      const double* x = m_.values.data();
      for (std::size_t i = 0; i < n; ++i, x += k) {
        double plus = 0, minus = 0;
        for (std::size_t j = 0; j < k; ++j) {
          const double db = x[j] - best_[j], dw = x[j] - worst_[j];
          plus += f[j] * db * db;
          minus += f[j] * dw * dw;
        }
        plus = std::sqrt(plus), minus = std::sqrt(minus);
        // Both 0 only when every weighted criterion is constant: all alternatives tie.
        out[i] = plus + minus > 0 ? minus / (plus + minus) : 0.5;
        if (detail) detail->distance_best[i] = plus, detail->distance_worst[i] = minus;
      }
      break;
    }
    case RankMethod::vikor: {
      std::vector<double> s(n), r(n);
      for (std::size_t i = 0; i < n; ++i) {
        double sum = 0, worst = 0;
        for (std::size_t j = 0; j < k; ++j) {
          const double g = w[j] * a_[i * k + j];
          sum += g;
          worst = std::max(worst, g);
        }
        s[i] = sum, r[i] = worst;
      }
      const auto [s_lo, s_hi] = std::minmax_element(s.begin(), s.end());
      const auto [r_lo, r_hi] = std::minmax_element(r.begin(), r.end());
      const double ds = *s_hi - *s_lo, dr = *r_hi - *r_lo, v = o_.vikor_v;
      // A spread of 0 means every alternative is equal on that measure: its term is 0.
      for (std::size_t i = 0; i < n; ++i)
        out[i] = (ds > 0 ? v * (s[i] - *s_lo) / ds : 0) + (dr > 0 ? (1 - v) * (r[i] - *r_lo) / dr : 0);
      if (detail) detail->vikor_s = std::move(s), detail->vikor_r = std::move(r);
      break;
    }
    case RankMethod::promethee:
      if (detail) detail->phi_plus.resize(n), detail->phi_minus.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        out[i] = weighted(a_, i);
        if (detail) detail->phi_plus[i] = weighted(b_, i), detail->phi_minus[i] = weighted(c_, i);
      }
      break;
  }
}

RankResult Scorer::result(const std::vector<double>& weights) const {
  validate_weights(m_, weights);
  RankResult r;
  r.method = o_.method;
  r.normalization = o_.normalization;
  r.lower_is_better = lower_is_better();
  r.scores.resize(m_.alternatives);
  score(weights.data(), r.scores.data(), &r);
  r.ranks = ranks_of(r.scores, r.lower_is_better, &r.order);
  if (o_.method != RankMethod::vikor) return r;

  // VIKOR's conditions on the best two by Q.
  const std::size_t first = r.order[0], second = r.order[1];
  const double dq = 1.0 / static_cast<double>(m_.alternatives - 1);
  r.acceptable_advantage = r.scores[second] - r.scores[first] >= dq - kTieTolerance;
  const std::vector<std::size_t> by_s = ranks_of(r.vikor_s, true), by_r = ranks_of(r.vikor_r, true);
  r.acceptable_stability = by_s[first] == 1 || by_r[first] == 1;
  if (!r.acceptable_advantage) {
    for (std::size_t a : r.order)
      if (r.scores[a] - r.scores[first] < dq - kTieTolerance) r.compromise.push_back(a);
  } else if (!r.acceptable_stability) {
    r.compromise = {first, second};
  } else {
    r.compromise = {first};
  }
  return r;
}

}  // namespace detail

RankResult rank(const DecisionMatrix& matrix, const std::vector<double>& weights,
                const RankOptions& options) {
  return detail::Scorer(matrix, options).result(weights);
}

namespace {
RankResult rank_by(RankMethod method, const DecisionMatrix& m, const std::vector<double>& w,
                   RankOptions o = {}) {
  o.method = method;
  return rank(m, w, o);
}
}  // namespace

RankResult rank_wsm(const DecisionMatrix& m, const std::vector<double>& w, Normalization n) {
  RankOptions o;
  o.normalization = n;
  return rank_by(RankMethod::wsm, m, w, o);
}
RankResult rank_wpm(const DecisionMatrix& m, const std::vector<double>& w) {
  return rank_by(RankMethod::wpm, m, w);
}
RankResult rank_waspas(const DecisionMatrix& m, const std::vector<double>& w, double lambda) {
  RankOptions o;
  o.waspas_lambda = lambda;
  return rank_by(RankMethod::waspas, m, w, o);
}
RankResult rank_topsis(const DecisionMatrix& m, const std::vector<double>& w, Normalization n) {
  RankOptions o;
  o.normalization = n;
  return rank_by(RankMethod::topsis, m, w, o);
}
RankResult rank_vikor(const DecisionMatrix& m, const std::vector<double>& w, double v) {
  RankOptions o;
  o.vikor_v = v;
  return rank_by(RankMethod::vikor, m, w, o);
}
RankResult rank_promethee(const DecisionMatrix& m, const std::vector<double>& w,
                          std::vector<PreferenceCriterion> preferences) {
  RankOptions o;
  o.preferences = std::move(preferences);
  return rank_by(RankMethod::promethee, m, w, o);
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
