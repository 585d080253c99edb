/* C API: weight intervals, rank acceptability and rank reversal on the cases worked by hand
 * in tests/decision/test_sensitivity.cpp. */
#include "check.h"

static void test_weight_sensitivity(void) {
  /* WSM minmax scores A (1, 0), B (0, 1), C (0.5, 0.4), weights 0.6, 0.4: A stays first for
   * criterion 0 on [1/2, 1], the ranking on [6/11, 1]; the smallest flip is criterion 0 at
   * 1/2, where B takes over. */
  const double values[] = {1, 0, 0, 1, 0.5, 0.4}, weights[] = {0.6, 0.4};
  double top_low[2], top_high[2], ranking_low[2], ranking_high[2];
  crm_decision_matrix m = CRM_DECISION_MATRIX_INIT;
  crm_rank_options o = CRM_RANK_OPTIONS_INIT;
  crm_sensitivity_options so;
  crm_weight_sensitivity_result r = CRM_WEIGHT_SENSITIVITY_RESULT_INIT;
  m.values = values, m.alternatives = 3, m.criteria = 2;
  o.method = CRM_RANK_WSM, o.normalization = CRM_NORMALIZATION_MINMAX;
  r.top_low = top_low, r.top_high = top_high, r.ranking_low = ranking_low, r.ranking_high = ranking_high;
  CHECK(crm_sensitivity_options_init(&so, CRM_SENSITIVITY_OPTIONS_VERSION) == CRM_OK);
  CHECK(crm_weight_sensitivity(&m, weights, &o, &so, &r) == CRM_OK);
  CHECK(r.exact == 1);
  CHECK_NEAR(top_low[0], 0.5, 1e-15);
  CHECK(top_high[0] == 1);
  CHECK_NEAR(ranking_low[0], 6.0 / 11, 1e-15);
  CHECK_NEAR(top_high[1], 0.5, 1e-15);
  CHECK(r.has_flip == 1 && r.flip_criterion == 0 && r.flip_winner == 1);
  CHECK_NEAR(r.flip_change, -0.1, 1e-15);
  so.step = 0.9;
  CHECK(crm_weight_sensitivity(&m, weights, &o, &so, &r) == CRM_EINVAL && error_mentions("step is 0.9"));
}

static void test_rank_acceptability(void) {
  const double values[] = {3, 1, 2, 1, 3, 2, 2, 2, 1, 1, 1, 3}, weights[] = {0.3, 0.3, 0.4};
  double a[16], b[16], central[12];
  crm_decision_matrix m = CRM_DECISION_MATRIX_INIT;
  crm_monte_carlo_options mc;
  int i, r;
  m.values = values, m.alternatives = 4, m.criteria = 3;
  CHECK(crm_monte_carlo_options_init(&mc, CRM_MONTE_CARLO_OPTIONS_VERSION) == CRM_OK);
  CHECK(mc.draws == 10000 && mc.seed == 42 && mc.distribution == CRM_WEIGHTS_DIRICHLET);
  mc.draws = 2000;
  CHECK(crm_rank_acceptability(&m, weights, NULL, &mc, a, central) == CRM_OK);
  CHECK(crm_rank_acceptability(&m, weights, NULL, &mc, b, NULL) == CRM_OK);
  CHECK(memcmp(a, b, sizeof a) == 0); /* seeded: the same draws */
  for (i = 0; i < 4; ++i) {
    double row = 0;
    for (r = 0; r < 4; ++r) row += a[i * 4 + r];
    CHECK_NEAR(row, 1, 1e-12);
  }
  CHECK(crm_weight_distribution_parse("uniform", &mc.distribution) == CRM_OK);
  CHECK(crm_rank_acceptability(&m, weights, NULL, &mc, b, NULL) == CRM_OK);
  CHECK(memcmp(a, b, sizeof a) != 0);
  mc.concentration = 0;
  mc.distribution = CRM_WEIGHTS_DIRICHLET;
  CHECK(crm_rank_acceptability(&m, weights, NULL, &mc, a, NULL) == CRM_EINVAL &&
        error_mentions("concentration is 0"));
}

static void test_rank_reversal(void) {
  /* WSM minmax, equal weights: A (4, 0), B (2, 3), C (0, 4). Removing C makes A and B tie;
   * removing B changes nothing; removing A makes B and C tie. Adding E (0, 6) changes (A, B)
   * and (A, C). */
  const double values[] = {4, 0, 2, 3, 0, 4}, weights[] = {0.5, 0.5}, e[] = {0, 6};
  crm_decision_matrix m = CRM_DECISION_MATRIX_INIT;
  crm_rank_options o = CRM_RANK_OPTIONS_INIT;
  uint8_t changed[3];
  size_t counts[3], pairs[4], count = 0;
  int winner = -1;
  m.values = values, m.alternatives = 3, m.criteria = 2;
  o.method = CRM_RANK_WSM, o.normalization = CRM_NORMALIZATION_MINMAX;
  CHECK(crm_rank_reversal_on_removal(&m, weights, &o, changed, counts) == CRM_OK);
  CHECK(counts[0] == 1 && counts[1] == 0 && counts[2] == 1);
  CHECK(changed[0] == 1 && changed[1] == 0);
  CHECK(crm_rank_reversal_on_addition(&m, weights, e, "E", &o, &winner, pairs, 1, &count) == CRM_EBUFS &&
        count == 2);
  CHECK(crm_rank_reversal_on_addition(&m, weights, e, "E", &o, &winner, pairs, 2, &count) == CRM_OK);
  CHECK(count == 2 && pairs[0] == 0 && pairs[1] == 1 && pairs[2] == 0 && pairs[3] == 2 && winner == 1);
}

void run_sensitivity_tests(void) {
  test_weight_sensitivity();
  test_rank_acceptability();
  test_rank_reversal();
}
