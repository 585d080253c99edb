/* C API tests of weighted SWOT: the hand cases of tests/decision/test_swot.cpp through the C
 * boundary, and bad arguments. */
#include "check.h"

static const crm_swot_factor kFactors[] = {
    {CRM_SWOT_STRENGTH, "brand", 0.3, 4, "Which advantages do customers name?"},
    {CRM_SWOT_STRENGTH, "service", 0.2, 3, NULL},
    {CRM_SWOT_WEAKNESS, "price", 0.3, 1, NULL},
    {CRM_SWOT_WEAKNESS, "it", 0.2, 2, NULL},
    {CRM_SWOT_OPPORTUNITY, "mobile", 0.4, 4, NULL},
    {CRM_SWOT_OPPORTUNITY, "ageing", 0.1, 2, NULL},
    {CRM_SWOT_THREAT, "rival", 0.3, 3, NULL},
    {CRM_SWOT_THREAT, "regulation", 0.2, 1, NULL}};

static void test_swot_totals(void) {
  /* IFE 2.5, EFE 2.9: IE cell V (hold and maintain), aggressive; best SO pair brand + mobile
   * 1.2 + 1.6 = 2.8. */
  crm_swot_result r = CRM_SWOT_RESULT_INIT;
  crm_tows_pair pairs[16];
  double scores[8];
  crm_swot_factor bad[8];
  r.tows = pairs;
  r.tows_capacity = 16;
  CHECK(crm_swot(kFactors, 8, NULL, scores, &r) == CRM_OK);
  CHECK_NEAR(r.ife, 2.5, 1e-14);
  CHECK_NEAR(r.efe, 2.9, 1e-14);
  CHECK(r.ie_cell == 5 && r.strategy == CRM_IE_HOLD_AND_MAINTAIN && r.quadrant == CRM_SWOT_AGGRESSIVE);
  CHECK(r.tows_count == 16 && pairs[0].type == CRM_TOWS_SO && pairs[0].internal == 0 && pairs[0].external == 4);
  CHECK_NEAR(pairs[0].score, 2.8, 1e-14);
  CHECK_NEAR(scores[6], 0.9, 1e-15);
  r.tows_capacity = 3;
  CHECK(crm_swot(kFactors, 8, NULL, NULL, &r) == CRM_EBUFS && r.tows_count == 16);
  CHECK(strcmp(crm_ie_strategy_name(CRM_IE_GROW_AND_BUILD), "grow-and-build") == 0);
  {
    int code = -1;
    CHECK(crm_swot_group_parse("O", &code) == CRM_OK && code == CRM_SWOT_OPPORTUNITY);
    CHECK(crm_swot_group_parse("X", &code) == CRM_EINVAL && error_mentions("S, W, O, T"));
  }
  memcpy(bad, kFactors, sizeof bad);
  bad[0].weight = 0.4;
  CHECK(crm_swot(bad, 8, NULL, NULL, NULL) == CRM_EINVAL && error_mentions("off 1 by 0.1"));
  memcpy(bad, kFactors, sizeof bad);
  bad[6].rating = 5;
  CHECK(crm_swot(bad, 8, NULL, NULL, NULL) == CRM_EINVAL && error_mentions("factor 'rival'"));
  bad[6].rating = 3;
  bad[6].group = 9;
  CHECK(crm_swot(bad, 8, NULL, NULL, NULL) == CRM_EINVAL && error_mentions("factors[6].group"));
}

static void test_swot_ahp_and_chart(void) {
  /* Groups p = (0.4, 0.2, 0.3, 0.1) consistent; S 3 : 1, O 1 : 1. Global 0.3, 0.1, 0.2,
   * 0.15, 0.15, 0.1. */
  const crm_swot_factor f[] = {{CRM_SWOT_STRENGTH, "s1", 0.5, 3, NULL}, {CRM_SWOT_STRENGTH, "s2", 0.5, 3, NULL},
                               {CRM_SWOT_WEAKNESS, "w1", 0, 1, NULL},   {CRM_SWOT_OPPORTUNITY, "o1", 0.5, 3, NULL},
                               {CRM_SWOT_OPPORTUNITY, "o2", 0.5, 3, NULL}, {CRM_SWOT_THREAT, "t1", 0, 1, NULL}};
  const double p[] = {0.4, 0.2, 0.3, 0.1};
  const double within[] = {1, 3, 1.0 / 3, 1, /* W */ 1, /* O */ 1, 1, 1, 1, /* T */ 1};
  double groups[16], global[6], local[6], gp[4];
  char svg[4096];
  size_t length = 0;
  int i, j;
  for (i = 0; i < 4; ++i)
    for (j = 0; j < 4; ++j) groups[i * 4 + j] = p[i] / p[j];
  CHECK(crm_swot_ahp(f, 6, groups, within, NULL, gp, local, global) == CRM_OK);
  CHECK_NEAR(gp[0], 0.4, 1e-12);
  CHECK_NEAR(local[0], 0.75, 1e-12);
  CHECK_NEAR(global[0], 0.3, 1e-12);
  CHECK_NEAR(global[4], 0.15, 1e-12);
  CHECK(crm_swot_ahp(f, 6, NULL, within, NULL, gp, NULL, NULL) == CRM_EINVAL && error_mentions("group_matrix"));
  CHECK(crm_swot_chart(kFactors, 8, "Bank", NULL, 0, &length) == CRM_EBUFS && length > 100);
  CHECK(crm_swot_chart(kFactors, 8, "Bank", svg, sizeof svg, &length) == CRM_OK);
  CHECK(strstr(svg, "<svg") != NULL && strstr(svg, "regulation") != NULL && strstr(svg, "IE cell V:") != NULL);
}

void run_swot_tests(void) {
  test_swot_totals();
  test_swot_ahp_and_chart();
}
