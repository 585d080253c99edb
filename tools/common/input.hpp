// Reading a command's FILE once: a per-customer CSV (told apart by its header) or a
// transaction log, summarised with the log options. "-" is standard input; pipes and FIFOs
// work because every byte is read once (the header is sniffed from the buffered data).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/options.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/transaction_log.hpp"

namespace crmkit_cli {

// One input, open for reading.
class Input {
 public:
  Input(const std::string& path, const crmkit::io::CsvOptions& csv);
  crmkit::io::CsvReader& reader() { return *reader_; }
  const std::string& name() const { return reader_->name(); }
  // Whether the header names any of `markers` (never without a header).
  bool header_has_any(const std::vector<std::string>& markers) const;

 private:
  std::unique_ptr<crmkit::io::CsvReader> reader_;
};

// Summarises a log read from `input` (progress on a terminal; sales dropped by --drop-late
// and customers first seen in the holdout are counted on stderr).
crmkit::io::KeyedSummary summarize_log(Input& input, const LogOptions& log);

// Customers as named numeric columns, from a per-customer CSV or a summarised log.
struct Customers {
  std::string source;                         // the file, for messages
  bool from_log = false;
  std::vector<std::string> ids;
  std::vector<std::int64_t> lines;            // file line of each customer (per-customer CSV)
  std::map<std::string, std::vector<double>> columns;
  std::map<std::string, int> decimals;        // digits after the point, as written (money)

  // Throws invalid_argument "FILE: no column 'name' (needed by ...)" when absent.
  const std::vector<double>& column(const std::string& name, const std::string& needed_by) const;
  const double* optional_column(const std::string& name) const;  // nullptr when absent
  bool has(const std::string& name) const { return columns.count(name) > 0; }
  int decimals_of(const std::string& name) const;  // -1 when unknown
  std::size_t size() const { return ids.size(); }
  // "FILE:LINE: customer ID" (per-customer CSV) or "FILE: customer ID" (a summarised log).
  std::string where(std::size_t i) const;
};

// What a command reads from a per-customer CSV.
struct CustomerFileSpec {
  std::vector<std::string> markers;  // a header naming one of these is a per-customer file
  std::vector<std::string> numbers;  // numeric columns to read when present
  std::vector<std::string> times;    // date columns to read when present (as day numbers)
};

// Reads FILE as the spec's per-customer CSV or as a log: an id column (--customer; rows
// numbered from 1 when absent; a repeated id is an error), the spec's columns. A log becomes
// frequency, recency, T, monetary_value, purchases, total_value and days_since_last.
Customers read_customers(const std::string& path, const LogOptions& log,
                         const CustomerFileSpec& spec);

// Customers with one value column (tiers, concentration): a per-customer CSV whose header
// names `column`, or a summarised log (which must then have it: total_value, ...).
Customers read_value_column(const std::string& path, const LogOptions& log,
                            const std::string& column);

// A core error about "row N (0-based)" or "name[N]" of `customers`, restated in the user's
// terms: the file, its line and the customer's id.
crmkit::Error in_user_terms(const crmkit::Error& e, const Customers& customers);

// Runs `work` over `customers`; its errors come out in the user's terms.
template <class Work>
auto for_customers(const Customers& customers, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const crmkit::Error& e) {
    throw in_user_terms(e, customers);
  }
}

}  // namespace crmkit_cli
