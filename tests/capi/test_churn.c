/* C API tests of the churn model: a hand-checkable separable case, metrics worked by hand,
 * predictions against the coefficients, files, and NULL pointers, bad labels, small buffers. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const x_name[] = {"x"};
static const double xs[] = {-2, -1, 1, 2};
static const double ys[] = {0, 0, 1, 1};

static double sigmoid(double t) { return 1 / (1 + exp(-t)); }

static void test_fit_predict(void) {
  crm_churn *m = NULL;
  crm_churn_options o = CRM_CHURN_OPTIONS_INIT, lib;
  CHECK(crm_churn_options_init(&lib, CRM_CHURN_OPTIONS_VERSION) == CRM_OK);
  CHECK(lib.l2 == o.l2 && lib.balanced == o.balanced && lib.max_iterations == o.max_iterations &&
        lib.tolerance == o.tolerance && lib.threshold == o.threshold && lib.scaling == o.scaling &&
        lib.threads == o.threads && lib.log1p == NULL);
  double p[4];
  CHECK(crm_churn_fit(&m, xs, 4, 1, x_name, ys, &o, p) == CRM_OK && m);
  if (!m) return;
  const char *names[2];
  double b[2], se[2], z[2], odds[2];
  size_t count = 0;
  CHECK(crm_churn_coefficients(m, names, b, se, z, odds, 2, &count) == CRM_OK && count == 2);
  CHECK(strcmp(names[0], "intercept") == 0 && strcmp(names[1], "x") == 0);
  /* Separable data stays finite under the penalty; by symmetry the intercept is 0, and the
   * slope on z = x / sqrt(2.5) satisfies b + sum (sigmoid(b z) - y) z = 0. */
  CHECK(fabs(b[0]) < 1e-12);
  double g = b[1];
  for (int i = 0; i < 4; ++i) g += (sigmoid(b[1] * xs[i] / sqrt(2.5)) - ys[i]) * xs[i] / sqrt(2.5);
  CHECK(fabs(g) < 1e-10);
  CHECK_NEAR(odds[1], exp(b[1]), 1e-12);
  CHECK_NEAR(z[1], b[1] / se[1], 1e-12);
  CHECK(crm_churn_coefficients(m, names, b, NULL, NULL, NULL, 1, &count) == CRM_EBUFS && count == 2);
  const double fresh[] = {0.5};
  double q = 0;
  CHECK(crm_churn_predict(m, fresh, 1, 1, x_name, &q) == CRM_OK);
  CHECK_NEAR(q, sigmoid(b[0] + b[1] * 0.5 / sqrt(2.5)), 1e-12);
  CHECK_NEAR(p[3], sigmoid(b[1] * 2 / sqrt(2.5)), 1e-12);

  /* Sensitivity: x up by 1 for every row; value at risk = sum value x p. */
  const double value[] = {10, 10, 10, 10};
  double before[4], after[4], var0 = 0, var1 = 0;
  CHECK(crm_churn_sensitivity(m, xs, 4, 1, x_name, "x", 1, value, before, after, &var0, &var1) == CRM_OK);
  CHECK_NEAR(after[0], sigmoid(b[1] * -1 / sqrt(2.5)), 1e-12);
  CHECK_NEAR(var0, 10 * (p[0] + p[1] + p[2] + p[3]), 1e-9);
  CHECK(var1 > var0);
  CHECK(crm_churn_sensitivity(m, xs, 4, 1, x_name, "y", 1, NULL, before, after, NULL, NULL) == CRM_EINVAL &&
        error_mentions("'y' is not a feature"));
  double effects[2];
  size_t groups = 0;
  const int two[] = {0, 0, 1, 1};
  CHECK(crm_churn_drivers(m, xs, 4, 1, x_name, two, effects, 2, &groups) == CRM_OK && groups == 2);
  CHECK(effects[0] > 0 && effects[1] > 0);
  CHECK(crm_churn_drivers(m, xs, 4, 1, x_name, two, effects, 1, &groups) == CRM_EBUFS);

  /* File round trip; a churn file is not a k-means model. */
  char path[256];
  snprintf(path, sizeof path, "%s", "test_churn_capi.model");
  CHECK(crm_churn_save(m, path) == CRM_OK);
  crm_churn *back = NULL;
  crm_kmeans *wrong = NULL;
  CHECK(crm_churn_load(&back, path) == CRM_OK && back);
  CHECK(crm_kmeans_load(&wrong, path) == CRM_EINVAL && wrong == NULL);
  double q2 = 0;
  if (back) CHECK(crm_churn_predict(back, fresh, 1, 1, x_name, &q2) == CRM_OK && q2 == q);
  remove(path);
  crm_churn_free(back);
  o.l2 = 0;
  crm_churn *none = (crm_churn *)1;
  CHECK(crm_churn_fit(&none, xs, 4, 1, x_name, ys, &o, NULL) == CRM_ECONVERGE && none == NULL &&
        error_mentions("separate churners from stayers"));
  crm_churn_free(m);
}

