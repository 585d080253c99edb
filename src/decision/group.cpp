#include "crmkit/decision/group.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "crmkit/decision/rank.hpp"
#include "crmkit/error.hpp"
#include "decision/labels.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

using detail::label;
using detail::num;

namespace {

// Checks that `r` ranks n items 1..n with ties as mean places; `who` names the ranking
// ("member 'Ann'", "team") and `item` names item i.
template <class ItemLabel>
void check_ranking(const std::vector<double>& r, const std::string& who, ItemLabel item) {
  const std::size_t n = r.size();
  for (std::size_t i = 0; i < n; ++i)
    require_lazy(std::isfinite(r[i]) && r[i] >= 1 && r[i] <= static_cast<double>(n), [&] {
      return who + ": " + item(i) + " has rank " + num(r[i]) + ", outside 1.." + std::to_string(n);
    });
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return r[a] < r[b]; });
  for (std::size_t p = 0; p < n;) {
    std::size_t q = p + 1;
    while (q < n && r[order[q]] == r[order[p]]) ++q;
    const double value = r[order[p]];
    const double expected = (static_cast<double>(p + 1) + static_cast<double>(q)) / 2;  // mean place
    require_lazy(value == expected, [&] {
      if (q - p > 1)
        return who + ": " + item(order[p]) + " and " + item(order[p + 1]) + " share rank " + num(value) +
               " (tied items take the mean of their places, here " + num(expected) +
               "; otherwise a rank is missing)";
      return who + ": " + item(order[p]) + " has rank " + num(value) + " where place " +
             num(expected) + " is next (rank " + num(expected) + " is missing or repeated)";
    });
    p = q;
  }
}

// Sum over tie groups of t^3 - t.
double tie_term(std::vector<double> r) {
  std::sort(r.begin(), r.end());
  double sum = 0;
  for (std::size_t p = 0; p < r.size();) {
    std::size_t q = p + 1;
    while (q < r.size() && r[q] == r[p]) ++q;
    const double t = static_cast<double>(q - p);
    sum += t * t * t - t;
    p = q;
  }
  return sum;
}

void check_weights(const std::vector<double>& w, std::size_t members) {
  if (w.empty()) return;
  require(w.size() == members, std::to_string(w.size()) + " member weights for " +
                                   std::to_string(members) + " members");
  double sum = 0;
  for (std::size_t k = 0; k < members; ++k) {
    require(std::isfinite(w[k]) && w[k] >= 0,
            "weight of member " + std::to_string(k) + " (0-based) is " + num(w[k]));
    sum += w[k];
  }
  require(std::fabs(sum - 1) <= kWeightSumTolerance,
          "member weights sum to " + num(sum) + ", off 1 by " + num(sum - 1));
}

// The AIJ matrix: per cell the weighted geometric mean of the members who judged it.
std::vector<double> aij_matrix(const double* matrices, std::size_t members, std::size_t n,
                               const std::vector<double>& weights) {
  require(members >= 1, "group judgments: no member");
  require(n >= 1, "group judgments: no element");
  require(matrices != nullptr, "group judgments: null matrices");
  const std::size_t cells = n * n;
  for (std::size_t k = 0; k < members; ++k) {
    std::size_t given = 0;
    for (std::size_t c = 0; c < cells; ++c)
      if (c / n != c % n && !std::isnan(matrices[k * cells + c])) ++given;
    require_lazy(n == 1 || given > 0, [&] {
      return "member " + std::to_string(k) + " (0-based) has no judgments (every off-diagonal cell is blank)";
    });
  }
  // The mean is taken relative to the first judgment given (reference x exp(mean log ratio)),
  // so identical members give back their judgment exactly, not exp(log(a)).
  std::vector<double> group(cells, NAN);
  for (std::size_t c = 0; c < cells; ++c) {
    double reference = NAN, log_sum = 0, weight_sum = 0;
    for (std::size_t k = 0; k < members; ++k) {
      const double a = matrices[k * cells + c];
      if (std::isnan(a)) continue;
      require_lazy(std::isfinite(a) && a > 0, [&] {
        return "member " + std::to_string(k) + " (0-based), row " + std::to_string(c / n) + ", column " +
               std::to_string(c % n) + ": judgment " + num(a) + " is not a positive number";
      });
      if (std::isnan(reference)) reference = a;
      const double w = weights.empty() ? 1.0 : weights[k];
      log_sum += w * std::log(a / reference);
      weight_sum += w;
    }
    if (weight_sum > 0) group[c] = reference * std::exp(log_sum / weight_sum);
  }
  return group;
}

