#include "crmkit/complaint/case.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

#include <date/date.h>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

const NameTable& names(CaseState) {
  static constexpr const char* kNames[] = {"received",  "listening", "sharing",     "probing", "checking",
                                           "acting",    "satisfying", "closed",     "waiting", "transferred",
                                           "escalated", "reopened",  "rejected",    "withdrawn"};
  static constexpr NameTable table("case state", kNames);
  return table;
}
const NameTable& names(CaseEvent) {
  static constexpr const char* kNames[] = {"open", "listen", "share",    "probe",    "check",  "act",    "satisfy", "close",
                                           "wait", "resume", "transfer", "escalate", "reopen", "reject", "withdraw"};
  static constexpr NameTable table("case event", kNames);
  return table;
}
const NameTable& names(Channel) {
  static constexpr const char* kNames[] = {"phone", "email", "chat", "counter", "web", "letter"};
  static constexpr NameTable table("channel", kNames);
  return table;
}
const NameTable& names(Priority) {
  static constexpr const char* kNames[] = {"critical", "high", "normal", "low"};
  static constexpr NameTable table("priority", kNames);
  return table;
}
const NameTable& names(Change) {
  static constexpr const char* kNames[] = {"person", "time", "place"};
  static constexpr NameTable table("change", kNames);
  return table;
}

std::string changes_text(unsigned changes) {
  std::string out;
  for (std::size_t i = 0; i < names(Change{}).size(); ++i)
    if (changes & (1u << i)) out += (out.empty() ? "" : "+") + std::string(names(Change{}).name(i));
  return out;
}

unsigned parse_changes(const std::string& text) {
  unsigned out = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('+', begin), text.size());
    out |= change_bit(parse_enum<Change>(text.substr(begin, end - begin)));
    begin = end + 1;
  }
  return out;
}

namespace {

using S = CaseState;
using E = CaseEvent;

constexpr S kSteps[] = {S::received, S::listening, S::sharing, S::probing, S::checking, S::acting, S::satisfying};
// States where another unit or a reopened case starts again by listening.
constexpr S kHandedOver[] = {S::transferred, S::escalated, S::reopened};

// What a note must carry, for the table and for the refusal that lacks it.
constexpr const char* kCloseNote = "the customer's acceptance or the documented final decision";
constexpr const char* kRejectNote = "the documented reason";
constexpr const char* kCloseCondition = "note: the customer's acceptance or the documented final decision";
constexpr const char* kHandOverCondition = "department (the receiving unit); note: the hand-over note to the customer";
constexpr const char* kEscalateCondition =
    "as transfer; changes: person / time / place, at least those the policy asks for (with person, the next "
    "listener is another person)";

std::vector<Transition> make_table() {
  std::vector<Transition> t;
  // The six handling steps in order, then closing.
  const E step_events[] = {E::listen, E::share, E::probe, E::check, E::act, E::satisfy};
  for (std::size_t i = 0; i < 6; ++i)
    t.push_back({kSteps[i], step_events[i], kSteps[i + 1], i == 0 ? "the first response" : ""});
  t.push_back({S::satisfying, E::close, S::closed, kCloseCondition});
  for (S from : kSteps) {
    t.push_back({from, E::wait, S::waiting, "the SLA clocks pause"});
    t.push_back({from, E::transfer, S::transferred, kHandOverCondition});
    t.push_back({from, E::escalate, S::escalated, kEscalateCondition});
    if (from <= S::checking) t.push_back({from, E::reject, S::rejected, "note: the documented reason"});
    t.push_back({from, E::withdraw, S::withdrawn, ""});
  }
  t.push_back({S::waiting, E::resume, S::waiting, "back to the state it waited in; the clocks run again"});
  t.push_back({S::waiting, E::withdraw, S::withdrawn, ""});
  for (S from : kHandedOver) {
    t.push_back({from, E::listen, S::listening, "the receiving unit listens again"});
    t.push_back({from, E::transfer, S::transferred, kHandOverCondition});
    t.push_back({from, E::escalate, S::escalated, kEscalateCondition});
    t.push_back({from, E::withdraw, S::withdrawn, ""});
  }
  t.push_back({S::closed, E::reopen, S::reopened, "within the reopen window; after it, open a follow-up case (open with follows)"});
  return t;
}

const Transition* find_transition(CaseState from, CaseEvent event) {
  for (const Transition& t : transitions())
    if (t.from == from && t.event == event) return &t;
  return nullptr;
}

std::string quoted(const std::string& id) { return "case '" + id + "'"; }

[[noreturn]] void refuse(const ComplaintCase& c, CaseEvent event, const std::string& why) {
  throw Error(ErrorCode::invalid_state, quoted(c.id) + " is in state " + name_of(c.state) + ": event '" +
                                            name_of(event) + "' " + why);
}

std::string allowed_events(CaseState state) {
  std::string out;
  for (const Transition& t : transitions())
    if (t.from == state) out += (out.empty() ? "" : ", ") + std::string(name_of(t.event));
  return out.empty() ? "none" : out;
}

bool handler_update(CaseEvent e) {
  return e == E::share || e == E::probe || e == E::check || e == E::act || e == E::satisfy || e == E::close ||
         e == E::transfer || e == E::escalate;
}

}  // namespace

