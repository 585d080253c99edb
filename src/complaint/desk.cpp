#include "crmkit/complaint/desk.hpp"

#include <filesystem>
#include <map>
#include <mutex>

#include <sqlite3.h>

#include "complaint/snapshot.hpp"
#include "complaint/store.hpp"
#include "crmkit/io/archive.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

const NameTable& names(OnRefusal) {
  static constexpr const char* kNames[] = {"skip", "stop"};
  static constexpr NameTable table("on refusal", kNames);
  return table;
}

namespace {

// 'CRMD': marks the file as a crmkit desk (PRAGMA application_id); user_version is the
// schema version this code writes and reads.
constexpr int kApplicationId = 0x43524d44;
// Version 2 added the events' follows and changes columns (a follow-up's link and an
// escalation's three changes); version 1 desks are upgraded when opened.
constexpr int kSchemaVersion = 2;

}  // namespace

struct Desk::Impl {
  std::string path;
  DeskOptions options;
  sqlite3* db = nullptr;
  CaseBook book;
  std::int64_t events = 0;
  std::int64_t last_sequence = 0;  // of the latest applied event
  mutable std::mutex mutex;

  Impl(const std::string& dir, std::optional<DeskOptions> given) : book(CasePolicy{}) {
    if (dir.empty()) throw Error(ErrorCode::invalid_argument, "desk directory is empty");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorCode::io_error, "desk directory '" + dir + "' cannot be created: " + ec.message());
    path = (std::filesystem::path(dir) / "desk.sqlite3").string();
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close(db);
      db = nullptr;
      throw Error(ErrorCode::io_error, path + ": cannot open: " + message);
    }
    try {
      set_up();
      if (given) {
        use(*given);
        store_settings();
      } else {
        load_settings();
      }
      replay();
    } catch (...) {
      sqlite3_close(db);
      throw;
    }
  }
  ~Impl() { sqlite3_close(db); }

  void exec(const char* sql, const char* doing) { store::exec(db, path, sql, doing); }
  std::int64_t pragma(const char* sql) {
    store::Query s(db, path, sql);
    return s.row("reading the desk's header") ? s.integer(0) : 0;
  }

  void set_up() {
    // Exclusive locking: one process owns the desk; with WAL it also needs no shared memory.
    exec("PRAGMA locking_mode=EXCLUSIVE", "setting exclusive locking");
    // secure_delete: erased data is overwritten, not left in free pages.
    exec("PRAGMA secure_delete=ON", "setting secure delete");
    const std::int64_t application = pragma("PRAGMA application_id");  // reads the header: NOTADB shows here
    const std::int64_t version = pragma("PRAGMA user_version");
    const std::int64_t tables = pragma("SELECT count(*) FROM sqlite_schema");
    if (tables == 0 && application == 0) {
      exec("PRAGMA journal_mode=WAL", "switching to WAL");
      exec("BEGIN EXCLUSIVE;"
           "CREATE TABLE events(seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, case_id TEXT NOT NULL,"
           " event INTEGER NOT NULL, actor TEXT NOT NULL, channel INTEGER NOT NULL, category TEXT NOT NULL,"
           " priority INTEGER NOT NULL, department TEXT NOT NULL, note TEXT NOT NULL,"
           " follows TEXT NOT NULL DEFAULT '', changes INTEGER NOT NULL DEFAULT 0);"
           "CREATE TABLE customers(case_id TEXT PRIMARY KEY, customer TEXT NOT NULL);"
           "PRAGMA application_id=1129467204; PRAGMA user_version=2;"
           "COMMIT",
           "creating the desk");
    } else if (application != kApplicationId) {
      throw Error(ErrorCode::corrupt_data, path + " is an SQLite database but not a crmkit desk");
    } else if (version == 1) {
      exec("PRAGMA journal_mode=WAL", "switching to WAL");
      exec("BEGIN EXCLUSIVE;"
           "ALTER TABLE events ADD COLUMN follows TEXT NOT NULL DEFAULT '';"
           "ALTER TABLE events ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;"
           "PRAGMA user_version=2;"
           "COMMIT",
           "upgrading the desk from schema version 1");
    } else if (version != kSchemaVersion) {
      throw Error(ErrorCode::corrupt_data, path + " has desk schema version " + std::to_string(version) +
                                               "; this library reads version " + std::to_string(kSchemaVersion));
    } else {
      exec("PRAGMA journal_mode=WAL", "switching to WAL");
    }
    // The snapshot: its first part in `snapshot` (with the number of parts), the others in
    // `snapshot_parts`, so no archive grows past what one may hold however many cases there are.
    if (pragma("SELECT count(*) FROM sqlite_schema WHERE name = 'snapshot'") != 0 &&
        pragma("SELECT count(*) FROM pragma_table_info('snapshot') WHERE name = 'parts'") == 0)
      exec("ALTER TABLE snapshot ADD COLUMN parts INTEGER NOT NULL DEFAULT 1", "upgrading the snapshot table");
    exec("CREATE TABLE IF NOT EXISTS snapshot(id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL,"
         " data BLOB NOT NULL, parts INTEGER NOT NULL DEFAULT 1);"
         "CREATE TABLE IF NOT EXISTS snapshot_parts(part INTEGER PRIMARY KEY CHECK (part >= 2),"
         " sequence INTEGER NOT NULL, data BLOB NOT NULL)",
         "creating the snapshot tables");
    exec("CREATE TABLE IF NOT EXISTS settings(id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL)",
         "creating the settings table");
    // FULL: the WAL is synced at every commit, so an acknowledged submit survives power loss.
    exec("PRAGMA synchronous=FULL", "setting synchronous=FULL");
    exec("BEGIN EXCLUSIVE; COMMIT", "locking the desk");
  }

  void use(DeskOptions o) {
    require(o.sla.warning_fraction > 0 && o.sla.warning_fraction <= 1, "SLA warning fraction must be in (0, 1]");
    book.set_policy(o.cases);
    options = std::move(o);
  }

  void store_settings() {
    const std::string bytes = io::to_bytes(DeskSettings{options.cases, options.sla, options.organisation});
    store::Query put(db, path, "INSERT OR REPLACE INTO settings(id, data) VALUES(1, ?)");
    put.bind_blob(1, bytes);
    put.run("storing the desk's policy");
  }

  void load_settings() {
    store::Query s(db, path, "SELECT data FROM settings WHERE id = 1");
    if (!s.row("reading the desk's policy")) return use(DeskOptions{});
    try {
      DeskSettings stored = io::from_bytes<DeskSettings>(s.blob(0));
      use(DeskOptions{stored.cases, stored.sla, std::move(stored.organisation)});
    } catch (const Error& e) {
      throw Error(ErrorCode::corrupt_data, path + ": the stored policy is damaged: " + e.what());
    }
  }

  // The snapshot's cases, if there is one; returns the sequence number it covers.
  std::int64_t load_snapshot() {
    store::Query head(db, path, "SELECT sequence, data, parts FROM snapshot WHERE id = 1");
    if (!head.row("reading the snapshot")) return 0;
    try {
      const std::int64_t sequence = head.integer(0), parts = head.integer(2);
      // Returns false for a format 1 snapshot, which is not read (its text fields are
      // unbounded): the desk then replays every event.
      const auto load_part = [&](const std::string& bytes, std::int64_t stored_sequence, std::int64_t part) {
        DeskSnapshot snapshot = io::from_bytes<DeskSnapshot>(bytes);
        if (snapshot.legacy) return false;
        if (snapshot.sequence != stored_sequence || stored_sequence != sequence)
          throw Error(ErrorCode::corrupt_data, "sequence numbers disagree in part " + std::to_string(part));
        for (ComplaintCase& c : snapshot.cases) book.put(std::move(c));
        return true;
      };
      if (!load_part(head.blob(1), sequence, 1)) return 0;
      store::Query rest(db, path, "SELECT part, sequence, data FROM snapshot_parts ORDER BY part");
      std::int64_t expected = 2;
      for (; rest.row("reading the snapshot"); ++expected) {
        if (rest.integer(0) != expected || expected > parts)
          throw Error(ErrorCode::corrupt_data, "part " + std::to_string(rest.integer(0)) + " found where part " +
                                                   std::to_string(expected) + " of " + std::to_string(parts) +
                                                   " was expected");
        if (!load_part(rest.blob(2), rest.integer(1), expected))
          throw Error(ErrorCode::corrupt_data, "part " + std::to_string(expected) + " is of format 1");
      }
      if (expected != parts + 1)
        throw Error(ErrorCode::corrupt_data, "it has " + std::to_string(expected - 1) + " of its " + std::to_string(parts) +
                                                 " parts");
      return sequence;
    } catch (const Error& e) {
      throw Error(ErrorCode::corrupt_data, path + ": the snapshot is damaged: " + e.what());
    }
  }

  // Cases per snapshot part are bounded by their audit entries (about 56 bytes each in the
  // archive), so a part stays far below the largest archive a load accepts.
  std::size_t part_audit_entries = 200000;

  void write_snapshot() {
    // Split first: every part's archive is built and checked before anything is written.
    std::vector<std::string> parts;
    DeskSnapshot part;
    part.sequence = last_sequence;
    std::size_t entries = 0;
    const auto seal = [&] {
      std::string bytes = io::to_bytes(part);
      // A part too large to load again would make the desk unopenable: refused instead.
      if (bytes.size() > io::kMaxArchivePayload)
        throw Error(ErrorCode::invalid_state, path + ": case '" + part.cases.back().id + "' alone would take " +
                                                  std::to_string(bytes.size() >> 20) +
                                                  " MiB in the snapshot, more than an archive may hold (" +
                                                  std::to_string(io::kMaxArchivePayload >> 20) +
                                                  " MiB); no snapshot was written");
      parts.push_back(std::move(bytes));
      part.cases.clear();
      entries = 0;
    };
    for (const auto& [id, c] : book.cases()) {
      part.cases.push_back(c);
      entries += c.audit.size();
      if (entries >= part_audit_entries) seal();
    }
    if (!part.cases.empty() || parts.empty()) seal();
    exec("BEGIN IMMEDIATE", "starting a transaction");
    try {
      exec("DELETE FROM snapshot_parts", "replacing the snapshot");
      store::Query head(db, path, "INSERT OR REPLACE INTO snapshot(id, sequence, data, parts) VALUES(1, ?, ?, ?)");
      head.bind(1, last_sequence);
      head.bind_blob(2, parts[0]);
      head.bind(3, static_cast<std::int64_t>(parts.size()));
      head.run("writing the snapshot");
      store::Query rest(db, path, "INSERT INTO snapshot_parts(part, sequence, data) VALUES(?, ?, ?)");
      for (std::size_t i = 1; i < parts.size(); ++i) {
        rest.bind(1, static_cast<std::int64_t>(i + 1));
        rest.bind(2, last_sequence);
        rest.bind_blob(3, parts[i]);
        rest.run("writing the snapshot");
      }
      exec("COMMIT", "committing the snapshot");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void replay() {
    last_sequence = load_snapshot();
    store::Query covered(db, path, "SELECT count(*) FROM events WHERE seq <= ?");
    covered.bind(1, last_sequence);
    covered.row("counting the events the snapshot covers");
    events = covered.integer(0);
    std::map<std::string, std::string> customers;
    store::Query c(db, path, "SELECT case_id, customer FROM customers");
    while (c.row("reading customer references")) customers[c.text(0)] = c.text(1);
    store::Query s(db, path,
                "SELECT seq, time, case_id, event, actor, channel, category, priority, department, note, follows,"
                " changes FROM events WHERE seq > ? ORDER BY seq");
    s.bind(1, last_sequence);
    while (s.row("reading events")) {
      const std::int64_t seq = s.integer(0);
      try {
        CaseEventRecord e;
        e.time = s.time(1);
        e.case_id = s.text(2);
        e.event = enum_from_int<CaseEvent>(s.integer(3), "event");
        e.actor = s.text(4);
        e.channel = enum_from_int<Channel>(s.integer(5), "channel");
        e.category = s.text(6);
        e.priority = enum_from_int<Priority>(s.integer(7), "priority");
        e.department = s.text(8);
        e.note = s.text(9);
        e.follows = s.text(10);
        e.changes = static_cast<unsigned>(s.integer(11));
        if (e.event == CaseEvent::open) {
          const auto it = customers.find(e.case_id);
          if (it != customers.end()) e.customer = it->second;
        }
        book.apply(e, seq, Checks::state_machine);
        ++events;
        last_sequence = seq;
      } catch (const Error& error) {
        throw Error(ErrorCode::corrupt_data, path + ": stored event #" + std::to_string(seq) + " does not replay: " + error.what());
      }
    }
  }

  // With an organisation: checks a hand-over's receiving unit and routes an escalation
  // that names none; returns the event as it will be stored.
  CaseEventRecord routed(const CaseEventRecord& e, const ComplaintCase* current) const {
    if (!options.organisation || current == nullptr ||
        (e.event != CaseEvent::transfer && e.event != CaseEvent::escalate))
      return e;
    const Organisation& org = *options.organisation;
    const std::string& from = current->department;
    const std::string what = "case '" + e.case_id + "' in unit '" + from + "': event '" + name_of(e.event) + "'";
    CaseEventRecord out = e;
    if (e.department.empty() && e.event == CaseEvent::escalate) {
      if (!org.has_unit(from))
        throw Error(ErrorCode::invalid_argument, what + " names no department, and the case's unit is not in the "
                                                        "organisation to route from");
      out.department = org.nearest_with_authority(from, org.authority(from) + 1).unit;
      return out;
    }
    if (!org.has_unit(e.department))
      throw Error(ErrorCode::invalid_argument, what + " names '" + e.department + "', which is not a unit of the organisation");
    if (org.has_unit(from) && !org.has_path(from, e.department))
      throw Error(ErrorCode::invalid_state, what + ": the organisation has no transfer path to '" + e.department + "'");
    if (e.event == CaseEvent::escalate && org.has_unit(from) && org.authority(e.department) <= org.authority(from))
      throw Error(ErrorCode::invalid_state, what + ": '" + e.department + "' has no more authority (" +
                                                std::to_string(org.authority(e.department)) + ") than '" + from + "' (" +
                                                std::to_string(org.authority(from)) + ")");
    return out;
  }

  // Validates the batch against the current cases plus the batch's own earlier events;
  // `accepted` gets the events to store (routed) with their batch positions.
  SubmitResult validate(const std::vector<CaseEventRecord>& batch, OnRefusal on_refusal,
                        std::vector<std::pair<std::size_t, CaseEventRecord>>& accepted) const {
    SubmitResult result;
    std::map<std::string, ComplaintCase> staged;
    const auto lookup = [&](const std::string& id) -> const ComplaintCase* {
      if (id.empty()) return nullptr;
      const auto it = staged.find(id);
      return it != staged.end() ? &it->second : book.find(id);
    };
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const ComplaintCase* current = lookup(batch[i].case_id);
      try {
        CaseEventRecord e = routed(batch[i], current);
        ComplaintCase next = book.preview(e, current, lookup(e.follows));
        staged[e.case_id] = std::move(next);
        accepted.emplace_back(i, std::move(e));
      } catch (const Error& error) {
        result.refused.push_back({i, error.code(),
                                  current != nullptr ? std::optional<CaseState>(current->state) : std::nullopt,
                                  error.what()});
        if (on_refusal == OnRefusal::stop) {
          result.not_tried = batch.size() - i - 1;
          break;
        }
      }
    }
    return result;
  }

  void commit(const std::vector<std::pair<std::size_t, CaseEventRecord>>& accepted) {
    std::vector<std::int64_t> sequence;
    sequence.reserve(accepted.size());
    exec("BEGIN IMMEDIATE", "starting a transaction");
    try {
      store::Query insert(db, path,
                       "INSERT INTO events(time, case_id, event, actor, channel, category, priority, department, note,"
                       " follows, changes) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
      store::Query customer(db, path, "INSERT OR REPLACE INTO customers(case_id, customer) VALUES(?,?)");
      for (const auto& [index, e] : accepted) {
        insert.bind(1, e.time);
        insert.bind(2, e.case_id);
        insert.bind(3, static_cast<std::int64_t>(e.event));
        insert.bind(4, e.actor);
        insert.bind(5, static_cast<std::int64_t>(e.channel));
        insert.bind(6, e.category);
        insert.bind(7, static_cast<std::int64_t>(e.priority));
        insert.bind(8, e.department);
        insert.bind(9, e.note);
        insert.bind(10, e.follows);
        insert.bind(11, static_cast<std::int64_t>(e.changes));
        insert.run("writing an event");
        sequence.push_back(sqlite3_last_insert_rowid(db));
        if (e.event == CaseEvent::open && !e.customer.empty()) {
          customer.bind(1, e.case_id);
          customer.bind(2, e.customer);
          customer.run("writing a customer reference");
        }
      }
      exec("COMMIT", "committing events");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    // Committed: now the cases change (validated above, so apply cannot refuse).
    for (std::size_t k = 0; k < accepted.size(); ++k) book.apply(accepted[k].second, sequence[k]);
    if (!sequence.empty()) last_sequence = sequence.back();
    events += static_cast<std::int64_t>(accepted.size());
  }
};

Desk::Desk(const std::string& dir, std::optional<DeskOptions> options)
    : impl_(std::make_unique<Impl>(dir, std::move(options))) {}
Desk::~Desk() = default;

ComplaintCase Desk::submit(const CaseEventRecord& event) {
  const SubmitResult r = submit(std::vector<CaseEventRecord>{event}, OnRefusal::stop);
  if (!r.refused.empty()) throw Error(r.refused.front().code, r.refused.front().message);
  return get(event.case_id);
}

SubmitResult Desk::submit(const std::vector<CaseEventRecord>& events, OnRefusal on_refusal) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<std::pair<std::size_t, CaseEventRecord>> accepted;
  SubmitResult result = impl_->validate(events, on_refusal, accepted);
  if (!accepted.empty()) impl_->commit(accepted);
  result.applied = accepted.size();
  return result;
}

std::optional<ComplaintCase> Desk::find(const std::string& case_id) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const ComplaintCase* c = impl_->book.find(case_id);
  return c == nullptr ? std::nullopt : std::optional<ComplaintCase>(*c);
}

