/* C API tests of retention economics: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

static void test_retention(void) {
  /* Values 10 at risk, 20 active, 30 lapsed. A campaign on the one at-risk customer: cost 1
   * each, 30% win back, value 10: retained 0.3, cost 1, recovered 3, net 2, ROI 2, cost per
   * retained 3.33, break-even rate 0.1; acquiring costs 5 x 3.33 = 16.67 a customer, so
   * replacing the 0.3 retained would cost 5, a saving of 4. */
  const double v[] = {10, 20, 30};
  const uint8_t s[] = {CRM_STATUS_AT_RISK, CRM_STATUS_ACTIVE, CRM_STATUS_LAPSED}, bad[] = {0, 9, 0};
  crm_value_at_risk_result risk = CRM_VALUE_AT_RISK_RESULT_INIT;
  crm_retention_campaign c = CRM_RETENTION_CAMPAIGN_INIT;
  crm_campaign_payback_result p = CRM_CAMPAIGN_PAYBACK_RESULT_INIT;
  CHECK(crm_value_at_risk(v, s, 3, &risk) == CRM_OK);
  CHECK(risk.customers == 3 && risk.total_value == 60 && risk.at_risk_customers == 1 &&
        risk.at_risk_value == 10 && risk.lapsed_customers == 1 && risk.lapsed_value == 30);
  CHECK_NEAR(risk.at_risk_share, 1.0 / 6, 1e-12);
  CHECK(crm_value_at_risk(v, bad, 3, &risk) == CRM_EINVAL && error_mentions("status[1]"));
  CHECK(crm_value_at_risk(v, NULL, 3, &risk) == CRM_EINVAL);
  CHECK(crm_value_at_risk(v, s, 0, &risk) == CRM_EINVAL);
  CHECK(crm_value_at_risk(v, s, 3, NULL) == CRM_EINVAL);

  CHECK(crm_at_risk_campaign(&risk, 1.0, 0.3, &c) == CRM_OK);
  CHECK(c.customers == 1 && c.value_per_customer == 10 && c.has_acquisition_cost == 0 && c.acquisition_multiple == 5);
  CHECK(crm_at_risk_campaign(NULL, 1.0, 0.3, &c) == CRM_EINVAL);
  CHECK(crm_at_risk_campaign(&risk, 1.0, 0.3, NULL) == CRM_EINVAL);
  CHECK(crm_campaign_payback(&c, &p) == CRM_OK);
  CHECK_NEAR(p.retained, 0.3, 1e-12);
  CHECK_NEAR(p.value_recovered, 3, 1e-12);
  CHECK_NEAR(p.net_value, 2, 1e-12);
  CHECK_NEAR(p.roi, 2, 1e-12);
  CHECK_NEAR(p.cost_per_retained, 1 / 0.3, 1e-12);
  CHECK_NEAR(p.break_even_win_back_rate, 0.1, 1e-12);
  CHECK_NEAR(p.acquisition_cost, 5 / 0.3, 1e-9);
  CHECK_NEAR(p.saving_vs_acquisition, 4, 1e-9);
  /* A known acquisition cost of 40 replaces the rule: replacing 0.3 costs 12. */
  c.has_acquisition_cost = 1;
  c.acquisition_cost = 40;
  CHECK(crm_campaign_payback(&c, &p) == CRM_OK && p.acquisition_cost == 40);
  CHECK_NEAR(p.replacement_cost, 12, 1e-12);
  c.win_back_rate = 1.5;
  CHECK(crm_campaign_payback(&c, &p) == CRM_EINVAL && error_mentions("win_back_rate"));
  c.win_back_rate = 0.3;
  c.cost_per_customer = -1;
  CHECK(crm_campaign_payback(&c, &p) == CRM_EINVAL && error_mentions("cost_per_customer"));
  CHECK(crm_campaign_payback(NULL, &p) == CRM_EINVAL);
  CHECK(crm_campaign_payback(&c, NULL) == CRM_EINVAL);
}

void run_retention_tests(void) {
  test_retention();
}
