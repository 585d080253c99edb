// C API over customer status and relationship stage (include/crmkit/value/status.hpp).
#include <algorithm>
#include <vector>

#include "crmkit/value/status.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

namespace {

static_assert(CRM_STATUS_COUNT == value::kStatusCount &&
                  CRM_STATUS_WON_BACK == static_cast<int>(value::CustomerStatus::won_back),
              "status");
static_assert(CRM_STAGE_COUNT == value::kStageCount &&
                  CRM_STAGE_DISSOLUTION == static_cast<int>(value::RelationshipStage::dissolution),
              "stages");

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

crm_status_options default_status_options() {
  const value::StatusOptions o;
  crm_status_options c{};
  c.new_within_days = o.new_within_days;
  c.at_risk_multiple = o.at_risk_multiple;
  c.lapsed_multiple = o.lapsed_multiple;
  c.min_interval_days = o.min_interval_days;
  c.has_typical_interval = o.typical_interval_days.has_value();
  c.typical_interval_days = o.typical_interval_days.value_or(0.0);
  return c;
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

crm_stage_options default_stage_options() {
  const value::StageOptions o;
  crm_stage_options c{};
  c.exploration_purchases = o.exploration_purchases;
  c.exploration_days = o.exploration_days;
  c.commitment_days = o.commitment_days;
  c.growth = o.growth;
  c.decline = o.decline;
  return c;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(customer_status, value::CustomerStatus)

CRM_API int crm_status_options_init(crm_status_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_STATUS_OPTIONS_VERSION, "opts", default_status_options);
}

CRM_API int crm_classify_status(const double* first, const double* last,
                                const int64_t* purchases, const double* gap_before_last,
                                size_t n, double as_of, const crm_status_options* opts,
                                uint8_t* out_status, size_t* out_counts,
                                double* out_population_interval) {
  return guarded([&] {
    require_pointer(out_status, "out_status");
    const value::StatusResult r =
        value::classify_status(first, last, purchases, gap_before_last, n, as_of, status_options(opts));
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

CRMKIT_CAPI_ENUM_NAMES(stage, value::RelationshipStage)

CRM_API int crm_stage_options_init(crm_stage_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_STAGE_OPTIONS_VERSION, "opts", default_stage_options);
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

}  // extern "C"
