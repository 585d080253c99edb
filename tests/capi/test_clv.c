/* C API tests of the CLV models (crm_clv_*): published fits reproduced through the C
 * boundary, predictions, files and buffers, and every function with NULL pointers, zero
 * lengths and bad values. */
#include <stdlib.h>

#include "check.h"

#define CDNOW_N 2357

/* data/cdnow/cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (Fader, Hardie &
 * Lee 2005, weeks). */
static double cx[CDNOW_N], ctx[CDNOW_N], cT[CDNOW_N], czbar[CDNOW_N];

static int read_cdnow(void) {
  FILE *f = fopen(CRMKIT_TEST_DATA_DIR "/cdnow/cdnow_customers_summary_with_transactions.csv", "r");
  char header[64];
  int i, id;
  if (!f) return 0;
  if (!fgets(header, sizeof header, f)) {
    fclose(f);
    return 0;
  }
  for (i = 0; i < CDNOW_N; ++i) {
    if (fscanf(f, "%d,%lf,%lf,%lf,%lf", &id, &cx[i], &ctx[i], &cT[i], &czbar[i]) != 5) break;
  }
  fclose(f);
  return i == CDNOW_N;
}

/* Published CDNOW estimates, Fader, Hardie & Lee (2005) "Counting Your Customers the Easy
 * Way": BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4. */
static void test_fit_bg_nbd(void) {
  crm_clv_model *m = NULL;
  crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT;
  const char *names[4] = {0};
  double values[4], se[4];
  size_t k = 0;
  int kind = -5;
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_OK && m);
  CHECK(crm_clv_kind_of(m, &kind) == CRM_OK && kind == CRM_CLV_BG_NBD);
  CHECK(crm_clv_params(m, names, values, se, 4, &k) == CRM_OK && k == 4);
  CHECK(strcmp(names[0], "r") == 0 && strcmp(names[1], "alpha") == 0 &&
        strcmp(names[2], "a") == 0 && strcmp(names[3], "b") == 0);
  CHECK_NEAR(values[0], 0.243, 0.0005);
  CHECK_NEAR(values[1], 4.414, 0.0005);
  CHECK_NEAR(values[2], 0.793, 0.0005);
  CHECK_NEAR(values[3], 2.426, 0.0005);
  CHECK(se[0] > 0 && se[0] < values[0] && se[3] > 0 && isfinite(se[3]));
  CHECK(crm_clv_fit_info_get(m, &info) == CRM_OK);
  CHECK_NEAR(info.log_likelihood, -9582.4, 0.05);
  CHECK_NEAR(info.aic, 8 - 2 * info.log_likelihood, 1e-9);
  CHECK_NEAR(info.bic, 4 * log(2357.0) - 2 * info.log_likelihood, 1e-9);
  CHECK(info.converged == 1 && info.iterations > 0 && info.gradient_norm <= 1e-8);
  CHECK(info.customers == 2357 && info.unique_rows > 0 && info.unique_rows <= 2357);

  /* Only the count is asked for, then a too small buffer. */
  CHECK(crm_clv_params(m, NULL, NULL, NULL, 0, &k) == CRM_EBUFS && k == 4);
  CHECK(crm_clv_params(m, names, values, se, 3, &k) == CRM_EBUFS && error_mentions("4 needed"));
  CHECK(crm_clv_params(m, NULL, values, NULL, 4, NULL) == CRM_EINVAL && error_mentions("out_count"));
  CHECK(crm_clv_params(NULL, NULL, values, NULL, 4, &k) == CRM_EINVAL && error_mentions("model is NULL"));
  info.version = 2;
  CHECK(crm_clv_fit_info_get(m, &info) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_clv_fit_info_get(m, NULL) == CRM_EINVAL);
  CHECK(crm_clv_kind_of(m, NULL) == CRM_EINVAL);
  crm_clv_free(m);
  crm_clv_free(NULL);
}

/* Pareto/NBD, same source: r 0.553, alpha 10.578, s 0.606, beta 11.669 (LL -9595.0);
 * Gamma-Gamma on the 946 repeat customers (FHL 2005 "RFM and CLV"): p 6.25, q 3.74,
 * gamma 15.44. */
