#include "crmkit/quality/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "crmkit/error.hpp"
#include "quality/item_stats.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace {

constexpr std::size_t index_of(GapSource s) { return static_cast<std::size_t>(s); }

// Minuend and subtrahend of each gap, in gap order (the table of the header).
constexpr std::pair<GapSource, GapSource> kGapTerms[kGaps] = {
    {GapSource::management, GapSource::expectations},
    {GapSource::specifications, GapSource::management},
    {GapSource::delivered, GapSource::specifications},
    {GapSource::delivered, GapSource::communicated},
    {GapSource::perceptions, GapSource::expectations},
};

// Gaps 1-4 are the provider's; gap 5 is their result.
constexpr std::size_t kProviderGaps = 4;

std::string source_where(GapSource s, const std::string& dimension) {
  return std::string(name_of(s)) + ", dimension '" + dimension + "'";
}

}  // namespace

const NameTable& names(GapSource) {
  static constexpr const char* kNames[] = {"expectations", "management",   "specifications",
                                           "delivered",    "communicated", "perceptions"};
  static constexpr NameTable table("gap-model source", kNames);
  return table;
}

const NameTable& names(Gap) {
  static constexpr const char* kNames[] = {"gap1", "gap2", "gap3", "gap4", "gap5"};
  static constexpr NameTable table("service-quality gap", kNames);
  return table;
}

const char* gap_title(Gap gap) noexcept {
  static constexpr const char* kTitles[] = {"knowledge", "standards", "delivery",
                                            "communication", "customer"};
  return kTitles[static_cast<std::size_t>(gap)];
}

const std::vector<std::string>& gap_remedies(Gap gap) {
  static const std::vector<std::string> kRemedies[kGaps] = {
      {"focus groups", "customer visits", "employee visits",
       "surveys including competitors' products", "after-sale evaluation",
       "front-line listening", "complaint records", "customer meetings"},
      {"build and measure a customer satisfaction index (CSI): choose the items",
       "choose the scales", "visualise results as radar, bar and line charts",
       "analyse statistically", "set improvement priorities"},
      {"collect information", "set CSI hard and soft indicators",
       "analyse the current process", "design the improved process", "standardise",
       "align management systems"},
      {},
      {},
  };
  return kRemedies[static_cast<std::size_t>(gap)];
}

DimensionGaps dimension_gaps(const std::array<double, kGapSources>& source) {
  DimensionGaps d;
  for (std::size_t g = 0; g < kGaps; ++g) {
    const auto [minuend, subtrahend] = kGapTerms[g];
    // NaN minus anything is NaN: an unmeasured source makes the gap not computable.
    d.gap[g] = source[index_of(minuend)] - source[index_of(subtrahend)];
  }
  for (std::size_t g = 0; g < kProviderGaps; ++g)
    if (d.gap[g] < 0) d.ranked.push_back(static_cast<Gap>(g));  // NaN < 0 is false
  // Largest shortfall first; stable, so equal shortfalls keep the lower gap number first.
  std::stable_sort(d.ranked.begin(), d.ranked.end(), [&](Gap a, Gap b) {
    return d.gap[static_cast<std::size_t>(a)] < d.gap[static_cast<std::size_t>(b)];
  });
  if (!d.ranked.empty()) d.main_contributor = d.ranked.front();
  for (Gap g : d.ranked)
    for (const std::string& text : gap_remedies(g)) d.remedies.push_back({g, text});
  return d;
}

GapReport five_gaps(const GapMeans& means) {
  const std::size_t dimensions = means.dimensions.size();
  require(dimensions > 0, "five gaps: no dimensions");
  for (std::size_t s = 0; s < kGapSources; ++s) {
    const auto source = static_cast<GapSource>(s);
    const std::vector<double>& values = means.source[s];
    if (values.empty()) continue;
    require(values.size() == dimensions,
            std::string(name_of(source)) + " has " + std::to_string(values.size()) +
                " values; there are " + std::to_string(dimensions) + " dimensions");
    for (std::size_t d = 0; d < dimensions; ++d)
      require(!std::isinf(values[d]), source_where(source, means.dimensions[d]) +
                                          ": the mean is infinite");
  }
  GapReport report;
  report.dimensions = means.dimensions;
  std::array<double, kGapSources> overall{};
  for (std::size_t s = 0; s < kGapSources; ++s) {
    const std::vector<double>& values = means.source[s];
    overall[s] = values.empty() ? NAN : 0.0;
    for (double v : values) overall[s] += v / static_cast<double>(dimensions);
  }
  for (std::size_t d = 0; d < dimensions; ++d) {
    std::array<double, kGapSources> source{};
    for (std::size_t s = 0; s < kGapSources; ++s)
      source[s] = means.source[s].empty() ? NAN : means.source[s][d];
    report.per_dimension.push_back(dimension_gaps(source));
  }
  report.overall = dimension_gaps(overall);
  return report;
}

GapMeans gap_means(const Instrument& instrument, const GapSurveys& surveys,
                   const MissingOptions& missing) {
  validate(instrument);
  GapMeans means;
  for (const Dimension& d : instrument.dimensions) means.dimensions.push_back(d.name);
  for (std::size_t s = 0; s < kGapSources; ++s) {
    const auto source = static_cast<GapSource>(s);
    const Answers& answers = surveys.source[s];
    if (answers.data == nullptr && answers.respondents == 0) continue;
    ScoredAnswers scored;
    try {
      scored = score_answers(instrument, answers, missing);
    } catch (const Error& e) {
      throw Error(e.code(), std::string(name_of(source)) + ": " + e.what());
    }
    require(scored.respondents > 0, std::string(name_of(source)) +
                                        ": no respondents (or, listwise, none who answered "
                                        "every item)");
    const std::vector<double> item_mean = detail::answered_means(scored.view());
    for (std::size_t d = 0; d < instrument.dimensions.size(); ++d) {
      double sum = 0;
      std::size_t items = 0;
      for (std::size_t i = instrument.first_item(d); i < instrument.first_item(d + 1); ++i)
        if (!std::isnan(item_mean[i])) sum += item_mean[i], ++items;
      require(items > 0, source_where(source, instrument.dimensions[d].name) +
                             ": no item of the dimension has an answer");
      means.source[s].push_back(sum / static_cast<double>(items));
    }
  }
  return means;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
