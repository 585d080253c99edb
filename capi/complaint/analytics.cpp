// C API over complaint analytics (complaint/analytics.hpp): conversion only. The report is
// computed once into a handle; its figures come out as a struct, its tables as
// tab-separated text.
#include <charconv>
#include <cmath>
#include <limits>

#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/analytics.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;

struct crm_complaint_report {
  complaint::ComplaintReport report;
};

namespace {

static_assert(CRM_REPORT_RECOVERY_COST_BY_CAUSE == static_cast<int>(complaint::ReportTable::recovery_cost_by_cause),
              "crm report tables");

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

crm_analytics_options default_options() {
  const complaint::AnalyticsOptions d;
  crm_analytics_options o = CRM_ANALYTICS_OPTIONS_INIT;
  o.pareto_share = d.pareto_share;
  o.complaint_share = d.iceberg.complaint_share;
  o.word_of_mouth = d.iceberg.word_of_mouth;
  return o;
}

complaint::AnalyticsOptions options_from(const crm_analytics_options* o) {
  complaint::AnalyticsOptions d;
  if (o == nullptr) return d;
  require_version(o->version, CRM_ANALYTICS_OPTIONS_VERSION, "crm_analytics_options");
  if (o->has_now != 0) d.now = time_of(o->now);
  d.pareto_share = o->pareto_share;
  d.iceberg = {o->complaint_share, o->word_of_mouth};
  if (o->value_count > 0) {
    require_pointer(o->value_customers, "value_customers");
    require_pointer(o->values, "values");
  }
  const std::vector<std::string> customers = strings_from(o->value_customers, o->value_count, "value_customers");
  for (std::size_t i = 0; i < customers.size(); ++i) d.customer_value[customers[i]] = o->values[i];
  return d;
}

crm_time_distribution distribution_out(const complaint::Distribution& d) { return {d.cases, d.median_hours, d.p90_hours}; }

std::string number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// Rows of tab-separated fields: each cell already text.
struct Tsv {
  std::string text;
  Tsv& row(std::initializer_list<std::string> cells) {
    bool first = true;
    for (const std::string& c : cells) {
      if (!first) text += '\t';
      text += c;
      first = false;
    }
    text += '\n';
    return *this;
  }
};

std::string table_of(const complaint::ComplaintReport& r, complaint::ReportTable table) {
  using T = complaint::ReportTable;
  const auto n = [](std::size_t v) { return std::to_string(v); };
  Tsv t;
  switch (table) {
    case T::by_channel:
    case T::by_issue:
    case T::by_period: {
      t.row({"key", "cases"});
      const auto& counts = table == T::by_channel ? r.by_channel : table == T::by_issue ? r.by_issue : r.by_period;
      for (const complaint::Count& c : counts) t.row({tsv_field(c.key), n(c.count)});
      break;
    }
    case T::pareto:
      t.row({"cause", "count", "share", "cumulative", "vital"});
      for (const complaint::ParetoRow& p : r.pareto)
        t.row({tsv_field(p.cause), n(p.count), number(p.share), number(p.cumulative), p.vital ? "1" : "0"});
      break;
    case T::sla_by_channel:
    case T::sla_by_priority:
      t.row({"key", "first_response_met", "first_response_judged", "resolution_met", "resolution_judged"});
      for (const complaint::SlaCompliance& s : table == T::sla_by_channel ? r.sla_by_channel : r.sla_by_priority)
        t.row({tsv_field(s.key), n(s.first_response.hits), n(s.first_response.total), n(s.resolution.hits),
               n(s.resolution.total)});
      break;
    case T::forwarding_lag:
      t.row({"channel", "rows", "mean_days", "median_days"});
      for (const complaint::LagStats& l : r.forwarding_lag)
        t.row({tsv_field(l.channel), n(l.rows), number(l.mean_days), number(l.median_days)});
      break;
    case T::lag_excluded:
      t.row({"line", "case", "reason"});
      for (const complaint::ImportNote& x : r.lag_excluded)
        t.row({std::to_string(x.line), tsv_field(x.case_id), tsv_field(x.reason)});
      break;
    case T::dispute_by_response:
      t.row({"response", "cases", "disputed"});
      for (const complaint::DisputeRate& d : r.dispute_by_response)
        t.row({tsv_field(d.response), n(d.disputed.total), n(d.disputed.hits)});
      break;
    case T::handler_quality:
      t.row({"handler", "period", "reviews", "score", "taboos"});
      for (const complaint::HandlerQuality& h : r.handler_quality)
        t.row({tsv_field(h.handler), h.period, n(h.reviews), number(h.score), n(h.taboos)});
      break;
    case T::recovery_cost_by_cause:
      t.row({"cause", "currency", "minor", "recoveries"});
      for (const complaint::RecoveryCost& c : r.recovery.cost_by_cause)
        t.row({tsv_field(c.key), c.currency, std::to_string(c.minor), n(c.recoveries)});
      break;
  }
  return t.text;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(report_table, complaint::ReportTable)

CRM_API int crm_analytics_options_init(crm_analytics_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_ANALYTICS_OPTIONS_VERSION, "crm_analytics_options", default_options);
}

CRM_API int crm_complaint_report_new(crm_complaint_report** out, const crm_desk* desk, const crm_analytics_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(desk, "desk");
      return complaint::analyse(*desk->desk, options_from(opts));
    });
  });
}

CRM_API void crm_complaint_report_free(crm_complaint_report* report) { delete report; }

CRM_API int crm_complaint_report_summary(const crm_complaint_report* report, crm_complaint_summary* out) {
  return guarded([&] {
    require_pointer(report, "report");
    require_pointer(out, "out");
    require_version(out->version, CRM_COMPLAINT_SUMMARY_VERSION, "crm_complaint_summary");
    const complaint::ComplaintReport& r = report->report;
    out->cases = r.cases;
    out->events = r.events;
    out->judged_at = seconds_of(r.now);
    out->vital_few = r.vital_few;
    out->first_response_calendar = distribution_out(r.times.first_response_calendar);
    out->first_response_business = distribution_out(r.times.first_response_business);
    out->resolution_calendar = distribution_out(r.times.resolution_calendar);
    out->resolution_business = distribution_out(r.times.resolution_business);
    out->reopened = r.reopened.hits;
    out->ever_closed = r.reopened.total;
    out->closed_without_escalation = r.empowerment.hits;
    out->closed = r.empowerment.total;
    out->satisfaction_answers = r.satisfaction.answers;
    out->satisfaction_mean = r.satisfaction.mean.value_or(kNaN);
    out->recoveries = r.recovery.recoveries;
    out->complainants = r.iceberg.complainants;
    out->dissatisfied = r.iceberg.dissatisfied;
    out->silent = r.iceberg.silent;
    out->told = r.iceberg.told;
    out->complainants_valued = r.iceberg.complainants_valued;
    out->mean_value = r.iceberg.valued ? r.iceberg.mean_value : kNaN;
    out->revenue_at_risk = r.iceberg.valued ? r.iceberg.revenue_at_risk : kNaN;
    out->timely = r.timely.hits;
    out->imported = r.timely.total;
  });
}

CRM_API int crm_complaint_report_table(const crm_complaint_report* report, int table, char* buf, size_t buf_len,
                                       size_t* out_len) {
  return guarded([&] {
    require_pointer(report, "report");
    copy_text(table_of(report->report, enum_arg<complaint::ReportTable>(table, "table")), buf, buf_len, out_len);
  });
}

}  // extern "C"
