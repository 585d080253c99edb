/* C API tests of RFM scores and segment rules: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

/* Four customers, worked by hand with the tie rule of ranking.hpp (score = 1 +
 * floor(5 x customers strictly worse / 4)):
 *   days since last  1, 10, 100, 5  -> R 4, 2, 1, 3
 *   purchases        5,  2,   1, 3  -> F 4, 2, 1, 3
 *   monetary       100, 20,   5, 50 -> M 4, 2, 1, 3
 * Standard map: R4F4 loyal (1), R2F2 hibernating (9), R1F1 lost (10), R3F3 need_attention (5). */
static const double days[] = {1, 10, 100, 5};
static const double buys[] = {5, 2, 1, 3};
static const double spend[] = {100, 20, 5, 50};

static void test_segment_rules(void) {
  crm_segment_rules *rules = NULL, *two = NULL;
  const char *names[] = {"lost", "champions"};
  const char *bad[] = {"champions", "nope"};
  char buf[32];
  size_t n = 0, len = 0, index = 99;
  CHECK(crm_segment_rules_standard(&rules, NULL, 0) == CRM_OK && rules);
  CHECK(crm_segment_rules_count(rules, &n) == CRM_OK && n == 11);
  CHECK(crm_segment_rules_name(rules, 0, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "champions") == 0 && len == 9);
  CHECK(crm_segment_rules_name(rules, 11, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "other") == 0);
  CHECK(crm_segment_rules_name(rules, 12, buf, sizeof buf, &len) == CRM_EINVAL && error_mentions("out of range"));
  /* "champions" needs 10 bytes: the length is reported either way. */
  CHECK(crm_segment_rules_name(rules, 0, NULL, 0, &len) == CRM_EBUFS && len == 9);
  CHECK(crm_segment_rules_name(rules, 0, buf, 9, &len) == CRM_EBUFS && error_mentions("10 needed"));
  CHECK(crm_segment_rules_name(rules, 0, buf, sizeof buf, NULL) == CRM_EINVAL);
  CHECK(crm_segment_rules_find(rules, "lost", &index) == CRM_OK && index == 10);
  CHECK(crm_segment_rules_find(rules, "vip", &index) == CRM_EINVAL && error_mentions("unknown segment rule 'vip'"));
  CHECK(crm_segment_rules_find(rules, NULL, &index) == CRM_EINVAL);
  /* R5 F5 is champions; R1 F5 can't lose; a score outside 1..9 matches no rule. */
  CHECK(crm_segment_of(rules, 5, 5, 1, &index) == CRM_OK && index == 0);
  CHECK(crm_segment_of(rules, 1, 5, 1, &index) == CRM_OK && index == 8);
  CHECK(crm_segment_of(rules, 0, 5, 1, &index) == CRM_OK && index == 11);
  CHECK(crm_segment_of(NULL, 5, 5, 1, &index) == CRM_EINVAL);
  CHECK(crm_segment_of(rules, 5, 5, 1, NULL) == CRM_EINVAL);

  CHECK(crm_segment_rules_standard(&two, names, 2) == CRM_OK);
  CHECK(crm_segment_rules_count(two, &n) == CRM_OK && n == 2);
  CHECK(crm_segment_rules_name(two, 0, buf, sizeof buf, &len) == CRM_OK && strcmp(buf, "lost") == 0);
  crm_segment_rules_free(two);
  two = (crm_segment_rules *)1;
  CHECK(crm_segment_rules_standard(&two, bad, 2) == CRM_EINVAL && two == NULL && error_mentions("'nope'"));
  CHECK(crm_segment_rules_standard(NULL, NULL, 0) == CRM_EINVAL);
  CHECK(crm_segment_rules_parse(&two, "vip: r=4-5 f=5; sleeping: r=1") == CRM_OK);
  CHECK(crm_segment_of(two, 1, 1, 1, &index) == CRM_OK && index == 1);
  crm_segment_rules_free(two);
  CHECK(crm_segment_rules_parse(&two, "vip r=4") == CRM_EPARSE && two == NULL);
  CHECK(crm_segment_rules_parse(&two, NULL) == CRM_EINVAL);
  CHECK(crm_segment_rules_count(NULL, &n) == CRM_EINVAL);
  crm_segment_rules_free(rules);
  crm_segment_rules_free(NULL);
}