ComplaintCase Desk::get(const std::string& case_id) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->book.get(case_id);
}

std::array<SlaClock, 3> Desk::clocks(const std::string& case_id, Time now) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return sla_clocks(impl_->book.get(case_id), impl_->options.sla, now);
}

std::vector<std::string> Desk::list(std::optional<CaseState> state, bool breached_only, Time now) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<std::string> out;
  for (const auto& [id, c] : impl_->book.cases()) {
    if (state && c.state != *state) continue;
    if (breached_only) {
      // A case whose latest event is after `now` is judged at that event.
      const Time at = std::max(now, c.audit.back().time);
      if (!breached(sla_clocks(c, impl_->options.sla, at))) continue;
    }
    out.push_back(id);
  }
  return out;
}

std::int64_t Desk::snapshot(std::size_t part_audit_entries) {
  require(part_audit_entries > 0, "snapshot part size must be positive");
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->part_audit_entries = part_audit_entries;
  impl_->write_snapshot();
  return impl_->last_sequence;
}

std::int64_t Desk::event_count() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->events;
}

std::size_t Desk::erase_customer(const std::string& customer) {
  require(!customer.empty(), "customer reference to erase is empty");
  std::lock_guard<std::mutex> lock(impl_->mutex);
  store::Query erase(impl_->db, impl_->path, "DELETE FROM customers WHERE customer = ?");
  erase.bind(1, customer);
  erase.run("erasing a customer reference");
  std::size_t erased = 0;
  for (const auto& [id, c] : impl_->book.cases()) {
    if (c.customer != customer) continue;
    ComplaintCase copy = c;
    copy.customer.clear();
    impl_->book.put(std::move(copy));
    ++erased;
  }
  // A snapshot holds the reference too: rewritten from the erased cases, or dropped when it
  // cannot be (a case too large): opening then replays every event, which carry no reference.
  if (impl_->pragma("SELECT count(*) FROM snapshot") != 0) {
    try {
      impl_->write_snapshot();
    } catch (const Error& e) {
      if (e.code() != ErrorCode::invalid_state) throw;
      impl_->exec("BEGIN IMMEDIATE; DELETE FROM snapshot; DELETE FROM snapshot_parts; COMMIT",
                  "dropping a snapshot that holds an erased reference");
    }
  }
  // Old copies of the pages may still sit in the WAL: copy it back and truncate it.
  impl_->exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing after an erasure");
  return erased;
}

void Desk::set_options(DeskOptions options) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const DeskOptions before = impl_->options;
  impl_->use(std::move(options));
  try {
    impl_->store_settings();
  } catch (...) {
    impl_->use(before);
    throw;
  }
}

DeskOptions Desk::options() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->options;
}

void Desk::set_sla_policy(SlaPolicy policy) {
  DeskOptions o = options();
  o.sla = std::move(policy);
  set_options(std::move(o));
}

SlaPolicy Desk::sla_policy() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->options.sla;
}

const std::string& Desk::path() const noexcept { return impl_->path; }

void Desk::for_each_case(const std::function<void(const ComplaintCase&)>& visit) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const auto& [id, c] : impl_->book.cases()) visit(c);
}

void Desk::with_store(const std::function<void(sqlite3* db, const std::string& path)>& f) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  f(impl_->db, impl_->path);
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
