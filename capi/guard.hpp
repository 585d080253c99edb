// Private to the C API: the one noexcept guard around every entry point, and the helpers
// that turn C arguments into validated C++ ones. Nothing here holds domain logic.
#pragma once

#include <cstddef>
#include <new>
#include <string>

#include "crmkit.h"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

// Records the message of a failure for crm_last_error (capi/errors.cpp) and returns status.
int set_error(int status, const char* message) noexcept;
void clear_error() noexcept;
int status_of(ErrorCode code) noexcept;

// Thrown when a caller buffer cannot hold a result; maps to CRM_EBUFS.
struct BufferTooSmall {
  BufferTooSmall(std::size_t needed_, std::size_t given_) : needed(needed_), given(given_) {}
  std::size_t needed, given;
};

// Runs body(); maps every exception to a status code and message. Nothing crosses the
// C boundary.
template <class Body>
int guarded(Body&& body) noexcept {
  try {
    body();
    clear_error();
    return CRM_OK;
  } catch (const BufferTooSmall& b) {
    std::string message;
    try {
      message = "buffer too small: " + std::to_string(b.needed) + " needed, " +
                std::to_string(b.given) + " given";
    } catch (...) {
    }
    return set_error(CRM_EBUFS, message.c_str());
  } catch (const Error& e) {
    return set_error(status_of(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return set_error(CRM_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return set_error(CRM_ERROR, e.what());
  } catch (...) {
    return set_error(CRM_ERROR, "unknown exception");
  }
}

// Throws invalid_argument "<name> is NULL" for a null pointer argument.
inline void require_pointer(const void* p, const char* name) {
  if (p == nullptr) throw Error(ErrorCode::invalid_argument, std::string(name) + " is NULL");
}

// Checks an option struct's version field: 1..current is accepted (older layouts are
// prefixes of newer ones).
inline void require_version(unsigned int version, unsigned int current, const char* name) {
  if (version == 0 || version > current)
    throw Error(ErrorCode::invalid_argument,
                std::string(name) + ".version is " + std::to_string(version) +
                    "; this library knows versions 1.." + std::to_string(current) +
                    " (initialise it with the _INIT macro)");
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
