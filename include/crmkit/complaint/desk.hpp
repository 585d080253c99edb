// The complaint desk: the case state machine (case.hpp) made durable in SQLite. Events are
// the source of truth: an append-only table with a sequence number in DIR/desk.sqlite3 (WAL
// journal, synchronous=FULL), so a submit that returns has committed its events, and a
// desk opened after a crash rebuilds every case by replaying them. A batch commits in one
// transaction. Customer references are kept in their own table, apart from the events.
// snapshot() bounds recovery: opening loads it and replays only the later events.
// The desk stores its policy (case and SLA rules, the organisation it routes on) beside
// the events, so every later opening, from any host, applies the same rules.
//
// Threads: one Desk may be shared by any number of threads. It holds one SQLite connection
// and serialises every call on one mutex (a single writer: SQLite allows one anyway), so a
// submit's validation, commit and in-memory update happen as one step. Another process
// opening the same directory gets Error(io_error): the database is opened in exclusive
// locking mode so two engines can never diverge.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/complaint/case.hpp"
#include "crmkit/complaint/routing.hpp"
#include "crmkit/complaint/sla.hpp"
#include "crmkit/error.hpp"

struct sqlite3;  // the desk's connection, handed to the quality stores (with_store)

namespace crmkit {
inline namespace v0 {
namespace complaint {

struct DeskOptions {
  CasePolicy cases;
  SlaPolicy sla;
  // With an organisation, a transfer or escalation must name one of its units reachable
  // from the case's unit by a transfer path, and an escalation without a department is
  // routed to the nearest unit with more authority than the case's unit (the unit reached
  // is stored in the event). Without one, any department is taken as given.
  std::optional<Organisation> organisation;
};

// What to do with the rest of a batch after a refused event.
enum class OnRefusal : std::uint8_t { skip, stop };
const NameTable& names(OnRefusal);

struct Refusal {
  std::size_t index = 0;  // position in the batch
  ErrorCode code = ErrorCode::invalid_state;
  std::optional<CaseState> state;  // the case's state then (none: the case did not exist)
  std::string message;    // names the case, its state and the event
};

struct SubmitResult {
  std::size_t applied = 0;        // committed events
  std::vector<Refusal> refused;   // nothing of these was written
  std::size_t not_tried = 0;      // after a refusal with OnRefusal::stop
};

class Desk {
 public:
  // Opens DIR/desk.sqlite3 (creating DIR and the database if needed) and replays its
  // events. With `options` the desk stores and uses them (as set_options); without, it uses
  // the policy stored in the desk (the defaults for a desk that has none). Error(io_error)
  // when it cannot be opened or is locked by another process, Error(corrupt_data) naming
  // the file when it is not a desk database, is damaged, or holds an event that does not
  // replay. A desk written by the previous schema (version 1) is upgraded in place.
  explicit Desk(const std::string& dir, std::optional<DeskOptions> options = std::nullopt);
  ~Desk();
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  // One event, committed before it returns; a refused event throws and writes nothing.
  ComplaintCase submit(const CaseEventRecord& event);
  // A batch: the accepted events commit together in one transaction (group commit).
  SubmitResult submit(const std::vector<CaseEventRecord>& events, OnRefusal on_refusal = OnRefusal::skip);

  std::optional<ComplaintCase> find(const std::string& case_id) const;
  ComplaintCase get(const std::string& case_id) const;  // invalid_argument when unknown
  std::array<SlaClock, 3> clocks(const std::string& case_id, Time now) const;
  // Case ids in id order, optionally only those in `state` and / or breached at `now`.
  std::vector<std::string> list(std::optional<CaseState> state, bool breached_only, Time now) const;
  std::int64_t event_count() const;
  // Stores every case as of the latest event (versioned Boost archives in a checked
  // envelope, inside the database) so that opening replays only later events; returns the
  // sequence number it covers. Error(corrupt_data) at open when it is damaged. The cases are
  // split into parts of about `part_audit_entries` audit entries (200,000: some 11 MB), so no
  // archive nears the largest one a load accepts however large the desk grows.
  std::int64_t snapshot(std::size_t part_audit_entries = 200000);
  // Removes one customer's reference everywhere (personal-data erasure): from the
  // customers table with secure_delete on, then the WAL is checkpointed and truncated so
  // no old page keeps it; the cases and their events stay, so counts and analytics do not
  // change. Returns the number of cases that carried the reference.
  std::size_t erase_customer(const std::string& customer);
  // Stores another policy and applies it from now on: SLA clocks of every case, open ones
  // included, are read under it (pauses are kept); case rules and routing apply to later
  // submits (stored events are never re-judged).
  void set_options(DeskOptions options);
  DeskOptions options() const;
  void set_sla_policy(SlaPolicy policy);  // set_options with only the SLA policy changed
  SlaPolicy sla_policy() const;
  const std::string& path() const noexcept;

  // --- Hooks for the quality layer (recovery.hpp, review.hpp, analytics.hpp, cfpb.hpp) ---
  // Visits every case in id order under the desk's lock, without copying them.
  void for_each_case(const std::function<void(const ComplaintCase&)>& visit) const;
  // Runs `f` with the desk's SQLite connection under the desk's lock. The quality tables
  // live in the same database (created by their own code with CREATE TABLE IF NOT EXISTS);
  // `f` commits what it writes before it returns (src/complaint/store.hpp).
  void with_store(const std::function<void(sqlite3* db, const std::string& path)>& f) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