static void test_fit_pareto_and_spend(void) {
  crm_clv_model *m = NULL, *g = NULL;
  crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT;
  double v[4];
  size_t k = 0;
  CHECK(crm_clv_fit(&m, CRM_CLV_PARETO_NBD, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_OK);
  CHECK(crm_clv_params(m, NULL, v, NULL, 4, &k) == CRM_OK && k == 4);
  CHECK_NEAR(v[0], 0.553, 0.0005);
  CHECK_NEAR(v[1], 10.578, 0.0005);
  CHECK_NEAR(v[2], 0.606, 0.0005);
  /* beta: 11.6679 here; flat likelihood (standard error about 6), as in clv/test_pareto_nbd.cpp. */
  CHECK_NEAR(v[3], 11.669, 0.002);
  CHECK(crm_clv_fit_info_get(m, &info) == CRM_OK);
  CHECK_NEAR(info.log_likelihood, -9595.0, 0.05);
  /* P(X(39) = n), n = 0..2999, is a distribution whose mean is E[X(39)], which the library
   * computes in closed form (the tail beyond 3000 is below 1e-30). */
  {
    static double counts[3000], p[3000];
    double total = 0, mean = 0, t = 39, e = 0;
    size_t i;
    for (i = 0; i < 3000; ++i) counts[i] = (double)i;
    CHECK(crm_clv_probability_of_purchases(m, 39, counts, 3000, p) == CRM_OK);
    for (i = 0; i < 3000; ++i) {
      total += p[i];
      mean += counts[i] * p[i];
    }
    CHECK(crm_clv_expected_purchases(m, &t, 1, &e) == CRM_OK);
    CHECK_NEAR(total, 1.0, 1e-12);
    CHECK_NEAR(mean, e, 1e-10 * e);
  }
  crm_clv_free(m);

  CHECK(crm_clv_fit_spend(&g, cx, czbar, NULL, CDNOW_N, NULL) == CRM_OK);
  CHECK(crm_clv_params(g, NULL, v, NULL, 4, &k) == CRM_OK && k == 3);
  CHECK_NEAR(v[0], 6.25, 0.005);
  CHECK_NEAR(v[1], 3.74, 0.005);
  /* gamma: 15.448 here; flat p-gamma ridge, as in clv/test_gamma_gamma.cpp. */
  CHECK_NEAR(v[2], 15.44, 0.01);
  CHECK(crm_clv_fit_info_get(g, &info) == CRM_OK && info.customers == 946);
  {
    /* x = 0: the population mean p gamma / (q - 1); otherwise a weighted average of it and
     * the customer's own mean (FHL "RFM and CLV" eq. 5) -- between the two. */
    double x[2] = {0, 2}, z[2] = {0, 22.35}, spend[2];
    double mean = v[0] * v[2] / (v[1] - 1);
    CHECK(crm_clv_expected_spend(g, x, z, 2, spend) == CRM_OK);
    CHECK_NEAR(spend[0], mean, 1e-9);
    CHECK(spend[1] > 22.35 && spend[1] < mean);
    CHECK(crm_clv_expected_spend(g, x, z, 0, NULL) == CRM_OK);
    CHECK(crm_clv_expected_spend(g, NULL, z, 2, spend) == CRM_EINVAL && error_mentions("frequency"));
    /* Purchase predictions from a spend model are refused by name. */
    CHECK(crm_clv_p_alive(g, x, z, z, 2, spend) == CRM_EINVAL && error_mentions("gamma-gamma"));
  }
  /* A spend fit of a purchase kind and a purchase fit of the spend kind are refused. */
  CHECK(crm_clv_fit(&m, CRM_CLV_GAMMA_GAMMA, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_EINVAL &&
        m == NULL && error_mentions("spend model"));
  crm_clv_free(g);
}

/* BG/BB on data/donations/donations.csv (weights = donors per row): alpha 1.204, beta 0.750,
 * gamma 0.657, delta 2.783 (Fader, Hardie & Shang 2010, Table 2). */
static void test_fit_bg_bb(void) {
  double x[32], tx[32], n[32], w[32], v[4];
  size_t rows = 0, k = 0;
  crm_clv_model *m = NULL;
  FILE *f = fopen(CRMKIT_TEST_DATA_DIR "/donations/donations.csv", "r");
  char header[64];
  CHECK(f != NULL);
  if (!f) return;
  CHECK(fgets(header, sizeof header, f) != NULL);
  while (rows < 32 && fscanf(f, "%lf,%lf,%lf,%lf", &x[rows], &tx[rows], &n[rows], &w[rows]) == 4) ++rows;
  fclose(f);
  CHECK(rows == 22);
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_BB, x, tx, n, w, rows, NULL) == CRM_OK);
  CHECK(crm_clv_params(m, NULL, v, NULL, 4, &k) == CRM_OK);
  CHECK_NEAR(v[0], 1.204, 0.0005);
  CHECK_NEAR(v[1], 0.750, 0.0005);
  CHECK_NEAR(v[2], 0.657, 0.0005);
  CHECK_NEAR(v[3], 2.783, 0.0005);
  {
    /* P(X(n) = x) over x = 0..6 sums to one, and its mean is E[X(6)]. */
    double counts[7] = {0, 1, 2, 3, 4, 5, 6}, p[7], six = 6, e = 0, sum = 0, mean = 0;
    int i;
    CHECK(crm_clv_probability_of_purchases(m, 6, counts, 7, p) == CRM_OK);
    CHECK(crm_clv_expected_purchases(m, &six, 1, &e) == CRM_OK);
    for (i = 0; i < 7; ++i) {
      sum += p[i];
      mean += i * p[i];
    }
    CHECK_NEAR(sum, 1.0, 1e-9);
    CHECK_NEAR(mean, e, 1e-9);
    /* Opportunities are whole numbers. */
    six = 2.5;
    CHECK(crm_clv_expected_purchases(m, &six, 1, &e) == CRM_EINVAL);
  }
  crm_clv_free(m);
}

