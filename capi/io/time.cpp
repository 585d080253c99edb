// C API over text times (include/crmkit/io/time.hpp).
#include "crmkit/io/time.hpp"
#include "guard.hpp"

extern "C" {

CRM_API int crm_parse_time(const char* text, const char* format, double* out_days) {
  return crmkit::capi::guarded([&] {
    crmkit::capi::require_pointer(text, "text");
    crmkit::capi::require_pointer(out_days, "out_days");
    *out_days = crmkit::io::parse_time(text, format ? format : "iso");
  });
}

}  // extern "C"
