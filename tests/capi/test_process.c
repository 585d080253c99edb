/* C API tests of the process pillar: hand-computed maps (a rework loop with probability
 * 0.25 repeats its steps 1 / 0.75 times; a parallel split takes its longest branch), errors
 * naming the step, buffers, texts, the chart, the comparison of the bundled complaint maps
 * and the value chain (all worked out in tests/process/). */
#include "check.h"

static crm_process_map *parse(const char *rows) {
  char text[1024];
  crm_process_map *m = NULL;
  snprintf(text, sizeof text, "step,department,duration,cost,value_adding,next\n%s", rows);
  CHECK(crm_process_map_parse_csv(&m, text, strlen(text), "m.csv") == CRM_OK);
  return m;
}

static void test_process_rework_and_parallel(void) {
  /* A (10) -> B (20) -> C (5) -> D (1) with 0.75, back to B with 0.25. */
  crm_process_map *m = parse("A,x,10,2,yes,B\nB,x,20,4,yes,C\nC,y,5,1,no,D:0.75|B:0.25\nD,x,1,0,yes,\n");
  crm_process_summary s = CRM_PROCESS_SUMMARY_INIT;
  crm_process_step_figures f[4];
  size_t count = 0, path[4];
  char buf[64];
  if (m == NULL) return;
  CHECK(crm_process_map_summary(m, &s) == CRM_OK && s.steps == 4);
  CHECK_NEAR(s.expected_cycle_time, 10 + 25 / 0.75 + 1, 1e-9);
  CHECK_NEAR(s.expected_cost, 2 + 5 / 0.75, 1e-9);
  CHECK_NEAR(s.rework_probability, 0.25, 1e-12);
  CHECK(crm_process_map_steps(m, f, 3, &count) == CRM_EBUFS && count == 4);
  CHECK(crm_process_map_steps(m, f, 4, &count) == CRM_OK);
  CHECK_NEAR(f[1].expected_visits, 1 / 0.75, 1e-12);
  CHECK(f[2].candidate == CRM_PROCESS_NO_VALUE_ADDED && f[2].critical == 1);
  CHECK(crm_process_map_critical_path(m, path, 4, &count) == CRM_OK && count == 4 && path[3] == 3);
  CHECK(crm_process_map_step_text(m, 2, CRM_PROCESS_TEXT_CUSTOMERS, buf, sizeof buf, &count) == CRM_OK);
  CHECK(strcmp(buf, "D\nB") == 0 && count == 3);
  CHECK(crm_process_map_step_text(m, 2, CRM_PROCESS_TEXT_REASONS, buf, 3, &count) == CRM_EBUFS && count == 14);
  CHECK(crm_process_map_step_text(m, 9, CRM_PROCESS_TEXT_NAME, buf, sizeof buf, &count) == CRM_EINVAL &&
        error_mentions("step 9 is out of range (4 steps)"));
  CHECK(crm_process_map_step_text(m, 0, 17, buf, sizeof buf, &count) == CRM_EINVAL);
  crm_process_map_free(m);

  /* S (5) -> B (10) & C (30) -> J (5): elapsed 40, work 50, critical S, C, J. */
  m = parse("S,x,5,1,yes,B&C\nB,x,10,1,yes,J\nC,y,30,1,no,J\nJ,x,5,1,yes,\n");
  if (m == NULL) return;
  CHECK(crm_process_map_summary(m, &s) == CRM_OK);
  CHECK_NEAR(s.expected_cycle_time, 40, 1e-12);
  CHECK_NEAR(s.expected_work_time, 50, 1e-12);
  CHECK_NEAR(s.handoffs, 2, 1e-12);
  CHECK(crm_process_map_critical_path(m, path, 4, &count) == CRM_OK && count == 3 && path[1] == 2);
  crm_process_map_free(m);
}

