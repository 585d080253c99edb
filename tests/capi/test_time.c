/* C API tests of text times (crm_parse_time). */
#include "check.h"

static void test_parse_time(void) {
  double d = -1;
  CHECK(crm_parse_time("1970-01-01", NULL, &d) == CRM_OK && d == 0.0);
  CHECK(strcmp(crm_last_error(), "") == 0);
  /* 1997-09-30 is day 10134: 27 years of 365 days + 7 leap days (1972..1996) + 272. */
  CHECK(crm_parse_time("19970930", "%Y%m%d", &d) == CRM_OK && d == 27 * 365 + 7 + 272);
  CHECK(crm_parse_time("2020-01-01 12:00", "iso", &d) == CRM_OK && d == 18262.5);
  CHECK(crm_parse_time("2021-02-29", NULL, &d) == CRM_EPARSE && error_mentions("2021-02-29"));
  CHECK(crm_parse_time("x", "%Q", &d) == CRM_EINVAL && error_mentions("unsupported directive"));
  CHECK(crm_parse_time(NULL, NULL, &d) == CRM_EINVAL && error_mentions("text is NULL"));
  CHECK(crm_parse_time("2020-01-01", NULL, NULL) == CRM_EINVAL && error_mentions("out_days"));
}

void run_time_tests(void) { test_parse_time(); }
