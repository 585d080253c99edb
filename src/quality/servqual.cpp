#include "crmkit/quality/servqual.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/math/distributions/students_t.hpp>

#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

namespace {

// A number in a message: 12 significant digits, so a difference of sums reads 0.1, not
// 0.0999999999999943 (and 1.0000001 stays itself).
// A matrix as the statistics read it: the caller's answers themselves when scoring would
// change nothing (no reverse-coded item, unanswered items left as they are), else a scored
// copy. Copying a million respondents' answers costs more than every statistic after it.
struct ScoredMatrix {
  std::vector<double> owned;
  const double* data = nullptr;
};

// Scores (and validates) one of E, P or A with the matrix named, so the caller learns which
// is wrong; every matrix must have the perceptions' respondents.
ScoredMatrix score_matrix(const Instrument& instrument, const Answers& answers, const char* which,
                          std::size_t respondents, const MissingOptions& missing) {
  require(answers.respondents == respondents,
          std::string(which) + " answers have " + std::to_string(answers.respondents) +
              " respondents; perceived answers have " + std::to_string(respondents));
  bool reversed = false;
  for (const Dimension& d : instrument.dimensions)
    for (const Item& item : d.items) reversed = reversed || item.reverse_coded;
  try {
    if (!reversed && missing.policy == MissingPolicy::pairwise) {
      validate_answers(instrument, answers);
      return {{}, answers.data};
    }
    ScoredMatrix out;
    out.owned = score_answers(instrument, answers, missing).values;
    out.data = out.owned.data();
    return out;
  } catch (const Error& e) {
    throw Error(e.code(), std::string(which) + " answers: " + e.what());
  }
}

// The 100-point allocations: each row non-negative and summing to 100, or left blank.
void validate_weights(const double* weights, std::size_t respondents, std::size_t dimensions) {
  constexpr double kTolerance = 1e-6;
  for (std::size_t r = 0; r < respondents; ++r) {
    const double* row = weights + r * dimensions;
    std::size_t blank = 0;
    double sum = 0;
    for (std::size_t d = 0; d < dimensions; ++d) {
      if (std::isnan(row[d])) {
        ++blank;
        continue;
      }
      require_lazy(std::isfinite(row[d]) && row[d] >= 0, [&] {
        return "respondent " + std::to_string(r) + ": importance weight " + crmkit::detail::format_number(row[d]) +
               " of dimension " + std::to_string(d) + " is not a non-negative number";
      });
      sum += row[d];
    }
    if (blank == dimensions) continue;
    require_lazy(blank == 0, [&] {
      return "respondent " + std::to_string(r) + ": importance weights leave " +
             std::to_string(blank) + " of " + std::to_string(dimensions) +
             " dimensions blank (give all or none)";
    });
    require_lazy(std::fabs(sum - 100) <= kTolerance, [&] {
      return "respondent " + std::to_string(r) + ": importance weights sum to " +
             crmkit::detail::format_number(sum) + ", " + crmkit::detail::format_number(std::fabs(sum - 100)) +
             (sum < 100 ? " short of 100" : " over 100");
    });
  }
}

// The Estimate of n values with this mean and sum of squared deviations from it. (Two
// passes, squared deviations from the mean, rather than E[x^2] - mean^2, which cancels
// catastrophically for answers clustered near the top of the scale.)
Estimate from_moments(std::size_t n, double mean, double squares, double confidence) {
  Estimate e;
  e.n = n;
  if (n == 0) return e;
  e.mean = mean;
  if (n < 2) return e;
  const double count = static_cast<double>(n);
  e.sd = std::sqrt(squares / (count - 1));
  const boost::math::students_t_distribution<double> t(count - 1);
  const double half = boost::math::quantile(boost::math::complement(t, (1 - confidence) / 2)) *
                      e.sd / std::sqrt(count);
  e.lower = e.mean - half;
  e.upper = e.mean + half;
  return e;
}

// Rows `keep` of a respondents x width matrix (the matrix itself when every row is kept).
ScoredMatrix rows_of(ScoredMatrix&& m, std::size_t rows, std::size_t width,
                     const std::vector<std::size_t>& keep) {
  if (keep.size() == rows) return std::move(m);
  ScoredMatrix out;
  out.owned.reserve(keep.size() * width);
  for (std::size_t r : keep) out.owned.insert(out.owned.end(), m.data + r * width, m.data + (r + 1) * width);
  out.data = out.owned.data();
  return out;
}

// a - b element by element over `count` values (NaN where either is NaN).
std::vector<double> difference(const double* a, const double* b, std::size_t count) {
  std::vector<double> out(count);
  for (std::size_t i = 0; i < count; ++i) out[i] = a[i] - b[i];
  return out;
}

// Estimates of every column of a rows x width matrix in one pass in memory order (not one
// strided pass per column: the matrices run to hundreds of megabytes). Sums are of the
// values shifted by the column's first answer, so the sum of squares does not cancel the way
// E[x^2] - mean^2 does for answers clustered near the top of the scale.
std::vector<Estimate> column_estimates(const double* m, std::size_t rows, std::size_t width,
                                       double confidence) {
  std::vector<double> shift(width, NAN), sum(width, 0.0), squares(width, 0.0);
  std::vector<std::size_t> count(width, 0);
  for (std::size_t r = 0; r < rows; ++r) {
    const double* row = m + r * width;
    for (std::size_t c = 0; c < width; ++c) {
      if (std::isnan(row[c])) continue;
      if (count[c] == 0) shift[c] = row[c];
      const double d = row[c] - shift[c];
      sum[c] += d, squares[c] += d * d, ++count[c];
    }
  }
  std::vector<Estimate> out(width);
  for (std::size_t c = 0; c < width; ++c) {
    const double n = static_cast<double>(count[c]);
    const double mean_shifted = count[c] ? sum[c] / n : NAN;
    const double deviations = std::max(0.0, squares[c] - sum[c] * mean_shifted);
    out[c] = from_moments(count[c], shift[c] + mean_shifted, deviations, confidence);
  }
  return out;
}

// Mean of one measure's means over items or dimensions; NaN when any of them is NaN (an
// item nobody answered leaves the overall score unknown, not the mean of the rest).
double mean_of(Estimate ServqualLine::*measure, const std::vector<ServqualLine>& lines) {
  double sum = 0;
  for (const ServqualLine& line : lines) sum += (line.*measure).mean;
  return lines.empty() ? NAN : sum / static_cast<double>(lines.size());
}

}  // namespace

