// C API over the five-gap model (include/crmkit/quality/gaps.hpp).
#include <cmath>
#include <string>

#include "crmkit/quality/gaps.hpp"
#include "quality/answers.hpp"
#include "quality/instrument.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

static_assert(CRM_GAP_SOURCE_PERCEPTIONS == static_cast<int>(quality::GapSource::perceptions),
              "gap sources");
static_assert(CRM_GAP5 == static_cast<int>(quality::Gap::gap5) &&
                  CRM_GAP_COUNT == quality::kGaps,
              "gaps");
static_assert(CRM_GAP_SOURCE_COUNT == quality::kGapSources, "gap sources");
constexpr std::size_t kRanked = quality::kGaps - 1;  // gaps 1-4 can be ranked

crm_gap_surveys default_gap_surveys() {
  const quality::MissingOptions m;
  crm_gap_surveys c{};
  c.missing = static_cast<int>(m.policy);
  c.min_answered = m.min_answered;
  return c;
}

quality::Gap gap_arg(int gap) { return crmkit::enum_from_int<quality::Gap>(gap, "gap"); }

int gap_or_none(const std::optional<quality::Gap>& gap) {
  return gap ? static_cast<int>(*gap) : -1;
}

// One dimension's figures into the caller's arrays at `gaps`, `main` and `ranked` (each may
// be NULL).
void write_dimension(const quality::DimensionGaps& d, double* gaps, int* main, int* ranked) {
  for (std::size_t g = 0; g < quality::kGaps; ++g)
    if (gaps != nullptr) gaps[g] = d.gap[g];
  if (main != nullptr) *main = gap_or_none(d.main_contributor);
  for (std::size_t k = 0; k < kRanked && ranked != nullptr; ++k)
    ranked[k] = k < d.ranked.size() ? static_cast<int>(d.ranked[k]) : -1;
}

template <class T>
T* at(T* base, std::size_t offset) {
  return base == nullptr ? nullptr : base + offset;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(gap_source, quality::GapSource)
CRMKIT_CAPI_ENUM_NAMES(gap, quality::Gap)

CRM_API const char* crm_gap_title(int gap) {
  return gap < 0 || gap >= CRM_GAP_COUNT ? nullptr
                                         : quality::gap_title(static_cast<quality::Gap>(gap));
}

CRM_API int crm_gap_remedy_count(int gap, size_t* out_count) {
  return guarded([&] {
    require_pointer(out_count, "out_count");
    *out_count = quality::gap_remedies(gap_arg(gap)).size();
  });
}

CRM_API int crm_gap_remedy(int gap, size_t i, const char** out_text) {
  return guarded([&] {
    require_pointer(out_text, "out_text");
    const auto& remedies = quality::gap_remedies(gap_arg(gap));
    crmkit::require(i < remedies.size(), "remedy " + std::to_string(i) + " of " +
                                             crmkit::name_of(gap_arg(gap)) +
                                             " is out of range (it has " +
                                             std::to_string(remedies.size()) + ")");
    *out_text = remedies[i].c_str();
  });
}

CRM_API int crm_gap_surveys_init(crm_gap_surveys* surveys, unsigned int version) {
  return init_struct(surveys, version, CRM_GAP_SURVEYS_VERSION, "surveys", default_gap_surveys);
}

CRM_API int crm_gap_means_from_answers(const crm_instrument* instrument,
                                       const crm_gap_surveys* surveys,
                                       double* out_means) {
  return guarded([&] {
    const quality::Instrument& in = instrument_of(instrument);
    require_pointer(surveys, "surveys");
    require_pointer(out_means, "out_means");
    require_version(surveys->version, CRM_GAP_SURVEYS_VERSION, "crm_gap_surveys");
    const std::pair<const double*, std::size_t> given[] = {
        {surveys->expectations, surveys->expectations_respondents},
        {surveys->management, surveys->management_respondents},
        {surveys->specifications, surveys->specifications_respondents},
        {surveys->delivered, surveys->delivered_respondents},
        {surveys->communicated, surveys->communicated_respondents},
        {surveys->perceptions, surveys->perceptions_respondents}};
    quality::GapSurveys s;
    for (std::size_t k = 0; k < quality::kGapSources; ++k)
      if (given[k].first != nullptr)
        s.source[k] = answers_from(given[k].first, given[k].second, in,
                                   crmkit::name_of(static_cast<quality::GapSource>(k)));
    const quality::GapMeans m =
        quality::gap_means(in, s, missing_from(surveys->missing, surveys->min_answered));
    const std::size_t dimensions = in.dimensions.size();
    for (std::size_t k = 0; k < quality::kGapSources; ++k)
      for (std::size_t d = 0; d < dimensions; ++d)
        out_means[k * dimensions + d] = m.source[k].empty() ? NAN : m.source[k][d];
  });
}

CRM_API int crm_five_gaps(const crm_gap_means* means, crm_gap_result* out) {
  return guarded([&] {
    require_pointer(means, "means");
    require_pointer(out, "out");
    require_version(means->version, CRM_GAP_MEANS_VERSION, "crm_gap_means");
    require_version(out->version, CRM_GAP_RESULT_VERSION, "crm_gap_result");
    quality::GapMeans m;
    const std::size_t n = means->dimensions;
    crmkit::require(n <= (std::size_t{1} << 24), "means->dimensions is " + std::to_string(n) +
                                                     "; at most 2^24");
    for (std::size_t d = 0; d < n; ++d) m.dimensions.push_back(std::to_string(d));
    const double* sources[] = {means->expectations, means->management,
                               means->specifications, means->delivered,
                               means->communicated, means->perceptions};
    for (std::size_t s = 0; s < quality::kGapSources; ++s)
      if (sources[s] != nullptr) m.source[s].assign(sources[s], sources[s] + n);
    const quality::GapReport r = quality::five_gaps(m);
    for (std::size_t d = 0; d < n; ++d)
      write_dimension(r.per_dimension[d], at(out->gaps, d * quality::kGaps),
                      at(out->main_contributor, d), at(out->ranked, d * kRanked));
    write_dimension(r.overall, out->overall_gaps, &out->overall_main_contributor,
                    out->overall_ranked);
  });
}

}  // extern "C"
