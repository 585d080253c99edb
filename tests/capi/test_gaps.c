/* C API tests of the five-gap model: the hand case of tests/quality/test_gaps.cpp through the
 * C boundary (not computable = NaN, the main contributor, ranked gaps, the remedy table),
 * and NULL pointers and bad values. */
#include "check.h"

static void test_gaps(void) {
  /* Dimension a: gaps -0.5, -0.5, -1, -1, -1.5 (gap 3 leads the tie with gap 4);
   * dimension b: 0, 0.5, -0.5, -1, 0.2 (gap 4 leads). */
  const double e[] = {6, 5}, m[] = {5.5, 5}, s[] = {5, 5.5}, d[] = {4, 5}, c[] = {5, 6},
               p[] = {4.5, 5.2};
  double gaps[10], overall[5];
  int main_gap[2], ranked[8], overall_ranked[4];
  crm_gap_means in = CRM_GAP_MEANS_INIT;
  crm_gap_result out = CRM_GAP_RESULT_INIT;
  in.dimensions = 2;
  in.expectations = e;
  in.management = m;
  in.specifications = s;
  in.delivered = d;
  in.communicated = c;
  in.perceptions = p;
  out.gaps = gaps;
  out.main_contributor = main_gap;
  out.ranked = ranked;
  out.overall_gaps = overall;
  out.overall_ranked = overall_ranked;
  CHECK(crm_five_gaps(&in, &out) == CRM_OK);
  CHECK(gaps[0] == -0.5 && gaps[2] == -1 && gaps[3] == -1 && gaps[4] == -1.5);
  CHECK(main_gap[0] == CRM_GAP3 && main_gap[1] == CRM_GAP4);
  CHECK(ranked[0] == CRM_GAP3 && ranked[1] == CRM_GAP4 && ranked[2] == CRM_GAP1 && ranked[3] == CRM_GAP2);
  CHECK(ranked[4] == CRM_GAP4 && ranked[5] == CRM_GAP3 && ranked[6] == -1 && ranked[7] == -1);
  CHECK_NEAR(gaps[9], 0.2, 1e-12);
  /* Overall: E 5.5, M 5.25, S 5.25, D 4.5, C 5.5, P 4.85. */
  CHECK_NEAR(overall[0], -0.25, 1e-12);
  CHECK_NEAR(overall[4], -0.65, 1e-12);
  CHECK(out.overall_main_contributor == CRM_GAP4 && overall_ranked[3] == -1);

  /* Only E and P: gaps 1-4 are not computable (NaN), and nothing falls short among them. */
  in.management = in.specifications = in.delivered = in.communicated = NULL;
  CHECK(crm_five_gaps(&in, &out) == CRM_OK);
  CHECK(isnan(gaps[0]) && isnan(gaps[3]) && gaps[4] == -1.5 && main_gap[0] == -1 && ranked[0] == -1);
}

static void test_gap_names_and_remedies(void) {
  size_t n = 0;
  const char *text = NULL;
  int code = -1;
  CHECK(strcmp(crm_gap_name(CRM_GAP5), "gap5") == 0 && crm_gap_name(5) == NULL);
  CHECK(strcmp(crm_gap_title(CRM_GAP1), "knowledge") == 0 && crm_gap_title(-1) == NULL);
  CHECK(crm_gap_source_parse("delivered", &code) == CRM_OK && code == CRM_GAP_SOURCE_DELIVERED);
  CHECK(strcmp(crm_gap_source_name(CRM_GAP_SOURCE_MANAGEMENT), "management") == 0);
  CHECK(crm_gap_remedy_count(CRM_GAP1, &n) == CRM_OK && n == 8);
  CHECK(crm_gap_remedy_count(CRM_GAP3, &n) == CRM_OK && n == 6);
  CHECK(crm_gap_remedy_count(CRM_GAP4, &n) == CRM_OK && n == 0);
  CHECK(crm_gap_remedy(CRM_GAP3, 0, &text) == CRM_OK && strcmp(text, "collect information") == 0);
  CHECK(crm_gap_remedy(CRM_GAP3, 6, &text) == CRM_EINVAL && error_mentions("out of range"));
  CHECK(crm_gap_remedy(9, 0, &text) == CRM_EINVAL && error_mentions("gap is 9"));
  CHECK(crm_gap_remedy_count(CRM_GAP1, NULL) == CRM_EINVAL);
}

