/* C API tests of customer summaries and the ledger: the hand example, the CDNOW sample,
 * the tracking curve; every function with NULL pointers, zero lengths and bad values. */
#include <stdlib.h>

#include "check.h"

/* Hand-worked example (merge same day, weeks, end = day 14):
 *   customer 7: day 0 $10, day 3 $5 + $7 (merged), day 10 $20 -> x = 2, t_x = 10/7, T = 2,
 *               total 42, mean repeat spend (12 + 20) / 2 = 16
 *   customer 9: day 5 $4 -> x = 0, t_x = 0, T = 9/7, total 4, mean repeat spend 0 */
static const int64_t ids[] = {7, 9, 7, 7, 7};
static const double times[] = {0, 5, 3, 3, 10};
static const double amounts[] = {10, 4, 5, 7, 20};

static void check_hand_example(const crm_summary *s) {
  size_t n = 0;
  int64_t id[2], purchases[2];
  double x[2], tx[2], T[2], total[2], mean[2];
  crm_summary_columns cols = CRM_SUMMARY_COLUMNS_INIT;
  cols.customer_id = id;
  cols.purchases = purchases;
  cols.frequency = x;
  cols.recency = tx;
  cols.T = T;
  cols.total_value = total;
  cols.monetary_value = mean;
  CHECK(crm_summary_count(s, &n) == CRM_OK && n == 2);
  CHECK(crm_summary_get(s, &cols, 2, NULL) == CRM_OK);
  CHECK(id[0] == 7 && id[1] == 9);
  CHECK(purchases[0] == 3 && x[0] == 2 && purchases[1] == 1 && x[1] == 0);
  CHECK_NEAR(tx[0], 10.0 / 7, 1e-12);
  CHECK_NEAR(T[0], 2.0, 1e-12);
  CHECK_NEAR(total[0], 42.0, 1e-12);
  CHECK_NEAR(mean[0], 16.0, 1e-12);
  CHECK(tx[1] == 0 && mean[1] == 0);
  CHECK_NEAR(T[1], 9.0 / 7, 1e-12);
  CHECK_NEAR(total[1], 4.0, 1e-12);
}

