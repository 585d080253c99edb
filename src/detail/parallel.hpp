// Deterministic work sharing for the data-mining models (not installed): work is cut into
// tasks whose boundaries do not depend on the thread count, each task writes only its own
// slot, and the caller combines the slots in task order. So results are bit-identical on one
// core or many; the threads only change how long it takes.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace detail {

// Threads to use for `requested` (0 = every core the machine reports).
inline unsigned thread_count(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::thread::hardware_concurrency());
}

// Runs task(t) for t in [0, tasks) on up to `threads` threads; rethrows the first exception.
template <class Task>
void run_tasks(std::size_t tasks, unsigned threads, Task&& task) {
  const std::size_t workers = std::min<std::size_t>(threads, tasks);
  if (workers <= 1) {
    for (std::size_t t = 0; t < tasks; ++t) task(t);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto work = [&] {
    for (std::size_t t; (t = next.fetch_add(1)) < tasks;) {
      try {
        task(t);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next = tasks;
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
