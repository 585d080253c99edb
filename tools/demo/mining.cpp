// The "Segments and churn" demo section: k-means segments of the CDNOW cohort and a churn
// model trained on half of it and checked on the other half, with a lift chart.
#include <algorithm>
#include <cmath>

#include "crmkit/io/svg.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/churn.hpp"
#include "crmkit/value/segment.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace io = crmkit::io;
namespace value = crmkit::value;

// CDNOW_master.txt, days, calibration to 1997-09-30, holdout to 1998-06-30: churned = no
// purchase in the holdout (tests/value/reference/mining_sklearn.py uses the same split).
value::SummaryTable cdnow_split(const DemoContext& context) {
  io::CsvOptions csv;
  csv.delimiter = io::CsvOptions::kWhitespace;
  value::SummaryOptions o;
  o.unit = value::TimeUnit::day;
  o.end = io::parse_time("1997-09-30");
  o.holdout_end = io::parse_time("1998-06-30");
  return io::summarize_transaction_log(context.data_dir + "/cdnow/CDNOW_master.txt", csv,
                                       {"customer_id", "date", "dollar_value", "%Y%m%d"}, o)
      .table;
}

// Every other row of a table (start 0 or 1).
value::FeatureTable half(const value::FeatureTable& t, std::size_t start, const std::vector<double>& y,
                         std::vector<double>& y_out) {
  value::FeatureTable out;
  out.names = t.names;
  for (std::size_t i = start; i < t.rows; i += 2) y_out.push_back(y[i]);
  out.rows = y_out.size();
  for (std::size_t j = 0; j < t.cols(); ++j)
    for (std::size_t i = start; i < t.rows; i += 2) out.values.push_back(t.column(j)[i]);
  return out;
}

std::string pct(double v) { return fixed(100 * v, 1) + "%"; }

}  // namespace

DemoSection demo_segments_and_churn(const DemoContext& context) {
  const value::SummaryTable table = cdnow_split(context);
  const value::FeatureTable features = value::customer_features(table);
  const std::vector<double> churned = value::churn_labels(table);

  value::KMeansOptions km;
  km.k_min = 2;
  km.k_max = 6;
  km.features = {"recency", "frequency", "monetary"};
  km.scaling.log1p = {"frequency", "monetary"};
  km.value_column = "monetary";
  const value::SegmentResult seg = value::segment(features, km);
  std::vector<std::vector<std::string>> profile_rows;
  for (std::size_t s = 0; s < seg.profiles.size(); ++s) {
    const value::SegmentProfile& p = seg.profiles[s];
    double churn = 0;
    for (std::size_t i = 0; i < features.rows; ++i)
      if (seg.labels[i] == static_cast<int>(s)) churn += churned[i];
    profile_rows.push_back({std::to_string(s), fixed(static_cast<double>(p.size), 0), pct(p.share),
                            pct(p.value_share), fixed(p.mean[0], 0), fixed(p.mean[1], 1), "$" + fixed(p.mean[2], 2),
                            pct(churn / static_cast<double>(p.size))});
  }

  // Churn model on the odd customers, judged on the even ones.
  std::vector<double> y_train, y_test;
  const value::FeatureTable train = half(features, 0, churned, y_train);
  const value::FeatureTable test = half(features, 1, churned, y_test);
  value::ChurnOptions co;
  co.scaling.log1p = {"frequency", "monetary"};
  const value::ChurnFit fit = value::fit_churn(train, y_train.data(), co);
  const std::vector<double> p = fit.model.predict(test);
  const value::ChurnMetrics m = value::evaluate_churn(p.data(), y_test.data(), p.size());
  std::vector<std::vector<std::string>> coef_rows;
  for (const value::Coefficient& c : fit.model.coefficients())
    coef_rows.push_back({c.name, fixed(c.estimate, 3), fixed(c.standard_error, 3), fixed(c.odds_ratio, 2)});
  std::vector<std::string> deciles;
  std::vector<double> lift;
  for (const value::LiftRow& r : m.lift) {
    deciles.push_back(std::to_string(r.decile));
    lift.push_back(r.lift);
  }
  const value::ChurnSensitivity s = fit.model.sensitivity(test, "recency", 30, test.column(2));
  const std::vector<value::GroupDrivers> drivers = fit.model.drivers(features, seg.labels.data());
  std::string top;
  for (const value::GroupDrivers& g : drivers)
    top += (top.empty() ? "" : "; ") + ("segment " + std::to_string(g.group) + ": " + g.drivers[0].feature);

  io::ChartOptions lift_chart;
  lift_chart.title = "Lift of the churn model by decile (held-out customers)";
  lift_chart.x_label = "decile of predicted churn (1 = highest)";
  lift_chart.y_label = "churn rate / overall rate";

  DemoSection out;
  out.title = "Segments and churn";
  out.summary = std::to_string(seg.model.k()) + " segments (silhouette " + fixed(seg.silhouette, 2) +
                "), churn AUC " + fixed(m.auc, 3) + " on held-out customers";
  out.html =
      "<p>The " + fixed(static_cast<double>(features.rows), 0) +
      " customers of CDNOW_master, calibration to 1997-09-30. k-means (k-means++ seeds, 10 restarts) on "
      "recency, log purchases and log spend, z-scored; k = " + std::to_string(seg.model.k()) +
      " chosen over 2..6 by silhouette (" + fixed(seg.silhouette, 3) + "). Churned = no purchase from "
      "1997-10-01 to 1998-06-30.</p>\n" +
      html_table({"segment", "customers", "share", "value share", "mean days since last", "mean purchases",
                  "mean spend", "churned"},
                 profile_rows) +
      "<p>Churn model: L2 logistic regression (l2 = 1, z-scored features, log purchases and spend) "
      "fitted on every other customer and tested on the rest: AUC " + fixed(m.auc, 3) + ", log-loss " +
      fixed(m.log_loss, 3) + ", precision " + pct(m.precision) + " and recall " + pct(m.recall) +
      " at 0.5. Coefficients per standard deviation:</p>\n" +
      html_table({"feature", "estimate", "std. error", "odds ratio"}, coef_rows) +
      io::bar_chart(deciles, lift, lift_chart) +
      "<p>If every held-out customer's last purchase were 30 days older, the mean churn probability "
      "would move from " + pct(s.mean_before) + " to " + pct(s.mean_after) + " and the spend at risk from $" +
      fixed(s.value_at_risk_before, 0) + " to $" + fixed(s.value_at_risk_after, 0) +
      ". Strongest driver per segment: " + top + ".</p>\n";
  return out;
}

}  // namespace crmkit_cli
