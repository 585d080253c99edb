// C API over k-means segmentation (include/crmkit/value/segment.hpp): converts arguments,
// calls the core, copies results out. Every rule and message is the core's.
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/value/segment.hpp"
#include "value/features.hpp"

using crmkit::capi::guarded;
using crmkit::capi::produce;
using crmkit::capi::require_pointer;
using crmkit::capi::require_version;
using crmkit::capi::enum_arg;
namespace capi = crmkit::capi;
namespace value = crmkit::value;

// The model, and the record of its fit when it was fitted here (not loaded).
struct crm_kmeans {
  value::KMeansModel model;
  std::optional<value::SegmentResult> fit;
};

namespace {

static_assert(CRM_SCALING_ROBUST == static_cast<int>(value::Scaling::robust), "crm_scaling");
static_assert(CRM_K_ELBOW == static_cast<int>(value::KSelection::elbow), "crm_k_selection");

crm_kmeans_options default_options() {
  const value::KMeansOptions o;
  crm_kmeans_options c{};
  c.k_min = o.k_min;
  c.k_max = o.k_max;
  c.n_init = o.n_init;
  c.max_iterations = o.max_iterations;
  c.tolerance = o.tolerance;
  c.seed = o.seed;
  c.silhouette_sample = o.silhouette_sample;
  c.selection = static_cast<int>(o.selection);
  c.threads = o.threads;
  c.scaling = static_cast<int>(o.scaling.scaling);
  return c;
}

value::KMeansOptions options_from(const crm_kmeans_options* opts) {
  value::KMeansOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_KMEANS_OPTIONS_VERSION, "crm_kmeans_options");
  o.k_min = opts->k_min;
  o.k_max = opts->k_max;
  o.n_init = opts->n_init;
  o.max_iterations = opts->max_iterations;
  o.tolerance = opts->tolerance;
  o.seed = opts->seed;
  o.silhouette_sample = opts->silhouette_sample;
  o.selection = enum_arg<value::KSelection>(opts->selection, "opts->selection");
  o.threads = opts->threads;
  o.scaling.scaling = enum_arg<value::Scaling>(opts->scaling, "opts->scaling");
  o.scaling.log1p = capi::strings_from(opts->log1p, opts->log1p_count, "opts->log1p");
  if (opts->value_column != nullptr) o.value_column = opts->value_column;
  return o;
}

const value::SegmentResult& fit_of(const crm_kmeans* model) {
  require_pointer(model, "model");
  if (!model->fit)
    throw crmkit::Error(crmkit::ErrorCode::invalid_state,
                        "this k-means model was loaded, not fitted: it has no fit record");
  return *model->fit;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(scaling, value::Scaling)
CRMKIT_CAPI_ENUM_NAMES(k_selection, value::KSelection)

CRM_API int crm_kmeans_options_init(crm_kmeans_options* opts, unsigned int version) {
  return capi::init_struct(opts, version, CRM_KMEANS_OPTIONS_VERSION, "opts", default_options);
}

CRM_API int crm_kmeans_fit(crm_kmeans** out, const double* x, size_t n, size_t p,
                           const char* const* names, const crm_kmeans_options* opts, int* labels) {
  return guarded([&] {
    produce(out, [&] {
      value::SegmentResult r = value::segment(capi::feature_table_from(x, n, p, names), options_from(opts));
      capi::copy_if(r.labels, labels);
      r.labels.clear();
      crm_kmeans m{r.model, std::move(r)};
      return m;
    });
  });
}

CRM_API void crm_kmeans_free(crm_kmeans* model) { delete model; }

CRM_API int crm_kmeans_info_get(const crm_kmeans* model, crm_kmeans_info* info) {
  return guarded([&] {
    require_pointer(model, "model");
    require_pointer(info, "info");
    require_version(info->version, CRM_KMEANS_INFO_VERSION, "crm_kmeans_info");
    info->k = model->model.k();
    info->features = model->model.scaler().size();
    info->inertia = model->fit ? model->fit->inertia : std::numeric_limits<double>::quiet_NaN();
    info->silhouette = model->fit ? model->fit->silhouette : std::numeric_limits<double>::quiet_NaN();
  });
}

CRM_API int crm_kmeans_feature_name(const crm_kmeans* model, size_t j, char* buf, size_t buf_len,
                                    size_t* out_len) {
  return guarded([&] {
    require_pointer(model, "model");
    const auto& names = model->model.feature_names();
    if (j >= names.size())
      throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                          "feature " + std::to_string(j) + " of " + std::to_string(names.size()));
    capi::copy_text(names[j], buf, buf_len, out_len);
  });
}

