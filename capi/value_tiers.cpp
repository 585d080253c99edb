// C API over customer value: RFM (rfm.hpp), concentration, tiers, status and stage, loyalty
// and retention economics. Converts arguments, calls the core, copies results out; every
// rule and message is the core's.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "crmkit/value/concentration.hpp"
#include "crmkit/value/loyalty.hpp"
#include "crmkit/value/retention.hpp"
#include "crmkit/value/rfm.hpp"
#include "crmkit/value/status.hpp"
#include "crmkit/value/tiers.hpp"
#include "guard.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::capi::BufferTooSmall;
using crmkit::capi::guarded;
using crmkit::capi::require_pointer;
using crmkit::capi::require_version;
namespace value = crmkit::value;

struct crm_segment_rules {
  std::vector<value::SegmentRule> rules;
};

namespace {

// The C enums are the core's enum values (checked here once), passed as bytes.
static_assert(CRM_TIER_COUNT == value::kTierCount && CRM_TIER_ABSENT == value::kAbsent, "tiers");
static_assert(CRM_TIER_INFERIOR == static_cast<int>(value::Tier::inferior), "tiers");
static_assert(CRM_STATUS_COUNT == value::kStatusCount &&
                  CRM_STATUS_WON_BACK == static_cast<int>(value::CustomerStatus::won_back),
              "status");
static_assert(CRM_STAGE_COUNT == value::kStageCount &&
                  CRM_STAGE_DISSOLUTION == static_cast<int>(value::RelationshipStage::dissolution),
              "stages");
static_assert(sizeof(value::Tier) == 1 && sizeof(value::CustomerStatus) == 1 &&
                  sizeof(value::RelationshipStage) == 1,
              "enums are passed as uint8_t");

// uint8_t codes as core enums. Copied rather than cast, so no enum lvalue aliases the
// caller's bytes; the core validates the range and names the bad row.
template <class Enum>
std::vector<Enum> enums_from(const uint8_t* codes, std::size_t n, const char* name) {
  if (n > 0) require_pointer(codes, name);
  std::vector<Enum> out(n);
  if (n > 0) std::memcpy(out.data(), codes, n);
  return out;
}

template <class Enum>
void enums_to(const std::vector<Enum>& values, uint8_t* out) {
  if (!values.empty()) std::memcpy(out, values.data(), values.size());
}

// Static name of an enum value for the *_name functions: "unknown" out of range.
template <class Enum>
const char* enum_name(int code) {
  const char* name = code < 0 ? nullptr : names(Enum{}).name(static_cast<std::size_t>(code));
  return name ? name : "unknown";
}

std::vector<double> cuts_from(const double* cuts, std::size_t count) {
  return cuts == nullptr ? std::vector<double>() : std::vector<double>(cuts, cuts + count);
}

value::RfmOptions rfm_options(const crm_rfm_options* opts) {
  value::RfmOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_RFM_OPTIONS_VERSION, "crm_rfm_options");
  o.bins = opts->bins;
  o.days_since_last_cuts = cuts_from(opts->days_since_last_cuts, opts->days_since_last_cut_count);
  o.purchases_cuts = cuts_from(opts->purchases_cuts, opts->purchases_cut_count);
  o.monetary_cuts = cuts_from(opts->monetary_cuts, opts->monetary_cut_count);
  if (opts->segments != nullptr) o.segments = opts->segments->rules;
  return o;
}

void copy_cuts(const value::ScoreCuts& cuts, double* out) {
  std::copy(cuts.cuts.begin(), cuts.cuts.end(), out);  // bins <= 9: at most CRM_RFM_MAX_CUTS
}

template <class T>
void copy_if(const std::vector<T>& values, T* out) {
  if (out != nullptr) std::copy(values.begin(), values.end(), out);
}

// One coordinate of share points into a caller array (NULL: not wanted).
void copy_member(const std::vector<value::SharePoint>& points, double value::SharePoint::*member,
                 double* out) {
  if (out == nullptr) return;
  for (std::size_t i = 0; i < points.size(); ++i) out[i] = points[i].*member;
}

