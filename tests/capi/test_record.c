/* C API tests of the decision record: step rules, the checklist, the golden file and a save
 * and load round trip (the cases of tests/decision/test_record.cpp). */
#include "check.h"

static void test_record_steps(void) {
  crm_decision_record *r = NULL, *back = NULL;
  const char* const criteria[] = {"gain", "cost"};
  const uint8_t directions[] = {CRM_BENEFIT, CRM_COST};
  const char* const units[] = {"points", NULL};
  const char* const alternatives[] = {"A", "B"};
  const double weights[] = {0.6, 0.4}, off[] = {0.6, 0.5}, values[] = {3, 100, 4, 150};
  uint8_t steps[6];
  size_t count = 0, choice = 9, length = 0;
  int chosen = -1;
  char text[2048];
  const char* path = "test_record_capi.record"; /* in the test's working directory */
  CHECK(crm_decision_record_new(&r) == CRM_OK && r != NULL);
  CHECK(crm_decision_record_missing_steps(r, steps, 6, &count) == CRM_OK && count == 6 &&
        steps[0] == CRM_STEP_STATEMENT);
  CHECK(crm_decision_record_choose(r, 0, "gut") == CRM_ESTATE && error_mentions("1 statement") &&
        error_mentions("5 evaluations"));
  CHECK(crm_decision_record_set_statement(r, "Which campaign?") == CRM_OK);
  CHECK(crm_decision_record_set_criteria(r, criteria, directions, units, NULL, 2) == CRM_OK);
  CHECK(crm_decision_record_set_weights(r, off, 2, "direct") == CRM_EINVAL && error_mentions("off 1 by 0.1"));
  CHECK(crm_decision_record_set_weights(r, weights, 2, "direct") == CRM_OK);
  CHECK(crm_decision_record_set_alternatives(r, alternatives, 2) == CRM_OK);
  CHECK(crm_decision_record_choose(r, 0, NULL) == CRM_ESTATE && error_mentions("5 evaluations"));
  CHECK(crm_decision_record_set_evaluations(r, values, 3) == CRM_EINVAL && error_mentions("3 values"));
  CHECK(crm_decision_record_set_evaluations(r, values, 4) == CRM_OK);
  CHECK(crm_decision_record_choose(r, 1, "cheaper per point") == CRM_OK);
  CHECK(crm_decision_record_note_bias(r, CRM_BIAS_GROUPTHINK, "ranked alone first") == CRM_OK);
  CHECK(crm_decision_record_note_bias(r, 42, NULL) == CRM_EINVAL && error_mentions("bias"));
  CHECK(crm_decision_record_missing_steps(r, steps, 6, &count) == CRM_OK && count == 0);
  CHECK(crm_decision_record_choice(r, &chosen, &choice) == CRM_OK && chosen == 1 && choice == 1);
  CHECK(crm_decision_record_describe(r, text, sizeof text, &length) == CRM_OK &&
        strstr(text, "6 choice: B (cheaper per point)") != NULL && strstr(text, "[x] groupthink") != NULL);
  CHECK(strcmp(crm_bias_name(CRM_BIAS_ESCALATING_COMMITMENT), "escalating-commitment") == 0);
  CHECK(crm_decision_record_save(r, path) == CRM_OK);
  CHECK(crm_decision_record_load(&back, path) == CRM_OK && back != NULL);
  if (back) CHECK(crm_decision_record_choice(back, &chosen, &choice) == CRM_OK && chosen == 1 && choice == 1);
  remove(path);
  crm_decision_record_free(back);
  back = NULL;
  CHECK(crm_decision_record_load(&back, CRMKIT_TEST_DATA_DIR "/golden/decision/v1/record.txt") == CRM_OK);
  CHECK(crm_decision_record_describe(back, text, sizeof text, &length) == CRM_OK &&
        strstr(text, "6 choice: win-back call") != NULL);
  crm_decision_record_free(back);
  CHECK(crm_decision_record_load(&back, CRMKIT_TEST_DATA_DIR "/golden/mining/v1/churn.txt") == CRM_EINVAL &&
        back == NULL);
  crm_decision_record_free(r);
  CHECK(crm_decision_record_set_statement(NULL, "x") == CRM_EINVAL);
}

void run_record_tests(void) { test_record_steps(); }
