// The value pillar's demo sections: customer summaries of the CDNOW sample, customer value
// (tiers, concentration, RFM) of the CDNOW cohort, and lifetime value (BG/NBD, Pareto/NBD).
#include <algorithm>
#include <cmath>
#include <limits>

#include "crmkit/io/svg.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/clv/model.hpp"
#include "crmkit/value/concentration.hpp"
#include "crmkit/value/rfm.hpp"
#include "crmkit/value/tiers.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace io = crmkit::io;
namespace value = crmkit::value;

// The published calibration set-up of Fader, Hardie & Lee (2005): the CDNOW sample, same-day
// purchases merged, weeks, calibration to 1997-09-30 (weeks 1-39), holdout to 1998-06-30
// (weeks 40-78). CDNOW_sample.txt has no header and blanks between fields: master id,
// sample id, YYYYMMDD, number of CDs, dollar value.
struct CdnowSample {
  std::string path;
  io::CsvOptions csv;
  io::TransactionColumns columns{"2", "3", "5", "%Y%m%d"};
  value::SummaryOptions options;
  double origin = io::parse_time("1997-01-01");
  static constexpr int kCalibrationWeeks = 39, kWeeks = 78;

  explicit CdnowSample(const DemoContext& context) : path(context.data_dir + "/cdnow/CDNOW_sample.txt") {
    csv.delimiter = io::CsvOptions::kWhitespace;
    csv.has_header = false;
    options.unit = value::TimeUnit::week;
    options.merge_same_day = true;
    options.end = io::parse_time("1997-09-30");
    options.holdout_end = io::parse_time("1998-06-30");
  }
  io::KeyedSummary summary() const { return io::summarize_transaction_log(path, csv, columns, options); }
  // Actual cumulative repeat transactions at the end of weeks 1..78.
  std::vector<std::int64_t> tracking() const {
    const io::TransactionLog log = io::read_transaction_log(path, csv, columns);
    return value::cumulative_repeat_transactions(log.customer.data(), log.time.data(),
                                                 log.customer.size(), origin, value::TimeUnit::week,
                                                 kWeeks, true);
  }
};

io::Series weekly_series(const std::string& name, const std::vector<double>& y, bool dashed = false) {
  io::Series s{name, {}, {}, dashed};
  for (std::size_t w = 0; w < y.size(); ++w) {
    s.x.push_back(static_cast<double>(w + 1));
    s.y.push_back(y[w]);
  }
  return s;
}

std::string count(double v) { return fixed(v, 0); }

}  // namespace

DemoSection demo_customer_summaries(const DemoContext& context) {
  const CdnowSample cdnow(context);
  const io::KeyedSummary s = cdnow.summary();
  double repeat = 0, holdout = 0;
  std::vector<double> by_frequency(8, 0.0);
  for (const value::CustomerSummary& c : s.table.customers) {
    repeat += c.frequency;
    holdout += c.holdout_frequency;
    by_frequency[std::min<std::size_t>(static_cast<std::size_t>(c.frequency), 7)] += 1;
  }
  const double transactions = static_cast<double>(s.table.sales - s.table.merged_sales);
  const std::vector<std::int64_t> curve = cdnow.tracking();
  const std::vector<double> actual(curve.begin(), curve.end());
  const double customers = static_cast<double>(s.table.customers.size());

  DemoSection section;
  section.title = "Customer summaries (CDNOW sample)";
  section.summary = count(customers) + " customers, " + count(transactions) +
                    " transactions after same-day merging, " + count(repeat) +
                    " repeat purchases in weeks 1-39, " + count(holdout) + " in weeks 40-78";
  section.html =
      "<p>The 1/10 sample of the CDNOW cohort (Fader &amp; Hardie; <code>cdnow/CDNOW_sample.txt</code>), "
      "purchases on the same day merged, calibration to 1997-09-30, holdout to 1998-06-30, time "
      "unit weeks.</p>\n" +
      html_table({"sales read", "transactions", "customers", "repeat (calibration)", "repeat (holdout)"},
                 {{count(static_cast<double>(s.table.sales)), count(transactions), count(customers),
                   count(repeat), count(holdout)}}) +
      io::bar_chart({"0", "1", "2", "3", "4", "5", "6", "7+"}, by_frequency,
                    {"Customers by repeat purchases in the calibration period",
                     "repeat purchases (x)", "customers", 640, 320, {}}) +
      io::line_chart({weekly_series("actual", actual)},
                     {"Cumulative repeat transactions", "week", "transactions", 640, 320,
                      {{CdnowSample::kCalibrationWeeks, "calibration ends"}}});
  return section;
}

