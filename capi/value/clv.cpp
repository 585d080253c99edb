// C API over the CLV models (include/crmkit/value/clv/model.hpp): converts arguments, calls
// the core, copies results out. Every rule and message is the core's.
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/value/clv/model.hpp"
#include "guard.hpp"
#include "value/clv.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::capi::guarded;
using crmkit::capi::produce;
using crmkit::capi::require_pointer;
using crmkit::capi::enum_arg;
using crmkit::capi::require_version;
namespace value = crmkit::value;

using crmkit::capi::fit_options;

crmkit::value::FitOptions crmkit::capi::fit_options(const crm_clv_fit_options* opts) {
  value::FitOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_CLV_FIT_OPTIONS_VERSION, "crm_clv_fit_options");
  o.starts = opts->starts;
  o.tolerance = opts->tolerance;
  o.max_iterations = opts->max_iterations;
  o.penalty = opts->penalty;
  o.require_convergence = opts->require_convergence != 0;
  return o;
}

namespace {

value::ClvOptions clv_options(const crm_clv_options* opts) {
  require_pointer(opts, "opts");
  require_version(opts->version, CRM_CLV_OPTIONS_VERSION, "crm_clv_options");
  value::ClvOptions o;
  o.horizon = opts->horizon;
  o.discount_rate = opts->discount_rate;
  o.period = opts->period;
  o.discounting = enum_arg<value::Discounting>(opts->discounting, "opts->discounting");
  return o;
}

static_assert(CRM_CLV_GAMMA_GAMMA == static_cast<int>(value::ClvModelKind::gamma_gamma), "crm_clv_kind");
static_assert(CRM_DISCOUNT_CONTINUOUS == static_cast<int>(value::Discounting::continuous), "crm_discounting");

value::ClvModelKind kind_arg(int kind) { return enum_arg<value::ClvModelKind>(kind, "kind"); }

std::optional<value::ClvModelKind> expected_kind(int kind) {
  if (kind == CRM_CLV_ANY) return std::nullopt;
  return kind_arg(kind);
}

crm_clv_fit_options default_fit_options() {
  const value::FitOptions o;
  crm_clv_fit_options c{};
  c.starts = o.starts;
  c.tolerance = o.tolerance;
  c.max_iterations = o.max_iterations;
  c.penalty = o.penalty;
  c.require_convergence = o.require_convergence;
  return c;
}

crm_clv_options default_clv_options() {
  const value::ClvOptions o;
  crm_clv_options c{};
  c.horizon = o.horizon;
  c.discount_rate = o.discount_rate;
  c.period = o.period;
  c.discounting = static_cast<int>(o.discounting);
  return c;
}

// Columns of customers: every pointer is needed once there is a row.
void require_columns(std::size_t n, std::initializer_list<std::pair<const void*, const char*>> columns) {
  if (n == 0) return;
  for (const auto& [p, name] : columns) require_pointer(p, name);
}

void require_model(const crm_clv_model* model) { require_pointer(model, "model"); }

}  // namespace

extern "C" {

CRM_API int crm_clv_fit_options_init(crm_clv_fit_options* opts, unsigned int version) {
  return crmkit::capi::init_struct(opts, version, CRM_CLV_FIT_OPTIONS_VERSION, "opts",
                                   default_fit_options);
}

CRM_API int crm_clv_options_init(crm_clv_options* opts, unsigned int version) {
  return crmkit::capi::init_struct(opts, version, CRM_CLV_OPTIONS_VERSION, "opts",
                                   default_clv_options);
}

CRMKIT_CAPI_ENUM_NAMES(clv_kind, value::ClvModelKind)

CRMKIT_CAPI_ENUM_NAMES(discounting, value::Discounting)

CRM_API int crm_clv_fit(crm_clv_model** out, int kind, const double* frequency,
                        const double* recency, const double* T, const double* weights,
                        size_t n, const crm_clv_fit_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      value::ClvModel m(kind_arg(kind));
      m.fit(frequency, recency, T, n, fit_options(opts), weights);
      return m;
    });
  });
}

