// C API over importance-performance analysis (include/crmkit/quality/ipa.hpp).
#include "crmkit/quality/ipa.hpp"
#include "quality/answers.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

static_assert(CRM_IPA_POSSIBLE_OVERKILL == static_cast<int>(quality::IpaQuadrant::possible_overkill),
              "IPA quadrants");
static_assert(CRM_IPA_REGRESSION == static_cast<int>(quality::IpaImportance::regression),
              "IPA importance");
static_assert(CRM_IPA_SCALE_MIDPOINT == static_cast<int>(quality::IpaCrosshair::scale_midpoint),
              "IPA crosshair");

quality::IpaOptions ipa_options(const crm_ipa_options* opts) {
  quality::IpaOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_IPA_OPTIONS_VERSION, "crm_ipa_options");
  o.importance = enum_arg<quality::IpaImportance>(opts->importance, "opts->importance");
  o.crosshair = enum_arg<quality::IpaCrosshair>(opts->crosshair, "opts->crosshair");
  o.scale = {opts->scale_min, opts->scale_max};
  return o;
}

crm_ipa_options default_ipa_options() {
  const quality::IpaOptions o;
  crm_ipa_options c{};
  c.importance = static_cast<int>(o.importance);
  c.crosshair = static_cast<int>(o.crosshair);
  c.scale_min = o.scale.min;
  c.scale_max = o.scale.max;
  return c;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(ipa_quadrant, quality::IpaQuadrant)
CRMKIT_CAPI_ENUM_NAMES(ipa_importance, quality::IpaImportance)
CRMKIT_CAPI_ENUM_NAMES(ipa_crosshair, quality::IpaCrosshair)

CRM_API int crm_ipa_options_init(crm_ipa_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_IPA_OPTIONS_VERSION, "opts", default_ipa_options);
}

CRM_API int crm_ipa(const double* performance, size_t respondents, size_t items,
                    const double* importance, size_t importance_respondents,
                    const double* overall, const crm_ipa_options* opts, crm_ipa_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_IPA_RESULT_VERSION, "crm_ipa_result");
    const quality::IpaOptions o = ipa_options(opts);
    const bool stated = o.importance == quality::IpaImportance::stated;
    const quality::Answers p = answers_arg(performance, respondents, items, "performance");
    const quality::Answers i =
        stated ? answers_arg(importance, importance_respondents, items, "importance")
               : quality::Answers{};
    if (!stated && respondents > 0) require_pointer(overall, "overall");
    const quality::IpaResult r = quality::ipa(p, i, overall, o);
    copy_if(r.importance, out->importance);
    copy_if(r.performance, out->performance);
    if (out->quadrant != nullptr) enums_to(r.quadrant, out->quadrant);
    out->importance_crosshair = r.importance_crosshair;
    out->performance_crosshair = r.performance_crosshair;
    out->respondents = r.respondents;
  });
}

}  // extern "C"