// Each member's own AHP, errors prefixed with the member.
std::vector<AhpResult> member_ahps(const double* matrices, std::size_t members, std::size_t n,
                                   const AhpOptions& options) {
  std::vector<AhpResult> out;
  out.reserve(members);
  for (std::size_t k = 0; k < members; ++k) {
    try {
      out.push_back(ahp(matrices + k * n * n, n, options));
    } catch (const Error& e) {
      throw Error(e.code(), "member " + std::to_string(k) + " (0-based): " + e.what());
    }
  }
  return out;
}

}  // namespace

std::vector<double> Rankings::member(std::size_t j) const {
  std::vector<double> out(items);
  for (std::size_t i = 0; i < items; ++i) out[i] = (*this)(i, j);
  return out;
}

std::string Rankings::item_label(std::size_t i) const { return label("item", item_names, i); }
std::string Rankings::member_label(std::size_t j) const { return label("member", member_names, j); }

void validate(const Rankings& r) {
  require(r.items >= 2, "rankings: needs at least two items, got " + std::to_string(r.items));
  require(r.members >= 1, "rankings: no member");
  require(r.ranks.size() == r.items * r.members,
          "rankings: " + std::to_string(r.ranks.size()) + " ranks for " + std::to_string(r.items) +
              " items x " + std::to_string(r.members) + " members");
  detail::check_names(r.item_names, r.items, "item");
  detail::check_names(r.member_names, r.members, "member");
  for (std::size_t j = 0; j < r.members; ++j)
    check_ranking(r.member(j), r.member_label(j), [&](std::size_t i) { return r.item_label(i); });
}

Concordance kendall_w(const Rankings& r) {
  validate(r);
  const double n = static_cast<double>(r.items), m = static_cast<double>(r.members);
  Concordance c;
  c.rank_sums.assign(r.items, 0.0);
  for (std::size_t i = 0; i < r.items; ++i)
    for (std::size_t j = 0; j < r.members; ++j) c.rank_sums[i] += r(i, j);
  const double mean = m * (n + 1) / 2;
  for (double R : c.rank_sums) c.s += (R - mean) * (R - mean);
  for (std::size_t j = 0; j < r.members; ++j) c.ties_correction += tie_term(r.member(j));
  const double denominator = m * m * (n * n * n - n) - m * c.ties_correction;
  // Every member tying every item leaves nothing to agree on: W is undefined.
  require(denominator > 0, "Kendall's W: every member ties all items, so concordance is undefined");
  c.w = 12 * c.s / denominator;
  c.df = r.items - 1;
  c.chi_square = m * (n - 1) * c.w;
  const boost::math::chi_squared_distribution<double> chi2(static_cast<double>(c.df));
  c.p_value = boost::math::cdf(boost::math::complement(chi2, c.chi_square));
  return c;
}

double kendall_tau(const std::vector<double>& a, const std::vector<double>& b) {
  require(a.size() == b.size(), "Kendall tau: rankings of " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + " items");
  const std::size_t n = a.size();
  double concordant = 0, discordant = 0, ties_a = 0, ties_b = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = i + 1; k < n; ++k) {
      const double da = a[i] - a[k], db = b[i] - b[k];
      if (da == 0) ++ties_a;
      if (db == 0) ++ties_b;
      if (da * db > 0) ++concordant;
      if (da * db < 0) ++discordant;
    }
  const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  const double denominator = std::sqrt((pairs - ties_a) * (pairs - ties_b));
  return denominator > 0 ? (concordant - discordant) / denominator : NAN;
}

double footrule(const std::vector<double>& a, const std::vector<double>& b) {
  require(a.size() == b.size(), "footrule: rankings of " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + " items");
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += std::fabs(a[i] - b[i]);
  return sum;
}

