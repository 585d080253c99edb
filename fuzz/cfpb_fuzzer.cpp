// Fuzz harness for the CFPB complaint import: any bytes read as a CFPB export are imported
// into a fresh desk, row by row imported, flagged or rejected with its line, or the whole
// file refused with crmkit::Error; the report over the desk must then be computable. Never a
// crash, hang or other throw.
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>

#include "crmkit/complaint/analytics.hpp"
#include "crmkit/complaint/cfpb.hpp"
#include "crmkit/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace complaint = crmkit::complaint;
  namespace fs = std::filesystem;
  char name[] = "/tmp/crmkit-fuzz-cfpb-XXXXXX";
  if (!mkdtemp(name)) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    complaint::Desk desk(name);
    (void)complaint::import_cfpb(desk, in, "fuzz");
    (void)complaint::analyse(desk);
  } catch (const crmkit::Error&) {
  }
  std::error_code ignored;
  fs::remove_all(name, ignored);
  return 0;
}
