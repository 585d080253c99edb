// C API over the churn model (include/crmkit/value/churn.hpp): converts arguments, calls
// the core, copies results out. Every rule and message is the core's.
#include <string>
#include <vector>

#include "crmkit/value/churn.hpp"
#include "value/features.hpp"

using crmkit::capi::guarded;
using crmkit::capi::produce;
using crmkit::capi::require_pointer;
using crmkit::capi::require_version;
using crmkit::capi::enum_arg;
namespace capi = crmkit::capi;
namespace value = crmkit::value;

struct crm_churn {
  value::ChurnModel model;
};

namespace {

crm_churn_options default_options() {
  const value::ChurnOptions o;
  crm_churn_options c{};
  c.l2 = o.l2;
  c.balanced = o.balanced;
  c.max_iterations = o.max_iterations;
  c.tolerance = o.tolerance;
  c.threshold = o.threshold;
  c.threads = o.threads;
  c.scaling = static_cast<int>(o.scaling.scaling);
  return c;
}

value::ChurnOptions options_from(const crm_churn_options* opts) {
  value::ChurnOptions o;
  o.training_metrics = false;  // C callers ask crm_churn_evaluate when they want them
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_CHURN_OPTIONS_VERSION, "crm_churn_options");
  o.l2 = opts->l2;
  o.balanced = opts->balanced != 0;
  o.max_iterations = opts->max_iterations;
  o.tolerance = opts->tolerance;
  o.threshold = opts->threshold;
  o.threads = opts->threads;
  o.scaling.scaling = enum_arg<value::Scaling>(opts->scaling, "opts->scaling");
  o.scaling.log1p = capi::strings_from(opts->log1p, opts->log1p_count, "opts->log1p");
  return o;
}

const value::ChurnModel& model_of(const crm_churn* model) {
  require_pointer(model, "model");
  return model->model;
}

}  // namespace

extern "C" {

CRM_API int crm_churn_options_init(crm_churn_options* opts, unsigned int version) {
  return capi::init_struct(opts, version, CRM_CHURN_OPTIONS_VERSION, "opts", default_options);
}

CRM_API int crm_churn_fit(crm_churn** out, const double* x, size_t n, size_t p,
                          const char* const* names, const double* label,
                          const crm_churn_options* opts, double* probability) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(label, "label");
      value::ChurnFit fit = value::fit_churn(capi::feature_table_from(x, n, p, names), label, options_from(opts));
      capi::copy_if(fit.probability, probability);
      return std::move(fit.model);
    });
  });
}

CRM_API void crm_churn_free(crm_churn* model) { delete model; }

CRM_API int crm_churn_coefficients(const crm_churn* model, const char** names, double* estimate,
                                   double* standard_error, double* z, double* odds_ratio,
                                   size_t capacity, size_t* out_count) {
  return guarded([&] {
    const auto& coef = model_of(model).coefficients();
    require_pointer(out_count, "out_count");
    *out_count = coef.size();
    for (const void* a : {static_cast<const void*>(names), static_cast<const void*>(estimate),
                          static_cast<const void*>(standard_error), static_cast<const void*>(z),
                          static_cast<const void*>(odds_ratio)})
      capi::require_capacity(a, capacity, coef.size());
    for (std::size_t j = 0; j < coef.size(); ++j) {
      if (names) names[j] = coef[j].name.c_str();
      if (estimate) estimate[j] = coef[j].estimate;
      if (standard_error) standard_error[j] = coef[j].standard_error;
      if (z) z[j] = coef[j].z;
      if (odds_ratio) odds_ratio[j] = coef[j].odds_ratio;
    }
  });
}

CRM_API int crm_churn_predict(const crm_churn* model, const double* x, size_t n, size_t p,
                              const char* const* names, double* probability) {
  return guarded([&] {
    require_pointer(probability, "probability");
    capi::copy_if(model_of(model).predict(capi::feature_table_from(x, n, p, names)), probability);
  });
}

