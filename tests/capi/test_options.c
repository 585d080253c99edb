/* C API tests of what is declared once: every crm_<struct>_init gives the core's defaults,
 * which the header's _INIT macros must equal (a macro that drifts from the core fails here),
 * writes only the bytes of the layout version asked for, and refuses unknown versions; every
 * enum's crm_<enum>_name / _parse pair round-trips and refuses other values. */
#include <stddef.h>

#include "check.h"

/* Compares the *_init result with the _INIT macro field by field (padding may differ). */
static void test_options_match_macros(void) {
  {
    crm_summary_options a = CRM_SUMMARY_OPTIONS_INIT, b;
    CHECK(crm_summary_options_init(&b, CRM_SUMMARY_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.version == b.version && a.unit == b.unit && a.merge_same_day == b.merge_same_day &&
          a.has_end == b.has_end && a.has_holdout_end == b.has_holdout_end &&
          a.drop_late == b.drop_late && a.expected_customers == b.expected_customers);
  }
  {
    crm_csv_options a = CRM_CSV_OPTIONS_INIT, b;
    CHECK(crm_csv_options_init(&b, CRM_CSV_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.delimiter == b.delimiter && a.has_header == b.has_header &&
          strcmp(a.customer_column, b.customer_column) == 0 &&
          strcmp(a.time_column, b.time_column) == 0 && strcmp(a.amount_column, b.amount_column) == 0 &&
          strcmp(a.time_format, b.time_format) == 0);
  }
  {
    crm_clv_fit_options a = CRM_CLV_FIT_OPTIONS_INIT, b;
    CHECK(crm_clv_fit_options_init(&b, CRM_CLV_FIT_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.starts == b.starts && a.tolerance == b.tolerance && a.max_iterations == b.max_iterations &&
          a.penalty == b.penalty && a.require_convergence == b.require_convergence);
  }
  {
    crm_clv_options a = CRM_CLV_OPTIONS_INIT, b;
    CHECK(crm_clv_options_init(&b, CRM_CLV_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.horizon == b.horizon && a.discount_rate == b.discount_rate && a.period == b.period &&
          a.discounting == b.discounting);
  }
  {
    crm_rfm_options a = CRM_RFM_OPTIONS_INIT, b;
    CHECK(crm_rfm_options_init(&b, CRM_RFM_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.bins == b.bins && b.days_since_last_cuts == NULL && b.segments == NULL);
  }
  {
    /* The macro leaves the share lists NULL (= defaults); init points at the defaults. */
    crm_concentration_options a = CRM_CONCENTRATION_OPTIONS_INIT, b;
    CHECK(crm_concentration_options_init(&b, CRM_CONCENTRATION_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.lorenz_points == b.lorenz_points && b.top_count == 5 && b.value_share_count == 3);
    CHECK(b.top_customer_shares[0] == 0.01 && b.top_customer_shares[3] == 0.20 && b.value_shares[1] == 0.80);
  }
  {
    crm_tier_options a = CRM_TIER_OPTIONS_INIT, b;
    double cuts[3];
    size_t count = 0;
    CHECK(crm_tier_options_init(&b, CRM_TIER_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.scheme == b.scheme && a.inferior_below == b.inferior_below && b.cuts == NULL);
    CHECK(crm_tier_default_cuts(CRM_TIER_SCHEME_RANK, cuts, 3, &count) == CRM_OK && count == 3 &&
          cuts[0] == 0.01 && cuts[2] == 0.20);
    CHECK(crm_tier_default_cuts(CRM_TIER_SCHEME_SHARE, cuts, 2, &count) == CRM_EBUFS && count == 3);
    CHECK(crm_tier_default_cuts(7, cuts, 3, &count) == CRM_EINVAL && error_mentions("scheme is 7"));
  }
  {
    crm_status_options a = CRM_STATUS_OPTIONS_INIT, b;
    CHECK(crm_status_options_init(&b, CRM_STATUS_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.new_within_days == b.new_within_days && a.at_risk_multiple == b.at_risk_multiple &&
          a.lapsed_multiple == b.lapsed_multiple && a.min_interval_days == b.min_interval_days &&
          a.has_typical_interval == b.has_typical_interval);
  }
  {
    crm_stage_options a = CRM_STAGE_OPTIONS_INIT, b;
    CHECK(crm_stage_options_init(&b, CRM_STAGE_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.exploration_purchases == b.exploration_purchases && a.exploration_days == b.exploration_days &&
          a.commitment_days == b.commitment_days && a.growth == b.growth && a.decline == b.decline);
  }
  {
    crm_loyalty_options a = CRM_LOYALTY_OPTIONS_INIT, b;
    CHECK(crm_loyalty_options_init(&b, CRM_LOYALTY_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.missing == b.missing && b.driver_count == 5);
  }
  {
    crm_ahp_options a = CRM_AHP_OPTIONS_INIT, b;
    CHECK(crm_ahp_options_init(&b, CRM_AHP_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.method == b.method && a.completion == b.completion &&
          strcmp(a.random_index_table, b.random_index_table) == 0 &&
          a.random_index_values == b.random_index_values && a.random_index_count == b.random_index_count &&
          a.allow_outside_scale == b.allow_outside_scale && a.reciprocal_tolerance == b.reciprocal_tolerance &&
          a.judgments_to_report == b.judgments_to_report && a.tolerance == b.tolerance &&
          a.max_iterations == b.max_iterations);
  }
  {
    crm_retention_campaign a = CRM_RETENTION_CAMPAIGN_INIT, b;
    CHECK(crm_retention_campaign_init(&b, CRM_RETENTION_CAMPAIGN_VERSION) == CRM_OK);
    CHECK(a.acquisition_multiple == b.acquisition_multiple && a.has_acquisition_cost == b.has_acquisition_cost &&
          a.customers == b.customers);
  }
  {
    crm_chart_options a = CRM_CHART_OPTIONS_INIT, b;
    CHECK(crm_chart_options_init(&b, CRM_CHART_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.width == b.width && a.height == b.height && b.width == 640 && b.height == 360 &&
          a.title == b.title && a.marker_count == b.marker_count && a.dashed == b.dashed &&
          a.has_x_range == b.has_x_range && a.has_y_range == b.has_y_range);
  }
  {
    crm_rank_options a = CRM_RANK_OPTIONS_INIT, b;
    CHECK(crm_rank_options_init(&b, CRM_RANK_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.method == b.method && a.normalization == b.normalization &&
          a.waspas_lambda == b.waspas_lambda && a.vikor_v == b.vikor_v &&
          b.preference_functions == NULL && b.q == NULL && b.p == NULL && b.s == NULL);
  }
  {
    crm_swot_options a = CRM_SWOT_OPTIONS_INIT, b;
    CHECK(crm_swot_options_init(&b, CRM_SWOT_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.tows_per_group == b.tows_per_group && b.tows_per_group == 2);
  }
  {
    crm_sensitivity_options a = CRM_SENSITIVITY_OPTIONS_INIT, b;
    CHECK(crm_sensitivity_options_init(&b, CRM_SENSITIVITY_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.step == b.step && a.tolerance == b.tolerance);
  }
  {
    crm_monte_carlo_options a = CRM_MONTE_CARLO_OPTIONS_INIT, b;
    CHECK(crm_monte_carlo_options_init(&b, CRM_MONTE_CARLO_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.draws == b.draws && a.seed == b.seed && a.distribution == b.distribution &&
          a.concentration == b.concentration);
  }
  {
    crm_desk_options a = CRM_DESK_OPTIONS_INIT, b;
    CHECK(crm_desk_options_init(&b, CRM_DESK_OPTIONS_VERSION) == CRM_OK);
    CHECK(a.clock_mode == b.clock_mode && a.day_start_minute == b.day_start_minute &&
          a.day_end_minute == b.day_end_minute && a.working_days == b.working_days &&
          a.warning_fraction == b.warning_fraction && a.reopen_window_seconds == b.reopen_window_seconds &&
          a.next_update_seconds == b.next_update_seconds && a.escalation_changes == b.escalation_changes &&
          a.max_handovers == b.max_handovers);
  }
}

static void test_init_versions(void) {
  crm_summary_options o;
  /* Version 1 of crm_summary_options ends before expected_customers: an old caller's smaller
   * struct is not written past its end. */
  memset(&o, 0x5a, sizeof o);
  CHECK(crm_summary_options_init(&o, 1) == CRM_OK && o.version == 1 && o.unit == CRM_UNIT_WEEK);
  CHECK(((const unsigned char *)&o)[offsetof(crm_summary_options, expected_customers)] == 0x5a);
  CHECK(crm_summary_options_init(&o, 0) == CRM_EINVAL && error_mentions("version"));
  CHECK(crm_summary_options_init(&o, CRM_SUMMARY_OPTIONS_VERSION + 1) == CRM_EINVAL);
  CHECK(crm_summary_options_init(NULL, CRM_SUMMARY_OPTIONS_VERSION) == CRM_EINVAL);
  {
    /* Version 1 of crm_desk_options ends before escalation_changes. */
    crm_desk_options d;
    memset(&d, 0x5a, sizeof d);
    CHECK(crm_desk_options_init(&d, 1) == CRM_OK && d.version == 1 && d.warning_fraction == 0.8);
    CHECK(((const unsigned char *)&d)[offsetof(crm_desk_options, escalation_changes)] == 0x5a);
  }
  {
    /* A layout older than the oldest the library reads (the tier options' fixed cut array
     * of version 1) is refused, not misread. */
    crm_tier_options t = CRM_TIER_OPTIONS_INIT;
    const double v[] = {1, 2};
    t.version = 1;
    CHECK(crm_assign_tiers(v, 2, &t, NULL, NULL) == CRM_EINVAL && error_mentions("versions 2..2"));
  }
}

typedef const char *(*name_fn)(int);
typedef int (*parse_fn)(const char *, int *);

/* Every value 0..count-1 has a name that parses back to it; count and -1 have none. */
static void check_enum(name_fn name, parse_fn parse, int count, const char *first) {
  int v, back = -1;
  CHECK(strcmp(name(0), first) == 0);
  for (v = 0; v < count; ++v) CHECK(name(v) != NULL && parse(name(v), &back) == CRM_OK && back == v);
  CHECK(name(count) == NULL && name(-1) == NULL);
  CHECK(parse("no such name", &back) == CRM_EINVAL && error_mentions("expected one of"));
  CHECK(parse(NULL, &back) == CRM_EINVAL && parse(first, NULL) == CRM_EINVAL);
}

static void test_enum_names(void) {
  check_enum(crm_time_unit_name, crm_time_unit_parse, 3, "day");
  check_enum(crm_clv_kind_name, crm_clv_kind_parse, 5, "bg-nbd");
  check_enum(crm_discounting_name, crm_discounting_parse, 2, "discrete");
  check_enum(crm_tier_name, crm_tier_parse, CRM_TIER_COUNT, "key");
  check_enum(crm_tier_scheme_name, crm_tier_scheme_parse, 2, "share");
  check_enum(crm_customer_status_name, crm_customer_status_parse, CRM_STATUS_COUNT, "new");
  check_enum(crm_stage_name, crm_stage_parse, CRM_STAGE_COUNT, "awareness");
  check_enum(crm_missing_drivers_name, crm_missing_drivers_parse, 2, "reweight");
  check_enum(crm_rank_weighting_name, crm_rank_weighting_parse, 3, "rank-sum");
  check_enum(crm_priority_method_name, crm_priority_method_parse, 2, "eigen");
  check_enum(crm_completion_name, crm_completion_parse, 2, "lambda-optimal");
  check_enum(crm_rank_method_name, crm_rank_method_parse, 6, "wsm");
  check_enum(crm_normalization_name, crm_normalization_parse, 4, "auto");
  check_enum(crm_preference_function_name, crm_preference_function_parse, 6, "usual");
  check_enum(crm_criterion_direction_name, crm_criterion_direction_parse, 2, "benefit");
  check_enum(crm_weight_distribution_name, crm_weight_distribution_parse, 2, "dirichlet");
  CHECK(strcmp(crm_clv_kind_name(CRM_CLV_GAMMA_GAMMA), "gamma-gamma") == 0);
  CHECK(strcmp(crm_time_unit_name(CRM_UNIT_MONTH), "month") == 0);
  {
    crm_summary *s = NULL;
    crm_summary_options o = CRM_SUMMARY_OPTIONS_INIT;
    o.unit = 3;
    CHECK(crm_summarize(&s, NULL, NULL, NULL, 0, &o) == CRM_EINVAL && error_mentions("opts->unit is 3") &&
          error_mentions("2 (month)"));
  }
}

void run_options_tests(void) {
  test_options_match_macros();
  test_init_versions();
  test_enum_names();
}