value::TierOptions tier_options(const crm_tier_options* opts) {
  if (opts == nullptr) return value::TierOptions();
  require_version(opts->version, CRM_TIER_OPTIONS_VERSION, "crm_tier_options");
  if (opts->scheme != CRM_TIER_SCHEME_SHARE && opts->scheme != CRM_TIER_SCHEME_RANK)
    throw Error(ErrorCode::invalid_argument,
                "opts->scheme is " + std::to_string(opts->scheme) +
                    "; expected CRM_TIER_SCHEME_SHARE or CRM_TIER_SCHEME_RANK");
  value::TierOptions o = value::default_tier_options(
      opts->scheme == CRM_TIER_SCHEME_RANK ? value::TierScheme::rank : value::TierScheme::value_share);
  if (opts->has_cuts) std::copy(opts->cuts, opts->cuts + 3, o.cuts.begin());
  o.inferior_below = opts->inferior_below;
  return o;
}

void copy_table(const value::TierTable& table, crm_tier_table* out) {
  require_version(out->version, CRM_TIER_TABLE_VERSION, "crm_tier_table");
  out->customers = table.customers;
  out->total_value = table.total_value;
  for (std::size_t t = 0; t < value::kTierCount; ++t) {
    const value::TierRow& r = table.rows[t];
    out->rows[t] = crm_tier_row{r.customers, r.customer_share, r.value, r.value_share,
                                r.mean_value, r.min_value, r.max_value};
  }
}

value::StatusOptions status_options(const crm_status_options* opts) {
  value::StatusOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_STATUS_OPTIONS_VERSION, "crm_status_options");
  o.new_within_days = opts->new_within_days;
  o.at_risk_multiple = opts->at_risk_multiple;
  o.lapsed_multiple = opts->lapsed_multiple;
  o.min_interval_days = opts->min_interval_days;
  if (opts->has_typical_interval) o.typical_interval_days = opts->typical_interval_days;
  return o;
}

value::StageOptions stage_options(const crm_stage_options* opts) {
  value::StageOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_STAGE_OPTIONS_VERSION, "crm_stage_options");
  o.exploration_purchases = opts->exploration_purchases;
  o.exploration_days = opts->exploration_days;
  o.commitment_days = opts->commitment_days;
  o.growth = opts->growth;
  o.decline = opts->decline;
  return o;
}

// The default drivers with names in static storage, for crm_loyalty_default_drivers.
const std::vector<value::LoyaltyDriver>& default_drivers() {
  static const std::vector<value::LoyaltyDriver> drivers = value::default_loyalty_drivers();
  return drivers;
}

value::LoyaltyOptions loyalty_options(const crm_loyalty_options* opts) {
  value::LoyaltyOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_LOYALTY_OPTIONS_VERSION, "crm_loyalty_options");
  if (opts->missing != CRM_MISSING_REWEIGHT && opts->missing != CRM_MISSING_REJECT)
    throw Error(ErrorCode::invalid_argument,
                "opts->missing is " + std::to_string(opts->missing) +
                    "; expected CRM_MISSING_REWEIGHT or CRM_MISSING_REJECT");
  o.missing = opts->missing == CRM_MISSING_REJECT ? value::MissingDrivers::reject
                                                  : value::MissingDrivers::reweight;
  if (opts->drivers == nullptr) return o;
  o.drivers.clear();
  for (std::size_t d = 0; d < opts->driver_count; ++d) {
    const crm_loyalty_driver& c = opts->drivers[d];
    require_pointer(c.name, ("drivers[" + std::to_string(d) + "].name").c_str());
    o.drivers.push_back(value::LoyaltyDriver{c.name, c.weight, c.low, c.high,
                                             c.higher_is_loyal != 0, c.saturate != 0});
  }
  return o;
}

value::ValueAtRisk value_at_risk_from(const crm_value_at_risk_result& r) {
  require_version(r.version, CRM_VALUE_AT_RISK_RESULT_VERSION, "crm_value_at_risk_result");
  value::ValueAtRisk v;
  v.customers = r.customers;
  v.total_value = r.total_value;
  v.at_risk_customers = r.at_risk_customers;
  v.at_risk_value = r.at_risk_value;
  v.at_risk_share = r.at_risk_share;
  v.lapsed_customers = r.lapsed_customers;
  v.lapsed_value = r.lapsed_value;
  return v;
}

}  // namespace

extern "C" {

// ---- RFM ------------------------------------------------------------------------------------

CRM_API int crm_segment_rules_standard(crm_segment_rules** out, const char* const* names,
                                       size_t n_names) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = nullptr;
    auto result = std::make_unique<crm_segment_rules>();
    if (names == nullptr) {
      result->rules = value::standard_segment_rules();
    } else {
      std::vector<std::string> chosen;
      for (std::size_t i = 0; i < n_names; ++i) {
        require_pointer(names[i], ("names[" + std::to_string(i) + "]").c_str());
        chosen.emplace_back(names[i]);
      }
      result->rules = value::standard_segment_rules(chosen);
    }
    *out = result.release();
  });
}

