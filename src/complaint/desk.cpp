#include "crmkit/complaint/desk.hpp"

#include <filesystem>
#include <map>
#include <mutex>

#include <sqlite3.h>

#include "complaint/snapshot.hpp"
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
constexpr int kSchemaVersion = 1;

[[noreturn]] void fail_sqlite(sqlite3* db, int rc, const std::string& path, const std::string& doing) {
  const int primary = rc & 0xff;
  const std::string what = path + ": " + doing + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    throw Error(ErrorCode::corrupt_data, what + " (the desk database is damaged or not a desk database)");
  if (primary == SQLITE_NOMEM) throw Error(ErrorCode::out_of_memory, what);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw Error(ErrorCode::io_error, what + " (the desk is open in another process)");
  throw Error(ErrorCode::io_error, what);
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(path) {
    const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail_sqlite(db, rc, path, "preparing a statement");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, const std::string& v) { sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  }
  // true while there is a row.
  bool step(const char* doing) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail_sqlite(db_, rc, path_, doing);
  }
  void run(const char* doing) {
    step(doing);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(stmt_, i); }
  std::string blob(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
  }
  std::string text(int i) const {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
  }

 private:
  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

struct Desk::Impl {
  std::string path;
  DeskOptions options;
  sqlite3* db = nullptr;
  CaseBook book;
  std::int64_t events = 0;
  std::int64_t last_sequence = 0;  // of the latest applied event
  mutable std::mutex mutex;

