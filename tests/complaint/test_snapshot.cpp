// The desk snapshot's format: version 1 files (written before text fields were bounded)
// still load, and a text length claimed far beyond the limit is refused before anything is
// allocated.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "complaint/snapshot.hpp"
#include "crmkit/io/archive.hpp"

using namespace crmkit::complaint;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(CRMKIT_TEST_DATA_DIR) + "/golden/complaint/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const ComplaintCase& case_named(const DeskSnapshot& s, const std::string& id) {
  for (const ComplaintCase& c : s.cases)
    if (c.id == id) return c;
  FAIL("no case " << id);
  throw;
}

}  // namespace

TEST_CASE("a version 1 desk snapshot still loads") {
  // data/golden/complaint/v1/snapshot.txt: the desk of data/complaint/events.csv (15 events)
  // snapshotted by the version 1 library (fuzz/make_snapshot_corpus.py). By hand from that
  // file: C-1002's `close` straight after `open` is refused, so 14 events apply; C-1001 runs
  // open .. close (10 events), C-1002 ends transferred, C-1003 is only received.
  const DeskSnapshot s = crmkit::io::from_bytes<DeskSnapshot>(golden("v1/snapshot.txt"));
  CHECK(s.sequence == 14);
  REQUIRE(s.cases.size() == 3);
  const ComplaintCase& first = case_named(s, "C-1001");
  CHECK(first.state == CaseState::closed);
  CHECK(first.audit.size() == 10);
  CHECK(first.customer == "cust-17");
  CHECK(first.category == "billing");
  CHECK(case_named(s, "C-1002").state == CaseState::transferred);
  CHECK(case_named(s, "C-1003").state == CaseState::received);
  // Saved again, it is version 2 and loads to the same cases.
  const DeskSnapshot again = crmkit::io::from_bytes<DeskSnapshot>(crmkit::io::to_bytes(s));
  CHECK(case_named(again, "C-1001").audit.back().note == first.audit.back().note);
  CHECK(case_named(again, "C-1002").department == case_named(s, "C-1002").department);
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