CRM_API int crm_segment_rules_parse(crm_segment_rules** out, const char* text) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = nullptr;
    require_pointer(text, "text");
    auto result = std::make_unique<crm_segment_rules>();
    result->rules = value::parse_segment_rules(text);
    *out = result.release();
  });
}

CRM_API void crm_segment_rules_free(crm_segment_rules* rules) { delete rules; }

CRM_API int crm_segment_rules_count(const crm_segment_rules* rules, size_t* out_count) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_count, "out_count");
    *out_count = rules->rules.size();
  });
}

CRM_API int crm_segment_rules_name(const crm_segment_rules* rules, size_t i, char* buf,
                                   size_t buf_len, size_t* out_len) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_len, "out_len");
    const std::size_t count = rules->rules.size();
    if (i > count)
      throw Error(ErrorCode::invalid_argument, "segment " + std::to_string(i) +
                                                   " is out of range (0.." + std::to_string(count) +
                                                   ", the last being \"other\")");
    const std::string& name = i == count ? std::string(value::kOtherSegment) : rules->rules[i].name;
    *out_len = name.size();
    if (buf == nullptr || buf_len <= name.size()) throw BufferTooSmall(name.size() + 1, buf_len);
    std::memcpy(buf, name.c_str(), name.size() + 1);
  });
}

CRM_API int crm_segment_rules_find(const crm_segment_rules* rules, const char* name,
                                   size_t* out_index) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(name, "name");
    require_pointer(out_index, "out_index");
    *out_index = value::find_segment(rules->rules, name);
  });
}

CRM_API int crm_segment_of(const crm_segment_rules* rules, int r, int f, int m,
                           size_t* out_index) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_index, "out_index");
    *out_index = value::segment_of(r, f, m, rules->rules);
  });
}

CRM_API int crm_rfm_score(const double* days_since_last, const double* purchases,
                          const double* monetary, size_t n, const crm_rfm_options* opts,
                          crm_rfm_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_RFM_RESULT_VERSION, "crm_rfm_result");
    const value::RfmOptions options = rfm_options(opts);
    // Checked before scoring so that nothing is written on CRM_EBUFS.
    const std::size_t segments = options.segments.size() + 1;
    if (out->segment_sizes != nullptr && out->segment_capacity < segments)
      throw BufferTooSmall(segments, out->segment_capacity);
    const value::RfmResult r = value::score_rfm(days_since_last, purchases, monetary, n, options);
    copy_if(r.recency_score, out->recency_score);
    copy_if(r.frequency_score, out->frequency_score);
    copy_if(r.monetary_score, out->monetary_score);
    copy_if(r.code, out->code);
    copy_if(r.segment, out->segment);
    copy_if(r.segment_sizes, out->segment_sizes);
    out->bins = r.bins;
    copy_cuts(r.days_since_last_cuts, out->days_since_last_cuts);
    copy_cuts(r.purchases_cuts, out->purchases_cuts);
    copy_cuts(r.monetary_cuts, out->monetary_cuts);
  });
}

// ---- concentration --------------------------------------------------------------------------

CRM_API int crm_concentration(const double* values, size_t n,
                              const crm_concentration_options* opts,
                              crm_concentration_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_CONCENTRATION_RESULT_VERSION, "crm_concentration_result");
    value::ConcentrationOptions options;
    if (opts != nullptr) {
      require_version(opts->version, CRM_CONCENTRATION_OPTIONS_VERSION, "crm_concentration_options");
      if (opts->top_customer_shares != nullptr)
        options.top_customer_shares = cuts_from(opts->top_customer_shares, opts->top_count);
      if (opts->value_shares != nullptr)
        options.value_shares = cuts_from(opts->value_shares, opts->value_share_count);
      options.lorenz_points = opts->lorenz_points;
    }
    const value::Concentration c = value::concentration(values, n, options);
    out->customers = c.customers;
    out->total_value = c.total_value;
    out->gini = c.gini;
    copy_member(c.top, &value::SharePoint::value_share, out->top_value_shares);
    copy_member(c.holding, &value::SharePoint::customer_share, out->holding_customer_shares);
    copy_member(c.lorenz, &value::SharePoint::customer_share, out->lorenz_customer_shares);
    copy_member(c.lorenz, &value::SharePoint::value_share, out->lorenz_value_shares);
  });
}