const NameTable& names(ZonePosition) {
  static constexpr const char* kNames[] = {"below", "within", "above"};
  static constexpr NameTable table("zone-of-tolerance position", kNames);
  return table;
}

Estimate estimate(const double* values, std::size_t count, double confidence,
                  std::size_t stride) {
  require(confidence > 0 && confidence < 1,
          "confidence " + crmkit::detail::format_number(confidence) + " must lie strictly between 0 and 1");
  require(count == 0 || values != nullptr, "estimate: values is null");
  require(stride >= 1, "estimate: stride must be at least 1");
  std::size_t n = 0;
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = values[i * stride];
    if (!std::isnan(x)) sum += x, ++n;
  }
  const double mean = sum / static_cast<double>(n);
  double squares = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = values[i * stride];
    if (!std::isnan(x)) squares += (x - mean) * (x - mean);
  }
  return from_moments(n, mean, squares, confidence);
}

ServqualResult servqual(const Instrument& instrument, const ServqualSurvey& survey,
                        const ServqualOptions& options) {
  require(options.confidence > 0 && options.confidence < 1,
          "confidence " + crmkit::detail::format_number(options.confidence) + " must lie strictly between 0 and 1");
  const std::size_t n = survey.perceived.respondents;
  const bool has_adequate = survey.adequate.data != nullptr;
  const std::size_t k = instrument.item_count();
  const std::size_t dims = instrument.dimensions.size();
  if (survey.weights) validate_weights(survey.weights, n, dims);

  // Each matrix scored on its own without dropping rows (so rows stay aligned); listwise
  // then keeps the rows complete on every side.
  MissingOptions per_matrix = options.missing;
  if (per_matrix.policy == MissingPolicy::listwise) per_matrix.policy = MissingPolicy::pairwise;
  ScoredMatrix p_all = score_matrix(instrument, survey.perceived, "perceived", n, per_matrix);
  ScoredMatrix e_all = score_matrix(instrument, survey.expected, "expected", n, per_matrix);
  ScoredMatrix a_all = has_adequate
                           ? score_matrix(instrument, survey.adequate, "adequate", n, per_matrix)
                           : ScoredMatrix{};
  std::vector<std::size_t> keep;
  for (std::size_t r = 0; r < n; ++r) {
    bool complete = true;
    if (options.missing.policy == MissingPolicy::listwise)
      for (std::size_t i = 0; i < k && complete; ++i)
        complete = !std::isnan(e_all.data[r * k + i]) && !std::isnan(p_all.data[r * k + i]) &&
                   (!has_adequate || !std::isnan(a_all.data[r * k + i]));
    if (complete) keep.push_back(r);
  }
  const std::size_t m = keep.size();
  const ScoredMatrix e = rows_of(std::move(e_all), n, k, keep);
  const ScoredMatrix p = rows_of(std::move(p_all), n, k, keep);
  const ScoredMatrix a = has_adequate ? rows_of(std::move(a_all), n, k, keep) : ScoredMatrix{};
  const std::vector<double> gap = difference(p.data, e.data, m * k);
  const std::vector<double> msa = has_adequate ? difference(p.data, a.data, m * k) : std::vector<double>{};

  const double confidence = options.confidence;
  ServqualResult result;
  result.has_adequate = has_adequate;
  result.has_weights = survey.weights != nullptr;
  result.respondents = n;
  result.respondents_used = m;

  // One pass of the same statistics over items and over respondents' dimension scores.
  // `stats` gives the Estimates of a respondents x items matrix's columns (items) or of its
  // dimension scores (dimensions).
  const auto lines = [&](auto&& stats, std::size_t width) {
    const std::vector<Estimate> ex = stats(e.data), pe = stats(p.data), ga = stats(gap.data());
    const std::vector<Estimate> ad = has_adequate ? stats(a.data) : std::vector<Estimate>(width);
    const std::vector<Estimate> ms = has_adequate ? stats(msa.data()) : std::vector<Estimate>(width);
    std::vector<ServqualLine> out(width);
    for (std::size_t c = 0; c < width; ++c) {
      out[c] = {ex[c], pe[c], ga[c], ad[c], ms[c], ZonePosition::within};
      if (ms[c].mean < 0) out[c].zone = ZonePosition::below;
      else if (ga[c].mean > 0) out[c].zone = ZonePosition::above;
    }
    return out;
  };
  result.items = lines([&](const double* x) { return column_estimates(x, m, k, confidence); }, k);
  result.dimensions = lines(
      [&](const double* x) {
        return column_estimates(dimension_scores(instrument, {x, m, k}).data(), m, dims, confidence);
      },
      dims);
  result.gap = {mean_of(&ServqualLine::gap, result.items),
                mean_of(&ServqualLine::gap, result.dimensions)};
  result.servperf = {mean_of(&ServqualLine::perceived, result.items),
                     mean_of(&ServqualLine::perceived, result.dimensions)};

  const std::vector<double> dimension_gap = dimension_scores(instrument, {gap.data(), m, k});
  result.respondent_dimension_gap.assign(n * dims, NAN);
  result.respondent_weighted_gap.assign(n, NAN);
  for (std::size_t j = 0; j < m; ++j) {
    const std::size_t r = keep[j];
    std::copy(dimension_gap.begin() + static_cast<std::ptrdiff_t>(j * dims),
              dimension_gap.begin() + static_cast<std::ptrdiff_t>((j + 1) * dims),
              result.respondent_dimension_gap.begin() + static_cast<std::ptrdiff_t>(r * dims));
    if (!survey.weights) continue;
    double weighted = 0;
    for (std::size_t d = 0; d < dims; ++d) {
      const double w = survey.weights[r * dims + d];
      // A dimension given no points does not need a gap (0 x NaN would be NaN); a blank
      // row (all NaN) leaves the respondent's weighted gap NaN.
      if (w != 0) weighted += w / 100 * dimension_gap[j * dims + d];
    }
    result.respondent_weighted_gap[r] = weighted;
  }
  if (survey.weights)
    result.weighted_gap = estimate(result.respondent_weighted_gap.data(), n, confidence);
  return result;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
