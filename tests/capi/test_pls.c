/* C API tests of PLS satisfaction index models: the hand-checkable two-block model (its
 * figures derived in tests/quality/test_pls.cpp), names and sizes, a bootstrap that repeats,
 * and bad models, data and options. */
#include "check.h"

/* a1 = 1,2,3,4; a2 = 2,1,4,3; b = 1,3,2,4: cor(a1, b) = 0.8, cor(a2, b) = 0, cor(a1, a2) =
 * 0.6, so the weights of block A are (1, 0), loadings (1, 0.6), path 0.8, R^2 0.64. */
static const double data[] = {1, 2, 1, 2, 1, 3, 3, 4, 2, 4, 3, 4};
static const char *const names[] = {"a1", "a2", "b"};
static const char *const model = "block A: a1, a2\nblock B: b\npath A -> B\n";

static void test_pls_fit(void) {
  crm_pls *pls = NULL;
  crm_pls_options o = CRM_PLS_OPTIONS_INIT, init;
  crm_pls_result r = CRM_PLS_RESULT_INIT;
  double path[1], weights[2], loadings[2], r2[2], index[2], htmt[4], scores[8];
  size_t blocks = 0, indicators = 0, paths = 0, respondents = 0, from = 9, to = 9, len = 0, block = 9;
  char name[8];
  o.scale_min = 1;
  o.scale_max = 5;
  CHECK(crm_pls_fit(&pls, model, data, 4, 3, names, &o) == CRM_OK);
  CHECK(crm_pls_counts(pls, &blocks, &indicators, &paths, &respondents) == CRM_OK);
  CHECK(blocks == 2 && indicators == 3 && paths == 1 && respondents == 4);
  CHECK(crm_pls_block_name(pls, 1, name, sizeof name, &len) == CRM_OK && strcmp(name, "B") == 0 && len == 1);
  CHECK(crm_pls_indicator_name(pls, 1, name, sizeof name, &len) == CRM_OK && strcmp(name, "a2") == 0);
  CHECK(crm_pls_indicator_name(pls, 1, name, 2, &len) == CRM_EBUFS && len == 2);
  CHECK(crm_pls_path_blocks(pls, 0, &from, &to) == CRM_OK && from == 0 && to == 1);
  CHECK(crm_pls_indicator_block(pls, 2, &block) == CRM_OK && block == 1);
  CHECK(crm_pls_block_name(pls, 2, name, sizeof name, &len) == CRM_EINVAL && error_mentions("out of range"));
  r.path_coefficient = path;
  r.weights = weights;
  r.loadings = loadings;
  r.r2 = r2;
  r.index_mean = index;
  r.htmt = htmt;
  CHECK(crm_pls_results(pls, &r) == CRM_OK);
  CHECK_NEAR(path[0], 0.8, 1e-9);
  CHECK_NEAR(weights[0], 1, 1e-9);
  CHECK_NEAR(weights[1], 0, 1e-9);
  CHECK_NEAR(loadings[1], 0.6, 1e-9);
  CHECK(isnan(r2[0]));
  CHECK_NEAR(r2[1], 0.64, 1e-9);
  CHECK_NEAR(index[0], 37.5, 1e-9); /* mean a1 = 2.5 on 1-5 */
  CHECK_NEAR(htmt[1], 0.4 / sqrt(0.6), 1e-9);
  CHECK_NEAR(r.gof, sqrt(0.68 * 0.64), 1e-9);
  CHECK(r.ipma_target == 1);
  CHECK(crm_pls_scores(pls, scores, NULL) == CRM_OK);
  CHECK_NEAR(scores[0], -1.5 / sqrt(5.0 / 3.0), 1e-9); /* respondent 0's z-score of a1 */
  CHECK(crm_pls_bootstrap(pls, NULL, NULL, NULL) == CRM_ESTATE);
  crm_pls_free(pls);
  crm_pls_free(NULL);

  CHECK(crm_pls_options_init(&init, CRM_PLS_OPTIONS_VERSION) == CRM_OK);
  o = (crm_pls_options)CRM_PLS_OPTIONS_INIT;
  CHECK(init.scheme == o.scheme && init.tolerance == o.tolerance && init.max_iterations == o.max_iterations &&
        init.index_method == o.index_method && init.scale_min == o.scale_min && init.scale_max == o.scale_max &&
        init.ipma_target == NULL && init.bootstrap == o.bootstrap && init.seed == o.seed &&
        init.level == o.level && init.threads == o.threads);
}

