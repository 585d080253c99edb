// The durable desk: recovery by replay, refused events never written, damaged files,
// concurrent submits, a writer killed with SIGKILL in every write phase, and a full disk.
#include <catch2/catch.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crmkit/complaint/desk.hpp"
#include "error_of.hpp"
#include "temp_dir.hpp"
#include "fault_vfs.hpp"

using namespace crmkit::complaint;
using crmkit::Error;
using crmkit::ErrorCode;
using crmkit_test::error_of;
using crmkit_test::TempDir;
namespace fs = std::filesystem;

namespace {

const Time t0 = parse_time("2026-05-04T08:00:00Z");

CaseEventRecord ev(const std::string& id, CaseEvent e, int minute, std::string note = "") {
  CaseEventRecord r;
  r.time = t0 + std::chrono::minutes(minute);
  r.case_id = id;
  r.event = e;
  r.actor = "desk";
  r.note = std::move(note);
  if (e == CaseEvent::open) {
    r.channel = Channel::email;
    r.customer = "cust-" + id;
    r.category = "billing";
    r.priority = Priority::high;
  }
  return r;
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no crmkit::Error thrown");
  return ErrorCode::invalid_argument;
}

}  // namespace

TEST_CASE("a desk reopened rebuilds every case from its events") {
  TempDir dir("crmkit-desk");
  {
    Desk desk(dir.str());
    desk.submit(ev("A", CaseEvent::open, 0));
    const SubmitResult r = desk.submit({ev("A", CaseEvent::listen, 5), ev("B", CaseEvent::open, 6),
                                        ev("A", CaseEvent::share, 7), ev("B", CaseEvent::wait, 8)});
    CHECK(r.applied == 4);
    CHECK(r.refused.empty());
  }
  Desk desk(dir.str());
  CHECK(desk.event_count() == 5);
  const ComplaintCase a = desk.get("A");
  CHECK(a.state == CaseState::sharing);
  CHECK(a.customer == "cust-A");
  CHECK(a.priority == Priority::high);
  REQUIRE(a.audit.size() == 3);
  CHECK(a.audit[0].sequence == 1);
  CHECK(a.audit[2].sequence == 4);  // A's share was the fourth committed event
  CHECK(desk.get("B").state == CaseState::waiting);
  CHECK(desk.list(CaseState::waiting, false, t0) == std::vector<std::string>{"B"});
  CHECK(desk.list(std::nullopt, false, t0) == std::vector<std::string>{"A", "B"});
}

TEST_CASE("a refused event is reported and nothing of it is written") {
  TempDir dir("crmkit-desk");
  {
    Desk desk(dir.str());
    desk.submit(ev("A", CaseEvent::open, 0));
    const std::string message = error_of([&] { desk.submit(ev("A", CaseEvent::close, 1, "ok")); });
    CHECK(message == "case 'A' is in state received: event 'close' is not allowed (allowed: listen, wait, transfer, "
                     "escalate, reject, withdraw)");
    // skip: the others commit; stop: nothing after the refusal is tried.
    SubmitResult r = desk.submit({ev("A", CaseEvent::listen, 2), ev("A", CaseEvent::act, 3), ev("A", CaseEvent::share, 4)});
    CHECK(r.applied == 2);
    REQUIRE(r.refused.size() == 1);
    CHECK(r.refused[0].index == 1);
    r = desk.submit({ev("A", CaseEvent::probe, 5), ev("Z", CaseEvent::listen, 5), ev("A", CaseEvent::check, 6)},
                    OnRefusal::stop);
    CHECK(r.applied == 1);
    CHECK(r.not_tried == 1);
    CHECK(desk.event_count() == 4);
  }
  Desk desk(dir.str());
  CHECK(desk.event_count() == 4);
  CHECK(desk.get("A").state == CaseState::probing);
}

