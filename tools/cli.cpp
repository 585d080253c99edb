#include "cli.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/value/rfm.hpp"

namespace crmkit_cli {

Args& Args::option(const std::string& name, const std::string& help) {
  specs_[name] = Spec{true, help};
  order_.push_back(name);
  return *this;
}

Args& Args::flag(const std::string& name, const std::string& help) {
  specs_[name] = Spec{false, help};
  order_.push_back(name);
  return *this;
}

void Args::parse(const std::vector<std::string>& argv) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    auto spec = specs_.find(name);
    if (spec == specs_.end()) throw UsageError{"unknown option --" + name};
    if (!spec->second.takes_value) {
      if (inline_value) throw UsageError{"option --" + name + " takes no value"};
      values_[name] = "";
    } else if (inline_value) {
      values_[name] = *inline_value;
    } else {
      if (i + 1 >= argv.size()) throw UsageError{"option --" + name + " needs a value"};
      values_[name] = argv[++i];
    }
  }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::optional<std::string> Args::find(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

namespace {

double option_number(const std::string& name, const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
    throw UsageError{"option --" + name + ": '" + s + "' is not a number"};
  return v;
}

}  // namespace

double Args::number(const std::string& name, double fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : option_number(name, it->second);
}

std::vector<double> Args::numbers(const std::string& name) const {
  std::vector<double> out;
  auto it = values_.find(name);
  if (it == values_.end()) return out;
  std::stringstream text(it->second);
  for (std::string item; std::getline(text, item, ',');) out.push_back(option_number(name, item));
  return out;
}

std::string Args::help() const {
  std::string out;
  for (const std::string& name : order_) {
    const Spec& s = specs_.at(name);
    std::string left = "  --" + name + (s.takes_value ? " X" : "");
    left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
    out += left + s.help + "\n";
  }
  return out;
}

void declare_log_options(Args& args) {
  args.option("customer", "customer id column (default customer_id; a number with --no-header)")
      .option("time", "time column (default date)")
      .option("amount", "amount column (default amount)")
      .flag("no-amount", "the log has no amounts (spend is 0)")
      .option("time-format", "iso (default), days, or strftime-like e.g. %Y%m%d")
      .option("delimiter", "one character, 'tab', 'whitespace', or 'auto' (default)")
      .flag("no-header", "the file has no header line; columns are 1-based numbers")
      .option("unit", "day, week (default) or month (4.345 weeks)")
      .option("end", "end of the observation (calibration) period; default: last sale")
      .option("holdout-end", "end of the holdout period (needs --end)")
      .flag("merge-same-day", "one customer's sales on one day count as one transaction")
      .flag("drop-late", "drop sales after the end instead of failing");
}

double parse_cli_time(const Args& args, const std::string& option) {
  std::string text = args.get(option);
  try {
    return crmkit::io::parse_time(text, "iso");
  } catch (const crmkit::Error&) {
  }
  try {
    return crmkit::io::parse_time(text, args.get("time-format", "iso"));
  } catch (const crmkit::Error& e) {
    throw UsageError{"option --" + option + ": " + e.what()};
  }
}

crmkit::io::KeyedSummary summarize_log(const Args& args, const std::string& path) {
  crmkit::io::CsvOptions csv;
  std::string delimiter = args.get("delimiter", "auto");
  if (delimiter == "auto") csv.delimiter = crmkit::io::CsvOptions::kAuto;
  else if (delimiter == "whitespace") csv.delimiter = crmkit::io::CsvOptions::kWhitespace;
  else if (delimiter == "tab") csv.delimiter = '\t';
  else if (delimiter.size() == 1) csv.delimiter = delimiter[0];
  else throw UsageError{"option --delimiter: expected one character, tab, whitespace or auto"};
  csv.has_header = !args.has("no-header");

  crmkit::io::TransactionColumns columns;
  if (!csv.has_header &&
      !(args.has("customer") && args.has("time") && (args.has("amount") || args.has("no-amount"))))
    throw UsageError{"with --no-header, give --customer, --time and --amount (or --no-amount) "
                     "as 1-based column numbers"};
  columns.customer = args.get("customer", columns.customer);
  columns.time = args.get("time", columns.time);
  columns.amount = args.has("no-amount") ? "" : args.get("amount", columns.amount);
  columns.time_format = args.get("time-format", "iso");

  crmkit::value::SummaryOptions options;
  try {
    options.unit = crmkit::parse_enum<crmkit::value::TimeUnit>(args.get("unit", "week"));
  } catch (const crmkit::Error& e) {
    throw UsageError{std::string("option --unit: ") + e.what()};
  }
  options.merge_same_day = args.has("merge-same-day");
  if (args.has("end")) options.end = parse_cli_time(args, "end");
  if (args.has("holdout-end")) options.holdout_end = parse_cli_time(args, "holdout-end");
  options.late = args.has("drop-late") ? crmkit::value::LateSale::drop
                                       : crmkit::value::LateSale::reject;
  return crmkit::io::summarize_transaction_log(path, csv, columns, options);
}

const std::vector<double>& CustomerColumns::column(const std::string& name,
                                                   const std::string& needed_by) const {
  auto it = columns.find(name);
  if (it == columns.end())
    throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                        source + ": no column '" + name + "' (needed by " + needed_by + ")");
  return it->second;
}

