// Transaction logs and the per-customer summary that RFM, tiers and the buy-till-you-die
// (CLV) models start from.
//
// Time is a `double` count of days. Only differences matter, except that the integer part
// names the calendar day when same-day merging is on; crmkit::io::parse_time returns days
// since 1970-01-01, which satisfies that. Times must lie in the day numbers of the years
// 0001-9999 (io::kFirstDayNumber <= t < io::kEndDayNumber, crmkit/io/time.hpp); others are
// refused. Summaries express durations in a TimeUnit. Money totals use compensated
// summation, and a customer whose total spend would exceed the largest double is refused
// at the sale that overflows it.
//
// Two ways in give the same answer by construction: summarize() over arrays feeds the same
// per-customer accumulators as a Ledger fed one sale at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// The unit in which recency, T and frequency periods are reported. A month is 4.345 weeks
// (365.25 / 12 / 7), the convention of the CLV literature, not a calendar month.
enum class TimeUnit { day, week, month };

// Days in one unit: 1, 7 or 30.415.
double days_per_unit(TimeUnit unit) noexcept;
// "day", "week", "month" (crmkit/names.hpp: name_of, parse_enum).
const NameTable& names(TimeUnit);

// What to do with a sale dated after the observation end (the holdout end when one is set).
enum class LateSale { reject, drop };

struct SummaryOptions {
  TimeUnit unit = TimeUnit::week;
  // Purchases by one customer on the same calendar day become one transaction whose amount
  // is their sum (the convention of the CDNOW analyses).
  bool merge_same_day = false;
  // End of the (calibration) observation period, in days. Unset: the latest sale seen.
  std::optional<double> end;
  // End of the holdout period; sales in (end, holdout_end] count as holdout. Needs `end`.
  std::optional<double> holdout_end;
  LateSale late = LateSale::reject;
  // How many distinct customers to make room for up front (0: unknown). Only speed
  // depends on it: without it the tables grow as customers appear, and each growth moves
  // every customer (about a fifth of the time at a million customers). Never an error:
  // hints above kMaxExpectedCustomers (or above the number of sales, for arrays) count as
  // that, and room that cannot be had is simply not made.
  std::size_t expected_customers = 0;
};

// Largest size hint acted on: 2^24 customers (about 1.5 GB of tables made up front).
inline constexpr std::size_t kMaxExpectedCustomers = std::size_t{1} << 24;

// One customer's history up to the observation end. Durations are in SummaryOptions::unit.
struct CustomerSummary {
  std::int64_t customer = 0;     // caller's id (array input) or ordinal of first appearance (text)
  double first = 0;              // day of the first purchase
  double last = 0;               // day of the last purchase in the calibration period
  std::int64_t purchases = 0;    // transactions in the calibration period (after merging)
  double frequency = 0;          // x: repeat transactions = purchases - 1
  double recency = 0;            // t_x: last - first, in units (0 when x = 0)
  double T = 0;                  // age: end - first, in units
  double total_value = 0;        // spend of all calibration transactions, first included
  double monetary_value = 0;     // mean spend of the repeat transactions (0 when x = 0)
  double holdout_frequency = 0;  // transactions in (end, holdout_end] (0 without holdout)
  double holdout_value = 0;      // total spend of those transactions
};

struct SummaryTable {
  std::vector<CustomerSummary> customers;  // in order of each customer's first sale seen
  double end = 0;                          // observation end used, in days
  std::optional<double> holdout_end;
  TimeUnit unit = TimeUnit::week;
  std::int64_t sales = 0;                  // sales accepted (before merging)
  std::int64_t merged_sales = 0;           // sales folded into an earlier same-day sale
  std::int64_t dropped_sales = 0;          // sales after the observation end (LateSale::drop)
  std::int64_t holdout_only_customers = 0; // first seen in the holdout: not summarised
};

// A running summary fed one sale at a time (what a till does), in memory that follows the
// number of customers only. Sales of one customer may arrive in any order without
// merging; with merge_same_day they must be in time order per customer except for sales on
// the customer's first or latest day (anything else is rejected with invalid_argument, and
// the ledger is unchanged). summarize() and the CSV summary take any order.
class Ledger {
 public:
  explicit Ledger(SummaryOptions options = {});
  ~Ledger();
  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Validates (time in the day-number range, finite non-negative amount, not after the end,
  // the customer's total still representable) and records the sale; on error throws and
  // changes nothing.
  void add_sale(std::int64_t customer, double time, double amount);
  // Adds sales i = 0..n-1 (column arrays) in order, as n calls of add_sale would, but
  // faster (customers ahead are prefetched). Stops at the first sale add_sale would refuse
  // and throws its error, prefixed "sale i: "; the sales before it stay recorded. `added`,
  // when not null, receives the number of sales taken (recorded, or dropped as late under
  // LateSale::drop) before the refused one: n on success, also set when it throws.
  void add_sales(const std::int64_t* customers, const double* times, const double* amounts,
                 std::size_t n, std::size_t* added = nullptr);
  // The summary as of now: end = options.end, or the latest sale seen.
  SummaryTable summary() const;
  // One customer's row of summary() as of now, in O(1) (a till asks at checkout); nullopt
  // for a customer without a sale in the calibration period.
  std::optional<CustomerSummary> customer(std::int64_t id) const;
  std::size_t customer_count() const noexcept;
  const SummaryOptions& options() const noexcept;

  // Customer index + per-customer accumulators, shared with summarize(); defined in
  // src/value/summary.cpp.
  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Batch summary over column arrays of equal length n, in one pass. Any order is accepted
// and gives the same table: counts, days and durations exactly, money up to the rounding
// of compensated sums. (Without merging, of several sales at exactly a customer's first
// time, the first one seen counts as the first purchase.) With same-day merging each
// customer's days are kept as 8-byte keys and counted at the end for the customers whose
// sales were not in time order. Errors name the sale ("sale i: customer c: ...").
SummaryTable summarize(const std::int64_t* customers, const double* times, const double* amounts,
                       std::size_t n, const SummaryOptions& options = {});

inline SummaryTable summarize(const std::vector<std::int64_t>& customers,
                              const std::vector<double>& times,
                              const std::vector<double>& amounts,
                              const SummaryOptions& options = {}) {
  if (times.size() != customers.size() || amounts.size() != customers.size())
    throw Error(ErrorCode::invalid_argument,
                "customers, times and amounts differ in length (" +
                    std::to_string(customers.size()) + ", " + std::to_string(times.size()) +
                    ", " + std::to_string(amounts.size()) + ")");
  return summarize(customers.data(), times.data(), amounts.data(), customers.size(), options);
}

// Cumulative repeat transactions (sales after each customer's first, after merging) at the
// end of each period 1..periods, periods counted in `unit` from `origin` (in days): the
// aggregate "tracking" curve of the CLV literature. periods must be in
// 1..kMaxTrackingPeriods (invalid_argument otherwise).
inline constexpr std::size_t kMaxTrackingPeriods = 1000000;
std::vector<std::int64_t> cumulative_repeat_transactions(const std::int64_t* customers,
                                                         const double* times, std::size_t n,
                                                         double origin, TimeUnit unit,
                                                         std::size_t periods,
                                                         bool merge_same_day);

}  // namespace value
}  // namespace v0
}  // namespace crmkit
