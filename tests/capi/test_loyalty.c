/* C API tests of the loyalty index: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

static void test_loyalty(void) {
  /* Default drivers: repeat_purchase_rate 0.30 (0..1), tenure 0.15, satisfaction 0.25 (1..5),
   * price 0.15, complaints 0.15. Customer 0 has repeat 0.5 and satisfaction 5:
   * 100 x (0.3 x 0.5 + 0.25 x 1) / 0.55 = 72.727...; customer 1 repeat 1, satisfaction NaN:
   * 100 on repeat alone. */
  const double repeat[] = {0.5, 1.0}, satisfaction[] = {5, NAN}, out_of_range[] = {1.5, 1};
  const double *columns[5] = {repeat, NULL, satisfaction, NULL, NULL};
  crm_loyalty_options defaults, o;
  crm_loyalty_info info = CRM_LOYALTY_INFO_INIT;
  double index[2], weights[5];
  size_t coverage[5];
  uint32_t used[2];
  const char *name = "satisfaction", *no_name = NULL;
  double weight = 0.25, zero_weight = 0, low = 1, high = 5;
  uint8_t yes = 1, no = 0;
  CHECK(crm_loyalty_options_init(&defaults, CRM_LOYALTY_OPTIONS_VERSION) == CRM_OK && defaults.driver_count == 5);
  CHECK(strcmp(defaults.driver_names[2], "satisfaction") == 0 && defaults.weights[2] == 0.25);
  CHECK(defaults.lows[2] == 1 && defaults.highs[2] == 5 && defaults.higher_is_loyal[3] == 0 && defaults.saturate[1] == 1);
  info.weights = weights;
  info.coverage = coverage;
  info.driver_capacity = 4;
  CHECK(crm_loyalty_index(columns, 5, 2, &defaults, index, used, &info) == CRM_EBUFS && info.drivers == 5);
  info.driver_capacity = 5;
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, index, used, &info) == CRM_OK);
  CHECK_NEAR(index[0], 100 * 0.4 / 0.55, 1e-9);
  CHECK_NEAR(index[1], 100, 1e-9);
  CHECK(used[0] == 5 && used[1] == 1);
  CHECK(info.drivers == 5 && coverage[0] == 2 && coverage[2] == 1 && coverage[1] == 0);
  CHECK(info.reweighted == 2 && info.without_index == 0);
  CHECK_NEAR(weights[0], 0.3, 1e-12);
  /* Own drivers: satisfaction only, via the options. */
  o = defaults;
  o.driver_count = 1;
  o.driver_names = &name;
  o.weights = &weight;
  o.lows = &low;
  o.highs = &high;
  o.higher_is_loyal = &yes;
  o.saturate = &no;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_OK && index[0] == 100 && isnan(index[1]));
  o.missing = CRM_MISSING_REJECT;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL);
  o.missing = 5;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("missing"));
  o.missing = CRM_MISSING_REWEIGHT;
  o.weights = &zero_weight;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("weight"));
  o.weights = &weight;
  o.driver_names = &no_name;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("driver_names[0]"));
  o.driver_names = &name;
  o.lows = NULL;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("lows"));
  columns[0] = out_of_range;
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, index, NULL, NULL) == CRM_EINVAL && error_mentions("repeat_purchase_rate"));
  CHECK(crm_loyalty_index(columns, 4, 2, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(columns, 5, 0, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(NULL, 5, 2, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, NULL, NULL, NULL) == CRM_EINVAL);
}

void run_loyalty_tests(void) {
  test_loyalty();
}
