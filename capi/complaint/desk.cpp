// C API over the complaint desk (include/crmkit/complaint/): conversion only.
#include <cstddef>
#include <string>
#include <vector>

#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/routing.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

static_assert(CRM_CASE_WITHDRAWN == static_cast<int>(complaint::CaseState::withdrawn), "crm case states");
static_assert(CRM_EVENT_WITHDRAW == static_cast<int>(complaint::CaseEvent::withdraw), "crm case events");
static_assert(CRM_CHANNEL_LETTER == static_cast<int>(complaint::Channel::letter), "crm channels");
static_assert(CRM_PRIORITY_LOW == static_cast<int>(complaint::Priority::low), "crm priorities");
static_assert(CRM_CLOCK_BUSINESS == static_cast<int>(complaint::ClockMode::business_time), "crm clock modes");
static_assert(CRM_SLA_IDLE == static_cast<int>(complaint::ClockStatus::idle), "crm SLA statuses");
static_assert(CRM_CHANGE_PLACE == complaint::change_bit(complaint::Change::place), "crm changes");

// Version 1 layouts ended before the version 2 fields.
std::size_t options_bytes(unsigned int version) {
  return version >= 2 ? sizeof(crm_desk_options) : offsetof(crm_desk_options, escalation_changes);
}
std::size_t event_bytes(unsigned int version) {
  return version >= 2 ? sizeof(crm_desk_event) : offsetof(crm_desk_event, follows);
}

crm_desk_options default_options() {
  const complaint::DeskOptions d;
  crm_desk_options o = CRM_DESK_OPTIONS_INIT;
  o.clock_mode = static_cast<int>(d.sla.mode);
  o.warning_fraction = d.sla.warning_fraction;
  o.reopen_window_seconds = d.cases.reopen_window.count();
  o.next_update_seconds = d.sla.next_update.count();
  o.escalation_changes = d.cases.escalation_changes;
  o.max_handovers = d.cases.max_handovers;
  return o;
}

template <std::size_t N>
void targets_from(const int64_t* values, std::size_t count, std::array<complaint::Seconds, N>& out, const char* name) {
  if (values == nullptr) return;
  if (count != N)
    throw Error(ErrorCode::invalid_argument, std::string(name) + " has " + std::to_string(count) + " values; expected " +
                                                 std::to_string(N));
  for (std::size_t i = 0; i < N; ++i) {
    if (values[i] < 0) throw Error(ErrorCode::invalid_argument, std::string(name) + "[" + std::to_string(i) + "] is negative");
    out[i] = complaint::Seconds(values[i]);
  }
}

complaint::DeskOptions options_from(const crm_desk_options* o) {
  complaint::DeskOptions d;
  require_version(o->version, CRM_DESK_OPTIONS_VERSION, "crm_desk_options");
  if (o->version >= 2) {
    d.cases.escalation_changes = o->escalation_changes;
    d.cases.max_handovers = o->max_handovers;
  }
  d.sla.mode = enum_arg<complaint::ClockMode>(o->clock_mode, "clock_mode");
  complaint::BusinessCalendar calendar(o->time_zone == nullptr ? "UTC" : o->time_zone);
  for (int day = 0; day < 7; ++day)
    calendar.hours(day, (o->working_days >> day) & 1u ? complaint::WorkingHours{o->day_start_minute, o->day_end_minute}
                                                       : complaint::WorkingHours{0, 0});
  for (const std::string& h : strings_from(o->holidays, o->holiday_count, "holidays")) calendar.holiday(h);
  d.sla.calendar = calendar;
  d.sla.warning_fraction = o->warning_fraction;
  crmkit::require(o->warning_fraction > 0 && o->warning_fraction <= 1, "warning_fraction must be in (0, 1]");
  crmkit::require(o->reopen_window_seconds >= 0 && o->next_update_seconds >= 0,
                  "reopen_window_seconds and next_update_seconds must not be negative");
  d.cases.reopen_window = complaint::Seconds(o->reopen_window_seconds);
  d.sla.next_update = complaint::Seconds(o->next_update_seconds);
  targets_from(o->first_response_seconds, o->first_response_count, d.sla.first_response, "first_response_seconds");
  targets_from(o->resolution_seconds, o->resolution_count, d.sla.resolution, "resolution_seconds");
  return d;
}