TEST_CASE("damaged, foreign and locked databases give clear errors") {
  SECTION("garbage") {
    TempDir dir("crmkit-desk");
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "desk.sqlite3") << std::string(4096, 'x');
    CHECK(code_of([&] { Desk d(dir.str()); }) == ErrorCode::corrupt_data);
    CHECK_THAT(error_of([&] { Desk d(dir.str()); }), Catch::Contains("desk.sqlite3"));
  }
  SECTION("truncated") {
    TempDir dir("crmkit-desk");
    {
      Desk desk(dir.str());
      std::vector<CaseEventRecord> batch;
      for (int i = 0; i < 3000; ++i) batch.push_back(ev("T" + std::to_string(i), CaseEvent::open, i));
      desk.submit(batch);
    }
    const fs::path file = dir.path / "desk.sqlite3";
    REQUIRE(!fs::exists(dir.path / "desk.sqlite3-wal"));  // checkpointed at close
    fs::resize_file(file, fs::file_size(file) / 2);
    CHECK(code_of([&] { Desk d(dir.str()); }) == ErrorCode::corrupt_data);
  }
  SECTION("another SQLite database") {
    TempDir dir("crmkit-desk");
    fs::create_directories(dir.path);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "desk.sqlite3").c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THAT(error_of([&] { Desk d(dir.str()); }), Catch::Contains("an SQLite database but not a crmkit desk"));
  }
  SECTION("open twice") {
    TempDir dir("crmkit-desk");
    Desk first(dir.str());
    CHECK_THAT(error_of([&] { Desk second(dir.str()); }), Catch::Contains("open in another process"));
  }
}

TEST_CASE("eight threads submitting to one desk lose nothing") {
  TempDir dir("crmkit-desk");
  constexpr int kThreads = 8, kCases = 40;
  {
    Desk desk(dir.str());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&desk, t] {
        for (int i = 0; i < kCases; ++i) {
          const std::string id = "T" + std::to_string(t) + "-" + std::to_string(i);
          desk.submit(ev(id, CaseEvent::open, i));
          desk.submit({ev(id, CaseEvent::listen, i + 1), ev(id, CaseEvent::share, i + 2)});
        }
      });
    for (std::thread& th : threads) th.join();
    CHECK(desk.event_count() == kThreads * kCases * 3);
  }
  Desk desk(dir.str());
  CHECK(desk.event_count() == kThreads * kCases * 3);
  CHECK(desk.list(CaseState::sharing, false, t0).size() == static_cast<std::size_t>(kThreads * kCases));
}

namespace {

// The writer of the crash tests: one durable submit per event, each event's number sent
// down `ack_fd` only after submit returned (the acknowledgement); now and then a snapshot,
// and an erasure (which checkpoints the WAL into the database file), as a real host does,
// so that every write phase of the store comes up. Never returns.
[[noreturn]] void crash_test_writer(const std::string& dir, int ack_fd) {
  using crmkit_test::enter_phase;
  using crmkit_test::WritePhase;
  try {
    Desk desk(dir);
    for (std::int64_t n = desk.event_count();; ++n) {
      enter_phase(WritePhase::engine);
      desk.submit(ev("E" + std::to_string(n), CaseEvent::open, 0));
      enter_phase(WritePhase::acknowledged);
      if (write(ack_fd, &n, sizeof n) != static_cast<ssize_t>(sizeof n)) _exit(3);
      if (n % 8 == 3) desk.erase_customer("cust-E" + std::to_string(n - 1));
      if (n % 8 == 7) desk.snapshot();
    }
  } catch (...) {
    _exit(2);
  }
}

// Waits for a writer that is to kill itself; a writer still alive after a minute never
// reached its phase: killed, and reported as a failure.
int wait_for_self_kill(pid_t child) {
  int status = 0;
  for (int tenth = 0; tenth < 600; ++tenth) {
    if (waitpid(child, &status, WNOHANG) == child) return status;
    usleep(100000);
  }
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  FAIL("the writer never reached " << crmkit_test::name_of(static_cast<crmkit_test::WritePhase>(
                                          crmkit_test::fault_state().kill_phase)));
  return status;
}

}  // namespace