CRM_API int crm_clv_fit_spend(crm_clv_model** out, const double* frequency,
                              const double* monetary_value, const double* weights, size_t n,
                              const crm_clv_fit_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      value::ClvModel m(value::ClvModelKind::gamma_gamma);
      m.fit_spend(frequency, monetary_value, n, fit_options(opts), weights);
      return m;
    });
  });
}

CRM_API int crm_clv_create(crm_clv_model** out, int kind, const double* params, size_t n_params) {
  return guarded([&] {
    produce(out, [&] {
      require_columns(n_params, {{params, "params"}});
      const Eigen::VectorXd p = n_params == 0 ? Eigen::VectorXd()
                                              : Eigen::Map<const Eigen::VectorXd>(
                                                    params, static_cast<Eigen::Index>(n_params));
      return value::ClvModel(kind_arg(kind), p);
    });
  });
}

CRM_API void crm_clv_free(crm_clv_model* model) { delete model; }

CRM_API int crm_clv_kind_of(const crm_clv_model* model, int* out_kind) {
  return guarded([&] {
    require_model(model);
    require_pointer(out_kind, "out_kind");
    *out_kind = static_cast<int>(model->model.kind());
  });
}

CRM_API int crm_clv_params(const crm_clv_model* model, const char** names, double* values,
                           double* standard_errors, size_t capacity, size_t* out_count) {
  return guarded([&] {
    require_model(model);
    require_pointer(out_count, "out_count");
    const auto& m = model->model;
    const std::vector<std::string>& param_names = m.parameter_names();
    const std::size_t k = param_names.size();
    *out_count = k;
    if (capacity < k) throw crmkit::capi::BufferTooSmall(k, capacity);
    const Eigen::VectorXd v = m.parameter_vector();
    // A model made from parameters has no fit, so no standard errors (see crmkit/value.h).
    const Eigen::VectorXd se = m.has_fit() ? m.fit_result().standard_errors
                                           : Eigen::VectorXd::Constant(
                                                 static_cast<Eigen::Index>(k),
                                                 std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < k; ++i) {
      const auto j = static_cast<Eigen::Index>(i);
      if (names) names[i] = param_names[i].c_str();  // static storage in the model class
      if (values) values[i] = v[j];
      if (standard_errors) standard_errors[i] = se[j];
    }
  });
}

CRM_API int crm_clv_fit_info_get(const crm_clv_model* model, crm_clv_fit_info* info) {
  return guarded([&] {
    require_model(model);
    require_pointer(info, "info");
    require_version(info->version, CRM_CLV_FIT_INFO_VERSION, "crm_clv_fit_info");
    const value::FitResult& f = model->model.fit_result();
    info->log_likelihood = f.log_likelihood;
    info->aic = f.aic;
    info->bic = f.bic;
    info->gradient_norm = f.gradient_norm;
    info->iterations = f.iterations;
    info->evaluations = f.evaluations;
    info->starts_run = f.starts_run;
    info->converged = f.converged ? 1 : 0;
    info->customers = f.customers;
    info->unique_rows = f.unique_rows;
  });
}

CRM_API int crm_clv_expected_purchases(const crm_clv_model* model, const double* t, size_t n,
                                       double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{t, "t"}, {out, "out"}});
    model->model.expected_purchases(t, n, out);
  });
}

CRM_API int crm_clv_probability_of_purchases(const crm_clv_model* model, double t,
                                             const double* counts, size_t n, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{counts, "counts"}, {out, "out"}});
    model->model.probability_of_purchases(t, counts, n, out);
  });
}

CRM_API int crm_clv_conditional_expected_purchases(const crm_clv_model* model, double t,
                                                   const double* frequency,
                                                   const double* recency, const double* T,
                                                   size_t n, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{frequency, "frequency"}, {recency, "recency"}, {T, "T"}, {out, "out"}});
    model->model.conditional_expected_purchases(t, frequency, recency, T, n, out);
  });
}

CRM_API int crm_clv_conditional_probability_of_purchases(const crm_clv_model* model, double t,
                                                        const double* counts,
                                                        const double* frequency,
                                                        const double* recency, const double* T,
                                                        size_t n, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{counts, "counts"}, {frequency, "frequency"}, {recency, "recency"},
                        {T, "T"}, {out, "out"}});
    model->model.conditional_probability_of_purchases(t, counts, frequency, recency, T, n, out);
  });
}

