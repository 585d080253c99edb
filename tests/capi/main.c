/* The C API test program: C99 against crmkit.h only. One file per capability
 * (test_<name>.c, run_<name>_tests), the harness in check.h. */
#include "check.h"

int failures = 0;
int checks = 0;

static void test_version_and_status(void) {
  CHECK(crm_version_number() == CRMKIT_VERSION_NUMBER);
  CHECK(strcmp(crm_version_string(), CRMKIT_VERSION_STRING) == 0);
  CHECK(strcmp(crm_status_string(CRM_OK), "ok") == 0);
  CHECK(strcmp(crm_status_string(CRM_EINVAL), "invalid argument") == 0);
  CHECK(strcmp(crm_status_string(CRM_EBUFS), "buffer too small") == 0);
  CHECK(strcmp(crm_status_string(12345), "unknown status") == 0);
  CHECK(crm_last_error() != NULL);
}

int main(void) {
  test_version_and_status();
  run_options_tests();
  run_time_tests();
  run_summary_tests();
  run_clv_tests();
  run_rfm_tests();
  run_concentration_tests();
  run_tiers_tests();
  run_status_tests();
  run_loyalty_tests();
  run_retention_tests();
  run_weights_tests();
  run_ahp_tests();
  run_svg_tests();
  run_erlang_tests();
  run_staffing_tests();
  run_kpi_tests();
  run_instrument_tests();
  run_servqual_tests();
  run_audit_tests();
  run_rank_tests();
  run_sensitivity_tests();
  run_reliability_tests();
  run_ipa_tests();
  run_gaps_tests();
  run_csi_tests();
  run_process_tests();
  run_segment_tests();
  run_churn_tests();
  run_group_tests();
  run_swot_tests();
  run_record_tests();
  run_pls_tests();
  run_desk_tests();
  run_analytics_tests();
  run_partition_tests();
  printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
