#include "crmkit/names.hpp"

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {

std::size_t NameTable::parse(std::string_view text) const {
  for (std::size_t i = 0; i < count_; ++i) {
    if (text == names_[i]) return i;
  }
  throw Error(ErrorCode::invalid_argument, "unknown " + std::string(what_) + " '" +
                                               std::string(text) + "' (expected one of: " +
                                               joined() + ")");
}

std::size_t NameTable::check(long long code, const char* field) const {
  if (code >= 0 && static_cast<unsigned long long>(code) < count_) return static_cast<std::size_t>(code);
  std::string message = std::string(field) + " is " + std::to_string(code) + "; expected one of";
  for (std::size_t i = 0; i < count_; ++i)
    message += (i ? ", " : " ") + std::to_string(i) + " (" + names_[i] + ")";
  throw Error(ErrorCode::invalid_argument, message);
}

std::vector<std::string> NameTable::list() const { return {names_, names_ + count_}; }

std::string NameTable::joined(const char* separator) const {
  std::string out;
  for (std::size_t i = 0; i < count_; ++i) out += (i ? separator : "") + std::string(names_[i]);
  return out;
}

}  // namespace v0
}  // namespace crmkit
