/* C API tests of customer value tiers (RFM, concentration, tiers, status, stage, loyalty,
 * retention): hand-computed cases through the C boundary, and every function with NULL
 * pointers, zero lengths, bad values and small buffers. */
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
  CHECK(crm_rfm_score(days, buys, spend, 4, NULL, &out) == CRM_OK);
  CHECK(r[0] == 4 && r[1] == 2 && r[2] == 1 && r[3] == 3);
  CHECK(f[0] == 4 && f[1] == 2 && f[2] == 1 && f[3] == 3);
  CHECK(code[0] == 444 && code[1] == 222 && code[2] == 111 && code[3] == 333);
  CHECK(seg[0] == 1 && seg[1] == 9 && seg[2] == 10 && seg[3] == 5);
  CHECK(sizes[1] == 1 && sizes[9] == 1 && sizes[10] == 1 && sizes[5] == 1 && sizes[0] == 0 && sizes[11] == 0);
  CHECK(out.bins == 5);
  /* Quantile cuts: the lowest day count scoring 5 is out of reach (-inf); frequency 3 is the
   * first value scoring 3. */
  CHECK(isinf(out.days_since_last_cuts[0]) && out.purchases_cuts[1] == 3);

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
  CHECK(crm_rfm_score(days, buys, spend, 4, &o, &out) == CRM_EBUFS && error_mentions("12 needed") && sizes[0] == 777);
  out.segment_capacity = 12;
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

static void test_concentration(void) {
  /* 1, 2, 3, 4, 10 (total 20): Gini = (-4x1 - 2x2 + 0x3 + 2x4 + 4x10) / (5 x 20) = 0.4; the top
   * 20% (one customer) hold 10/20; holding 50% takes that one customer (20%); the Lorenz curve
   * at 1/4 of the customers is 1.25 customers from the bottom: (1 + 0.25 x 2) / 20 = 0.075. */
  const double v[] = {4, 10, 1, 3, 2};
  const double top[] = {0.2};
  const double hold[] = {0.5};
  double top_out[1], hold_out[1], lx[5], ly[5], dflt[5];
  crm_concentration_options o = CRM_CONCENTRATION_OPTIONS_INIT;
  crm_concentration_result out = CRM_CONCENTRATION_RESULT_INIT;
  const double negative[] = {1, -1};
  const double zeros[] = {0, 0};
  o.top_customer_shares = top;
  o.top_count = 1;
  o.value_shares = hold;
  o.value_share_count = 1;
  o.lorenz_points = 4;
  out.top_value_shares = top_out;
  out.holding_customer_shares = hold_out;
  out.lorenz_customer_shares = lx;
  out.lorenz_value_shares = ly;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_OK);
  CHECK(out.customers == 5 && out.total_value == 20);
  CHECK_NEAR(out.gini, 0.4, 1e-12);
  CHECK_NEAR(top_out[0], 0.5, 1e-12);
  CHECK_NEAR(hold_out[0], 0.2, 1e-12);
  CHECK(lx[0] == 0 && ly[0] == 0 && lx[4] == 1 && ly[4] == 1);
  CHECK_NEAR(lx[1], 0.25, 1e-12);
  CHECK_NEAR(ly[1], 0.075, 1e-12);
  /* NULL options: the five default top shares (0.01 ... 0.5); holding and Lorenz not wanted. */
  out.top_value_shares = dflt;
  out.holding_customer_shares = out.lorenz_customer_shares = out.lorenz_value_shares = NULL;
  CHECK(crm_concentration(v, 5, NULL, &out) == CRM_OK);
  CHECK_NEAR(dflt[3], 0.5, 1e-12);      /* top 20% */
  CHECK_NEAR(dflt[4], 0.775, 1e-12);    /* top 50% = 2.5 customers: (10 + 4 + 0.5 x 3) / 20 */
  CHECK(crm_concentration(negative, 2, NULL, &out) == CRM_EINVAL && error_mentions("values[1]"));
  CHECK(crm_concentration(zeros, 2, NULL, &out) == CRM_EINVAL && error_mentions("total 0"));
  CHECK(crm_concentration(v, 0, NULL, &out) == CRM_EINVAL);
  CHECK(crm_concentration(NULL, 5, NULL, &out) == CRM_EINVAL);
  CHECK(crm_concentration(v, 5, NULL, NULL) == CRM_EINVAL);
  o.lorenz_points = 0;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_EINVAL && error_mentions("lorenz_points"));
  o.lorenz_points = 4;
  o.top_count = 0; /* an empty list of questions is fine */
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_OK);
  top_out[0] = 1.5;
  o.top_customer_shares = top_out;
  o.top_count = 1;
  CHECK(crm_concentration(v, 5, &o, &out) == CRM_EINVAL && error_mentions("top_customer_shares[0]"));
}

