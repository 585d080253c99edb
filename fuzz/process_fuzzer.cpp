// Fuzz harness for process maps: any bytes read as a process-map CSV must either be
// analysed (and drawn, when small enough) or raise crmkit::Error; never crash, hang or
// throw anything else.
#include <cstdint>
#include <sstream>
#include <string>

#include "crmkit/error.hpp"
#include "crmkit/process/analysis.hpp"
#include "crmkit/process/lanes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const crmkit::process::ProcessMap map = crmkit::process::read_process_map(in, "fuzz");
    const crmkit::process::ProcessAnalysis analysis = crmkit::process::analyze(map);
    (void)crmkit::process::swim_lanes(map, analysis);
  } catch (const crmkit::Error&) {
  }
  return 0;
}