/* Predictions at the published BG/NBD parameters. */
static void test_predictions(void) {
  const double published[4] = {0.243, 4.414, 0.793, 2.426};
  crm_clv_model *m = NULL;
  crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT;
  double se[4];
  size_t k;
  CHECK(crm_clv_create(&m, CRM_CLV_BG_NBD, published, 4) == CRM_OK);
  /* Created, not fitted: no diagnostics, NaN standard errors. */
  CHECK(crm_clv_fit_info_get(m, &info) == CRM_ESTATE && error_mentions("not fitted"));
  CHECK(crm_clv_params(m, NULL, NULL, se, 4, &k) == CRM_OK && isnan(se[0]));
  {
    /* FHL 2005 section 4: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next
     * 39 weeks. */
    double x = 2, tx = 30.43, T = 38.86, e = 0;
    CHECK(crm_clv_conditional_expected_purchases(m, 39, &x, &tx, &T, 1, &e) == CRM_OK);
    CHECK_NEAR(e, 1.226, 0.0005);
  }
  {
    /* P(alive): 1 without repeat purchases (BG/NBD drops out only after a purchase); for the
     * same x and T it rises with recency. */
    double x[3] = {0, 3, 3}, tx[3] = {0, 10, 30}, T[3] = {38, 38, 38}, p[3];
    CHECK(crm_clv_p_alive(m, x, tx, T, 3, p) == CRM_OK);
    CHECK(p[0] == 1.0 && p[1] < p[2] && p[2] < 1.0 && p[1] > 0.0);
  }
  {
    /* E[X(t)] is the mean of P(X(t) = n); n up to 200 holds all but a negligible tail. */
    double t = 39, e = 0, counts[200], p[200], mean = 0, sum = 0;
    int i;
    for (i = 0; i < 200; ++i) counts[i] = i;
    CHECK(crm_clv_expected_purchases(m, &t, 1, &e) == CRM_OK);
    CHECK(crm_clv_probability_of_purchases(m, t, counts, 200, p) == CRM_OK);
    for (i = 0; i < 200; ++i) {
      sum += p[i];
      mean += i * p[i];
    }
    CHECK_NEAR(sum, 1.0, 1e-6);
    CHECK_NEAR(mean, e, 1e-4);
    CHECK(e > 0);
  }
  {
    /* Conditional P(n purchases in the next 39 weeks | x = 2, t_x = 30.43, T = 38.86): a
     * distribution over n whose mean is the conditional expectation (1.226 above), which the
     * library computes by another route (FHL eq. 10). */
    static double counts[400], x[400], tx[400], T[400], p[400];
    double e = 0, mean = 0, sum = 0, one = 2, one_tx = 30.43, one_T = 38.86;
    int i;
    for (i = 0; i < 400; ++i) {
      counts[i] = i;
      x[i] = 2;
      tx[i] = 30.43;
      T[i] = 38.86;
    }
    CHECK(crm_clv_conditional_expected_purchases(m, 39, &one, &one_tx, &one_T, 1, &e) == CRM_OK);
    CHECK(crm_clv_conditional_probability_of_purchases(m, 39, counts, x, tx, T, 400, p) == CRM_OK);
    for (i = 0; i < 400; ++i) {
      sum += p[i];
      mean += i * p[i];
    }
    CHECK_NEAR(sum, 1.0, 1e-10);
    CHECK_NEAR(mean, e, 1e-8);
    counts[0] = 1.5;
    CHECK(crm_clv_conditional_probability_of_purchases(m, 39, counts, x, tx, T, 1, p) == CRM_EINVAL &&
          error_mentions("row 0"));
    CHECK(crm_clv_conditional_probability_of_purchases(m, 39, NULL, x, tx, T, 1, p) == CRM_EINVAL &&
          error_mentions("counts"));
  }
  {
    /* CLV: undiscounted, spend 1 per purchase, equals the conditional expectation; a
     * discount lowers it. */
    double x = 2, tx = 30.43, T = 38.86, spend = 1, e = 0, v0 = 0, v1 = 0;
    crm_clv_options o = CRM_CLV_OPTIONS_INIT;
    o.horizon = 39;
    CHECK(crm_clv_conditional_expected_purchases(m, 39, &x, &tx, &T, 1, &e) == CRM_OK);
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, &o, &v0) == CRM_OK);
    CHECK_NEAR(v0, e, 1e-9);
    o.discount_rate = 0.01;
    o.discounting = CRM_DISCOUNT_CONTINUOUS;
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, &o, &v1) == CRM_OK);
    CHECK(v1 < v0 && v1 > 0.7 * v0);
    o.discounting = 7;
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, &o, &v1) == CRM_EINVAL &&
          error_mentions("discounting"));
    o.discounting = CRM_DISCOUNT_DISCRETE;
    o.horizon = 0;
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, &o, &v1) == CRM_EINVAL &&
          error_mentions("horizon"));
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, NULL, &v1) == CRM_EINVAL &&
          error_mentions("opts"));
    o.horizon = 39;
    o.version = 0;
    CHECK(crm_clv_lifetime_value(m, &x, &tx, &T, &spend, 1, &o, &v1) == CRM_EINVAL &&
          error_mentions("version"));
  }
  {
    /* Bad rows are named; zero lengths do nothing; NULL arrays with rows are refused. */
    double x[2] = {1, 2}, tx[2] = {5, 0}, T[2] = {10, 10}, out[2];
    CHECK(crm_clv_p_alive(m, x, tx, T, 2, out) == CRM_EINVAL && error_mentions("row 1") &&
          error_mentions("recency 0"));
    tx[1] = 12;
    CHECK(crm_clv_conditional_expected_purchases(m, 10, x, tx, T, 2, out) == CRM_EINVAL &&
          error_mentions("row 1") && error_mentions("exceeds"));
    tx[1] = NAN;
    CHECK(crm_clv_p_alive(m, x, tx, T, 2, out) == CRM_EINVAL && error_mentions("finite"));
    CHECK(crm_clv_conditional_expected_purchases(m, -1, x, tx, T, 1, out) == CRM_EINVAL);
    CHECK(crm_clv_p_alive(m, NULL, NULL, NULL, 0, NULL) == CRM_OK);
    CHECK(crm_clv_p_alive(m, x, NULL, T, 2, out) == CRM_EINVAL && error_mentions("recency is NULL"));
    CHECK(crm_clv_p_alive(NULL, x, tx, T, 2, out) == CRM_EINVAL && error_mentions("model is NULL"));
    CHECK(crm_clv_conditional_expected_purchases(m, 1, x, tx, T, 2, NULL) == CRM_EINVAL &&
          error_mentions("out is NULL"));
    CHECK(crm_clv_expected_purchases(m, NULL, 1, out) == CRM_EINVAL);
    CHECK(crm_clv_probability_of_purchases(m, 1, NULL, 1, out) == CRM_EINVAL);
    CHECK(crm_clv_expected_spend(m, x, T, 1, out) == CRM_EINVAL && error_mentions("bg-nbd"));
  }
  crm_clv_free(m);

  /* Creation checks the kind and the parameters. */
  CHECK(crm_clv_create(&m, 9, published, 4) == CRM_EINVAL && m == NULL && error_mentions("kind is 9"));
  CHECK(crm_clv_create(&m, CRM_CLV_BG_NBD, published, 3) == CRM_EINVAL && error_mentions("4 parameters"));
  {
    double bad[4] = {0.243, -1, 0.793, 2.426};
    CHECK(crm_clv_create(&m, CRM_CLV_BG_NBD, bad, 4) == CRM_EINVAL && error_mentions("alpha"));
  }
  CHECK(crm_clv_create(&m, CRM_CLV_BG_NBD, NULL, 4) == CRM_EINVAL && error_mentions("params"));
  CHECK(crm_clv_create(NULL, CRM_CLV_BG_NBD, published, 4) == CRM_EINVAL);
}