TEST_CASE("a writer killed in every write phase loses no acknowledged event and invents none") {
  using crmkit_test::WritePhase;
  crmkit_test::install_fault_vfs();
  crmkit_test::FaultState& state = crmkit_test::fault_state();
  TempDir dir("crmkit-desk");
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int> delay_us(0, 15000), entry(1, 12);
  constexpr int kPhases = static_cast<int>(WritePhase::count);
  // Odd iterations kill the writer at a random moment (the parent sends SIGKILL after a
  // random delay); even ones make it kill itself on the Nth entry into one chosen phase,
  // taking every phase in turn, so each is hit whatever the machine's timing.
  constexpr int kIterations = 2 * kPhases * 20;
  std::int64_t acknowledged_total = 0;
  std::array<int, kPhases> hits{};
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    const bool targeted = iteration % 2 == 0;
    state.kill_phase = targeted ? (iteration / 2) % kPhases : -1;
    state.kill_after = entry(rng);
    state.entries = 0;
    state.phase = static_cast<int>(WritePhase::engine);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      crash_test_writer(dir.str(), fds[1]);
    }
    close(fds[1]);
    std::int64_t n = 0, last = -1;
    if (!targeted) {
      // Wait for the first acknowledgement (so every writer gets one event through,
      // whatever the machine's load), then kill at a random point of the following commits.
      if (read(fds[0], &n, sizeof n) == static_cast<ssize_t>(sizeof n)) last = n;
      usleep(static_cast<useconds_t>(delay_us(rng)));
      kill(child, SIGKILL);
    }
    int status = 0;
    if (targeted)
      status = wait_for_self_kill(child);
    else
      waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));  // killed, not failed
    REQUIRE(WTERMSIG(status) == SIGKILL);
    // The shared phase is the one the writer was in when it died.
    ++hits[static_cast<std::size_t>(state.phase)];
    while (read(fds[0], &n, sizeof n) == static_cast<ssize_t>(sizeof n)) last = n;
    close(fds[0]);
    acknowledged_total = std::max(acknowledged_total, last + 1);

    state.kill_phase = -1;  // the recovering desk below runs through the same VFS
    Desk desk(dir.str());
    const std::int64_t recovered = desk.event_count();
    // Every acknowledged event is there; at most the one in flight when the kill came is
    // there unacknowledged (it committed, the acknowledgement did not get out).
    REQUIRE(recovered >= acknowledged_total);
    REQUIRE(recovered <= acknowledged_total + 1);
    acknowledged_total = recovered;  // the next writer continues from what was recovered
    if (recovered > 0) REQUIRE(desk.find("E" + std::to_string(recovered - 1)).has_value());
  }
  std::ostringstream report;
  int distinct = 0;
  for (int p = 0; p < kPhases; ++p) {
    report << "  " << crmkit_test::name_of(static_cast<WritePhase>(p)) << ": " << hits[p] << "\n";
    distinct += hits[p] > 0;
  }
  std::printf("desk crash test: %d kills, %d of %d write phases hit:\n%s", kIterations, distinct, kPhases,
              report.str().c_str());
  CHECK(distinct == kPhases);
  // The ids are exactly E0..E(n-1): nothing lost in the middle, nothing invented.
  Desk desk(dir.str());
  const auto ids = desk.list(std::nullopt, false, t0);
  CHECK(static_cast<std::int64_t>(ids.size()) == desk.event_count());
  for (std::int64_t i = 0; i < desk.event_count(); ++i) REQUIRE(desk.find("E" + std::to_string(i)).has_value());
  CHECK(acknowledged_total >= kIterations / 2);  // each randomly killed writer got one through
}

