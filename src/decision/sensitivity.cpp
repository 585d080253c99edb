#include "crmkit/decision/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "crmkit/error.hpp"
#include "decision/labels.hpp"
#include "decision/scorer.hpp"
#include "detail/random.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

namespace {

using detail::Scorer;

// The weights with criterion j's moved to t and the others rescaled proportionally (shared
// equally when they are all 0).
void reweight(const std::vector<double>& w, std::size_t j, double t, std::vector<double>& out) {
  const std::size_t k = w.size();
  const double rest = 1 - w[j];
  for (std::size_t c = 0; c < k; ++c)
    out[c] = c == j ? t : rest > 0 ? w[c] * (1 - t) / rest : (1 - t) / static_cast<double>(k - 1);
}

// The ranking of one weight vector, and the questions the sensitivity analysis asks of it.
struct Ranking {
  std::vector<std::size_t> ranks, order;

  bool same_top(const Ranking& o) const {
    for (std::size_t i = 0; i < ranks.size(); ++i)
      if ((ranks[i] == 1) != (o.ranks[i] == 1)) return false;
    return true;
  }
  bool same(const Ranking& o) const { return ranks == o.ranks; }
};

class Evaluator {
 public:
  Evaluator(const Scorer& scorer, const std::vector<double>& weights)
      : scorer_(scorer), w_(weights), moved_(weights.size()), scores_(scorer.alternatives()) {}

  Ranking at(std::size_t j, double t) {
    reweight(w_, j, t, moved_);
    return of(moved_.data());
  }
  Ranking of(const double* w) {
    scorer_.score(w, scores_.data());
    Ranking r;
    r.ranks = ranks_of(scores_, scorer_.lower_is_better(), &r.order);
    return r;
  }

 private:
  const Scorer& scorer_;
  const std::vector<double>& w_;
  std::vector<double> moved_, scores_;
};

// One end of an interval: where the result stops being the same, whether it does within
// [0, 1] at all, and a weight just beyond it (where it has changed).
struct End {
  double at;
  bool changes;
  double beyond = 0;
};

// Numeric: scan from t0 towards `bound` in steps, bisect the first step that changes.
template <class Same>
End search(Evaluator& eval, std::size_t j, double t0, double bound, const SensitivityOptions& o,
           Same&& same) {
  const double dir = bound > t0 ? 1 : -1;
  double inside = t0;
  while (inside != bound) {
    const double next = dir > 0 ? std::min(bound, inside + o.step) : std::max(bound, inside - o.step);
    if (same(eval.at(j, next))) {
      inside = next;
      continue;
    }
    double outside = next;
    while (std::fabs(outside - inside) > o.tolerance) {
      const double mid = 0.5 * (inside + outside);
      (same(eval.at(j, mid)) ? inside : outside) = mid;
    }
    return {inside, true, outside};
  }
  return {bound, false};
}

// Exact, for scores linear in the weights: alternative i's score along t is the line
// b_i + t (c_i - b_i); the pairs that must keep their relation give the ends where they cross.
struct Lines {
  std::vector<double> base, slope;  // score(t) = base + slope * t

  Lines(const Scorer& s, const std::vector<double>& w, std::size_t j) {
    const std::size_t n = s.alternatives(), k = s.criteria();
    base.resize(n), slope.resize(n);
    const double rest = 1 - w[j];
    for (std::size_t i = 0; i < n; ++i) {
      double b = 0;
      for (std::size_t c = 0; c < k; ++c)
        if (c != j) b += (rest > 0 ? w[c] / rest : 1.0 / static_cast<double>(k - 1)) * s.contribution(i, c);
      base[i] = b;
      slope[i] = s.contribution(i, j) - b;
    }
  }

