// The desk's stored state, as versioned Boost archives in crmkit's checked envelope
// (io/archive.hpp) inside the desk database: the snapshot (every case at one sequence
// number) and the settings (the case and SLA policies and the organisation the desk routes
// on). Internal to src/complaint/desk.cpp; text archives (portable across platforms).
#pragma once

#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/version.hpp>
#include <cstdint>
#include <vector>

#include "crmkit/complaint/calendar.hpp"
#include "crmkit/complaint/case.hpp"
#include "crmkit/complaint/routing.hpp"
#include "crmkit/complaint/sla.hpp"
#include "crmkit/error.hpp"
#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace snapshot_io {

template <class Ar>
void time(Ar& ar, Time& t) {
  std::int64_t s = t.time_since_epoch().count();
  ar & s;
  if (Ar::is_loading::value) t = Time(Seconds(s));
}

template <class Ar, class Enum>
void enumeration(Ar& ar, Enum& e) {
  int code = static_cast<int>(e);
  ar & code;
  if (Ar::is_loading::value) e = enum_from_int<Enum>(code, "snapshot field");
}

template <class Ar, class T, class Io>
void optional(Ar& ar, std::optional<T>& value, Io&& io) {
  bool present = value.has_value();
  ar & present;
  if (Ar::is_loading::value) value = present ? std::optional<T>(T{}) : std::nullopt;
  if (present) io(ar, *value);
}

// A vector read element by element: a damaged count runs into the end of the payload
// (an archive_exception) instead of asking for an impossible allocation.
template <class Ar, class T, class Io>
void sequence(Ar& ar, std::vector<T>& items, Io&& io) {
  std::uint64_t n = items.size();
  ar & n;
  if (Ar::is_loading::value) {
    items.clear();
    for (std::uint64_t i = 0; i < n; ++i) {
      T item{};
      io(ar, item);
      items.push_back(std::move(item));
    }
  } else {
    for (T& item : items) io(ar, item);
  }
}

// Longest text field (id, actor, note, ...) a snapshot may hold: far above any real one.
constexpr std::uint64_t kMaxText = std::uint64_t{1} << 20;

// A text field: its length, checked against kMaxText before anything is allocated, then its
// bytes. (Boost's own string loader, which format version 1 used, resizes to whatever length
// a damaged snapshot claims: 10 GB claimed was 10 GB asked for; found by fuzz/snapshot_fuzzer.)
template <class Ar>
void text(Ar& ar, std::string& s) {
  std::uint64_t n = s.size();
  ar & n;
  if (Ar::is_loading::value) {
    if (n > kMaxText)
      throw Error(ErrorCode::corrupt_data, "snapshot text field of " + std::to_string(n) +
                                               " bytes exceeds the limit of " + std::to_string(kMaxText));
    s.resize(static_cast<std::size_t>(n));
  }
  if (n > 0) {
    auto bytes = boost::serialization::make_binary_object(s.data(), static_cast<std::size_t>(n));
    ar & bytes;
  }
}

template <class Ar>
void seconds(Ar& ar, Seconds& s) {
  std::int64_t n = s.count();
  ar & n;
  if (Ar::is_loading::value) s = Seconds(n);
}

// Version 3 of the snapshot added escalation changes (follow-up links: one_case).
template <class Ar>
void audit(Ar& ar, AuditEntry& a, unsigned version) {
  ar & a.sequence;
  time(ar, a.time);
  text(ar, a.actor);
  enumeration(ar, a.event);
  optional(ar, a.before, [](Ar& r, CaseState& s) { enumeration(r, s); });
  enumeration(ar, a.after);
  text(ar, a.department);
  text(ar, a.note);
  if (version >= 3) ar & a.changes;
}

template <class Ar>
void pause(Ar& ar, Pause& p) {
  time(ar, p.start);
  optional(ar, p.end, [](Ar& r, Time& t) { time(r, t); });
}

template <class Ar>
void one_case(Ar& ar, ComplaintCase& c, unsigned version) {
  const auto opt_time = [](Ar& r, Time& t) { time(r, t); };
  text(ar, c.id);
  enumeration(ar, c.channel);
  text(ar, c.customer);
  text(ar, c.category);
  enumeration(ar, c.priority);
  text(ar, c.department);
  text(ar, c.handler);
  enumeration(ar, c.state);
  enumeration(ar, c.resume_to);
  time(ar, c.opened);
  optional(ar, c.first_response, opt_time);
  optional(ar, c.last_update, opt_time);
  optional(ar, c.closed, opt_time);
  sequence(ar, c.pauses, [](Ar& r, Pause& p) { pause(r, p); });
  ar & c.reopen_count;
  if (version >= 3) {
    text(ar, c.follows);
    sequence(ar, c.follow_ups, [](Ar& r, std::string& id) { text(r, id); });
    text(ar, c.replaced_handler);
  }
  sequence(ar, c.audit, [version](Ar& r, AuditEntry& a) { audit(r, a, version); });
}

