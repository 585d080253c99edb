/* C API tests of the interaction-log KPIs. The log is a part of the hand-built one in
 * tests/contact/test_kpi.cpp (times in seconds after 2026-11-24 09:00:00):
 *  #  channel agent arrival answered abandoned end  ivr  wait  handle
 *  0  1       7        0     10       -      190   0     10    180
 *  1  1       8       60     90       -      390   0     30    300
 *  2  1      -1      100      -     103        -   0      3 (short abandon)
 *  3  1      -1      300      -       -        -   1     (voice system)
 *  4  2       7     1900   1915       -     2155   0     15    240   (second half hour)
 */
#include <stdint.h>

#include "check.h"

#define NOT NAN

static double base;
static double at(double seconds) { return base + seconds / 86400; }

static void fill(crm_contact_log *log, int64_t *channel, int64_t *agent, double *arrival,
                 double *answered, double *abandoned, double *end, uint8_t *ivr) {
  const int64_t ch[] = {1, 1, 1, 1, 2}, ag[] = {7, 8, -1, -1, 7};
  const double arr[] = {0, 60, 100, 300, 1900}, ans[] = {10, 90, NOT, NOT, 1915};
  const double abn[] = {NOT, NOT, 103, NOT, NOT}, e[] = {190, 390, NOT, NOT, 2155};
  const uint8_t iv[] = {0, 0, 0, 1, 0};
  int i;
  for (i = 0; i < 5; ++i) {
    channel[i] = ch[i];
    agent[i] = ag[i];
    arrival[i] = at(arr[i]);
    answered[i] = at(ans[i]); /* NaN stays NaN */
    abandoned[i] = at(abn[i]);
    end[i] = at(e[i]);
    ivr[i] = iv[i];
  }
  log->n = 5;
  log->channel = channel;
  log->agent = agent;
  log->arrival = arrival;
  log->answered = answered;
  log->abandoned = abandoned;
  log->end = end;
  log->ivr = ivr;
}

void run_kpi_tests(void) {
  int64_t channel[5], agent[5];
  double arrival[5], answered[5], abandoned[5], end[5];
  uint8_t ivr[5];
  crm_contact_log log = CRM_CONTACT_LOG_INIT;
  crm_kpi_figures f;
  crm_kpi_options o = CRM_KPI_OPTIONS_INIT, d;
  int code = -1;

  CHECK(crm_parse_time("2026-11-24 09:00:00", NULL, &base) == CRM_OK);
  fill(&log, channel, agent, arrival, answered, abandoned, end, ivr);

  CHECK(crm_kpi_options_init(&d, CRM_KPI_OPTIONS_VERSION) == CRM_OK);
  CHECK(d.answer_within == o.answer_within && d.short_abandon == o.short_abandon &&
        d.definition == o.definition && d.interval == o.interval);

  f.version = CRM_KPI_FIGURES_VERSION;
  CHECK(crm_contact_kpis(&log, NULL, &f) == CRM_OK);
  CHECK(f.contacts == 5 && f.ivr_contained == 1 && f.offered == 4 && f.answered == 3);
  CHECK(f.abandoned == 1 && f.short_abandoned == 1 && f.answered_within == 2);
  CHECK_NEAR(f.service_level, 2.0 / 4, 1e-15);              /* #0 and #4 of 4 offered */
  CHECK_NEAR(f.abandonment_rate_excluding_short, 0, 1e-15); /* (1 - 1) / (4 - 1) */
  CHECK_NEAR(f.asa, (10 + 30 + 15) / 3.0, 1e-9);
  CHECK_NEAR(f.aht, (180 + 300 + 240) / 3.0, 1e-9);
  CHECK_NEAR(f.occupancy, 720.0 / 5400, 1e-12);             /* 3 agent-intervals staffed */
  CHECK(isnan(f.satisfaction));                             /* no score column */

  o.definition = CRM_SL_ANSWERED;
  CHECK(crm_contact_kpis(&log, &o, &f) == CRM_OK);
  CHECK_NEAR(f.service_level, 2.0 / 3, 1e-15);
  CHECK(strcmp(crm_service_level_definition_name(CRM_SL_OFFERED_LESS_SHORT), "offered-less-short") == 0);
  CHECK(crm_service_level_definition_name(4) == NULL);
  CHECK(crm_service_level_definition_parse("abandoned-within-met", &code) == CRM_OK &&
        code == CRM_SL_ABANDONED_WITHIN_MET);
  CHECK(crm_kpi_grouping_parse("agent", &code) == CRM_OK && code == CRM_KPI_BY_AGENT);

  { /* groups: ask the count, then fill */
    int64_t keys[3];
    double starts[3];
    crm_kpi_figures groups[3];
    size_t count = 0;
    CHECK(crm_contact_kpis_by(&log, CRM_KPI_BY_CHANNEL, NULL, NULL, NULL, NULL, 0, &count) == CRM_EBUFS);
    CHECK(count == 2);
    groups[0].version = CRM_KPI_FIGURES_VERSION;
    CHECK(crm_contact_kpis_by(&log, CRM_KPI_BY_INTERVAL, NULL, keys, starts, groups, 3, &count) == CRM_OK);
    CHECK(count == 2 && keys[1] == keys[0] + 1);
    CHECK_NEAR(starts[0], base, 1e-9);
    CHECK(groups[0].contacts == 4 && groups[1].contacts == 1);
    CHECK(crm_contact_kpis_by(&log, 5, NULL, keys, starts, groups, 3, &count) == CRM_EINVAL);
    CHECK(error_mentions("grouping is 5"));
  }

  /* Bad rows and arguments. */
  answered[1] = at(50); /* before its arrival at 60 s */
  CHECK(crm_contact_kpis(&log, NULL, &f) == CRM_EINVAL);
  CHECK(error_mentions("contact 1: answered 2026-11-24 09:00:50 is before arrival 2026-11-24 09:01:00"));
  answered[1] = at(90);
  CHECK(crm_contact_kpis(NULL, NULL, &f) == CRM_EINVAL);
  CHECK(error_mentions("log is NULL"));
  CHECK(crm_contact_kpis(&log, NULL, NULL) == CRM_EINVAL);
  log.arrival = NULL;
  CHECK(crm_contact_kpis(&log, NULL, &f) == CRM_EINVAL);
  CHECK(error_mentions("arrival column is null"));
  log.arrival = arrival;
  o.interval = -1;
  CHECK(crm_contact_kpis(&log, &o, &f) == CRM_EINVAL);
  CHECK(error_mentions("interval"));
}
