#include "decision/labels.hpp"

#include <unordered_set>

#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {
namespace detail {

// Short text of a number for messages ("0.9", "1e-06").
std::string num(double v) { return crmkit::detail::format_number(v, 6); }

std::string label(const char* what, const std::vector<std::string>& names, std::size_t i) {
  if (i < names.size()) return std::string(what) + " '" + names[i] + "'";
  return std::string(what) + " " + std::to_string(i) + " (0-based)";
}

void check_names(const std::vector<std::string>& names, std::size_t count, const char* what) {
  if (names.empty()) return;
  require(names.size() == count, std::to_string(names.size()) + " " + what + " names for " +
                                     std::to_string(count) + " " + what + "s");
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < count; ++i) {
    require(!names[i].empty(), std::string(what) + " " + std::to_string(i) + " (0-based) has an empty name");
    require(seen.insert(names[i]).second, std::string(what) + " '" + names[i] + "' is named twice");
  }
}

}  // namespace detail
}  // namespace decision
}  // namespace v0
}  // namespace crmkit