// Element i of an events array whose stride is events[0]'s version.
const crm_desk_event& event_at(const crm_desk_event* events, std::size_t i) {
  if (i == 0) return events[0];
  require_version(events[0].version, CRM_DESK_EVENT_VERSION, "events[0]");
  return *reinterpret_cast<const crm_desk_event*>(reinterpret_cast<const char*>(events) +
                                                  i * event_bytes(events[0].version));
}

complaint::CaseEventRecord event_from(const crm_desk_event& e, std::size_t index, unsigned int array_version) {
  const std::string name = "events[" + std::to_string(index) + "]";
  require_version(e.version, CRM_DESK_EVENT_VERSION, name.c_str());
  crmkit::require_lazy(e.version == array_version, [&] {
    return name + ".version is " + std::to_string(e.version) + " but events[0].version is " +
           std::to_string(array_version) + " (one array has one layout)";
  });
  complaint::CaseEventRecord r;
  r.time = time_of(e.time);
  r.case_id = text_of(e.case_id);
  r.event = enum_arg<complaint::CaseEvent>(e.event, "event");
  r.actor = text_of(e.actor);
  r.channel = enum_arg<complaint::Channel>(e.channel, "channel");
  r.customer = text_of(e.customer);
  r.category = text_of(e.category);
  r.priority = enum_arg<complaint::Priority>(e.priority, "priority");
  r.department = text_of(e.department);
  r.note = text_of(e.note);
  if (e.version >= 2) {
    r.follows = text_of(e.follows);
    r.changes = e.changes;
  }
  return r;
}

crm_sla_clock clock_out(const complaint::SlaClock& c) {
  crm_sla_clock out{};
  out.status = static_cast<int>(c.status);
  out.target_seconds = c.target.count();
  out.start = seconds_of(c.start);
  out.has_due = c.due.has_value();
  out.due = c.due ? seconds_of(*c.due) : 0;
  out.has_stopped = c.stopped.has_value();
  out.stopped = c.stopped ? seconds_of(*c.stopped) : 0;
  out.elapsed_seconds = c.elapsed.count();
  return out;
}

const complaint::Desk& live(const crm_desk* d) {
  require_pointer(d, "desk");
  return *d->desk;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(case_state, complaint::CaseState)
CRMKIT_CAPI_ENUM_NAMES(case_event, complaint::CaseEvent)
CRMKIT_CAPI_ENUM_NAMES(channel, complaint::Channel)
CRMKIT_CAPI_ENUM_NAMES(priority, complaint::Priority)
CRMKIT_CAPI_ENUM_NAMES(clock_mode, complaint::ClockMode)
CRMKIT_CAPI_ENUM_NAMES(sla_status, complaint::ClockStatus)

CRM_API int crm_case_transitions(int* from, int* event, int* to, size_t cap, size_t* out_len) {
  return guarded([&] {
    require_pointer(out_len, "out_len");
    const auto& table = complaint::transitions();
    *out_len = table.size();
    if (cap < table.size()) throw BufferTooSmall(table.size(), cap);
    require_pointer(from, "from");
    require_pointer(event, "event");
    require_pointer(to, "to");
    for (std::size_t i = 0; i < table.size(); ++i) {
      from[i] = static_cast<int>(table[i].from);
      event[i] = static_cast<int>(table[i].event);
      to[i] = static_cast<int>(table[i].to);
    }
  });
}

CRM_API int crm_desk_options_init(crm_desk_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_DESK_OPTIONS_VERSION, "crm_desk_options", default_options, options_bytes);
}

