// C API over value concentration (include/crmkit/value/concentration.hpp).
#include <vector>

#include "crmkit/value/concentration.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

namespace {

// One coordinate of share points into a caller array (NULL: not wanted).
void copy_member(const std::vector<value::SharePoint>& points, double value::SharePoint::*member,
                 double* out) {
  if (out == nullptr) return;
  for (std::size_t i = 0; i < points.size(); ++i) out[i] = points[i].*member;
}

crm_concentration_options default_concentration_options() {
  static const value::ConcentrationOptions defaults;  // the arrays the C struct points at
  crm_concentration_options c{};
  c.top_customer_shares = defaults.top_customer_shares.data();
  c.top_count = defaults.top_customer_shares.size();
  c.value_shares = defaults.value_shares.data();
  c.value_share_count = defaults.value_shares.size();
  c.lorenz_points = defaults.lorenz_points;
  return c;
}

}  // namespace

extern "C" {

CRM_API int crm_concentration_options_init(crm_concentration_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_CONCENTRATION_OPTIONS_VERSION, "opts",
                     default_concentration_options);
}

CRM_API int crm_concentration(const double* values, size_t n,
                              const crm_concentration_options* opts,
                              crm_concentration_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CONCENTRATION_RESULT_VERSION, "crm_concentration_result");
    value::ConcentrationOptions options;
    if (opts != nullptr) {
      require_version(opts->version, CRM_CONCENTRATION_OPTIONS_VERSION, "crm_concentration_options");
      if (opts->top_customer_shares != nullptr)
        options.top_customer_shares =
            doubles_from(opts->top_customer_shares, opts->top_count, "opts->top_customer_shares");
      if (opts->value_shares != nullptr)
        options.value_shares = doubles_from(opts->value_shares, opts->value_share_count, "opts->value_shares");
      options.lorenz_points = opts->lorenz_points;
    }
    const value::Concentration c = value::concentration(values, n, options);
    out->customers = c.customers;
    out->total_value = c.total_value;
    out->gini = c.gini;
    copy_member(c.top, &value::SharePoint::value_share, out->top_value_shares);
    copy_member(c.holding, &value::SharePoint::customer_share, out->holding_customer_shares);
    copy_member(c.lorenz, &value::SharePoint::customer_share, out->lorenz_customer_shares);
    copy_member(c.lorenz, &value::SharePoint::value_share, out->lorenz_value_shares);
  });
}

}  // extern "C"
