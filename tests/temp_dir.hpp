// A fresh directory under the system temp directory for one test, removed at its end. The
// name carries the process id and a counter, so tests running in parallel never share one.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace crmkit_test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix = "crmkit-test") {
    static std::atomic<int> counter{0};
    path = std::filesystem::temp_directory_path() /
           (prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str() const { return path.string(); }
};

}  // namespace crmkit_test
