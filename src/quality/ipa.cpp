#include "crmkit/quality/ipa.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include <Eigen/Dense>

#include "crmkit/error.hpp"
#include "quality/item_stats.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace {

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

void require_finite_overall(const double* overall, std::size_t n) {
  require(n == 0 || overall != nullptr, "overall satisfaction: null pointer for " +
                                            std::to_string(n) + " respondents");
  for (std::size_t r = 0; r < n; ++r)
    require_lazy(!std::isinf(overall[r]), [&] {
      return "overall satisfaction of respondent " + std::to_string(r) +
             " (0-based) is infinite";
    });
}

// Pearson correlation of item i with overall satisfaction over the respondents who
// answered both (two passes: means, then centred sums).
double item_correlation(const Answers& p, std::size_t i, const double* overall,
                        std::size_t& used) {
  double sx = 0, sy = 0;
  std::size_t n = 0;
  for (std::size_t r = 0; r < p.respondents; ++r)
    if (!std::isnan(p(r, i)) && !std::isnan(overall[r])) sx += p(r, i), sy += overall[r], ++n;
  require(n >= 3, "item " + std::to_string(i) + " (0-based) and overall satisfaction are "
                      "answered together by " + std::to_string(n) +
                      " respondent(s); a derived importance needs at least 3");
  const double mx = sx / static_cast<double>(n), my = sy / static_cast<double>(n);
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t r = 0; r < p.respondents; ++r)
    if (!std::isnan(p(r, i)) && !std::isnan(overall[r])) {
      const double dx = p(r, i) - mx, dy = overall[r] - my;
      sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
  require(sxx > 0, "item " + std::to_string(i) +
                       " (0-based): every answer is the same, so its correlation with "
                       "overall satisfaction is undefined");
  require(syy > 0, "overall satisfaction does not vary among the respondents who answered "
                   "item " + std::to_string(i) + " (0-based); its correlation is undefined");
  used = n;
  return sxy / std::sqrt(sxx * syy);
}

// Standardised coefficients of the regression of overall satisfaction on every item, over
// the respondents who answered all: beta = Rxx^-1 rxy on the correlation matrix.
std::vector<double> beta_weights(const Answers& p, const double* overall, std::size_t& used) {
  const auto k = static_cast<Eigen::Index>(p.items);
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < p.respondents; ++r) {
    bool complete = !std::isnan(overall[r]);
    for (std::size_t i = 0; complete && i < p.items; ++i) complete = !std::isnan(p(r, i));
    if (complete) rows.push_back(r);
  }
  require(rows.size() > p.items + 1,
          "regression importance of " + std::to_string(p.items) + " items needs more than " +
              std::to_string(p.items + 1) + " respondents who answered every item and overall "
              "satisfaction; " + std::to_string(rows.size()) + " did");
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), k + 1);
  for (std::size_t j = 0; j < rows.size(); ++j) {
    const auto row = static_cast<Eigen::Index>(j);
    for (Eigen::Index i = 0; i < k; ++i) x(row, i) = p(rows[j], static_cast<std::size_t>(i));
    x(row, k) = overall[rows[j]];
  }
  x.rowwise() -= x.colwise().mean();
  const Eigen::VectorXd sd = x.colwise().norm().transpose();
  for (Eigen::Index i = 0; i <= k; ++i)
    require(sd(i) > 0, i == k ? std::string("overall satisfaction does not vary: its "
                                            "regression on the items is undefined")
                              : "item " + std::to_string(i) +
                                    " (0-based): every answer is the same, so it has no "
                                    "regression weight");
  const Eigen::MatrixXd z = x * sd.cwiseInverse().asDiagonal();
  const Eigen::MatrixXd corr = z.transpose() * z;
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(corr.topLeftCorner(k, k));
  require(qr.rank() == k, "the items are linearly dependent (one is a combination of "
                          "others), so their regression weights are not determined; use "
                          "correlation importance or drop an item");
  const Eigen::VectorXd beta = qr.solve(corr.col(k).head(k));
  used = rows.size();
  return std::vector<double>(beta.data(), beta.data() + k);
}

}  // namespace

const NameTable& names(IpaQuadrant) {
  static constexpr const char* kNames[] = {"concentrate-here", "keep-up-the-good-work",
                                           "low-priority", "possible-overkill"};
  static constexpr NameTable table("IPA quadrant", kNames);
  return table;
}

const NameTable& names(IpaImportance) {
  static constexpr const char* kNames[] = {"stated", "correlation", "regression"};
  static constexpr NameTable table("IPA importance", kNames);
  return table;
}

const NameTable& names(IpaCrosshair) {
  static constexpr const char* kNames[] = {"data-means", "scale-midpoint"};
  static constexpr NameTable table("IPA crosshair", kNames);
  return table;
}

IpaQuadrant ipa_quadrant(double importance, double performance, double importance_crosshair,
                         double performance_crosshair) noexcept {
  const bool important = importance >= importance_crosshair;
  const bool strong = performance > performance_crosshair;
  if (important) return strong ? IpaQuadrant::keep_up_the_good_work : IpaQuadrant::concentrate_here;
  return strong ? IpaQuadrant::possible_overkill : IpaQuadrant::low_priority;
}

IpaResult ipa(const Answers& performance, const Answers& importance, const double* overall,
              const IpaOptions& options) {
  names(options.importance).check(static_cast<long long>(options.importance), "importance");
  names(options.crosshair).check(static_cast<long long>(options.crosshair), "crosshair");
  require(performance.items >= 1, "performance: no items");
  detail::require_on_scale(performance, options.scale, "performance");
  const bool stated = options.importance == IpaImportance::stated;
  require(stated || options.crosshair == IpaCrosshair::data_means,
          "the scale-midpoint crosshair needs stated importance: derived importance (" +
              std::string(name_of(options.importance)) +
              ") is not on the scale, so it has no midpoint; use data-means");

  IpaResult result;
  result.performance = detail::item_means(performance, "performance");
  if (stated) {
    require(importance.items == performance.items,
            "importance has " + std::to_string(importance.items) + " items; performance has " +
                std::to_string(performance.items));
    detail::require_on_scale(importance, options.scale, "importance");
    result.importance = detail::item_means(importance, "importance");
    result.respondents = importance.respondents;
  } else {
    require_finite_overall(overall, performance.respondents);
    if (options.importance == IpaImportance::correlation) {
      result.respondents = performance.respondents;
      for (std::size_t i = 0; i < performance.items; ++i) {
        std::size_t used = 0;
        result.importance.push_back(item_correlation(performance, i, overall, used));
        result.respondents = std::min(result.respondents, used);
      }
    } else {
      result.importance = beta_weights(performance, overall, result.respondents);
    }
  }

  if (options.crosshair == IpaCrosshair::data_means) {
    result.importance_crosshair = mean_of(result.importance);
    result.performance_crosshair = mean_of(result.performance);
  } else {
    result.importance_crosshair = result.performance_crosshair = options.scale.midpoint();
  }
  for (std::size_t i = 0; i < performance.items; ++i)
    result.quadrant.push_back(ipa_quadrant(result.importance[i], result.performance[i],
                                           result.importance_crosshair,
                                           result.performance_crosshair));
  return result;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
