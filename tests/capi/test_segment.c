/* C API tests of k-means segmentation: a hand-worked one-feature case through the C
 * boundary, files and buffers, and NULL pointers, bad values and small buffers. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

/* Two groups on a line: {0, 1} and {10, 11, 12}. With k = 2 and no scaling the centres are
 * 0.5 and 11, inertia 0.25 + 0.25 + 1 + 0 + 1 = 2.5; segments are numbered by size, so the
 * group of three is segment 0. */
static const double line[] = {0, 1, 10, 11, 12};
static const char *const x_name[] = {"x"};

static crm_kmeans_options two_groups(void) {
  crm_kmeans_options o = CRM_KMEANS_OPTIONS_INIT;
  o.k_min = o.k_max = 2;
  o.scaling = CRM_SCALING_NONE;
  return o;
}

static void test_options(void) {
  crm_kmeans_options init = CRM_KMEANS_OPTIONS_INIT, lib;
  memset(&lib, 0xff, sizeof lib);
  CHECK(crm_kmeans_options_init(&lib, CRM_KMEANS_OPTIONS_VERSION) == CRM_OK);
  CHECK(lib.k_min == init.k_min && lib.k_max == init.k_max && lib.n_init == init.n_init);
  CHECK(lib.max_iterations == init.max_iterations && lib.tolerance == init.tolerance);
  CHECK(lib.seed == init.seed && lib.silhouette_sample == init.silhouette_sample);
  CHECK(lib.selection == init.selection && lib.threads == init.threads && lib.scaling == init.scaling);
  CHECK(lib.log1p == NULL && lib.log1p_count == 0 && lib.value_column == NULL);
  CHECK(crm_kmeans_options_init(&lib, 99) == CRM_EINVAL);
  CHECK(crm_kmeans_options_init(NULL, CRM_KMEANS_OPTIONS_VERSION) == CRM_EINVAL);
  int v = -1;
  CHECK(strcmp(crm_scaling_name(CRM_SCALING_ROBUST), "robust") == 0);
  CHECK(crm_scaling_name(7) == NULL);
  CHECK(crm_scaling_parse("zscore", &v) == CRM_OK && v == CRM_SCALING_ZSCORE);
  CHECK(crm_k_selection_parse("elbow", &v) == CRM_OK && v == CRM_K_ELBOW);
  CHECK(crm_k_selection_parse("best", &v) == CRM_EINVAL && error_mentions("unknown k selection 'best'"));
}

