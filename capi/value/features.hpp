// Private to the value pillar's C files for the mining models (segment.cpp, churn.cpp): a
// C feature table as the core's checked table. Conversion only.
#pragma once

#include <string>
#include <vector>

#include "convert.hpp"
#include "crmkit/value/features.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

// A column-major C feature table (n rows, p named columns) as the core's checked table.
inline value::FeatureTable feature_table_from(const double* x, std::size_t n, std::size_t p,
                                              const char* const* names) {
  constexpr std::size_t kMaxFeatures = 1024;
  require_pointer(x, "x");
  require_pointer(names, "names");
  if (p == 0 || p > kMaxFeatures)
    throw Error(ErrorCode::invalid_argument, "p is " + std::to_string(p) + "; expected 1.." +
                                                 std::to_string(kMaxFeatures) + " feature columns");
  std::vector<std::string> columns;
  for (std::size_t j = 0; j < p; ++j) {
    if (names[j] == nullptr) throw Error(ErrorCode::invalid_argument, "names[" + std::to_string(j) + "] is NULL");
    columns.emplace_back(names[j]);
  }
  return value::make_feature_table(x, n, std::move(columns));
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