static void test_tiers(void) {
  /* Share scheme 0.5/0.8/0.95 over the non-inferior total 195 (-3 is inferior: below 0):
   * 100 key (nothing above); 50 major (100/195 = 0.51 above); 30 major (150/195 = 0.77);
   * 10 ordinary (180/195 = 0.92); 5 small (190/195 = 0.97). */
  const double v[] = {100, 50, 30, 10, 5, -3};
  uint8_t t[6];
  crm_tier_table table = CRM_TIER_TABLE_INIT;
  crm_tier_options o = CRM_TIER_OPTIONS_INIT;
  const double same[] = {7, 7, 7};
  const uint8_t bad_tier[] = {0, 9, 0};
  CHECK(crm_assign_tiers(v, 6, NULL, t, &table) == CRM_OK);
  CHECK(t[0] == CRM_TIER_KEY && t[1] == CRM_TIER_MAJOR && t[2] == CRM_TIER_MAJOR &&
        t[3] == CRM_TIER_ORDINARY && t[4] == CRM_TIER_SMALL && t[5] == CRM_TIER_INFERIOR);
  CHECK(table.customers == 6 && table.total_value == 192);
  CHECK(table.rows[CRM_TIER_MAJOR].customers == 2 && table.rows[CRM_TIER_MAJOR].value == 80);
  CHECK(table.rows[CRM_TIER_MAJOR].mean_value == 40 && table.rows[CRM_TIER_MAJOR].min_value == 30);
  CHECK_NEAR(table.rows[CRM_TIER_KEY].value_share, 100.0 / 192, 1e-12);
  CHECK_NEAR(table.rows[CRM_TIER_INFERIOR].customer_share, 1.0 / 6, 1e-12);
  /* Rank scheme, cuts 0.2/0.5/0.8 of the customers, nobody inferior with -HUGE_VAL; share of
   * the 6 customers strictly above: 100 key (0), 50 key (1/6 < 0.2), 30 major (2/6 < 0.5), 10
   * ordinary (3/6 < 0.8), 5 ordinary (4/6), -3 small (5/6). */
  o.scheme = CRM_TIER_SCHEME_RANK;
  o.has_cuts = 1;
  o.cuts[0] = 0.2;
  o.cuts[1] = 0.5;
  o.cuts[2] = 0.8;
  o.inferior_below = -HUGE_VAL;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_OK);
  CHECK(t[0] == 0 && t[1] == 0 && t[2] == 1 && t[3] == 2 && t[4] == 2 && t[5] == 3);
  /* All-equal values are all key customers. */
  CHECK(crm_assign_tiers(same, 3, NULL, t, NULL) == CRM_OK && t[0] == 0 && t[2] == 0);
  o.cuts[1] = 0.1;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL && error_mentions("strictly increasing"));
  o.cuts[1] = 0.5;
  o.scheme = 7;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL && error_mentions("scheme"));
  o.scheme = CRM_TIER_SCHEME_SHARE;
  o.inferior_below = NAN;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL);
  CHECK(crm_assign_tiers(v, 0, NULL, t, NULL) == CRM_EINVAL);
  CHECK(crm_assign_tiers(NULL, 6, NULL, t, NULL) == CRM_EINVAL);
  table.version = 0;
  CHECK(crm_assign_tiers(v, 6, NULL, t, &table) == CRM_EINVAL && error_mentions("crm_tier_table.version"));
  table.version = CRM_TIER_TABLE_VERSION;

  /* Table of a given assignment: last period's tiers with new values. */
  CHECK(crm_tier_table_of(same, t, 3, &table) == CRM_OK && table.rows[0].customers == 3 && table.rows[0].value == 21);
  CHECK(crm_tier_table_of(same, bad_tier, 3, &table) == CRM_EINVAL && error_mentions("tiers[1] = 9"));
  CHECK(crm_tier_table_of(same, NULL, 3, &table) == CRM_EINVAL);
  CHECK(crm_tier_table_of(same, t, 3, NULL) == CRM_EINVAL);
  CHECK(strcmp(crm_tier_name(CRM_TIER_ORDINARY), "ordinary") == 0 && strcmp(crm_tier_name(9), "unknown") == 0);
}

