// Private to the library: the per-customer state behind Ledger, summarize() and the CSV
// summary. One struct of O(1) state per customer; every sale is O(1).
//
// Same-day merging in any order. A sale on a day strictly between a customer's first and
// latest day may or may not start a new transaction, and O(1) state cannot tell which. With
// `any_order` (batch and file input) every new day of a customer is also appended, as one
// 8-byte key, to a log; such a sale only adds its amount and flags the customer, and table()
// counts the flagged customers' distinct days from the log (a counting sort by customer,
// then each customer's few days sorted). Sales that extend the first or latest day keep the
// O(1) path, so a log in time order never pays for the recount. Without `any_order` (the
// Ledger, whose memory must follow customers only) such a sale is refused instead.
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

// Outcome of adding a sale to a customer. `between`: with merging, a day strictly between
// the first and latest day (nothing changed).
enum class AddResult { added, merged, between };

// The transactions of one customer inside one period (calibration or holdout).
struct PurchaseStream {
  double first = 0;         // time of the first transaction
  double last = 0;          // time of the latest transaction
  double first_amount = 0;  // spend of the first transaction (merged day included)
  double total = 0;         // spend of all transactions, plus total_error (Neumaier's sum):
  double total_error = 0;   // money totals then hardly depend on the order of the sales
  std::int64_t count = 0;   // transactions (a lower bound while the customer is flagged)

  AddResult add(double time, double amount, bool merge_same_day) noexcept;
  // Adds to the total only (a sale whose transaction is counted later).
  void add_amount(double amount) noexcept;
  double spend() const noexcept { return total + total_error; }
};

// The customers to make room for, given SummaryOptions::expected_customers.
inline std::size_t capped_hint(std::size_t expected_customers) noexcept {
  return expected_customers < kMaxExpectedCustomers ? expected_customers : kMaxExpectedCustomers;
}

class Accumulators {
 public:
  // any_order: see the top of this file.
  Accumulators(const SummaryOptions& options, bool any_order);

  // Checks the sale (finite time in the day-number range, finite non-negative amount, not
  // after the observation end) and says where it belongs; throws invalid_argument naming
  // the bad value.
  Placement place(double time, double amount) const;

  // Adds a placed (not dropped) sale to customer `slot` (< size()) and counts it; false
  // (nothing changed) when the Ledger's order rule refuses it. Times are taken at day
  // precision when merging. Throws invalid_argument, changing nothing, when the customer's
  // total spend would exceed the largest double.
  bool add(std::size_t slot, Placement where, double time, double amount);
  void count_dropped() noexcept { ++dropped_; }

  // Adds a customer with no sales yet, reported as `id`, and returns its slot.
  std::size_t add_customer(std::int64_t id) {
    customers_.push_back(Customer{PurchaseStream{}, id, false});
    if (options_.holdout_end) holdout_.emplace_back();
    return customers_.size() - 1;
  }
  std::size_t size() const noexcept { return customers_.size(); }
  // Room for `customers` up front; a speed hint only, so a failed allocation is ignored.
  void reserve(std::size_t customers) noexcept;
  // Room for `sales` day keys up front (any_order with merging; a hint like reserve()).
  void reserve_sales(std::size_t sales) noexcept;
  std::int64_t id(std::size_t slot) const noexcept { return customers_[slot].id; }
  // Hints the cache that customer `slot` is about to be updated.
  __attribute__((always_inline)) void prefetch(std::size_t slot) const noexcept {
    __builtin_prefetch(&customers_[slot], 1);
  }

  // Summaries of every customer with a calibration purchase, in slot order.
  SummaryTable table() const;

  // Message for a sale add() refused by the order rule, naming the customer.
  std::string out_of_order_message(std::size_t slot, double time, const std::string& customer) const;

  const SummaryOptions& options() const noexcept { return options_; }

 private:
  // One cache line per customer (the per-sale cost is its cache misses): a 57-byte record
  // would otherwise straddle two lines most of the time.
  struct alignas(64) Customer {
    PurchaseStream calibration;
    std::int64_t id;
    bool recount;  // has a sale between its first and latest day: count from day_keys_
  };
  struct Counts {
    std::int64_t calibration = 0, holdout = 0;
  };
  // Distinct days per stream of each flagged customer (indexed by slot; others zero).
  std::vector<Counts> recount() const;

  SummaryOptions options_;
  bool log_days_;  // any_order and merging: keep day_keys_
  std::vector<Customer> customers_;
  std::vector<PurchaseStream> holdout_;  // per customer, only when a holdout is configured
  // (slot << 32) | (day - kFirstDayNumber) for each new day of a customer (see the top).
  std::vector<std::uint64_t> day_keys_;
  std::size_t flagged_ = 0;  // customers with recount set
  double latest_ = 0;        // latest accepted sale (the end when none is given)
  bool any_sale_ = false;
  std::int64_t sales_ = 0, dropped_ = 0;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit
