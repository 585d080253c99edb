/* C API tests of category sums: the self-audit's maxima, scores, percentages and weakest
 * categories worked by hand, an unanswered item under pairwise, options and bad arguments. */
#include "check.h"

static void test_audit_scores(void) {
  /* Two respondents: categories answered alike, 5, 3, 2, 4, 4, 3, 1 (7, 5, 4, 7, 4, 7, 6
   * items); respondent 1 left item 13 (category 3's first) blank. */
  static const int answer[] = {5, 3, 2, 4, 4, 3, 1};
  static const size_t sizes[] = {7, 5, 4, 7, 4, 7, 6};
  double answers[80], score[14], pct[14], total[2], maximum[7], mean[7];
  size_t weakest[7], scored[7], i = 0, c, k;
  crm_instrument *audit = NULL;
  crm_category_result out = CRM_CATEGORY_RESULT_INIT;
  for (c = 0; c < 7; ++c)
    for (k = 0; k < sizes[c]; ++k, ++i) answers[i] = answers[40 + i] = answer[c];
  answers[40 + 12] = NAN;
  CHECK(crm_instrument_audit(&audit) == CRM_OK);
  out.score = score;
  out.percentage = pct;
  out.total = total;
  out.maximum = maximum;
  out.mean_score = mean;
  out.scored = scored;
  out.weakest = weakest;
  CHECK(crm_category_scores(audit, answers, 2, NULL, &out) == CRM_OK);
  CHECK(maximum[0] == 35 && maximum[1] == 25 && maximum[2] == 20 && maximum[3] == 35 &&
        maximum[4] == 20 && maximum[5] == 35 && maximum[6] == 30);
  CHECK(out.total_maximum == 200);
  /* 7 x 5 = 35 (100%), 4 x 2 = 8 (40%), 6 x 1 = 6 (20%); total 129 = 64.5%. */
  CHECK(score[0] == 35 && score[2] == 8 && score[6] == 6);
  CHECK_NEAR(pct[2], 40, 1e-12);
  CHECK(total[0] == 129);
  /* Pairwise: respondent 1 has no category-3 score (not 6, as if the blank were 0). */
  CHECK(isnan(score[7 + 2]) && scored[2] == 1 && scored[0] == 2 && mean[2] == 8);
  CHECK(isnan(total[1]) && out.scored_total == 1 && out.mean_total == 129);
  CHECK(weakest[0] == 6 && weakest[1] == 2 && weakest[2] == 1 && weakest[3] == 5 && weakest[6] == 0);
  crm_instrument_free(audit);
}

static void test_options_and_errors(void) {
  crm_category_options a = CRM_CATEGORY_OPTIONS_INIT, b;
  crm_category_result out = CRM_CATEGORY_RESULT_INIT;
  crm_instrument *audit = NULL;
  double answers[40], mean[7];
  size_t i;
  for (i = 0; i < 40; ++i) answers[i] = 3;
  CHECK(crm_category_options_init(&b, CRM_CATEGORY_OPTIONS_VERSION) == CRM_OK);
  CHECK(a.missing == b.missing && a.min_answered == b.min_answered);
  CHECK(crm_instrument_audit(&audit) == CRM_OK);
  /* dimension-mean fills item 13 (category 3) from items 14-16: 3 each, sum 12. */
  answers[12] = NAN;
  b.missing = CRM_MISSING_DIMENSION_MEAN;
  out.mean_score = mean;
  CHECK(crm_category_scores(audit, answers, 1, &b, &out) == CRM_OK && mean[2] == 12);
  answers[12] = 6;
  CHECK(crm_category_scores(audit, answers, 1, &b, &out) == CRM_EINVAL &&
        error_mentions("respondent 0, item 13: answer 6 is outside the scale 1-5"));
  b.min_answered = 0;
  answers[12] = 3;
  CHECK(crm_category_scores(audit, answers, 1, &b, &out) == CRM_EINVAL && error_mentions("min_answered"));
  CHECK(crm_category_scores(audit, NULL, 1, NULL, &out) == CRM_EINVAL && error_mentions("answers is NULL"));
  CHECK(crm_category_scores(audit, answers, 1, NULL, NULL) == CRM_EINVAL);
  crm_instrument_free(audit);
}

void run_audit_tests(void) {
  test_audit_scores();
  test_options_and_errors();
}