static void test_metrics(void) {
  /* Worked by hand: AUC 3.5 / 4 (the tie at 0.4 counts one half); at 0.5 only 0.8 is
   * predicted churn: precision 1, recall 1/2. */
  const double p[] = {0.1, 0.4, 0.4, 0.8};
  crm_churn_metrics m = CRM_CHURN_METRICS_INIT;
  double lift[4], cum[4], cal_p[10], cal_o[10];
  size_t deciles = 0, cal_n[10];
  CHECK(crm_churn_evaluate(p, ys, 4, 0.5, &m, lift, cum, 4, &deciles, cal_n, cal_p, cal_o) == CRM_OK);
  CHECK(m.auc == 0.875 && m.precision == 1 && m.recall == 0.5 && deciles == 4);
  CHECK_NEAR(m.log_loss, -(log(0.9) + log(0.6) + log(0.4) + log(0.8)) / 4, 1e-12);
  CHECK(lift[0] == 2 && cal_n[4] == 2 && cal_o[4] == 0.5 && isnan(cal_p[0]));
  CHECK(crm_churn_evaluate(p, ys, 4, 0.5, &m, lift, cum, 3, &deciles, NULL, NULL, NULL) == CRM_EBUFS);
  CHECK(crm_churn_evaluate(p, ys, 4, 0.5, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL) == CRM_EINVAL);
}

static void test_bad_input(void) {
  crm_churn *m = (crm_churn *)1;
  const double one_class[] = {0, 0, 0, 0};
  const double two[] = {0, 1, 2, 1};
  CHECK(crm_churn_fit(&m, xs, 4, 1, x_name, one_class, NULL, NULL) == CRM_EINVAL && m == NULL &&
        error_mentions("one class only"));
  CHECK(crm_churn_fit(&m, xs, 4, 1, x_name, two, NULL, NULL) == CRM_EINVAL && error_mentions("row 3 is 2"));
  CHECK(crm_churn_fit(&m, xs, 4, 1, x_name, NULL, NULL, NULL) == CRM_EINVAL && error_mentions("label is NULL"));
  CHECK(crm_churn_fit(&m, NULL, 4, 1, x_name, ys, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_churn_predict(NULL, xs, 4, 1, x_name, NULL) == CRM_EINVAL);
  CHECK(crm_churn_load(&m, CRMKIT_TEST_DATA_DIR "/golden/mining/v1/churn.bin") == CRM_OK && m);
  size_t count = 0;
  CHECK(crm_churn_coefficients(m, NULL, NULL, NULL, NULL, NULL, 0, &count) == CRM_OK && count == 3);
  crm_churn_free(m);
  crm_churn_free(NULL);
}

void run_churn_tests(void) {
  test_fit_predict();
  test_metrics();
  test_bad_input();
}
