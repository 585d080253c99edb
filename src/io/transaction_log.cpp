#include "crmkit/io/transaction_log.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "detail/flat_index.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"
#include "value/accumulators.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

// The rows of a transaction log, decoded: customer key, time (day number), amount.
class LogRows {
 public:
  LogRows(CsvReader& reader, const TransactionColumns& columns)
      : reader_(reader), format_(columns.time_format) {
    customer_ = reader_.column_ref(columns.customer);
    time_ = reader_.column_ref(columns.time);
    has_amount_ = !columns.amount.empty();
    if (has_amount_) amount_ = reader_.column_ref(columns.amount);
  }

  bool next() {
    if (!reader_.next()) return false;
    ++rows_;
    key_ = reader_.field(customer_);
    if (key_.empty()) reader_.fail(customer_, "customer id is empty");
    try {
      time = format_.parse(reader_.field(time_));
    } catch (const Error& e) {
      reader_.fail(time_, e.what());
    }
    amount = has_amount_ ? reader_.number(amount_) : 0.0;
    if (has_amount_ && amount_decimals_ >= 0) {
      const int d = reader_.decimals(amount_);
      amount_decimals_ = d < 0 ? -1 : std::max(amount_decimals_, d);
    }
    return true;
  }

  std::string_view key() const { return key_; }
  std::int64_t rows() const { return rows_; }
  std::int64_t line() const { return reader_.line(); }
  const std::string& name() const { return reader_.name(); }

  int amount_decimals() const { return amount_decimals_; }

  // Rethrows a validation error of the current row at the field it concerns; a sale after
  // the last end of `options` is told in dates, as the file has them.
  [[noreturn]] void fail_value(const Error& e, const value::SummaryOptions& options) const {
    bool amount_bad = !std::isfinite(amount) || amount < 0;
    if (amount_bad && has_amount_) reader_.fail(amount_, e.what());
    const std::optional<double> limit = options.holdout_end ? options.holdout_end : options.end;
    if (limit && std::isfinite(time) && time > *limit)
      reader_.fail(time_, format_time(time) + " is after the " +
                              (options.holdout_end ? "holdout end " : "observation end ") +
                              format_time(*limit));
    reader_.fail(time_, e.what());
  }

  [[noreturn]] void fail_row(const std::string& what) const { reader_.fail(customer_, what); }

  void require_rows() const {
    if (rows_ == 0) throw Error(ErrorCode::parse_error, reader_.name() + ": no transactions");
  }

  double time = 0;
  double amount = 0;

 private:
  CsvReader& reader_;
  TimeFormat format_;
  std::size_t customer_ = 0, time_ = 0, amount_ = 0;
  bool has_amount_ = false;
  int amount_decimals_ = 0;
  std::string_view key_;
  std::int64_t rows_ = 0;
};

// Text keys to dense ordinals, in order of first appearance.
class KeyIndex {
 public:
  explicit KeyIndex(std::size_t expected_keys = 0) {
    try {
      index_.reserve(expected_keys);
      keys.reserve(expected_keys);
    } catch (const std::exception&) {  // a speed hint never fails the call
    }
  }
  std::size_t ordinal(std::string_view key, bool& inserted) {
    return ordinal(key, detail::hash_bytes(key), inserted);
  }
  std::size_t ordinal(std::string_view key, std::uint64_t hash, bool& inserted) {
    auto same = [&](std::uint32_t id) { return keys[id] == key; };
    std::uint32_t id = index_.find_or_insert(hash, same, inserted);
    if (inserted) keys.emplace_back(key);
    return id;
  }
  // Two prefetch stages for keys known ahead (see summarize_transaction_log).
  void prefetch_slot(std::uint64_t hash) const { index_.prefetch(hash); }
  // Ordinal of a known key whose slot is cached (keys.size() when new), without reading
  // the key itself: its string and the customer's record are the next cache misses.
  std::size_t probe(std::uint64_t hash) const {
    std::uint32_t id = index_.find(hash, [](std::uint32_t) { return true; });
    if (id < keys.size()) __builtin_prefetch(&keys[id]);
    return id;
  }
  std::vector<std::string> keys;

 private:
  detail::FlatIndex index_;
};

}  // namespace

TransactionLog read_transaction_log(const std::string& path, const CsvOptions& csv,
                                    const TransactionColumns& columns) {
  CsvReader reader(path, csv);
  return read_transaction_log(reader, columns);
}

TransactionLog read_transaction_log(CsvReader& reader, const TransactionColumns& columns) {
  LogRows rows(reader, columns);
  KeyIndex index;
  TransactionLog log;
  bool inserted = false;
  while (rows.next()) {
    log.customer.push_back(static_cast<std::int64_t>(index.ordinal(rows.key(), inserted)));
    log.time.push_back(rows.time);
    log.amount.push_back(rows.amount);
  }
  rows.require_rows();
  log.keys = std::move(index.keys);
  return log;
}

KeyedSummary summarize_transaction_log(const std::string& path, const CsvOptions& csv,
                                       const TransactionColumns& columns,
                                       const value::SummaryOptions& options) {
  CsvReader reader(path, csv);
  return summarize_transaction_log(reader, columns, options);
}

KeyedSummary summarize_transaction_log(CsvReader& reader, const TransactionColumns& columns,
                                       const value::SummaryOptions& options) {
  using value::Placement;
  value::Accumulators acc(options, /*any_order=*/true);
  const std::size_t hint = value::capped_hint(options.expected_customers);
  acc.reserve(hint);
  LogRows rows(reader, columns);
  KeyIndex index(hint);

  // Rows go through in batches so that the customers' hash slots, keys and records can be
  // prefetched before they are needed: with many customers each row would otherwise wait
  // on three cache misses in turn.
  struct Pending {
    std::string key;
    std::uint64_t hash;
    double time, amount;
    Placement where;
    std::int64_t line;
  };
  constexpr std::size_t kBatch = 32;
  std::vector<Pending> batch(kBatch);
  for (bool more = true; more;) {
    std::size_t filled = 0;
    while (filled < kBatch && (more = rows.next())) {
      Placement where;
      try {
        where = acc.place(rows.time, rows.amount);
      } catch (const Error& e) {
        rows.fail_value(e, options);
      }
      if (where == Placement::dropped) {
        acc.count_dropped();
        continue;
      }
      Pending& p = batch[filled++];
      p.key.assign(rows.key());
      p.hash = detail::hash_bytes(p.key);
      p.time = rows.time;
      p.amount = rows.amount;
      p.where = where;
      p.line = rows.line();
      index.prefetch_slot(p.hash);
    }
    for (std::size_t j = 0; j < filled; ++j) {
      std::size_t known = index.probe(batch[j].hash);
      if (known < acc.size()) acc.prefetch(known);
    }
    for (std::size_t j = 0; j < filled; ++j) {
      const Pending& p = batch[j];
      bool inserted = false;
      std::size_t slot = index.ordinal(p.key, p.hash, inserted);
      if (inserted) acc.add_customer(static_cast<std::int64_t>(slot));
      try {
        acc.add(slot, p.where, p.time, p.amount);  // any order: never refused for order
      } catch (const Error& e) {
        throw Error(ErrorCode::parse_error, rows.name() + ":" + std::to_string(p.line) +
                                                ": customer " + p.key + ": " + e.what());
      }
    }
  }
  rows.require_rows();
  return KeyedSummary{acc.table(), std::move(index.keys), rows.amount_decimals()};
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