// ---- tiers ----------------------------------------------------------------------------------

CRM_API const char* crm_tier_name(int tier) {
  return enum_name<value::Tier>(tier);
}

CRM_API int crm_assign_tiers(const double* values, size_t n, const crm_tier_options* opts,
                             uint8_t* out_tiers, crm_tier_table* out_table) {
  return guarded([&] {
    if (out_table != nullptr)
      require_version(out_table->version, CRM_TIER_TABLE_VERSION, "crm_tier_table");
    const value::TierAssignment a = value::assign_tiers(values, n, tier_options(opts));
    if (out_tiers != nullptr) enums_to(a.tier, out_tiers);
    if (out_table != nullptr) copy_table(a.table, out_table);
  });
}

CRM_API int crm_tier_table_of(const double* values, const uint8_t* tiers, size_t n,
                              crm_tier_table* out_table) {
  return guarded([&] {
    require_pointer(out_table, "out_table");
    require_version(out_table->version, CRM_TIER_TABLE_VERSION, "crm_tier_table");
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
    require_version(out->version, CRM_TIER_MIGRATION_RESULT_VERSION, "crm_tier_migration_result");
    const std::vector<value::Tier> before = enums_from<value::Tier>(tiers_before, n_before, "tiers_before");
    const std::vector<value::Tier> after = enums_from<value::Tier>(tiers_after, n_after, "tiers_after");
    const value::TierMigration m = value::tier_migration(ids_before, before.data(), n_before,
                                                         ids_after, after.data(), n_after);
    for (std::size_t from = 0; from <= value::kTierCount; ++from)
      for (std::size_t to = 0; to <= value::kTierCount; ++to) out->counts[from][to] = m.counts[from][to];
    out->upgraded = m.upgraded;
    out->downgraded = m.downgraded;
    out->unchanged = m.unchanged;
    out->entered = m.entered;
    out->left = m.left;
  });
}

// ---- status and relationship stage ----------------------------------------------------------

CRM_API const char* crm_customer_status_name(int status) {
  return enum_name<value::CustomerStatus>(status);
}

CRM_API int crm_classify_status(const double* first, const double* last,
                                const int64_t* purchases, const double* gap_before_last,
                                size_t n, double as_of, const crm_status_options* opts,
                                uint8_t* out_status, size_t* out_counts,
                                double* out_population_interval) {
  return guarded([&] {
    require_pointer(out_status, "out_status");
    const value::StatusInput input{first, last, purchases, gap_before_last, n, as_of};
    const value::StatusResult r = value::classify_status(input, status_options(opts));
    enums_to(r.status, out_status);
    if (out_counts != nullptr) std::copy(r.counts.begin(), r.counts.end(), out_counts);
    if (out_population_interval != nullptr) *out_population_interval = r.population_interval_days;
  });
}

CRM_API int crm_status_of(double first, double last, int64_t purchases, double gap_before_last,
                          double as_of, double population_interval_days,
                          const crm_status_options* opts, uint8_t* out_status) {
  return guarded([&] {
    require_pointer(out_status, "out_status");
    *out_status = static_cast<uint8_t>(value::status_of(first, last, purchases, gap_before_last, as_of,
                                                        population_interval_days,
                                                        status_options(opts)));
  });
}

CRM_API const char* crm_stage_name(int stage) {
  return enum_name<value::RelationshipStage>(stage);
}

CRM_API int crm_relationship_stages(const int64_t* purchases, const double* tenure_days,
                                    const uint8_t* status, const double* spend_trend, size_t n,
                                    const crm_stage_options* opts, uint8_t* out_stage) {
  return guarded([&] {
    require_pointer(out_stage, "out_stage");
    const std::vector<value::CustomerStatus> s =
        enums_from<value::CustomerStatus>(status, n, "status");
    enums_to(value::relationship_stages(purchases, tenure_days, s.data(), spend_trend, n,
                                        stage_options(opts)),
             out_stage);
  });
}

// ---- loyalty --------------------------------------------------------------------------------

CRM_API int crm_loyalty_default_drivers(crm_loyalty_driver* out, size_t capacity,
                                        size_t* out_count) {
  return guarded([&] {
    require_pointer(out_count, "out_count");
    const std::vector<value::LoyaltyDriver>& drivers = default_drivers();
    *out_count = drivers.size();
    if (out == nullptr || capacity < drivers.size()) throw BufferTooSmall(drivers.size(), capacity);
    for (std::size_t d = 0; d < drivers.size(); ++d) {
      const value::LoyaltyDriver& v = drivers[d];
      out[d] = crm_loyalty_driver{v.name.c_str(), v.weight, v.low, v.high,
                                  v.higher_is_loyal ? 1 : 0, v.saturate ? 1 : 0};
    }
  });
}

