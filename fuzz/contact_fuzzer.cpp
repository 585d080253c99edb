// Fuzz harness for the contact centre's input files as the CLI reads them: the same bytes
// as an interaction log (crmkit kpi) and as a forecast (crmkit staff). Each read must give
// its columns or raise crmkit::Error; what is read goes to the core (KPIs overall and per
// interval, a staffing plan for 80/20), which may refuse it only with crmkit::Error.
#include <cstdint>

#include "contact/common.hpp"
#include "crmkit/contact/kpi.hpp"
#include "crmkit/contact/staffing.hpp"
#include "crmkit/error.hpp"
#include "temp_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace contact = crmkit::contact;
  const crmkit_fuzz::TempFile file(data, size);
  if (!file.ok()) return 0;
  try {
    const crmkit_cli::ContactLog log = crmkit_cli::read_contact_log(file.path());
    (void)contact::contact_kpis(log.columns());
    (void)contact::contact_kpis_by(log.columns(), contact::KpiGrouping::interval);
  } catch (const crmkit::Error&) {
  }
  try {
    const crmkit_cli::Forecast f = crmkit_cli::read_forecast(file.path(), 1800);
    (void)contact::staffing_plan(f.calls.data(), f.length.data(), f.aht.data(), f.calls.size(),
                                 contact::StaffingTargets{});
  } catch (const crmkit::Error&) {
  }
  return 0;
}
