#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::not_converged: return "not_converged";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::corrupt_data: return "corrupt_data";
    case ErrorCode::invalid_state: return "invalid_state";
    case ErrorCode::out_of_memory: return "out_of_memory";
  }
  return "unknown";
}

}  // namespace v0
}  // namespace crmkit
