// Name <-> enum helpers for the value pillar's enums (CLI flags, JSON keys, C API strings).
#pragma once

#include <cstddef>
#include <string_view>

namespace crmkit {
inline namespace v0 {
namespace value {
namespace detail {

// Index of `text` in names[0..count), compared exactly. Throws invalid_argument
// "unknown <what> 'text' (expected one of: a, b, c)" when it is not there.
std::size_t parse_name(const char* const* names, std::size_t count, std::string_view text,
                       const char* what);

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit
