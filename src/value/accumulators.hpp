// Private to the library: the per-customer state behind Ledger, summarize() and the CSV
// summary. One struct of O(1) state per customer; every sale is O(1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/value/summary.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Where a validated sale belongs.
enum class Placement { calibration, holdout, dropped };

// Outcome of adding a sale to a customer.
enum class AddResult { added, merged, out_of_order };

// The transactions of one customer inside one period (calibration or holdout).
struct PurchaseStream {
  double first = 0;         // time of the first transaction
  double last = 0;          // time of the latest transaction
  double first_amount = 0;  // spend of the first transaction (merged day included)
  double total = 0;
  std::int64_t count = 0;

  AddResult add(double time, double amount, bool merge_same_day) noexcept;
};

class Accumulators {
 public:
  explicit Accumulators(const SummaryOptions& options);

  // Checks the sale (finite time, finite non-negative amount, not after the observation
  // end) and says where it belongs; throws invalid_argument naming the bad value.
  Placement place(double time, double amount) const;

  // Adds a placed (not dropped) sale to customer `slot` (< size()) and counts it. Times
  // are taken at day precision when merging. On out_of_order nothing changed.
  AddResult add(std::size_t slot, Placement where, double time, double amount) noexcept;
  void count_dropped() noexcept { ++dropped_; }

  // Adds a customer with no sales yet, reported as `id`, and returns its slot.
  std::size_t add_customer(std::int64_t id) {
    customers_.push_back(Customer{PurchaseStream{}, id});
    if (options_.holdout_end) holdout_.emplace_back();
    return customers_.size() - 1;
  }
  std::size_t size() const noexcept { return customers_.size(); }
  void reserve(std::size_t customers) {
    customers_.reserve(customers);
    if (options_.holdout_end) holdout_.reserve(customers);
  }
  std::int64_t id(std::size_t slot) const noexcept { return customers_[slot].id; }
  // Hints the cache that customer `slot` is about to be updated.
  __attribute__((always_inline)) void prefetch(std::size_t slot) const noexcept {
    __builtin_prefetch(&customers_[slot], 1);
  }

  // Summaries of every customer with a calibration purchase, in slot order.
  SummaryTable table() const;

  // Message for an out_of_order result, naming the customer.
  std::string out_of_order_message(std::size_t slot, double time, const std::string& customer) const;

  const SummaryOptions& options() const noexcept { return options_; }

 private:
  // One cache line per customer (the per-sale cost is its cache misses): a 48-byte record
  // would straddle two lines half of the time.
  struct alignas(64) Customer {
    PurchaseStream calibration;
    std::int64_t id;
  };

  SummaryOptions options_;
  std::vector<Customer> customers_;
  std::vector<PurchaseStream> holdout_;  // per customer, only when a holdout is configured
  double latest_ = 0;       // latest accepted sale (the end when none is given)
  bool any_sale_ = false;
  std::int64_t sales_ = 0, merged_ = 0, dropped_ = 0;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit
