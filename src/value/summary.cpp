#include "crmkit/value/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "crmkit/detail/flat_index.hpp"
#include "crmkit/error.hpp"
#include "value/accumulators.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

double days_per_unit(TimeUnit unit) noexcept {
  switch (unit) {
    case TimeUnit::day: return 1.0;
    case TimeUnit::week: return 7.0;
    case TimeUnit::month: return 4.345 * 7.0;
  }
  return 1.0;
}

const NameTable& names(TimeUnit) {
  static constexpr const char* kNames[] = {"day", "week", "month"};
  static constexpr NameTable kTable("time unit", kNames);
  return kTable;
}

namespace {

std::string format_number(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

void validate_options(const SummaryOptions& o) {
  require(o.expected_customers <= detail::FlatIndex::kMaxKeys,
          "expected_customers is above the limit of 2^31 customers");
  if (o.end) require(std::isfinite(*o.end), "summary end is not a finite time");
  if (o.holdout_end) {
    require(o.end.has_value(), "a holdout end needs a calibration end");
    require(std::isfinite(*o.holdout_end), "holdout end is not a finite time");
    require(*o.holdout_end > *o.end, "holdout end " + format_number(*o.holdout_end) +
                                         " is not after the calibration end " +
                                         format_number(*o.end));
  }
}

}  // namespace

AddResult PurchaseStream::add(double time, double amount, bool merge_same_day) noexcept {
  if (count == 0) {
    first = last = time;
    first_amount = total = amount;
    count = 1;
    return AddResult::added;
  }
  if (merge_same_day) {
    // Times are whole days here: same day means equal.
    if (time == last || time == first) {
      if (time == first) first_amount += amount;
      total += amount;
      return AddResult::merged;
    }
    // Between the first and the latest day we cannot tell, in O(1) state, whether that day
    // already had a sale: the caller must supply time order (or sort).
    if (time > first && time < last) return AddResult::out_of_order;
  }
  if (time < first) {
    first = time;
    first_amount = amount;
  }
  if (time > last) last = time;
  total += amount;
  ++count;
  return AddResult::added;
}

Accumulators::Accumulators(const SummaryOptions& options) : options_(options) {
  validate_options(options_);
}

Placement Accumulators::place(double time, double amount) const {
  require(std::isfinite(time), "time is not a finite number");
  if (options_.merge_same_day) time = std::floor(time);
  require(std::isfinite(amount), "amount is not a finite number");
  if (amount < 0)
    throw Error(ErrorCode::invalid_argument, "amount " + format_number(amount) + " is negative");
  const std::optional<double>& limit = options_.holdout_end ? options_.holdout_end : options_.end;
  if (limit && time > *limit) {
    if (options_.late == LateSale::drop) return Placement::dropped;
    throw Error(ErrorCode::invalid_argument,
                "time " + format_number(time) + " is after the observation end " +
                    format_number(*limit));
  }
  if (options_.holdout_end && time > *options_.end) return Placement::holdout;
  return Placement::calibration;
}

AddResult Accumulators::add(std::size_t slot, Placement where, double time,
                            double amount) noexcept {
  if (options_.merge_same_day) time = std::floor(time);
  PurchaseStream& s = where == Placement::holdout ? holdout_[slot] : customers_[slot].calibration;
  AddResult r = s.add(time, amount, options_.merge_same_day);
  if (r == AddResult::out_of_order) return r;
  ++sales_;
  if (r == AddResult::merged) ++merged_;
  if (!any_sale_ || time > latest_) latest_ = time;
  any_sale_ = true;
  return r;
}

std::string Accumulators::out_of_order_message(std::size_t slot, double time,
                                               const std::string& customer) const {
  const PurchaseStream& cal = customers_[slot].calibration;
  const bool in_calibration = holdout_.empty() || (cal.count > 0 && time <= cal.last);
  const PurchaseStream& s = in_calibration ? cal : holdout_[slot];
  return "customer " + customer + ": sale on day " + format_number(std::floor(time)) +
         " arrives after sales on days " + format_number(s.first) + " and " +
         format_number(s.last) +
         "; same-day merging needs each customer's sales in time order";
}

SummaryTable Accumulators::table() const {
  SummaryTable t;
  t.unit = options_.unit;
  t.holdout_end = options_.holdout_end;
  t.end = options_.end ? *options_.end : latest_;
  t.sales = sales_;
  t.merged_sales = merged_;
  t.dropped_sales = dropped_;
  const double per_unit = days_per_unit(options_.unit);
  t.customers.reserve(customers_.size());
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const PurchaseStream& c = customers_[i].calibration;
    if (c.count == 0) {
      ++t.holdout_only_customers;
      continue;
    }
    CustomerSummary s;
    s.customer = customers_[i].id;
    s.first = c.first;
    s.last = c.last;
    s.purchases = c.count;
    s.frequency = static_cast<double>(c.count - 1);
    s.recency = (c.last - c.first) / per_unit;
    s.T = (t.end - c.first) / per_unit;
    s.total_value = c.total;
    s.monetary_value = c.count > 1 ? (c.total - c.first_amount) / s.frequency : 0.0;
    if (!holdout_.empty()) {
      s.holdout_frequency = static_cast<double>(holdout_[i].count);
      s.holdout_value = holdout_[i].total;
    }
    t.customers.push_back(s);
  }
  return t;
}

// --- Ledger -------------------------------------------------------------------------------

struct Ledger::State {
  explicit State(const SummaryOptions& options) : acc(options) {
    index.reserve(options.expected_customers);
    acc.reserve(options.expected_customers);
  }

  static std::uint64_t key_hash(std::int64_t customer) {
    return detail::hash_int(static_cast<std::uint64_t>(customer));
  }

  // key_hash is a bijection: equal hashes are equal customers.
  static bool same_customer(std::uint32_t) { return true; }

  // Slot of a customer, added when new.
  std::size_t slot_of(std::int64_t customer) {
    bool inserted = false;
    std::uint32_t slot = index.find_or_insert(key_hash(customer), same_customer, inserted);
    if (inserted) acc.add_customer(customer);
    return slot;
  }

  // Batch input knows the next customers in advance: far ahead, the index entry is
  // prefetched; nearer, it is read (now cached) and the customer's record prefetched.
  // (Always inlined: GCC would otherwise judge these pure and drop the calls.)
  __attribute__((always_inline)) void prefetch_index(std::int64_t customer) const { index.prefetch(key_hash(customer)); }
  __attribute__((always_inline)) void prefetch_record(std::int64_t customer) const {
    std::uint64_t h = key_hash(customer);
    std::uint32_t slot = index.find(h, same_customer);
    if (slot < acc.size()) acc.prefetch(slot);
  }

  Accumulators acc;
  detail::FlatIndex index;
};

Ledger::Ledger(SummaryOptions options) : state_(std::make_unique<State>(options)) {}
Ledger::~Ledger() = default;
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;

void Ledger::add_sale(std::int64_t customer, double time, double amount) {
  require(state_ != nullptr, "ledger was moved from");
  Placement where;
  try {
    where = state_->acc.place(time, amount);
  } catch (const Error& e) {
    throw Error(e.code(), "customer " + std::to_string(customer) + ": " + e.what());
  }
  if (where == Placement::dropped) {
    state_->acc.count_dropped();
    return;
  }
  std::size_t slot = state_->slot_of(customer);
  if (state_->acc.add(slot, where, time, amount) == AddResult::out_of_order)
    throw Error(ErrorCode::invalid_argument,
                state_->acc.out_of_order_message(slot, time, std::to_string(customer)));
}

SummaryTable Ledger::summary() const {
  require(state_ != nullptr, "ledger was moved from");
  return state_->acc.table();
}

std::size_t Ledger::customer_count() const noexcept { return state_ ? state_->acc.size() : 0; }

const SummaryOptions& Ledger::options() const noexcept { return state_->acc.options(); }

// --- batch ---------------------------------------------------------------------------------

namespace {

void require_arrays(const void* customers, const void* times, std::size_t n) {
  require(n == 0 || (customers != nullptr && times != nullptr),
          "customers and times must not be null");
}

std::string sale_prefix(std::size_t i) { return "sale " + std::to_string(i) + ": "; }

}  // namespace

SummaryTable summarize(const std::int64_t* customers, const double* times, const double* amounts,
                       std::size_t n, const SummaryOptions& options) {
  require_arrays(customers, times, n);
  require(n == 0 || amounts != nullptr, "amounts must not be null");
  Ledger::State state(options);
  bool in_order = true;
  constexpr std::size_t kAhead = 8;  // prefetch distances: 2 * kAhead and kAhead sales
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 2 * kAhead < n) state.prefetch_index(customers[i + 2 * kAhead]);
    if (i + kAhead < n) state.prefetch_record(customers[i + kAhead]);
    Placement where;
    try {
      where = state.acc.place(times[i], amounts[i]);
    } catch (const Error& e) {
      throw Error(e.code(), sale_prefix(i) + "customer " + std::to_string(customers[i]) + ": " +
                                e.what());
    }
    if (where == Placement::dropped) {
      state.acc.count_dropped();
      continue;
    }
    if (state.acc.add(state.slot_of(customers[i]), where, times[i], amounts[i]) ==
        AddResult::out_of_order) {
      in_order = false;
      break;
    }
  }
  if (in_order) return state.acc.table();

  // Same-day merging met sales out of time order: accumulate again in time order (stable,
  // so equal times keep their input order). Customers are registered first in input order
  // so that the table's row order does not depend on which path was taken.
  Ledger::State sorted(options);
  for (std::size_t i = 0; i < n; ++i) sorted.slot_of(customers[i]);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
  for (std::size_t i : order) {
    Placement where = sorted.acc.place(times[i], amounts[i]);  // validated above
    if (where == Placement::dropped) {
      sorted.acc.count_dropped();
      continue;
    }
    sorted.acc.add(sorted.slot_of(customers[i]), where, times[i], amounts[i]);
  }
  return sorted.acc.table();
}

std::vector<std::int64_t> cumulative_repeat_transactions(const std::int64_t* customers,
                                                         const double* times, std::size_t n,
                                                         double origin, TimeUnit unit,
                                                         int periods, bool merge_same_day) {
  require_arrays(customers, times, n);
  require(std::isfinite(origin), "origin is not a finite time");
  require(periods > 0, "periods must be positive, got " + std::to_string(periods));
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(times[i]))
      throw Error(ErrorCode::invalid_argument, sale_prefix(i) + "time is not a finite number");
  auto time_of = [&](std::size_t i) { return merge_same_day ? std::floor(times[i]) : times[i]; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return customers[a] != customers[b] ? customers[a] < customers[b] : time_of(a) < time_of(b);
  });
  std::vector<std::int64_t> per_period(static_cast<std::size_t>(periods), 0);
  const double per_unit = days_per_unit(unit);
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = order[k];
    bool first_of_customer = k == 0 || customers[order[k - 1]] != customers[i];
    if (first_of_customer) continue;
    if (merge_same_day && time_of(order[k - 1]) == time_of(i)) continue;
    // Period p (1-based) holds times in [origin + (p-1) unit, origin + p unit).
    double p = std::floor((time_of(i) - origin) / per_unit);
    if (p >= 0 && p < periods) ++per_period[static_cast<std::size_t>(p)];
  }
  std::partial_sum(per_period.begin(), per_period.end(), per_period.begin());
  return per_period;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