DemoSection demo_customer_value(const DemoContext& context) {
  // CDNOW_master.txt: a header line (customer_id date number_of_cds dollar_value), blanks
  // between fields, dates YYYYMMDD; every purchase of the cohort to 1998-06-30.
  const std::string path = context.data_dir + "/cdnow/CDNOW_master.txt";
  io::CsvOptions csv;
  csv.delimiter = io::CsvOptions::kWhitespace;
  const io::TransactionColumns columns{"customer_id", "date", "dollar_value", "%Y%m%d"};
  const io::KeyedSummary s = io::summarize_transaction_log(path, csv, columns, {});

  const value::RfmColumns rfm = value::rfm_columns(s.table);
  const std::vector<double>& spend = rfm.monetary;  // total spend per customer
  // One sort of the spend serves both the concentration figures and the tiers.
  const value::SortedValues sorted(spend);
  const value::Concentration k = value::concentration(sorted);
  const value::TierAssignment tiers = value::assign_tiers(spend.data(), spend.size(), sorted);
  const value::RfmResult scores = value::score_rfm(rfm.days_since_last, rfm.purchases, rfm.monetary);

  std::vector<std::vector<std::string>> tier_rows;
  for (const value::TierRow& row : tiers.table.rows)
    tier_rows.push_back({crmkit::name_of(row.tier), count(static_cast<double>(row.customers)),
                         fixed(100 * row.customer_share, 1) + "%", "$" + fixed(row.value, 2),
                         fixed(100 * row.value_share, 1) + "%", "$" + fixed(row.mean_value, 2),
                         "$" + fixed(row.min_value, 2), "$" + fixed(row.max_value, 2)});

  io::Series lorenz{"Lorenz curve", {}, {}}, equality{"equal spend", {0, 1}, {0, 1}, true};
  for (const value::SharePoint& p : k.lorenz) {
    lorenz.x.push_back(p.customer_share);
    lorenz.y.push_back(p.value_share);
  }
  const double top20 = value::top_share(sorted, 0.20);
  std::vector<double> sizes;
  for (std::size_t n : scores.segment_sizes) sizes.push_back(static_cast<double>(n));

  DemoSection section;
  section.title = "Customer value (CDNOW master, tiers, concentration, RFM)";
  section.summary = count(static_cast<double>(k.customers)) + " customers, $" +
                    fixed(k.total_value, 2) + " spent; top 20% hold " + fixed(100 * top20, 1) +
                    "% of spend, Gini " + fixed(k.gini, 3) + "; " +
                    count(static_cast<double>(tiers.table.rows[0].customers)) + " key customers";
  section.html =
      "<p>The whole CDNOW cohort (<code>cdnow/CDNOW_master.txt</code>: " +
      count(static_cast<double>(k.customers)) + " customers, first purchase in the first quarter "
      "of 1997, purchases to 1998-06-30, $" + fixed(k.total_value, 2) + " in all); value = total "
      "spend per customer. The customer pyramid by cumulative share of spend (ABC: key customers "
      "hold the first 50%, major the next 30%, ordinary the next 15%, small the last 5%):</p>\n" +
      html_table({"tier", "customers", "share", "spend", "spend share", "mean", "min", "max"},
                 tier_rows) +
      "<p>Gini " + fixed(k.gini, 3) + "; the top 20% of customers hold " + fixed(100 * top20, 1) +
      "% of spend, and " + fixed(100 * value::customers_holding(sorted, 0.80), 1) +
      "% of customers hold 80% of it.</p>\n" +
      io::line_chart({lorenz, equality}, {"Lorenz curve of spend", "share of customers (lowest first)",
                                          "share of spend", 480, 400, {}}) +
      "<p>RFM segments (quantile scores 1-5, recency = days since the last purchase at "
      "1998-06-30; the standard R &times; F segment map).</p>\n" +
      io::bar_chart(scores.segment_names, sizes,
                    {"Customers per RFM segment", "segment", "customers", 760, 400, {}});
  return section;
}