TEST_CASE("a full disk fails the submit with an error and loses no acknowledged event") {
  crmkit_test::install_fault_vfs();
  crmkit_test::FaultState& state = crmkit_test::fault_state();
  state.kill_phase = -1;
  TempDir dir("crmkit-desk");
  std::vector<std::string> acknowledged;
  std::string refused;
  {
    Desk desk(dir.str());
    for (int i = 0; i < 20; ++i) {
      desk.submit(ev("F" + std::to_string(i), CaseEvent::open, i));
      acknowledged.push_back("F" + std::to_string(i));
    }
    // The disk fills up: a few more commits fit, then a write fails with SQLITE_FULL.
    state.written = 0;
    state.failed_writes = 0;
    state.budget = 64 * 1024;
    for (int i = 20; refused.empty(); ++i) {
      REQUIRE(i < 10000);
      const std::string id = "F" + std::to_string(i);
      try {
        desk.submit(ev(id, CaseEvent::open, i));
        acknowledged.push_back(id);
      } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::io_error);
        CHECK_THAT(e.what(), Catch::Contains("desk.sqlite3") && Catch::Contains("full"));
        refused = id;
      }
    }
    CHECK(state.failed_writes > 0);
    // Still full: the next submit fails the same way and the desk does not take the event.
    CHECK(code_of([&] { desk.submit(ev("G0", CaseEvent::open, 0)); }) == ErrorCode::io_error);
    CHECK_FALSE(desk.find(refused).has_value());
    CHECK(desk.event_count() == static_cast<std::int64_t>(acknowledged.size()));
    // Space comes back: the same desk takes events again.
    state.budget = -1;
    desk.submit(ev("G1", CaseEvent::open, 0));
    acknowledged.push_back("G1");
  }
  Desk desk(dir.str());
  CHECK(desk.event_count() == static_cast<std::int64_t>(acknowledged.size()));
  for (const std::string& id : acknowledged) REQUIRE(desk.find(id).has_value());
  CHECK_FALSE(desk.find(refused).has_value());
  CHECK_FALSE(desk.find("G0").has_value());
}

