/* C API tests of required agents, shrinkage and staffing plans. */
#include "check.h"

static void test_defaults_match_macro(void) {
  crm_staffing_options a = CRM_STAFFING_OPTIONS_INIT, b;
  CHECK(crm_staffing_options_init(&b, CRM_STAFFING_OPTIONS_VERSION) == CRM_OK);
  CHECK(a.model == b.model && a.patience == b.patience && a.answer_within == b.answer_within &&
        a.has_service_level == b.has_service_level && a.service_level == b.service_level &&
        a.has_asa == b.has_asa && a.has_max_occupancy == b.has_max_occupancy &&
        a.max_occupancy == b.max_occupancy && a.shrinkage == b.shrinkage);
  CHECK(crm_staffing_options_init(&b, 99) == CRM_EINVAL);
}

static void test_worked_example(void) {
  /* 100 calls in 30 min at 180 s, 80% within 20 s: 14 agents, SL 0.8883500, ASA 7.835937 s,
   * occupancy 0.714; 30% shrinkage -> 20 scheduled (the published example). */
  crm_staffing_options o = CRM_STAFFING_OPTIONS_INIT;
  crm_staffing_result r = CRM_STAFFING_RESULT_INIT;
  o.shrinkage = 0.3;
  CHECK(crm_required_agents(100, 1800, 180, &o, &r) == CRM_OK);
  CHECK(r.agents == 14 && r.scheduled == 20);
  CHECK_NEAR(r.traffic, 10, 1e-12);
  CHECK_NEAR(r.p_wait, 0.1741319, 5e-8);
  CHECK_NEAR(r.service_level, 0.8883500, 5e-8);
  CHECK_NEAR(r.asa, 7.835937, 5e-7);
  CHECK_NEAR(r.occupancy, 0.714, 5e-4);
  CHECK(crm_evaluate_staffing(13, 100, 1800, 180, NULL, &r) == CRM_OK);
  CHECK_NEAR(r.service_level, 0.7955948, 5e-8);
  {
    int64_t s = 0;
    CHECK(crm_scheduled_agents(21, 0.3, &s) == CRM_OK && s == 30); /* not 31 */
  }
}

static void test_plan(void) {
  /* The worked example twice (30 min; then 1 h of 200 calls), with a quiet interval between. */
  const double calls[] = {100, 0, 200}, length[] = {1800, 1800, 3600}, aht[] = {180, 180, 180};
  int64_t agents[3] = {-1, -1, -1};
  double sl[3] = {0, 0, 0};
  crm_plan_columns cols = CRM_PLAN_COLUMNS_INIT;
  crm_plan_totals totals = CRM_PLAN_TOTALS_INIT;
  cols.agents = agents;
  cols.service_level = sl;
  CHECK(crm_staffing_plan(calls, length, aht, 3, NULL, &cols, &totals) == CRM_OK);
  CHECK(agents[0] == 14 && agents[1] == 0 && agents[2] == 14);
  CHECK(isnan(sl[1]));
  CHECK_NEAR(totals.agent_hours, 21, 1e-12); /* 14 x 0.5 h + 14 x 1 h */
  CHECK(totals.peak_agents == 14);
  CHECK_NEAR(totals.service_level, 0.8883500, 5e-8);
}

static void test_errors(void) {
  crm_staffing_options o = CRM_STAFFING_OPTIONS_INIT;
  crm_staffing_result r = CRM_STAFFING_RESULT_INIT;
  o.service_level = 1.5;
  CHECK(crm_required_agents(100, 1800, 180, &o, &r) == CRM_EINVAL);
  CHECK(error_mentions("service level target = 1.5"));
  o = (crm_staffing_options)CRM_STAFFING_OPTIONS_INIT;
  o.shrinkage = 1;
  CHECK(crm_required_agents(100, 1800, 180, &o, &r) == CRM_EINVAL);
  CHECK(error_mentions("shrinkage = 1"));
  o = (crm_staffing_options)CRM_STAFFING_OPTIONS_INIT;
  o.model = 7;
  CHECK(crm_required_agents(100, 1800, 180, &o, &r) == CRM_EINVAL);
  CHECK(error_mentions("model is 7"));
  CHECK(crm_required_agents(0, 1800, 180, NULL, &r) == CRM_EINVAL);
  CHECK(error_mentions("calls = 0"));
  CHECK(crm_required_agents(100, 1800, 180, NULL, NULL) == CRM_EINVAL);
  CHECK(error_mentions("out is NULL"));
  r.version = 42;
  CHECK(crm_required_agents(100, 1800, 180, NULL, &r) == CRM_EINVAL);
  CHECK(error_mentions("crm_staffing_result.version is 42"));
  CHECK(crm_evaluate_staffing(10, 100, 1800, 180, NULL, NULL) == CRM_EINVAL);
  {
    const double calls[] = {100, 100}, length[] = {1800, -5}, aht[] = {180, 180};
    CHECK(crm_staffing_plan(calls, length, aht, 2, NULL, NULL, NULL) == CRM_EINVAL);
    CHECK(error_mentions("interval 2: length = -5"));
    CHECK(crm_staffing_plan(NULL, length, aht, 2, NULL, NULL, NULL) == CRM_EINVAL);
    CHECK(error_mentions("must not be null"));
  }
}

void run_staffing_tests(void) {
  test_defaults_match_macro();
  test_worked_example();
  test_plan();
  test_errors();
}
