// Private to the C API: the one noexcept guard around every entry point, and the helpers
// that turn C arguments into validated C++ ones. Nothing here holds domain logic.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "crmkit.h"
#include "crmkit/error.hpp"
#include "crmkit/names.hpp"

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

// The one way a handle is made: *out is cleared first (so it is NULL after any failure),
// then set to a new handle built from make()'s value.
template <class Handle, class Make>
void produce(Handle** out, Make&& make) {
  if (out == nullptr) throw Error(ErrorCode::invalid_argument, "out is NULL");
  *out = nullptr;
  auto value = make();
  *out = new Handle{std::move(value)};
}

// Throws invalid_argument "<name> is NULL" for a null pointer argument.
inline void require_pointer(const void* p, const char* name) {
  if (p == nullptr) throw Error(ErrorCode::invalid_argument, std::string(name) + " is NULL");
}

// Checks a struct's version field: oldest..current is accepted (the layouts of those
// versions are prefixes of the current one; a layout change that is not a prefix raises
// `oldest`).
inline void require_version(unsigned int version, unsigned int current, const char* name,
                            unsigned int oldest = 1) {
  if (version < oldest || version > current)
    throw Error(ErrorCode::invalid_argument,
                std::string(name) + ".version is " + std::to_string(version) +
                    "; this library reads versions " + std::to_string(oldest) + ".." +
                    std::to_string(current) + " (initialise it with its _INIT macro or _init function)");
}

// crm_<struct>_init: fills *out with `defaults` (the C image of the core's defaults) for a
// known layout version. Only the bytes of that version are written: an older caller's
// struct is a prefix of the current one (`bytes_of(version)` gives its size).
template <class CStruct>
int init_struct(CStruct* out, unsigned int version, unsigned int current, const char* name,
                CStruct (*defaults)(), std::size_t (*bytes_of)(unsigned int) = nullptr) noexcept {
  return guarded([&] {
    require_pointer(out, name);
    require_version(version, current, name);
    CStruct image = defaults();
    image.version = version;
    std::memcpy(out, &image, bytes_of ? bytes_of(version) : sizeof image);
  });
}

// crm_<enum>_name: the core's name of `code`, NULL when it is not a value of the enum.
template <class Enum>
const char* enum_name(int code) noexcept {
  return code < 0 ? nullptr : names(Enum{}).name(static_cast<std::size_t>(code));
}

// crm_<enum>_parse: the value named `text` into *out.
template <class Enum>
int enum_parse(const char* text, int* out) noexcept {
  return guarded([&] {
    require_pointer(text, "text");
    require_pointer(out, "out");
    *out = static_cast<int>(names(Enum{}).parse(text));
  });
}

// An int from C as a core enum value; invalid_argument naming the field otherwise.
template <class Enum>
Enum enum_arg(int code, const char* field) {
  return enum_from_int<Enum>(code, field);
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit

// Defines crm_<c_name>_name and crm_<c_name>_parse (declared in the pillar's header) over the
// core enum's NameTable: the pair every enum a caller passes has.
#define CRMKIT_CAPI_ENUM_NAMES(c_name, Enum)                                \
  CRM_API const char* crm_##c_name##_name(int code) {                       \
    return crmkit::capi::enum_name<Enum>(code);                             \
  }                                                                         \
  CRM_API int crm_##c_name##_parse(const char* text, int* out) {            \
    return crmkit::capi::enum_parse<Enum>(text, out);                       \
  }
