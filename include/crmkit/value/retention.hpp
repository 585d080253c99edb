// Retention economics: what keeping a customer is worth against winning a new one.
//
// The material's rule of thumb: winning a new customer costs about 5 times as much as
// keeping one (elsewhere 10 times). kAcquisitionMultiple is that 5, used when the caller
// does not know its own acquisition cost. Money is in the caller's currency, any unit.
#pragma once

#include <cstddef>
#include <optional>

#include "crmkit/value/status.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

inline constexpr double kAcquisitionMultiple = 5.0;

// Value held by at-risk (and lapsed) customers: what a retention campaign plays for.
struct ValueAtRisk {
  std::size_t customers = 0;
  double total_value = 0;
  std::size_t at_risk_customers = 0;
  double at_risk_value = 0;
  double at_risk_share = 0;  // at_risk_value / total_value (0 if the total is not positive)
  std::size_t lapsed_customers = 0;
  double lapsed_value = 0;
};
// values: per-customer value (e.g. predicted CLV, annual margin), finite, >= 0; status from
// classify_status. Throws invalid_argument naming the index.
ValueAtRisk value_at_risk(const double* values, const CustomerStatus* status, std::size_t n);

struct RetentionCampaign {
  double customers = 0;           // customers contacted, >= 0
  double cost_per_customer = 0;   // cost of contacting one, >= 0
  double win_back_rate = 0;       // share of the contacted who stay or return, in [0, 1]
  double value_per_customer = 0;  // value kept per customer retained, >= 0
  // Cost of acquiring one new customer; unset = acquisition_multiple x the cost of keeping
  // one (cost per customer retained), the material's rule.
  std::optional<double> acquisition_cost;
  double acquisition_multiple = kAcquisitionMultiple;
};

struct CampaignPayback {
  double retained = 0;           // customers x win_back_rate
  double cost = 0;               // customers x cost_per_customer
  double value_recovered = 0;    // retained x value_per_customer
  double net_value = 0;          // value_recovered - cost
  double roi = 0;                // net_value / cost (0 when cost is 0)
  double cost_per_retained = 0;  // cost / retained (infinity when nobody is retained)
  double break_even_win_back_rate = 0;  // cost_per_customer / value_per_customer
  double acquisition_cost = 0;   // per new customer, given or from the multiple
  double replacement_cost = 0;   // acquiring as many new customers as were retained
  double saving_vs_acquisition = 0;  // replacement_cost - cost
};
// Throws invalid_argument naming the field for negative, non-finite or out-of-range input.
CampaignPayback campaign_payback(const RetentionCampaign& campaign);

// A campaign aimed at the at-risk customers of `risk`: customers = at_risk_customers,
// value_per_customer = their mean value.
RetentionCampaign at_risk_campaign(const ValueAtRisk& risk, double cost_per_customer,
                                   double win_back_rate);

}  // namespace value
}  // namespace v0
}  // namespace crmkit