static void test_fit_errors(void) {
  crm_clv_model *m = (crm_clv_model *)&m; /* must be reset to NULL on failure */
  crm_clv_fit_options o = CRM_CLV_FIT_OPTIONS_INIT;
  double zero[3] = {0, 0, 0}, T[3] = {5, 6, 7};
  /* Not identifiable: nobody bought again. */
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, zero, zero, T, NULL, 3, NULL) == CRM_EINVAL && m == NULL &&
        error_mentions("not identifiable"));
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, NULL, NULL, NULL, NULL, 0, NULL) == CRM_EINVAL &&
        error_mentions("empty"));
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, cx, ctx, NULL, NULL, CDNOW_N, NULL) == CRM_EINVAL);
  CHECK(crm_clv_fit(&m, -3, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_EINVAL && error_mentions("kind"));
  CHECK(crm_clv_fit(NULL, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_EINVAL);
  {
    double w[3] = {1, -1, 1}, x[3] = {1, 0, 2}, tx[3] = {2, 0, 3};
    CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, x, tx, T, w, 3, NULL) == CRM_EINVAL &&
          error_mentions("row 1") && error_mentions("weight"));
  }
  /* Too few iterations: CRM_ECONVERGE, or a flagged result when convergence is optional. */
  o.max_iterations = 2;
  o.starts = 1;
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, &o) == CRM_ECONVERGE &&
        error_mentions("did not converge"));
  o.require_convergence = 0;
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, &o) == CRM_OK);
  {
    crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT;
    CHECK(crm_clv_fit_info_get(m, &info) == CRM_OK && info.converged == 0 && info.iterations == 2);
  }
  crm_clv_free(m);
  o.starts = 0;
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, &o) == CRM_EINVAL &&
        error_mentions("starts"));
  o = (crm_clv_fit_options)CRM_CLV_FIT_OPTIONS_INIT;
  o.version = 0;
  CHECK(crm_clv_fit_spend(&m, cx, czbar, NULL, CDNOW_N, &o) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_clv_fit_spend(NULL, cx, czbar, NULL, CDNOW_N, NULL) == CRM_EINVAL);
}

