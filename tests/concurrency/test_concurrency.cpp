// The concurrent parts, gathered so that the tsan preset builds and runs only them under
// ThreadSanitizer (they also run in the ordinary suites): several threads submitting to and
// reading one desk, the parallel PLS bootstrap, parallel k-means, and separate C API handles
// used from several threads at once (each with its own thread-local last error).
#include <catch2/catch.hpp>

#include <atomic>
#include <deque>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "crmkit.h"
#include "crmkit/complaint/desk.hpp"
#include "crmkit/io/survey.hpp"
#include "crmkit/quality/pls.hpp"
#include "crmkit/value/segment.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace crmkit;
using crmkit_test::TempDir;

namespace {

const complaint::Time t0 = complaint::parse_time("2026-05-04T08:00:00Z");

complaint::CaseEventRecord event(const std::string& id, complaint::CaseEvent e, int minute) {
  complaint::CaseEventRecord r;
  r.time = t0 + std::chrono::minutes(minute);
  r.case_id = id;
  r.event = e;
  r.actor = "desk";
  if (e == complaint::CaseEvent::open) {
    r.channel = complaint::Channel::phone;
    r.customer = "cust-" + id;
    r.category = "delivery";
  }
  return r;
}

template <class F>
void run_threads(int n, F&& f) {
  std::vector<std::thread> threads;
  for (int t = 0; t < n; ++t) threads.emplace_back(f, t);
  for (std::thread& th : threads) th.join();
}

}  // namespace

TEST_CASE("submitters, readers and a snapshot taker share one desk") {
  TempDir dir("crmkit-concurrency-desk");
  constexpr int kWriters = 6, kReaders = 2, kCases = 25;
  std::atomic<int> writers_done{0};
  std::atomic<std::int64_t> snapshots{0};
  std::atomic<int> unreadable{0};
  {
    complaint::Desk desk(dir.path.string());
    run_threads(kWriters + kReaders + 1, [&](int t) {
      if (t < kWriters) {
        for (int i = 0; i < kCases; ++i) {
          const std::string id = "W" + std::to_string(t) + "-" + std::to_string(i);
          desk.submit(event(id, complaint::CaseEvent::open, i));
          desk.submit({event(id, complaint::CaseEvent::listen, i + 1), event(id, complaint::CaseEvent::share, i + 2)});
        }
        ++writers_done;
      } else if (t < kWriters + kReaders) {
        // Readers see only whole batches: every listed case is open and readable.
        while (writers_done < kWriters)
          for (const std::string& id : desk.list(std::nullopt, false, t0)) {
            unreadable += !desk.find(id).has_value();
            (void)desk.clocks(id, t0 + std::chrono::hours(1));
          }
      } else {
        while (writers_done < kWriters) snapshots = desk.snapshot();
      }
    });
    CHECK(desk.event_count() == kWriters * kCases * 3);
  }
  CHECK(unreadable == 0);
  complaint::Desk reopened(dir.path.string());
  CHECK(reopened.event_count() == kWriters * kCases * 3);
  CHECK(reopened.list(complaint::CaseState::sharing, false, t0).size() == std::size_t{kWriters * kCases});
  CHECK(snapshots >= 0);
}

TEST_CASE("the PLS bootstrap on four threads equals one thread") {
  io::CsvReader reader(std::string(CRMKIT_TEST_DATA_DIR) + "/ecsi_mobi/mobi.csv");
  const std::vector<std::string> columns = reader.header();
  const std::vector<double> values = io::read_survey(reader, columns).values;
  const quality::PlsData data{{values.data(), values.size() / columns.size(), columns.size()}, columns};
  quality::PlsBootstrapOptions b;
  b.resamples = 64;
  b.threads = 1;
  const quality::PlsBootstrap one = quality::pls_bootstrap(quality::pls_ecsi(), data, {}, b);
  b.threads = 4;
  const quality::PlsBootstrap four = quality::pls_bootstrap(quality::pls_ecsi(), data, {}, b);
  REQUIRE(one.paths.size() == four.paths.size());
  for (std::size_t p = 0; p < one.paths.size(); ++p) {
    CHECK(one.paths[p].std_error == four.paths[p].std_error);
    CHECK(one.paths[p].bca_upper == four.paths[p].bca_upper);
  }
}

TEST_CASE("k-means on four threads equals one thread") {
  // Three separated clouds of 200 points, deterministic offsets.
  std::vector<double> values(2 * 600);
  for (int i = 0; i < 600; ++i) {
    values[i] = (i % 3) * 10.0 + ((i * 37) % 17 - 8) / 8.0;
    values[600 + i] = (i % 3 == 2) * 10.0 + ((i * 53) % 19 - 9) / 9.0;
  }
  value::KMeansOptions o;
  o.k_min = 2;
  o.k_max = 5;
  o.threads = 1;
  const value::FeatureTable table = value::make_feature_table(values.data(), 600, {"x", "y"});
  const value::SegmentResult one = value::segment(table, o);
  o.threads = 4;
  const value::SegmentResult four = value::segment(table, o);
  CHECK(one.model.k() == 3);  // the three clouds, by silhouette
  CHECK(one.labels == four.labels);
  CHECK(one.inertia == four.inertia);
}

TEST_CASE("separate C API handles used from several threads at once") {
  constexpr int kThreads = 4, kCases = 10;
  std::deque<TempDir> dirs;  // not a vector: a TempDir is never moved (nor removed twice)
  for (int t = 0; t < kThreads; ++t) dirs.emplace_back("crmkit-concurrency-capi-" + std::to_string(t));
  std::vector<std::int64_t> counts(kThreads, -1);
  std::vector<std::vector<std::string>> errors(kThreads);
  run_threads(kThreads, [&](int t) {
    crm_desk* desk = nullptr;
    if (crm_desk_open(&desk, dirs[t].path.c_str(), nullptr) != CRM_OK) return;
    for (int c = 0; c < kCases; ++c) {
      const std::string id = "T" + std::to_string(t) + "-" + std::to_string(c);
      crm_desk_event e = CRM_DESK_EVENT_INIT;
      e.case_id = id.c_str();
      e.actor = "desk";
      e.customer = "cust";
      e.category = "billing";
      e.time = 1777881600 + c;
      const int steps[] = {CRM_EVENT_OPEN, CRM_EVENT_LISTEN, CRM_EVENT_SHARE};
      for (int step : steps) {
        e.event = step;
        crm_desk_submit(desk, &e, 1, 0, nullptr, nullptr);
      }
      // Opening the case again is refused: the thread's last error must name its own case
      // even while the other threads are failing and succeeding at the same moment.
      e.event = CRM_EVENT_OPEN;
      errors[t].push_back(crm_desk_submit(desk, &e, 1, 0, nullptr, nullptr) == CRM_OK ? "" : crm_last_error());
    }
    crm_desk_event_count(desk, &counts[t]);
    crm_desk_free(desk);
  });
  for (int t = 0; t < kThreads; ++t) {
    INFO("thread " << t);
    CHECK(counts[t] == 3 * kCases);
    REQUIRE(errors[t].size() == std::size_t{kCases});
    for (int c = 0; c < kCases; ++c)
      CHECK(errors[t][c].find("'T" + std::to_string(t) + "-" + std::to_string(c) + "'") != std::string::npos);
  }
}
