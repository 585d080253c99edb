#include "common/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace crmkit_cli {

namespace {

constexpr std::chrono::milliseconds kRefresh{250};

bool stderr_is_terminal() {
  static const bool terminal = ::isatty(STDERR_FILENO) == 1;
  return terminal;
}

}  // namespace

std::chrono::milliseconds Progress::delay() {
  if (const char* text = std::getenv("CRMKIT_PROGRESS_DELAY")) {
    char* end = nullptr;
    const double seconds = std::strtod(text, &end);
    if (end != text && seconds >= 0 && seconds < 1e6)
      return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  return std::chrono::seconds(1);
}

Progress::Progress(std::string what) : what_(std::move(what)), start_(std::chrono::steady_clock::now()) {
  if (stderr_is_terminal()) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Progress::show(std::chrono::steady_clock::duration elapsed) {
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::fprintf(stderr, "\rcrmkit: %s... %.0f s\033[K", what_.c_str(), seconds);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  const auto first = start_ + delay();
  wake_.wait_until(lock, first, [this] { return done_; });
  // A step that lasted the delay is shown at least once, even if it ended meanwhile, so
  // that what is shown does not depend on thread scheduling.
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= first) show(now - start_);
    if (done_) break;
    wake_.wait_for(lock, kRefresh, [this] { return done_; });
  }
  if (shown_) {
    std::fputs("\r\033[K", stderr);  // clear the line for what comes next
    std::fflush(stderr);
  }
}

}  // namespace crmkit_cli