CRM_API int crm_churn_evaluate(const double* probability, const double* label, size_t n,
                               double threshold, crm_churn_metrics* out, double* lift,
                               double* cumulative_lift, size_t lift_capacity, size_t* out_deciles,
                               size_t* calibration_customers, double* calibration_probability,
                               double* calibration_observed) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CHURN_METRICS_VERSION, "crm_churn_metrics");
    const value::ChurnMetrics m = value::evaluate_churn(probability, label, n, threshold);
    capi::require_capacity(lift, lift_capacity, m.lift.size());
    capi::require_capacity(cumulative_lift, lift_capacity, m.lift.size());
    out->customers = m.customers;
    out->churn_rate = m.churn_rate;
    out->log_loss = m.log_loss;
    out->auc = m.auc;
    out->threshold = m.threshold;
    out->precision = m.precision;
    out->recall = m.recall;
    out->accuracy = m.accuracy;
    if (out_deciles) *out_deciles = m.lift.size();
    for (std::size_t d = 0; d < m.lift.size(); ++d) {
      if (lift) lift[d] = m.lift[d].lift;
      if (cumulative_lift) cumulative_lift[d] = m.lift[d].cumulative_lift;
    }
    for (std::size_t b = 0; b < m.calibration.size(); ++b) {
      if (calibration_customers) calibration_customers[b] = m.calibration[b].customers;
      if (calibration_probability) calibration_probability[b] = m.calibration[b].mean_probability;
      if (calibration_observed) calibration_observed[b] = m.calibration[b].observed_rate;
    }
  });
}

CRM_API int crm_churn_sensitivity(const crm_churn* model, const double* x, size_t n, size_t p,
                                  const char* const* names, const char* feature, double delta,
                                  const double* value, double* before, double* after,
                                  double* value_at_risk_before, double* value_at_risk_after) {
  return guarded([&] {
    require_pointer(feature, "feature");
    const value::ChurnSensitivity s =
        model_of(model).sensitivity(capi::feature_table_from(x, n, p, names), feature, delta, value);
    capi::copy_if(s.before, before);
    capi::copy_if(s.after, after);
    if (value_at_risk_before) *value_at_risk_before = s.value_at_risk_before;
    if (value_at_risk_after) *value_at_risk_after = s.value_at_risk_after;
  });
}

CRM_API int crm_churn_drivers(const crm_churn* model, const double* x, size_t n, size_t p,
                              const char* const* names, const int* groups, double* effects,
                              size_t capacity, size_t* out_groups) {
  return guarded([&] {
    const value::ChurnModel& m = model_of(model);
    require_pointer(out_groups, "out_groups");
    const std::vector<value::GroupDrivers> d = m.drivers(capi::feature_table_from(x, n, p, names), groups);
    const std::size_t features = m.feature_names().size();
    *out_groups = d.size();
    require_pointer(effects, "effects");
    capi::require_capacity(effects, capacity, d.size() * features);
    // The core ranks each group's drivers; C gets them in model feature order.
    for (std::size_t g = 0; g < d.size(); ++g)
      for (const value::ChurnDriver& driver : d[g].drivers)
        for (std::size_t j = 0; j < features; ++j)
          if (m.feature_names()[j] == driver.feature) effects[g * features + j] = driver.effect;
  });
}

CRM_API int crm_churn_save(const crm_churn* model, const char* path) {
  return guarded([&] {
    require_pointer(path, "path");
    model_of(model).save(path);
  });
}

CRM_API int crm_churn_load(crm_churn** out, const char* path) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return value::ChurnModel::load(path);
    });
  });
}

CRM_API int crm_churn_to_buffer(const crm_churn* model, void* buf, size_t buf_len, size_t* out_len) {
  return guarded([&] { capi::bytes_out(model_of(model).to_bytes(), buf, buf_len, out_len); });
}

CRM_API int crm_churn_from_buffer(crm_churn** out, const void* buf, size_t len) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(buf, "buf");
      return value::ChurnModel::from_bytes(std::string(static_cast<const char*>(buf), len));
    });
  });
}

}  // extern "C"
