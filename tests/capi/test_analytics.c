/* Complaint quality and analytics through the C API: the CFPB sample imported twice (the
 * figures are the provenance README's, data/complaints/README.md, computed there with
 * Python's csv module), the report's summary and tables, a review and a satisfaction answer
 * by the handler refused, the iceberg by hand. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

/* 2026-05-04T09:00:00Z, a Monday: day 20577 (2026-01-01 = 20454, + 31 + 28 + 31 + 30 + 3). */
#define MON9 ((int64_t)20577 * 86400 + 9 * 3600)

static void remove_dir(const char *dir) {
  char path[512];
  snprintf(path, sizeof path, "%s/desk.sqlite3", dir);
  unlink(path);
  rmdir(dir);
}

static void test_cfpb(void) {
  char dir[] = "/tmp/crmkit-capi-analytics-XXXXXX";
  crm_desk *desk = NULL;
  crm_import_result result = CRM_IMPORT_RESULT_INIT;
  crm_complaint_report *report = NULL;
  crm_complaint_summary s;
  char text[4096];
  size_t len = 0;
  CHECK(mkdtemp(dir) != NULL);
  CHECK(crm_desk_open(&desk, dir, NULL) == CRM_OK);
  const char *file = CRMKIT_TEST_DATA_DIR "/complaints/cfpb_complaints_sample_2013.csv";
  CHECK(crm_desk_import_cfpb(desk, file, &result, text, sizeof text, &len) == CRM_OK);
  CHECK(result.rows == 1000 && result.imported == 1000 && result.flagged == 23 && result.rejected == 0);
  /* The first flagged row (sent 8/30/2013, received 8/31/2013) is on line 437. */
  CHECK(strncmp(text, "flagged\t437\tcfpb-510042\t", 24) == 0);
  /* A short buffer: CRM_EBUFS, but the import ran (idempotently: nothing new). */
  CHECK(crm_desk_import_cfpb(desk, file, &result, text, 8, &len) == CRM_EBUFS && len > 8);
  CHECK(result.imported == 0 && result.already_present == 1000);

  CHECK(crm_complaint_report_new(&report, desk, NULL) == CRM_OK && report);
  s.version = CRM_COMPLAINT_SUMMARY_VERSION;
  CHECK(crm_complaint_report_summary(report, &s) == CRM_OK);
  CHECK(s.cases == 1000 && s.events == 1000);
  CHECK(s.vital_few == 17);                     /* README: the top 17 issues reach 812 / 1000 */
  CHECK(s.timely == 984 && s.imported == 1000); /* README: timely_response Yes 984 */
  CHECK(isnan(s.revenue_at_risk));              /* no customer values given */
  CHECK(crm_complaint_report_table(report, CRM_REPORT_BY_CHANNEL, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "key\tcases\nEmail\t1\nFax\t19\nPhone\t90\nPostal mail\t107\nReferral\t92\nWeb\t691\n") == 0);
  CHECK(crm_complaint_report_table(report, CRM_REPORT_DISPUTE_BY_RESPONSE, text, sizeof text, &len) == CRM_OK);
  CHECK(strstr(text, "\nClosed with monetary relief\t94\t10\n") != NULL);      /* README: 10 / 94 */
  CHECK(strstr(text, "\nClosed with non-monetary relief\t157\t21\n") != NULL); /* 21 / 157 */
  CHECK(crm_complaint_report_table(report, 99, text, sizeof text, &len) == CRM_EINVAL);
  CHECK(crm_complaint_report_table(report, CRM_REPORT_PARETO, text, 4, &len) == CRM_EBUFS);
  crm_complaint_report_free(report);
  crm_desk_free(desk);
  remove_dir(dir);
}

static crm_desk_event at(const char *id, int event, int64_t minutes, const char *actor) {
  crm_desk_event e = CRM_DESK_EVENT_INIT;
  e.time = MON9 + minutes * 60;
  e.case_id = id;
  e.event = event;
  e.actor = actor;
  e.customer = "ann";
  e.category = "billing";
  e.note = event == CRM_EVENT_CLOSE ? "accepted" : NULL;
  return e;
}