const double* CustomerColumns::optional_column(const std::string& name) const {
  auto it = columns.find(name);
  return it == columns.end() ? nullptr : it->second.data();
}

bool is_customer_file(const Args& args, const std::string& path,
                      const std::vector<std::string>& markers) {
  if (args.has("no-header")) return false;
  crmkit::io::CsvReader reader(path);
  for (const std::string& name : reader.header())
    if (std::find(markers.begin(), markers.end(), name) != markers.end()) return true;
  return false;
}

CustomerColumns read_customer_file(const Args& args, const std::string& path,
                                   const std::vector<std::string>& numeric,
                                   const std::vector<std::string>& times) {
  crmkit::io::CsvReader reader(path);
  CustomerColumns c{path, {}, {}};
  const std::string id_name = args.get("customer", "customer_id");
  const std::string time_format = args.get("time-format", "iso");
  const auto wanted = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  std::optional<std::size_t> id_column;
  std::vector<std::pair<std::size_t, std::vector<double>*>> number_columns, time_columns;
  const auto& header = reader.header();
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == id_name) id_column = i;
    else if (wanted(numeric, header[i])) number_columns.emplace_back(i, &c.columns[header[i]]);
    else if (wanted(times, header[i])) time_columns.emplace_back(i, &c.columns[header[i]]);
  }
  while (reader.next()) {
    c.ids.push_back(id_column ? std::string(reader.field(*id_column))
                              : std::to_string(c.ids.size() + 1));
    for (auto& [i, column] : number_columns) column->push_back(reader.number(i));
    for (auto& [i, column] : time_columns) {
      try {
        column->push_back(crmkit::io::parse_time(std::string(reader.field(i)), time_format));
      } catch (const crmkit::Error& e) {
        throw crmkit::Error(e.code(), path + ": row " + std::to_string(c.ids.size()) + ": " +
                                          header[i] + ": " + e.what());
      }
    }
  }
  if (c.ids.empty()) throw crmkit::Error(crmkit::ErrorCode::invalid_argument, path + ": no customers");
  return c;
}

CustomerColumns summary_columns(const crmkit::io::KeyedSummary& summary, const std::string& source) {
  namespace value = crmkit::value;
  CustomerColumns c{source, {}, {}};
  if (summary.table.customers.empty()) return c;
  value::RfmColumns rfm = value::rfm_columns(summary.table);
  c.columns["days_since_last"] = std::move(rfm.days_since_last);
  const std::pair<const char*, double value::CustomerSummary::*> members[] = {
      {"frequency", &value::CustomerSummary::frequency},
      {"recency", &value::CustomerSummary::recency},
      {"T", &value::CustomerSummary::T},
      {"monetary_value", &value::CustomerSummary::monetary_value},
      {"total_value", &value::CustomerSummary::total_value}};
  for (const auto& [name, member] : members) {
    std::vector<double>& column = c.columns[name];
    for (const value::CustomerSummary& row : summary.table.customers) column.push_back(row.*member);
  }
  std::vector<double>& purchases = c.columns["purchases"];
  for (const value::CustomerSummary& row : summary.table.customers) {
    c.ids.push_back(summary.keys[static_cast<std::size_t>(row.customer)]);
    purchases.push_back(static_cast<double>(row.purchases));
  }
  return c;
}

std::string number_text(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "null" : (v > 0 ? "1e999" : "-1e999");
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? end : buf);
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

TableWriter::TableWriter(std::ostream& out, bool json, std::vector<std::string> columns)
    : out_(out), json_(json), columns_(std::move(columns)) {
  if (json_) {
    out_ << "[";
    return;
  }
  for (std::size_t i = 0; i < columns_.size(); ++i) out_ << (i ? "," : "") << columns_[i];
  out_ << "\n";
}

void TableWriter::row(const std::vector<Cell>& cells) {
  if (json_) {
    out_ << (first_row_ ? "\n  {" : ",\n  {");
    for (std::size_t i = 0; i < cells.size(); ++i)
      out_ << (i ? ", " : "") << json_string(columns_[i]) << ": "
           << (cells[i].is_number ? cells[i].text : json_string(cells[i].text));
    out_ << "}";
  } else {
    for (std::size_t i = 0; i < cells.size(); ++i)
      out_ << (i ? "," : "") << (cells[i].is_number ? cells[i].text : csv_field(cells[i].text));
    out_ << "\n";
  }
  first_row_ = false;
}

void TableWriter::finish() {
  if (json_) out_ << (first_row_ ? "]\n" : "\n]\n");
  out_.flush();
}

}  // namespace crmkit_cli
