// Shared pieces of the crmkit command-line program: option parsing, output writers, and
// the transaction-log options every command that reads a log accepts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "crmkit/io/transaction_log.hpp"

namespace crmkit_cli {

// Thrown for a wrong command line: main prints it with the usage hint and exits 2.
struct UsageError {
  std::string message;
};

// `--name VALUE`, `--name=VALUE` and `--flag` options plus positional arguments. Options
// are declared first so that a typo is an error instead of being ignored.
class Args {
 public:
  Args& option(const std::string& name, const std::string& help);  // takes a value
  Args& flag(const std::string& name, const std::string& help);
  void parse(const std::vector<std::string>& argv);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::optional<std::string> find(const std::string& name) const;
  double number(const std::string& name, double fallback) const;
  // A comma-separated list of numbers ("0.5,0.8,0.95"); empty when the option is absent.
  std::vector<double> numbers(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  std::string help() const;  // one line per option

 private:
  struct Spec {
    bool takes_value;
    std::string help;
  };
  std::map<std::string, Spec> specs_;
  std::vector<std::string> order_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// The options of a command that reads a transaction log: columns, time format, unit,
// ends, merging, delimiter. declare_log_options adds them to `args`; summarize_log reads
// the file they describe.
void declare_log_options(Args& args);
crmkit::io::KeyedSummary summarize_log(const Args& args, const std::string& path);
// A time given on the command line: ISO first, then the --time-format of the file.
double parse_cli_time(const Args& args, const std::string& option);

// Customers as named numeric columns, from a per-customer CSV or a summarised log; shared
// by the commands that take either kind of FILE (clv, rfm, tiers, concentration).
struct CustomerColumns {
  std::string source;  // the file, for messages
  std::vector<std::string> ids;
  std::map<std::string, std::vector<double>> columns;

  // Throws invalid_argument "FILE: no column 'name' (needed by ...)" when absent.
  const std::vector<double>& column(const std::string& name, const std::string& needed_by) const;
  const double* optional_column(const std::string& name) const;  // nullptr when absent
  bool has(const std::string& name) const { return columns.count(name) > 0; }
  std::size_t size() const { return ids.size(); }
};

// A per-customer file is told apart from a transaction log by its header: it names one of
// `markers` (never with --no-header, which only logs use).
bool is_customer_file(const Args& args, const std::string& path,
                      const std::vector<std::string>& markers);
// Reads a per-customer CSV (delimiter detected): the id column (--customer, default
// customer_id; rows numbered from 1 when absent), the `numeric` columns present, and the
// `times` columns present as day numbers (--time-format, default iso). Throws for a file
// without customers.
CustomerColumns read_customer_file(const Args& args, const std::string& path,
                                   const std::vector<std::string>& numeric,
                                   const std::vector<std::string>& times = {});
// A summarised log as columns: frequency, recency, T, monetary_value, purchases,
// total_value, and days_since_last (end - last in days: crmkit::value::rfm_columns).
CustomerColumns summary_columns(const crmkit::io::KeyedSummary& summary, const std::string& source);

// Shortest text that reads back as the same double (JSON- and CSV-safe).
std::string number_text(double v);
// A JSON string literal.
std::string json_string(const std::string& s);
// A CSV field, quoted when it needs to be.
std::string csv_field(const std::string& s);

// A table printed as CSV or as a JSON array of objects (numbers stay JSON numbers).
class TableWriter {
 public:
  TableWriter(std::ostream& out, bool json, std::vector<std::string> columns);
  // One row: text cells are quoted in JSON, number cells are not.
  struct Cell {
    std::string text;
    bool is_number;
  };
  static Cell text(const std::string& s) { return {s, false}; }
  static Cell number(double v) { return {number_text(v), true}; }
  static Cell integer(std::int64_t v) { return {std::to_string(v), true}; }
  void row(const std::vector<Cell>& cells);
  void finish();

 private:
  std::ostream& out_;
  bool json_;
  std::vector<std::string> columns_;
  bool first_row_ = true;
};

int run_summarize(const std::vector<std::string>& argv);
int run_demo(const std::vector<std::string>& argv);
int run_clv(const std::vector<std::string>& argv);  // cmd_clv.cpp
// cmd_value.cpp: customer value tiers
int run_rfm(const std::vector<std::string>& argv);
int run_tiers(const std::vector<std::string>& argv);
int run_concentration(const std::vector<std::string>& argv);

}  // namespace crmkit_cli
