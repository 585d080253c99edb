/* One small, valid object per handle type of the C API, for tests/exports/generate.py: the
 * generated program calls every exported function with these objects as well as with NULL,
 * so that bad arguments next to a live object are checked too. A new handle type needs a
 * make_<type> here (the generator fails naming it otherwise). Included by the generated C
 * file; each maker aborts with the library's message if the object cannot be made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crmkit.h"

static void made(int status, const char *what) {
  if (status != CRM_OK) {
    fprintf(stderr, "cannot make %s for the export test: %s\n", what, crm_last_error());
    exit(2);
  }
}

/* Two customers, one with a repeat purchase a week later. */
static crm_summary *make_crm_summary(void) {
  static const int64_t ids[] = {1, 1, 2};
  static const double times[] = {0, 7, 3}, amounts[] = {10, 20, 5};
  crm_summary *s = NULL;
  made(crm_summarize(&s, ids, times, amounts, 3, NULL), "crm_summary");
  return s;
}

static crm_ledger *make_crm_ledger(void) {
  crm_ledger *l = NULL;
  made(crm_ledger_create(&l, NULL), "crm_ledger");
  made(crm_ledger_add_sale(l, 1, 0, 10), "a ledger sale");
  return l;
}

/* BG/NBD with the CDNOW estimates of Fader, Hardie & Lee (2005). */
static crm_clv_model *make_crm_clv_model(void) {
  static const double params[] = {0.243, 4.414, 0.793, 2.426};
  crm_clv_model *m = NULL;
  made(crm_clv_create(&m, CRM_CLV_BG_NBD, params, 4), "crm_clv_model");
  return m;
}

static crm_segment_rules *make_crm_segment_rules(void) {
  crm_segment_rules *r = NULL;
  made(crm_segment_rules_standard(&r, NULL, 0), "crm_segment_rules");
  return r;
}

static crm_instrument *make_crm_instrument(void) {
  crm_instrument *i = NULL;
  made(crm_instrument_servqual(&i, CRM_SERVQUAL_1988, 1, 7), "crm_instrument");
  return i;
}

static crm_process_map *make_crm_process_map(void) {
  static const char text[] = "step,department,duration,cost,value_adding,next\n"
                             "a,desk,5,1,no,b\nb,desk,5,1,yes,\n";
  crm_process_map *m = NULL;
  made(crm_process_map_parse_csv(&m, text, strlen(text), "export-test.csv"), "crm_process_map");
  return m;
}

static const char *const x_name[] = {"x"};

static crm_kmeans *make_crm_kmeans(void) {
  static const double x[] = {0, 1, 10, 11, 12};
  crm_kmeans_options o = CRM_KMEANS_OPTIONS_INIT;
  crm_kmeans *m = NULL;
  o.k_min = o.k_max = 2;
  made(crm_kmeans_fit(&m, x, 5, 1, x_name, &o, NULL), "crm_kmeans");
  return m;
}

static crm_churn *make_crm_churn(void) {
  static const double x[] = {-2, -1, 1, 2}, y[] = {0, 0, 1, 1};
  crm_churn *m = NULL;
  made(crm_churn_fit(&m, x, 4, 1, x_name, y, NULL, NULL), "crm_churn");
  return m;
}

static crm_decision_record *make_crm_decision_record(void) {
  crm_decision_record *r = NULL;
  made(crm_decision_record_new(&r), "crm_decision_record");
  made(crm_decision_record_set_statement(r, "which supplier"), "a decision statement");
  return r;
}

/* Two blocks, four respondents (tests/capi/test_pls.c). */
static crm_pls *make_crm_pls(void) {
  static const double data[] = {1, 2, 1, 2, 1, 3, 3, 4, 2, 4, 3, 4};
  static const char *const names[] = {"a1", "a2", "b"};
  crm_pls_options o = CRM_PLS_OPTIONS_INIT;
  crm_pls *p = NULL;
  o.scale_min = 1;
  o.scale_max = 5;
  made(crm_pls_fit(&p, "block A: a1, a2\nblock B: b\npath A -> B\n", data, 4, 3, names, &o), "crm_pls");
  return p;
}

/* The desk's folder: one per run in the working directory, made and removed by main(). */
static char desk_dir[64];

static crm_desk *make_crm_desk(void) {
  crm_desk *d = NULL;
  made(crm_desk_open(&d, desk_dir, NULL), "crm_desk");
  return d;
}

/* A report over an empty desk (the desk is closed again: the report keeps its figures). */
static crm_complaint_report *make_crm_complaint_report(void) {
  crm_desk *d = make_crm_desk();
  crm_complaint_report *r = NULL;
  made(crm_complaint_report_new(&r, d, NULL), "crm_complaint_report");
  crm_desk_free(d);
  return r;
}

/* A BG/NBD partition of two customers (weights NULL: one each). */
static crm_clv_partition *make_crm_clv_partition(void) {
  static const double x[] = {0, 2}, t_x[] = {0, 5}, T[] = {10, 10};
  crm_clv_partition *p = NULL;
  made(crm_clv_partition_create(&p, CRM_CLV_BG_NBD, x, t_x, T, NULL, 2), "crm_clv_partition");
  return p;
}

static crm_organisation *make_crm_organisation(void) {
  crm_organisation *o = NULL;
  made(crm_organisation_new(&o), "crm_organisation");
  made(crm_organisation_add_unit(o, "desk", 1), "a unit");
  made(crm_organisation_add_unit(o, "manager", 2), "a unit");
  made(crm_organisation_add_path(o, "desk", "manager", 1), "a path");
  return o;
}
