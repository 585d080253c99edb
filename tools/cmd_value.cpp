// crmkit rfm | tiers | concentration FILE: customer value tiers. FILE is a per-customer CSV
// or a transaction log (summarised first, exactly as `crmkit summarize` does).
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli.hpp"
#include "crmkit/error.hpp"
#include "crmkit/value/concentration.hpp"
#include "crmkit/value/rfm.hpp"
#include "crmkit/value/tiers.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

constexpr const char* kLogHelp =
    "  or a transaction log (any other file, or --no-header), summarised first with the log\n"
    "    options below, exactly as `crmkit summarize` does.\n";

// Options every value command shares; returns the one FILE, or "" when --help was asked.
std::string parse_value_args(Args& args, const std::vector<std::string>& argv, const char* command) {
  declare_log_options(args);
  args.flag("json", "print JSON instead of CSV").flag("help", "show this help");
  args.parse(argv);
  if (args.has("help")) return "";
  if (args.positional().size() != 1)
    throw UsageError{std::string(command) + " takes exactly one FILE"};
  return args.positional()[0];
}

int print_help(const std::string& usage, const Args& args) {
  std::cout << usage << "\n" << args.help();
  return 0;
}

// The per-customer value column of --value (default total_value), from either kind of FILE.
CustomerColumns read_values(const Args& args, const std::string& path, std::string& column) {
  column = args.get("value", "total_value");
  CustomerColumns c = is_customer_file(args, path, {column})
                          ? read_customer_file(args, path, {column})
                          : summary_columns(summarize_log(args, path), path);
  c.column(column, "--value");  // a log summary has no such column: say so now
  return c;
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g%%", 100 * share);
  return buf;
}

// ---- rfm ----------------------------------------------------------------------------------

// The three RFM columns of a per-customer file (see the help) or a summarised log.
struct RfmInput {
  CustomerColumns customers;
  std::vector<double> days_since_last, purchases, monetary;
};

RfmInput read_rfm(const Args& args, const std::string& path) {
  RfmInput in;
  if (!is_customer_file(args, path, {"days_since_last", "purchases", "monetary"})) {
    in.customers = summary_columns(summarize_log(args, path), path);
    in.days_since_last = in.customers.column("days_since_last", "rfm");
    in.purchases = in.customers.column("purchases", "rfm");
    in.monetary = in.customers.column("total_value", "rfm");
    return in;
  }
  in.customers = read_customer_file(
      args, path, {"days_since_last", "purchases", "frequency", "monetary", "total_value"}, {"last"});
  const CustomerColumns& c = in.customers;
  if (c.has("days_since_last")) {
    in.days_since_last = c.column("days_since_last", "rfm");
  } else {
    if (!args.has("as-of")) throw UsageError{path + ": without a days_since_last column, give --as-of DATE for the `last` column"};
    const double as_of = parse_cli_time(args, "as-of");
    for (double last : c.column("last", "rfm (or days_since_last)")) in.days_since_last.push_back(as_of - last);
  }
  if (c.has("purchases")) {
    in.purchases = c.column("purchases", "rfm");
  } else {
    // frequency is the summaries' x: repeat purchases, one fewer than purchases.
    for (double x : c.column("frequency", "rfm (or purchases)")) in.purchases.push_back(x + 1);
  }
  in.monetary = c.column(c.has("monetary") ? "monetary" : "total_value", "rfm (or monetary)");
  return in;
}

}  // namespace

