/* C API: crm_rank over the 3 x 3 problem worked by hand in tests/decision/test_rank.cpp. */
#include "check.h"

/* Columns (benefit, benefit, cost), every column norm 3; weights 0.5, 0.25, 0.25. */
static const double kValues[] = {1, 2, 2, 2, 1, 2, 2, 2, 1};
static const uint8_t kDirections[] = {CRM_BENEFIT, CRM_BENEFIT, CRM_COST};
static const double kWeights[] = {0.5, 0.25, 0.25};
static const char *const kAlternatives[] = {"A", "B", "C"};
static const char *const kCriteria[] = {"quality", "speed", "price"};

static crm_decision_matrix hand_matrix(void) {
  crm_decision_matrix m = CRM_DECISION_MATRIX_INIT;
  m.values = kValues;
  m.alternatives = 3;
  m.criteria = 3;
  m.directions = kDirections;
  m.alternative_names = kAlternatives;
  m.criterion_names = kCriteria;
  return m;
}

static void test_topsis_by_hand(void) {
  /* D+ = sqrt5/12, sqrt2/12, 0; D- = 1/12, 1/6, sqrt6/12; C = 1/(1+sqrt5), 2/(2+sqrt2), 1. */
  crm_decision_matrix m = hand_matrix();
  double scores[3], best[3], worst[3];
  size_t ranks[3], order[3];
  crm_rank_result r = CRM_RANK_RESULT_INIT;
  r.scores = scores, r.ranks = ranks, r.order = order, r.distance_best = best, r.distance_worst = worst;
  CHECK(crm_rank(&m, kWeights, NULL, &r) == CRM_OK);
  CHECK_NEAR(scores[0], 1 / (1 + sqrt(5.0)), 1e-14);
  CHECK_NEAR(scores[1], 2 / (2 + sqrt(2.0)), 1e-14);
  CHECK_NEAR(scores[2], 1, 1e-14);
  CHECK_NEAR(best[0], sqrt(5.0) / 12, 1e-14);
  CHECK_NEAR(worst[2], sqrt(6.0) / 12, 1e-14);
  CHECK(ranks[0] == 3 && ranks[1] == 2 && ranks[2] == 1);
  CHECK(order[0] == 2 && order[1] == 1 && order[2] == 0);
  CHECK(r.normalization == CRM_NORMALIZATION_VECTOR && r.lower_is_better == 0);
}

static void test_vikor_and_promethee(void) {
  crm_decision_matrix m = hand_matrix();
  crm_rank_options o;
  double q[3], s[3], rr[3], plus[3], minus[3];
  uint8_t compromise[3];
  crm_rank_result r = CRM_RANK_RESULT_INIT;
  CHECK(crm_rank_options_init(&o, CRM_RANK_OPTIONS_VERSION) == CRM_OK);
  CHECK(crm_rank_method_parse("vikor", &o.method) == CRM_OK);
  r.scores = q, r.vikor_s = s, r.vikor_r = rr, r.compromise = compromise;
  /* S 0.75, 0.5, 0; R 0.5, 0.25, 0; Q 1, 7/12, 0; both conditions hold, compromise {C}. */
  CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_OK);
  CHECK_NEAR(q[1], 7.0 / 12, 1e-14);
  CHECK_NEAR(s[0], 0.75, 1e-14);
  CHECK_NEAR(rr[1], 0.25, 1e-14);
  CHECK(r.lower_is_better == 1 && r.acceptable_advantage == 1 && r.acceptable_stability == 1);
  CHECK(compromise[0] == 0 && compromise[1] == 0 && compromise[2] == 1);

  /* PROMETHEE II, usual: phi+ 1/8, 1/4, 5/8; phi- 5/8, 3/8, 0. */
  o.method = CRM_RANK_PROMETHEE;
  r = (crm_rank_result)CRM_RANK_RESULT_INIT;
  r.scores = q, r.phi_plus = plus, r.phi_minus = minus;
  CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_OK);
  CHECK_NEAR(plus[2], 0.625, 1e-14);
  CHECK_NEAR(minus[1], 0.375, 1e-14);
  CHECK_NEAR(q[0], -0.5, 1e-14);

  /* Linear preference on quality with q 0.5, p 1.5: d = 1 gives 1/2 instead of 1. */
  {
    const uint8_t functions[] = {CRM_PREFERENCE_LINEAR, CRM_PREFERENCE_USUAL, CRM_PREFERENCE_USUAL};
    const double qs[] = {0.5, 0, 0}, ps[] = {1.5, 0, 0};
    o.preference_functions = functions, o.q = qs, o.p = ps;
    CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_OK);
    CHECK_NEAR(plus[1], 0.5 * 0.25, 1e-14); /* B over A on quality: 1/2 x 1/2 share */
  }
}

static void test_rank_errors(void) {
  crm_decision_matrix m = hand_matrix();
  const double short_weights[] = {0.4, 0.25, 0.25};
  double scores[3];
  crm_rank_result r = CRM_RANK_RESULT_INIT;
  crm_rank_options o = CRM_RANK_OPTIONS_INIT;
  int code = -1;
  r.scores = scores;
  CHECK(crm_rank(&m, short_weights, NULL, &r) == CRM_EINVAL && error_mentions("0.1 short of 1"));
  CHECK(crm_rank(&m, NULL, NULL, &r) == CRM_EINVAL && error_mentions("weights is NULL"));
  m.alternatives = 1;
  m.alternative_names = NULL;
  CHECK(crm_rank(&m, kWeights, NULL, &r) == CRM_EINVAL && error_mentions("at least two alternatives"));
  m = hand_matrix();
  o.method = CRM_RANK_WPM;
  {
    double zero_cost[9];
    memcpy(zero_cost, kValues, sizeof zero_cost);
    zero_cost[5] = 0;
    m.values = zero_cost;
    CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_EINVAL &&
          error_mentions("alternative 'B', criterion 'price' (cost): 0"));
  }
  m = hand_matrix();
  o.method = 9;
  CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_EINVAL && error_mentions("opts->method is 9"));
  o = (crm_rank_options)CRM_RANK_OPTIONS_INIT;
  o.version = 99;
  CHECK(crm_rank(&m, kWeights, &o, &r) == CRM_EINVAL && error_mentions("crm_rank_options.version is 99"));
  r.version = 0;
  CHECK(crm_rank(&m, kWeights, NULL, &r) == CRM_EINVAL && error_mentions("crm_rank_result.version is 0"));
  CHECK(crm_normalization_parse("minmax", &code) == CRM_OK && code == CRM_NORMALIZATION_MINMAX);
  CHECK(strcmp(crm_preference_function_name(CRM_PREFERENCE_U_SHAPE), "u-shape") == 0);
  CHECK(strcmp(crm_criterion_direction_name(CRM_COST), "cost") == 0);
  CHECK(crm_rank_method_name(6) == NULL);
}

void run_rank_tests(void) {
  test_topsis_by_hand();
  test_vikor_and_promethee();
  test_rank_errors();
}
