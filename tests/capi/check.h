/* The tiny harness shared by the C API test files (one program, main() in main.c):
 * CHECK counts and reports, never aborts, so one run lists every failure. */
#ifndef CRMKIT_TEST_CHECK_H
#define CRMKIT_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "crmkit.h"

extern int checks;   /* defined in main.c */
extern int failures;

#define CHECK(cond)                                                           \
  do {                                                                        \
    ++checks;                                                                 \
    if (!(cond)) {                                                            \
      ++failures;                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, \
              __LINE__, #cond, crm_last_error());                             \
    }                                                                         \
  } while (0)

#define CHECK_NEAR(a, b, tol) CHECK(fabs((double)(a) - (double)(b)) <= (tol))

/* The last error mentions `needle`. */
static inline int error_mentions(const char *needle) {
  return strstr(crm_last_error(), needle) != NULL;
}

/* The CDNOW sample as the published analyses read it (test_summary.c): columns 2, 3, 5 of a
 * blank-separated file without header, %Y%m%d dates, same-day merging, weeks, calibration to
 * 1997-09-30 and holdout to 1998-06-30. cdnow_sample_summary returns the table (NULL after
 * a failed CHECK); the caller frees it. */
void cdnow_sample_options(crm_csv_options *csv, crm_summary_options *options);
crm_summary *cdnow_sample_summary(void);
#define CDNOW_SAMPLE_PATH CRMKIT_TEST_DATA_DIR "/cdnow/CDNOW_sample.txt"

/* Test groups, one per capability file test_<name>.c, run by main() in main.c. */
void run_options_tests(void);
void run_time_tests(void);
void run_summary_tests(void);
void run_clv_tests(void);
void run_partition_tests(void);
void run_rfm_tests(void);
void run_concentration_tests(void);
void run_tiers_tests(void);
void run_status_tests(void);
void run_loyalty_tests(void);
void run_retention_tests(void);
void run_weights_tests(void);
void run_ahp_tests(void);
void run_svg_tests(void);
void run_erlang_tests(void);
void run_staffing_tests(void);
void run_kpi_tests(void);
void run_instrument_tests(void);
void run_servqual_tests(void);
void run_audit_tests(void);
void run_rank_tests(void);
void run_sensitivity_tests(void);
void run_reliability_tests(void);
void run_ipa_tests(void);
void run_gaps_tests(void);
void run_csi_tests(void);
void run_process_tests(void);
void run_segment_tests(void);
void run_churn_tests(void);
void run_group_tests(void);
void run_swot_tests(void);
void run_record_tests(void);
void run_pls_tests(void);
void run_desk_tests(void);
void run_analytics_tests(void);

#endif
