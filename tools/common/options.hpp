// Option groups shared by the commands, each declared once: the transaction-log options
// every command that reads a log takes, and the output format. Defaults shown in --help come
// from the library's default structs; enum choices from its name tables.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/output.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/names.hpp"

namespace crmkit_cli {

// A wrong command line: main prints it with a pointer to --help and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --delimiter: "auto", "whitespace", "tab" or one character, and back (CsvOptions' codes).
char parse_delimiter(const std::string& delimiter);
std::string delimiter_name(char delimiter);

// How a transaction log is read and summarised (the `summarize` options).
struct LogOptions {
  std::string customer, time, amount, time_format, delimiter, unit;
  bool no_amount = false;
  bool no_header = false;
  std::optional<std::string> end, holdout_end;
  bool merge_same_day = false;
  bool drop_late = false;

  crmkit::io::CsvOptions csv() const;
  crmkit::io::TransactionColumns columns() const;
  crmkit::value::SummaryOptions summary() const;
  // A date of --end, --holdout-end or --as-of: ISO first, then --time-format.
  double time_of(const std::string& option, const std::string& text) const;
};

// Whether a command summarises a log with same-day purchases merged unless told otherwise:
// the buy-till-you-die models need it (a repeat purchase on the first day has recency 0).
enum class MergeDefault { off, on };

// Adds the "Transaction log" option group to `command`.
void add_log_options(CLI::App& command, LogOptions& options, MergeDefault merge);

// --json (everywhere) and --csv (commands with small results, printed as a table by
// default) in an "Output" group. Per-customer rows are CSV unless --json.
struct FormatOptions {
  bool json = false;
  bool csv = false;
  Format rows() const { return json ? Format::json : Format::csv; }
  Format small() const { return json ? Format::json : csv ? Format::csv : Format::table; }
};
void add_format_options(CLI::App& command, FormatOptions& format, bool small_results);

// The one FILE positional of a command ("-" is standard input).
CLI::Option* add_file_argument(CLI::App& command, std::string& path, const std::string& what);

// CLI11 choices for an enum from its name table.
template <class Enum>
CLI::IsMember choices_of() {
  return CLI::IsMember(names(Enum{}).list());  // names(): found by ADL
}

}  // namespace crmkit_cli