static void test_gaps_bad_input(void) {
  const double e[] = {6, INFINITY};
  crm_gap_means in = CRM_GAP_MEANS_INIT;
  crm_gap_result out = CRM_GAP_RESULT_INIT;
  CHECK(crm_five_gaps(NULL, &out) == CRM_EINVAL && error_mentions("means is NULL"));
  CHECK(crm_five_gaps(&in, NULL) == CRM_EINVAL && error_mentions("out is NULL"));
  CHECK(crm_five_gaps(&in, &out) == CRM_EINVAL && error_mentions("no dimensions"));
  in.dimensions = 2;
  in.expectations = e;
  CHECK(crm_five_gaps(&in, &out) == CRM_EINVAL && error_mentions("expectations, dimension '1'"));
  in.version = 2;
  CHECK(crm_five_gaps(&in, &out) == CRM_EINVAL && error_mentions("crm_gap_means.version"));
}

static void test_gap_means_from_answers(void) {
  /* Dimensions a = {1, 2}, b = {3, reverse-coded}, scale 1-5 (tests/quality/test_gaps.cpp):
   * E means a 4, b 4 (item 3's answer 2 reversed to 4); P means a 3.25, b 1. */
  const double e[] = {4, 5, 2, 4, 3, NAN};
  const double p[] = {3, 3, 5, NAN, 4, 5};
  const double off[] = {3, 3, 6, 4, 4, 1};
  double means[CRM_GAP_SOURCE_COUNT * 2];
  crm_instrument *in = NULL;
  crm_gap_surveys s = CRM_GAP_SURVEYS_INIT, init;
  CHECK(crm_instrument_parse(&in, "scale: 1-5\ndimension: a\nitem: 1\nitem: 2\n"
                                  "dimension: b\nitem: 3 | negative | reverse\n", NULL) == CRM_OK);
  s.expectations = e;
  s.expectations_respondents = 2;
  s.perceptions = p;
  s.perceptions_respondents = 2;
  CHECK(crm_gap_means_from_answers(in, &s, means) == CRM_OK);
  CHECK(means[0] == 4 && means[1] == 4);                    /* expectations */
  CHECK(isnan(means[2]) && isnan(means[3]));                /* management: not measured */
  CHECK(means[10] == 3.25 && means[11] == 1);               /* perceptions */
  s.perceptions = off;
  CHECK(crm_gap_means_from_answers(in, &s, means) == CRM_EINVAL &&
        error_mentions("perceptions: respondent 0, item 3"));
  CHECK(crm_gap_means_from_answers(NULL, &s, means) == CRM_EINVAL && error_mentions("instrument is NULL"));
  CHECK(crm_gap_means_from_answers(in, NULL, means) == CRM_EINVAL);
  CHECK(crm_gap_means_from_answers(in, &s, NULL) == CRM_EINVAL);
  s.perceptions = NULL;
  s.expectations_respondents = 0;
  CHECK(crm_gap_means_from_answers(in, &s, means) == CRM_EINVAL && error_mentions("expectations: no respondents"));
  CHECK(crm_gap_surveys_init(&init, CRM_GAP_SURVEYS_VERSION) == CRM_OK);
  s = (crm_gap_surveys)CRM_GAP_SURVEYS_INIT;
  CHECK(init.missing == s.missing && init.min_answered == s.min_answered && init.perceptions == NULL);
  crm_instrument_free(in);
}

void run_gaps_tests(void) {
  test_gap_means_from_answers();
  test_gaps();
  test_gap_names_and_remedies();
  test_gaps_bad_input();
}
