// A test-only SQLite VFS that wraps the default one (registered as the new default, so the
// desk needs no change): it records which write phase the process is in, in memory shared
// with a parent process (so a parent that kills the process knows where the kill landed),
// can kill its own process on the Nth entry into a chosen phase, and can fail writes with
// SQLITE_FULL once a byte budget is spent (a full disk).
#pragma once

#include <cstdint>
#include <string>

namespace crmkit_test {

// Where a desk writer is. The first and last are set by the test around a submit; the
// others by the VFS around SQLite's own file calls.
enum class WritePhase : int {
  engine = 0,         // in the desk, between file calls (validation, apply, statements)
  journal_write,      // appending frames to the WAL
  journal_sync,       // fsync of the WAL (the commit point)
  database_write,     // a checkpoint copying pages into the database file
  database_sync,      // fsync of the database file
  journal_truncate,   // resetting the WAL after a checkpoint
  acknowledged,       // submit returned; the acknowledgement is being sent
  count
};
const char* name_of(WritePhase phase);

struct FaultState {
  // Updated by the process using the VFS; read by anyone mapping the same memory.
  volatile int phase = 0;
  // Kill: when kill_phase >= 0, SIGKILL on the kill_after-th entry into that phase.
  int kill_phase = -1;
  long kill_after = 0;
  long entries = 0;
  // Disk full: when budget >= 0, writes fail with SQLITE_FULL once this many more bytes
  // would have been written.
  long long budget = -1;
  long long written = 0;
  long failed_writes = 0;
};

// The state, in an anonymous shared mapping made once (so it survives fork() shared).
FaultState& fault_state();
// Registers the VFS as SQLite's default (idempotent).
void install_fault_vfs();
// Sets the phase from the test (engine, acknowledged); kills when it is the chosen one.
void enter_phase(WritePhase phase);

}  // namespace crmkit_test
