/* C API tests of the customer pyramid and tier migration: hand-computed cases through the C boundary, and every
 * function with NULL pointers, zero lengths, bad values and small buffers. */
#include "check.h"

static void test_tiers(void) {
  /* Share scheme 0.5/0.8/0.95 over the non-inferior total 195 (-3 is inferior: below 0):
   * 100 key (nothing above); 50 major (100/195 = 0.51 above); 30 major (150/195 = 0.77);
   * 10 ordinary (180/195 = 0.92); 5 small (190/195 = 0.97). */
  const double v[] = {100, 50, 30, 10, 5, -3};
  uint8_t t[6];
  size_t customers[CRM_TIER_COUNT];
  double customer_share[CRM_TIER_COUNT], value[CRM_TIER_COUNT], value_share[CRM_TIER_COUNT];
  double mean_value[CRM_TIER_COUNT], min_value[CRM_TIER_COUNT], max_value[CRM_TIER_COUNT];
  const double rank_cuts[] = {0.2, 0.5, 0.8}, unordered_cuts[] = {0.2, 0.1, 0.8};
  crm_tier_table table = CRM_TIER_TABLE_INIT;
  crm_tier_options o = CRM_TIER_OPTIONS_INIT;
  const double same[] = {7, 7, 7};
  const uint8_t bad_tier[] = {0, 9, 0};
  table.tier_capacity = CRM_TIER_COUNT;
  table.tier_customers = customers;
  table.customer_share = customer_share;
  table.value = value;
  table.value_share = value_share;
  table.mean_value = mean_value;
  table.min_value = min_value;
  table.max_value = max_value;
  CHECK(crm_assign_tiers(v, 6, NULL, t, &table) == CRM_OK);
  CHECK(t[0] == CRM_TIER_KEY && t[1] == CRM_TIER_MAJOR && t[2] == CRM_TIER_MAJOR &&
        t[3] == CRM_TIER_ORDINARY && t[4] == CRM_TIER_SMALL && t[5] == CRM_TIER_INFERIOR);
  CHECK(table.customers == 6 && table.total_value == 192);
  CHECK(customers[CRM_TIER_MAJOR] == 2 && value[CRM_TIER_MAJOR] == 80);
  CHECK(mean_value[CRM_TIER_MAJOR] == 40 && min_value[CRM_TIER_MAJOR] == 30 && max_value[CRM_TIER_MAJOR] == 50);
  CHECK_NEAR(value_share[CRM_TIER_KEY], 100.0 / 192, 1e-12);
  CHECK_NEAR(customer_share[CRM_TIER_INFERIOR], 1.0 / 6, 1e-12);
  /* A column shorter than the tiers: CRM_EBUFS before anything is written. */
  table.tier_capacity = 4;
  customers[0] = 99;
  CHECK(crm_assign_tiers(v, 6, NULL, t, &table) == CRM_EBUFS && customers[0] == 99);
  table.tier_capacity = CRM_TIER_COUNT;
  /* Rank scheme, cuts 0.2/0.5/0.8 of the customers, nobody inferior with -HUGE_VAL; share of
   * the 6 customers strictly above: 100 key (0), 50 key (1/6 < 0.2), 30 major (2/6 < 0.5), 10
   * ordinary (3/6 < 0.8), 5 ordinary (4/6), -3 small (5/6). */
  o.scheme = CRM_TIER_SCHEME_RANK;
  o.cuts = rank_cuts;
  o.cut_count = 3;
  o.inferior_below = -HUGE_VAL;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_OK);
  CHECK(t[0] == 0 && t[1] == 0 && t[2] == 1 && t[3] == 2 && t[4] == 2 && t[5] == 3);
  /* All-equal values are all key customers. */
  CHECK(crm_assign_tiers(same, 3, NULL, t, NULL) == CRM_OK && t[0] == 0 && t[2] == 0);
  o.cuts = unordered_cuts;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL && error_mentions("strictly increasing"));
  o.cut_count = 2;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL && error_mentions("expected 3"));
  o.cuts = rank_cuts;
  o.cut_count = 3;
  o.scheme = 7;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL && error_mentions("scheme"));
  o.scheme = CRM_TIER_SCHEME_SHARE;
  o.inferior_below = NAN;
  CHECK(crm_assign_tiers(v, 6, &o, t, NULL) == CRM_EINVAL);
  CHECK(crm_assign_tiers(v, 0, NULL, t, NULL) == CRM_EINVAL);
  CHECK(crm_assign_tiers(NULL, 6, NULL, t, NULL) == CRM_EINVAL);
  table.version = 0;
  CHECK(crm_assign_tiers(v, 6, NULL, t, &table) == CRM_EINVAL && error_mentions("crm_tier_table.version"));
  table.version = CRM_TIER_TABLE_VERSION;

  /* Table of a given assignment: last period's tiers with new values. */
  CHECK(crm_tier_table_of(same, t, 3, &table) == CRM_OK && customers[0] == 3 && value[0] == 21);
  CHECK(crm_tier_table_of(same, bad_tier, 3, &table) == CRM_EINVAL && error_mentions("tiers[1] = 9"));
  CHECK(crm_tier_table_of(same, NULL, 3, &table) == CRM_EINVAL);
  CHECK(crm_tier_table_of(same, t, 3, NULL) == CRM_EINVAL);
  CHECK(strcmp(crm_tier_name(CRM_TIER_ORDINARY), "ordinary") == 0 && crm_tier_name(9) == NULL);
}