int run_rfm(const std::vector<std::string>& argv) {
  Args args;
  args.option("bins", "scores 1..N per dimension (default 5; 2..9)")
      .option("days-cuts", "days_since_last cut points, e.g. 30,90,180,365 (default: quantiles)")
      .option("purchases-cuts", "purchases cut points, e.g. 2,3,5,8")
      .option("monetary-cuts", "monetary cut points")
      .option("segments", "segment rules, e.g. 'vip: r=4-5 f=5; sleeping: r=1' (default: the 11 "
                          "standard R x F segments)")
      .option("as-of", "the day `last` is measured from (per-customer files with `last`)")
      .flag("sizes", "print customers per segment instead of one row per customer");
  const std::string path = parse_value_args(args, argv, "rfm");
  if (path.empty())
    return print_help(
        "usage: crmkit rfm FILE [--bins N] [--segments RULES] [--sizes] [--json]\n"
        "RFM scores per customer: r (recency: 5 = bought most recently), f (frequency), m\n"
        "(monetary), the code 100r + 10f + m, and the segment. Quantile scores give equal\n"
        "values the same score (decided by the share of customers strictly worse).\n\n"
        "FILE is either\n"
        "  a per-customer CSV whose header names days_since_last, purchases or monetary:\n"
        "    days_since_last (or `last`, a date, with --as-of), purchases (or frequency =\n"
        "    repeat purchases, purchases - 1), monetary (or total_value), and customer_id\n"
        "    (--customer; rows are numbered from 1 when absent); `crmkit summarize` output\n"
        "    works with --as-of;\n" +
            std::string(kLogHelp) +
            "    From a log: days_since_last = end - last purchase (days), purchases and\n"
            "    monetary = total spend in the period.\n",
        args);
  const RfmInput in = read_rfm(args, path);
  value::RfmOptions options;
  options.bins = static_cast<int>(args.number("bins", 5));
  options.days_since_last_cuts = args.numbers("days-cuts");
  options.purchases_cuts = args.numbers("purchases-cuts");
  options.monetary_cuts = args.numbers("monetary-cuts");
  if (args.has("segments")) options.segments = value::parse_segment_rules(args.get("segments"));
  const value::RfmResult r =
      value::score_rfm(in.days_since_last, in.purchases, in.monetary, options);

  const bool json = args.has("json");
  if (args.has("sizes")) {
    TableWriter out(std::cout, json, {"segment", "customers", "customer_share"});
    for (std::size_t s = 0; s < r.segment_names.size(); ++s)
      out.row({TableWriter::text(r.segment_names[s]),
               TableWriter::integer(static_cast<std::int64_t>(r.segment_sizes[s])),
               TableWriter::number(static_cast<double>(r.segment_sizes[s]) /
                                   static_cast<double>(in.customers.size()))});
    out.finish();
    return 0;
  }
  TableWriter out(std::cout, json,
                  {"customer_id", "days_since_last", "purchases", "monetary", "r", "f", "m",
                   "rfm", "segment"});
  for (std::size_t i = 0; i < in.customers.size(); ++i)
    out.row({TableWriter::text(in.customers.ids[i]), TableWriter::number(in.days_since_last[i]),
             TableWriter::number(in.purchases[i]), TableWriter::number(in.monetary[i]),
             TableWriter::integer(r.recency_score[i]), TableWriter::integer(r.frequency_score[i]),
             TableWriter::integer(r.monetary_score[i]), TableWriter::integer(r.code[i]),
             TableWriter::text(r.segment_names[r.segment[i]])});
  out.finish();
  return 0;
}

int run_tiers(const std::vector<std::string>& argv) {
  Args args;
  args.option("value", "the per-customer value column (default total_value; from a log also "
                       "monetary_value, purchases, frequency)")
      .option("scheme", "share (cumulative value share, ABC; default) or rank (customer share)")
      .option("cuts", "three increasing cuts in (0,1): share 0.5,0.8,0.95; rank 0.01,0.05,0.2")
      .option("inferior-below", "values below this are inferior customers (default 0)")
      .flag("customers", "print one row per customer (customer_id, value, tier) instead");
  const std::string path = parse_value_args(args, argv, "tiers");
  if (path.empty())
    return print_help(
        "usage: crmkit tiers FILE [--value COL] [--scheme share|rank] [--cuts 0.5,0.8,0.95]\n"
        "                         [--inferior-below X] [--customers] [--json]\n"
        "The customer pyramid: key, major, ordinary, small and inferior customers, with\n"
        "customers, shares, value, mean, min and max per tier. Equal values share a tier; the\n"
        "customer whose value crosses a cut stays in the upper tier.\n\n"
        "FILE is either\n"
        "  a per-customer CSV whose header names the --value column, with customer_id\n"
        "    (--customer; rows are numbered from 1 when absent);\n" +
            std::string(kLogHelp),
        args);
  value::TierOptions options;
  try {
    options = value::default_tier_options(crmkit::parse_enum<value::TierScheme>(args.get("scheme", "share")));
  } catch (const crmkit::Error& e) {
    throw UsageError{std::string("option --scheme: ") + e.what()};
  }
  if (args.has("cuts")) {
    const std::vector<double> cuts = args.numbers("cuts");
    if (cuts.size() != 3) throw UsageError{"option --cuts: give three cuts, e.g. 0.5,0.8,0.95"};
    std::copy(cuts.begin(), cuts.end(), options.cuts.begin());
  }
  options.inferior_below = args.number("inferior-below", options.inferior_below);
  std::string column;
  const CustomerColumns c = read_values(args, path, column);
  const std::vector<double>& values = c.column(column, "--value");
  const value::TierAssignment a = value::assign_tiers(values, options);

  if (args.has("customers")) {
    TableWriter out(std::cout, args.has("json"), {"customer_id", column, "tier"});
    for (std::size_t i = 0; i < c.size(); ++i)
      out.row({TableWriter::text(c.ids[i]), TableWriter::number(values[i]),
               TableWriter::text(crmkit::name_of(a.tier[i]))});
    out.finish();
    return 0;
  }
  TableWriter out(std::cout, args.has("json"),
                  {"tier", "customers", "customer_share", "value", "value_share", "mean_value",
                   "min_value", "max_value"});
  for (const value::TierRow& row : a.table.rows)
    out.row({TableWriter::text(crmkit::name_of(row.tier)),
             TableWriter::integer(static_cast<std::int64_t>(row.customers)),
             TableWriter::number(row.customer_share), TableWriter::number(row.value),
             TableWriter::number(row.value_share), TableWriter::number(row.mean_value),
             TableWriter::number(row.min_value), TableWriter::number(row.max_value)});
  out.finish();
  return 0;
}

