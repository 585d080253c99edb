/* C API tests of Cronbach's alpha: the hand case through the C boundary, defaults
 * from crm_reliability_options_init, and NULL pointers, bad sizes and bad options. */
#include "check.h"

/* Items A = 3,2,4,3,4; B = 4,3,4,2,4; C = 3,4,5,3,4 as rows. By hand (tests/quality/
 * test_reliability.cpp): raw alpha 3.15 / 4.3 = 0.7325581, standardised 0.732292, alpha
 * without A 0.636364, corrected item-total correlation of A 0.564076. */
static const double hand[] = {3, 4, 3, 2, 3, 4, 4, 4, 5, 3, 2, 3, 4, 4, 4};

static void test_alpha(void) {
  double deleted[3], item_total[3], mean[3], variance[3];
  crm_reliability_result out = CRM_RELIABILITY_RESULT_INIT;
  crm_reliability_options o = CRM_RELIABILITY_OPTIONS_INIT, init;
  out.alpha_if_deleted = deleted;
  out.item_total_correlation = item_total;
  out.item_mean = mean;
  out.item_variance = variance;
  CHECK(crm_reliability(hand, 5, 3, NULL, &out) == CRM_OK);
  CHECK_NEAR(out.alpha_raw, 3.15 / 4.3, 1e-12);
  CHECK_NEAR(out.alpha_standardised, 0.732292, 1e-6);
  CHECK_NEAR(deleted[0], 1.4 / 2.2, 1e-12);
  CHECK_NEAR(item_total[0], 0.564076, 1e-6);
  CHECK_NEAR(mean[2], 3.8, 1e-12);
  CHECK_NEAR(variance[1], 0.8, 1e-12);
  CHECK(out.respondents == 5);

  /* The macro equals the library's defaults. */
  CHECK(crm_reliability_options_init(&init, CRM_RELIABILITY_OPTIONS_VERSION) == CRM_OK);
  CHECK(init.missing == o.missing && o.missing == CRM_MISSING_LISTWISE);
  CHECK(crm_reliability_options_init(&init, 99) == CRM_EINVAL);

  /* Pairwise keeps a row with a blank (7 rows used); listwise drops it. */
  {
    double rows[18];
    memcpy(rows, hand, sizeof hand);
    rows[15] = 5;
    rows[16] = NAN;
    rows[17] = 4;
    out.alpha_if_deleted = out.item_total_correlation = out.item_mean = out.item_variance = NULL;
    CHECK(crm_reliability(rows, 6, 3, &o, &out) == CRM_OK && out.respondents == 5);
    CHECK_NEAR(out.alpha_raw, 3.15 / 4.3, 1e-12);
    o.missing = CRM_MISSING_PAIRWISE;
    CHECK(crm_reliability(rows, 6, 3, &o, &out) == CRM_OK && out.respondents == 6);
    o.missing = CRM_MISSING_DIMENSION_MEAN;
    CHECK(crm_reliability(rows, 6, 3, &o, &out) == CRM_EINVAL && error_mentions("listwise or pairwise"));
    o.missing = 7;
    CHECK(crm_reliability(rows, 6, 3, &o, &out) == CRM_EINVAL && error_mentions("opts->missing"));
  }
}

static void test_alpha_bad_input(void) {
  crm_reliability_result out = CRM_RELIABILITY_RESULT_INIT;
  crm_reliability_options o = CRM_RELIABILITY_OPTIONS_INIT;
  const char *name = NULL;
  int code = -1;
  CHECK(crm_reliability(NULL, 5, 3, NULL, &out) == CRM_EINVAL && error_mentions("answers is NULL"));
  CHECK(crm_reliability(hand, 5, 3, NULL, NULL) == CRM_EINVAL && error_mentions("out is NULL"));
  CHECK(crm_reliability(hand, 15, 1, NULL, &out) == CRM_EINVAL && error_mentions("at least 2 items"));
  CHECK(crm_reliability(hand, 1, 3, NULL, &out) == CRM_EINVAL && error_mentions("at least 2 respondents"));
  CHECK(crm_reliability(hand, (size_t)-1 / 4, 3, NULL, &out) == CRM_EINVAL && error_mentions("overflow"));
  o.version = 0;
  CHECK(crm_reliability(hand, 5, 3, &o, &out) == CRM_EINVAL && error_mentions("version"));
  out.version = 9;
  CHECK(crm_reliability(hand, 5, 3, NULL, &out) == CRM_EINVAL && error_mentions("crm_reliability_result"));
  name = crm_missing_policy_name(CRM_MISSING_DIMENSION_MEAN);
  CHECK(name != NULL && strcmp(name, "dimension-mean") == 0);
  CHECK(crm_missing_policy_name(3) == NULL && crm_missing_policy_name(-1) == NULL);
  CHECK(crm_missing_policy_parse("pairwise", &code) == CRM_OK && code == CRM_MISSING_PAIRWISE);
  CHECK(crm_missing_policy_parse("none", &code) == CRM_EINVAL && error_mentions("listwise, pairwise"));
}

void run_reliability_tests(void) {
  test_alpha();
  test_alpha_bad_input();
}
