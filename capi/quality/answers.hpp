// Private to the quality pillar's C files: a caller's respondents x items array as the
// core's Answers view, checked at the boundary, and the conversions the value pillar's C
// files share (optional output arrays, option lists). Conversion only.
#pragma once

#include <cstdint>
#include <string>

#include "crmkit/quality/instrument.hpp"
#include "convert.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

// NULL with respondents > 0, or a size whose element count overflows, is invalid_argument
// naming `name`.
inline quality::Answers answers_arg(const double* data, std::size_t respondents,
                                    std::size_t items, const char* name) {
  if (items != 0 && respondents > SIZE_MAX / sizeof(double) / items)
    throw Error(ErrorCode::invalid_argument, std::string(name) + ": " +
                                                 std::to_string(respondents) + " x " +
                                                 std::to_string(items) + " answers overflow");
  if (respondents > 0 && items > 0) require_pointer(data, name);
  return {data, respondents, items};
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
