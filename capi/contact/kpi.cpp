// C API over the interaction-log KPIs (include/crmkit/contact/kpi.hpp).
#include <vector>

#include "crmkit/contact/kpi.hpp"
#include "guard.hpp"

using namespace crmkit::capi;
namespace contact = crmkit::contact;

static_assert(CRM_SL_ABANDONED_WITHIN_MET ==
                  static_cast<int>(contact::ServiceLevelDefinition::abandoned_within_met),
              "service level definitions");
static_assert(CRM_KPI_BY_AGENT == static_cast<int>(contact::KpiGrouping::agent), "groupings");

namespace {

contact::ContactColumns columns_of(const crm_contact_log* log) {
  require_pointer(log, "log");
  require_version(log->version, CRM_CONTACT_LOG_VERSION, "crm_contact_log");
  return contact::ContactColumns{log->n,         log->channel,   log->agent,       log->arrival,
                                 log->answered,  log->abandoned, log->end,         log->ivr,
                                 log->transferred, log->resolved, log->satisfaction};
}

contact::KpiOptions options_of(const crm_kpi_options* opts) {
  contact::KpiOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_KPI_OPTIONS_VERSION, "crm_kpi_options");
  o.answer_within = opts->answer_within;
  o.short_abandon = opts->short_abandon;
  o.definition = enum_arg<contact::ServiceLevelDefinition>(opts->definition, "definition");
  o.interval = opts->interval;
  return o;
}

crm_kpi_options default_options() {
  const contact::KpiOptions o;
  return crm_kpi_options{CRM_KPI_OPTIONS_VERSION, o.answer_within, o.short_abandon,
                         static_cast<int>(o.definition), o.interval};
}

crm_kpi_figures figures_to_c(const contact::KpiFigures& f) {
  return crm_kpi_figures{CRM_KPI_FIGURES_VERSION, f.contacts, f.ivr_contained, f.offered, f.answered,
                         f.abandoned, f.short_abandoned, f.answered_within, f.abandoned_within,
                         f.delayed, f.transferred, f.resolved, f.satisfaction_responses,
                         f.wait_seconds, f.handle_seconds, f.staffed_seconds, f.abandonment_rate,
                         f.abandonment_rate_excluding_short, f.service_level, f.asa, f.aht,
                         f.busy_rate, f.occupancy, f.first_contact_resolution, f.containment,
                         f.transfer_rate, f.satisfaction};
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(service_level_definition, contact::ServiceLevelDefinition)
CRMKIT_CAPI_ENUM_NAMES(kpi_grouping, contact::KpiGrouping)

CRM_API int crm_kpi_options_init(crm_kpi_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_KPI_OPTIONS_VERSION, "opts", default_options);
}

CRM_API int crm_contact_kpis(const crm_contact_log* log, const crm_kpi_options* opts, crm_kpi_figures* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_KPI_FIGURES_VERSION, "crm_kpi_figures");
    *out = figures_to_c(contact::contact_kpis(columns_of(log), options_of(opts)));
  });
}

CRM_API int crm_contact_kpis_by(const crm_contact_log* log, int grouping, const crm_kpi_options* opts,
                                int64_t* out_keys, double* out_starts, crm_kpi_figures* out_figures,
                                size_t capacity, size_t* out_count) {
  return guarded([&] {
    require_pointer(out_count, "out_count");
    *out_count = 0;
    const auto by = enum_arg<contact::KpiGrouping>(grouping, "grouping");
    const std::vector<contact::KpiGroup> groups = contact::contact_kpis_by(columns_of(log), by, options_of(opts));
    *out_count = groups.size();
    if (capacity < groups.size()) throw BufferTooSmall(groups.size(), capacity);
    if (groups.empty()) return;
    require_pointer(out_keys, "out_keys");
    require_pointer(out_figures, "out_figures");
    require_version(out_figures[0].version, CRM_KPI_FIGURES_VERSION, "crm_kpi_figures");
    for (std::size_t i = 0; i < groups.size(); ++i) {
      out_keys[i] = groups[i].key;
      if (out_starts != nullptr) out_starts[i] = groups[i].start;
      out_figures[i] = figures_to_c(groups[i].figures);
    }
  });
}

}  // extern "C"
