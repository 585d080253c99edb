// Private to the C API: the conversions several pillars' C files share (enum
// columns as bytes, optional output arrays). Conversion only, no domain rule.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "guard.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

// uint8_t codes as core enums. Copied rather than cast, so no enum lvalue aliases the
// caller's bytes; the core validates the range and names the bad row.
template <class Enum>
std::vector<Enum> enums_from(const std::uint8_t* codes, std::size_t n, const char* name) {
  static_assert(sizeof(Enum) == 1, "enums are passed as uint8_t");
  if (n > 0) require_pointer(codes, name);
  std::vector<Enum> out(n);
  if (n > 0) std::memcpy(out.data(), codes, n);
  return out;
}

template <class Enum>
void enums_to(const std::vector<Enum>& values, std::uint8_t* out) {
  static_assert(sizeof(Enum) == 1, "enums are passed as uint8_t");
  if (!values.empty()) std::memcpy(out, values.data(), values.size());
}

// Copies `values` into an optional caller array (NULL: not wanted).
template <class T, class U>
void copy_if(const std::vector<T>& values, U* out) {
  if (out != nullptr) std::copy(values.begin(), values.end(), out);
}

// A caller's option list (cut points, shares) as a vector (NULL: empty). The count is
// bounded before any pointer arithmetic: a garbage count such as SIZE_MAX is an invalid
// argument, not a read past the caller's array or an allocation failure.
inline std::vector<double> doubles_from(const double* values, std::size_t count, const char* name) {
  constexpr std::size_t kMaxOptionValues = std::size_t{1} << 20;
  if (values == nullptr) return {};
  if (count > kMaxOptionValues)
    throw Error(ErrorCode::invalid_argument, std::string(name) + " has " + std::to_string(count) +
                                                 " values; an option list holds at most " +
                                                 std::to_string(kMaxOptionValues));
  return std::vector<double>(values, values + count);
}

// An optional output array of `needed` entries the caller sized `capacity`: throws
// BufferTooSmall before anything is written.
inline void require_capacity(const void* out, std::size_t capacity, std::size_t needed) {
  if (out != nullptr && capacity < needed) throw BufferTooSmall(needed, capacity);
}

// A caller's list of C strings (NULL: empty).
inline std::vector<std::string> strings_from(const char* const* texts, std::size_t count, const char* name) {
  std::vector<std::string> out;
  if (texts == nullptr) return out;
  for (std::size_t i = 0; i < count; ++i) {
    if (texts[i] == nullptr) throw Error(ErrorCode::invalid_argument, std::string(name) + "[" + std::to_string(i) + "] is NULL");
    out.emplace_back(texts[i]);
  }
  return out;
}

// A string into a caller buffer (buf, buf_len, out_len): *out_len receives the length
// without the NUL; BufferTooSmall (CRM_EBUFS) when buf is NULL or cannot hold text + NUL.
inline void copy_text(const std::string& text, char* buf, std::size_t buf_len, std::size_t* out_len) {
  require_pointer(out_len, "out_len");
  *out_len = text.size();
  if (buf == nullptr || buf_len <= text.size()) throw BufferTooSmall(text.size() + 1, buf_len);
  std::memcpy(buf, text.c_str(), text.size() + 1);
}

// An archive's bytes into a caller buffer (CRM_EBUFS when short; buf may be NULL to ask).
inline void bytes_out(const std::string& bytes, void* buf, std::size_t buf_len, std::size_t* out_len) {
  require_pointer(out_len, "out_len");
  *out_len = bytes.size();
  if (buf == nullptr || buf_len < bytes.size()) throw BufferTooSmall(bytes.size(), buf_len);
  std::memcpy(buf, bytes.data(), bytes.size());
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
