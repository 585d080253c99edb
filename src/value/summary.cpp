#include "crmkit/value/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "detail/flat_index.hpp"
#include "detail/format.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"
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

// Why `time` is not a usable time ("" when it is).
std::string bad_time(double time) {
  if (!std::isfinite(time)) return "is not a finite number";
  return crmkit::detail::format_number(time) +
         " is outside the supported day numbers -719162 (0001-01-01) to 2932897 (10000-01-01)";
}

void validate_options(const SummaryOptions& o) {
  if (o.end) require_lazy(in_day_range(*o.end), [&] { return "summary end " + bad_time(*o.end); });
  if (o.holdout_end) {
    require(o.end.has_value(), "a holdout end needs a calibration end");
    require_lazy(in_day_range(*o.holdout_end),
                 [&] { return "holdout end " + bad_time(*o.holdout_end); });
    require(*o.holdout_end > *o.end, "holdout end " + crmkit::detail::format_number(*o.holdout_end) +
                                         " is not after the calibration end " +
                                         crmkit::detail::format_number(*o.end));
  }
}

}  // namespace

Accumulators::Accumulators(const SummaryOptions& options, bool any_order)
    : options_(options), log_days_(any_order && options.merge_same_day) {
  validate_options(options_);
  const std::optional<double>& limit = options_.holdout_end ? options_.holdout_end : options_.end;
  if (limit) limit_ = *limit;
  if (options_.holdout_end) holdout_after_ = *options_.end;
}

void Accumulators::reserve(std::size_t customers) noexcept {
  try {
    customers_.reserve(customers);
    if (options_.holdout_end) holdout_.reserve(customers);
  } catch (const std::exception&) {  // a hint: the tables grow as customers come instead
  }
}

void Accumulators::refuse(double time, double amount) const {
  if (!in_day_range(time)) throw Error(ErrorCode::invalid_argument, "time " + bad_time(time));
  require(std::isfinite(amount), "amount is not a finite number");
  require_lazy(amount >= 0, [&] { return "amount " + crmkit::detail::format_number(amount) + " is negative"; });
  throw Error(ErrorCode::invalid_argument,
              "time " + crmkit::detail::format_number(options_.merge_same_day ? std::floor(time) : time) +
                  " is after the observation end " + crmkit::detail::format_number(limit_));
}

void Accumulators::refuse_overflow(const PurchaseStream& s, Placement where, double amount) const {
  throw Error(ErrorCode::invalid_argument,
              "amount " + crmkit::detail::format_number(amount) + " brings the customer's " +
                  (where == Placement::holdout ? "holdout" : "total") + " spend " +
                  crmkit::detail::format_number(s.spend()) + " past the largest representable number (1.8e308)");
}

std::string Accumulators::out_of_order_message(std::size_t slot, double time,
                                               const std::string& customer) const {
  const PurchaseStream& cal = customers_[slot].calibration;
  const bool in_calibration = holdout_.empty() || (cal.count > 0 && time <= cal.last);
  const PurchaseStream& s = in_calibration ? cal : holdout_[slot];
  return "customer " + customer + ": sale on day " + crmkit::detail::format_number(std::floor(time)) +
         " arrives after sales on days " + crmkit::detail::format_number(s.first) + " and " +
         crmkit::detail::format_number(s.last) +
         "; a ledger with same-day merging needs each customer's sales in time order "
         "(summarize() takes any order)";
}

std::vector<Accumulators::Counts> Accumulators::recount() const {
  const std::size_t n = customers_.size();
  std::vector<std::uint8_t> flagged(n);
  for (std::size_t i = 0; i < n; ++i) flagged[i] = customers_[i].recount;
  // Counting sort of the flagged customers' day keys by customer: begin[i]..begin[i + 1]
  // will hold customer i's days.
  std::vector<std::size_t> begin(n + 1, 0);
  day_keys_.for_each([&](std::uint64_t key) {
    const std::size_t slot = static_cast<std::size_t>(key >> 32);
    if (flagged[slot]) ++begin[slot + 1];
  });
  for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
  std::vector<std::uint32_t> days(begin[n]);
  std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
  day_keys_.for_each([&](std::uint64_t key) {
    const std::size_t slot = static_cast<std::size_t>(key >> 32);
    if (flagged[slot]) days[next[slot]++] = static_cast<std::uint32_t>(key);
  });
  // A day is a holdout day when after the calibration end (set whenever a holdout is).
  const double holdout_after = holdout_after_ - io::kFirstDayNumber;
  std::vector<Counts> counts(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!flagged[i]) continue;
    auto first = days.begin() + static_cast<std::ptrdiff_t>(begin[i]);
    auto last = days.begin() + static_cast<std::ptrdiff_t>(begin[i + 1]);
    std::sort(first, last);
    for (auto d = first; d != last; ++d) {
      if (d != first && *d == d[-1]) continue;
      ++(static_cast<double>(*d) > holdout_after ? counts[i].holdout : counts[i].calibration);
    }
  }
  return counts;
}

CustomerSummary Accumulators::row(std::size_t i, double end, const Counts& counts) const {
  const PurchaseStream& c = customers_[i].calibration;
  const double per_unit = days_per_unit(options_.unit);
  CustomerSummary s;
  s.customer = customers_[i].id;
  s.first = c.first;
  s.last = c.last;
  s.purchases = counts.calibration;
  s.frequency = static_cast<double>(counts.calibration - 1);
  s.recency = (c.last - c.first) / per_unit;
  s.T = (end - c.first) / per_unit;
  s.total_value = c.spend();
  s.monetary_value = counts.calibration > 1 ? (c.spend() - c.first_amount) / s.frequency : 0.0;
  if (!holdout_.empty()) {
    s.holdout_frequency = static_cast<double>(counts.holdout);
    s.holdout_value = holdout_[i].spend();
  }
  return s;
}

SummaryTable Accumulators::table() const {
  SummaryTable t;
  t.unit = options_.unit;
  t.holdout_end = options_.holdout_end;
  t.end = end();
  t.sales = sales_;
  t.dropped_sales = dropped_;
  const std::vector<Counts> recounted = flagged_ > 0 ? recount() : std::vector<Counts>{};
  std::int64_t transactions = 0;
  t.customers.reserve(customers_.size());
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const Counts counts =
        customers_[i].recount
            ? recounted[i]
            : Counts{customers_[i].calibration.count, holdout_.empty() ? 0 : holdout_[i].count};
    transactions += counts.calibration + counts.holdout;
    if (counts.calibration == 0) {
      ++t.holdout_only_customers;
      continue;
    }
    t.customers.push_back(row(i, t.end, counts));
  }
  t.merged_sales = sales_ - transactions;
  return t;
}

std::optional<CustomerSummary> Accumulators::customer(std::size_t i) const {
  const Counts counts{customers_[i].calibration.count, holdout_.empty() ? 0 : holdout_[i].count};
  if (counts.calibration == 0) return std::nullopt;
  return row(i, end(), counts);
}

// --- Ledger -------------------------------------------------------------------------------

struct Ledger::State {
  State(const SummaryOptions& options, bool any_order, std::size_t expected_customers)
      : acc(options, any_order) {
    const std::size_t hint = capped_hint(expected_customers);
    try {
      index.reserve(hint);
    } catch (const std::exception&) {  // a speed hint never fails the call
    }
    acc.reserve(hint);
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

  // One sale, as Ledger::add_sale documents it.
  __attribute__((always_inline)) void add(std::int64_t customer, double time, double amount) {
    Placement where;
    std::size_t slot = 0;
    bool placed = false;
    try {
      where = acc.place(time, amount);
      if (where == Placement::dropped) {
        acc.count_dropped();
        return;
      }
      slot = slot_of(customer);
      placed = acc.add(slot, where, time, amount);
    } catch (const Error& e) {
      throw Error(e.code(), "customer " + std::to_string(customer) + ": " + e.what());
    }
    if (!placed)
      throw Error(ErrorCode::invalid_argument,
                  acc.out_of_order_message(slot, time, std::to_string(customer)));
  }

  // Sales 0..n-1 in order, prefetching ahead; `taken` counts the sales recorded (or
  // dropped as late) and stops at the first refused one, whose error is rethrown
  // prefixed "sale i: ".
  void add_batch(const std::int64_t* customers, const double* times, const double* amounts,
                 std::size_t n, std::size_t& taken) {
    constexpr std::size_t kAhead = 8;  // prefetch distances: 2 * kAhead and kAhead sales
    for (taken = 0; taken < n; ++taken) {
      const std::size_t i = taken;
      if (i + 2 * kAhead < n) prefetch_index(customers[i + 2 * kAhead]);
      if (i + kAhead < n) prefetch_record(customers[i + kAhead]);
      try {
        add(customers[i], times[i], amounts[i]);
      } catch (const Error& e) {
        throw Error(e.code(), "sale " + std::to_string(i) + ": " + e.what());
      }
    }
  }

  Accumulators acc;
  detail::FlatIndex index;
};

Ledger::Ledger(SummaryOptions options)
    : state_(std::make_unique<State>(options, false, options.expected_customers)) {}
Ledger::~Ledger() = default;
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;

void Ledger::add_sale(std::int64_t customer, double time, double amount) {
  require(state_ != nullptr, "ledger was moved from");
  state_->add(customer, time, amount);
}

namespace {

void require_arrays(const void* customers, const void* times, std::size_t n) {
  require(n == 0 || (customers != nullptr && times != nullptr),
          "customers and times must not be null");
}

void require_sale_arrays(const void* customers, const void* times, const void* amounts,
                         std::size_t n) {
  require_arrays(customers, times, n);
  require(n == 0 || amounts != nullptr, "amounts must not be null");
}

}  // namespace

void Ledger::add_sales(const std::int64_t* customers, const double* times,
                       const double* amounts, std::size_t n, std::size_t* added) {
  std::size_t taken = 0;
  try {
    require(state_ != nullptr, "ledger was moved from");
    require_sale_arrays(customers, times, amounts, n);
    state_->add_batch(customers, times, amounts, n, taken);
  } catch (...) {
    if (added != nullptr) *added = taken;
    throw;
  }
  if (added != nullptr) *added = taken;
}

SummaryTable Ledger::summary() const {
  require(state_ != nullptr, "ledger was moved from");
  return state_->acc.table();
}

std::optional<CustomerSummary> Ledger::customer(std::int64_t id) const {
  require(state_ != nullptr, "ledger was moved from");
  const std::uint32_t slot = state_->index.find(State::key_hash(id), State::same_customer);
  if (slot >= state_->acc.size()) return std::nullopt;
  return state_->acc.customer(slot);
}

std::size_t Ledger::customer_count() const noexcept { return state_ ? state_->acc.size() : 0; }

const SummaryOptions& Ledger::options() const noexcept { return state_->acc.options(); }

// --- batch ---------------------------------------------------------------------------------

SummaryTable summarize(const std::int64_t* customers, const double* times, const double* amounts,
                       std::size_t n, const SummaryOptions& options) {
  require_sale_arrays(customers, times, amounts, n);
  // There are at most n customers, whatever the hint says.
  Ledger::State state(options, true, std::min(options.expected_customers, n));
  std::size_t taken = 0;
  state.add_batch(customers, times, amounts, n, taken);
  return state.acc.table();
}

std::vector<std::int64_t> cumulative_repeat_transactions(const std::int64_t* customers,
                                                         const double* times, std::size_t n,
                                                         double origin, TimeUnit unit,
                                                         std::size_t periods,
                                                         bool merge_same_day) {
  require_arrays(customers, times, n);
  require_lazy(in_day_range(origin), [&] { return "origin " + bad_time(origin); });
  require_lazy(periods >= 1 && periods <= kMaxTrackingPeriods, [&] {
    return "periods is " + std::to_string(periods) + "; expected 1.." +
           std::to_string(kMaxTrackingPeriods);
  });
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = 0; i < n; ++i)
    if (!in_day_range(times[i]))
      throw Error(ErrorCode::invalid_argument,
                  "sale " + std::to_string(i) + ": time " + bad_time(times[i]));
  auto time_of = [&](std::size_t i) { return merge_same_day ? std::floor(times[i]) : times[i]; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return customers[a] != customers[b] ? customers[a] < customers[b] : time_of(a) < time_of(b);
  });
  std::vector<std::int64_t> per_period(periods, 0);
  const double per_unit = days_per_unit(unit);
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = order[k];
    bool first_of_customer = k == 0 || customers[order[k - 1]] != customers[i];
    if (first_of_customer) continue;
    if (merge_same_day && time_of(order[k - 1]) == time_of(i)) continue;
    // Period p (1-based) holds times in [origin + (p-1) unit, origin + p unit).
    double p = std::floor((time_of(i) - origin) / per_unit);
    if (p >= 0 && p < static_cast<double>(periods)) ++per_period[static_cast<std::size_t>(p)];
  }
  std::partial_sum(per_period.begin(), per_period.end(), per_period.begin());
  return per_period;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
