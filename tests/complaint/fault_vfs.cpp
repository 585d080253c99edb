#include "fault_vfs.hpp"

#include <csignal>
#include <cstring>
#include <new>

#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

namespace crmkit_test {

const char* name_of(WritePhase phase) {
  static const char* const names[] = {"engine",        "journal write",  "journal sync",    "database write",
                                      "database sync", "journal truncate", "acknowledged"};
  const int i = static_cast<int>(phase);
  return i >= 0 && i < static_cast<int>(WritePhase::count) ? names[i] : "?";
}

FaultState& fault_state() {
  static FaultState* state = [] {
    void* p = mmap(nullptr, sizeof(FaultState), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return new (p) FaultState();
  }();
  return *state;
}

void enter_phase(WritePhase phase) {
  FaultState& s = fault_state();
  s.phase = static_cast<int>(phase);
  if (s.kill_phase == static_cast<int>(phase) && ++s.entries >= s.kill_after) kill(getpid(), SIGKILL);
}

namespace {

sqlite3_vfs* real_vfs = nullptr;

// A file of the wrapped VFS, followed in memory by the real VFS's file object.
struct FaultFile {
  sqlite3_file base;
  bool wal;  // the WAL, else the database or another file
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

FaultFile* of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }

// Runs the real call inside `phase`, then goes back to the engine phase.
template <class Call>
int in_phase(WritePhase phase, Call&& call) {
  enter_phase(phase);
  const int rc = call();
  fault_state().phase = static_cast<int>(WritePhase::engine);
  return rc;
}

int x_close(sqlite3_file* f) {
  const int rc = of(f)->real()->pMethods ? of(f)->real()->pMethods->xClose(of(f)->real()) : SQLITE_OK;
  return rc;
}
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 offset) {
  return of(f)->real()->pMethods->xRead(of(f)->real(), buf, n, offset);
}
int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 offset) {
  FaultState& s = fault_state();
  if (s.budget >= 0 && s.written + n > s.budget) {
    ++s.failed_writes;
    return SQLITE_FULL;
  }
  s.written += n;
  return in_phase(of(f)->wal ? WritePhase::journal_write : WritePhase::database_write,
                  [&] { return of(f)->real()->pMethods->xWrite(of(f)->real(), buf, n, offset); });
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  const WritePhase phase = of(f)->wal ? WritePhase::journal_truncate : WritePhase::database_write;
  return in_phase(phase, [&] { return of(f)->real()->pMethods->xTruncate(of(f)->real(), size); });
}
int x_sync(sqlite3_file* f, int flags) {
  return in_phase(of(f)->wal ? WritePhase::journal_sync : WritePhase::database_sync,
                  [&] { return of(f)->real()->pMethods->xSync(of(f)->real(), flags); });
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return of(f)->real()->pMethods->xFileSize(of(f)->real(), size);
}
int x_lock(sqlite3_file* f, int level) { return of(f)->real()->pMethods->xLock(of(f)->real(), level); }
int x_unlock(sqlite3_file* f, int level) { return of(f)->real()->pMethods->xUnlock(of(f)->real(), level); }
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  return of(f)->real()->pMethods->xCheckReservedLock(of(f)->real(), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return of(f)->real()->pMethods->xFileControl(of(f)->real(), op, arg);
}
int x_sector_size(sqlite3_file* f) { return of(f)->real()->pMethods->xSectorSize(of(f)->real()); }
int x_device_characteristics(sqlite3_file* f) {
  return of(f)->real()->pMethods->xDeviceCharacteristics(of(f)->real());
}
int x_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return of(f)->real()->pMethods->xShmMap(of(f)->real(), region, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return of(f)->real()->pMethods->xShmLock(of(f)->real(), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { of(f)->real()->pMethods->xShmBarrier(of(f)->real()); }
int x_shm_unmap(sqlite3_file* f, int drop) { return of(f)->real()->pMethods->xShmUnmap(of(f)->real(), drop); }
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
  return of(f)->real()->pMethods->xFetch(of(f)->real(), offset, n, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  return of(f)->real()->pMethods->xUnfetch(of(f)->real(), offset, p);
}

const sqlite3_io_methods fault_methods = {
    3,           x_close,      x_read,       x_write,     x_truncate,           x_sync,
    x_file_size, x_lock,       x_unlock,     x_check_reserved_lock, x_file_control, x_sector_size,
    x_device_characteristics,  x_shm_map,    x_shm_lock,  x_shm_barrier,        x_shm_unmap,
    x_fetch,     x_unfetch};

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  FaultFile* f = of(file);
  f->base.pMethods = nullptr;
  f->wal = (flags & SQLITE_OPEN_WAL) != 0;
  std::memset(f->real(), 0, static_cast<std::size_t>(real_vfs->szOsFile));
  const int rc = real_vfs->xOpen(real_vfs, name, f->real(), flags, out_flags);
  // SQLite calls xClose when pMethods is set, even after a failed open.
  if (f->real()->pMethods) f->base.pMethods = &fault_methods;
  (void)vfs;
  return rc;
}

}  // namespace

void install_fault_vfs() {
  static sqlite3_vfs vfs = [] {
    real_vfs = sqlite3_vfs_find(nullptr);
    sqlite3_vfs v = *real_vfs;
    v.zName = "crmkit-fault";
    v.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
    v.xOpen = x_open;
    return v;
  }();
  sqlite3_vfs_register(&vfs, 1);
}

}  // namespace crmkit_test
