// Status codes, the thread-local last error and the version: the only file that owns the
// error message storage.
#include <cstring>
#include <string>

#include "crmkit/version.h"
#include "guard.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

namespace {
thread_local std::string last_error_message;
}

int set_error(int status, const char* message) noexcept {
  try {
    last_error_message.assign(message);
  } catch (...) {
    // Assigning can only fail for lack of memory; keep a message that needs none.
    last_error_message.clear();
  }
  return status;
}

void clear_error() noexcept { last_error_message.clear(); }

int status_of(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument: return CRM_EINVAL;
    case ErrorCode::parse_error: return CRM_EPARSE;
    case ErrorCode::not_converged: return CRM_ECONVERGE;
    case ErrorCode::io_error: return CRM_EIO;
    case ErrorCode::corrupt_data: return CRM_ECORRUPT;
    case ErrorCode::invalid_state: return CRM_ESTATE;
    case ErrorCode::out_of_memory: return CRM_ENOMEM;
  }
  return CRM_ERROR;
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit

extern "C" {

CRM_API const char* crm_status_string(int status) {
  switch (status) {
    case CRM_OK: return "ok";
    case CRM_EINVAL: return "invalid argument";
    case CRM_EPARSE: return "parse error";
    case CRM_ECONVERGE: return "did not converge";
    case CRM_EIO: return "input/output error";
    case CRM_ECORRUPT: return "corrupt data";
    case CRM_ESTATE: return "invalid state";
    case CRM_EBUFS: return "buffer too small";
    case CRM_ENOMEM: return "out of memory";
    case CRM_ERROR: return "internal error";
    default: return "unknown status";
  }
}

CRM_API const char* crm_last_error(void) {
  return crmkit::capi::last_error_message.c_str();
}

CRM_API int crm_version_number(void) { return CRMKIT_VERSION_NUMBER; }

CRM_API const char* crm_version_string(void) { return CRMKIT_VERSION_STRING; }

}  // extern "C"
