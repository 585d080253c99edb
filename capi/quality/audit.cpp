// C API over category sums: the self-audit and employee satisfaction
// (include/crmkit/quality/audit.hpp).
#include "crmkit/quality/audit.hpp"
#include "quality/instrument.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

crm_category_options default_category_options() {
  const quality::MissingOptions o;
  crm_category_options c{};
  c.missing = static_cast<int>(o.policy);
  c.min_answered = o.min_answered;
  return c;
}

quality::MissingOptions category_options(const crm_category_options* opts) {
  if (opts == nullptr) return {};
  require_version(opts->version, CRM_CATEGORY_OPTIONS_VERSION, "crm_category_options");
  return missing_from(opts->missing, opts->min_answered);
}

}  // namespace

extern "C" {

CRM_API int crm_category_options_init(crm_category_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_CATEGORY_OPTIONS_VERSION, "opts", default_category_options);
}

CRM_API int crm_category_scores(const crm_instrument* instrument, const double* answers,
                                size_t respondents, const crm_category_options* opts,
                                crm_category_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CATEGORY_RESULT_VERSION, "crm_category_result");
    const quality::Instrument& in = instrument_of(instrument);
    const quality::CategoryScores s = quality::category_scores(
        in, answers_from(answers, respondents, in, "answers"), category_options(opts));
    copy_if(s.score, out->score);
    copy_if(s.percentage, out->percentage);
    copy_if(s.total, out->total);
    copy_if(s.total_percentage, out->total_percentage);
    copy_if(s.maximum, out->maximum);
    copy_if(s.mean_score, out->mean_score);
    copy_if(s.mean_percentage, out->mean_percentage);
    copy_if(s.scored, out->scored);
    copy_if(s.weakest, out->weakest);
    out->total_maximum = s.total_maximum;
    out->mean_total = s.mean_total;
    out->mean_total_percentage = s.mean_total_percentage;
    out->scored_total = s.scored_total;
  });
}

}  // extern "C"
