/* C API tests of AHP: Saaty's drinks example (values from AHPy, see
 * tests/decision/test_ahp.cpp), a consistent matrix, small buffers, bad cells, custom
 * random-index tables and a hierarchy. */
#include "check.h"

static const double kDrinks[49] = {
    1,       9, 5,       2,       1,       1,       0.5,      1 / 9.,  1,       1 / 3.,
    1 / 9.,  1 / 9., 1 / 9., 1 / 9., 1 / 5., 3,       1,        1 / 3.,  1 / 4.,  1 / 3.,
    1 / 9.,  1 / 2., 9,      3,      1,      1 / 2.,  1,        1 / 3.,  1,       9,
    4,       2,      1,      2,      1 / 2., 1,       9,        3,       1,       1 / 2.,
    1,       1 / 3., 2,      9,      9,      3,       2,        3,       1};

static void test_ahp_drinks(void) {
  crm_ahp_options o = CRM_AHP_OPTIONS_INIT;
  crm_ahp_result r = CRM_AHP_RESULT_INIT;
  crm_ahp_judgment worst[3];
  double w[7], m[49];
  o.random_index_table = "saaty-2005";
  r.matrix = m;
  r.inconsistent = worst;
  r.inconsistent_capacity = 2;
  CHECK(crm_ahp(kDrinks, 7, NULL, &o, w, &r) == CRM_EBUFS && r.inconsistent_count == 3);
  r.inconsistent_capacity = 3;
  CHECK(crm_ahp(kDrinks, 7, NULL, &o, w, &r) == CRM_OK);
  CHECK_NEAR(w[6], 0.326792639268, 1e-11);
  CHECK_NEAR(w[1], 0.019149476024, 1e-11);
  CHECK_NEAR(r.cr, 0.021806054238, 1e-11);
  CHECK(r.random_index == 1.35 && r.missing == 0 && m[1] == 9 && r.inconsistent_count == 3);
  CHECK(worst[0].row < worst[0].column && worst[0].cr_if_changed < r.cr);
  /* Defaults (NULL options): the 1980 table, RI(7) = 1.32. */
  CHECK(crm_ahp(kDrinks, 7, NULL, NULL, w, &r) == CRM_OK && r.random_index == 1.32);
}

static void test_ahp_errors_and_tables(void) {
  const double a[9] = {1, 3, 5, 1 / 3., 1, 2, 1 / 5., 1 / 2., 1};
  const double missing[9] = {1, 2, NAN, 0.5, 1, 2, NAN, 0.5, 1};
  double bad[9], w[3], table[32];
  const double own[3] = {0, 0, 0.5};
  const char *names[3] = {"price", "quality", "speed"};
  size_t count = 0;
  crm_ahp_options o = CRM_AHP_OPTIONS_INIT;
  crm_ahp_result r = CRM_AHP_RESULT_INIT;
  memcpy(bad, a, sizeof bad);
  bad[1] = 2;
  CHECK(crm_ahp(bad, 3, names, NULL, w, NULL) == CRM_EINVAL && error_mentions("'price' vs 'quality' = 2"));
  bad[1] = 12;
  bad[3] = 1 / 12.;
  CHECK(crm_ahp(bad, 3, NULL, NULL, w, NULL) == CRM_EINVAL && error_mentions("row 0, column 1 is 12"));
  o.allow_outside_scale = 1;
  CHECK(crm_ahp(bad, 3, NULL, &o, w, NULL) == CRM_OK);
  /* A missing pair completed: a consistent chain 2 x 2 gives 4. */
  CHECK(crm_ahp(missing, 3, NULL, NULL, w, &r) == CRM_OK && r.missing == 1);
  CHECK_NEAR(w[0] / w[2], 4, 1e-8);
  CHECK_NEAR(r.cr, 0, 1e-9);
  o = (crm_ahp_options)CRM_AHP_OPTIONS_INIT;
  o.completion = CRM_COMPLETION_HARKER;
  CHECK(crm_ahp(missing, 3, NULL, &o, w, NULL) == CRM_OK);
  CHECK_NEAR(w[0] / w[2], 4, 1e-12);
  o.random_index_table = "bogus";
  CHECK(crm_ahp(a, 3, NULL, &o, w, NULL) == CRM_EINVAL && error_mentions("unknown random-index table"));
  /* A caller's table: CR = CI / 0.5. */
  o.random_index_table = "mine";
  o.random_index_values = own;
  o.random_index_count = 3;
  CHECK(crm_ahp(a, 3, NULL, &o, w, &r) == CRM_OK && r.random_index == 0.5);
  CHECK_NEAR(r.cr, r.ci / 0.5, 1e-15);
  o.version = 9;
  CHECK(crm_ahp(a, 3, NULL, &o, w, NULL) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_ahp(NULL, 3, NULL, NULL, w, NULL) == CRM_EINVAL);
  CHECK(crm_ahp(a, 3, NULL, NULL, NULL, NULL) == CRM_EINVAL);
  /* Bundled tables. */
  CHECK(strcmp(crm_random_index_table_name(0), "saaty") == 0 && crm_random_index_table_name(3) == NULL);
  CHECK(crm_random_index_table("donegan-dodd", table, 32, &count) == CRM_OK && count == 20 && table[2] == 0.4914);
  CHECK(crm_random_index_table("saaty", table, 3, &count) == CRM_EBUFS && count == 15);
}

static void test_hierarchy(void) {
  /* Goal -> A (0.6) -> {A1, A2} (0.5 each); B (0.4); leaves B, A1, A2 (node order). */
  const crm_hierarchy_node nodes[4] = {{"A", CRM_GOAL, 0.6}, {"B", CRM_GOAL, 0.4}, {"A1", 0, 0.5}, {"A2", 0, 0.5}};
  const double leaf[6] = {0.5, 0.5, 0.7, 0.3, 0.2, 0.8};
  crm_hierarchy_node off[4];
  double global[4], scores[2];
  CHECK(crm_synthesize_hierarchy(nodes, 4, leaf, 2, global, scores) == CRM_OK);
  CHECK_NEAR(global[3], 0.3, 1e-15);
  CHECK_NEAR(scores[0], 0.47, 1e-15);
  CHECK(crm_synthesize_hierarchy(nodes, 4, leaf, 2, global, NULL) == CRM_EINVAL && error_mentions("out_scores"));
  memcpy(off, nodes, sizeof off);
  off[1].local_weight = 0.5;
  CHECK(crm_synthesize_hierarchy(off, 4, NULL, 0, global, NULL) == CRM_EINVAL && error_mentions("the goal sum to 1.1"));
}

void run_ahp_tests(void) {
  test_ahp_drinks();
  test_ahp_errors_and_tables();
  test_hierarchy();
}
