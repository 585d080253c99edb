/* C API tests of criterion weights: hand cases through the C boundary (the same cases as
 * tests/decision/test_weights.cpp) and bad arguments. */
#include "check.h"

static void test_weights(void) {
  const double points[] = {50, 30, 20}, bad[] = {1, -1};
  const double ranks[] = {2, 1, 3};
  const double x[] = {250, 16, 12, 200, 16, 8, 300, 32, 16, 275, 32, 8, 225, 16, 16};
  const double e[] = {7, 9, 9, 8, 7, 8, 9, 6, 8, 6, 7, 8};
  const uint8_t cost[] = {1, 0, 0};
  double w[3];
  CHECK(crm_direct_weights(points, 3, w) == CRM_OK && w[0] == 0.5 && w[2] == 0.2);
  CHECK(crm_direct_weights(bad, 2, w) == CRM_EINVAL && error_mentions("criterion 1"));
  CHECK(crm_direct_weights(points, 3, NULL) == CRM_EINVAL && error_mentions("out_weights"));
  CHECK(crm_direct_weights(NULL, 3, w) == CRM_EINVAL);
  /* Rank-order centroid of ranks 2, 1, 3: 5/18, 11/18, 2/18. */
  CHECK(crm_rank_weights(ranks, 3, CRM_RANK_ORDER_CENTROID, w) == CRM_OK);
  CHECK_NEAR(w[0], 5.0 / 18, 1e-15);
  CHECK_NEAR(w[1], 11.0 / 18, 1e-15);
  CHECK(crm_rank_weights(ranks, 3, 7, w) == CRM_EINVAL && error_mentions("method is 7"));
  /* Entropy and CRITIC: NumPy values of tests/decision/reference/weights_reference.py. */
  CHECK(crm_entropy_weights(e, 4, 3, w) == CRM_OK);
  CHECK_NEAR(w[2], 0.05739053276880858, 1e-13);
  CHECK(crm_critic_weights(x, 5, 3, cost, w) == CRM_OK);
  CHECK_NEAR(w[0], 0.31559462777927016, 1e-13);
  CHECK_NEAR(w[1], 0.39384517017185194, 1e-13);
  CHECK(crm_critic_weights(x, 1, 3, NULL, w) == CRM_EINVAL && error_mentions("two alternatives"));
}

void run_weights_tests(void) { test_weights(); }
