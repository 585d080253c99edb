/* C API tests of survey instruments: the bundled SERVQUAL, self-audit and employee
 * satisfaction, instruments from text and files, every accessor, and bad arguments. */
#include "check.h"

static void test_servqual_instrument(void) {
  crm_instrument *s = NULL;
  size_t n = 0, first = 0, len = 0;
  int reverse = -1;
  double lo = 0, hi = 0;
  char buf[64];
  CHECK(crm_instrument_servqual(&s, CRM_SERVQUAL_1988, 1, 7) == CRM_OK && s);
  CHECK(crm_instrument_item_count(s, &n) == CRM_OK && n == 22);
  CHECK(crm_instrument_dimension_count(s, &n) == CRM_OK && n == 5);
  CHECK(crm_instrument_scale(s, &lo, &hi) == CRM_OK && lo == 1 && hi == 7);
  CHECK(crm_instrument_name(s, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "SERVQUAL") == 0 && len == 8);
  /* Responsiveness: statements 10-13 (columns 9..12), reversed in 1988. */
  CHECK(crm_instrument_dimension_items(s, 2, &first, &n) == CRM_OK && first == 9 && n == 4);
  CHECK(crm_instrument_dimension_name(s, 2, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "responsiveness") == 0);
  CHECK(crm_instrument_item_id(s, 9, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "10") == 0);
  CHECK(crm_instrument_item_reverse_coded(s, 9, &reverse) == CRM_OK && reverse == 1);
  CHECK(crm_instrument_item_reverse_coded(s, 8, &reverse) == CRM_OK && reverse == 0);
  CHECK(crm_instrument_item_text(s, 0, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "modern-looking equipment") == 0);
  /* Small buffers and bad indexes. */
  CHECK(crm_instrument_dimension_name(s, 2, NULL, 0, &len) == CRM_EBUFS && len == 14);
  CHECK(crm_instrument_dimension_name(s, 2, buf, 14, &len) == CRM_EBUFS && error_mentions("15 needed"));
  CHECK(crm_instrument_dimension_name(s, 5, buf, sizeof buf, &len) == CRM_EINVAL && error_mentions("dimension index 5"));
  CHECK(crm_instrument_item_id(s, 22, buf, sizeof buf, &len) == CRM_EINVAL && error_mentions("22 items"));
  CHECK(crm_instrument_item_id(s, 0, buf, sizeof buf, NULL) == CRM_EINVAL);
  CHECK(crm_instrument_item_count(NULL, &n) == CRM_EINVAL && error_mentions("instrument is NULL"));
  crm_instrument_free(s);
  s = (crm_instrument *)1;
  CHECK(crm_instrument_servqual(&s, 7, 1, 7) == CRM_EINVAL && s == NULL && error_mentions("version is 7"));
  CHECK(crm_instrument_servqual(&s, CRM_SERVQUAL_1991, 7, 1) == CRM_EINVAL && error_mentions("min < max"));
  CHECK(crm_instrument_servqual(NULL, CRM_SERVQUAL_1991, 1, 7) == CRM_EINVAL);
  crm_instrument_free(NULL);
}

