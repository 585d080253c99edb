// crmkit concentration FILE: is the customer base really 80/20? Gini, top-k% value shares,
// the share of customers holding v of the value, the Lorenz curve.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/value/concentration.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

struct ConcentrationCommand {
  std::string path, column;
  value::ConcentrationOptions options;
  CLI::Option* lorenz = nullptr;  // given: the table output lists the curve too
  LogOptions log;
  FormatOptions format;
};

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g%%", 100 * share);
  return buf;
}

std::string list_text(const std::vector<double>& values) {
  std::string out;
  for (double v : values) out += (out.empty() ? "" : ",") + number_text(v);
  return out;
}

void run(const ConcentrationCommand& o) {
  const Customers c = read_value_column(o.path, o.log, o.column);
  const value::Concentration k = for_customers(c, [&] {
    return value::concentration(c.column(o.column, "--value"), o.options);
  });
  const double total = at_precision(k.total_value, c.decimals_of(o.column));
  Sink& out = standard_output();
  const auto rows = [&](const std::vector<value::SharePoint>& points, Format format) {
    Rows table(out, format, {"customer_share", "value_share"});
    for (const value::SharePoint& p : points) table.add({p.customer_share, p.value_share});
    table.finish();
  };

  if (o.format.json) {
    const auto points = [](const std::vector<value::SharePoint>& list) {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const value::SharePoint& p : list)
        array.push_back({{"customer_share", json_number(p.customer_share)},
                         {"value_share", json_number(p.value_share)}});
      return array;
    };
    write_json(out, {{"value", o.column},
                     {"customers", k.customers},
                     {"total_value", json_number(total)},
                     {"gini", json_number(k.gini)},
                     {"top", points(k.top)},
                     {"holding", points(k.holding)},
                     {"lorenz", points(k.lorenz)}});
    return;
  }
  if (o.format.csv) {  // the Lorenz curve, the one table of this command
    rows(k.lorenz, Format::csv);
    return;
  }
  // A readable report: the headline figures, then one line per question asked.
  out.write("customers " + std::to_string(k.customers) + "\ntotal_value " + number_text(total) +
            "\ngini " + number_text(k.gini) + "\n\n");
  for (const value::SharePoint& p : k.top)
    out.write("top " + percent(p.customer_share) + " of customers hold " +
              percent(p.value_share) + " of " + o.column + "\n");
  for (const value::SharePoint& p : k.holding)
    out.write(percent(p.customer_share) + " of customers hold " + percent(p.value_share) + " of " +
              o.column + "\n");
  if (o.lorenz->count() > 0) {
    out.write("\n");
    rows(k.lorenz, Format::table);
  }
}

}  // namespace

void add_concentration(CLI::App& app) {
  auto o = std::make_shared<ConcentrationCommand>();
  CLI::App* cmd = app.add_subcommand("concentration",
                                     "Gini, top-k% value shares, Lorenz curve: is it 80/20?");
  cmd->footer(
      "Gini coefficient, the value share held by the top k of customers and the smallest\n"
      "share of customers holding v of the value, all read off one piecewise-linear Lorenz\n"
      "curve. Values must be >= 0 with a positive total. --csv prints the Lorenz curve.\n\n"
      "FILE is either\n"
      "  a per-customer CSV whose header names the --value column; or\n"
      "  a transaction log (any other file, or --no-header), summarised first as `crmkit\n"
      "    summarize` does.");
  add_file_argument(*cmd, o->path, "customers or transaction log");
  const value::ConcentrationOptions defaults;
  CLI::App* g = cmd->add_option_group("Concentration");
  g->add_option("--value", o->column, "the per-customer value column")->default_val("total_value");
  g->add_option("--top", o->options.top_customer_shares,
                "customer shares k: value share of the top k (default " +
                    list_text(defaults.top_customer_shares) + ")")
      ->delimiter(',');
  g->add_option("--holding", o->options.value_shares,
                "value shares v: smallest customer share holding v (default " +
                    list_text(defaults.value_shares) + ")")
      ->delimiter(',');
  o->lorenz = g->add_option("--lorenz", o->options.lorenz_points,
                            "the Lorenz curve at N + 1 points (listed in the table output when "
                            "given; always in JSON and CSV)")
                  ->default_val(defaults.lorenz_points)
                  ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  add_log_options(*cmd, o->log, MergeDefault::off);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
