// crmkit summarize FILE: transaction log -> per-customer summary (CSV, or --json).
#include <memory>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

namespace {

struct SummarizeCommand {
  std::string path;
  LogOptions log;
  FormatOptions format;
};

void run(const SummarizeCommand& o) {
  // The whole summary is computed before anything is printed: a bad row never leaves a
  // partial table on stdout.
  Input input(o.path, o.log.csv());
  const crmkit::io::KeyedSummary s = summarize_log(input, o.log);
  const bool holdout = s.table.holdout_end.has_value();
  std::vector<std::string> columns = {"customer_id", "frequency", "recency", "T",
                                      "monetary_value", "first", "last", "purchases",
                                      "total_value"};
  if (holdout) {
    columns.push_back("holdout_frequency");
    columns.push_back("holdout_value");
  }
  // Totals are sums of the amounts as written: printed at their precision (no 1e-14
  // residue), and the mean repeat spend as that sum over the repeat purchases.
  const int decimals = s.amount_decimals;
  Rows out(standard_output(), o.format.rows(), columns);
  std::vector<Cell> row;
  for (const crmkit::value::CustomerSummary& c : s.table.customers) {
    row = {s.keys[static_cast<std::size_t>(c.customer)],
           c.frequency,
           c.recency,
           c.T,
           mean_at_precision(c.monetary_value, c.frequency, decimals),
           crmkit::io::format_time(c.first),
           crmkit::io::format_time(c.last),
           std::int64_t{c.purchases},
           at_precision(c.total_value, decimals)};
    if (holdout) {
      row.emplace_back(c.holdout_frequency);
      row.emplace_back(at_precision(c.holdout_value, decimals));
    }
    out.add(row);
  }
  out.finish();
}

}  // namespace

void add_summarize(CLI::App& app) {
  auto o = std::make_shared<SummarizeCommand>();
  CLI::App* cmd = app.add_subcommand(
      "summarize", "per-customer summary (x, t_x, T, spend) of a transaction log");
  cmd->footer(
      "Prints customer_id, frequency (repeat purchases x), recency (t_x), T, monetary_value\n"
      "(mean repeat spend), first, last, purchases, total_value, and with --holdout-end\n"
      "holdout_frequency and holdout_value (spend in the holdout), one row per customer.");
  add_file_argument(*cmd, o->path, "transaction log");
  add_log_options(*cmd, o->log, MergeDefault::off);
  add_format_options(*cmd, o->format, false);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
