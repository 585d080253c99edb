// Fuzz harness for complaint event files: any bytes read as an event CSV must either be
// rejected with crmkit::Error or give events that the case engine applies or refuses with
// crmkit::Error, with SLA clocks computable afterwards; never a crash, hang or other throw.
#include <cstdint>
#include <sstream>
#include <string>

#include "crmkit/complaint/event_file.hpp"
#include "crmkit/complaint/sla.hpp"
#include "crmkit/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace complaint = crmkit::complaint;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    complaint::CaseBook book;
    for (const complaint::EventLine& line : complaint::read_case_events(in, "fuzz")) {
      try {
        book.apply(line.event);
      } catch (const crmkit::Error&) {
      }
    }
    const complaint::SlaPolicy policy;
    for (const auto& [id, c] : book.cases()) (void)complaint::sla_clocks(c, policy, c.audit.back().time);
  } catch (const crmkit::Error&) {
  }
  return 0;
}
