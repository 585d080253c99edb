#include "crmkit/value/retention.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "crmkit/error.hpp"
#include "crmkit/value/ranking.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

void require_amount(double v, const char* name) {
  require(std::isfinite(v) && v >= 0, std::string(name) + " = " + std::to_string(v) +
                                          ": must be finite and >= 0");
}

}  // namespace

ValueAtRisk value_at_risk(const double* values, const CustomerStatus* status, std::size_t n) {
  require_column(values, n, "values", Sign::non_negative);
  require(status != nullptr, "status is null");
  ValueAtRisk r;
  r.customers = n;
  for (std::size_t i = 0; i < n; ++i) {
    require_lazy(static_cast<std::size_t>(status[i]) < kStatusCount,
                 [&] { return "status[" + std::to_string(i) + "] is not a CustomerStatus"; });
    r.total_value += values[i];
    if (status[i] == CustomerStatus::at_risk) {
      ++r.at_risk_customers;
      r.at_risk_value += values[i];
    } else if (status[i] == CustomerStatus::lapsed) {
      ++r.lapsed_customers;
      r.lapsed_value += values[i];
    }
  }
  r.at_risk_share = r.total_value > 0 ? r.at_risk_value / r.total_value : 0.0;
  return r;
}

CampaignPayback campaign_payback(const RetentionCampaign& c) {
  require_amount(c.customers, "customers");
  require_amount(c.cost_per_customer, "cost_per_customer");
  require_amount(c.value_per_customer, "value_per_customer");
  require(c.win_back_rate >= 0 && c.win_back_rate <= 1,
          "win_back_rate = " + std::to_string(c.win_back_rate) + ": must be in [0, 1]");
  require(std::isfinite(c.acquisition_multiple) && c.acquisition_multiple > 0,
          "acquisition_multiple must be > 0");
  if (c.acquisition_cost) require_amount(*c.acquisition_cost, "acquisition_cost");

  CampaignPayback p;
  p.retained = c.customers * c.win_back_rate;
  p.cost = c.customers * c.cost_per_customer;
  p.value_recovered = p.retained * c.value_per_customer;
  p.net_value = p.value_recovered - p.cost;
  p.roi = p.cost > 0 ? p.net_value / p.cost : 0.0;
  p.cost_per_retained = p.retained > 0 ? p.cost / p.retained : std::numeric_limits<double>::infinity();
  p.break_even_win_back_rate = c.value_per_customer > 0
                                   ? c.cost_per_customer / c.value_per_customer
                                   : std::numeric_limits<double>::infinity();
  // Without a known acquisition cost, the material's rule prices a new customer at
  // `multiple` times what keeping one cost in this campaign.
  p.acquisition_cost = c.acquisition_cost ? *c.acquisition_cost
                       : p.retained > 0   ? c.acquisition_multiple * p.cost_per_retained
                                          : 0.0;
  p.replacement_cost = p.retained * p.acquisition_cost;
  p.saving_vs_acquisition = p.replacement_cost - p.cost;
  // Inputs near the largest double make products that cannot be represented: refuse them
  // by name rather than return inf or NaN (inf stays only where documented: nobody
  // retained, or nothing of value).
  const std::pair<double, const char*> figures[] = {
      {p.cost, "cost = customers x cost_per_customer"},
      {p.value_recovered, "value_recovered = customers x win_back_rate x value_per_customer"},
      {p.net_value, "net_value = value_recovered - cost"},
      {p.acquisition_cost, "acquisition_cost = acquisition_multiple x cost per retained customer"},
      {p.replacement_cost, "replacement_cost = retained x acquisition_cost"},
      {p.saving_vs_acquisition, "saving_vs_acquisition = replacement_cost - cost"}};
  for (const auto& [value, what] : figures)
    require(std::isfinite(value), std::string("campaign payback: ") + what +
                                      " is beyond the largest number a double holds; give "
                                      "the campaign in larger money units or fewer customers");
  return p;
}

RetentionCampaign at_risk_campaign(const ValueAtRisk& risk, double cost_per_customer,
                                   double win_back_rate) {
  RetentionCampaign c;
  c.customers = static_cast<double>(risk.at_risk_customers);
  c.cost_per_customer = cost_per_customer;
  c.win_back_rate = win_back_rate;
  c.value_per_customer =
      risk.at_risk_customers > 0 ? risk.at_risk_value / static_cast<double>(risk.at_risk_customers) : 0.0;
  return c;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
