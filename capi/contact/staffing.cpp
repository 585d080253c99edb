// C API over required agents and staffing plans (include/crmkit/contact/staffing.hpp).
#include <optional>

#include "crmkit/contact/staffing.hpp"
#include "guard.hpp"

using namespace crmkit::capi;
namespace contact = crmkit::contact;

namespace {

contact::StaffingOptions options_of(const crm_staffing_options* opts, contact::StaffingTargets& targets) {
  contact::StaffingOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_STAFFING_OPTIONS_VERSION, "crm_staffing_options");
  o.queue.model = enum_arg<contact::QueueModel>(opts->model, "model");
  o.queue.patience = opts->patience;
  o.queue.answer_within = opts->answer_within;
  o.shrinkage = opts->shrinkage;
  const auto optional = [](int has, double v) { return has ? std::optional<double>(v) : std::nullopt; };
  targets.service_level = optional(opts->has_service_level, opts->service_level);
  targets.asa = optional(opts->has_asa, opts->asa);
  targets.max_occupancy = optional(opts->has_max_occupancy, opts->max_occupancy);
  return o;
}

crm_staffing_options default_options() {
  const contact::StaffingOptions o;
  const contact::StaffingTargets t;
  crm_staffing_options c{};
  c.model = static_cast<int>(o.queue.model);
  c.patience = o.queue.patience;
  c.answer_within = o.queue.answer_within;
  c.has_service_level = t.service_level.has_value();
  c.service_level = t.service_level.value_or(0.0);
  c.has_asa = t.asa.has_value();
  c.asa = t.asa.value_or(0.0);
  c.has_max_occupancy = t.max_occupancy.has_value();
  c.max_occupancy = t.max_occupancy.value_or(1.0);
  c.shrinkage = o.shrinkage;
  return c;
}

void write(const contact::Staffing& s, crm_staffing_result* out) {
  const contact::QueueMetrics& m = s.metrics;
  *out = crm_staffing_result{CRM_STAFFING_RESULT_VERSION, s.agents, s.scheduled, m.traffic, m.p_wait,
                             m.p_abandon, m.service_level, m.asa, m.asa_delayed, m.queue_length,
                             m.occupancy};
}

void require_result(const crm_staffing_result* out) {
  require_pointer(out, "out");
  require_version(out->version, CRM_STAFFING_RESULT_VERSION, "crm_staffing_result");
}

template <class T, class U>
void put(T* column, std::size_t i, U value) {
  if (column != nullptr) column[i] = value;
}

}  // namespace

extern "C" {

CRM_API int crm_staffing_options_init(crm_staffing_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_STAFFING_OPTIONS_VERSION, "opts", default_options);
}

CRM_API int crm_required_agents(double calls, double length, double aht, const crm_staffing_options* opts,
                                crm_staffing_result* out) {
  return guarded([&] {
    require_result(out);
    contact::StaffingTargets targets;
    const contact::StaffingOptions o = options_of(opts, targets);
    write(contact::required_agents(contact::Workload{calls, length, aht}, targets, o), out);
  });
}

CRM_API int crm_evaluate_staffing(int64_t agents, double calls, double length, double aht,
                                  const crm_staffing_options* opts, crm_staffing_result* out) {
  return guarded([&] {
    require_result(out);
    contact::StaffingTargets targets;
    const contact::StaffingOptions o = options_of(opts, targets);
    write(contact::evaluate_staffing(agents, contact::Workload{calls, length, aht}, o), out);
  });
}

CRM_API int crm_scheduled_agents(int64_t agents, double shrinkage, int64_t* out) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = contact::scheduled_agents(agents, shrinkage);
  });
}

CRM_API int crm_staffing_plan(const double* calls, const double* length, const double* aht, size_t n,
                              const crm_staffing_options* opts, crm_plan_columns* out,
                              crm_plan_totals* totals) {
  return guarded([&] {
    if (out != nullptr) require_version(out->version, CRM_PLAN_COLUMNS_VERSION, "crm_plan_columns");
    if (totals != nullptr) require_version(totals->version, CRM_PLAN_TOTALS_VERSION, "crm_plan_totals");
    contact::StaffingTargets targets;
    const contact::StaffingOptions o = options_of(opts, targets);
    const contact::StaffingPlan plan = contact::staffing_plan(calls, length, aht, n, targets, o);
    if (out != nullptr) {
      for (std::size_t i = 0; i < n; ++i) {
        const contact::Staffing& s = plan.intervals[i];
        put(out->agents, i, s.agents);
        put(out->scheduled, i, s.scheduled);
        put(out->traffic, i, s.metrics.traffic);
        put(out->service_level, i, s.metrics.service_level);
        put(out->asa, i, s.metrics.asa);
        put(out->p_abandon, i, s.metrics.p_abandon);
        put(out->occupancy, i, s.metrics.occupancy);
      }
    }
    if (totals != nullptr) {
      const contact::PlanTotals& t = plan.totals;
      *totals = crm_plan_totals{CRM_PLAN_TOTALS_VERSION, t.calls, t.agent_hours, t.scheduled_hours,
                                t.peak_agents, t.peak_scheduled, t.service_level, t.asa, t.p_abandon,
                                t.occupancy};
    }
  });
}

}  // extern "C"