static void test_summarize(void) {
  crm_summary_options o = CRM_SUMMARY_OPTIONS_INIT;
  crm_summary *s = NULL;
  crm_summary_info info = CRM_SUMMARY_INFO_INIT;
  char key[8];
  size_t len = 0;
  o.merge_same_day = 1;
  o.has_end = 1;
  o.end = 14;
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_OK && s != NULL);
  check_hand_example(s);
  CHECK(crm_summary_get_info(s, &info) == CRM_OK);
  CHECK(info.sales == 5 && info.merged_sales == 1 && info.end == 14 && isnan(info.holdout_end));
  CHECK(crm_summary_key(s, 1, key, sizeof key, &len) == CRM_OK && strcmp(key, "9") == 0 && len == 1);
  CHECK(crm_summary_key(s, 1, key, 1, &len) == CRM_EBUFS && len == 1);
  CHECK(crm_summary_key(s, 2, key, sizeof key, &len) == CRM_EINVAL && error_mentions("out of range"));
  {
    double x[1];
    size_t needed = 0;
    crm_summary_columns cols = CRM_SUMMARY_COLUMNS_INIT;
    cols.frequency = x;
    CHECK(crm_summary_get(s, &cols, 1, &needed) == CRM_EBUFS && error_mentions("2 needed") && needed == 2);
    cols.version = 99;
    CHECK(crm_summary_get(s, &cols, 2, NULL) == CRM_EINVAL && error_mentions("version"));
    CHECK(crm_summary_get(s, NULL, 2, NULL) == CRM_EINVAL);
  }
  crm_summary_free(s);
  crm_summary_free(NULL); /* accepted */

  /* Zero length: an empty table. */
  CHECK(crm_summarize(&s, NULL, NULL, NULL, 0, NULL) == CRM_OK);
  {
    size_t n = 99;
    CHECK(crm_summary_count(s, &n) == CRM_OK && n == 0);
  }
  crm_summary_free(s);

  /* Bad values name the sale. */
  {
    double bad_amounts[] = {10, 4, -5, 7, 20};
    double bad_times[] = {0, 5, NAN, 3, 10};
    CHECK(crm_summarize(&s, ids, times, bad_amounts, 5, &o) == CRM_EINVAL && s == NULL &&
          error_mentions("sale 2") && error_mentions("negative"));
    CHECK(crm_summarize(&s, ids, bad_times, amounts, 5, &o) == CRM_EINVAL &&
          error_mentions("sale 2") && error_mentions("time"));
    o.end = 9; /* day 10 is after the end */
    CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_EINVAL &&
          error_mentions("sale 4") && error_mentions("after the observation end"));
    o.drop_late = 1;
    CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_OK);
    CHECK(crm_summary_get_info(s, &info) == CRM_OK && info.dropped_sales == 1);
    crm_summary_free(s);
    o.drop_late = 0;
    o.end = 14;
  }
  CHECK(crm_summarize(NULL, ids, times, amounts, 5, &o) == CRM_EINVAL && error_mentions("out"));
  CHECK(crm_summarize(&s, NULL, times, amounts, 5, &o) == CRM_EINVAL && error_mentions("customers"));
  CHECK(crm_summarize(&s, ids, times, NULL, 5, &o) == CRM_EINVAL && error_mentions("amounts"));
  o.unit = 7;
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_EINVAL && error_mentions("unit"));
  o.unit = CRM_UNIT_WEEK;
  o.version = 0;
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_EINVAL && error_mentions("version"));
  o.version = CRM_SUMMARY_OPTIONS_VERSION;
  /* A size hint changes nothing but speed; a version-1 caller (no hint field) still works. */
  o.expected_customers = 1000;
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_OK);
  check_hand_example(s);
  crm_summary_free(s);
  o.version = 1;
  o.expected_customers = (size_t)-1; /* not read from a version-1 struct */
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_OK);
  check_hand_example(s);
  crm_summary_free(s);
  o.version = CRM_SUMMARY_OPTIONS_VERSION;
  /* A size hint is for speed only: however large, it never fails the call. */
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_OK);
  check_hand_example(s);
  crm_summary_free(s);
  o.expected_customers = 0;
  o.has_holdout_end = 1;
  o.holdout_end = 10;
  CHECK(crm_summarize(&s, ids, times, amounts, 5, &o) == CRM_EINVAL && error_mentions("holdout end"));
  CHECK(crm_summary_count(NULL, NULL) == CRM_EINVAL);
  CHECK(crm_summary_get_info(NULL, &info) == CRM_EINVAL);
}

