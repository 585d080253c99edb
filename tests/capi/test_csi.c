/* C API tests of the customer satisfaction index: the hand rescaling, a seeded interval that
 * repeats, tracking across waves, and NULL pointers and bad options. */
#include "check.h"

/* Two respondents x two items on 1-5: item means 4.5 and 2.5; equal weights give
 * (3.5 - 1) / 4 x 100 = 62.5, weights 3:1 give (4 - 1) / 4 x 100 = 75. */
static const double two[] = {4, 2, 5, 3};

static void test_csi(void) {
  double mean[2], weights[2];
  const double w31[] = {3, 1};
  crm_csi_result out = CRM_CSI_RESULT_INIT, again = CRM_CSI_RESULT_INIT;
  crm_csi_options o = CRM_CSI_OPTIONS_INIT, init;
  o.scale_min = 1;
  o.scale_max = 5;
  out.item_mean = mean;
  out.weights = weights;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_OK);
  CHECK_NEAR(out.index, 62.5, 1e-12);
  CHECK(mean[0] == 4.5 && weights[1] == 0.5 && out.respondents == 2);
  CHECK(out.lower <= out.index && out.index <= out.upper);
  CHECK(crm_csi(two, 2, 2, &o, &again) == CRM_OK && again.lower == out.lower && again.upper == out.upper);
  o.weights = w31;
  o.weight_count = 2;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_OK);
  CHECK_NEAR(out.index, 75, 1e-12);
  CHECK(weights[0] == 0.75);
  o.resamples = 0;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_OK && isnan(out.lower));

  CHECK(crm_csi_options_init(&init, CRM_CSI_OPTIONS_VERSION) == CRM_OK);
  o = (crm_csi_options)CRM_CSI_OPTIONS_INIT;
  CHECK(init.scale_min == o.scale_min && init.scale_max == o.scale_max && init.weights == NULL &&
        init.level == o.level && init.resamples == o.resamples && init.seed == o.seed);
}

static void test_csi_tracking(void) {
  /* Wave 0 index 62.5; wave 1 (all answers 5) index 100: change 37.5. */
  const double five[] = {5, 5, 5, 5};
  const double *waves[2];
  size_t respondents[2] = {2, 2};
  double index[2], lower[2], change[2];
  crm_csi_options o = CRM_CSI_OPTIONS_INIT;
  waves[0] = two;
  waves[1] = five;
  o.scale_min = 1;
  o.scale_max = 5;
  CHECK(crm_csi_tracking(waves, respondents, 2, 2, &o, index, lower, NULL, change, NULL, NULL) == CRM_OK);
  CHECK_NEAR(index[0], 62.5, 1e-12);
  CHECK(index[1] == 100 && lower[1] == 100);
  CHECK(isnan(change[0]));
  CHECK_NEAR(change[1], 37.5, 1e-12);
  waves[1] = NULL;
  CHECK(crm_csi_tracking(waves, respondents, 2, 2, &o, index, NULL, NULL, NULL, NULL, NULL) == CRM_EINVAL &&
        error_mentions("waves[1] is NULL"));
  CHECK(crm_csi_tracking(NULL, respondents, 2, 2, &o, index, NULL, NULL, NULL, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_csi_tracking(waves, respondents, 0, 2, &o, index, NULL, NULL, NULL, NULL, NULL) == CRM_EINVAL &&
        error_mentions("no waves"));
}

static void test_csi_bad_input(void) {
  crm_csi_result out = CRM_CSI_RESULT_INIT;
  crm_csi_options o = CRM_CSI_OPTIONS_INIT;
  const double w[] = {1};
  CHECK(crm_csi(NULL, 2, 2, NULL, &out) == CRM_EINVAL && error_mentions("answers is NULL"));
  CHECK(crm_csi(two, 2, 2, NULL, NULL) == CRM_EINVAL);
  o.weights = w;
  o.weight_count = 1;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_EINVAL && error_mentions("1 given for 2 items"));
  o = (crm_csi_options)CRM_CSI_OPTIONS_INIT;
  o.level = 1.5;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_EINVAL && error_mentions("level"));
  o = (crm_csi_options)CRM_CSI_OPTIONS_INIT;
  o.scale_max = 4;
  o.scale_min = 4;
  CHECK(crm_csi(two, 2, 2, &o, &out) == CRM_EINVAL && error_mentions("min < max"));
}

void run_csi_tests(void) {
  test_csi();
  test_csi_tracking();
  test_csi_bad_input();
}
