#include "crmkit/quality/audit.hpp"

#include <algorithm>
#include <numeric>

namespace crmkit {
inline namespace v0 {
namespace quality {

CategoryScores category_scores(const Instrument& instrument, const Answers& answers,
                               const MissingOptions& missing) {
  // score_answers validates, reverses reverse-coded items and applies the policy: pairwise
  // leaves NaN (a NaN in a category makes its sum NaN below), dimension_mean fills in or
  // leaves the whole category NaN, listwise drops the row.
  const ScoredAnswers scored = score_answers(instrument, answers, missing);
  const std::size_t dims = instrument.dimensions.size();
  const std::size_t k = scored.items;
  const double top = instrument.scale.max;

  CategoryScores out;
  out.respondents = answers.respondents;
  for (const Dimension& d : instrument.dimensions) {
    out.categories.push_back(d.name);
    out.items.push_back(d.items.size());
    out.maximum.push_back(top * static_cast<double>(d.items.size()));
  }
  out.total_maximum = top * static_cast<double>(k);
  out.score.assign(out.respondents * dims, NAN);
  out.percentage.assign(out.respondents * dims, NAN);
  out.total.assign(out.respondents, NAN);
  out.total_percentage.assign(out.respondents, NAN);
  std::vector<double> sums(dims, 0);
  out.scored.assign(dims, 0);
  double totals = 0;

  for (std::size_t j = 0; j < scored.respondents; ++j) {
    const std::size_t r = scored.respondent[j];
    const double* row = scored.values.data() + j * k;
    double total = 0;
    for (std::size_t d = 0, i = 0; d < dims; ++d) {
      const std::size_t end = i + out.items[d];
      // NaN propagates: one unanswered (unfilled) item leaves the category without a score.
      const double sum = std::accumulate(row + i, row + end, 0.0);
      i = end;
      out.score[r * dims + d] = sum;
      out.percentage[r * dims + d] = sum / out.maximum[d] * 100;
      total += sum;
      if (!std::isnan(sum)) sums[d] += sum, ++out.scored[d];
    }
    out.total[r] = total;
    out.total_percentage[r] = total / out.total_maximum * 100;
    if (!std::isnan(total)) totals += total, ++out.scored_total;
  }

  for (std::size_t d = 0; d < dims; ++d) {
    const double mean = out.scored[d] ? sums[d] / static_cast<double>(out.scored[d]) : NAN;
    out.mean_score.push_back(mean);
    out.mean_percentage.push_back(mean / out.maximum[d] * 100);
  }
  if (out.scored_total) {
    out.mean_total = totals / static_cast<double>(out.scored_total);
    out.mean_total_percentage = out.mean_total / out.total_maximum * 100;
  }
  out.weakest.resize(dims);
  std::iota(out.weakest.begin(), out.weakest.end(), std::size_t{0});
  std::stable_sort(out.weakest.begin(), out.weakest.end(), [&](std::size_t a, std::size_t b) {
    const double x = out.mean_percentage[a], y = out.mean_percentage[b];
    if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
    return x < y;
  });
  return out;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