CRM_API int crm_desk_open(crm_desk** out, const char* dir, const crm_desk_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(dir, "dir");
      if (opts == nullptr) return std::make_unique<complaint::Desk>(dir);
      complaint::DeskOptions given = options_from(opts);
      // The C options carry no organisation: a stored one stays.
      auto desk = std::make_unique<complaint::Desk>(dir);
      given.organisation = desk->options().organisation;
      desk->set_options(std::move(given));
      return desk;
    });
  });
}

CRM_API void crm_desk_free(crm_desk* desk) { delete desk; }

CRM_API int crm_desk_submit(crm_desk* desk, const crm_desk_event* events, size_t count, int stop_at_refusal,
                            size_t* applied, int* statuses) {
  if (applied != nullptr) *applied = 0;
  int first_refusal = CRM_OK;
  std::string message;
  const int status = guarded([&] {
    require_pointer(desk, "desk");
    if (count > 0) require_pointer(events, "events");
    std::vector<complaint::CaseEventRecord> batch;
    batch.reserve(count);
    for (std::size_t i = 0; i < count; ++i) batch.push_back(event_from(event_at(events, i), i, events[0].version));
    const complaint::SubmitResult r =
        desk->desk->submit(batch, stop_at_refusal != 0 ? complaint::OnRefusal::stop : complaint::OnRefusal::skip);
    if (applied != nullptr) *applied = r.applied;
    if (statuses != nullptr) {
      for (std::size_t i = 0; i < count; ++i) statuses[i] = CRM_OK;
      for (std::size_t i = count - r.not_tried; i < count; ++i) statuses[i] = 1;
      for (const complaint::Refusal& x : r.refused) statuses[x.index] = status_of(x.code);
    }
    if (!r.refused.empty()) {
      first_refusal = status_of(r.refused.front().code);
      message = "event " + std::to_string(r.refused.front().index) + ": " + r.refused.front().message;
    }
  });
  if (status != CRM_OK) return status;
  return first_refusal == CRM_OK ? CRM_OK : set_error(first_refusal, message.c_str());
}

CRM_API int crm_desk_case_info(const crm_desk* desk, const char* case_id, int64_t now, crm_case_info* out) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    require_pointer(out, "out");
    require_version(out->version, CRM_CASE_INFO_VERSION, "crm_case_info");
    const complaint::ComplaintCase c = d.get(case_id);
    const auto clocks = complaint::sla_clocks(c, d.sla_policy(), time_of(now));
    out->state = static_cast<int>(c.state);
    out->channel = static_cast<int>(c.channel);
    out->priority = static_cast<int>(c.priority);
    out->opened = seconds_of(c.opened);
    out->events = c.audit.size();
    out->reopen_count = c.reopen_count;
    out->first_response = clock_out(clocks[0]);
    out->next_update = clock_out(clocks[1]);
    out->resolution = clock_out(clocks[2]);
  });
}

CRM_API int crm_desk_case_text(const crm_desk* desk, const char* case_id, int field, char* buf, size_t buf_len,
                               size_t* out_len) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    const complaint::ComplaintCase c = d.get(case_id);
    std::string text;
    switch (field) {
      case CRM_CASE_TEXT_CUSTOMER: text = c.customer; break;
      case CRM_CASE_TEXT_CATEGORY: text = c.category; break;
      case CRM_CASE_TEXT_DEPARTMENT: text = c.department; break;
      case CRM_CASE_TEXT_HANDLER: text = c.handler; break;
      case CRM_CASE_TEXT_FOLLOWS: text = c.follows; break;
      case CRM_CASE_TEXT_FOLLOW_UPS:
        for (const std::string& id : c.follow_ups) text += id + "\n";
        break;
      default:
        throw Error(ErrorCode::invalid_argument, "field " + std::to_string(field) + " is not a CRM_CASE_TEXT_* value");
    }
    copy_text(text, buf, buf_len, out_len);
  });
}

