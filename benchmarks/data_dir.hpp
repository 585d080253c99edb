// data/ of the source tree for the benchmarks: $CRMKIT_DATA_DIR, else found from this
// header's path (benchmarks/ sits beside data/).
#pragma once

#include <cstdlib>
#include <string>

inline std::string data_dir() {
  if (const char* env = std::getenv("CRMKIT_DATA_DIR")) return env;
  const std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/') + 1) + "../data";
}
