/* C API tests of CLV fits over partitions (crm_clv_partition_*, crm_clv_fit_partitioned):
 * the CDNOW sample split into three partitions by customer must give the whole table's
 * statistics, log-likelihood and gradient (the likelihood is a sum over customers), the
 * gradient must match central finite differences of the log-likelihood, and the fit driven
 * through the callback must equal crm_clv_fit / crm_clv_fit_spend on the whole table. */
#include <stdlib.h>

#include "check.h"

#define PARTS 3

/* The CDNOW sample's calibration summary (weeks, same-day merged; test_summary.c). */
static size_t n_customers;
static double *px, *ptx, *pT, *pz;

/* The columns split by customer (row i into partition i % PARTS), as a cluster would. */
static int make_parts(int kind, crm_clv_partition **parts) {
  size_t p, i, m;
  int ok = 1;
  double *x = malloc(n_customers * sizeof *x), *tx = malloc(n_customers * sizeof *tx),
         *T = malloc(n_customers * sizeof *T), *z = malloc(n_customers * sizeof *z);
  if (!x || !tx || !T || !z) ok = 0;
  for (p = 0; ok && p < PARTS; ++p) {
    for (i = p, m = 0; i < n_customers; i += PARTS, ++m) {
      x[m] = px[i];
      tx[m] = ptx[i];
      T[m] = pT[i];
      z[m] = pz[i];
    }
    ok = (kind == CRM_CLV_GAMMA_GAMMA ? crm_clv_partition_create_spend(&parts[p], x, z, NULL, m)
                                      : crm_clv_partition_create(&parts[p], kind, x, tx, T, NULL, m)) == CRM_OK;
  }
  free(x);
  free(tx);
  free(T);
  free(z);
  return ok;
}

/* The client's callback: the sum of the partitions' answers. */
static int sum_parts(void *user, const double *params, size_t k, double *ll, double *grad) {
  crm_clv_partition **parts = user;
  double part_ll, part_grad[4];
  size_t p, j;
  int status;
  *ll = 0;
  if (grad)
    for (j = 0; j < k; ++j) grad[j] = 0;
  for (p = 0; p < PARTS; ++p) {
    status = crm_clv_partition_log_likelihood(parts[p], params, k, &part_ll, grad ? part_grad : NULL);
    if (status != CRM_OK) return status;
    *ll += part_ll;
    if (grad)
      for (j = 0; j < k; ++j) grad[j] += part_grad[j];
  }
  return CRM_OK;
}

static int fail_with_eio(void *user, const double *params, size_t k, double *ll, double *grad) {
  (void)user, (void)params, (void)k, (void)ll, (void)grad;
  return CRM_EIO;
}

static double rel(double a, double b) { return fabs(a - b) / fmax(fabs(b), 1e-300); }

