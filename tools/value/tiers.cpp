// crmkit tiers FILE: the customer pyramid (key, major, ordinary, small, inferior), as a table
// per tier or one row per customer.
#include <memory>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/value/tiers.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

struct TiersCommand {
  std::string path, column, scheme;
  std::vector<double> cuts;
  std::optional<double> inferior_below;
  bool customers = false;
  LogOptions log;
  FormatOptions format;
};

std::string cuts_text(const value::TierOptions& options) {
  std::string out;
  for (double cut : options.cuts) out += (out.empty() ? "" : ",") + number_text(cut);
  return out;
}

void run(const TiersCommand& o) {
  value::TierOptions options =
      value::default_tier_options(crmkit::parse_enum<value::TierScheme>(o.scheme));
  if (!o.cuts.empty()) {
    if (o.cuts.size() != options.cuts.size())
      throw UsageError("--cuts: give " + std::to_string(options.cuts.size()) + " cuts, e.g. " +
                       cuts_text(options));
    std::copy(o.cuts.begin(), o.cuts.end(), options.cuts.begin());
  }
  if (o.inferior_below) options.inferior_below = *o.inferior_below;
  const Customers c = read_value_column(o.path, o.log, o.column);
  const std::vector<double>& values = c.column(o.column, "--value");
  const value::TierAssignment a = for_customers(c, [&] { return value::assign_tiers(values, options); });
  // Values and their sums at the precision the values were written with.
  const int decimals = c.decimals_of(o.column);

  if (o.customers) {
    Rows out(standard_output(), o.format.rows(), {"customer_id", o.column, "tier"});
    for (std::size_t i = 0; i < c.size(); ++i)
      out.add({c.ids[i], at_precision(values[i], decimals), std::string(crmkit::name_of(a.tier[i]))});
    out.finish();
    return;
  }
  Rows out(standard_output(), o.format.small(),
           {"tier", "customers", "customer_share", "value", "value_share", "mean_value",
            "min_value", "max_value"});
  for (const value::TierRow& row : a.table.rows)
    out.add({std::string(crmkit::name_of(row.tier)), static_cast<std::int64_t>(row.customers),
             row.customer_share, at_precision(row.value, decimals), row.value_share,
             row.mean_value, at_precision(row.min_value, decimals),
             at_precision(row.max_value, decimals)});
  out.finish();
}

}  // namespace

void add_tiers(CLI::App& app) {
  auto o = std::make_shared<TiersCommand>();
  CLI::App* cmd = app.add_subcommand("tiers", "the customer pyramid: key, major, ordinary, small, inferior");
  cmd->footer(
      "Customers, shares, value, mean, min and max per tier. Equal values share a tier; the\n"
      "customer whose value crosses a cut stays in the upper tier.\n\n"
      "FILE is either\n"
      "  a per-customer CSV whose header names the --value column, with customer_id\n"
      "    (--customer; rows are numbered from 1 without one); or\n"
      "  a transaction log (any other file, or --no-header), summarised first as `crmkit\n"
      "    summarize` does.");
  add_file_argument(*cmd, o->path, "customers or transaction log");
  CLI::App* g = cmd->add_option_group("Tiers");
  g->add_option("--value", o->column,
                "the per-customer value column (from a log also monetary_value, purchases, frequency)")
      ->default_val("total_value");
  const value::TierOptions defaults;
  std::string cuts_help = "three increasing cumulative cuts in (0,1) (default per scheme:";
  for (const std::string& scheme : value::names(value::TierScheme{}).list())
    cuts_help += " " + scheme + " " +
                 cuts_text(value::default_tier_options(crmkit::parse_enum<value::TierScheme>(scheme)));
  g->add_option("--scheme", o->scheme, "share: cumulative value share (ABC); rank: customer share")
      ->default_val(crmkit::name_of(defaults.scheme))
      ->check(choices_of<value::TierScheme>());
  g->add_option("--cuts", o->cuts, cuts_help + ")")->delimiter(',');
  g->add_option("--inferior-below", o->inferior_below,
                "values below this are inferior customers (default " +
                    number_text(defaults.inferior_below) + ")");
  g->add_flag("--customers", o->customers,
              "print one row per customer (customer_id, value, tier) instead");
  add_log_options(*cmd, o->log, MergeDefault::off);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