namespace {

bool file_contains(const fs::path& file, const std::string& needle) {
  if (!fs::exists(file)) return false;
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("erasing a customer removes the reference from the database bytes, keeps the counts") {
  TempDir dir("crmkit-desk");
  const std::string secret = "cust-Q9X7-ERASE-ME";
  const fs::path db = dir.path / "desk.sqlite3", wal = dir.path / "desk.sqlite3-wal";
  {
    Desk desk(dir.str());
    CaseEventRecord open = ev("Q", CaseEvent::open, 0);
    open.customer = secret;
    desk.submit(open);
    desk.submit(ev("Q", CaseEvent::listen, 1));
    desk.submit(ev("R", CaseEvent::open, 2));
    // Committed: the reference is in the WAL or the database file.
    CHECK((file_contains(db, secret) || file_contains(wal, secret)));
    CHECK(desk.erase_customer(secret) == 1);
    CHECK(desk.get("Q").customer.empty());
    CHECK(desk.get("R").customer == "cust-R");
    CHECK_FALSE(file_contains(db, secret));
    CHECK_FALSE(file_contains(wal, secret));
    CHECK(desk.event_count() == 3);
  }
  CHECK_FALSE(file_contains(db, secret));
  Desk desk(dir.str());
  CHECK(desk.event_count() == 3);
  CHECK(desk.get("Q").state == CaseState::listening);
  CHECK(desk.get("Q").customer.empty());
  CHECK(desk.get("R").customer == "cust-R");
}

namespace {

void run_sql(const fs::path& db_file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_file.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  const std::string text = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("recovery from a snapshot replays only the later events") {
  TempDir dir("crmkit-desk");
  const fs::path db = dir.path / "desk.sqlite3";
  {
    Desk desk(dir.str());
    desk.submit({ev("S", CaseEvent::open, 0), ev("S", CaseEvent::listen, 1), ev("S", CaseEvent::wait, 2)});
    CHECK(desk.snapshot() == 3);
    desk.submit({ev("S", CaseEvent::resume, 30), ev("S", CaseEvent::share, 31)});
  }
  // Removing the events the snapshot covers proves that opening does not read them.
  run_sql(db, "DELETE FROM events WHERE seq <= 3");
  Desk desk(dir.str());
  const ComplaintCase s = desk.get("S");
  CHECK(s.state == CaseState::sharing);
  CHECK(s.customer == "cust-S");
  REQUIRE(s.audit.size() == 5);
  CHECK(s.audit[2].event == CaseEvent::wait);
  CHECK(s.audit[4].sequence == 5);
  REQUIRE(s.pauses.size() == 1);
  CHECK(s.pauses[0].end == t0 + std::chrono::minutes(30));
  CHECK(s.first_response == t0 + std::chrono::minutes(1));
  CHECK(desk.event_count() == 2);  // the events table now holds only the later two
}

TEST_CASE("a damaged snapshot is a clear error naming the file") {
  TempDir dir("crmkit-desk");
  {
    Desk desk(dir.str());
    desk.submit({ev("S", CaseEvent::open, 0), ev("S", CaseEvent::listen, 1)});
    desk.snapshot();
  }
  const fs::path db = dir.path / "desk.sqlite3";
  SECTION("truncated") { run_sql(db, "UPDATE snapshot SET data = substr(data, 1, length(data) / 2)"); }
  SECTION("one byte changed") {
    run_sql(db, "UPDATE snapshot SET data = substr(data, 1, 60) || 'Z' || substr(data, 62)");
  }
  SECTION("sequence disagrees") { run_sql(db, "UPDATE snapshot SET sequence = 1"); }
  const std::string message = error_of([&] { Desk d(dir.str()); });
  CHECK_THAT(message, Catch::Contains("desk.sqlite3: the snapshot is damaged"));
  CHECK(code_of([&] { Desk d(dir.str()); }) == ErrorCode::corrupt_data);
}

TEST_CASE("erasing a customer rewrites the snapshot too") {
  TempDir dir("crmkit-desk");
  const std::string secret = "cust-SNAP-ERASE-77";
  const fs::path db = dir.path / "desk.sqlite3";
  {
    Desk desk(dir.str());
    CaseEventRecord open = ev("Q", CaseEvent::open, 0);
    open.customer = secret;
    desk.submit(open);
    desk.snapshot();
    CHECK(desk.erase_customer(secret) == 1);
  }
  CHECK_FALSE(file_contains(db, secret));
  Desk desk(dir.str());
  CHECK(desk.get("Q").customer.empty());
  CHECK(desk.get("Q").state == CaseState::received);
}

TEST_CASE("the desk stores its policy: a later opening without options applies the same rules") {
  TempDir dir("crmkit-desk");
  DeskOptions o;
  o.cases.reopen_window = std::chrono::hours(48);
  o.cases.escalation_changes = change_bit(Change::person);
  o.sla.mode = ClockMode::business_time;
  o.sla.calendar = BusinessCalendar("Europe/Berlin");
  o.sla.calendar.hours(6, WorkingHours{600, 840}).holiday("2026-12-25");
  o.sla.next_update = std::chrono::hours(10);
  o.sla.warning_fraction = 0.5;
  o.organisation = Organisation().unit("front", 1).unit("manager", 3).path("front", "manager", 2);
  { Desk desk(dir.str(), o); }
  Desk desk(dir.str());
  const DeskOptions stored = desk.options();
  CHECK(stored.cases.reopen_window == std::chrono::hours(48));
  CHECK(stored.cases.escalation_changes == 1u);
  CHECK(stored.sla.mode == ClockMode::business_time);
  CHECK(stored.sla.calendar.time_zone() == "Europe/Berlin");
  CHECK(stored.sla.calendar.week()[6].start_minute == 600);
  CHECK(stored.sla.calendar.week()[6].end_minute == 840);
  CHECK(stored.sla.calendar.holiday_days() == o.sla.calendar.holiday_days());
  CHECK(stored.sla.next_update == std::chrono::hours(10));
  CHECK(stored.sla.warning_fraction == 0.5);
  REQUIRE(stored.organisation);
  CHECK(stored.organisation->authority("manager") == 3);
  CHECK(stored.organisation->has_path("front", "manager"));
  // The stored case rule is in force: an escalation without the change of person is refused.
  desk.submit({ev("E", CaseEvent::open, 0)});
  CaseEventRecord up = ev("E", CaseEvent::escalate, 1, "the manager calls you");
  up.department = "manager";
  CHECK_THAT(error_of([&] { desk.submit(up); }), Catch::Contains("must make the changes person"));
  // set_sla_policy stores too, and keeps the rest.
  desk.set_sla_policy(SlaPolicy{});
}

TEST_CASE("set_sla_policy stores the SLA policy and keeps the case rules") {
  TempDir dir("crmkit-desk");
  DeskOptions o;
  o.cases.reopen_window = std::chrono::hours(48);
  o.sla.mode = ClockMode::business_time;
  Desk(dir.str(), o).set_sla_policy(SlaPolicy{});
  Desk again(dir.str());
  CHECK(again.sla_policy().mode == ClockMode::calendar_time);
  CHECK(again.options().cases.reopen_window == std::chrono::hours(48));
}

TEST_CASE("with an organisation, hand-overs follow its paths and an escalation is routed") {
  TempDir dir("crmkit-desk");
  DeskOptions o;
  // front (1) -> billing (2) cost 1 -> manager (3) cost 1; front -> manager cost 5.
  o.organisation = Organisation().unit("front", 1).unit("billing", 2).unit("manager", 3).unit("legal", 2);
  o.organisation->path("front", "billing", 1).path("billing", "manager", 1).path("front", "manager", 5);
  {
    Desk desk(dir.str(), o);
    CaseEventRecord open = ev("R", CaseEvent::open, 0);
    open.department = "front";
    desk.submit(open);
    CaseEventRecord up = ev("R", CaseEvent::escalate, 1, "a manager takes this over");
    // No department: the nearest unit with more authority than front (1) is billing (2, cost 1).
    CHECK(desk.submit(up).department == "billing");
    CaseEventRecord to_legal = ev("R", CaseEvent::transfer, 2, "legal takes over");
    to_legal.department = "legal";
    CHECK_THAT(error_of([&] { desk.submit(to_legal); }),
               Catch::Contains("case 'R' in unit 'billing': event 'transfer': the organisation has no transfer path to 'legal'"));
    to_legal.department = "lawyers";
    CHECK_THAT(error_of([&] { desk.submit(to_legal); }), Catch::Contains("'lawyers', which is not a unit"));
    CaseEventRecord sideways = ev("R", CaseEvent::escalate, 2, "up");
    sideways.department = "front";
    CHECK_THAT(error_of([&] { desk.submit(sideways); }), Catch::Contains("the organisation has no transfer path to 'front'"));
    CHECK(desk.get("R").audit.size() == 2);
  }
  // The routed unit is stored in the event: a desk opened without the organisation agrees.
  Desk desk(dir.str(), DeskOptions{});
  CHECK(desk.get("R").department == "billing");
  CHECK(desk.get("R").audit.back().department == "billing");
  CHECK_FALSE(desk.options().organisation.has_value());
}

TEST_CASE("follow-ups and escalation changes survive a reopen and a snapshot") {
  TempDir dir("crmkit-desk");
  DeskOptions o;
  o.cases.reopen_window = std::chrono::hours(1);
  {
    Desk desk(dir.str(), o);
    std::vector<CaseEventRecord> walk{ev("F", CaseEvent::open, 0)};
    const CaseEvent steps[] = {CaseEvent::listen, CaseEvent::share, CaseEvent::probe, CaseEvent::check, CaseEvent::act,
                               CaseEvent::satisfy};
    for (int i = 0; i < 6; ++i) walk.push_back(ev("F", steps[i], i + 1));
    walk.push_back(ev("F", CaseEvent::close, 10, "accepted"));
    CaseEventRecord follow = ev("G", CaseEvent::open, 200);
    follow.follows = "F";
    walk.push_back(follow);
    CaseEventRecord up = ev("G", CaseEvent::escalate, 201, "the manager calls you");
    up.department = "management";
    up.changes = change_bit(Change::person) | change_bit(Change::time);
    walk.push_back(up);
    CHECK(desk.submit(walk).applied == walk.size());
    desk.snapshot();
  }
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) run_sql(dir.path / "desk.sqlite3", "DELETE FROM snapshot");  // replay instead
    Desk desk(dir.str());
    CHECK(desk.get("F").follow_ups == std::vector<std::string>{"G"});
    CHECK(desk.get("G").follows == "F");
    CHECK(desk.get("G").audit.back().changes == 3u);
    CHECK(desk.get("G").replaced_handler == "desk");
    CHECK(desk.options().cases.reopen_window == std::chrono::hours(1));
  }
}

TEST_CASE("a desk of schema version 1 is upgraded when opened") {
  TempDir dir("crmkit-desk");
  fs::create_directories(dir.path);
  const fs::path db = dir.path / "desk.sqlite3";
  // The version 1 layout, as the previous release created it.
  run_sql(db,
          "CREATE TABLE events(seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, case_id TEXT NOT NULL,"
          " event INTEGER NOT NULL, actor TEXT NOT NULL, channel INTEGER NOT NULL, category TEXT NOT NULL,"
          " priority INTEGER NOT NULL, department TEXT NOT NULL, note TEXT NOT NULL);"
          "CREATE TABLE customers(case_id TEXT PRIMARY KEY, customer TEXT NOT NULL);"
          "CREATE TABLE snapshot(id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, data BLOB NOT NULL);"
          "INSERT INTO events VALUES(1, 1777881600, 'OLD', 0, 'desk', 1, 'billing', 1, '', '');"
          "INSERT INTO events VALUES(2, 1777881660, 'OLD', 1, 'desk', 0, '', 0, '', '');"
          "PRAGMA application_id=1129467204; PRAGMA user_version=1;");
  {
    Desk desk(dir.str());
    CHECK(desk.get("OLD").state == CaseState::listening);
    CHECK(desk.get("OLD").channel == Channel::email);
    desk.submit(ev("NEW", CaseEvent::open, 0));
    CHECK(desk.snapshot() == 3);  // into the upgraded snapshot table
  }
  CHECK(Desk(dir.str()).event_count() == 3);
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  CHECK(sqlite3_column_int(stmt, 0) == 2);
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
}

TEST_CASE("a snapshot in parts: every part loads, a missing or foreign part is a clear error") {
  TempDir dir("crmkit-desk");
  const fs::path db = dir.path / "desk.sqlite3";
  {
    Desk desk(dir.str());
    std::vector<CaseEventRecord> log;
    for (int c = 0; c < 7; ++c) {
      const std::string id = "P" + std::to_string(c);
      log.push_back(ev(id, CaseEvent::open, c));
      log.push_back(ev(id, CaseEvent::listen, 10 + c));
    }
    desk.submit(log);
    // Two audit entries per case, parts of at least 4 entries: cases P0-P1, P2-P3, P4-P5, P6.
    CHECK(desk.snapshot(4) == 14);
    desk.submit(ev("P0", CaseEvent::share, 30));
  }
  SECTION("all parts") {
    run_sql(db, "DELETE FROM events WHERE seq <= 14");  // proves the parts are what is read
    Desk desk(dir.str());
    for (int c = 0; c < 7; ++c) CHECK(desk.get("P" + std::to_string(c)).state == (c == 0 ? CaseState::sharing : CaseState::listening));
  }
  std::string damage;
  SECTION("a part missing") {
    run_sql(db, "DELETE FROM snapshot_parts WHERE part = 3");
    damage = "part 4 found where part 3 of 4 was expected";
  }
  SECTION("the last part missing") {
    run_sql(db, "DELETE FROM snapshot_parts WHERE part = 4");
    damage = "it has 3 of its 4 parts";
  }
  SECTION("a part from another snapshot") {
    run_sql(db, "UPDATE snapshot_parts SET sequence = 9 WHERE part = 2");
    damage = "sequence numbers disagree in part 2";
  }
  if (!damage.empty()) {
    const std::string message = error_of([&] { Desk desk(dir.str()); });
    CHECK_THAT(message, Catch::Contains("desk.sqlite3: the snapshot is damaged: " + damage));
  }
}