static void test_migration(void) {
  /* Before: 1 key, 2 major, 3 ordinary; after: 2 key, 3 key, 4 small. 1 left (key -> absent),
   * 2 and 3 moved up, 4 entered (absent -> small). */
  const int64_t before_ids[] = {1, 2, 3}, after_ids[] = {2, 3, 4}, dup_ids[] = {2, 2, 4};
  const uint8_t before[] = {0, 1, 2}, after[] = {0, 0, 3};
  crm_tier_migration_result m = CRM_TIER_MIGRATION_RESULT_INIT;
  CHECK(crm_tier_migration(before_ids, before, 3, after_ids, after, 3, &m) == CRM_OK);
  CHECK(m.counts[0][CRM_TIER_ABSENT] == 1 && m.counts[1][0] == 1 && m.counts[2][0] == 1 &&
        m.counts[CRM_TIER_ABSENT][3] == 1);
  CHECK(m.upgraded == 2 && m.downgraded == 0 && m.unchanged == 0 && m.entered == 1 && m.left == 1);
  /* An empty period: everyone entered. */
  CHECK(crm_tier_migration(NULL, NULL, 0, after_ids, after, 3, &m) == CRM_OK && m.entered == 3 && m.left == 0);
  CHECK(crm_tier_migration(before_ids, before, 3, dup_ids, after, 3, &m) == CRM_EINVAL && error_mentions("unique"));
  CHECK(crm_tier_migration(before_ids, NULL, 3, after_ids, after, 3, &m) == CRM_EINVAL && error_mentions("tiers_before"));
  CHECK(crm_tier_migration(before_ids, before, 3, after_ids, after, 3, NULL) == CRM_EINVAL);
}

static void test_status_and_stage(void) {
  /* as_of 365, typical interval 50 for one-time buyers:
   *   0: purchases days 0..300, 5 purchases -> rhythm 75; gap 65 <= 2 x 75 -> active
   *   1: days 0..50, 3 purchases -> rhythm 25; gap 315 > 4 x 25 -> lapsed
   *   2: one purchase on day 200 -> rhythm 50; gap 165 in (100, 200] -> at_risk
   *   3: one purchase on day 330 -> first within 90 days -> new */
  const double first[] = {0, 0, 200, 330}, last[] = {300, 50, 200, 330};
  const int64_t purchases[] = {5, 3, 1, 1}, zero_purchases[] = {5, 0, 1, 1};
  const double tenure[] = {365, 365, 165, 35};
  uint8_t status[4], stage[4];
  const uint8_t bad_status[] = {0, 1, 17, 0};
  size_t counts[CRM_STATUS_COUNT];
  double rhythm = 0;
  crm_status_options o = CRM_STATUS_OPTIONS_INIT;
  crm_stage_options so = CRM_STAGE_OPTIONS_INIT;
  o.has_typical_interval = 1;
  o.typical_interval_days = 50;
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, counts, &rhythm) == CRM_OK);
  CHECK(status[0] == CRM_STATUS_ACTIVE && status[1] == CRM_STATUS_LAPSED &&
        status[2] == CRM_STATUS_AT_RISK && status[3] == CRM_STATUS_NEW);
  CHECK(counts[CRM_STATUS_ACTIVE] == 1 && counts[CRM_STATUS_WON_BACK] == 0 && rhythm == 50);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_OK);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 100, &o, status, NULL, NULL) == CRM_EINVAL &&
        error_mentions("last"));
  CHECK(crm_classify_status(first, last, zero_purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(first, last, purchases, NULL, 0, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(NULL, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, NULL, NULL, NULL) == CRM_EINVAL);
  o.lapsed_multiple = 1; /* below at_risk_multiple */
  CHECK(crm_classify_status(first, last, purchases, NULL, 4, 365, &o, status, NULL, NULL) == CRM_EINVAL);
  o.lapsed_multiple = 4;

  /* One customer at the till: 2 purchases days 0 and 10 (rhythm 10), gap 390 -> lapsed. */
  CHECK(crm_status_of(0, 10, 2, NAN, 400, 30, NULL, &status[0]) == CRM_OK && status[0] == CRM_STATUS_LAPSED);
  CHECK(crm_status_of(0, 10, 2, NAN, 400, 30, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_status_of(10, 0, 2, NAN, 400, 30, NULL, &status[0]) == CRM_EINVAL);

  /* Stages: 0 active, 5 purchases, a year -> commitment; 1 lapsed -> dissolution; 2 at risk,
   * 1 purchase -> exploration; 3 new -> exploration. */
  status[0] = CRM_STATUS_ACTIVE;
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 4, &so, stage) == CRM_OK);
  CHECK(stage[0] == CRM_STAGE_COMMITMENT && stage[1] == CRM_STAGE_DISSOLUTION &&
        stage[2] == CRM_STAGE_EXPLORATION && stage[3] == CRM_STAGE_EXPLORATION);
  CHECK(crm_relationship_stages(zero_purchases, tenure, status, NULL, 4, NULL, stage) == CRM_OK &&
        stage[1] == CRM_STAGE_AWARENESS);
  CHECK(crm_relationship_stages(purchases, tenure, bad_status, NULL, 4, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, NULL, NULL, 4, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 0, NULL, stage) == CRM_EINVAL);
  CHECK(crm_relationship_stages(purchases, tenure, status, NULL, 4, NULL, NULL) == CRM_EINVAL);
  CHECK(strcmp(crm_customer_status_name(CRM_STATUS_WON_BACK), "won_back") == 0);
  CHECK(strcmp(crm_stage_name(CRM_STAGE_EXPANSION), "expansion") == 0 && strcmp(crm_stage_name(-1), "unknown") == 0);
}

