#include "common/input.hpp"

#include <algorithm>
#include <iostream>
#include <regex>
#include <unordered_map>

#include "common/progress.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/value/rfm.hpp"

namespace crmkit_cli {

namespace io = crmkit::io;
namespace value = crmkit::value;
using crmkit::Error;
using crmkit::ErrorCode;

Input::Input(const std::string& path, const io::CsvOptions& csv) {
  if (path == "-")
    reader_ = std::make_unique<io::CsvReader>(std::cin, "<stdin>", csv);
  else
    reader_ = std::make_unique<io::CsvReader>(path, csv);
}

bool Input::header_has_any(const std::vector<std::string>& markers) const {
  for (const std::string& name : reader_->header())
    if (std::find(markers.begin(), markers.end(), name) != markers.end()) return true;
  return false;
}

io::KeyedSummary summarize_log(Input& input, const LogOptions& log) {
  const value::SummaryOptions options = log.summary();
  const io::TransactionColumns columns = log.columns();
  io::KeyedSummary s;
  try {
    Progress progress("reading " + input.name());
    s = io::summarize_transaction_log(input.reader(), columns, options);
  } catch (const Error& e) {
    // The options that fix a sale after the end.
    std::string message = e.what();
    if (message.find("after the observation end") != std::string::npos)
      throw Error(e.code(), message + "; use --holdout-end or --drop-late");
    if (message.find("after the holdout end") != std::string::npos)
      throw Error(e.code(), message + "; use a later --holdout-end or --drop-late");
    throw;
  }
  // Rows that do not reach the summary are counted, never lost silently.
  const value::SummaryTable& t = s.table;
  const std::string last_end = io::format_time(t.holdout_end ? *t.holdout_end : t.end);
  if (t.dropped_sales > 0)
    std::cerr << "crmkit: note: " << input.name() << ": " << t.dropped_sales
              << " sales after " << last_end << " dropped (--drop-late)\n";
  if (t.holdout_only_customers > 0)
    std::cerr << "crmkit: note: " << input.name() << ": " << t.holdout_only_customers
              << " customers first seen after " << io::format_time(t.end)
              << " (in the holdout period) are not in the summary\n";
  return s;
}

const std::vector<double>& Customers::column(const std::string& name,
                                             const std::string& needed_by) const {
  auto it = columns.find(name);
  if (it == columns.end())
    throw Error(ErrorCode::invalid_argument,
                source + ": no column '" + name + "' (needed by " + needed_by + ")");
  return it->second;
}

const double* Customers::optional_column(const std::string& name) const {
  auto it = columns.find(name);
  return it == columns.end() ? nullptr : it->second.data();
}

int Customers::decimals_of(const std::string& name) const {
  auto it = decimals.find(name);
  return it == decimals.end() ? -1 : it->second;
}

std::string Customers::where(std::size_t i) const {
  if (i >= ids.size()) return source;
  return source + (lines.empty() ? "" : ":" + std::to_string(lines[i])) + ": customer " + ids[i];
}

namespace {

Customers summary_columns(const io::KeyedSummary& summary, const std::string& source) {
  Customers c;
  c.source = source;
  c.from_log = true;
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
  c.decimals["total_value"] = summary.amount_decimals;
  c.decimals["purchases"] = c.decimals["frequency"] = 0;
  return c;
}

Customers read_customer_file(io::CsvReader& reader, const LogOptions& log,
                             const CustomerFileSpec& spec) {
  Customers c;
  c.source = reader.name();
  const auto wanted = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  std::optional<std::size_t> id_column;
  struct Column {
    std::size_t index;
    std::vector<double>* values;
    int* decimals;
  };
  std::vector<Column> number_columns, time_columns;
  const auto& header = reader.header();
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == log.customer) {
      id_column = i;
    } else if (wanted(spec.numbers, header[i])) {
      c.decimals[header[i]] = 0;
      number_columns.push_back({i, &c.columns[header[i]], &c.decimals[header[i]]});
    } else if (wanted(spec.times, header[i])) {
      time_columns.push_back({i, &c.columns[header[i]], nullptr});
    }
  }
  const io::TimeFormat format(log.time_format);
  std::unordered_map<std::string, std::int64_t> first_line;  // id -> line, for duplicates
  while (reader.next()) {
    if (id_column) {
      std::string id(reader.field(*id_column));
      auto [it, inserted] = first_line.emplace(id, reader.line());
      if (!inserted)
        reader.fail(*id_column, "customer " + id + " appears twice (also on line " +
                                    std::to_string(it->second) + "); a per-customer file has "
                                    "one row per customer");
      c.ids.push_back(std::move(id));
    } else {
      c.ids.push_back(std::to_string(c.ids.size() + 1));
    }
    c.lines.push_back(reader.line());
    for (Column& column : number_columns) {
      column.values->push_back(reader.number(column.index));
      const int d = reader.decimals(column.index);
      if (*column.decimals >= 0) *column.decimals = d < 0 ? -1 : std::max(*column.decimals, d);
    }
    for (Column& column : time_columns) {
      try {
        column.values->push_back(format.parse(reader.field(column.index)));
      } catch (const Error& e) {
        reader.fail(column.index, std::string(e.what()) + " (see --time-format)");
      }
    }
  }
  if (c.ids.empty()) throw Error(ErrorCode::invalid_argument, c.source + ": no customers");
  return c;
}

}  // namespace

Customers read_customers(const std::string& path, const LogOptions& log,
                         const CustomerFileSpec& spec) {
  Input input(path, log.csv());
  if (input.header_has_any(spec.markers)) {
    Progress progress("reading " + input.name());
    return read_customer_file(input.reader(), log, spec);
  }
  return summary_columns(summarize_log(input, log), input.name());
}

Customers read_value_column(const std::string& path, const LogOptions& log,
                            const std::string& column) {
  Customers c = read_customers(path, log, {{column}, {column}, {}});
  c.column(column, "--value");  // a log summary has no such column: say so now
  return c;
}

crmkit::Error in_user_terms(const crmkit::Error& e, const Customers& customers) {
  // The core sees arrays and numbers their rows from 0; the user knows the file's lines
  // and the customers' ids.
  static const std::regex row(R"(row (\d+) \(0-based\): )"), element(R"((\w+)\[(\d+)\])");
  const std::string message = e.what();
  std::smatch m;
  if (std::regex_search(message, m, row)) {
    const std::size_t i = std::stoul(m[1].str());
    if (i < customers.size())
      return Error(e.code(), customers.where(i) + ": " + m.prefix().str() + m.suffix().str());
  } else if (std::regex_search(message, m, element)) {
    const std::size_t i = std::stoul(m[2].str());
    if (i < customers.size())
      return Error(e.code(), customers.where(i) + ": " + m.prefix().str() + m[1].str() +
                                 m.suffix().str());
  }
  return e;
}

}  // namespace crmkit_cli
