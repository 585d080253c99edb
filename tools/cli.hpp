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

}  // namespace crmkit_cli