  Impl(const std::string& dir, DeskOptions o) : options(std::move(o)), book(options.cases) {
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
      replay();
    } catch (...) {
      sqlite3_close(db);
      throw;
    }
  }
  ~Impl() { sqlite3_close(db); }

  void exec(const char* sql, const char* doing) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail_sqlite(db, rc, path, doing);
  }
  std::int64_t pragma(const char* sql) {
    Statement s(db, path, sql);
    return s.step("reading the desk's header") ? s.integer(0) : 0;
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
           " priority INTEGER NOT NULL, department TEXT NOT NULL, note TEXT NOT NULL);"
           "CREATE TABLE customers(case_id TEXT PRIMARY KEY, customer TEXT NOT NULL);"
           "PRAGMA application_id=1129467204; PRAGMA user_version=1;"
           "COMMIT",
           "creating the desk");
    } else if (application != kApplicationId) {
      throw Error(ErrorCode::corrupt_data, path + " is an SQLite database but not a crmkit desk");
    } else if (version != kSchemaVersion) {
      throw Error(ErrorCode::corrupt_data, path + " has desk schema version " + std::to_string(version) +
                                               "; this library reads version " + std::to_string(kSchemaVersion));
    } else {
      exec("PRAGMA journal_mode=WAL", "switching to WAL");
    }
    exec("CREATE TABLE IF NOT EXISTS snapshot(id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL,"
         " data BLOB NOT NULL)",
         "creating the snapshot table");
    // FULL: the WAL is synced at every commit, so an acknowledged submit survives power loss.
    exec("PRAGMA synchronous=FULL", "setting synchronous=FULL");
    exec("BEGIN EXCLUSIVE; COMMIT", "locking the desk");
  }

  // The snapshot's cases, if there is one; returns the sequence number it covers.
  std::int64_t load_snapshot() {
    Statement s(db, path, "SELECT sequence, data FROM snapshot WHERE id = 1");
    if (!s.step("reading the snapshot")) return 0;
    try {
      DeskSnapshot snapshot = io::from_bytes<DeskSnapshot>(s.blob(1));
      if (snapshot.legacy) return 0;  // format 1 is not read: every event is replayed
      if (snapshot.sequence != s.integer(0)) throw Error(ErrorCode::corrupt_data, "sequence numbers disagree");
      for (ComplaintCase& c : snapshot.cases) book.put(std::move(c));
      return snapshot.sequence;
    } catch (const Error& e) {
      throw Error(ErrorCode::corrupt_data, path + ": the snapshot is damaged: " + e.what());
    }
  }

  void write_snapshot() {
    DeskSnapshot snapshot;
    snapshot.sequence = last_sequence;
    for (const auto& [id, c] : book.cases()) snapshot.cases.push_back(c);
    const std::string bytes = io::to_bytes(snapshot);
    exec("BEGIN IMMEDIATE", "starting a transaction");
    try {
      Statement put(db, path, "INSERT OR REPLACE INTO snapshot(id, sequence, data) VALUES(1, ?, ?)");
      put.bind(1, last_sequence);
      put.bind_blob(2, bytes);
      put.run("writing the snapshot");
      exec("COMMIT", "committing the snapshot");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void replay() {
    last_sequence = load_snapshot();
    Statement covered(db, path, "SELECT count(*) FROM events WHERE seq <= ?");
    covered.bind(1, last_sequence);
    covered.step("counting the events the snapshot covers");
    events = covered.integer(0);
    std::map<std::string, std::string> customers;
    Statement c(db, path, "SELECT case_id, customer FROM customers");
    while (c.step("reading customer references")) customers[c.text(0)] = c.text(1);
    Statement s(db, path,
                "SELECT seq, time, case_id, event, actor, channel, category, priority, department, note FROM events"
                " WHERE seq > ? ORDER BY seq");
    s.bind(1, last_sequence);
    while (s.step("reading events")) {
      const std::int64_t seq = s.integer(0);
      try {
        CaseEventRecord e;
        e.time = Time(Seconds(s.integer(1)));
        e.case_id = s.text(2);
        e.event = enum_from_int<CaseEvent>(s.integer(3), "event");
        e.actor = s.text(4);
        e.channel = enum_from_int<Channel>(s.integer(5), "channel");
        e.category = s.text(6);
        e.priority = enum_from_int<Priority>(s.integer(7), "priority");
        e.department = s.text(8);
        e.note = s.text(9);
        if (e.event == CaseEvent::open) {
          const auto it = customers.find(e.case_id);
          if (it != customers.end()) e.customer = it->second;
        }
        book.apply(e, seq);
        ++events;
        last_sequence = seq;
      } catch (const Error& error) {
        throw Error(ErrorCode::corrupt_data, path + ": stored event #" + std::to_string(seq) + " does not replay: " + error.what());
      }
    }
  }

  // Validates the batch against the current cases plus the batch's own earlier events.
  SubmitResult validate(const std::vector<CaseEventRecord>& batch, OnRefusal on_refusal, std::vector<std::size_t>& accepted) const {
    SubmitResult result;
    std::map<std::string, ComplaintCase> staged;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const CaseEventRecord& e = batch[i];
      const auto it = staged.find(e.case_id);
      const ComplaintCase* current = it != staged.end() ? &it->second : book.find(e.case_id);
      try {
        ComplaintCase next = book.preview(e, current);
        staged[e.case_id] = std::move(next);
        accepted.push_back(i);
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

  void commit(const std::vector<CaseEventRecord>& batch, const std::vector<std::size_t>& accepted) {
    std::vector<std::int64_t> sequence;
    sequence.reserve(accepted.size());
    exec("BEGIN IMMEDIATE", "starting a transaction");
    try {
      Statement insert(db, path,
                       "INSERT INTO events(time, case_id, event, actor, channel, category, priority, department, note)"
                       " VALUES(?,?,?,?,?,?,?,?,?)");
      Statement customer(db, path, "INSERT OR REPLACE INTO customers(case_id, customer) VALUES(?,?)");
      for (std::size_t i : accepted) {
        const CaseEventRecord& e = batch[i];
        insert.bind(1, static_cast<std::int64_t>(e.time.time_since_epoch().count()));
        insert.bind(2, e.case_id);
        insert.bind(3, static_cast<std::int64_t>(e.event));
        insert.bind(4, e.actor);
        insert.bind(5, static_cast<std::int64_t>(e.channel));
        insert.bind(6, e.category);
        insert.bind(7, static_cast<std::int64_t>(e.priority));
        insert.bind(8, e.department);
        insert.bind(9, e.note);
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
    for (std::size_t k = 0; k < accepted.size(); ++k) book.apply(batch[accepted[k]], sequence[k]);
    if (!sequence.empty()) last_sequence = sequence.back();
    events += static_cast<std::int64_t>(accepted.size());
  }
};

Desk::Desk(const std::string& dir, DeskOptions options) : impl_(std::make_unique<Impl>(dir, std::move(options))) {}
Desk::~Desk() = default;

ComplaintCase Desk::submit(const CaseEventRecord& event) {
  const SubmitResult r = submit(std::vector<CaseEventRecord>{event}, OnRefusal::stop);
  if (!r.refused.empty()) throw Error(r.refused.front().code, r.refused.front().message);
  return get(event.case_id);
}

SubmitResult Desk::submit(const std::vector<CaseEventRecord>& events, OnRefusal on_refusal) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<std::size_t> accepted;
  SubmitResult result = impl_->validate(events, on_refusal, accepted);
  if (!accepted.empty()) impl_->commit(events, accepted);
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

std::int64_t Desk::snapshot() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
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
  Statement erase(impl_->db, impl_->path, "DELETE FROM customers WHERE customer = ?");
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
  // A snapshot holds the reference too: rewritten from the erased cases.
  if (impl_->pragma("SELECT count(*) FROM snapshot") != 0) impl_->write_snapshot();
  // Old copies of the pages may still sit in the WAL: copy it back and truncate it.
  impl_->exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing after an erasure");
  return erased;
}

void Desk::set_sla_policy(SlaPolicy policy) {
  require(policy.warning_fraction > 0 && policy.warning_fraction <= 1, "SLA warning fraction must be in (0, 1]");
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->options.sla = std::move(policy);
}

SlaPolicy Desk::sla_policy() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->options.sla;
}

const std::string& Desk::path() const noexcept { return impl_->path; }

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
