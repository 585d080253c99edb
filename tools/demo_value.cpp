// Demo section: customer value on the full CDNOW cohort (23,570 customers) -- the customer
// pyramid, the Lorenz curve with Gini and the top-20% share, and RFM segment sizes.
#include "crmkit/io/svg.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/concentration.hpp"
#include "crmkit/value/rfm.hpp"
#include "crmkit/value/tiers.hpp"
#include "demo.hpp"

namespace crmkit_cli {

DemoSection demo_customer_value(const DemoContext& context) {
  namespace io = crmkit::io;
  namespace value = crmkit::value;
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
    tier_rows.push_back({crmkit::name_of(row.tier), std::to_string(row.customers),
                         fixed(100 * row.customer_share, 1) + "%", fixed(row.value, 0),
                         fixed(100 * row.value_share, 1) + "%", fixed(row.mean_value, 2),
                         fixed(row.min_value, 2), fixed(row.max_value, 2)});

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
  section.summary = std::to_string(k.customers) + " customers; top 20% hold " +
                    fixed(100 * top20, 1) + "% of spend, Gini " + fixed(k.gini, 3) + "; " +
                    std::to_string(tiers.table.rows[0].customers) + " key customers";
  section.html =
      "<p>The whole CDNOW cohort (23,570 customers, first purchase in the first quarter of 1997, "
      "purchases to 1998-06-30); value = total spend per customer. The customer pyramid by "
      "cumulative share of spend (ABC: key customers hold the first 50%, major the next 30%, "
      "ordinary the next 15%, small the last 5%):</p>\n" +
      html_table({"tier", "customers", "share", "spend", "spend share", "mean", "min", "max"},
                 tier_rows) +
      "<p>Gini " + fixed(k.gini, 3) + "; the top 20% of customers hold " + fixed(100 * top20, 1) +
      "% of spend, and " + fixed(100 * value::customers_holding(sorted, 0.80), 1) +
      "% of customers hold 80% of it.</p>\n" +
      io::line_chart({lorenz, equality}, {"Lorenz curve of spend", "share of customers (lowest first)",
                                          "share of spend", 480, 400}) +
      "<p>RFM segments (quantile scores 1-5, recency = days since the last purchase at "
      "1998-06-30; the standard R &times; F segment map).</p>\n" +
      io::bar_chart(scores.segment_names, sizes,
                    {"Customers per RFM segment", "segment", "customers", 760, 360});
  return section;
}

}  // namespace crmkit_cli
