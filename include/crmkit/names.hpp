// Text names of the enums a caller passes (units, model kinds, tiers, statuses, ...): one
// table per enum, declared once in the core and used by every layer — the C API's
// crm_<enum>_name / crm_<enum>_parse, Python (through the C API) and the CLI's choices.
//
// Each enum E of the library has, beside it in its header, `const NameTable& names(E);`
// (found by argument-dependent lookup), so generic code writes name_of(e) and
// parse_enum<E>(text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace crmkit {
inline namespace v0 {

class NameTable {
 public:
  // `what` names the enum in messages ("time unit"); `names` are its values' names in value
  // order (the enum's values are 0, 1, ..., N - 1).
  template <std::size_t N>
  constexpr NameTable(const char* what, const char* const (&names)[N]) noexcept
      : what_(what), names_(names), count_(N) {}

  const char* what() const noexcept { return what_; }
  std::size_t size() const noexcept { return count_; }
  // The name of value i; nullptr when i is not a value of the enum.
  const char* name(std::size_t i) const noexcept { return i < count_ ? names_[i] : nullptr; }
  // The value named `text` (exact match); throws invalid_argument
  // "unknown <what> 'text' (expected one of: a, b, c)" otherwise.
  std::size_t parse(std::string_view text) const;
  // `code` checked as a value of the enum (integers from C, Python or files); throws
  // invalid_argument "<field> is 7; expected one of 0 (day), 1 (week), 2 (month)".
  std::size_t check(long long code, const char* field) const;
  // The names in value order (CLI choices, help texts).
  std::vector<std::string> list() const;
  // "a, b, c" for messages and help texts.
  std::string joined(const char* separator = ", ") const;

 private:
  const char* what_;
  const char* const* names_;
  std::size_t count_;
};

template <class Enum>
const char* name_of(Enum value) noexcept {
  return names(value).name(static_cast<std::size_t>(value));
}

template <class Enum>
Enum parse_enum(std::string_view text) {
  return static_cast<Enum>(names(Enum{}).parse(text));
}

template <class Enum>
Enum enum_from_int(long long code, const char* field) {
  return static_cast<Enum>(names(Enum{}).check(code, field));
}

}  // namespace v0
}  // namespace crmkit