static void test_migration(void) {
  /* Before: 1 key, 2 major, 3 ordinary; after: 2 key, 3 key, 4 small. 1 left (key -> absent),
   * 2 and 3 moved up, 4 entered (absent -> small). */
  const int64_t before_ids[] = {1, 2, 3}, after_ids[] = {2, 3, 4}, dup_ids[] = {2, 2, 4};
  const uint8_t before[] = {0, 1, 2}, after[] = {0, 0, 3};
  size_t counts[(CRM_TIER_COUNT + 1) * (CRM_TIER_COUNT + 1)];
  crm_tier_migration_result m = CRM_TIER_MIGRATION_RESULT_INIT;
#define CELL(from, to) counts[(from) * (CRM_TIER_COUNT + 1) + (to)]
  m.counts = counts;
  m.count_capacity = sizeof counts / sizeof counts[0];
  CHECK(crm_tier_migration(before_ids, before, 3, after_ids, after, 3, &m) == CRM_OK);
  CHECK(CELL(0, CRM_TIER_ABSENT) == 1 && CELL(1, 0) == 1 && CELL(2, 0) == 1 && CELL(CRM_TIER_ABSENT, 3) == 1 &&
        CELL(0, 0) == 0);
#undef CELL
  m.count_capacity = 35;
  CHECK(crm_tier_migration(before_ids, before, 3, after_ids, after, 3, &m) == CRM_EBUFS && error_mentions("36 needed"));
  m.count_capacity = 36;
  CHECK(m.upgraded == 2 && m.downgraded == 0 && m.unchanged == 0 && m.entered == 1 && m.left == 1);
  /* An empty period: everyone entered. */
  CHECK(crm_tier_migration(NULL, NULL, 0, after_ids, after, 3, &m) == CRM_OK && m.entered == 3 && m.left == 0);
  CHECK(crm_tier_migration(before_ids, before, 3, dup_ids, after, 3, &m) == CRM_EINVAL && error_mentions("unique"));
  CHECK(crm_tier_migration(before_ids, NULL, 3, after_ids, after, 3, &m) == CRM_EINVAL && error_mentions("tiers_before"));
  CHECK(crm_tier_migration(before_ids, before, 3, after_ids, after, 3, NULL) == CRM_EINVAL);
}

void run_tiers_tests(void) {
  test_tiers();
  test_migration();
}