static void test_pls_bootstrap(void) {
  /* Eight respondents: the four above twice plus a shifted copy, so resamples vary. */
  const double more[] = {1, 2, 1, 2, 1, 3, 3, 4, 2, 4, 3, 4, 2, 2, 2, 3, 2, 3, 4, 3, 3, 5, 5, 5};
  crm_pls *one = NULL, *two = NULL;
  crm_pls_options o = CRM_PLS_OPTIONS_INIT;
  crm_pls_estimate a, b;
  o.bootstrap = 100;
  o.threads = 1;
  CHECK(crm_pls_fit(&one, model, more, 8, 3, names, &o) == CRM_OK);
  o.threads = 2;
  CHECK(crm_pls_fit(&two, model, more, 8, 3, names, &o) == CRM_OK);
  CHECK(crm_pls_bootstrap(one, &a, NULL, NULL) == CRM_OK && crm_pls_bootstrap(two, &b, NULL, NULL) == CRM_OK);
  CHECK(a.std_error == b.std_error && a.lower == b.lower && a.std_error > 0);
  CHECK_NEAR(a.t, a.estimate / a.std_error, 1e-12);
  crm_pls_free(one);
  crm_pls_free(two);
}

static void test_pls_errors(void) {
  crm_pls *pls = NULL;
  crm_pls_options o = CRM_PLS_OPTIONS_INIT;
  double missing[12];
  const char *scheme = NULL;
  int code = -1;
  memcpy(missing, data, sizeof data);
  missing[5] = NAN;
  CHECK(crm_pls_fit(&pls, "block A: a1\nblock B: b\npath A -> B\npath B -> A\n", data, 4, 3, names, NULL) ==
            CRM_EINVAL &&
        error_mentions("cycle"));
  CHECK(pls == NULL);
  CHECK(crm_pls_fit(&pls, "block A a1\n", data, 4, 3, names, NULL) == CRM_EPARSE && error_mentions("model:1"));
  CHECK(crm_pls_fit(&pls, "ecsi", data, 4, 3, names, NULL) == CRM_EINVAL && error_mentions("not a column"));
  CHECK(crm_pls_fit(&pls, model, missing, 4, 3, names, NULL) == CRM_EINVAL &&
        error_mentions("respondent 1, column b: missing answer"));
  o.max_iterations = 1;
  CHECK(crm_pls_fit(&pls, model, data, 4, 3, names, &o) == CRM_ECONVERGE && error_mentions("last largest"));
  o = (crm_pls_options)CRM_PLS_OPTIONS_INIT;
  o.scheme = 7;
  CHECK(crm_pls_fit(&pls, model, data, 4, 3, names, &o) == CRM_EINVAL && error_mentions("opts->scheme"));
  CHECK(crm_pls_fit(NULL, model, data, 4, 3, names, NULL) == CRM_EINVAL);
  CHECK(crm_pls_fit(&pls, model, data, 4, 3, NULL, NULL) == CRM_EINVAL);
  CHECK(crm_pls_counts(NULL, NULL, NULL, NULL, NULL) == CRM_EINVAL);
  scheme = crm_pls_scheme_name(CRM_PLS_SCHEME_FACTORIAL);
  CHECK(scheme != NULL && strcmp(scheme, "factorial") == 0 && crm_pls_scheme_name(3) == NULL);
  CHECK(crm_pls_index_method_parse("fornell", &code) == CRM_OK && code == CRM_PLS_INDEX_FORNELL);
  CHECK(crm_pls_index_method_parse("mean", &code) == CRM_EINVAL);
}

void run_pls_tests(void) {
  test_pls_fit();
  test_pls_bootstrap();
  test_pls_errors();
}