CRM_API int crm_desk_audit(const crm_desk* desk, const char* case_id, crm_audit_entry* out, size_t cap,
                           size_t* out_len) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    require_pointer(out_len, "out_len");
    const complaint::ComplaintCase c = d.get(case_id);
    *out_len = c.audit.size();
    if (cap < c.audit.size()) throw BufferTooSmall(c.audit.size(), cap);
    require_pointer(out, "out");
    for (std::size_t i = 0; i < c.audit.size(); ++i) {
      const complaint::AuditEntry& a = c.audit[i];
      out[i] = crm_audit_entry{a.sequence, seconds_of(a.time), static_cast<int>(a.event),
                               a.before ? static_cast<int>(*a.before) : -1, static_cast<int>(a.after), a.changes};
    }
  });
}

CRM_API int crm_desk_audit_text(const crm_desk* desk, const char* case_id, size_t index, int field, char* buf,
                                size_t buf_len, size_t* out_len) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    const complaint::ComplaintCase c = d.get(case_id);
    crmkit::require_lazy(index < c.audit.size(), [&] {
      return "index " + std::to_string(index) + " is past the audit trail of case '" + c.id + "' (" +
             std::to_string(c.audit.size()) + " entries)";
    });
    const complaint::AuditEntry& a = c.audit[index];
    switch (field) {
      case CRM_AUDIT_TEXT_ACTOR: return copy_text(a.actor, buf, buf_len, out_len);
      case CRM_AUDIT_TEXT_DEPARTMENT: return copy_text(a.department, buf, buf_len, out_len);
      case CRM_AUDIT_TEXT_NOTE: return copy_text(a.note, buf, buf_len, out_len);
      default:
        throw Error(ErrorCode::invalid_argument, "field " + std::to_string(field) + " is not a CRM_AUDIT_TEXT_* value");
    }
  });
}

CRM_API int crm_desk_escalation_reasons(const crm_desk* desk, const char* case_id, int64_t now, char* buf,
                                        size_t buf_len, size_t* out_len) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    const complaint::ComplaintCase c = d.get(case_id);
    const complaint::DeskOptions o = d.options();
    std::string text;
    for (const std::string& why :
         complaint::escalation_reasons(c, complaint::sla_clocks(c, o.sla, std::max(time_of(now), c.audit.back().time)), o.cases))
      text += why + "\n";
    copy_text(text, buf, buf_len, out_len);
  });
}

CRM_API int crm_desk_list(const crm_desk* desk, int state, int breached_only, int64_t now, char* buf, size_t buf_len,
                          size_t* out_len) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    std::optional<complaint::CaseState> wanted;
    if (state != -1) wanted = enum_arg<complaint::CaseState>(state, "state");
    std::string text;
    for (const std::string& id : d.list(wanted, breached_only != 0, time_of(now))) text += id + "\n";
    copy_text(text, buf, buf_len, out_len);
  });
}

CRM_API int crm_desk_erase_customer(crm_desk* desk, const char* customer, size_t* erased) {
  return guarded([&] {
    require_pointer(desk, "desk");
    require_pointer(customer, "customer");
    const std::size_t n = desk->desk->erase_customer(customer);
    if (erased != nullptr) *erased = n;
  });
}

CRM_API int crm_desk_ping_pong(const crm_desk* desk, const char* case_id, size_t* count) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(case_id, "case_id");
    require_pointer(count, "count");
    *count = complaint::ping_pong_count(d.get(case_id));
  });
}

CRM_API int crm_desk_snapshot(crm_desk* desk, int64_t* sequence) {
  return guarded([&] {
    require_pointer(desk, "desk");
    const std::int64_t covered = desk->desk->snapshot();
    if (sequence != nullptr) *sequence = covered;
  });
}

CRM_API int crm_desk_event_count(const crm_desk* desk, int64_t* out) {
  return guarded([&] {
    const complaint::Desk& d = live(desk);
    require_pointer(out, "out");
    *out = d.event_count();
  });
}

}  // extern "C"
