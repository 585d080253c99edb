/* C API tests of value concentration: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

static void test_concentration(void) {
  /* 1, 2, 3, 4, 10 (total 20): Gini = (-4x1 - 2x2 + 0x3 + 2x4 + 4x10) / (5 x 20) = 0.4; the top
   * 20% (one customer) hold 10/20; holding 50% takes that one customer (20%); the Lorenz curve
   * at 1/4 of the customers is 1.25 customers from the bottom: (1 + 0.25 x 2) / 20 = 0.075. */
  const double v[] = {4, 10, 1, 3, 2};
  const double top[] = {0.2};
  const double hold[] = {0.5};
  double top_out[1], hold_out[1], lx[5], ly[5], dflt[5];
  crm_concentration_options o = CRM_CONCENTRATION_OPTIONS_INIT;
  crm_concentration_result out = CRM_CONCENTRATION_RESULT_INIT;
  const double negative[] = {1, -1};
  const double zeros[] = {0, 0};
  o.top_customer_shares = top;
  o.top_count = 1;
  o.value_shares = hold;
  o.value_share_count = 1;
  o.lorenz_points = 4;
  out.top_value_shares = top_out;
  out.holding_customer_shares = hold_out;
  out.lorenz_customer_shares = lx;
  out.lorenz_value_shares = ly;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_OK);
  CHECK(out.customers == 5 && out.total_value == 20);
  CHECK_NEAR(out.gini, 0.4, 1e-12);
  CHECK_NEAR(top_out[0], 0.5, 1e-12);
  CHECK_NEAR(hold_out[0], 0.2, 1e-12);
  CHECK(lx[0] == 0 && ly[0] == 0 && lx[4] == 1 && ly[4] == 1);
  CHECK_NEAR(lx[1], 0.25, 1e-12);
  CHECK_NEAR(ly[1], 0.075, 1e-12);
  /* NULL options: the five default top shares (0.01 ... 0.5); holding and Lorenz not wanted. */
  out.top_value_shares = dflt;
  out.holding_customer_shares = out.lorenz_customer_shares = out.lorenz_value_shares = NULL;
  CHECK(crm_concentration(v, 5, NULL, &out) == CRM_OK);
  CHECK_NEAR(dflt[3], 0.5, 1e-12);      /* top 20% */
  CHECK_NEAR(dflt[4], 0.775, 1e-12);    /* top 50% = 2.5 customers: (10 + 4 + 0.5 x 3) / 20 */
  CHECK(crm_concentration(negative, 2, NULL, &out) == CRM_EINVAL && error_mentions("values[1]"));
  CHECK(crm_concentration(zeros, 2, NULL, &out) == CRM_EINVAL && error_mentions("total 0"));
  CHECK(crm_concentration(v, 0, NULL, &out) == CRM_EINVAL);
  CHECK(crm_concentration(NULL, 5, NULL, &out) == CRM_EINVAL);
  CHECK(crm_concentration(v, 5, NULL, NULL) == CRM_EINVAL);
  o.lorenz_points = 0;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_EINVAL && error_mentions("lorenz_points"));
  o.lorenz_points = 4;
  o.top_count = 0; /* an empty list of questions is fine */
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_OK);
  top_out[0] = 1.5;
  o.top_customer_shares = top_out;
  o.top_count = 1;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_EINVAL && error_mentions("top_customer_shares[0]"));
}

void run_concentration_tests(void) {
  test_concentration();
}