template <class Ar>
void calendar(Ar& ar, BusinessCalendar& c) {
  std::string zone = c.time_zone();
  text(ar, zone);
  if (Ar::is_loading::value) c = BusinessCalendar(zone);
  for (int day = 0; day < 7; ++day) {
    WorkingHours h = c.week()[static_cast<std::size_t>(day)];
    ar & h.start_minute;
    ar & h.end_minute;
    if (Ar::is_loading::value) c.hours(day, h);
  }
  std::vector<int> holidays(c.holiday_days().begin(), c.holiday_days().end());
  sequence(ar, holidays, [](Ar& r, int& d) { r & d; });
  if (Ar::is_loading::value)
    for (int d : holidays) c.holiday(LocalDay(d));
}

template <class Ar>
void organisation(Ar& ar, Organisation& org) {
  std::vector<Organisation::Unit> units = org.unit_list();
  std::vector<Organisation::Path> paths = org.path_list();
  sequence(ar, units, [](Ar& r, Organisation::Unit& u) {
    text(r, u.name);
    r & u.authority;
  });
  sequence(ar, paths, [](Ar& r, Organisation::Path& p) {
    text(r, p.from);
    text(r, p.to);
    r & p.cost;
  });
  if (Ar::is_loading::value) {
    org = Organisation();
    for (const auto& u : units) org.unit(u.name, u.authority);
    for (const auto& p : paths) org.path(p.from, p.to, p.cost);
  }
}

}  // namespace snapshot_io

struct DeskSnapshot {
  static constexpr const char* archive_tag = "crmkit.complaint.DeskSnapshot";
  std::int64_t sequence = 0;  // the last event the cases include
  std::vector<ComplaintCase> cases;

  // A format 1 snapshot is not read (its text fields are unbounded): `legacy` tells the desk
  // to replay every event instead, once; its next snapshot() writes format 2.
  bool legacy = false;

  template <class Ar>
  void serialize(Ar& ar, unsigned version) {
    if (Ar::is_loading::value && version < 2) {
      legacy = true;
      return;
    }
    ar & sequence;
    snapshot_io::sequence(ar, cases, [version](Ar& r, ComplaintCase& c) { snapshot_io::one_case(r, c, version); });
  }
  void check_invariants() const {
    if (sequence < 0) throw Error(ErrorCode::corrupt_data, "snapshot sequence is negative");
    for (const ComplaintCase& c : cases)
      if (c.id.empty() || c.audit.empty())
        throw Error(ErrorCode::corrupt_data, "snapshot holds a case without id or history");
  }
};

// What a desk keeps of its policy between openings (DeskOptions, stored).
struct DeskSettings {
  static constexpr const char* archive_tag = "crmkit.complaint.DeskSettings";
  CasePolicy cases;
  SlaPolicy sla;
  std::optional<Organisation> organisation;

  template <class Ar>
  void serialize(Ar& ar, unsigned /*version*/) {
    snapshot_io::seconds(ar, cases.reopen_window);
    ar & cases.escalation_changes;
    ar & cases.max_handovers;
    snapshot_io::enumeration(ar, sla.mode);
    snapshot_io::calendar(ar, sla.calendar);
    for (Seconds& s : sla.first_response) snapshot_io::seconds(ar, s);
    snapshot_io::seconds(ar, sla.next_update);
    for (Seconds& s : sla.resolution) snapshot_io::seconds(ar, s);
    ar & sla.warning_fraction;
    snapshot_io::optional(ar, organisation, [](Ar& r, Organisation& o) { snapshot_io::organisation(r, o); });
  }
  void check_invariants() const {
    if (cases.reopen_window < Seconds(0) || cases.escalation_changes > kAllChanges || sla.next_update < Seconds(0) ||
        !(sla.warning_fraction > 0 && sla.warning_fraction <= 1))
      throw Error(ErrorCode::corrupt_data, "stored desk policy is out of range");
  }
};

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit

// Version 2: text fields bounded before allocation (snapshot_io::text); 1 is set aside.
// Version 3: escalation changes, follow-up links and the replaced handler.
BOOST_CLASS_VERSION(crmkit::complaint::DeskSnapshot, 3)
BOOST_CLASS_VERSION(crmkit::complaint::DeskSettings, 1)
