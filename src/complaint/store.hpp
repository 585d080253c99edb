// SQLite helpers for the desk (desk.cpp) and its quality tables (recovery, surveys, reviews,
// imported facts). The quality tables live in the desk's database and are reached through Desk::with_store, so
// they share its lock and its durability (WAL, synchronous=FULL): a write that returns has
// committed. Each table is created with CREATE TABLE IF NOT EXISTS by the code that owns
// it, so a desk created before these tables existed gains them on first use.
#pragma once

#include <cstdint>
#include <string>

#include <sqlite3.h>

#include "crmkit/complaint/case.hpp"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {
namespace store {

// The error for SQLite result `rc` while `doing` something to the database at `path`.
[[noreturn]] inline void fail(sqlite3* db, int rc, const std::string& path, const std::string& doing) {
  const int primary = rc & 0xff;
  const std::string what = path + ": " + doing + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    throw Error(ErrorCode::corrupt_data, what + " (the desk database is damaged or not a desk database)");
  if (primary == SQLITE_NOMEM) throw Error(ErrorCode::out_of_memory, what);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw Error(ErrorCode::io_error, what + " (the desk is open in another process)");
  throw Error(ErrorCode::io_error, what);
}

inline void exec(sqlite3* db, const std::string& path, const char* sql, const char* doing) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, path, doing);
}

// One prepared statement; bind() by position from 1, column() from 0.
class Query {
 public:
  Query(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(path) {
    const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, path, "preparing a statement");
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Query& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Query& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Times are stored as whole seconds since 1970-01-01 UTC.
  Query& bind(int i, Time t) { return bind(i, std::int64_t{t.time_since_epoch().count()}); }
  Query& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
    return *this;
  }
  bool row(const char* doing) {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail(db_, rc, path_, doing);
    return false;
  }
  // Runs a statement that returns no rows, ready to bind again.
  void run(const char* doing) {
    row(doing);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(stmt_, i); }
  double real(int i) const { return sqlite3_column_double(stmt_, i); }
  Time time(int i) const { return Time(Seconds(integer(i))); }
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

// Runs `write` in one IMMEDIATE transaction: committed when it returns, rolled back when it
// throws (the same discipline as the desk's event commits).
template <class Write>
void transaction(sqlite3* db, const std::string& path, Write&& write) {
  exec(db, path, "BEGIN IMMEDIATE", "starting a transaction");
  try {
    write();
    exec(db, path, "COMMIT", "committing");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace store
}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