  // Narrows [low, high] around t0 to where a stays above b (or tied with it, when tied);
  // `step` places the point beyond an end.
  void keep(std::size_t a, std::size_t b, bool tied, double t0, double step, End& low, End& high) const {
    const double alpha = base[a] - base[b], beta = slope[a] - slope[b];
    if (std::fabs(beta) <= kTieTolerance) return;  // parallel: the relation holds everywhere
    const auto up = [&](double t) { return End{t, true, std::min(1.0, t + step)}; };
    const auto down = [&](double t) { return End{t, true, std::max(0.0, t - step)}; };
    if (tied) {  // a tie the change would break
      low = down(t0), high = up(t0);
      return;
    }
    const double root = -alpha / beta;
    if (root > t0 && root < high.at) high = up(root);
    if (root <= t0 && root > low.at) low = down(root);
    if (root == t0) low = down(t0), high = up(t0);
  }
};

// The analyses repeat a ranking many times: work beyond this many cell evaluations (minutes
// on one core) is refused up front rather than left to look like a hang.
constexpr double kMaxCellEvaluations = 1e10;

void require_work(double evaluations, const std::string& what, const char* fix) {
  require(evaluations <= kMaxCellEvaluations,
          what + " would evaluate " + detail::num(evaluations) + " cells (at most " + detail::num(kMaxCellEvaluations) + "); " + fix);
}

void check(const SensitivityOptions& o) {
  require(o.step > 0 && o.step <= 0.5, "sensitivity step is " + detail::num(o.step) + "; it must be within (0, 0.5]");
  require(o.tolerance > 0 && o.tolerance < o.step,
          "sensitivity tolerance is " + detail::num(o.tolerance) + "; it must be > 0 and below the step");
}

}  // namespace

const NameTable& names(WeightDistribution) {
  static const char* const n[] = {"dirichlet", "uniform"};
  static const NameTable table("weight distribution", n);
  return table;
}

WeightSensitivity weight_sensitivity(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                     const RankOptions& rank_options, const SensitivityOptions& options) {
  check(options);
  const Scorer scorer(matrix, rank_options);
  validate_weights(matrix, weights);
  const double cells = static_cast<double>(matrix.alternatives) * static_cast<double>(matrix.criteria);
  if (!scorer.linear())  // per criterion four scans of up to 1 / step rankings, then bisection
    require_work(cells * static_cast<double>(matrix.criteria) * 4 * (1 / options.step + 64),
                 "the numeric weight search", "use fewer alternatives or a larger step");
  Evaluator eval(scorer, weights);
  const Ranking base = eval.of(weights.data());
  const std::size_t n = matrix.alternatives, k = matrix.criteria;

  WeightSensitivity out;
  out.exact = scorer.linear();
  out.criteria.resize(k);
  double nearest = std::numeric_limits<double>::infinity(), flip_beyond = 0;
  for (std::size_t j = 0; j < k; ++j) {
    WeightInterval& iv = out.criteria[j];
    const double t0 = weights[j];
    iv.weight = t0;
    End top_low{0, false}, top_high{1, false}, all_low{0, false}, all_high{1, false};
    if (k == 1) {  // one criterion: its weight is 1 and cannot move
      top_low = top_high = all_low = all_high = {1, false};
    } else if (out.exact) {
      const Lines lines(scorer, weights, j);
      for (std::size_t a = 0; a < n; ++a) {
        if (base.ranks[a] != 1) continue;
        for (std::size_t b = 0; b < n; ++b)
          if (b != a) lines.keep(a, b, base.ranks[b] == 1, t0, options.tolerance, top_low, top_high);
      }
      all_low = top_low, all_high = top_high;
      for (std::size_t r = 0; r + 1 < n; ++r) {
        const std::size_t a = base.order[r], b = base.order[r + 1];
        lines.keep(a, b, base.ranks[a] == base.ranks[b], t0, options.tolerance, all_low, all_high);
      }
    } else {
      const auto same_top = [&](const Ranking& r) { return r.same_top(base); };
      const auto same_all = [&](const Ranking& r) { return r.same(base); };
      top_low = search(eval, j, t0, 0, options, same_top);
      top_high = search(eval, j, t0, 1, options, same_top);
      all_low = search(eval, j, t0, 0, options, same_all);
      all_high = search(eval, j, t0, 1, options, same_all);
    }
    iv.top_low = top_low.at, iv.top_high = top_high.at;
    iv.ranking_low = all_low.at, iv.ranking_high = all_high.at;
    for (const End& e : {top_low, top_high}) {
      if (!e.changes || std::fabs(e.at - t0) >= nearest) continue;
      nearest = std::fabs(e.at - t0);
      out.has_flip = true;
      out.flip_criterion = j;
      out.flip_weight = e.at;
      out.flip_change = e.at - t0;
      flip_beyond = e.beyond;
    }
  }
  if (out.has_flip) {
    // Just beyond the end: an alternative first there that was not first before (it may
    // still tie with the old winner so close to the end), else the best there.
    const Ranking there = eval.at(out.flip_criterion, flip_beyond);
    out.flip_winner = there.order[0];
    for (std::size_t i : there.order) {
      if (there.ranks[i] != 1) break;
      if (base.ranks[i] != 1) {
        out.flip_winner = i;
        break;
      }
    }
  }
  return out;
}

