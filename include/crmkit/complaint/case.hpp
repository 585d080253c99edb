// The complaint case and its state machine: the six handling steps (Listen, Share, Probe,
// Check, Action, Satisfy) plus waiting on the customer, transfer, escalation, reopening,
// rejection and withdrawal, as one explicit table (transitions()). A refused event throws
// Error(invalid_state) naming the case, its state and the event, and leaves the case as it
// was. Times are std::chrono seconds since 1970-01-01 UTC: the caller supplies every time,
// the engine never reads a clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

// The same type as date::sys_seconds (C++20 std::chrono::sys_seconds).
using Time = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;
using Seconds = std::chrono::seconds;

enum class CaseState : std::uint8_t {
  received, listening, sharing, probing, checking, acting, satisfying, closed,
  waiting,      // on the customer: the SLA clocks pause
  transferred,  // handed to another unit, which listens again
  escalated,    // handed up to a unit with more authority
  reopened,     // closed, then reopened within the reopen window
  rejected,     // final: outside the business's responsibility (a documented reason)
  withdrawn     // final: the customer withdrew
};
enum class CaseEvent : std::uint8_t {
  open, listen, share, probe, check, act, satisfy, close, wait, resume, transfer, escalate,
  reopen, reject, withdraw
};
enum class Channel : std::uint8_t { phone, email, chat, counter, web, letter };
// From the initial assessment; health and safety cases are `critical` and come first.
enum class Priority : std::uint8_t { critical, high, normal, low };

// The "three changes" for a complaint that is stuck (the handling material): change the
// person (another, usually more senior, handler takes over), the time (the conversation is
// re-scheduled so both sides can cool down), the place (it moves to another room or channel).
// An escalation records which it makes, as bits (1 << Change).
enum class Change : std::uint8_t { person, time, place };

const NameTable& names(CaseState);
const NameTable& names(CaseEvent);
const NameTable& names(Channel);
const NameTable& names(Priority);
const NameTable& names(Change);

constexpr unsigned change_bit(Change c) noexcept { return 1u << static_cast<unsigned>(c); }
constexpr unsigned kAllChanges = 0x7u;
// "person+time" style text for a set of changes ("" for none), and its parse (invalid_argument
// naming the unknown word).
std::string changes_text(unsigned changes);
unsigned parse_changes(const std::string& text);

// One row of the transition table. `condition` says what else the event needs.
struct Transition {
  CaseState from;
  CaseEvent event;
  CaseState to;  // for `resume`: the state the case was waiting in
  const char* condition;
};
// The table, in the order README.md and `crmkit complaints states` print it. `open` creates
// a case (from no state) and is not a row.
const std::vector<Transition>& transitions();
// Whether a case can take no further event except, for `closed`, a reopen.
bool is_final(CaseState state) noexcept;

// One submitted event. Fields other than time, case_id, event and actor are used by the
// events that need them: open (channel, customer, category, priority, department, and
// `follows`: the earlier, finished case this one follows up), transfer and escalate
// (department, the note to the customer; escalate also `changes`), close and reject (note:
// the customer's acceptance or the documented final decision / reason).
struct CaseEventRecord {
  Time time{};
  std::string case_id;
  CaseEvent event = CaseEvent::open;
  std::string actor;
  Channel channel = Channel::phone;
  std::string customer;  // pseudonymous customer reference
  std::string category;
  Priority priority = Priority::normal;
  std::string department;
  std::string note;
  std::string follows;   // open: the case this one follows up (after its reopen window)
  unsigned changes = 0;  // escalate: the three changes it makes (change_bit)
};

struct AuditEntry {
  std::int64_t sequence = 0;  // the store's sequence number (0 in memory only)
  Time time{};
  std::string actor;
  CaseEvent event = CaseEvent::open;
  std::optional<CaseState> before;  // none for `open`
  CaseState after = CaseState::received;
  std::string department;
  std::string note;
  unsigned changes = 0;  // escalate: the three changes made
};

// A time interval [start, end) during which the case waited on the customer; end is empty
// while it still waits.
struct Pause {
  Time start{};
  std::optional<Time> end;
};

struct ComplaintCase {
  std::string id;
  Channel channel = Channel::phone;
  std::string customer;
  std::string category;
  Priority priority = Priority::normal;
  std::string department;
  std::string handler;  // the actor of the latest event
  CaseState state = CaseState::received;
  CaseState resume_to = CaseState::received;  // while waiting: where `resume` returns
  Time opened{};
  std::optional<Time> first_response;  // the first `listen`
  std::optional<Time> last_update;     // the latest handler event after the first response
  std::optional<Time> closed;          // the latest close, reject or withdraw
  std::vector<Pause> pauses;
  int reopen_count = 0;
  std::string follows;                 // the earlier case this one follows up ("" if none)
  std::vector<std::string> follow_ups; // later cases that follow this one up, in order
  // While the latest escalation promised a change of person: the handler it replaces, who
  // may not be the one to listen again.
  std::string replaced_handler;
  std::vector<AuditEntry> audit;
};

struct CasePolicy {
  Seconds reopen_window = std::chrono::hours(24 * 30);  // after it, open a follow-up case
  // The changes every escalation must make (change_bit), e.g. change_bit(Change::person);
  // none by default, so event files without a changes column keep replaying.
  unsigned escalation_changes = 0;
  // More transfers and escalations than this mark a case as stuck (routing.hpp).
  int max_handovers = 2;
};

// Rules that depend on the policy of the day (the reopen window, the changes an escalation
// must make) are checked when an event is submitted; a stored event replays under the
// state machine alone, so a later, stricter policy never makes the history unreadable.
enum class Checks : std::uint8_t { all, state_machine };

// The state machine over many cases (in memory; complaint/desk.hpp makes it durable).
class CaseBook {
 public:
  explicit CaseBook(CasePolicy policy = {});
  // Throws Error(invalid_state) "case 'C' is in state S: event 'E' is not allowed (...)"
  // when `e` cannot apply to `current` (nullptr: no such case yet), Error(invalid_argument)
  // for a bad field; returns when it can.
  // A follow-up (`open` with `follows`) needs that case, `followed` (nullptr: unknown), in
  // a final state.
  void check(const CaseEventRecord& e, const ComplaintCase* current, const ComplaintCase* followed,
             Checks checks = Checks::all) const;
  // The case after `e`, without changing anything (check() first).
  ComplaintCase preview(const CaseEventRecord& e, const ComplaintCase* current, const ComplaintCase* followed) const;
  // check(), then the case changes in place (and a followed-up case gains the link);
  // returns it.
  const ComplaintCase& apply(const CaseEventRecord& e, std::int64_t sequence = 0, Checks checks = Checks::all);
  const ComplaintCase* find(const std::string& id) const;
  const ComplaintCase& get(const std::string& id) const;  // invalid_argument if unknown
  void put(ComplaintCase c);
  const std::map<std::string, ComplaintCase>& cases() const noexcept { return cases_; }
  const CasePolicy& policy() const noexcept { return policy_; }
  void set_policy(const CasePolicy& policy);

 private:
  CasePolicy policy_;
  std::map<std::string, ComplaintCase> cases_;
};

// "2026-03-27T15:00:00Z", "2026-03-27T16:00:00+01:00" or "2026-03-27 15:00:00" (UTC).
Time parse_time(const std::string& text);
std::string format_time(Time t);  // "2026-03-27T15:00:00Z"

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
