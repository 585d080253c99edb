// Demo section: lifetime value on CDNOW -- BG/NBD and Pareto/NBD fits, the tracking plot of
// actual vs predicted cumulative repeat purchases (Fader, Hardie & Lee 2005, Figure 2) and
// the P(alive) heat map by frequency and recency.
#include "crmkit/io/svg.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/clv/model.hpp"
#include "demo.hpp"

namespace crmkit_cli {

DemoSection demo_lifetime_value(const DemoContext& context) {
  namespace io = crmkit::io;
  namespace value = crmkit::value;
  // The published calibration set-up: CDNOW sample, same-day purchases merged, weeks,
  // calibration to 1997-09-30 (weeks 1-39), holdout to 1998-06-30 (weeks 40-78).
  const std::string path = context.data_dir + "/cdnow/CDNOW_sample.txt";
  io::CsvOptions csv;
  csv.delimiter = io::CsvOptions::kWhitespace;
  csv.has_header = false;
  const io::TransactionColumns columns{"2", "3", "5", "%Y%m%d"};
  value::SummaryOptions options;
  options.merge_same_day = true;
  options.end = io::parse_time("1997-09-30");
  options.holdout_end = io::parse_time("1998-06-30");
  const io::KeyedSummary s = io::summarize_transaction_log(path, csv, columns, options);
  const double origin = io::parse_time("1997-01-01");

  const std::size_t n = s.table.customers.size();
  std::vector<double> x(n), tx(n), T(n), actual(n), first(n);
  for (std::size_t i = 0; i < n; ++i) {
    const value::CustomerSummary& c = s.table.customers[i];
    x[i] = c.frequency;
    tx[i] = c.recency;
    T[i] = c.T;
    actual[i] = c.holdout_frequency;
    first[i] = (c.first - origin) / 7;  // weeks after 1997-01-01
  }
  value::ClvModel bg(value::ClvModelKind::bg_nbd), pareto(value::ClvModelKind::pareto_nbd);
  std::vector<std::vector<std::string>> rows;
  for (value::ClvModel* m : {&bg, &pareto}) {
    const value::FitResult& f = m->fit(x.data(), tx.data(), T.data(), n, {}, nullptr);
    std::string params;
    for (std::size_t k = 0; k < m->parameter_names().size(); ++k)
      params += (k ? ", " : "") + m->parameter_names()[k] + " " +
                fixed(f.params[static_cast<Eigen::Index>(k)], 3);
    rows.push_back({crmkit::name_of(m->kind()), params, fixed(f.log_likelihood, 1),
                    fixed(f.aic, 1), std::to_string(f.iterations)});
  }

  // Tracking plot: actual from the log, predicted from each customer's first-purchase week.
  const io::TransactionLog log = io::read_transaction_log(path, csv, columns);
  const std::vector<std::int64_t> curve = value::cumulative_repeat_transactions(
      log.customer.data(), log.time.data(), log.customer.size(), origin, value::TimeUnit::week,
      78, true);
  const std::vector<double> predicted = bg.expected_cumulative_repeat_transactions(first.data(), n, 78);
  io::Series actual_series{"actual", {}, {}}, predicted_series{"BG/NBD", {}, {}, true};
  for (std::size_t w = 0; w < curve.size(); ++w) {
    actual_series.x.push_back(static_cast<double>(w + 1));
    actual_series.y.push_back(static_cast<double>(curve[w]));
    predicted_series.x.push_back(static_cast<double>(w + 1));
    predicted_series.y.push_back(predicted[w]);
  }
  const value::HoldoutComparison holdout =
      bg.compare_holdout(273.0 / 7, x.data(), tx.data(), T.data(), actual.data(), n, 7);

  // P(alive) by frequency (rows) and recency (columns) for a customer aged 39 weeks.
  const double age = 39;
  std::vector<std::vector<double>> grid;
  std::vector<std::string> frequency_labels, recency_labels;
  for (int week = 3; week <= 39; week += 3) recency_labels.push_back(std::to_string(week));
  for (int freq = 0; freq <= 14; ++freq) {
    frequency_labels.push_back(std::to_string(freq));
    std::vector<double> fx, ftx, fT(recency_labels.size(), age), row(recency_labels.size());
    for (std::size_t c = 0; c < recency_labels.size(); ++c) {
      fx.push_back(freq);
      ftx.push_back(freq == 0 ? 0.0 : 3.0 * static_cast<double>(c + 1));
    }
    bg.p_alive(fx.data(), ftx.data(), fT.data(), fx.size(), row.data());
    grid.push_back(row);
  }

  std::vector<std::vector<std::string>> by_frequency;
  for (const value::FrequencyGroup& g : holdout.by_frequency)
    by_frequency.push_back({fixed(g.frequency, 0) + (g.and_above ? "+" : ""),
                            fixed(g.customers, 0), fixed(g.actual_mean, 3),
                            fixed(g.predicted_mean, 3)});

  DemoSection section;
  section.title = "Lifetime value (CDNOW, BG/NBD and Pareto/NBD)";
  section.summary = "BG/NBD " + rows[0][1] + "; holdout weeks 40-78: " +
                    fixed(holdout.predicted_total, 0) + " repeat purchases predicted, " +
                    fixed(holdout.actual_total, 0) + " actual";
  section.html =
      "<p>Maximum-likelihood fits on the calibration weeks 1-39 (published: BG/NBD r 0.243, "
      "alpha 4.414, a 0.793, b 2.426; Pareto/NBD r 0.553, alpha 10.578, s 0.606, beta 11.669 "
      "&mdash; Fader, Hardie &amp; Lee 2005).</p>\n" +
      html_table({"model", "parameters", "log-likelihood", "AIC", "iterations"}, rows) +
      io::line_chart({actual_series, predicted_series},
                     {"Cumulative repeat transactions: actual vs BG/NBD (calibration ends week 39)",
                      "week", "repeat transactions", 640, 340}) +
      "<p>Holdout (weeks 40-78) by calibration frequency: mean purchases per customer.</p>\n" +
      html_table({"frequency", "customers", "actual", "predicted"}, by_frequency) +
      io::heat_map(grid, recency_labels, frequency_labels,
                   {"BG/NBD P(alive) of a customer aged 39 weeks", "recency (week of last purchase)",
                    "frequency (repeat purchases)", 640, 400});
  return section;
}

}  // namespace crmkit_cli