const std::vector<Transition>& transitions() {
  static const std::vector<Transition> table = make_table();
  return table;
}

bool is_final(CaseState state) noexcept {
  return state == S::closed || state == S::rejected || state == S::withdrawn;
}

CaseBook::CaseBook(CasePolicy policy) { set_policy(policy); }

void CaseBook::set_policy(const CasePolicy& policy) {
  require(policy.reopen_window >= Seconds(0), "reopen window must not be negative");
  require(policy.escalation_changes <= kAllChanges, "escalation changes has unknown bits");
  require(policy.max_handovers >= 0, "max hand-overs must not be negative");
  policy_ = policy;
}

void CaseBook::check(const CaseEventRecord& e, const ComplaintCase* current, const ComplaintCase* followed,
                     Checks checks) const {
  require(!e.case_id.empty(), "case id is empty");
  require_lazy(!e.actor.empty(), [&] { return quoted(e.case_id) + ": event '" + name_of(e.event) + "' has no actor"; });
  names(e.event).check(static_cast<long long>(e.event), "event");
  if (e.event == E::open) {
    if (current != nullptr)
      throw Error(ErrorCode::invalid_state, quoted(e.case_id) + " already exists in state " +
                                                name_of(current->state) + ": event 'open' is not allowed");
    names(e.channel).check(static_cast<long long>(e.channel), "channel");
    names(e.priority).check(static_cast<long long>(e.priority), "priority");
    if (!e.follows.empty()) {
      const std::string what = quoted(e.case_id) + ": event 'open' follows up " + quoted(e.follows);
      if (e.follows == e.case_id) throw Error(ErrorCode::invalid_argument, what + ", itself");
      if (followed == nullptr) throw Error(ErrorCode::invalid_state, what + ", which does not exist");
      if (!is_final(followed->state))
        throw Error(ErrorCode::invalid_state, what + ", which is in state " + name_of(followed->state) +
                                                  " (a follow-up is for a finished case)");
    }
    return;
  }
  if (current == nullptr)
    throw Error(ErrorCode::invalid_state, quoted(e.case_id) + " does not exist: event '" +
                                              std::string(name_of(e.event)) + "' needs an 'open' first");
  const ComplaintCase& was = *current;
  const Transition* t = find_transition(was.state, e.event);
  if (t == nullptr) refuse(was, e.event, "is not allowed (allowed: " + allowed_events(was.state) + ")");
  const Time latest = was.audit.empty() ? was.opened : was.audit.back().time;
  if (e.time < latest)
    refuse(was, e.event, "at " + format_time(e.time) + " is earlier than the case's latest event at " + format_time(latest));
  if ((e.event == E::close || e.event == E::reject) && e.note.empty())
    refuse(was, e.event, std::string("needs a note (") + (e.event == E::close ? kCloseNote : kRejectNote) + ")");
  if (e.event == E::transfer || e.event == E::escalate) {
    if (e.department.empty()) refuse(was, e.event, "needs the receiving department");
    if (e.note.empty()) refuse(was, e.event, "needs a note (the hand-over note to the customer)");
  }
  require_lazy(e.changes <= kAllChanges, [&] { return quoted(e.case_id) + ": changes has unknown bits"; });
  if (e.event == E::listen && !was.replaced_handler.empty() && e.actor == was.replaced_handler)
    refuse(was, e.event, "by " + e.actor + " breaks the escalation's change of person (" + e.actor +
                             " handled the case before it)");
  if (checks == Checks::state_machine) return;
  if (e.event == E::escalate && (e.changes & policy_.escalation_changes) != policy_.escalation_changes)
    refuse(was, e.event, "must make the changes " + changes_text(policy_.escalation_changes) + " (it makes " +
                             (e.changes == 0 ? std::string("none") : changes_text(e.changes)) + ")");
  if (e.event == E::reopen && was.closed && e.time - *was.closed > policy_.reopen_window)
    refuse(was, e.event, "comes after the reopen window (" +
                             std::to_string(std::chrono::duration_cast<std::chrono::hours>(policy_.reopen_window).count()) +
                             " h after closing at " + format_time(*was.closed) +
                             "): open a follow-up case instead (event 'open' with follows = '" + was.id + "')");
}