/* kind's partitions against the whole table at `at` (k parameters), then the fits. */
static void check_kind(int kind, const double *at, size_t k) {
  crm_clv_partition *parts[PARTS] = {NULL}, *whole = NULL;
  crm_clv_partition_stats total = CRM_CLV_PARTITION_STATS_INIT, part = CRM_CLV_PARTITION_STATS_INIT,
                          all = CRM_CLV_PARTITION_STATS_INIT;
  crm_clv_model *single = NULL, *spread = NULL;
  double ll_whole, ll_sum, g_whole[4], g_sum[4], v_single[4], v_spread[4];
  crm_clv_fit_info i_single = CRM_CLV_FIT_INFO_INIT, i_spread = CRM_CLV_FIT_INFO_INIT;
  size_t j, p, count;
  int spend = kind == CRM_CLV_GAMMA_GAMMA;

  CHECK(make_parts(kind, parts));
  CHECK((spend ? crm_clv_partition_create_spend(&whole, px, pz, NULL, n_customers)
               : crm_clv_partition_create(&whole, kind, px, ptx, pT, NULL, n_customers)) == CRM_OK);
  if (!whole || !parts[PARTS - 1]) return;

  /* Statistics add up to the whole table's. */
  CHECK(crm_clv_partition_stats_get(whole, &all) == CRM_OK && all.kind == kind);
  for (p = 0; p < PARTS; ++p) {
    CHECK(crm_clv_partition_stats_get(parts[p], p == 0 ? &total : &part) == CRM_OK);
    if (p > 0) CHECK(crm_clv_partition_stats_add(&total, &part) == CRM_OK);
  }
  CHECK(total.customers == all.customers && total.repeat_customers == all.repeat_customers);
  CHECK(rel(total.frequency_sum, all.frequency_sum) < 1e-14 && rel(total.age_sum + 1, all.age_sum + 1) < 1e-14);
  CHECK(rel(total.spend_sum + 1, all.spend_sum + 1) < 1e-14);
  CHECK(total.unique_rows >= all.unique_rows);
  /* 946 of the 2,357 customers buy again (FHL 2005 "RFM and CLV"; data/cdnow/README.md). */
  CHECK(spend ? all.customers == 946 : all.customers == 2357);
  CHECK(all.repeat_customers == 946);

  /* The sum over partitions is the whole table's log-likelihood and gradient. */
  CHECK(crm_clv_partition_log_likelihood(whole, at, k, &ll_whole, g_whole) == CRM_OK);
  CHECK(sum_parts(parts, at, k, &ll_sum, g_sum) == CRM_OK);
  CHECK(rel(ll_sum, ll_whole) < 1e-12);
  for (j = 0; j < k; ++j) CHECK(fabs(g_sum[j] - g_whole[j]) <= 1e-9 * fabs(ll_whole));

  /* The gradient against central differences (step 1e-6 relative; truncation and rounding
   * leave about 1e-7 relative). */
  for (j = 0; j < k; ++j) {
    double up[4], down[4], ll_up, ll_down, h = 1e-6 * at[j];
    memcpy(up, at, k * sizeof *at);
    memcpy(down, at, k * sizeof *at);
    up[j] += h;
    down[j] -= h;
    CHECK(crm_clv_partition_log_likelihood(whole, up, k, &ll_up, NULL) == CRM_OK);
    CHECK(crm_clv_partition_log_likelihood(whole, down, k, &ll_down, NULL) == CRM_OK);
    CHECK(fabs((ll_up - ll_down) / (2 * h) - g_whole[j]) <= 1e-6 * fmax(1.0, fabs(g_whole[j])) + 1e-4);
  }

  /* The fit through the callback equals the single-process fit. */
  CHECK((spend ? crm_clv_fit_spend(&single, px, pz, NULL, n_customers, NULL)
               : crm_clv_fit(&single, kind, px, ptx, pT, NULL, n_customers, NULL)) == CRM_OK);
  CHECK(crm_clv_fit_partitioned(&spread, &total, sum_parts, parts, NULL) == CRM_OK && spread);
  if (single && spread) {
    CHECK(crm_clv_params(single, NULL, v_single, NULL, 4, &count) == CRM_OK && count == k);
    CHECK(crm_clv_params(spread, NULL, v_spread, NULL, 4, &count) == CRM_OK && count == k);
    for (j = 0; j < k; ++j) CHECK(rel(v_spread[j], v_single[j]) < 1e-8);
    CHECK(crm_clv_fit_info_get(single, &i_single) == CRM_OK);
    CHECK(crm_clv_fit_info_get(spread, &i_spread) == CRM_OK);
    CHECK(rel(i_spread.log_likelihood, i_single.log_likelihood) < 1e-12);
    CHECK(i_spread.customers == i_single.customers && i_spread.converged == 1);
  }
  crm_clv_free(single);
  crm_clv_free(spread);

  /* A callback's status stops the fit and is returned, *out NULL. */
  spread = (crm_clv_model *)&total;
  CHECK(crm_clv_fit_partitioned(&spread, &total, fail_with_eio, NULL, NULL) == CRM_EIO && spread == NULL);
  CHECK(error_mentions("callback returned"));

  crm_clv_partition_free(whole);
  for (p = 0; p < PARTS; ++p) crm_clv_partition_free(parts[p]);
}