static void test_loyalty(void) {
  /* Default drivers: repeat_purchase_rate 0.30 (0..1), tenure 0.15, satisfaction 0.25 (1..5),
   * price 0.15, complaints 0.15. Customer 0 has repeat 0.5 and satisfaction 5:
   * 100 x (0.3 x 0.5 + 0.25 x 1) / 0.55 = 72.727...; customer 1 repeat 1, satisfaction NaN:
   * 100 on repeat alone. */
  const double repeat[] = {0.5, 1.0}, satisfaction[] = {5, NAN}, out_of_range[] = {1.5, 1};
  const double *columns[5] = {repeat, NULL, satisfaction, NULL, NULL};
  crm_loyalty_driver drivers[5];
  crm_loyalty_options o = CRM_LOYALTY_OPTIONS_INIT;
  crm_loyalty_info info = CRM_LOYALTY_INFO_INIT;
  double index[2];
  uint32_t used[2];
  size_t count = 0;
  CHECK(crm_loyalty_default_drivers(NULL, 0, &count) == CRM_EBUFS && count == 5);
  CHECK(crm_loyalty_default_drivers(drivers, 5, &count) == CRM_OK && strcmp(drivers[2].name, "satisfaction") == 0);
  CHECK(drivers[2].weight == 0.25 && drivers[2].low == 1 && drivers[2].high == 5 && drivers[3].higher_is_loyal == 0);
  CHECK(crm_loyalty_default_drivers(drivers, 5, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, index, used, &info) == CRM_OK);
  CHECK_NEAR(index[0], 100 * 0.4 / 0.55, 1e-9);
  CHECK_NEAR(index[1], 100, 1e-9);
  CHECK(used[0] == 5 && used[1] == 1);
  CHECK(info.drivers == 5 && info.coverage[0] == 2 && info.coverage[2] == 1 && info.coverage[1] == 0);
  CHECK(info.reweighted == 2 && info.without_index == 0);
  CHECK_NEAR(info.weights[0], 0.3, 1e-12);
  /* Own drivers: the second one only, via the options. */
  o.drivers = drivers + 2;
  o.driver_count = 1;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_OK && index[0] == 100 && isnan(index[1]));
  o.missing = CRM_MISSING_REJECT;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL);
  o.missing = 5;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("missing"));
  o.missing = CRM_MISSING_REWEIGHT;
  drivers[2].weight = 0;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("weight"));
  drivers[2].name = NULL;
  CHECK(crm_loyalty_index(columns + 2, 1, 2, &o, index, NULL, NULL) == CRM_EINVAL && error_mentions("name"));
  columns[0] = out_of_range;
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, index, NULL, NULL) == CRM_EINVAL && error_mentions("repeat_purchase_rate"));
  CHECK(crm_loyalty_index(columns, 4, 2, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(columns, 5, 0, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(NULL, 5, 2, NULL, index, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_loyalty_index(columns, 5, 2, NULL, NULL, NULL, NULL) == CRM_EINVAL);
}

static void test_retention(void) {
  /* Values 10 at risk, 20 active, 30 lapsed. A campaign on the one at-risk customer: cost 1
   * each, 30% win back, value 10: retained 0.3, cost 1, recovered 3, net 2, ROI 2, cost per
   * retained 3.33, break-even rate 0.1; acquiring costs 5 x 3.33 = 16.67 a customer, so
   * replacing the 0.3 retained would cost 5, a saving of 4. */
  const double v[] = {10, 20, 30};
  const uint8_t s[] = {CRM_STATUS_AT_RISK, CRM_STATUS_ACTIVE, CRM_STATUS_LAPSED}, bad[] = {0, 9, 0};
  crm_value_at_risk_result risk = CRM_VALUE_AT_RISK_RESULT_INIT;
  crm_retention_campaign c = CRM_RETENTION_CAMPAIGN_INIT;
  crm_campaign_payback_result p = CRM_CAMPAIGN_PAYBACK_RESULT_INIT;
  CHECK(crm_value_at_risk(v, s, 3, &risk) == CRM_OK);
  CHECK(risk.customers == 3 && risk.total_value == 60 && risk.at_risk_customers == 1 &&
        risk.at_risk_value == 10 && risk.lapsed_customers == 1 && risk.lapsed_value == 30);
  CHECK_NEAR(risk.at_risk_share, 1.0 / 6, 1e-12);
  CHECK(crm_value_at_risk(v, bad, 3, &risk) == CRM_EINVAL && error_mentions("status[1]"));
  CHECK(crm_value_at_risk(v, NULL, 3, &risk) == CRM_EINVAL);
  CHECK(crm_value_at_risk(v, s, 0, &risk) == CRM_EINVAL);
  CHECK(crm_value_at_risk(v, s, 3, NULL) == CRM_EINVAL);

  CHECK(crm_at_risk_campaign(&risk, 1.0, 0.3, &c) == CRM_OK);
  CHECK(c.customers == 1 && c.value_per_customer == 10 && c.has_acquisition_cost == 0 && c.acquisition_multiple == 5);
  CHECK(crm_at_risk_campaign(NULL, 1.0, 0.3, &c) == CRM_EINVAL);
  CHECK(crm_at_risk_campaign(&risk, 1.0, 0.3, NULL) == CRM_EINVAL);
  CHECK(crm_campaign_payback(&c, &p) == CRM_OK);
  CHECK_NEAR(p.retained, 0.3, 1e-12);
  CHECK_NEAR(p.value_recovered, 3, 1e-12);
  CHECK_NEAR(p.net_value, 2, 1e-12);
  CHECK_NEAR(p.roi, 2, 1e-12);
  CHECK_NEAR(p.cost_per_retained, 1 / 0.3, 1e-12);
  CHECK_NEAR(p.break_even_win_back_rate, 0.1, 1e-12);
  CHECK_NEAR(p.acquisition_cost, 5 / 0.3, 1e-9);
  CHECK_NEAR(p.saving_vs_acquisition, 4, 1e-9);
  /* A known acquisition cost of 40 replaces the rule: replacing 0.3 costs 12. */
  c.has_acquisition_cost = 1;
  c.acquisition_cost = 40;
  CHECK(crm_campaign_payback(&c, &p) == CRM_OK && p.acquisition_cost == 40);
  CHECK_NEAR(p.replacement_cost, 12, 1e-12);
  c.win_back_rate = 1.5;
  CHECK(crm_campaign_payback(&c, &p) == CRM_EINVAL && error_mentions("win_back_rate"));
  c.win_back_rate = 0.3;
  c.cost_per_customer = -1;
  CHECK(crm_campaign_payback(&c, &p) == CRM_EINVAL && error_mentions("cost_per_customer"));
  CHECK(crm_campaign_payback(NULL, &p) == CRM_EINVAL);
  CHECK(crm_campaign_payback(&c, NULL) == CRM_EINVAL);
}

void run_tiers_tests(void) {
  test_segment_rules();
  test_rfm();
  test_concentration();
  test_tiers();
  test_migration();
  test_status_and_stage();
  test_loyalty();
  test_retention();
}
