// C API over Cronbach's alpha (include/crmkit/quality/reliability.hpp).
#include "crmkit/quality/reliability.hpp"
#include "quality/answers.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

quality::ReliabilityOptions reliability_options(const crm_reliability_options* opts) {
  quality::ReliabilityOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_RELIABILITY_OPTIONS_VERSION, "crm_reliability_options");
  o.missing = enum_arg<quality::MissingPolicy>(opts->missing, "opts->missing");
  return o;
}

crm_reliability_options default_reliability_options() {
  crm_reliability_options c{};
  c.missing = static_cast<int>(quality::ReliabilityOptions{}.missing);
  return c;
}

}  // namespace

extern "C" {

CRM_API int crm_reliability_options_init(crm_reliability_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_RELIABILITY_OPTIONS_VERSION, "opts",
                     default_reliability_options);
}

CRM_API int crm_reliability(const double* answers, size_t respondents, size_t items,
                            const crm_reliability_options* opts, crm_reliability_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_RELIABILITY_RESULT_VERSION, "crm_reliability_result");
    const quality::ReliabilityResult r = quality::reliability(
        answers_arg(answers, respondents, items, "answers"), reliability_options(opts));
    copy_if(r.alpha_if_deleted, out->alpha_if_deleted);
    copy_if(r.item_total_correlation, out->item_total_correlation);
    copy_if(r.item_mean, out->item_mean);
    copy_if(r.item_variance, out->item_variance);
    out->respondents = r.respondents;
    out->alpha_raw = r.alpha_raw;
    out->alpha_standardised = r.alpha_standardised;
    out->mean_correlation = r.mean_correlation;
  });
}

}  // extern "C"