std::vector<double> mid_ranks(const std::vector<std::size_t>& competition) {
  // A group sharing competition rank r of size t takes places r..r + t - 1: mean r + (t - 1)/2.
  std::unordered_map<std::size_t, std::size_t> group_size;
  for (std::size_t r : competition) ++group_size[r];
  std::vector<double> out(competition.size());
  for (std::size_t i = 0; i < competition.size(); ++i)
    out[i] = static_cast<double>(competition[i]) + (static_cast<double>(group_size[competition[i]]) - 1) / 2;
  return out;
}

GroupRanking borda(const Rankings& r) {
  validate(r);
  GroupRanking g;
  g.points.assign(r.items, 0.0);
  const double n = static_cast<double>(r.items);
  for (std::size_t i = 0; i < r.items; ++i)
    for (std::size_t j = 0; j < r.members; ++j) g.points[i] += n - r(i, j);
  g.ranks = ranks_of(g.points, false);
  const std::vector<double> consensus = mid_ranks(g.ranks);
  for (std::size_t j = 0; j < r.members; ++j) {
    const std::vector<double> member = r.member(j);
    g.member_tau.push_back(kendall_tau(member, consensus));
    g.member_footrule.push_back(footrule(member, consensus));
  }
  return g;
}

GroupAhpResult aggregate_judgments(const double* matrices, std::size_t members, std::size_t n,
                                   const std::vector<double>& member_weights, const AhpOptions& options) {
  check_weights(member_weights, members);
  const std::vector<double> group = aij_matrix(matrices, members, n, member_weights);
  GroupAhpResult out;
  out.members = member_ahps(matrices, members, n, options);
  out.group = ahp(group.data(), n, options);
  return out;
}

GroupAhpResult aggregate_priorities(const double* matrices, std::size_t members, std::size_t n,
                                    const std::vector<double>& member_weights, const AhpOptions& options) {
  GroupAhpResult out = aggregate_judgments(matrices, members, n, member_weights, options);
  std::vector<double>& p = out.group.priorities;
  std::fill(p.begin(), p.end(), 0.0);
  for (std::size_t k = 0; k < members; ++k) {
    const double w = member_weights.empty() ? 1.0 / static_cast<double>(members) : member_weights[k];
    for (std::size_t i = 0; i < n; ++i) p[i] += w * out.members[k].priorities[i];
  }
  return out;
}

TeamExercise team_exercise(const Rankings& members, const std::vector<double>& team,
                           const std::vector<double>& expert) {
  validate(members);
  const auto item = [&](std::size_t i) { return members.item_label(i); };
  for (const auto* ranking : {&team, &expert}) {
    const std::string who = ranking == &team ? "team" : "expert";
    require(ranking->size() == members.items, who + " ranking has " + std::to_string(ranking->size()) +
                                                  " ranks for " + std::to_string(members.items) + " items");
    check_ranking(*ranking, who, item);
  }
  TeamExercise t;
  t.concordance = kendall_w(members);
  t.team_error = footrule(team, expert);
  const std::vector<double> consensus = mid_ranks(borda(members).ranks);
  t.team_to_consensus = footrule(team, consensus);
  double closest = INFINITY;
  for (std::size_t j = 0; j < members.members; ++j) {
    const std::vector<double> m = members.member(j);
    t.member_errors.push_back(footrule(m, expert));
    const double to_team = footrule(team, m);
    if (to_team < closest) {
      closest = to_team;
      t.dominant_member = j;
    }
  }
  const auto best = std::min_element(t.member_errors.begin(), t.member_errors.end());
  t.best_member = static_cast<std::size_t>(best - t.member_errors.begin());
  t.best_member_error = *best;
  t.mean_member_error = std::accumulate(t.member_errors.begin(), t.member_errors.end(), 0.0) /
                        static_cast<double>(members.members);
  t.beats_average = t.team_error < t.mean_member_error;
  t.beats_best = t.team_error < t.best_member_error;
  t.synergy_gain = t.mean_member_error - t.team_error;
  t.team_to_dominant = closest;
  t.consensus_to_dominant = footrule(consensus, members.member(t.dominant_member));
  t.groupthink_sign = members.members > 1 && t.team_to_consensus > 0 &&
                      t.team_to_dominant < t.consensus_to_dominant;
  return t;
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