static void test_ledger(void) {
  crm_summary_options o = CRM_SUMMARY_OPTIONS_INIT;
  crm_ledger *l = NULL;
  crm_summary *s = NULL;
  size_t added = 99, n = 0;
  o.merge_same_day = 1;
  o.has_end = 1;
  o.end = 14;
  CHECK(crm_ledger_create(&l, &o) == CRM_OK && l != NULL);
  /* The same sales, time-ordered per customer, one at a time and in bulk. */
  CHECK(crm_ledger_add_sale(l, 7, 0, 10) == CRM_OK);
  CHECK(crm_ledger_add_sales(l, ids + 1, times + 1, amounts + 1, 4, &added) == CRM_OK && added == 4);
  CHECK(crm_ledger_count(l, &n) == CRM_OK && n == 2);
  CHECK(crm_ledger_summary(l, &s) == CRM_OK);
  check_hand_example(s);
  crm_summary_free(s);
  { /* One customer's row at checkout: customer 7 of the hand example, then an unknown one. */
    int64_t id = 0, purchases = 0;
    double x = -1, tx = -1, T = -1, mean = -1;
    int found = -1;
    crm_summary_columns one = CRM_SUMMARY_COLUMNS_INIT;
    one.customer_id = &id;
    one.purchases = &purchases;
    one.frequency = &x;
    one.recency = &tx;
    one.T = &T;
    one.monetary_value = &mean;
    CHECK(crm_ledger_customer(l, 7, &one, &found) == CRM_OK && found == 1);
    CHECK(id == 7 && purchases == 3 && x == 2 && mean == 16);
    CHECK_NEAR(tx, 10.0 / 7, 1e-12);
    CHECK_NEAR(T, 2.0, 1e-12);
    x = -1;
    CHECK(crm_ledger_customer(l, 42, &one, &found) == CRM_OK && found == 0 && x == -1);
    CHECK(crm_ledger_customer(l, 7, NULL, &found) == CRM_EINVAL && error_mentions("columns"));
    CHECK(crm_ledger_customer(l, 7, &one, NULL) == CRM_EINVAL && error_mentions("out_found"));
    CHECK(crm_ledger_customer(NULL, 7, &one, &found) == CRM_EINVAL);
  }
  /* A bad sale is refused and changes nothing. */
  CHECK(crm_ledger_add_sale(l, 7, 15, 1) == CRM_EINVAL && error_mentions("customer 7"));
  CHECK(crm_ledger_add_sale(l, 8, 1, NAN) == CRM_EINVAL && error_mentions("amount"));
  /* With merging, a sale between a customer's first and latest day cannot be placed. */
  CHECK(crm_ledger_add_sale(l, 7, 5, 1) == CRM_EINVAL && error_mentions("time order"));
  {
    int64_t c[] = {9, 9, 9};
    double t[] = {6, 7, -INFINITY};
    double a[] = {1, 1, 1};
    CHECK(crm_ledger_add_sales(l, c, t, a, 3, &added) == CRM_EINVAL && added == 2 &&
          error_mentions("sale 2"));
  }
  CHECK(crm_ledger_count(l, &n) == CRM_OK && n == 2);
  CHECK(crm_ledger_add_sale(NULL, 1, 1, 1) == CRM_EINVAL && error_mentions("ledger is NULL"));
  CHECK(crm_ledger_add_sales(l, NULL, NULL, NULL, 0, &added) == CRM_OK && added == 0);
  CHECK(crm_ledger_summary(l, NULL) == CRM_EINVAL);
  CHECK(crm_ledger_create(NULL, &o) == CRM_EINVAL);
  crm_ledger_free(l);
  crm_ledger_free(NULL);
}

/* CDNOW sample (Fader & Hardie): 2,357 customers; same-day merging gives 6,696
 * transactions; weeks 1-39 hold 2,457 repeat transactions, weeks 1-78 4,339 (data/cdnow/README.md). */
void cdnow_sample_options(crm_csv_options *csv, crm_summary_options *o) {
  const crm_csv_options csv_init = CRM_CSV_OPTIONS_INIT;
  const crm_summary_options o_init = CRM_SUMMARY_OPTIONS_INIT;
  *csv = csv_init;
  *o = o_init;
  csv->delimiter = ' ';
  csv->has_header = 0;
  csv->customer_column = "2";
  csv->time_column = "3";
  csv->amount_column = "5";
  csv->time_format = "%Y%m%d";
  o->merge_same_day = 1;
  o->has_end = 1;
  o->has_holdout_end = 1;
  CHECK(crm_parse_time("1997-09-30", NULL, &o->end) == CRM_OK);
  CHECK(crm_parse_time("1998-06-30", NULL, &o->holdout_end) == CRM_OK);
}

crm_summary *cdnow_sample_summary(void) {
  crm_csv_options csv;
  crm_summary_options o;
  crm_summary *s = NULL;
  cdnow_sample_options(&csv, &o);
  CHECK(crm_summarize_csv(&s, CDNOW_SAMPLE_PATH, &csv, &o) == CRM_OK);
  return s;
}

