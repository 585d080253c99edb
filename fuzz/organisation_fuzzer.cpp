// Fuzz harness for organisation files (complaint routing): any bytes read as an organisation
// CSV must either be rejected with crmkit::Error or give an organisation on which routing
// from every unit answers or refuses with crmkit::Error; never a crash, hang or other throw.
#include <cstdint>
#include <sstream>
#include <string>

#include "crmkit/complaint/routing.hpp"
#include "crmkit/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace complaint = crmkit::complaint;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const complaint::Organisation org = complaint::read_organisation(in, "fuzz");
    for (const auto& unit : org.unit_list()) {
      try {
        (void)org.nearest_with_authority(unit.name, unit.authority + 1);
      } catch (const crmkit::Error&) {
      }
    }
  } catch (const crmkit::Error&) {
  }
  return 0;
}