static void test_errors(void) {
  crm_clv_partition *p = (crm_clv_partition *)&n_customers, *e = NULL;
  crm_clv_partition_stats s = CRM_CLV_PARTITION_STATS_INIT, g = CRM_CLV_PARTITION_STATS_INIT;
  crm_clv_model *m = NULL;
  const double at[4] = {0.243, 4.414, 0.793, 2.426}, nan_at[4] = {0.243, NAN, 0.793, 2.426};
  double ll = 1, grad[4] = {1, 1, 1, 1}, bad_x = 1.5, t = 2;

  CHECK(crm_clv_partition_create(&p, CRM_CLV_PARETO_NBD, px, ptx, pT, NULL, 3) == CRM_EINVAL && p == NULL);
  CHECK(error_mentions("pareto-nbd") && error_mentions("partitioned fits cover"));
  CHECK(crm_clv_partition_create(&p, CRM_CLV_GAMMA_GAMMA, px, ptx, pT, NULL, 3) == CRM_EINVAL);
  CHECK(crm_clv_partition_create(&p, 99, px, ptx, pT, NULL, 3) == CRM_EINVAL && error_mentions("kind"));
  CHECK(crm_clv_partition_create(&p, CRM_CLV_BG_NBD, &bad_x, &t, &t, NULL, 1) == CRM_EINVAL &&
        error_mentions("row 0"));
  CHECK(crm_clv_partition_create(&p, CRM_CLV_BG_NBD, NULL, ptx, pT, NULL, 3) == CRM_EINVAL);
  CHECK(crm_clv_partition_create(NULL, CRM_CLV_BG_NBD, px, ptx, pT, NULL, 3) == CRM_EINVAL);
  CHECK(crm_clv_partition_create_spend(&p, px, NULL, NULL, 3) == CRM_EINVAL);

  /* An empty partition adds nothing: statistics 0, log-likelihood 0, gradient 0. */
  CHECK(crm_clv_partition_create(&e, CRM_CLV_BG_NBD, NULL, NULL, NULL, NULL, 0) == CRM_OK && e);
  CHECK(crm_clv_partition_stats_get(e, &s) == CRM_OK && s.customers == 0 && s.unique_rows == 0);
  CHECK(crm_clv_partition_log_likelihood(e, at, 4, &ll, grad) == CRM_OK && ll == 0 && grad[3] == 0);
  CHECK(crm_clv_partition_log_likelihood(e, at, 3, &ll, NULL) == CRM_EINVAL && error_mentions("4 parameters"));
  CHECK(crm_clv_partition_log_likelihood(e, nan_at, 4, &ll, NULL) == CRM_EINVAL &&
        error_mentions("parameter 1"));
  CHECK(crm_clv_partition_log_likelihood(e, NULL, 4, &ll, NULL) == CRM_EINVAL);
  CHECK(crm_clv_partition_log_likelihood(NULL, at, 4, &ll, NULL) == CRM_EINVAL);
  CHECK(crm_clv_partition_log_likelihood(e, at, 4, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_clv_partition_stats_get(e, NULL) == CRM_EINVAL);
  s.version = 99;
  CHECK(crm_clv_partition_stats_get(e, &s) == CRM_EINVAL && error_mentions("version"));
  s.version = CRM_CLV_PARTITION_STATS_VERSION;

  /* Statistics of different models do not add; a fit needs customers and a repeat buyer. */
  g.kind = CRM_CLV_GAMMA_GAMMA;
  CHECK(crm_clv_partition_stats_add(&s, &g) == CRM_EINVAL && error_mentions("cannot be added"));
  CHECK(crm_clv_partition_stats_add(NULL, &g) == CRM_EINVAL);
  CHECK(crm_clv_fit_partitioned(&m, &s, sum_parts, NULL, NULL) == CRM_EINVAL && m == NULL &&
        error_mentions("no customers"));
  s.customers = 10;
  CHECK(crm_clv_fit_partitioned(&m, &s, sum_parts, NULL, NULL) == CRM_EINVAL && error_mentions("not identifiable"));
  s.repeat_customers = 5;
  CHECK(crm_clv_fit_partitioned(&m, &s, NULL, NULL, NULL) == CRM_EINVAL && error_mentions("fn"));
  CHECK(crm_clv_fit_partitioned(&m, NULL, sum_parts, NULL, NULL) == CRM_EINVAL);
  crm_clv_partition_free(e);
  crm_clv_partition_free(NULL);
}

void run_partition_tests(void) {
  crm_summary *s = cdnow_sample_summary();
  crm_summary_columns cols = CRM_SUMMARY_COLUMNS_INIT;
  /* At the published CDNOW estimates (Fader, Hardie & Lee 2005): BG/NBD r, alpha, a, b and
   * Gamma-Gamma p, q, gamma ("RFM and CLV", 2005: 6.25, 3.74, 15.44). */
  const double bg[4] = {0.243, 4.414, 0.793, 2.426}, gg[3] = {6.25, 3.74, 15.44};
  if (!s || crm_summary_count(s, &n_customers) != CRM_OK) return;
  px = malloc(n_customers * sizeof *px);
  ptx = malloc(n_customers * sizeof *ptx);
  pT = malloc(n_customers * sizeof *pT);
  pz = malloc(n_customers * sizeof *pz);
  cols.frequency = px;
  cols.recency = ptx;
  cols.T = pT;
  cols.monetary_value = pz;
  CHECK(crm_summary_get(s, &cols, n_customers, NULL) == CRM_OK);
  crm_summary_free(s);
  check_kind(CRM_CLV_BG_NBD, bg, 4);
  check_kind(CRM_CLV_MBG_NBD, bg, 4);
  check_kind(CRM_CLV_GAMMA_GAMMA, gg, 3);
  test_errors();
  free(px);
  free(ptx);
  free(pT);
  free(pz);
}
