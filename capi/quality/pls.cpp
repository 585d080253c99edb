// C API over PLS satisfaction index models (include/crmkit/quality/pls.hpp).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "convert.hpp"
#include "crmkit/quality/pls.hpp"
#include "crmkit/quality.h"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

struct crm_pls {
  quality::PlsResult result;
  std::vector<std::pair<std::size_t, std::size_t>> paths;  // block indices, model order
  quality::PlsBootstrap bootstrap;                          // empty without opts->bootstrap
};

namespace {

crm_pls_options default_pls_options() {
  const quality::PlsOptions o;
  const quality::PlsBootstrapOptions b;
  crm_pls_options c{};
  c.scheme = static_cast<int>(o.scheme);
  c.tolerance = o.tolerance;
  c.max_iterations = o.max_iterations;
  c.index_method = static_cast<int>(o.index);
  c.scale_min = o.scale.min;
  c.scale_max = o.scale.max;
  c.bootstrap = 0;  // a fit bootstraps only when asked
  c.seed = b.seed;
  c.level = b.level;
  c.threads = b.threads;
  return c;
}

const crm_pls& pls_of(const crm_pls* pls) {
  require_pointer(pls, "pls");
  return *pls;
}

void require_index(std::size_t i, std::size_t count, const char* what) {
  if (i >= count)
    throw crmkit::Error(crmkit::ErrorCode::invalid_argument, std::string(what) + " " + std::to_string(i) +
                                                                 " is out of range (the model has " +
                                                                 std::to_string(count) + ")");
}

crm_pls_estimate estimate_to_c(const quality::PlsEstimate& e) {
  return {e.estimate, e.mean, e.std_error, e.t, e.lower, e.upper, e.bca_lower, e.bca_upper};
}

void estimates_out(const std::vector<quality::PlsEstimate>& in, crm_pls_estimate* out) {
  if (out == nullptr) return;
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = estimate_to_c(in[i]);
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(pls_scheme, quality::PlsScheme)
CRMKIT_CAPI_ENUM_NAMES(pls_index_method, quality::PlsIndexMethod)

CRM_API int crm_pls_options_init(crm_pls_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_PLS_OPTIONS_VERSION, "opts", default_pls_options);
}

CRM_API int crm_pls_fit(crm_pls** out, const char* model, const double* data, size_t respondents,
                        size_t columns, const char* const* column_names, const crm_pls_options* opts) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = nullptr;
    require_pointer(model, "model");
    const crm_pls_options c = opts != nullptr ? *opts : default_pls_options();
    if (opts != nullptr) require_version(opts->version, CRM_PLS_OPTIONS_VERSION, "crm_pls_options");
    quality::PlsOptions o;
    o.scheme = enum_arg<quality::PlsScheme>(c.scheme, "opts->scheme");
    o.tolerance = c.tolerance;
    o.max_iterations = c.max_iterations;
    o.index = enum_arg<quality::PlsIndexMethod>(c.index_method, "opts->index_method");
    o.scale = {c.scale_min, c.scale_max};
    if (c.ipma_target != nullptr) o.ipma_target = c.ipma_target;
    const std::string text = model;
    const quality::PlsSpec spec = text == "ecsi"   ? quality::pls_ecsi()
                                  : text == "acsi" ? quality::pls_acsi()
                                                   : quality::parse_pls_spec(text, "model");
    if (columns > 0) require_pointer(column_names, "column_names");
    if (columns > 0 && respondents > PTRDIFF_MAX / sizeof(double) / columns)
      throw crmkit::Error(crmkit::ErrorCode::invalid_argument, "data: " + std::to_string(respondents) +
                                                                   " respondents x " + std::to_string(columns) +
                                                                   " columns cannot be in memory");
    if (respondents > 0 && columns > 0) require_pointer(data, "data");
    const quality::PlsData d{{data, respondents, columns}, strings_from(column_names, columns, "column_names")};
    auto handle = std::make_unique<crm_pls>();
    handle->result = quality::pls_fit(spec, d, o);
    for (const quality::PlsPath& p : spec.paths) {
      const auto at = [&](const std::string& n) {
        return std::size_t(std::find(handle->result.latent.begin(), handle->result.latent.end(), n) -
                           handle->result.latent.begin());
      };
      handle->paths.emplace_back(at(p.from), at(p.to));
    }
    if (c.bootstrap > 0) {
      quality::PlsBootstrapOptions b;
      b.resamples = c.bootstrap;
      b.seed = c.seed;
      b.level = c.level;
      b.threads = c.threads;
      handle->bootstrap = quality::pls_bootstrap(spec, d, o, b);
    }
    *out = handle.release();
  });
}

