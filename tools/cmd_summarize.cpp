// crmkit summarize FILE: transaction log -> per-customer summary (CSV or --json).
#include <iostream>

#include "cli.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

int run_summarize(const std::vector<std::string>& argv) {
  Args args;
  declare_log_options(args);
  args.flag("json", "print JSON instead of CSV").flag("help", "show this help");
  args.parse(argv);
  if (args.has("help")) {
    std::cout << "usage: crmkit summarize FILE [options]\n"
                 "Per-customer summary of a transaction log: frequency (repeat purchases x),\n"
                 "recency (t_x), T, monetary_value (mean repeat spend) and more.\n\n"
              << args.help();
    return 0;
  }
  if (args.positional().size() != 1) throw UsageError{"summarize takes exactly one FILE"};

  // The whole summary is computed before anything is printed: a bad row never leaves a
  // partial table on stdout.
  crmkit::io::KeyedSummary s = summarize_log(args, args.positional()[0]);
  const bool holdout = s.table.holdout_end.has_value();
  std::vector<std::string> columns = {"customer_id", "frequency", "recency", "T",
                                      "monetary_value", "first", "last", "purchases",
                                      "total_value"};
  if (holdout) {
    columns.push_back("holdout_frequency");
    columns.push_back("holdout_value");
  }
  TableWriter out(std::cout, args.has("json"), columns);
  for (const crmkit::value::CustomerSummary& c : s.table.customers) {
    std::vector<TableWriter::Cell> row = {
        TableWriter::text(s.keys[static_cast<std::size_t>(c.customer)]),
        TableWriter::number(c.frequency),
        TableWriter::number(c.recency),
        TableWriter::number(c.T),
        TableWriter::number(c.monetary_value),
        TableWriter::text(crmkit::io::format_time(c.first)),
        TableWriter::text(crmkit::io::format_time(c.last)),
        TableWriter::integer(c.purchases),
        TableWriter::number(c.total_value)};
    if (holdout) {
      row.push_back(TableWriter::number(c.holdout_frequency));
      row.push_back(TableWriter::number(c.holdout_value));
    }
    out.row(row);
  }
  out.finish();
  return 0;
}

}  // namespace crmkit_cli
