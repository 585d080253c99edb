// Numbers in messages, written one way by every pillar: printf's %g with `digits`
// significant digits (15 reads back as the value a user typed; 6 for short labels).
#pragma once

#include <cstdio>
#include <string>

namespace crmkit {
inline namespace v0 {
namespace detail {

inline std::string format_number(double x, int digits = 15) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