RankAcceptability rank_acceptability(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                     const RankOptions& rank_options, const MonteCarloOptions& options) {
  require(options.draws >= 1 && options.draws <= 100000000,
          "draws is " + std::to_string(options.draws) + "; it must be within 1..100000000");
  names(WeightDistribution{}).check(static_cast<long long>(options.distribution), "distribution");
  require(std::isfinite(options.concentration) && options.concentration > 0,
          "concentration is " + detail::num(options.concentration) + "; it must be > 0");
  const Scorer scorer(matrix, rank_options);
  validate_weights(matrix, weights);
  const std::size_t n = matrix.alternatives, k = matrix.criteria;
  require_work(static_cast<double>(options.draws) * static_cast<double>(n) * static_cast<double>(k),
               std::to_string(options.draws) + " draws", "use fewer draws");

  RankAcceptability out;
  out.alternatives = n, out.criteria = k, out.draws = options.draws;
  std::vector<double> counts(n * n, 0.0), central(n * k, 0.0), firsts(n, 0.0), w(k), scores(n);
  crmkit::detail::SplitMix64 rng(options.seed);
  for (std::size_t d = 0; d < options.draws; ++d) {
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) {
      if (options.distribution == WeightDistribution::uniform) w[j] = rng.exponential();
      else w[j] = weights[j] > 0 ? rng.gamma(options.concentration * weights[j]) : 0;
      sum += w[j];
    }
    // Gammas of a tiny shape can all underflow to 0: that draw keeps the given weights.
    if (sum > 0) for (double& x : w) x /= sum;
    else w = weights;
    scorer.score(w.data(), scores.data());
    const std::vector<std::size_t> ranks = ranks_of(scores, scorer.lower_is_better());
    for (std::size_t i = 0; i < n; ++i) {
      counts[i * n + ranks[i] - 1] += 1;
      if (ranks[i] != 1) continue;
      firsts[i] += 1;
      for (std::size_t j = 0; j < k; ++j) central[i * k + j] += w[j];
    }
  }
  const double draws = static_cast<double>(options.draws);
  out.acceptability.resize(n * n);
  for (std::size_t c = 0; c < n * n; ++c) out.acceptability[c] = counts[c] / draws;
  out.central_weights.resize(n * k);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j)
      out.central_weights[i * k + j] =
          firsts[i] > 0 ? central[i * k + j] / firsts[i] : std::numeric_limits<double>::quiet_NaN();
  return out;
}