CRM_API int crm_loyalty_index(const double* const* columns, size_t column_count, size_t n,
                              const crm_loyalty_options* opts, double* out_index,
                              uint32_t* out_drivers_used, crm_loyalty_info* info) {
  return guarded([&] {
    require_pointer(out_index, "out_index");
    if (info != nullptr) require_version(info->version, CRM_LOYALTY_INFO_VERSION, "crm_loyalty_info");
    static_assert(CRM_LOYALTY_MAX_DRIVERS == 32, "the core's driver limit (a 32-bit mask)");
    const value::LoyaltyResult r = value::loyalty_index(columns, column_count, n, loyalty_options(opts));
    std::copy(r.index.begin(), r.index.end(), out_index);
    copy_if(r.drivers_used, out_drivers_used);
    if (info == nullptr) return;
    info->drivers = r.weights.size();
    std::copy(r.weights.begin(), r.weights.end(), info->weights);
    std::copy(r.coverage.begin(), r.coverage.end(), info->coverage);
    info->reweighted = r.reweighted;
    info->without_index = r.without_index;
  });
}

// ---- retention economics --------------------------------------------------------------------

CRM_API int crm_value_at_risk(const double* values, const uint8_t* status, size_t n,
                              crm_value_at_risk_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_VALUE_AT_RISK_RESULT_VERSION, "crm_value_at_risk_result");
    const std::vector<value::CustomerStatus> s =
        enums_from<value::CustomerStatus>(status, n, "status");
    const value::ValueAtRisk r = value::value_at_risk(values, s.data(), n);
    out->customers = r.customers;
    out->total_value = r.total_value;
    out->at_risk_customers = r.at_risk_customers;
    out->at_risk_value = r.at_risk_value;
    out->at_risk_share = r.at_risk_share;
    out->lapsed_customers = r.lapsed_customers;
    out->lapsed_value = r.lapsed_value;
  });
}

CRM_API int crm_campaign_payback(const crm_retention_campaign* campaign,
                                 crm_campaign_payback_result* out) {
  return guarded([&] {
    require_pointer(campaign, "campaign");
    require_version(campaign->version, CRM_RETENTION_CAMPAIGN_VERSION, "crm_retention_campaign");
    require_pointer(out, "out");
    require_version(out->version, CRM_CAMPAIGN_PAYBACK_RESULT_VERSION, "crm_campaign_payback_result");
    value::RetentionCampaign c;
    c.customers = campaign->customers;
    c.cost_per_customer = campaign->cost_per_customer;
    c.win_back_rate = campaign->win_back_rate;
    c.value_per_customer = campaign->value_per_customer;
    if (campaign->has_acquisition_cost) c.acquisition_cost = campaign->acquisition_cost;
    c.acquisition_multiple = campaign->acquisition_multiple;
    const value::CampaignPayback p = value::campaign_payback(c);
    out->retained = p.retained;
    out->cost = p.cost;
    out->value_recovered = p.value_recovered;
    out->net_value = p.net_value;
    out->roi = p.roi;
    out->cost_per_retained = p.cost_per_retained;
    out->break_even_win_back_rate = p.break_even_win_back_rate;
    out->acquisition_cost = p.acquisition_cost;
    out->replacement_cost = p.replacement_cost;
    out->saving_vs_acquisition = p.saving_vs_acquisition;
  });
}

CRM_API int crm_at_risk_campaign(const crm_value_at_risk_result* risk, double cost_per_customer,
                                 double win_back_rate, crm_retention_campaign* out) {
  return guarded([&] {
    require_pointer(risk, "risk");
    require_pointer(out, "out");
    const value::RetentionCampaign c =
        value::at_risk_campaign(value_at_risk_from(*risk), cost_per_customer, win_back_rate);
    *out = crm_retention_campaign{CRM_RETENTION_CAMPAIGN_VERSION, c.customers, c.cost_per_customer,
                                  c.win_back_rate, c.value_per_customer,
                                  c.acquisition_cost ? 1 : 0, c.acquisition_cost.value_or(0.0),
                                  c.acquisition_multiple};
  });
}

}  // extern "C"