int run_concentration(const std::vector<std::string>& argv) {
  Args args;
  args.option("value", "the per-customer value column (default total_value)")
      .option("top", "customer shares k: value share of the top k (default 0.01,0.05,0.1,0.2,0.5)")
      .option("holding", "value shares v: smallest customer share holding v (default 0.5,0.8,0.95)")
      .option("lorenz", "also report the Lorenz curve at N + 1 points (JSON: always, default 100)");
  const std::string path = parse_value_args(args, argv, "concentration");
  if (path.empty())
    return print_help(
        "usage: crmkit concentration FILE [--value COL] [--top K,...] [--holding V,...]\n"
        "                                 [--lorenz N] [--json]\n"
        "Is the customer base really 80/20? Gini coefficient, the value share held by the top\n"
        "k of customers and the smallest share of customers holding v of the value, all read\n"
        "off one piecewise-linear Lorenz curve. Values must be >= 0 with a positive total.\n\n"
        "FILE is either\n"
        "  a per-customer CSV whose header names the --value column;\n" +
            std::string(kLogHelp),
        args);
  value::ConcentrationOptions options;
  if (args.has("top")) options.top_customer_shares = args.numbers("top");
  if (args.has("holding")) options.value_shares = args.numbers("holding");
  const double points = args.number("lorenz", 100);
  if (points < 1 || points != static_cast<double>(static_cast<std::size_t>(points)))
    throw UsageError{"option --lorenz: expected a whole number >= 1"};
  options.lorenz_points = static_cast<std::size_t>(points);
  std::string column;
  const CustomerColumns c = read_values(args, path, column);
  const value::Concentration k = value::concentration(c.column(column, "--value"), options);

  if (args.has("json")) {
    const auto points_json = [](const std::vector<value::SharePoint>& list) {
      std::string out = "[";
      for (std::size_t i = 0; i < list.size(); ++i)
        out += std::string(i ? ", " : "") + "{\"customer_share\": " +
               number_text(list[i].customer_share) +
               ", \"value_share\": " + number_text(list[i].value_share) + "}";
      return out + "]";
    };
    std::cout << "{\"value\": " << json_string(column) << ", \"customers\": " << k.customers
              << ", \"total_value\": " << number_text(k.total_value)
              << ", \"gini\": " << number_text(k.gini) << ",\n \"top\": " << points_json(k.top)
              << ",\n \"holding\": " << points_json(k.holding)
              << ",\n \"lorenz\": " << points_json(k.lorenz) << "}\n";
    return 0;
  }
  // A readable report: the headline figures, then one line per question asked.
  std::cout << "customers " << k.customers << "\ntotal_value " << number_text(k.total_value)
            << "\ngini " << number_text(k.gini) << "\n\n";
  for (const value::SharePoint& p : k.top)
    std::cout << "top " << percent(p.customer_share) << " of customers hold "
              << percent(p.value_share) << " of " << column << "\n";
  for (const value::SharePoint& p : k.holding)
    std::cout << percent(p.customer_share) << " of customers hold " << percent(p.value_share)
              << " of " << column << "\n";
  if (args.has("lorenz")) {
    std::cout << "\n";
    TableWriter out(std::cout, false, {"customer_share", "value_share"});
    for (const value::SharePoint& p : k.lorenz)
      out.row({TableWriter::number(p.customer_share), TableWriter::number(p.value_share)});
    out.finish();
  }
  return 0;
}

}  // namespace crmkit_cli
