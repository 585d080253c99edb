// C API over retention economics (include/crmkit/value/retention.hpp).
#include <vector>

#include "crmkit/value/retention.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

namespace {

value::ValueAtRisk value_at_risk_from(const crm_value_at_risk_result& r) {
  require_version(r.version, CRM_VALUE_AT_RISK_RESULT_VERSION, "crm_value_at_risk_result");
  value::ValueAtRisk v;
  v.customers = r.customers;
  v.total_value = r.total_value;
  v.at_risk_customers = r.at_risk_customers;
  v.at_risk_value = r.at_risk_value;
  v.at_risk_share = r.at_risk_share;
  v.lapsed_customers = r.lapsed_customers;
  v.lapsed_value = r.lapsed_value;
  return v;
}

crm_retention_campaign campaign_to_c(const value::RetentionCampaign& c) {
  return crm_retention_campaign{CRM_RETENTION_CAMPAIGN_VERSION, c.customers, c.cost_per_customer,
                                c.win_back_rate, c.value_per_customer,
                                c.acquisition_cost ? 1 : 0, c.acquisition_cost.value_or(0.0),
                                c.acquisition_multiple};
}

crm_retention_campaign default_campaign() { return campaign_to_c(value::RetentionCampaign{}); }

}  // namespace

extern "C" {

CRM_API int crm_retention_campaign_init(crm_retention_campaign* campaign, unsigned int version) {
  return init_struct(campaign, version, CRM_RETENTION_CAMPAIGN_VERSION, "campaign", default_campaign);
}

CRM_API int crm_value_at_risk(const double* values, const uint8_t* status, size_t n,
                              crm_value_at_risk_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_VALUE_AT_RISK_RESULT_VERSION, "crm_value_at_risk_result");
    const std::vector<value::CustomerStatus> s =
        enums_from<value::CustomerStatus>(status, n, "status");
    const value::ValueAtRisk r = value::value_at_risk(values, s.data(), n);
    out->customers = r.customers;
    out->total_value = r.total_value;
    out->at_risk_customers = r.at_risk_customers;
    out->at_risk_value = r.at_risk_value;
    out->at_risk_share = r.at_risk_share;
    out->lapsed_customers = r.lapsed_customers;
    out->lapsed_value = r.lapsed_value;
  });
}

CRM_API int crm_campaign_payback(const crm_retention_campaign* campaign,
                                 crm_campaign_payback_result* out) {
  return guarded([&] {
    require_pointer(campaign, "campaign");
    require_version(campaign->version, CRM_RETENTION_CAMPAIGN_VERSION, "crm_retention_campaign");
    require_pointer(out, "out");
    require_version(out->version, CRM_CAMPAIGN_PAYBACK_RESULT_VERSION, "crm_campaign_payback_result");
    value::RetentionCampaign c;
    c.customers = campaign->customers;
    c.cost_per_customer = campaign->cost_per_customer;
    c.win_back_rate = campaign->win_back_rate;
    c.value_per_customer = campaign->value_per_customer;
    if (campaign->has_acquisition_cost) c.acquisition_cost = campaign->acquisition_cost;
    c.acquisition_multiple = campaign->acquisition_multiple;
    const value::CampaignPayback p = value::campaign_payback(c);
    out->retained = p.retained;
    out->cost = p.cost;
    out->value_recovered = p.value_recovered;
    out->net_value = p.net_value;
    out->roi = p.roi;
    out->cost_per_retained = p.cost_per_retained;
    out->break_even_win_back_rate = p.break_even_win_back_rate;
    out->acquisition_cost = p.acquisition_cost;
    out->replacement_cost = p.replacement_cost;
    out->saving_vs_acquisition = p.saving_vs_acquisition;
  });
}

CRM_API int crm_at_risk_campaign(const crm_value_at_risk_result* risk, double cost_per_customer,
                                 double win_back_rate, crm_retention_campaign* out) {
  return guarded([&] {
    require_pointer(risk, "risk");
    require_pointer(out, "out");
    *out = campaign_to_c(value::at_risk_campaign(value_at_risk_from(*risk), cost_per_customer,
                                                 win_back_rate));
  });
}

}  // extern "C"