static void test_process_errors(void) {
  crm_process_map *m = (crm_process_map *)&checks; /* must be cleared on failure */
  const char *bad = "step,department,duration,cost,value_adding,next\na,d,5,1,no,b:0.5|c:0.4\nb,d,5,1,no,\nc,d,5,1,no,\n";
  CHECK(crm_process_map_parse_csv(&m, bad, strlen(bad), "m.csv") == CRM_EINVAL && m == NULL);
  CHECK(error_mentions("m.csv:2: step 'a': branch probabilities sum to 0.9, not 1"));
  bad = "step,department,duration,cost,value_adding,next\na,d,5,1,no,b&c:1\n";
  CHECK(crm_process_map_parse_csv(&m, bad, strlen(bad), NULL) == CRM_EPARSE && error_mentions("<text>:2:12: next"));
  CHECK(crm_process_map_read_csv(&m, "/nonexistent/map.csv") == CRM_EIO);
  CHECK(crm_process_map_read_csv(NULL, "x") == CRM_EINVAL);
  crm_process_map_free(NULL);
}

static void test_process_compare_and_chart(void) {
  crm_process_map *before = NULL, *after = NULL;
  crm_process_summary b = CRM_PROCESS_SUMMARY_INIT, a = CRM_PROCESS_SUMMARY_INIT;
  crm_process_change changes[32];
  char text[2048], svg[1];
  size_t count = 0, text_len = 0, i;
  double time = 0, cost = 0;
  CHECK(crm_process_map_read_csv(&before, CRMKIT_TEST_DATA_DIR "/process/complaint_before.csv") == CRM_OK);
  CHECK(crm_process_map_read_csv(&after, CRMKIT_TEST_DATA_DIR "/process/complaint_after.csv") == CRM_OK);
  if (before == NULL || after == NULL) return;
  CHECK(crm_process_map_summary(before, &b) == CRM_OK && crm_process_map_summary(after, &a) == CRM_OK);
  /* P(no rework): 0.7 x 0.85 before, 0.9 x 0.95 after. */
  CHECK_NEAR(b.rework_probability, 1 - 0.7 * 0.85, 1e-12);
  CHECK_NEAR(a.rework_probability, 1 - 0.9 * 0.95, 1e-12);
  CHECK(crm_process_compare(before, after, changes, 2, &count, NULL, 0, &text_len) == CRM_EBUFS && count == 11);
  CHECK(crm_process_compare(before, after, changes, 32, &count, text, 8, &text_len) == CRM_EBUFS);
  CHECK(crm_process_compare(before, after, changes, 32, &count, text, sizeof text, &text_len) == CRM_OK);
  CHECK(strncmp(text, "duration 5 -> 8; cost 4 -> 6; next 'log' -> 'review'\nremoved\n", 60) == 0);
  CHECK(changes[1].before_step == 1 && changes[1].after_step == CRM_PROCESS_NONE);
  for (i = 0; i < count; ++i) time += changes[i].time, cost += changes[i].cost;
  CHECK_NEAR(time, a.expected_work_time - b.expected_work_time, 1e-9);
  CHECK_NEAR(cost, a.expected_cost - b.expected_cost, 1e-9);
  CHECK(crm_process_map_chart(after, "after", svg, sizeof svg, &count) == CRM_EBUFS && count > 1000);
  crm_process_map_free(before);
  crm_process_map_free(after);
}

static void test_value_chain(void) {
  const crm_activity_figures f[3] = {{CRM_OPERATIONS, 50, 80}, {CRM_SERVICE, 10, 30}, {CRM_PROCUREMENT, 5, 0}};
  crm_activity_margin rows[CRM_ACTIVITIES];
  crm_value_chain_result r = CRM_VALUE_CHAIN_RESULT_INIT;
  crm_activity_figures bad = {42, 1, 1};
  int code = -1;
  r.activities = rows;
  CHECK(crm_value_chain(f, 3, &r) == CRM_OK);
  CHECK(r.cost == 65 && r.value == 110 && r.margin == 45);
  CHECK(rows[CRM_OPERATIONS].margin == 30 && rows[CRM_PROCUREMENT].margin == -5 && !rows[CRM_PROCUREMENT].primary);
  CHECK(crm_value_chain(&bad, 1, &r) == CRM_EINVAL && error_mentions("figures[0].activity is 42"));
  CHECK(strcmp(crm_activity_name(CRM_MARKETING_AND_SALES), "marketing-and-sales") == 0);
  CHECK(crm_activity_parse("human-resources", &code) == CRM_OK && code == CRM_HUMAN_RESOURCES);
  CHECK(crm_process_text_name(99) == NULL);
}

void run_process_tests(void) {
  test_process_rework_and_parallel();
  test_process_errors();
  test_process_compare_and_chart();
  test_value_chain();
}
