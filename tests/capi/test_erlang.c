/* C API tests of Erlang B and C (crm_erlang_b, crm_erlang_c, crm_queue_model_*). */
#include "check.h"

static void test_exact_cases(void) {
  double v = -1;
  /* B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5; C(2, 1) = 1/3 (hand calculation). */
  CHECK(crm_erlang_b(2, 1.0, &v) == CRM_OK);
  CHECK_NEAR(v, 0.2, 1e-15);
  CHECK(crm_erlang_c(2, 1.0, &v) == CRM_OK);
  CHECK_NEAR(v, 1.0 / 3, 1e-15);
  /* M/M/1: waiting probability = load. */
  CHECK(crm_erlang_c(1, 0.6, &v) == CRM_OK);
  CHECK_NEAR(v, 0.6, 1e-15);
  /* 1,000 Erlangs on 1,050 agents: tests/contact/reference/erlang_c.py (mpmath, 50 digits). */
  CHECK(crm_erlang_c(1050, 1000.0, &v) == CRM_OK);
  CHECK_NEAR(v, 0.074401774037428377, 1e-12);
}

static void test_most_agents(void) {
  double v = -1;
  /* B(N, 10) <= 10^N / N! underflows to 0 in double from N ~ 1000 on (hand bound; see
   * tests/contact/test_erlang.cpp): 2^63 - 1 agents give 0 at once. Found by
   * fuzz/capi_fuzzer, where the recurrence ran once per agent (a hang). */
  CHECK(crm_erlang_b(INT64_MAX, 10.0, &v) == CRM_OK);
  CHECK(v == 0.0);
  v = -1;
  CHECK(crm_erlang_c(INT64_MAX, 10.0, &v) == CRM_OK);
  CHECK(v == 0.0);
}

static void test_errors(void) {
  double v = 0;
  CHECK(crm_erlang_c(10, 10.0, &v) == CRM_EINVAL);
  CHECK(error_mentions("agents must exceed the traffic"));
  CHECK(crm_erlang_b(-1, 1.0, &v) == CRM_EINVAL);
  CHECK(error_mentions("agents = -1"));
  CHECK(crm_erlang_b(2, 0.0, &v) == CRM_EINVAL);
  CHECK(error_mentions("traffic = 0"));
  CHECK(crm_erlang_b(2, 1.0, NULL) == CRM_EINVAL);
  CHECK(error_mentions("out is NULL"));
}

static void test_model_names(void) {
  int code = -1;
  CHECK(strcmp(crm_queue_model_name(CRM_ERLANG_A), "erlang-a") == 0);
  CHECK(crm_queue_model_name(2) == NULL);
  CHECK(crm_queue_model_parse("erlang-c", &code) == CRM_OK && code == CRM_ERLANG_C);
  CHECK(crm_queue_model_parse("erlang", &code) == CRM_EINVAL);
  CHECK(error_mentions("erlang-c, erlang-a"));
}

void run_erlang_tests(void) {
  test_most_agents();
  test_exact_cases();
  test_errors();
  test_model_names();
}