CRM_API int crm_clv_p_alive(const crm_clv_model* model, const double* frequency,
                            const double* recency, const double* T, size_t n, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{frequency, "frequency"}, {recency, "recency"}, {T, "T"}, {out, "out"}});
    model->model.p_alive(frequency, recency, T, n, out);
  });
}

CRM_API int crm_clv_expected_spend(const crm_clv_model* model, const double* frequency,
                                   const double* monetary_value, size_t n, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{frequency, "frequency"}, {monetary_value, "monetary_value"}, {out, "out"}});
    model->model.expected_spend(frequency, monetary_value, n, out);
  });
}

CRM_API int crm_clv_lifetime_value(const crm_clv_model* model, const double* frequency,
                                   const double* recency, const double* T,
                                   const double* expected_spend, size_t n,
                                   const crm_clv_options* opts, double* out) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{frequency, "frequency"}, {recency, "recency"}, {T, "T"},
                        {expected_spend, "expected_spend"}, {out, "out"}});
    model->model.lifetime_value(frequency, recency, T, expected_spend, n, clv_options(opts), out);
  });
}

CRM_API int crm_clv_tracking_curve(const crm_clv_model* model, const double* first_purchase,
                                   size_t n, double* out, size_t periods) {
  return guarded([&] {
    require_model(model);
    require_pointer(out, "out");
    require_columns(n, {{first_purchase, "first_purchase"}});
    if (periods == 0 || periods > 1000000)
      throw Error(ErrorCode::invalid_argument,
                  "periods is " + std::to_string(periods) + "; expected 1..1000000");
    const std::vector<double> curve = model->model.expected_cumulative_repeat_transactions(
        first_purchase, n, static_cast<int>(periods));
    std::memcpy(out, curve.data(), curve.size() * sizeof(double));
  });
}

CRM_API int crm_clv_compare_holdout(const crm_clv_model* model, double holdout_length,
                                    const double* frequency, const double* recency,
                                    const double* T, const double* actual, size_t n,
                                    double* predicted, int max_frequency,
                                    double* group_customers, double* group_actual_mean,
                                    double* group_predicted_mean) {
  return guarded([&] {
    require_model(model);
    require_columns(n, {{frequency, "frequency"}, {recency, "recency"}, {T, "T"}, {actual, "actual"}});
    const value::HoldoutComparison c = model->model.compare_holdout(
        holdout_length, frequency, recency, T, actual, n, max_frequency);
    if (predicted) std::memcpy(predicted, c.predicted.data(), n * sizeof(double));
    for (std::size_t g = 0; g < c.by_frequency.size(); ++g) {
      if (group_customers) group_customers[g] = c.by_frequency[g].customers;
      if (group_actual_mean) group_actual_mean[g] = c.by_frequency[g].actual_mean;
      if (group_predicted_mean) group_predicted_mean[g] = c.by_frequency[g].predicted_mean;
    }
  });
}

CRM_API int crm_clv_save(const crm_clv_model* model, const char* path) {
  return guarded([&] {
    require_model(model);
    require_pointer(path, "path");
    model->model.save(path);
  });
}

CRM_API int crm_clv_load(crm_clv_model** out, const char* path, int kind) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return value::ClvModel::load(path, expected_kind(kind));
    });
  });
}

CRM_API int crm_clv_to_buffer(const crm_clv_model* model, void* buf, size_t buf_len,
                              size_t* out_len) {
  return guarded([&] {
    require_model(model);
    require_pointer(out_len, "out_len");
    const std::string bytes = model->model.to_bytes();
    *out_len = bytes.size();
    if (buf == nullptr || buf_len < bytes.size())
      throw crmkit::capi::BufferTooSmall(bytes.size(), buf_len);
    std::memcpy(buf, bytes.data(), bytes.size());
  });
}

CRM_API int crm_clv_from_buffer(crm_clv_model** out, const void* buf, size_t len, int kind) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(buf, "buf");
      return value::ClvModel::from_bytes(std::string(static_cast<const char*>(buf), len),
                                         expected_kind(kind));
    });
  });
}

}  // extern "C"