CRM_API int crm_kmeans_centers(const crm_kmeans* model, double* centers, size_t capacity) {
  return guarded([&] {
    require_pointer(model, "model");
    require_pointer(centers, "centers");
    const int k = model->model.k();
    const std::size_t p = model->model.scaler().size();
    capi::require_capacity(centers, capacity, static_cast<std::size_t>(k) * p);
    for (int c = 0; c < k; ++c)
      for (std::size_t j = 0; j < p; ++j) centers[static_cast<std::size_t>(c) * p + j] = model->model.center(c, j);
  });
}

CRM_API int crm_kmeans_scores(const crm_kmeans* model, int* k, double* inertia, double* silhouette,
                              size_t capacity, size_t* out_count) {
  return guarded([&] {
    const auto& fit = fit_of(model);
    require_pointer(out_count, "out_count");
    *out_count = fit.scores.size();
    for (const void* a : {static_cast<const void*>(k), static_cast<const void*>(inertia),
                          static_cast<const void*>(silhouette)})
      capi::require_capacity(a, capacity, fit.scores.size());
    for (std::size_t i = 0; i < fit.scores.size(); ++i) {
      if (k) k[i] = fit.scores[i].k;
      if (inertia) inertia[i] = fit.scores[i].inertia;
      if (silhouette) silhouette[i] = fit.scores[i].silhouette;
    }
  });
}

CRM_API int crm_kmeans_profiles(const crm_kmeans* model, size_t* sizes, double* value_share,
                                double* means, size_t capacity) {
  return guarded([&] {
    const auto& fit = fit_of(model);
    const std::size_t k = fit.profiles.size();
    for (const void* a : {static_cast<const void*>(sizes), static_cast<const void*>(value_share),
                          static_cast<const void*>(means)})
      capi::require_capacity(a, capacity, k);
    for (std::size_t c = 0; c < k; ++c) {
      const value::SegmentProfile& prof = fit.profiles[c];
      if (sizes) sizes[c] = prof.size;
      if (value_share) value_share[c] = prof.value_share;
      if (means) std::copy(prof.mean.begin(), prof.mean.end(), means + c * prof.mean.size());
    }
  });
}

CRM_API int crm_kmeans_assign(const crm_kmeans* model, const double* x, size_t n, size_t p,
                              const char* const* names, int* labels) {
  return guarded([&] {
    require_pointer(model, "model");
    require_pointer(labels, "labels");
    capi::copy_if(model->model.assign(capi::feature_table_from(x, n, p, names)), labels);
  });
}

CRM_API int crm_kmeans_save(const crm_kmeans* model, const char* path) {
  return guarded([&] {
    require_pointer(model, "model");
    require_pointer(path, "path");
    model->model.save(path);
  });
}

CRM_API int crm_kmeans_load(crm_kmeans** out, const char* path) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return crm_kmeans{value::KMeansModel::load(path), std::nullopt};
    });
  });
}

CRM_API int crm_kmeans_to_buffer(const crm_kmeans* model, void* buf, size_t buf_len, size_t* out_len) {
  return guarded([&] {
    require_pointer(model, "model");
    capi::bytes_out(model->model.to_bytes(), buf, buf_len, out_len);
  });
}

CRM_API int crm_kmeans_from_buffer(crm_kmeans** out, const void* buf, size_t len) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(buf, "buf");
      return crm_kmeans{value::KMeansModel::from_bytes(std::string(static_cast<const char*>(buf), len)),
                        std::nullopt};
    });
  });
}

}  // extern "C"
