// Internal to the decision pillar: how messages name numbers and labelled things.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace decision {
namespace detail {

// Short text of a number for messages ("0.9", "1e-06").
std::string num(double v);
// "alternative 'B'", or "alternative 2 (0-based)" when there are no names.
std::string label(const char* what, const std::vector<std::string>& names, std::size_t i);
// Throws invalid_argument unless `names` is empty or `count` distinct non-empty names.
void check_names(const std::vector<std::string>& names, std::size_t count, const char* what);

}  // namespace detail
}  // namespace decision
}  // namespace v0
}  // namespace crmkit