static void test_rfm(void) {
  uint8_t r[4], f[4], m[4], seg[4];
  uint16_t code[4];
  size_t sizes[12];
  double day_cuts_out[4], buy_cuts_out[4], spend_cuts_out[4];
  crm_rfm_result out = CRM_RFM_RESULT_INIT;
  crm_rfm_options o = CRM_RFM_OPTIONS_INIT;
  const double day_cuts[] = {2, 6, 20, 50};
  const double bad_cuts[] = {6, 2, 20, 50};
  const double zero[] = {0, 0, 0, 0};
  const double nan_days[] = {1, NAN, 3, 4};
  const char *no_names[1] = {NULL};
  crm_segment_rules *rules = NULL;
  out.recency_score = r;
  out.frequency_score = f;
  out.monetary_score = m;
  out.code = code;
  out.segment = seg;
  out.segment_sizes = sizes;
  out.segment_capacity = 12;
  out.days_since_last_cuts = day_cuts_out;
  out.purchases_cuts = buy_cuts_out;
  out.monetary_cuts = spend_cuts_out;
  out.cut_capacity = 4;
  CHECK(crm_rfm_score(days, buys, spend, 4, NULL, &out) == CRM_OK);
  CHECK(out.segment_count == 12);
  CHECK(r[0] == 4 && r[1] == 2 && r[2] == 1 && r[3] == 3);
  CHECK(f[0] == 4 && f[1] == 2 && f[2] == 1 && f[3] == 3);
  CHECK(code[0] == 444 && code[1] == 222 && code[2] == 111 && code[3] == 333);
  CHECK(seg[0] == 1 && seg[1] == 9 && seg[2] == 10 && seg[3] == 5);
  CHECK(sizes[1] == 1 && sizes[9] == 1 && sizes[10] == 1 && sizes[5] == 1 && sizes[0] == 0 && sizes[11] == 0);
  CHECK(out.bins == 5);
  /* Quantile cuts: the lowest day count scoring 5 is out of reach (-inf); frequency 3 is the
   * first value scoring 3. */
  CHECK(isinf(day_cuts_out[0]) && buy_cuts_out[1] == 3);
  /* 4 cuts of 5 bins do not fit 3: CRM_EBUFS, the sizes reported, nothing scored. */
  out.cut_capacity = 3;
  r[0] = 77;
  CHECK(crm_rfm_score(days, buys, spend, 4, NULL, &out) == CRM_EBUFS && out.bins == 5 && r[0] == 77);
  out.cut_capacity = 4;

  /* All-equal values: nobody is strictly worse, everyone scores 1. */
  CHECK(crm_rfm_score(zero, zero, zero, 4, NULL, &out) == CRM_OK && code[0] == 111 && code[3] == 111);

  /* Caller cuts on days (<= 2 -> 5, <= 6 -> 4, <= 20 -> 3, <= 50 -> 2, else 1) and no rules. */
  o.days_since_last_cuts = day_cuts;
  o.days_since_last_cut_count = 4;
  CHECK(crm_segment_rules_standard(&rules, no_names, 0) == CRM_OK);
  o.segments = rules;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_OK);
  CHECK(r[0] == 5 && r[1] == 3 && r[2] == 1 && r[3] == 4 && seg[0] == 0 && sizes[0] == 4);
  /* Rules count 0 -> one segment ("other"): capacity 1 suffices. */
  out.segment_capacity = 1;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_OK);
  o.segments = NULL;
  sizes[0] = 777;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EBUFS && error_mentions("12 needed") &&
        sizes[0] == 777 && out.segment_count == 12);
  out.segment_capacity = 12;
  /* Issue 19 item 15: a garbage count is an invalid argument, not an internal error. */
  o.days_since_last_cuts = day_cuts;
  o.days_since_last_cut_count = (size_t)-1;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EINVAL && error_mentions("at most"));
  o.days_since_last_cut_count = 4;
  o.days_since_last_cuts = bad_cuts;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EINVAL);
  o.days_since_last_cuts = NULL;
  o.bins = 1;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EINVAL);
  o.bins = 4; /* the standard rules assume 5 bins */
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EINVAL);
  o.bins = 5;
  o.version = 9;
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_rfm_score(nan_days, buys, spend, 4, NULL, &out) == CRM_EINVAL && error_mentions("days_since_last"));
  CHECK(crm_rfm_score(days, buys, spend, 0, NULL, &out) == CRM_EINVAL && error_mentions("empty"));
  CHECK(crm_rfm_score(days, NULL, spend, 4, NULL, &out) == CRM_EINVAL && error_mentions("purchases"));
  CHECK(crm_rfm_score(days, buys, spend, 4, NULL, NULL) == CRM_EINVAL);
  crm_segment_rules_free(rules);
}

void run_rfm_tests(void) {
  test_segment_rules();
  test_rfm();
}
