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

#include <sys/mman.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <optional>
#include <vector>

#include "crmkit/io/time.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Append-only store of day keys in blocks that never move once written: appending never
// copies what is there (a vector's growth would copy 80 MB of keys at 10M sales), and large
// blocks are asked to use 2 MB pages, since first touch of fresh memory costs a page fault
// per 4 KB page (on the project machine a fifth of a 10M-sale summary).
class DayKeys {
 public:
  // Strong guarantee: if a new block cannot be had this throws and nothing changed.
  void push_back(std::uint64_t key) {
    if (free_ == 0) grow();
    *next_++ = key;
    --free_;
  }
  template <class Visit>
  void for_each(Visit visit) const {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      const std::uint64_t* block = blocks_[b].get();
      const std::size_t used = b + 1 < blocks_.size() ? sizes_[b] : sizes_[b] - free_;
      for (std::size_t i = 0; i < used; ++i) visit(block[i]);
    }
  }

 private:
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  struct Free {
    void operator()(std::uint64_t* p) const noexcept { std::free(p); }
  };
  void grow() {
    // 4,096 keys first, doubling to 1M keys (8 MB) a block.
    const std::size_t keys = sizes_.empty() ? 4096 : std::min(sizes_.back() * 2, std::size_t{1} << 20);
    const std::size_t bytes = keys * sizeof(std::uint64_t);
    void* p = nullptr;
    if (posix_memalign(&p, bytes >= kHugePage ? kHugePage : alignof(std::max_align_t), bytes) != 0)
      throw std::bad_alloc();
    std::unique_ptr<std::uint64_t, Free> block(static_cast<std::uint64_t*>(p));
#ifdef MADV_HUGEPAGE
    if (bytes >= kHugePage) madvise(p, bytes, MADV_HUGEPAGE);  // a hint: else 4 KB pages
#endif
    sizes_.reserve(sizes_.size() + 1);
    blocks_.reserve(blocks_.size() + 1);
    blocks_.push_back(std::move(block));
    sizes_.push_back(keys);
    next_ = blocks_.back().get();
    free_ = keys;
  }
  std::vector<std::unique_ptr<std::uint64_t, Free>> blocks_;
  std::vector<std::size_t> sizes_;
  std::uint64_t* next_ = nullptr;
  std::size_t free_ = 0;
};

inline bool in_day_range(double time) noexcept {
  return time >= io::kFirstDayNumber && time < io::kEndDayNumber;
}

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
  std::int64_t id(std::size_t slot) const noexcept { return customers_[slot].id; }
  // Hints the cache that customer `slot` is about to be updated.
  __attribute__((always_inline)) void prefetch(std::size_t slot) const noexcept {
    __builtin_prefetch(&customers_[slot], 1);
  }

  // Summaries of every customer with a calibration purchase, in slot order.
  SummaryTable table() const;
  // Customer `slot`'s row of table(), without building the table: nullopt when it has no
  // calibration purchase. Only for a Ledger (not any_order), whose counts need no recount.
  std::optional<CustomerSummary> customer(std::size_t slot) const;

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
  // Throw the error place() found / add()'s overflow error (out of line: the cold path).
  [[noreturn]] void refuse(double time, double amount) const;
  [[noreturn]] void refuse_overflow(const PurchaseStream& s, Placement where, double amount) const;

  struct Counts {
    std::int64_t calibration = 0, holdout = 0;
  };
  // Distinct days per stream of each flagged customer (indexed by slot; others zero).
  std::vector<Counts> recount() const;
  // Customer `slot`'s row as of `end` with its transaction counts (count >= 1).
  CustomerSummary row(std::size_t slot, double end, const Counts& counts) const;
  double end() const noexcept { return options_.end ? *options_.end : latest_; }

  SummaryOptions options_;
  bool log_days_;  // any_order and merging: keep day_keys_
  std::vector<Customer> customers_;
  std::vector<PurchaseStream> holdout_;  // per customer, only when a holdout is configured
  // (slot << 32) | (day - kFirstDayNumber) for each new day of a customer (see the top).
  DayKeys day_keys_;
  std::size_t flagged_ = 0;  // customers with recount set
  // Sales after limit_ are late; holdout sales are after holdout_after_ (both +inf if unset).
  double limit_ = std::numeric_limits<double>::infinity();
  double holdout_after_ = std::numeric_limits<double>::infinity();
  double latest_ = 0;        // latest accepted sale (the end when none is given)
  bool any_sale_ = false;
  std::int64_t sales_ = 0, dropped_ = 0;
};

// The per-sale path, inline so that every loop feeding sales compiles it into its body.

inline AddResult PurchaseStream::add(double time, double amount, bool merge_same_day) noexcept {
  if (count == 0) {
    first = last = time;
    first_amount = total = amount;
    total_error = 0;
    count = 1;
    return AddResult::added;
  }
  if (merge_same_day) {
    // Times are whole days here: same day means equal.
    if (time == last || time == first) {
      if (time == first) first_amount += amount;
      add_amount(amount);
      return AddResult::merged;
    }
    if (time > first && time < last) return AddResult::between;
  }
  if (time < first) {
    first = time;
    first_amount = amount;
  }
  if (time > last) last = time;
  add_amount(amount);
  ++count;
  return AddResult::added;
}

inline void PurchaseStream::add_amount(double amount) noexcept {
  // Neumaier's compensated sum: the rounding error of each addition (exact, since both are
  // >= 0 and the larger is known) is carried apart and added back at the end.
  const double sum = total + amount;
  total_error += total >= amount ? (total - sum) + amount : (amount - sum) + total;
  total = sum;
}

inline Placement Accumulators::place(double time, double amount) const {
  const double day = options_.merge_same_day ? std::floor(time) : time;
  if (!in_day_range(time) || !(amount >= 0 && amount <= std::numeric_limits<double>::max()))
    refuse(time, amount);
  if (day > limit_) {
    if (options_.late == LateSale::drop) return Placement::dropped;
    refuse(time, amount);
  }
  return day > holdout_after_ ? Placement::holdout : Placement::calibration;
}

inline bool Accumulators::add(std::size_t slot, Placement where, double time, double amount) {
  const bool merge = options_.merge_same_day;
  if (merge) time = std::floor(time);
  PurchaseStream& s = where == Placement::holdout ? holdout_[slot] : customers_[slot].calibration;
  if (!(s.total + amount <= std::numeric_limits<double>::max())) refuse_overflow(s, where, amount);
  if (log_days_) {
    // The key goes in first: if it cannot be stored, nothing has changed.
    if (s.count == 0 || (time != s.first && time != s.last))
      day_keys_.push_back(static_cast<std::uint64_t>(slot) << 32 |
                          static_cast<std::uint32_t>(time - io::kFirstDayNumber));
    if (s.add(time, amount, merge) == AddResult::between) {
      s.add_amount(amount);
      Customer& c = customers_[slot];
      if (!c.recount) ++flagged_;
      c.recount = true;
    }
  } else if (s.add(time, amount, merge) == AddResult::between) {
    return false;
  }
  ++sales_;
  if (!any_sale_ || time > latest_) latest_ = time;
  any_sale_ = true;
  return true;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
