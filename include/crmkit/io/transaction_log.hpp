// Transaction logs in text files: reading them into columns, and summarising them per
// customer in one streaming pass (memory proportional to customers, not rows).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/io/csv.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

// Which columns hold what: names with a header, 1-based numbers ("2") without one.
struct TransactionColumns {
  std::string customer = "customer_id";
  std::string time = "date";
  std::string amount = "amount";  // empty: the log has no amounts (all spend is 0)
  std::string time_format = "iso";  // see TimeFormat
};

// A log held in memory. Customer keys are kept as text ("00042" stays "00042"); `customer`
// holds each row's index into `keys`, in order of first appearance.
struct TransactionLog {
  std::vector<std::string> keys;
  std::vector<std::int64_t> customer;
  std::vector<double> time;    // day numbers
  std::vector<double> amount;
};

TransactionLog read_transaction_log(const std::string& path, const CsvOptions& csv = {},
                                    const TransactionColumns& columns = {});
// The same from a reader already open (its header read), e.g. on standard input.
TransactionLog read_transaction_log(CsvReader& reader, const TransactionColumns& columns = {});

// A summary whose customers carry text keys: customers[i].customer indexes `keys`.
struct KeyedSummary {
  value::SummaryTable table;
  std::vector<std::string> keys;
  // Most digits after the decimal point in any amount read (-1 when an amount was written
  // with an exponent): sums of amounts are exact at this precision, so a report can print
  // them without binary floating-point residue (74.02, not 74.02000000000001).
  int amount_decimals = 0;
};

// Streams the file once through the same accumulators as value::summarize: rows in any
// order give the same summary. Memory follows customers, plus 8 bytes per transaction
// (each customer's days) with same-day merging.
KeyedSummary summarize_transaction_log(const std::string& path, const CsvOptions& csv = {},
                                       const TransactionColumns& columns = {},
                                       const value::SummaryOptions& options = {});
// The same from a reader already open (its header read): each byte of the input is read
// once, so standard input and pipes work. Same-day merging of out-of-order sales reads the
// input a second time, which only a reader that opened a file can (parse_error otherwise).
KeyedSummary summarize_transaction_log(CsvReader& reader, const TransactionColumns& columns = {},
                                       const value::SummaryOptions& options = {});

}  // namespace io
}  // namespace v0
}  // namespace crmkit