static void test_review_satisfaction_iceberg(void) {
  char dir[] = "/tmp/crmkit-capi-analytics-XXXXXX";
  crm_desk *desk = NULL;
  crm_complaint_report *report = NULL;
  crm_complaint_summary s;
  crm_analytics_options opts;
  const int ok_steps[6] = {5, 5, 4, 4, 3, 3};
  const int taboo[1] = {CRM_TABOO_ANOTHER_DEPARTMENT};
  double score = -1;
  CHECK(mkdtemp(dir) != NULL);
  CHECK(crm_desk_open(&desk, dir, NULL) == CRM_OK);
  const crm_desk_event walk[] = {at("A", CRM_EVENT_OPEN, 0, "front"),   at("A", CRM_EVENT_LISTEN, 10, "alice"),
                                 at("A", CRM_EVENT_SHARE, 11, "alice"), at("A", CRM_EVENT_PROBE, 12, "alice"),
                                 at("A", CRM_EVENT_CHECK, 13, "alice"), at("A", CRM_EVENT_ACT, 14, "alice"),
                                 at("A", CRM_EVENT_SATISFY, 15, "alice"), at("A", CRM_EVENT_CLOSE, 16, "alice")};
  CHECK(crm_desk_submit(desk, walk, 8, 1, NULL, NULL) == CRM_OK);

  CHECK(crm_desk_record_review(desk, "A", MON9 + 3600, "alice", ok_steps, 6, NULL, 0, NULL, &score) == CRM_EINVAL &&
        error_mentions("a handler cannot review their own case"));
  CHECK(crm_desk_record_review(desk, "A", MON9 + 3600, "rita", ok_steps, 5, NULL, 0, NULL, &score) == CRM_EINVAL);
  /* 24 of 30 = 80, less 10 for the taboo. */
  CHECK(crm_desk_record_review(desk, "A", MON9 + 3600, "rita", ok_steps, 6, taboo, 1, "ok", &score) == CRM_OK &&
        score == 70);
  CHECK(crm_desk_submit_satisfaction(desk, "A", MON9 + 3600, "alice", 5, 1, 5, NULL) == CRM_EINVAL &&
        error_mentions("is a handler of the case"));
  CHECK(crm_desk_submit_satisfaction(desk, "A", MON9 + 3600, "ann", 5, 1, 5, "thanks") == CRM_OK);
  crm_recovery r = CRM_RECOVERY_INIT;
  r.case_id = "A";
  r.time = MON9 + 3600;
  r.actor = "alice";
  r.compensation_minor = 500;
  CHECK(crm_desk_record_recovery(desk, &r) == CRM_EINVAL && error_mentions("ISO 4217"));
  r.currency = "EUR";
  CHECK(crm_desk_record_recovery(desk, &r) == CRM_OK);

  /* One complainant (ann) at 10% complaining: 10 dissatisfied, 9 silent, 10 * 8 = 80 told.
   * Values ann 50, bob 150: mean 100; at risk ann 50 + 9 * 100 = 950. */
  const char *customers[2] = {"ann", "bob"};
  const double values[2] = {50, 150};
  CHECK(crm_analytics_options_init(&opts, CRM_ANALYTICS_OPTIONS_VERSION) == CRM_OK);
  {  /* the _INIT macro equals the core's defaults (as tests/capi/test_options.c does for others) */
    const crm_analytics_options macro = CRM_ANALYTICS_OPTIONS_INIT;
    CHECK(macro.has_now == opts.has_now && macro.pareto_share == opts.pareto_share &&
          macro.complaint_share == opts.complaint_share && macro.word_of_mouth == opts.word_of_mouth &&
          macro.value_count == opts.value_count);
  }
  opts.complaint_share = 0.1;
  opts.word_of_mouth = 8;
  opts.value_customers = customers;
  opts.values = values;
  opts.value_count = 2;
  CHECK(crm_complaint_report_new(&report, desk, &opts) == CRM_OK);
  s.version = CRM_COMPLAINT_SUMMARY_VERSION;
  CHECK(crm_complaint_report_summary(report, &s) == CRM_OK);
  CHECK(s.complainants == 1 && fabs(s.dissatisfied - 10) < 1e-12 && fabs(s.silent - 9) < 1e-12);
  CHECK(fabs(s.told - 80) < 1e-12 && fabs(s.revenue_at_risk - 950) < 1e-9 && s.complainants_valued == 1);
  CHECK(s.satisfaction_answers == 1 && s.satisfaction_mean == 1 && s.recoveries == 1);
  CHECK(s.closed == 1 && s.closed_without_escalation == 1);
  crm_complaint_report_free(report);
  opts.complaint_share = 0;
  CHECK(crm_complaint_report_new(&report, desk, &opts) == CRM_EINVAL && report == NULL &&
        error_mentions("complaint share"));
  crm_desk_free(desk);
  remove_dir(dir);
}

void run_analytics_tests(void) {
  test_cfpb();
  test_review_satisfaction_iceberg();
}
