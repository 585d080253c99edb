#include "crmkit/value/detail/names.hpp"

#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace detail {

std::size_t parse_name(const char* const* names, std::size_t count, std::string_view text,
                       const char* what) {
  for (std::size_t i = 0; i < count; ++i) {
    if (text == names[i]) return i;
  }
  std::string message = "unknown " + std::string(what) + " '" + std::string(text) +
                        "' (expected one of:";
  for (std::size_t i = 0; i < count; ++i) message += (i ? ", " : " ") + std::string(names[i]);
  throw Error(ErrorCode::invalid_argument, message + ")");
}

}  // namespace detail
}  // namespace value
}  // namespace v0
}  // namespace crmkit