CRM_API void crm_pls_free(crm_pls* pls) { delete pls; }

CRM_API int crm_pls_counts(const crm_pls* pls, size_t* blocks, size_t* indicators, size_t* paths,
                           size_t* respondents) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    if (blocks != nullptr) *blocks = p.result.latent.size();
    if (indicators != nullptr) *indicators = p.result.indicator.size();
    if (paths != nullptr) *paths = p.paths.size();
    if (respondents != nullptr) *respondents = p.result.respondents;
  });
}

CRM_API int crm_pls_block_name(const crm_pls* pls, size_t block, char* buf, size_t buf_len, size_t* out_len) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    require_index(block, p.result.latent.size(), "block");
    copy_text(p.result.latent[block], buf, buf_len, out_len);
  });
}

CRM_API int crm_pls_indicator_name(const crm_pls* pls, size_t indicator, char* buf, size_t buf_len,
                                   size_t* out_len) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    require_index(indicator, p.result.indicator.size(), "indicator");
    copy_text(p.result.indicator[indicator], buf, buf_len, out_len);
  });
}

CRM_API int crm_pls_path_blocks(const crm_pls* pls, size_t path, size_t* from, size_t* to) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    require_index(path, p.paths.size(), "path");
    require_pointer(from, "from");
    require_pointer(to, "to");
    *from = p.paths[path].first;
    *to = p.paths[path].second;
  });
}

CRM_API int crm_pls_indicator_block(const crm_pls* pls, size_t indicator, size_t* block) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    require_index(indicator, p.result.indicator.size(), "indicator");
    require_pointer(block, "block");
    *block = p.result.block_of[indicator];
  });
}

CRM_API int crm_pls_results(const crm_pls* pls, crm_pls_result* out) {
  return guarded([&] {
    const quality::PlsResult& r = pls_of(pls).result;
    require_pointer(out, "out");
    require_version(out->version, CRM_PLS_RESULT_VERSION, "crm_pls_result");
    copy_if(r.path_coefficient, out->path_coefficient);
    copy_if(r.weights, out->weights);
    copy_if(r.loadings, out->loadings);
    copy_if(r.index_weights, out->index_weights);
    copy_if(r.r2, out->r2);
    copy_if(r.r2_adjusted, out->r2_adjusted);
    copy_if(r.alpha_raw, out->alpha_raw);
    copy_if(r.alpha_standardised, out->alpha_standardised);
    copy_if(r.rho_c, out->rho_c);
    copy_if(r.rho_a, out->rho_a);
    copy_if(r.ave, out->ave);
    copy_if(r.index_mean, out->index_mean);
    copy_if(r.ipma_importance, out->ipma_importance);
    copy_if(r.total_effects, out->total_effects);
    copy_if(r.indirect_effects, out->indirect_effects);
    copy_if(r.htmt, out->htmt);
    copy_if(r.vif, out->vif);
    out->gof = r.gof;
    out->iterations = r.iterations;
    out->ipma_target = r.ipma_target;
  });
}

CRM_API int crm_pls_scores(const crm_pls* pls, double* standardised, double* index) {
  return guarded([&] {
    const quality::PlsResult& r = pls_of(pls).result;
    copy_if(r.scores, standardised);
    copy_if(r.index_scores, index);
  });
}

CRM_API int crm_pls_bootstrap(const crm_pls* pls, crm_pls_estimate* paths, crm_pls_estimate* weights,
                              crm_pls_estimate* loadings) {
  return guarded([&] {
    const crm_pls& p = pls_of(pls);
    if (p.bootstrap.resamples == 0)
      throw crmkit::Error(crmkit::ErrorCode::invalid_state,
                          "the model was fitted without a bootstrap (set opts->bootstrap)");
    estimates_out(p.bootstrap.paths, paths);
    estimates_out(p.bootstrap.weights, weights);
    estimates_out(p.bootstrap.loadings, loadings);
  });
}

}  // extern "C"
