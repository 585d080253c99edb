/* C API tests of importance-performance analysis: hand-computed quadrants with stated and
 * derived importance through the C boundary, enum names, NULL pointers and bad options. */
#include "check.h"

/* Two respondents x four items on 1-7: performance means 3, 6, 2, 5; stated importance
 * means 6, 6, 3, 4.2. Crosshair at the data means (4.8, 4): quadrants concentrate here,
 * keep up the good work, low priority, possible overkill; at the midpoint 4 item 4 (4.2)
 * becomes important (keep up the good work). */
static const double perf[] = {2, 7, 1, 5, 4, 5, 3, 5};
static const double imp[] = {6, 5, 3, 4.2, 6, 7, 3, 4.2};

static void test_ipa_stated(void) {
  double importance[4], performance[4];
  uint8_t quadrant[4];
  crm_ipa_result out = CRM_IPA_RESULT_INIT;
  crm_ipa_options o = CRM_IPA_OPTIONS_INIT, init;
  out.importance = importance;
  out.performance = performance;
  out.quadrant = quadrant;
  CHECK(crm_ipa(perf, 2, 4, imp, 2, NULL, &o, &out) == CRM_OK);
  CHECK_NEAR(performance[0], 3, 1e-12);
  CHECK_NEAR(importance[3], 4.2, 1e-12);
  CHECK_NEAR(out.importance_crosshair, 4.8, 1e-12);
  CHECK_NEAR(out.performance_crosshair, 4, 1e-12);
  CHECK(quadrant[0] == CRM_IPA_CONCENTRATE_HERE && quadrant[1] == CRM_IPA_KEEP_UP_THE_GOOD_WORK &&
        quadrant[2] == CRM_IPA_LOW_PRIORITY && quadrant[3] == CRM_IPA_POSSIBLE_OVERKILL);
  o.crosshair = CRM_IPA_SCALE_MIDPOINT;
  CHECK(crm_ipa(perf, 2, 4, imp, 2, NULL, &o, &out) == CRM_OK);
  CHECK(quadrant[3] == CRM_IPA_KEEP_UP_THE_GOOD_WORK && out.importance_crosshair == 4);

  CHECK(crm_ipa_options_init(&init, CRM_IPA_OPTIONS_VERSION) == CRM_OK);
  o = (crm_ipa_options)CRM_IPA_OPTIONS_INIT;
  CHECK(init.importance == o.importance && init.crosshair == o.crosshair &&
        init.scale_min == o.scale_min && init.scale_max == o.scale_max);
}

static void test_ipa_derived(void) {
  /* x1 = 1,2,3,4; x2 = 1,3,2,4; overall 2,3,5,6: r = 7/sqrt(50), 5/sqrt(50); beta weights
   * 1.178511, -0.235702 (by hand in tests/quality/test_ipa.cpp). */
  const double p[] = {1, 1, 2, 3, 3, 2, 4, 4};
  const double y[] = {2, 3, 5, 6};
  double importance[2];
  uint8_t quadrant[2];
  crm_ipa_result out = CRM_IPA_RESULT_INIT;
  crm_ipa_options o = CRM_IPA_OPTIONS_INIT;
  out.importance = importance;
  out.quadrant = quadrant;
  o.importance = CRM_IPA_CORRELATION;
  CHECK(crm_ipa(p, 4, 2, NULL, 0, y, &o, &out) == CRM_OK);
  CHECK_NEAR(importance[0], 7 / sqrt(50.0), 1e-12);
  CHECK_NEAR(importance[1], 5 / sqrt(50.0), 1e-12);
  o.importance = CRM_IPA_REGRESSION;
  CHECK(crm_ipa(p, 4, 2, NULL, 0, y, &o, &out) == CRM_OK);
  CHECK_NEAR(importance[0], 1.178511, 1e-6);
  CHECK_NEAR(importance[1], -0.235702, 1e-6);
  CHECK(quadrant[0] == CRM_IPA_CONCENTRATE_HERE && quadrant[1] == CRM_IPA_LOW_PRIORITY);
  CHECK(crm_ipa(p, 4, 2, NULL, 0, NULL, &o, &out) == CRM_EINVAL && error_mentions("overall is NULL"));
  o.crosshair = CRM_IPA_SCALE_MIDPOINT;
  CHECK(crm_ipa(p, 4, 2, NULL, 0, y, &o, &out) == CRM_EINVAL && error_mentions("needs stated importance"));
}

static void test_ipa_bad_input(void) {
  crm_ipa_result out = CRM_IPA_RESULT_INIT;
  crm_ipa_options o = CRM_IPA_OPTIONS_INIT;
  int code = -1;
  CHECK(crm_ipa(NULL, 2, 4, imp, 2, NULL, NULL, &out) == CRM_EINVAL && error_mentions("performance is NULL"));
  CHECK(crm_ipa(perf, 2, 4, NULL, 2, NULL, NULL, &out) == CRM_EINVAL && error_mentions("importance is NULL"));
  CHECK(crm_ipa(perf, 2, 4, imp, 2, NULL, NULL, NULL) == CRM_EINVAL);
  o.scale_max = 4;
  CHECK(crm_ipa(perf, 2, 4, imp, 2, NULL, &o, &out) == CRM_EINVAL && error_mentions("outside the scale 1-4"));
  o = (crm_ipa_options)CRM_IPA_OPTIONS_INIT;
  o.importance = 3;
  CHECK(crm_ipa(perf, 2, 4, imp, 2, NULL, &o, &out) == CRM_EINVAL && error_mentions("opts->importance"));
  CHECK(strcmp(crm_ipa_quadrant_name(CRM_IPA_POSSIBLE_OVERKILL), "possible-overkill") == 0);
  CHECK(crm_ipa_quadrant_name(4) == NULL);
  CHECK(crm_ipa_importance_parse("regression", &code) == CRM_OK && code == CRM_IPA_REGRESSION);
  CHECK(crm_ipa_crosshair_parse("scale-midpoint", &code) == CRM_OK && code == CRM_IPA_SCALE_MIDPOINT);
  CHECK(crm_ipa_crosshair_parse("centre", &code) == CRM_EINVAL && error_mentions("data-means"));
}

void run_ipa_tests(void) {
  test_ipa_stated();
  test_ipa_derived();
  test_ipa_bad_input();
}
