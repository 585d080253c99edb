#include "common/options.hpp"

#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit_cli {

namespace io = crmkit::io;

std::string delimiter_name(char d) {
  if (d == io::CsvOptions::kAuto) return "auto";
  if (d == io::CsvOptions::kWhitespace) return "whitespace";
  if (d == '\t') return "tab";
  return std::string(1, d);
}

char parse_delimiter(const std::string& delimiter) {
  if (delimiter == "auto") return io::CsvOptions::kAuto;
  if (delimiter == "whitespace") return io::CsvOptions::kWhitespace;
  if (delimiter == "tab") return '\t';
  if (delimiter.size() == 1) return delimiter[0];
  throw UsageError("--delimiter: expected one character, tab, whitespace or auto");
}

io::CsvOptions LogOptions::csv() const {
  io::CsvOptions csv;
  csv.delimiter = parse_delimiter(delimiter);
  csv.has_header = !no_header;
  return csv;
}

io::TransactionColumns LogOptions::columns() const {
  if (no_header && (customer == io::TransactionColumns{}.customer || time == io::TransactionColumns{}.time ||
                    (!no_amount && amount == io::TransactionColumns{}.amount)))
    throw UsageError("with --no-header, give --customer, --time and --amount (or --no-amount) "
                     "as 1-based column numbers");
  return io::TransactionColumns{customer, time, no_amount ? "" : amount, time_format};
}

crmkit::value::SummaryOptions LogOptions::summary() const {
  crmkit::value::SummaryOptions options;
  options.unit = crmkit::parse_enum<crmkit::value::TimeUnit>(unit);
  options.merge_same_day = merge_same_day;
  if (end) options.end = time_of("--end", *end);
  if (holdout_end) {
    if (!end) throw UsageError("--holdout-end needs --end (the end of the calibration period)");
    options.holdout_end = time_of("--holdout-end", *holdout_end);
    if (!(*options.holdout_end > *options.end))
      throw UsageError("--holdout-end " + *holdout_end + " is not after --end " + *end);
  }
  options.late = drop_late ? crmkit::value::LateSale::drop : crmkit::value::LateSale::reject;
  return options;
}

double LogOptions::time_of(const std::string& option, const std::string& text) const {
  try {
    return io::parse_time(text, "iso");
  } catch (const crmkit::Error&) {
  }
  try {
    return io::parse_time(text, time_format);
  } catch (const crmkit::Error& e) {
    throw UsageError(option + ": " + e.what());
  }
}

void add_log_options(CLI::App& command, LogOptions& o, MergeDefault merge) {
  const io::TransactionColumns columns;
  const io::CsvOptions csv;
  const crmkit::value::SummaryOptions summary;
  CLI::App* g = command.add_option_group("Transaction log",
                                         "how FILE is read when it is a transaction log");
  g->add_option("--customer", o.customer, "customer id column (a 1-based number with --no-header)")
      ->default_val(columns.customer);
  g->add_option("--time", o.time, "time column")->default_val(columns.time);
  g->add_option("--amount", o.amount, "amount column")->default_val(columns.amount);
  g->add_flag("--no-amount", o.no_amount, "the log has no amounts (spend is 0)");
  g->add_option("--time-format", o.time_format,
                "iso, days (day numbers), or strftime-like, e.g. %Y%m%d")
      ->default_val(columns.time_format);
  g->add_option("--delimiter", o.delimiter, "one character, tab, whitespace or auto")
      ->default_val(delimiter_name(csv.delimiter));
  g->add_flag("--no-header", o.no_header, "the file has no header line; columns are numbers");
  g->add_option("--unit", o.unit, "time unit of recency and T (a month is 4.345 weeks)")
      ->default_val(crmkit::name_of(summary.unit))
      ->check(choices_of<crmkit::value::TimeUnit>());
  g->add_option("--end", o.end, "end of the observation (calibration) period (default: last sale)");
  g->add_option("--holdout-end", o.holdout_end, "end of the holdout period (needs --end)");
  o.merge_same_day = merge == MergeDefault::on;
  bool& merged = o.merge_same_day;
  auto* on = g->add_flag_callback(
      "--merge-same-day", [&merged] { merged = true; },
      std::string("one customer's sales on one day are one transaction (default: ") +
          (merged ? "on" : "off") + ")");
  auto* off = g->add_flag_callback("--no-merge-same-day", [&merged] { merged = false; },
                                   "count every sale, even two on one day");
  on->excludes(off);
  g->add_flag("--drop-late", o.drop_late,
              "drop sales after the last end instead of failing (the count goes to stderr)");
}

void add_format_options(CLI::App& command, FormatOptions& format, bool small_results) {
  CLI::App* g = command.add_option_group("Output");
  auto* json = g->add_flag("--json", format.json, "print JSON (non-finite numbers are null)");
  if (small_results)
    g->add_flag("--csv", format.csv, "print CSV instead of an aligned table")->excludes(json);
}

CLI::Option* add_file_argument(CLI::App& command, std::string& path, const std::string& what) {
  return command.add_option("FILE", path, what + " (- for standard input)")->required();
}

}  // namespace crmkit_cli
