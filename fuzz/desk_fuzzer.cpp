// Fuzz harness for the complaint desk opened on a damaged database: the bytes become
// DIR/desk.sqlite3 and the desk is opened on it. Opening must either recover the cases or
// raise crmkit::Error naming the file; a desk that opens must take a new event, list its
// cases and write a snapshot, or refuse with crmkit::Error. Never a crash or another throw.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "crmkit/complaint/desk.hpp"
#include "crmkit/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace complaint = crmkit::complaint;
  namespace fs = std::filesystem;
  char name[] = "/tmp/crmkit-fuzz-desk-XXXXXX";
  if (!mkdtemp(name)) return 0;
  const fs::path dir(name);
  std::ofstream(dir / "desk.sqlite3", std::ios::binary)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    complaint::Desk desk(dir.string());
    const complaint::Time now = complaint::parse_time("2026-05-04T08:00:00Z");
    complaint::CaseEventRecord open;
    open.time = now;
    open.case_id = "fuzz-new-case";
    open.event = complaint::CaseEvent::open;
    open.actor = "fuzz";
    open.channel = complaint::Channel::email;
    open.customer = "fuzz-customer";
    open.category = "billing";
    try {
      desk.submit(open);
    } catch (const crmkit::Error&) {
    }
    for (const std::string& id : desk.list(std::nullopt, false, now)) (void)desk.clocks(id, now);
    (void)desk.snapshot();
  } catch (const crmkit::Error&) {
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return 0;
}
