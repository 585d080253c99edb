// crmkit rfm FILE: RFM scores, codes and segments per customer (or segment sizes). FILE is
// a per-customer CSV or a transaction log (summarised first, as `crmkit summarize` does).
#include <algorithm>
#include <memory>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/value/rfm.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

struct RfmCommand {
  std::string path;
  std::optional<std::string> segments, as_of;
  bool sizes = false;
  LogOptions log;
  FormatOptions format;
  value::RfmOptions rfm;
};

// The highest score the rules name (ranges reaching the top score, 9, match any score):
// the bins they were written for.
int bins_assumed_by(const std::vector<value::SegmentRule>& rules) {
  int top = 0;
  for (const value::SegmentRule& rule : rules)
    for (const value::ScoreRange& r : {rule.recency, rule.frequency, rule.monetary})
      if (r.max < value::ScoreRange{}.max) top = std::max(top, r.max);
  return top;
}

// The three RFM columns of a per-customer file (see the help) or a summarised log.
struct RfmInput {
  Customers customers;
  std::vector<double> days_since_last, purchases, monetary;
  int monetary_decimals = -1;
};

RfmInput read_rfm(const RfmCommand& o) {
  RfmInput in;
  in.customers = read_customers(
      o.path, o.log,
      {{"days_since_last", "purchases", "monetary"},
       {"days_since_last", "purchases", "frequency", "monetary", "total_value"},
       {"last"}});
  const Customers& c = in.customers;
  if (c.from_log) {
    in.days_since_last = c.column("days_since_last", "rfm");
    in.purchases = c.column("purchases", "rfm");
    in.monetary = c.column("total_value", "rfm");
    in.monetary_decimals = c.decimals_of("total_value");
    return in;
  }
  if (c.has("days_since_last")) {
    in.days_since_last = c.column("days_since_last", "rfm");
  } else {
    if (!o.as_of)
      throw UsageError(c.source + ": without a days_since_last column, give --as-of DATE for the `last` column");
    const double as_of = o.log.time_of("--as-of", *o.as_of);
    for (double last : c.column("last", "rfm (or days_since_last)")) in.days_since_last.push_back(as_of - last);
  }
  if (c.has("purchases")) {
    in.purchases = c.column("purchases", "rfm");
  } else {
    // frequency is the summaries' x: repeat purchases, one fewer than purchases.
    for (double x : c.column("frequency", "rfm (or purchases)")) in.purchases.push_back(x + 1);
  }
  const char* monetary = c.has("monetary") ? "monetary" : "total_value";
  in.monetary = c.column(monetary, "rfm (or monetary)");
  in.monetary_decimals = c.decimals_of(monetary);
  return in;
}

void run(RfmCommand o) {
  if (o.segments) o.rfm.segments = value::parse_segment_rules(*o.segments);
  const int assumed = bins_assumed_by(o.rfm.segments);
  if (!o.segments && o.rfm.bins != assumed)
    throw UsageError("--bins " + std::to_string(o.rfm.bins) + ": the standard segments are written for " +
                     std::to_string(assumed) + " bins; give --segments RULES for " +
                     std::to_string(o.rfm.bins) + " bins (or --segments '' for none)");
  const RfmInput in = read_rfm(o);
  const value::RfmResult r = for_customers(in.customers, [&] {
    return value::score_rfm(in.days_since_last, in.purchases, in.monetary, o.rfm);
  });

  if (o.sizes) {
    Rows out(standard_output(), o.format.small(), {"segment", "customers", "customer_share"});
    for (std::size_t s = 0; s < r.segment_names.size(); ++s)
      out.add({r.segment_names[s], static_cast<std::int64_t>(r.segment_sizes[s]),
               static_cast<double>(r.segment_sizes[s]) / static_cast<double>(in.customers.size())});
    out.finish();
    return;
  }
  Rows out(standard_output(), o.format.rows(),
           {"customer_id", "days_since_last", "purchases", "monetary", "r", "f", "m", "rfm",
            "segment"});
  for (std::size_t i = 0; i < in.customers.size(); ++i)
    out.add({in.customers.ids[i], in.days_since_last[i], in.purchases[i],
             at_precision(in.monetary[i], in.monetary_decimals),
             std::int64_t{r.recency_score[i]}, std::int64_t{r.frequency_score[i]},
             std::int64_t{r.monetary_score[i]}, std::int64_t{r.code[i]},
             r.segment_names[r.segment[i]]});
  out.finish();
}

}  // namespace

void add_rfm(CLI::App& app) {
  auto o = std::make_shared<RfmCommand>();
  CLI::App* cmd = app.add_subcommand("rfm", "RFM scores, codes and segments per customer");
  cmd->footer(
      "RFM scores per customer: r (recency: the highest score = bought most recently), f\n"
      "(frequency), m (monetary), the code 100r + 10f + m, and the segment. Quantile scores\n"
      "give equal values the same score (decided by the share of customers strictly worse).\n\n"
      "FILE is either\n"
      "  a per-customer CSV whose header names days_since_last, purchases or monetary:\n"
      "    days_since_last (or `last`, a date, with --as-of), purchases (or frequency =\n"
      "    repeat purchases, purchases - 1), monetary (or total_value), and customer_id\n"
      "    (--customer; rows are numbered from 1 without one); `crmkit summarize` output\n"
      "    works with --as-of; or\n"
      "  a transaction log (any other file, or --no-header), summarised first as `crmkit\n"
      "    summarize` does: days_since_last = end - last purchase (days), purchases, and\n"
      "    monetary = total spend in the period.");
  add_file_argument(*cmd, o->path, "customers or transaction log");
  CLI::App* g = cmd->add_option_group("RFM");
  // 2..9: the score range of crmkit::value::score_rfm (a score is one digit of the code).
  g->add_option("--bins", o->rfm.bins, "scores 1..N per dimension")
      ->default_val(value::RfmOptions{}.bins)
      ->check(CLI::Range(2, 9));
  g->add_option("--days-cuts", o->rfm.days_since_last_cuts,
                "days_since_last cut points, e.g. 30,90,180,365 (default: quantiles)")
      ->delimiter(',');
  g->add_option("--purchases-cuts", o->rfm.purchases_cuts, "purchases cut points, e.g. 2,3,5,8")
      ->delimiter(',');
  g->add_option("--monetary-cuts", o->rfm.monetary_cuts, "monetary cut points")->delimiter(',');
  const std::vector<value::SegmentRule> standard = value::standard_segment_rules();
  std::string names;
  for (const value::SegmentRule& rule : standard) names += (names.empty() ? "" : ", ") + rule.name;
  g->add_option("--segments", o->segments,
                "segment rules, e.g. 'vip: r=4-5 f=5; sleeping: r=1' (default: the standard R x F "
                "segments for " + std::to_string(bins_assumed_by(standard)) + " bins: " + names + ")");
  g->add_option("--as-of", o->as_of, "the day `last` is measured from (per-customer files with `last`)");
  g->add_flag("--sizes", o->sizes, "print customers per segment instead of one row per customer");
  add_log_options(*cmd, o->log, MergeDefault::off);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