static void test_audit_and_employee(void) {
  crm_instrument *a = NULL, *e = NULL;
  size_t n = 0, first = 0, len = 0;
  int reverse = 0;
  char buf[64];
  const char *ids[] = {"j1", "j2", "w1", "c1", "o1", "i1"};
  const int rev[] = {0, 1, 0, 0, 0, 0};
  const size_t per[] = {2, 1, 1, 1, 1}, four[] = {2, 1, 1, 1};
  /* The audit: 40 items, 7 categories; the last has items 35-40. */
  CHECK(crm_instrument_audit(&a) == CRM_OK);
  CHECK(crm_instrument_item_count(a, &n) == CRM_OK && n == 40);
  CHECK(crm_instrument_dimension_items(a, 6, &first, &n) == CRM_OK && first == 34 && n == 6);
  crm_instrument_free(a);
  CHECK(crm_instrument_employee(&e, ids, NULL, rev, per, 5, 1, 5) == CRM_OK);
  CHECK(crm_instrument_dimension_name(e, 3, buf, sizeof buf, &len) == CRM_OK &&
        strcmp(buf, "organisation and personnel") == 0);
  CHECK(crm_instrument_item_reverse_coded(e, 1, &reverse) == CRM_OK && reverse == 1);
  CHECK(crm_instrument_item_text(e, 1, buf, sizeof buf, &len) == CRM_OK && len == 0 && buf[0] == 0);
  crm_instrument_free(e);
  CHECK(crm_instrument_employee(&e, ids, NULL, NULL, four, 4, 1, 5) == CRM_EINVAL && error_mentions("n_dimensions is 4"));
  ids[2] = "j1";
  CHECK(crm_instrument_employee(&e, ids, NULL, NULL, per, 5, 1, 5) == CRM_EINVAL && error_mentions("'j1' twice"));
  CHECK(crm_instrument_employee(&e, NULL, NULL, NULL, per, 5, 1, 5) == CRM_EINVAL && error_mentions("item_ids is NULL"));
}

static void test_parse_and_read(void) {
  crm_instrument *t = NULL;
  size_t n = 0, len = 0;
  int reverse = 0;
  double lo = 0, hi = 0;
  char buf[64];
  CHECK(crm_instrument_parse(&t, "instrument: Branch\nscale: 1-5\ndimension: staff\n"
                                 "item: S1 | friendly\nitem: S2 | kept us waiting | reverse\n",
                             "branch.txt") == CRM_OK);
  CHECK(crm_instrument_item_count(t, &n) == CRM_OK && n == 2);
  CHECK(crm_instrument_scale(t, &lo, &hi) == CRM_OK && lo == 1 && hi == 5);
  CHECK(crm_instrument_item_reverse_coded(t, 1, &reverse) == CRM_OK && reverse == 1);
  CHECK(crm_instrument_name(t, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "Branch") == 0);
  crm_instrument_free(t);
  CHECK(crm_instrument_parse(&t, "dimension: a\nitem: x\nbogus: 1\n", "mine.txt") == CRM_EPARSE &&
        t == NULL && error_mentions("mine.txt:3"));
  CHECK(crm_instrument_parse(&t, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_instrument_read(&t, CRMKIT_TEST_DATA_DIR "/quality/branch.instrument") == CRM_OK);
  CHECK(crm_instrument_dimension_count(t, &n) == CRM_OK && n == 3);
  crm_instrument_free(t);
  CHECK(crm_instrument_read(&t, CRMKIT_TEST_DATA_DIR "/quality/no-such-file") == CRM_EIO && t == NULL);
}

static void test_enums(void) {
  int v = -1;
  CHECK(strcmp(crm_servqual_version_name(CRM_SERVQUAL_1988), "1988") == 0);
  CHECK(crm_servqual_version_name(2) == NULL && crm_servqual_version_name(-1) == NULL);
  CHECK(crm_servqual_version_parse("1991", &v) == CRM_OK && v == CRM_SERVQUAL_1991);
  CHECK(crm_servqual_version_parse("2001", &v) == CRM_EINVAL && error_mentions("1991, 1988"));
  CHECK(strcmp(crm_missing_policy_name(CRM_MISSING_DIMENSION_MEAN), "dimension-mean") == 0);
  CHECK(crm_missing_policy_parse("listwise", &v) == CRM_OK && v == CRM_MISSING_LISTWISE);
  CHECK(crm_missing_policy_parse("casewise", &v) == CRM_EINVAL);
  CHECK(crm_missing_policy_parse(NULL, &v) == CRM_EINVAL);
}

void run_instrument_tests(void) {
  test_servqual_instrument();
  test_audit_and_employee();
  test_parse_and_read();
  test_enums();
}
