/* C API tests of SERVQUAL scores: the hand-computed case of tests/quality/test_servqual.cpp
 * through the C boundary (gaps, both conventions, weights, SERVPERF, zone of tolerance),
 * options init against the macro, and bad arguments. */
#include "check.h"

/* a = {a1, a2}, b = {b1} on 1-7. Gaps P - E: r0 -1 -1 +1, r1 0 -2 +1, r2 -1 -2 0. */
static const char *const kSmall = "dimension: a\nitem: a1\nitem: a2\ndimension: b\nitem: b1\n";
static const double kE[] = {6, 7, 5, 5, 6, 6, 7, 7, 4};
static const double kP[] = {5, 6, 6, 5, 4, 7, 6, 5, 4};

static void test_servqual_scores(void) {
  crm_instrument *in = NULL;
  crm_servqual_result out = CRM_SERVQUAL_RESULT_INIT;
  crm_estimate item_gap[3], dim_gap[2], dim_p[2];
  double per[6], weighted[3];
  const double w[] = {70, 30, 50, 50, 100, 0};
  CHECK(crm_instrument_parse(&in, kSmall, NULL) == CRM_OK);
  out.item_gap = item_gap;
  out.dimension_gap = dim_gap;
  out.dimension_perceived = dim_p;
  out.respondent_dimension_gap = per;
  out.respondent_weighted_gap = weighted;
  CHECK(crm_servqual(in, kE, kP, NULL, w, 3, NULL, &out) == CRM_OK);
  /* Item gaps -2/3, -5/3, 2/3; dimensions -7/6 and 2/3; overall -5/9 (items), -1/4 (dims). */
  CHECK_NEAR(item_gap[1].mean, -5.0 / 3, 1e-12);
  CHECK(item_gap[1].n == 3);
  CHECK_NEAR(dim_gap[0].mean, -7.0 / 6, 1e-12);
  /* sd sqrt(1/12); half-width t(0.975, 2) = 4.302653 x sd / sqrt(3) = 0.7171088. */
  CHECK_NEAR(dim_gap[0].sd, sqrt(1.0 / 12), 1e-12);
  CHECK_NEAR(dim_gap[0].upper - dim_gap[0].mean, 0.7171088, 1e-6);
  CHECK_NEAR(out.gap_mean_of_items, -5.0 / 9, 1e-12);
  CHECK_NEAR(out.gap_mean_of_dimensions, -0.25, 1e-12);
  CHECK_NEAR(out.servperf_mean_of_items, 48.0 / 9, 1e-12);
  CHECK_NEAR(dim_p[1].mean, 17.0 / 3, 1e-12);
  /* Weighted: -0.4, 0, -1.5 -> mean -1.9 / 3. */
  CHECK(out.has_weights == 1 && out.has_adequate == 0 && out.respondents_used == 3);
  CHECK_NEAR(weighted[0], -0.4, 1e-12);
  CHECK_NEAR(out.weighted_gap.mean, -1.9 / 3, 1e-12);
  CHECK(out.weighted_gap.n == 3);
  CHECK(per[4] == -1.5 && per[5] == 0);
  crm_instrument_free(in);
}

static void test_zone_of_tolerance(void) {
  /* Desired 6, adequate 4; P a1 = 4 (on the adequate boundary), a2 = 6 (on the desired
   * boundary), b1 = 3 and 4 (MSA -0.5): within, within, below. */
  crm_instrument *in = NULL;
  crm_servqual_result out = CRM_SERVQUAL_RESULT_INIT;
  const double e[] = {6, 6, 6, 6, 6, 6}, a[] = {4, 4, 4, 4, 4, 4}, p[] = {4, 6, 3, 4, 6, 4};
  uint8_t zone[3], dzone[2];
  crm_estimate msa[3];
  CHECK(crm_instrument_parse(&in, kSmall, NULL) == CRM_OK);
  out.item_zone = zone;
  out.item_msa = msa;
  out.dimension_zone = dzone;
  CHECK(crm_servqual(in, e, p, a, NULL, 2, NULL, &out) == CRM_OK);
  CHECK(out.has_adequate == 1);
  CHECK(zone[0] == CRM_ZONE_WITHIN && zone[1] == CRM_ZONE_WITHIN && zone[2] == CRM_ZONE_BELOW);
  CHECK(msa[0].mean == 0 && msa[2].mean == -0.5);
  CHECK(dzone[0] == CRM_ZONE_WITHIN && dzone[1] == CRM_ZONE_BELOW);
  CHECK(strcmp(crm_zone_position_name(CRM_ZONE_ABOVE), "above") == 0);
  crm_instrument_free(in);
}

static void test_options_and_errors(void) {
  crm_instrument *in = NULL;
  crm_servqual_options a = CRM_SERVQUAL_OPTIONS_INIT, b;
  crm_servqual_result out = CRM_SERVQUAL_RESULT_INIT;
  const double short_weights[] = {70, 30, 50, 40, 100, 0};
  double off[9];
  int zone = -1;
  memcpy(off, kP, sizeof off);
  off[4] = 9;
  CHECK(crm_servqual_options_init(&b, CRM_SERVQUAL_OPTIONS_VERSION) == CRM_OK);
  CHECK(a.missing == b.missing && a.min_answered == b.min_answered && a.confidence == b.confidence);
  CHECK(crm_servqual_options_init(&b, 99) == CRM_EINVAL);
  CHECK(crm_zone_position_parse("within", &zone) == CRM_OK && zone == CRM_ZONE_WITHIN);
  CHECK(crm_zone_position_parse("inside", &zone) == CRM_EINVAL);
  CHECK(crm_instrument_parse(&in, kSmall, NULL) == CRM_OK);
  CHECK(crm_servqual(in, kE, kP, NULL, short_weights, 3, NULL, &out) == CRM_EINVAL &&
        error_mentions("respondent 1: importance weights sum to 90, 10 short of 100"));
  CHECK(crm_servqual(in, kE, off, NULL, NULL, 3, NULL, &out) == CRM_EINVAL &&
        error_mentions("perceived answers: respondent 1, item a2: answer 9"));
  CHECK(crm_servqual(in, NULL, kP, NULL, NULL, 3, NULL, &out) == CRM_EINVAL && error_mentions("expected is NULL"));
  CHECK(crm_servqual(in, kE, kP, NULL, NULL, (size_t)-1, NULL, &out) == CRM_EINVAL &&
        error_mentions("cannot be in memory"));
  b.confidence = 1.5;
  CHECK(crm_servqual(in, kE, kP, NULL, NULL, 3, &b, &out) == CRM_EINVAL && error_mentions("confidence 1.5"));
  crm_servqual_options_init(&b, CRM_SERVQUAL_OPTIONS_VERSION);
  b.missing = 7;
  CHECK(crm_servqual(in, kE, kP, NULL, NULL, 3, &b, &out) == CRM_EINVAL && error_mentions("opts->missing is 7"));
  out.version = 0;
  CHECK(crm_servqual(in, kE, kP, NULL, NULL, 3, NULL, &out) == CRM_EINVAL);
  CHECK(crm_servqual(NULL, kE, kP, NULL, NULL, 3, NULL, &out) == CRM_EINVAL);
  crm_instrument_free(in);
}

void run_servqual_tests(void) {
  test_servqual_scores();
  test_zone_of_tolerance();
  test_options_and_errors();
}