static void test_cdnow_csv(void) {
  crm_csv_options csv;
  crm_summary_options o;
  crm_summary *s = cdnow_sample_summary();
  crm_summary_info info = CRM_SUMMARY_INFO_INIT;
  size_t n = 0, i;
  double *x, *tx, *T, *hx, sum_x = 0, sum_hx = 0;
  CHECK(crm_summary_count(s, &n) == CRM_OK && n == 2357);
  CHECK(crm_summary_get_info(s, &info) == CRM_OK);
  CHECK(info.sales == 6919 && info.sales - info.merged_sales == 6696);
  x = malloc(n * sizeof *x);
  tx = malloc(n * sizeof *tx);
  T = malloc(n * sizeof *T);
  hx = malloc(n * sizeof *hx);
  {
    crm_summary_columns cols = CRM_SUMMARY_COLUMNS_INIT;
    cols.frequency = x;
    cols.recency = tx;
    cols.T = T;
    cols.holdout_frequency = hx;
    CHECK(crm_summary_get(s, &cols, n, NULL) == CRM_OK);
  }
  for (i = 0; i < n; ++i) {
    sum_x += x[i];
    sum_hx += hx[i];
  }
  CHECK(sum_x == 2457 && sum_x + sum_hx == 4339);
  { /* Customer 1 of the published summary: x = 2, t_x = 30.43, T = 38.86. */
    char key[16];
    size_t len;
    CHECK(crm_summary_key(s, 0, key, sizeof key, &len) == CRM_OK && strcmp(key, "0001") == 0);
    CHECK(x[0] == 2);
    CHECK_NEAR(tx[0], 30.43, 0.005);
    CHECK_NEAR(T[0], 38.86, 0.005);
  }
  free(x);
  free(tx);
  free(T);
  free(hx);
  crm_summary_free(s);

  CHECK(crm_summarize_csv(&s, "/nonexistent/file.csv", NULL, NULL) == CRM_EIO &&
        error_mentions("/nonexistent/file.csv"));
  cdnow_sample_options(&csv, &o);
  csv.customer_column = "customer_id"; /* a name where a number is needed */
  CHECK(crm_summarize_csv(&s, CDNOW_SAMPLE_PATH, &csv, &o) ==
            CRM_EINVAL && error_mentions("1-based"));
  CHECK(crm_summarize_csv(&s, NULL, NULL, NULL) == CRM_EINVAL);
}

static void test_cumulative(void) {
  int64_t curve[3];
  /* Repeat sales of the hand example: customer 7 on days 3 and 10 (merged day 3 once). */
  CHECK(crm_cumulative_repeat_transactions(ids, times, 5, 0.0, CRM_UNIT_WEEK, 1, curve, 3) == CRM_OK);
  CHECK(curve[0] == 1 && curve[1] == 2 && curve[2] == 2);
  CHECK(crm_cumulative_repeat_transactions(ids, times, 5, 0.0, CRM_UNIT_WEEK, 0, curve, 3) == CRM_OK);
  CHECK(curve[0] == 2 && curve[1] == 3);
  CHECK(crm_cumulative_repeat_transactions(ids, times, 5, 0.0, CRM_UNIT_WEEK, 1, curve, 0) == CRM_EINVAL);
  CHECK(crm_cumulative_repeat_transactions(ids, times, 5, 0.0, CRM_UNIT_WEEK, 1, NULL, 3) == CRM_EINVAL);
  CHECK(crm_cumulative_repeat_transactions(ids, times, 5, NAN, CRM_UNIT_WEEK, 1, curve, 3) == CRM_EINVAL);
}

void run_summary_tests(void) {
  test_summarize();
  test_ledger();
  test_cdnow_csv();
  test_cumulative();
}
