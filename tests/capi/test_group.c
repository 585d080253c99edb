/* C API tests of group decisions: the hand cases of tests/decision/test_group.cpp through
 * the C boundary, and bad arguments. */
#include <math.h>

#include "check.h"

/* Items A..D by three members: M1 1 2 3 4, M2 1 2.5 2.5 4, M3 2 1 3 4 (items x members). */
static const double kRanks[] = {1, 1, 2, 2, 2.5, 1, 3, 2.5, 3, 4, 4, 4};
static const char* const kItems[] = {"A", "B", "C", "D"};
static const char* const kMembers[] = {"M1", "M2", "M3"};

static crm_rankings three_members(void) {
  crm_rankings r = CRM_RANKINGS_INIT;
  r.ranks = kRanks;
  r.items = 4;
  r.members = 3;
  r.item_names = kItems;
  r.member_names = kMembers;
  return r;
}

static void test_concordance(void) {
  crm_rankings r = three_members();
  crm_concordance c = CRM_CONCORDANCE_INIT;
  double sums[4], x = 0;
  /* W = 450 / 522 = 25/29, chi-square 225/29 on 3 df, p = 0.0512728003338157 (hand). */
  CHECK(crm_kendall_w(&r, &c, sums) == CRM_OK);
  CHECK_NEAR(c.w, 25.0 / 29, 1e-14);
  CHECK(c.df == 3 && c.ties_correction == 6 && sums[1] == 5.5);
  CHECK_NEAR(c.p_value, 0.0512728003338157, 1e-12);
  CHECK(crm_footrule((const double[]){1, 2, 3, 4}, (const double[]){4, 3, 2, 1}, 4, &x) == CRM_OK && x == 8);
  CHECK(crm_kendall_tau((const double[]){1, 2, 3, 4}, (const double[]){2, 1, 3, 4}, 4, &x) == CRM_OK);
  CHECK_NEAR(x, 2.0 / 3, 1e-15);
  {
    double points[4], tau[3], foot[3];
    size_t ranks[4];
    CHECK(crm_borda(&r, points, ranks, tau, foot) == CRM_OK);
    CHECK(points[0] == 8 && points[1] == 6.5 && ranks[3] == 4 && foot[2] == 2);
  }
  {
    double bad[12];
    memcpy(bad, kRanks, sizeof bad);
    bad[3] = 1; /* M1 ranks B first as well as A */
    r.ranks = bad;
    CHECK(crm_kendall_w(&r, &c, NULL) == CRM_EINVAL && error_mentions("member 'M1'") &&
          error_mentions("share rank 1"));
  }
  r.version = 99;
  CHECK(crm_kendall_w(&r, &c, NULL) == CRM_EINVAL);
  CHECK(crm_kendall_w(NULL, &c, NULL) == CRM_EINVAL);
}

static void test_aggregation(void) {
  /* Cell (0,1): sqrt(2 x 8) = 4; AIP with consistent members (4,2,1)/7 and (1,1,1)/3. */
  const double two[] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1, 1, 8, 1, 0.125, 1, 0.5, 1, 2, 1};
  const double flat[] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const double weights[] = {0.25, 0.75}, off[] = {0.5, 0.6};
  double p[3], matrix[9], cr[2];
  crm_ahp_result g = CRM_AHP_RESULT_INIT;
  g.matrix = matrix;
  CHECK(crm_aggregate_judgments(two, 2, 3, NULL, NULL, p, &g, cr) == CRM_OK);
  CHECK_NEAR(matrix[1], 4, 1e-14);
  CHECK_NEAR(matrix[1] * matrix[3], 1, 1e-14);
  CHECK_NEAR(cr[0], 0, 1e-12);
  CHECK(crm_aggregate_priorities(flat, 2, 3, weights, NULL, p, NULL, NULL) == CRM_OK);
  CHECK_NEAR(p[0], 0.25 * 4 / 7 + 0.75 / 3, 1e-12);
  CHECK(crm_aggregate_judgments(two, 2, 3, off, NULL, p, NULL, NULL) == CRM_EINVAL &&
        error_mentions("off 1 by 0.1"));
  CHECK(crm_aggregate_judgments(two, 2, 3, NULL, NULL, NULL, NULL, NULL) == CRM_EINVAL &&
        error_mentions("out_priorities"));
}

static void test_team(void) {
  crm_rankings r = three_members();
  const double team[] = {1, 3, 2, 4}, expert[] = {1, 2, 3, 4}, tied[] = {1, 1, 3, 4};
  crm_team_exercise_result t = CRM_TEAM_EXERCISE_RESULT_INIT;
  double errors[3];
  /* Errors 0, 1, 2 (mean 1); team 2: gain -1; dominant M2 at 1, consensus also 1 from M2. */
  CHECK(crm_team_exercise(&r, team, expert, &t, errors) == CRM_OK);
  CHECK(errors[0] == 0 && errors[1] == 1 && errors[2] == 2);
  CHECK(t.team_error == 2 && t.synergy_gain == -1 && !t.beats_average && t.best_member == 0);
  CHECK(t.dominant_member == 1 && !t.groupthink_sign);
  CHECK_NEAR(t.concordance.w, 25.0 / 29, 1e-14);
  CHECK(crm_team_exercise(&r, tied, expert, &t, NULL) == CRM_EINVAL && error_mentions("team"));
  CHECK(crm_team_exercise(&r, NULL, expert, &t, NULL) == CRM_EINVAL && error_mentions("team"));
}

void run_group_tests(void) {
  test_concordance();
  test_aggregation();
  test_team();
}
