// The fuzz input as a file, for readers that take a path (the CLI's readers, the desk):
// written to a fresh file under /tmp and removed when the harness is done with it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace crmkit_fuzz {

class TempFile {
 public:
  TempFile(const std::uint8_t* data, std::size_t size) {
    char name[] = "/tmp/crmkit-fuzz-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return;
    close(fd);
    path_ = name;
    std::ofstream(path_, std::ios::binary).write(reinterpret_cast<const char*>(data),
                                                 static_cast<std::streamsize>(size));
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace crmkit_fuzz
