// C API over the customer satisfaction index (include/crmkit/quality/csi.hpp).
#include <string>
#include <vector>

#include "crmkit/quality/csi.hpp"
#include "quality/answers.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

quality::CsiOptions csi_options(const crm_csi_options* opts) {
  quality::CsiOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_CSI_OPTIONS_VERSION, "crm_csi_options");
  o.scale = {opts->scale_min, opts->scale_max};
  o.weights = doubles_from(opts->weights, opts->weight_count, "opts->weights");
  o.level = opts->level;
  o.resamples = opts->resamples;
  o.seed = opts->seed;
  return o;
}

crm_csi_options default_csi_options() {
  const quality::CsiOptions o;
  crm_csi_options c{};
  c.scale_min = o.scale.min;
  c.scale_max = o.scale.max;
  c.level = o.level;
  c.resamples = o.resamples;
  c.seed = o.seed;
  return c;
}

void put(double* out, std::size_t i, double value) {
  if (out != nullptr) out[i] = value;
}

}  // namespace

extern "C" {

CRM_API int crm_csi_options_init(crm_csi_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_CSI_OPTIONS_VERSION, "opts", default_csi_options);
}

CRM_API int crm_csi(const double* answers, size_t respondents, size_t items,
                    const crm_csi_options* opts, crm_csi_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CSI_RESULT_VERSION, "crm_csi_result");
    const quality::CsiResult r =
        quality::csi(answers_arg(answers, respondents, items, "answers"), csi_options(opts));
    copy_if(r.item_mean, out->item_mean);
    copy_if(r.weights, out->weights);
    out->index = r.index;
    out->lower = r.lower;
    out->upper = r.upper;
    out->respondents = r.respondents;
  });
}

CRM_API int crm_csi_tracking(const double* const* waves, const size_t* respondents,
                             size_t n_waves, size_t items, const crm_csi_options* opts,
                             double* index, double* lower, double* upper, double* change,
                             double* change_lower, double* change_upper) {
  return guarded([&] {
    if (n_waves > 0) {
      require_pointer(waves, "waves");
      require_pointer(respondents, "respondents");
    }
    std::vector<quality::Answers> views;
    for (std::size_t w = 0; w < n_waves; ++w)
      views.push_back(answers_arg(waves[w], respondents[w], items,
                                  ("waves[" + std::to_string(w) + "]").c_str()));
    const std::vector<quality::CsiWave> t = quality::csi_tracking(views, csi_options(opts));
    for (std::size_t w = 0; w < t.size(); ++w) {
      put(index, w, t[w].csi.index);
      put(lower, w, t[w].csi.lower);
      put(upper, w, t[w].csi.upper);
      put(change, w, t[w].change);
      put(change_lower, w, t[w].change_lower);
      put(change_upper, w, t[w].change_upper);
    }
  });
}

}  // extern "C"