namespace {

// The relation of a to b in a ranking: 1 above, 0 tied, -1 below.
int relation(const std::vector<std::size_t>& ranks, std::size_t a, std::size_t b) {
  return ranks[a] < ranks[b] ? 1 : ranks[a] == ranks[b] ? 0 : -1;
}

// Compares the ranking of `kept` alternatives before (ranks in the original problem, indexed
// by original index) and after (indexed by position in `kept`).
RankReversal compare(std::size_t changed, const std::vector<std::size_t>& kept,
                     const std::vector<std::size_t>& before, const std::vector<std::size_t>& after) {
  RankReversal out;
  out.alternative = changed;
  std::size_t best_before = std::numeric_limits<std::size_t>::max(), best_after = best_before;
  for (std::size_t p = 0; p < kept.size(); ++p) {
    best_before = std::min(best_before, before[kept[p]]);
    best_after = std::min(best_after, after[p]);
  }
  for (std::size_t p = 0; p < kept.size(); ++p) {
    if ((before[kept[p]] == best_before) != (after[p] == best_after)) out.winner_changed = true;
    for (std::size_t q = p + 1; q < kept.size(); ++q)
      if (relation(before, kept[p], kept[q]) != relation(after, p, q))
        out.reversed.emplace_back(kept[p], kept[q]);
  }
  return out;
}

// `matrix` with row `skip` left out (skip >= alternatives: none) and `extra` appended.
DecisionMatrix reshaped(const DecisionMatrix& m, std::size_t skip, const std::vector<double>* extra,
                        const std::string& extra_name) {
  DecisionMatrix out;
  out.criteria = m.criteria;
  out.directions = m.directions;
  out.criterion_names = m.criterion_names;
  for (std::size_t i = 0; i < m.alternatives; ++i) {
    if (i == skip) continue;
    out.values.insert(out.values.end(), m.values.begin() + i * m.criteria,
                      m.values.begin() + (i + 1) * m.criteria);
    if (!m.alternative_names.empty()) out.alternative_names.push_back(m.alternative_names[i]);
  }
  if (extra != nullptr) {
    out.values.insert(out.values.end(), extra->begin(), extra->end());
    if (!m.alternative_names.empty()) out.alternative_names.push_back(extra_name);
  }
  out.alternatives = out.values.size() / m.criteria;
  return out;
}

}  // namespace

std::vector<RankReversal> rank_reversal_on_removal(const DecisionMatrix& matrix,
                                                   const std::vector<double>& weights,
                                                   const RankOptions& options) {
  const RankResult full = rank(matrix, weights, options);
  require(matrix.alternatives >= 3, "removing an alternative needs at least three (got " +
                                        std::to_string(matrix.alternatives) + ")");
  const double n = static_cast<double>(matrix.alternatives);  // n rankings, each comparing n^2 pairs
  require_work(n * n * (n + static_cast<double>(matrix.criteria)), "removing each alternative in turn",
               "use fewer alternatives");
  std::vector<RankReversal> out;
  for (std::size_t r = 0; r < matrix.alternatives; ++r) {
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < matrix.alternatives; ++i)
      if (i != r) kept.push_back(i);
    const RankResult after = rank(reshaped(matrix, r, nullptr, {}), weights, options);
    out.push_back(compare(r, kept, full.ranks, after.ranks));
  }
  return out;
}

RankReversal rank_reversal_on_addition(const DecisionMatrix& matrix, const std::vector<double>& weights,
                                       const std::vector<double>& row, const std::string& name,
                                       const RankOptions& options) {
  const RankResult full = rank(matrix, weights, options);
  require(row.size() == matrix.criteria, "the added alternative has " + std::to_string(row.size()) +
                                             " values for " + std::to_string(matrix.criteria) + " criteria");
  const RankResult after =
      rank(reshaped(matrix, matrix.alternatives, &row, name.empty() ? "added" : name), weights, options);
  std::vector<std::size_t> kept(matrix.alternatives);
  for (std::size_t i = 0; i < kept.size(); ++i) kept[i] = i;
  return compare(matrix.alternatives, kept, full.ranks, after.ranks);
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
