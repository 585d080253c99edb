// Progress of long work on a terminal: after a delay (1 s), the step's name and the seconds
// spent are shown on stderr and refreshed until the step ends, then the line is cleared.
// Nothing is shown when stderr is not a terminal (a pipe, a file, a CI log).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace crmkit_cli {

class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();  // ends the step
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Delay before anything is shown: 1 s, or $CRMKIT_PROGRESS_DELAY seconds (for tests).
  static std::chrono::milliseconds delay();

 private:
  void show(std::chrono::steady_clock::duration elapsed);
  void run();

  std::string what_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool shown_ = false;
  std::thread thread_;
};

}  // namespace crmkit_cli