namespace {

ComplaintCase opened_case(const CaseEventRecord& e, std::int64_t sequence) {
  ComplaintCase c;
  c.id = e.case_id;
  c.channel = e.channel;
  c.customer = e.customer;
  c.category = e.category;
  c.priority = e.priority;
  c.department = e.department;
  c.handler = e.actor;
  c.opened = e.time;
  c.follows = e.follows;
  c.audit.push_back({sequence, e.time, e.actor, e.event, std::nullopt, S::received, e.department, e.note, 0});
  return c;
}

// Moves a case along a checked event, in place (no copy of its history per event).
void advance(ComplaintCase& c, const CaseEventRecord& e, std::int64_t sequence) {
  const CaseState before = c.state;
  const Transition* t = find_transition(before, e.event);
  if (e.event == E::escalate) c.replaced_handler = e.changes & change_bit(Change::person) ? c.handler : std::string();
  if (e.event == E::listen) c.replaced_handler.clear();
  c.handler = e.actor;
  c.state = e.event == E::resume ? c.resume_to : t->to;
  switch (e.event) {
    case E::wait:
      c.resume_to = before;
      c.pauses.push_back({e.time, std::nullopt});
      break;
    case E::resume:
      c.pauses.back().end = e.time;
      break;
    case E::listen:
      if (!c.first_response) c.first_response = e.time;
      break;
    case E::reopen:
      c.closed.reset();
      ++c.reopen_count;
      break;
    default:
      break;
  }
  if (e.event == E::transfer || e.event == E::escalate) c.department = e.department;
  if (handler_update(e.event) && c.first_response) c.last_update = e.time;
  if (is_final(c.state)) {
    c.closed = e.time;
    if (before == S::waiting) c.pauses.back().end = e.time;
  }
  c.audit.push_back({sequence, e.time, e.actor, e.event, before, c.state, e.department, e.note,
                     e.event == E::escalate ? e.changes : 0u});
}

}  // namespace

ComplaintCase CaseBook::preview(const CaseEventRecord& e, const ComplaintCase* current,
                               const ComplaintCase* followed) const {
  check(e, current, followed);
  if (e.event == E::open) return opened_case(e, 0);
  ComplaintCase c = *current;
  advance(c, e, 0);
  return c;
}

const ComplaintCase& CaseBook::apply(const CaseEventRecord& e, std::int64_t sequence, Checks checks) {
  const auto it = cases_.find(e.case_id);
  ComplaintCase* current = it == cases_.end() ? nullptr : &it->second;
  const auto followed = e.follows.empty() ? cases_.end() : cases_.find(e.follows);
  check(e, current, followed == cases_.end() ? nullptr : &followed->second, checks);
  if (current != nullptr) {
    advance(*current, e, sequence);
    return *current;
  }
  if (followed != cases_.end()) followed->second.follow_ups.push_back(e.case_id);
  return cases_.emplace(e.case_id, opened_case(e, sequence)).first->second;
}

const ComplaintCase* CaseBook::find(const std::string& id) const {
  const auto it = cases_.find(id);
  return it == cases_.end() ? nullptr : &it->second;
}

const ComplaintCase& CaseBook::get(const std::string& id) const {
  const ComplaintCase* c = find(id);
  if (c == nullptr) throw Error(ErrorCode::invalid_argument, "unknown " + quoted(id));
  return *c;
}

void CaseBook::put(ComplaintCase c) {
  std::string id = c.id;
  cases_[id] = std::move(c);
}

namespace {

// The date.h format for text of one of the accepted shapes, digit for digit
// ("2026-03-27T15:00:00Z", "2026-03-27T16:00:00+01:00", "2026-03-27 15:00:00",
// "2026-03-27T15:00:00"); nullptr for anything else. date.h only ever sees a text it can
// read whole: on one that breaks off it uses an uninitialised seconds value and negates an
// unread offset (undefined behaviour, both found by fuzz/events_fuzzer).
const char* time_format(const std::string& text) {
  static const char kShape[] = "dddd-dd-dd?dd:dd:dd";
  constexpr std::size_t kLength = sizeof kShape - 1;
  const auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  if (text.size() < kLength) return nullptr;
  for (std::size_t i = 0; i < kLength; ++i)
    if (kShape[i] == 'd' ? !digit(i) : kShape[i] != '?' && text[i] != kShape[i]) return nullptr;
  const char separator = text[10];
  const std::string_view tail = std::string_view(text).substr(kLength);
  if (separator == ' ') return tail.empty() ? "%F %T" : nullptr;
  if (separator != 'T') return nullptr;
  if (tail.empty()) return "%FT%T";
  if (tail == "Z") return "%FT%TZ";
  const std::size_t o = kLength;
  const bool offset = tail.size() == 6 && (tail[0] == '+' || tail[0] == '-') && digit(o + 1) && digit(o + 2) &&
                      tail[3] == ':' && digit(o + 4) && digit(o + 5);
  return offset ? "%FT%T%Ez" : nullptr;
}

}  // namespace

// GCC 12 reports a false "may be used uninitialized" inside date.h's seconds parser
// (date::from_stream's long double, unset only when the text breaks off, which
// time_format rules out); silenced for this function.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
Time parse_time(const std::string& text) {
  if (const char* format = time_format(text)) {
    std::istringstream in(text);
    Time t{};
    in >> date::parse(format, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  throw Error(ErrorCode::parse_error, "time '" + text +
                                          "' is not of the form 2026-03-27T15:00:00Z, 2026-03-27T16:00:00+01:00 "
                                          "or 2026-03-27 15:00:00 (UTC)");
}
#pragma GCC diagnostic pop

std::string format_time(Time t) { return date::format("%FT%TZ", t); }

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
