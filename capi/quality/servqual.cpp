// C API over SERVQUAL scores (include/crmkit/quality/servqual.hpp).
#include <vector>

#include "crmkit/quality/servqual.hpp"
#include "quality/instrument.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

static_assert(CRM_ZONE_BELOW == static_cast<int>(quality::ZonePosition::below) &&
                  CRM_ZONE_ABOVE == static_cast<int>(quality::ZonePosition::above),
              "crm_zone_position mirrors quality::ZonePosition");

crm_estimate to_c(const quality::Estimate& e) { return {e.mean, e.sd, e.n, e.lower, e.upper}; }

quality::ServqualOptions servqual_options(const crm_servqual_options* opts) {
  quality::ServqualOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_SERVQUAL_OPTIONS_VERSION, "crm_servqual_options");
  o.missing = missing_from(opts->missing, opts->min_answered);
  o.confidence = opts->confidence;
  return o;
}

crm_servqual_options default_servqual_options() {
  const quality::ServqualOptions o;
  crm_servqual_options c{};
  c.missing = static_cast<int>(o.missing.policy);
  c.min_answered = o.missing.min_answered;
  c.confidence = o.confidence;
  return c;
}

// One measure of every line into an optional caller array.
void copy_measure(const std::vector<quality::ServqualLine>& lines,
                  quality::Estimate quality::ServqualLine::*measure, crm_estimate* out) {
  if (out == nullptr) return;
  for (std::size_t i = 0; i < lines.size(); ++i) out[i] = to_c(lines[i].*measure);
}

void copy_lines(const std::vector<quality::ServqualLine>& lines, crm_estimate* expected,
                crm_estimate* perceived, crm_estimate* gap, crm_estimate* adequate,
                crm_estimate* msa, uint8_t* zone) {
  copy_measure(lines, &quality::ServqualLine::expected, expected);
  copy_measure(lines, &quality::ServqualLine::perceived, perceived);
  copy_measure(lines, &quality::ServqualLine::gap, gap);
  copy_measure(lines, &quality::ServqualLine::adequate, adequate);
  copy_measure(lines, &quality::ServqualLine::msa, msa);
  if (zone != nullptr)
    for (std::size_t i = 0; i < lines.size(); ++i) zone[i] = static_cast<uint8_t>(lines[i].zone);
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(zone_position, quality::ZonePosition)

CRM_API int crm_servqual_options_init(crm_servqual_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_SERVQUAL_OPTIONS_VERSION, "opts", default_servqual_options);
}

CRM_API int crm_servqual(const crm_instrument* instrument, const double* expected,
                         const double* perceived, const double* adequate, const double* weights,
                         size_t respondents, const crm_servqual_options* opts,
                         crm_servqual_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_SERVQUAL_RESULT_VERSION, "crm_servqual_result");
    const quality::Instrument& in = instrument_of(instrument);
    quality::ServqualSurvey survey;
    survey.expected = answers_from(expected, respondents, in, "expected");
    survey.perceived = answers_from(perceived, respondents, in, "perceived");
    if (adequate != nullptr) survey.adequate = answers_from(adequate, respondents, in, "adequate");
    survey.weights = weights;
    const quality::ServqualResult r = quality::servqual(in, survey, servqual_options(opts));
    copy_lines(r.items, out->item_expected, out->item_perceived, out->item_gap, out->item_adequate,
               out->item_msa, out->item_zone);
    copy_lines(r.dimensions, out->dimension_expected, out->dimension_perceived, out->dimension_gap,
               out->dimension_adequate, out->dimension_msa, out->dimension_zone);
    copy_if(r.respondent_dimension_gap, out->respondent_dimension_gap);
    copy_if(r.respondent_weighted_gap, out->respondent_weighted_gap);
    out->gap_mean_of_items = r.gap.mean_of_items;
    out->gap_mean_of_dimensions = r.gap.mean_of_dimensions;
    out->servperf_mean_of_items = r.servperf.mean_of_items;
    out->servperf_mean_of_dimensions = r.servperf.mean_of_dimensions;
    out->weighted_gap = to_c(r.weighted_gap);
    out->has_adequate = r.has_adequate;
    out->has_weights = r.has_weights;
    out->respondents_used = r.respondents_used;
  });
}

}  // extern "C"