static void test_fit_and_assign(void) {
  crm_kmeans *m = NULL, *back = NULL;
  crm_kmeans_options o = two_groups();
  int labels[5] = {-1, -1, -1, -1, -1};
  CHECK(crm_kmeans_fit(&m, line, 5, 1, x_name, &o, labels) == CRM_OK && m);
  if (!m) return;
  CHECK(labels[0] == 1 && labels[1] == 1 && labels[2] == 0 && labels[3] == 0 && labels[4] == 0);
  crm_kmeans_info info = CRM_KMEANS_INFO_INIT;
  CHECK(crm_kmeans_info_get(m, &info) == CRM_OK && info.k == 2 && info.features == 1);
  CHECK_NEAR(info.inertia, 2.5, 1e-12);
  double centers[2] = {0, 0};
  CHECK(crm_kmeans_centers(m, centers, 2) == CRM_OK);
  CHECK_NEAR(centers[0], 11, 1e-12);
  CHECK_NEAR(centers[1], 0.5, 1e-12);
  CHECK(crm_kmeans_centers(m, centers, 1) == CRM_EBUFS);
  size_t sizes[2] = {0, 0}, count = 0;
  double means[2] = {0, 0}, share[2] = {0, 0};
  CHECK(crm_kmeans_profiles(m, sizes, share, means, 2) == CRM_OK && sizes[0] == 3 && sizes[1] == 2);
  CHECK_NEAR(means[1], 0.5, 1e-12);
  CHECK(isnan(share[0]));  /* no value column */
  int ks[1] = {0};
  double inertia[1] = {0};
  CHECK(crm_kmeans_scores(m, ks, inertia, NULL, 1, &count) == CRM_OK && count == 1 && ks[0] == 2);
  char name[8];
  size_t len = 0;
  CHECK(crm_kmeans_feature_name(m, 0, name, sizeof name, &len) == CRM_OK && strcmp(name, "x") == 0 && len == 1);
  CHECK(crm_kmeans_feature_name(m, 1, name, sizeof name, &len) == CRM_EINVAL);

  /* New rows: 0.2 joins {0, 1}, 11.5 the group of three. */
  const double fresh[] = {0.2, 11.5};
  int got[2] = {-1, -1};
  CHECK(crm_kmeans_assign(m, fresh, 2, 1, x_name, got) == CRM_OK && got[0] == 1 && got[1] == 0);
  const char *const other[] = {"spend"};
  CHECK(crm_kmeans_assign(m, fresh, 2, 1, other, got) == CRM_EINVAL && error_mentions("feature 'x', which the data lacks"));

  /* Buffers: the size first, then the bytes; a loaded model has no fit record. */
  size_t need = 0;
  CHECK(crm_kmeans_to_buffer(m, NULL, 0, &need) == CRM_EBUFS && need > 0);
  char *bytes = malloc(need);
  CHECK(bytes && crm_kmeans_to_buffer(m, bytes, need, &need) == CRM_OK);
  CHECK(crm_kmeans_from_buffer(&back, bytes, need) == CRM_OK && back);
  if (back) {
    CHECK(crm_kmeans_assign(back, fresh, 2, 1, x_name, got) == CRM_OK && got[0] == 1 && got[1] == 0);
    CHECK(crm_kmeans_scores(back, ks, NULL, NULL, 1, &count) == CRM_ESTATE && error_mentions("loaded, not fitted"));
    CHECK(crm_kmeans_info_get(back, &info) == CRM_OK && isnan(info.inertia));
  }
  bytes[need / 2] ^= 1;
  crm_kmeans *damaged = (crm_kmeans *)1;
  CHECK(crm_kmeans_from_buffer(&damaged, bytes, need) == CRM_ECORRUPT && damaged == NULL);
  free(bytes);
  crm_kmeans_free(back);
  crm_kmeans_free(m);
}

static void test_bad_input(void) {
  crm_kmeans *m = (crm_kmeans *)1;
  crm_kmeans_options o = two_groups();
  const char *const null_name[] = {NULL};
  const double with_nan[] = {0, 1, NAN, 11, 12};
  const double dup[] = {3, 3, 4, 4, 4};
  CHECK(crm_kmeans_fit(&m, NULL, 5, 1, x_name, &o, NULL) == CRM_EINVAL && m == NULL && error_mentions("x is NULL"));
  CHECK(crm_kmeans_fit(&m, line, 5, 1, NULL, &o, NULL) == CRM_EINVAL && error_mentions("names is NULL"));
  CHECK(crm_kmeans_fit(&m, line, 5, 1, null_name, &o, NULL) == CRM_EINVAL && error_mentions("names[0] is NULL"));
  CHECK(crm_kmeans_fit(&m, line, 5, 0, x_name, &o, NULL) == CRM_EINVAL);
  CHECK(crm_kmeans_fit(&m, line, 0, 1, x_name, &o, NULL) == CRM_EINVAL);
  CHECK(crm_kmeans_fit(&m, with_nan, 5, 1, x_name, &o, NULL) == CRM_EINVAL && error_mentions("feature 'x' row 3"));
  o.k_min = o.k_max = 3;
  CHECK(crm_kmeans_fit(&m, dup, 5, 1, x_name, &o, NULL) == CRM_EINVAL && error_mentions("2 distinct rows"));
  o = two_groups();
  o.scaling = 9;
  CHECK(crm_kmeans_fit(&m, line, 5, 1, x_name, &o, NULL) == CRM_EINVAL && error_mentions("opts->scaling"));
  o = two_groups();
  o.version = 0;
  CHECK(crm_kmeans_fit(&m, line, 5, 1, x_name, &o, NULL) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_kmeans_fit(NULL, line, 5, 1, x_name, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_kmeans_load(&m, CRMKIT_TEST_DATA_DIR "/golden/mining/v1/churn.txt") == CRM_EINVAL && m == NULL);
  CHECK(crm_kmeans_load(&m, CRMKIT_TEST_DATA_DIR "/golden/mining/v1/kmeans.txt") == CRM_OK && m);
  crm_kmeans_free(m);
  crm_kmeans_free(NULL);
}

void run_segment_tests(void) {
  test_options();
  test_fit_and_assign();
  test_bad_input();
}
