// The desk snapshot's format: version 1 snapshots (text fields unbounded) are set aside and
// every event replayed, and a text length claimed far beyond the limit is refused before
// anything is allocated.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sqlite3.h>
#include <unistd.h>

#include "complaint/snapshot.hpp"
#include "crmkit/complaint/desk.hpp"
#include "crmkit/complaint/event_file.hpp"
#include "crmkit/io/archive.hpp"

using namespace crmkit::complaint;
using crmkit::Error;
using crmkit::ErrorCode;
namespace fs = std::filesystem;

namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(CRMKIT_TEST_DATA_DIR) + "/golden/complaint/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("a desk holding a version 1 snapshot replays every event instead") {
  // data/golden/complaint/v1/snapshot.txt: the desk of data/complaint/events.csv snapshotted
  // by the version 1 library (fuzz/make_snapshot_corpus.py). Format 1 text fields are not
  // bounded, so it is set aside, not read.
  CHECK(crmkit::io::from_bytes<DeskSnapshot>(golden("v1/snapshot.txt")).legacy);
  const fs::path dir = fs::temp_directory_path() / ("crmkit-snapshot-v1-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    Desk desk(dir.string());
    std::ifstream in(std::string(CRMKIT_TEST_DATA_DIR) + "/complaint/events.csv");
    for (const EventLine& line : read_case_events(in, "events.csv")) {
      try {
        desk.submit(line.event);
      } catch (const Error&) {
      }
    }
  }
  // The v1 snapshot, claiming to cover all 14 applied events, replaces whatever is stored.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "desk.sqlite3").c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* put = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO snapshot(id, sequence, data) VALUES(1, 14, ?)", -1, &put, nullptr) == SQLITE_OK);
  const std::string v1 = golden("v1/snapshot.txt");
  sqlite3_bind_blob(put, 1, v1.data(), static_cast<int>(v1.size()), SQLITE_TRANSIENT);
  CHECK(sqlite3_step(put) == SQLITE_DONE);
  sqlite3_finalize(put);
  sqlite3_close(db);
  {
    // By hand from events.csv: C-1002's `close` straight after `open` is refused, so 14 of
    // the 15 events apply; C-1001 runs open .. close (10 events), C-1002 ends transferred,
    // C-1003 is only received.
    Desk desk(dir.string());
    CHECK(desk.event_count() == 14);
    CHECK(desk.get("C-1001").state == CaseState::closed);
    CHECK(desk.get("C-1001").audit.size() == 10);
    CHECK(desk.get("C-1002").state == CaseState::transferred);
    CHECK(desk.get("C-1003").state == CaseState::received);
    CHECK(desk.snapshot() == 14);  // written again as format 2
  }
  Desk reopened(dir.string());
  CHECK(reopened.event_count() == 14);
  CHECK(reopened.get("C-1001").customer == "cust-17");
  fs::remove_all(dir);
}

TEST_CASE("a snapshot text length claimed as 10 GB is refused, not allocated") {
  DeskSnapshot s;
  s.sequence = 1;
  ComplaintCase c;
  c.id = "MARK-LENGTH-HERE";
  c.audit.push_back(AuditEntry{});
  s.cases.push_back(c);
  for (auto kind : {crmkit::io::ArchiveKind::binary, crmkit::io::ArchiveKind::text}) {
    INFO("archive kind " << static_cast<int>(kind));
    std::string payload = crmkit::io::unwrap_envelope(crmkit::io::to_bytes(s, kind), DeskSnapshot::archive_tag).payload;
    if (kind == crmkit::io::ArchiveKind::binary) {
      // The length precedes the id's bytes as a little-endian 64-bit number.
      const std::size_t at = payload.find("MARK-LENGTH-HERE");
      REQUIRE(at >= 8);
      const std::uint64_t huge = 10'000'000'000ULL;
      std::memcpy(&payload[at - 8], &huge, 8);
    } else {
      // Text: "... 1 1 16\n\n<base64 of the id>": sequence 1, one case, the id's length 16.
      const std::size_t at = payload.find(" 1 1 16\n");
      REQUIRE(at != std::string::npos);
      payload.replace(at, 8, " 1 1 10000000000\n");
    }
    try {
      crmkit::io::from_bytes<DeskSnapshot>(crmkit::io::wrap_envelope(DeskSnapshot::archive_tag, kind, payload));
      FAIL("a 10 GB text field loaded");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::corrupt_data);
      CHECK_THAT(e.what(), Catch::Contains("10000000000 bytes exceeds the limit of 1048576"));
    }
  }
}