DemoSection demo_lifetime_value(const DemoContext& context) {
  const CdnowSample cdnow(context);
  const io::KeyedSummary s = cdnow.summary();
  const std::size_t n = s.table.customers.size();
  std::vector<double> x(n), tx(n), T(n), actual(n), first(n);
  for (std::size_t i = 0; i < n; ++i) {
    const value::CustomerSummary& c = s.table.customers[i];
    x[i] = c.frequency;
    tx[i] = c.recency;
    T[i] = c.T;
    actual[i] = c.holdout_frequency;
    first[i] = (c.first - cdnow.origin) / 7;  // weeks after 1997-01-01
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
  const std::vector<std::int64_t> curve = cdnow.tracking();
  const std::vector<double> tracked(curve.begin(), curve.end());
  const std::vector<double> predicted =
      bg.expected_cumulative_repeat_transactions(first.data(), n, CdnowSample::kWeeks);
  const value::HoldoutComparison holdout =
      bg.compare_holdout(273.0 / 7, x.data(), tx.data(), T.data(), actual.data(), n, 7);

  // P(alive) by frequency (rows) and recency (columns) for a customer aged 39 weeks. A
  // customer without repeat purchases has recency 0, and one with them a recency above 0:
  // the other cells cannot occur and are left blank rather than filled by the formula.
  const double age = CdnowSample::kCalibrationWeeks;
  std::vector<std::vector<double>> grid;
  std::vector<std::string> frequency_labels, recency_labels;
  for (int week = 0; week <= 39; week += 3) recency_labels.push_back(std::to_string(week));
  const double impossible = std::numeric_limits<double>::quiet_NaN();
  for (int freq = 0; freq <= 14; ++freq) {
    frequency_labels.push_back(std::to_string(freq));
    std::vector<double> row(recency_labels.size(), impossible);
    for (std::size_t c = 0; c < recency_labels.size(); ++c) {
      const double recency = 3.0 * static_cast<double>(c);
      if ((freq == 0) != (recency == 0)) continue;
      const double fx = freq;
      bg.p_alive(&fx, &recency, &age, 1, &row[c]);
    }
    grid.push_back(row);
  }

  std::vector<std::vector<std::string>> by_frequency;
  for (const value::FrequencyGroup& g : holdout.by_frequency)
    by_frequency.push_back({fixed(g.frequency, 0) + (g.and_above ? "+" : ""), count(g.customers),
                            fixed(g.actual_mean, 3), fixed(g.predicted_mean, 3)});

  DemoSection section;
  section.title = "Lifetime value (CDNOW, BG/NBD and Pareto/NBD)";
  section.summary = "BG/NBD " + rows[0][1] + "; holdout weeks 40-78: " +
                    count(holdout.predicted_total) + " repeat purchases predicted, " +
                    count(holdout.actual_total) + " actual";
  section.html =
      "<p>Maximum-likelihood fits on the calibration weeks 1-39 (published: BG/NBD r 0.243, "
      "alpha 4.414, a 0.793, b 2.426; Pareto/NBD r 0.553, alpha 10.578, s 0.606, beta 11.669 "
      "&mdash; Fader, Hardie &amp; Lee 2005).</p>\n" +
      html_table({"model", "parameters", "log-likelihood", "AIC", "iterations"}, rows) +
      io::line_chart({weekly_series("actual", tracked), weekly_series("BG/NBD", predicted, true)},
                     {"Cumulative repeat transactions: actual vs BG/NBD", "week",
                      "repeat transactions", 640, 340,
                      {{CdnowSample::kCalibrationWeeks, "calibration ends (week 39)"}}}) +
      "<p>Holdout (weeks 40-78) by calibration frequency: mean purchases per customer.</p>\n" +
      html_table({"frequency", "customers", "actual", "predicted"}, by_frequency) +
      io::heat_map(grid, recency_labels, frequency_labels,
                   {"BG/NBD P(alive) of a customer aged 39 weeks",
                    "recency t_x (weeks from first to last purchase)",
                    "frequency (repeat purchases)", 680, 420, {}});
  return section;
}

}  // namespace crmkit_cli
