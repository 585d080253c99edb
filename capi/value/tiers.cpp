// C API over the customer pyramid (include/crmkit/value/tiers.hpp).
#include <vector>

#include "crmkit/value/tiers.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

namespace {

// The C enums are the core's enum values, passed as bytes.
static_assert(CRM_TIER_COUNT == value::kTierCount && CRM_TIER_ABSENT == value::kAbsent, "tiers");
static_assert(CRM_TIER_INFERIOR == static_cast<int>(value::Tier::inferior), "tiers");
static_assert(CRM_TIER_SCHEME_RANK == static_cast<int>(value::TierScheme::rank), "tier schemes");
constexpr std::size_t kMigrationCells = (value::kTierCount + 1) * (value::kTierCount + 1);

value::TierOptions tier_options(const crm_tier_options* opts) {
  if (opts == nullptr) return value::TierOptions();
  require_version(opts->version, CRM_TIER_OPTIONS_VERSION, "crm_tier_options", 2);
  value::TierOptions o =
      value::default_tier_options(enum_arg<value::TierScheme>(opts->scheme, "opts->scheme"));
  if (opts->cuts != nullptr) o.cuts = value::tier_cuts(opts->cuts, opts->cut_count);
  o.inferior_below = opts->inferior_below;
  return o;
}

crm_tier_options default_tier_options() {
  const value::TierOptions o;
  crm_tier_options c{};
  c.scheme = static_cast<int>(o.scheme);
  c.inferior_below = o.inferior_below;  // cuts NULL: the scheme's defaults
  return c;
}

void copy_table(const value::TierTable& table, crm_tier_table* out) {
  out->customers = table.customers;
  out->total_value = table.total_value;
  for (std::size_t t = 0; t < value::kTierCount; ++t) {
    const value::TierRow& r = table.rows[t];
    if (out->tier_customers) out->tier_customers[t] = r.customers;
    if (out->customer_share) out->customer_share[t] = r.customer_share;
    if (out->value) out->value[t] = r.value;
    if (out->value_share) out->value_share[t] = r.value_share;
    if (out->mean_value) out->mean_value[t] = r.mean_value;
    if (out->min_value) out->min_value[t] = r.min_value;
    if (out->max_value) out->max_value[t] = r.max_value;
  }
}

// Checked before any work, so nothing is written on failure.
void require_table(const crm_tier_table* out) {
  require_version(out->version, CRM_TIER_TABLE_VERSION, "crm_tier_table", 2);
  for (const void* column : {static_cast<const void*>(out->tier_customers),
                             static_cast<const void*>(out->customer_share),
                             static_cast<const void*>(out->value),
                             static_cast<const void*>(out->value_share),
                             static_cast<const void*>(out->mean_value),
                             static_cast<const void*>(out->min_value),
                             static_cast<const void*>(out->max_value)})
    require_capacity(column, out->tier_capacity, value::kTierCount);
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(tier, value::Tier)

CRMKIT_CAPI_ENUM_NAMES(tier_scheme, value::TierScheme)

CRM_API int crm_tier_options_init(crm_tier_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_TIER_OPTIONS_VERSION, "opts", default_tier_options);
}

CRM_API int crm_tier_default_cuts(int scheme, double* out, size_t capacity, size_t* out_count) {
  return guarded([&] {
    require_pointer(out_count, "out_count");
    const value::TierOptions o =
        value::default_tier_options(enum_arg<value::TierScheme>(scheme, "scheme"));
    *out_count = o.cuts.size();
    if (out == nullptr || capacity < o.cuts.size()) throw BufferTooSmall(o.cuts.size(), capacity);
    std::copy(o.cuts.begin(), o.cuts.end(), out);
  });
}

CRM_API int crm_assign_tiers(const double* values, size_t n, const crm_tier_options* opts,
                             uint8_t* out_tiers, crm_tier_table* out_table) {
  return guarded([&] {
    if (out_table != nullptr) require_table(out_table);
    const value::TierAssignment a = value::assign_tiers(values, n, tier_options(opts));
    if (out_tiers != nullptr) enums_to(a.tier, out_tiers);
    if (out_table != nullptr) copy_table(a.table, out_table);
  });
}

CRM_API int crm_tier_table_of(const double* values, const uint8_t* tiers, size_t n,
                              crm_tier_table* out_table) {
  return guarded([&] {
    require_pointer(out_table, "out_table");
    require_table(out_table);
    const std::vector<value::Tier> t = enums_from<value::Tier>(tiers, n, "tiers");
    copy_table(value::tier_table(values, t.data(), n), out_table);
  });
}

CRM_API int crm_tier_migration(const int64_t* ids_before, const uint8_t* tiers_before,
                               size_t n_before, const int64_t* ids_after,
                               const uint8_t* tiers_after, size_t n_after,
                               crm_tier_migration_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_TIER_MIGRATION_RESULT_VERSION, "crm_tier_migration_result", 2);
    require_capacity(out->counts, out->count_capacity, kMigrationCells);
    const std::vector<value::Tier> before = enums_from<value::Tier>(tiers_before, n_before, "tiers_before");
    const std::vector<value::Tier> after = enums_from<value::Tier>(tiers_after, n_after, "tiers_after");
    const value::TierMigration m = value::tier_migration(ids_before, before.data(), n_before,
                                                         ids_after, after.data(), n_after);
    if (out->counts != nullptr)
      for (std::size_t from = 0; from <= value::kTierCount; ++from)
        for (std::size_t to = 0; to <= value::kTierCount; ++to)
          out->counts[from * (value::kTierCount + 1) + to] = m.counts[from][to];
    out->upgraded = m.upgraded;
    out->downgraded = m.downgraded;
    out->unchanged = m.unchanged;
    out->entered = m.entered;
    out->left = m.left;
  });
}

}  // extern "C"
