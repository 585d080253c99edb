/* C API tests of customer status and relationship stage: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

static void test_status_and_stage(void) {
  /* as_of 365, typical interval 50 for one-time buyers:
   *   0: purchases days 0..300, 5 purchases -> rhythm 75; gap 65 <= 2 x 75 -> active
   *   1: days 0..50, 3 purchases -> rhythm 25; gap 315 > 4 x 25 -> lapsed
   *   2: one purchase on day 200 -> rhythm 50; gap 165 in (100, 200] -> at_risk
   *   3: one purchase on day 330 -> first within 90 days -> new */
  const double first[] = {0, 0, 200, 330}, last[] = {300, 50, 200, 330};
  const int64_t purchases[] = {5, 3, 1, 1}, zero_purchases[] = {5, 0, 1, 1};
  const double tenure[] = {365, 365, 165, 35};
  uint8_t status[4], stage[4];
  const uint8_t bad_status[] = {0, 1, 17, 0};
  size_t counts[CRM_STATUS_COUNT];
  double rhythm = 0;
  crm_status_options o = CRM_STATUS_OPTIONS_INIT;
  crm_stage_options so = CRM_STAGE_OPTIONS_INIT;
  o.has_typical_interval = 1;
  o.typical_interval_days = 50;
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, counts, &rhythm) == CRM_OK);
  CHECK(status[0] == CRM_STATUS_ACTIVE && status[1] == CRM_STATUS_LAPSED &&
        status[2] == CRM_STATUS_AT_RISK && status[3] == CRM_STATUS_NEW);
  CHECK(counts[CRM_STATUS_ACTIVE] == 1 && counts[CRM_STATUS_WON_BACK] == 0 && rhythm == 50);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_OK);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 100, &o, status, NULL, NULL) == CRM_EINVAL &&
        error_mentions("last"));
  CHECK(crm_classify_status(first, last, zero_purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(first, last, purchases, NULL, 0, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(NULL, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, NULL, NULL, NULL) == CRM_EINVAL);
  o.lapsed_multiple = 1; /* below at_risk_multiple */
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  o.lapsed_multiple = 4;

  /* One customer at the till: 2 purchases days 0 and 10 (rhythm 10), gap 390 -> lapsed. */
  CHECK(crm_status_of(0, 10, 2, NAN, 400, 30, NULL, &status[0]) == CRM_OK && status[0] == CRM_STATUS_LAPSED);
  CHECK(crm_status_of(0, 10, 2, NAN, 400, 30, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_status_of(10, 0, 2, NAN, 400, 30, NULL, &status[0]) == CRM_EINVAL);

  /* Stages: 0 active, 5 purchases, a year -> commitment; 1 lapsed -> dissolution; 2 at risk,
   * 1 purchase -> exploration; 3 new -> exploration. */
  status[0] = CRM_STATUS_ACTIVE;
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 4, &so, stage) == CRM_OK);
  CHECK(stage[0] == CRM_STAGE_COMMITMENT && stage[1] == CRM_STAGE_DISSOLUTION &&
        stage[2] == CRM_STAGE_EXPLORATION && stage[3] == CRM_STAGE_EXPLORATION);
  CHECK(crm_relationship_stages(zero_purchases, tenure, status, NULL, 4, NULL, stage) == CRM_OK &&
        stage[1] == CRM_STAGE_AWARENESS);
  CHECK(crm_relationship_stages(purchases, tenure, bad_status, NULL, 4, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, NULL, NULL, 4, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 0, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 4, NULL, NULL) == CRM_EINVAL);
  CHECK(strcmp(crm_customer_status_name(CRM_STATUS_WON_BACK), "won_back") == 0);
  CHECK(strcmp(crm_stage_name(CRM_STAGE_EXPANSION), "expansion") == 0 && crm_stage_name(-1) == NULL);
}

void run_status_tests(void) {
  test_status_and_stage();
}