/* The actual holdout of the CDNOW sample (calibration to 1997-09-30, holdout weeks 40-78 to
 * 1998-06-30, same-day purchases merged): 1,882 repeat transactions (data/cdnow/README.md).
 * Computed here, BG/NBD predicts 1,653 of them (12% under) by the sum of conditional
 * expectations, and 1,664 by the unconditional tracking curve (weeks 40-78); FHL 2005
 * (Figures 2-4) use the same two views. The checks pin the two independent routes to each
 * other (2%) and bound the forecast error (15%), and the tracking curve to the actual
 * calibration total 2,457 (3%). */
static void test_holdout(void) {
  crm_summary *s = cdnow_sample_summary();
  crm_clv_model *m = NULL;
  size_t n = 0, i;
  double *x, *tx, *T, *hx, *pred, *first, customers[8], actual_mean[8], predicted_mean[8];
  double total = 0, total_actual = 0;
  CHECK(crm_summary_count(s, &n) == CRM_OK && n == CDNOW_N);
  x = malloc(n * sizeof *x);
  tx = malloc(n * sizeof *tx);
  T = malloc(n * sizeof *T);
  hx = malloc(n * sizeof *hx);
  pred = malloc(n * sizeof *pred);
  first = malloc(n * sizeof *first);
  {
    crm_summary_columns cols = CRM_SUMMARY_COLUMNS_INIT;
    cols.frequency = x;
    cols.recency = tx;
    cols.T = T;
    cols.holdout_frequency = hx;
    cols.first = first;
    CHECK(crm_summary_get(s, &cols, n, NULL) == CRM_OK);
  }
  CHECK(crm_clv_fit(&m, CRM_CLV_BG_NBD, x, tx, T, NULL, n, NULL) == CRM_OK);
  /* 39 holdout weeks: 1997-10-01 .. 1998-06-30 is 273 days. */
  CHECK(crm_clv_compare_holdout(m, 273.0 / 7, x, tx, T, hx, n, pred, 7, customers, actual_mean,
                                predicted_mean) == CRM_OK);
  for (i = 0; i < n; ++i) {
    total += pred[i];
    total_actual += hx[i];
  }
  CHECK(total_actual == 1882);
  CHECK(total < 1882 && total > 0.85 * 1882);
  /* Groups: 1,411 customers without repeat purchases (946 with, data/cdnow/README.md); group
   * means weighted by their sizes give the totals back. */
  CHECK(customers[0] == 1411);
  {
    double sum_actual = 0, sum_pred = 0, count = 0;
    for (i = 0; i < 8; ++i) {
      sum_actual += customers[i] * actual_mean[i];
      sum_pred += customers[i] * predicted_mean[i];
      count += customers[i];
    }
    CHECK(count == CDNOW_N);
    CHECK_NEAR(sum_actual, 1882, 1e-6);
    CHECK_NEAR(sum_pred, total, 1e-6);
    /* More calibration purchases, more predicted holdout purchases (FHL 2005 Figure 3). */
    for (i = 1; i < 8; ++i) CHECK(predicted_mean[i] > predicted_mean[i - 1]);
  }
  {
    /* Tracking curve: first purchases in weeks after 1997-01-01. */
    double origin = 0, curve[78];
    CHECK(crm_parse_time("1997-01-01", NULL, &origin) == CRM_OK);
    for (i = 0; i < n; ++i) first[i] = (first[i] - origin) / 7;
    CHECK(crm_clv_tracking_curve(m, first, n, curve, 78) == CRM_OK);
    CHECK(fabs(curve[38] / 2457 - 1) < 0.03);
    CHECK(fabs((curve[77] - curve[38]) / total - 1) < 0.02);
    for (i = 1; i < 78; ++i) CHECK(curve[i] > curve[i - 1]);
    CHECK(crm_clv_tracking_curve(m, first, n, curve, 0) == CRM_EINVAL && error_mentions("periods"));
    CHECK(crm_clv_tracking_curve(m, first, n, NULL, 78) == CRM_EINVAL);
    CHECK(crm_clv_tracking_curve(m, NULL, n, curve, 78) == CRM_EINVAL);
    first[3] = -1;
    CHECK(crm_clv_tracking_curve(m, first, n, curve, 78) == CRM_EINVAL && error_mentions("row 3"));
  }
  hx[5] = -1;
  CHECK(crm_clv_compare_holdout(m, 39, x, tx, T, hx, n, NULL, 7, NULL, NULL, NULL) == CRM_EINVAL &&
        error_mentions("row 5"));
  CHECK(crm_clv_compare_holdout(m, 39, x, tx, T, hx, n, NULL, -1, NULL, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_clv_compare_holdout(m, 39, x, tx, T, NULL, n, NULL, 7, NULL, NULL, NULL) == CRM_EINVAL &&
        error_mentions("actual"));
  CHECK(crm_clv_compare_holdout(NULL, 39, x, tx, T, hx, n, NULL, 7, NULL, NULL, NULL) == CRM_EINVAL);
  crm_clv_free(m);
  crm_summary_free(s);
  free(x);
  free(tx);
  free(T);
  free(hx);
  free(pred);
  free(first);
}

static void test_files_and_buffers(void) {
  const double published[4] = {0.243, 4.414, 0.793, 2.426};
  const char *path = "test_clv_model.crmkit";
  crm_clv_model *m = NULL, *back = NULL, *fitted = NULL;
  size_t len = 0, len2 = 0, k;
  char *buf;
  double v[4], se[4], se_back[4], x = 2, tx = 30.43, T = 38.86, e1 = 0, e2 = 0;
  crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT, info_back = CRM_CLV_FIT_INFO_INIT;
  int kind = -1;
  CHECK(crm_clv_create(&m, CRM_CLV_BG_NBD, published, 4) == CRM_OK);
  /* Buffer: ask for the size, refuse a short buffer, then round-trip. */
  CHECK(crm_clv_to_buffer(m, NULL, 0, &len) == CRM_EBUFS && len > 0);
  buf = malloc(len);
  CHECK(crm_clv_to_buffer(m, buf, len - 1, &len2) == CRM_EBUFS && len2 == len);
  CHECK(crm_clv_to_buffer(m, buf, len, &len2) == CRM_OK && len2 == len);
  CHECK(crm_clv_from_buffer(&back, buf, len, CRM_CLV_ANY) == CRM_OK);
  CHECK(crm_clv_kind_of(back, &kind) == CRM_OK && kind == CRM_CLV_BG_NBD);
  CHECK(crm_clv_params(back, NULL, v, NULL, 4, &k) == CRM_OK && v[0] == 0.243 && v[3] == 2.426);
  crm_clv_free(back);
  /* Another model's file, and damaged bytes. */
  CHECK(crm_clv_from_buffer(&back, buf, len, CRM_CLV_PARETO_NBD) == CRM_EINVAL && back == NULL &&
        error_mentions("bg-nbd model, not a pareto-nbd"));
  buf[len - 3] ^= 0x20;
  CHECK(crm_clv_from_buffer(&back, buf, len, CRM_CLV_ANY) == CRM_ECORRUPT && error_mentions("checksum"));
  CHECK(crm_clv_from_buffer(&back, buf, len / 2, CRM_CLV_ANY) == CRM_ECORRUPT);
  CHECK(crm_clv_from_buffer(&back, "hello", 5, CRM_CLV_ANY) == CRM_ECORRUPT && error_mentions("magic"));
  CHECK(crm_clv_from_buffer(&back, NULL, 5, CRM_CLV_ANY) == CRM_EINVAL);
  CHECK(crm_clv_from_buffer(&back, buf, len, 42) == CRM_EINVAL);
  CHECK(crm_clv_to_buffer(m, buf, len, NULL) == CRM_EINVAL);
  CHECK(crm_clv_to_buffer(NULL, buf, len, &len2) == CRM_EINVAL);
  free(buf);
  crm_clv_free(m);

  /* File: a fitted model keeps its fit and predicts the same. */
  CHECK(crm_clv_fit(&fitted, CRM_CLV_BG_NBD, cx, ctx, cT, NULL, CDNOW_N, NULL) == CRM_OK);
  CHECK(crm_clv_save(fitted, path) == CRM_OK);
  CHECK(crm_clv_load(&back, path, CRM_CLV_BG_NBD) == CRM_OK);
  CHECK(crm_clv_fit_info_get(fitted, &info) == CRM_OK && crm_clv_fit_info_get(back, &info_back) == CRM_OK);
  CHECK(info.log_likelihood == info_back.log_likelihood && info.iterations == info_back.iterations);
  CHECK(crm_clv_params(fitted, NULL, NULL, se, 4, &k) == CRM_OK);
  CHECK(crm_clv_params(back, NULL, NULL, se_back, 4, &k) == CRM_OK && se[2] == se_back[2]);
  CHECK(crm_clv_conditional_expected_purchases(fitted, 39, &x, &tx, &T, 1, &e1) == CRM_OK);
  CHECK(crm_clv_conditional_expected_purchases(back, 39, &x, &tx, &T, 1, &e2) == CRM_OK && e1 == e2);
  crm_clv_free(back);
  CHECK(crm_clv_load(&back, path, CRM_CLV_GAMMA_GAMMA) == CRM_EINVAL && back == NULL &&
        error_mentions("not a gamma-gamma"));
  remove(path);
  CHECK(crm_clv_load(&back, path, CRM_CLV_ANY) == CRM_EIO && error_mentions(path));
  CHECK(crm_clv_load(&back, CRMKIT_TEST_DATA_DIR "/donations/donations.csv", CRM_CLV_ANY) ==
            CRM_ECORRUPT);
  CHECK(crm_clv_load(&back, NULL, CRM_CLV_ANY) == CRM_EINVAL);
  CHECK(crm_clv_load(NULL, path, CRM_CLV_ANY) == CRM_EINVAL);
  CHECK(crm_clv_save(fitted, "/nonexistent-dir/model") == CRM_EIO);
  CHECK(crm_clv_save(fitted, NULL) == CRM_EINVAL);
  CHECK(crm_clv_save(NULL, path) == CRM_EINVAL);
  crm_clv_free(fitted);
}

void run_clv_tests(void) {
  CHECK(read_cdnow());
  test_fit_bg_nbd();
  test_fit_pareto_and_spend();
  test_fit_bg_bb();
  test_predictions();
  test_fit_errors();
  test_holdout();
  test_files_and_buffers();
}
