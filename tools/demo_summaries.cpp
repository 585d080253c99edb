// Demo section: customer summaries of the CDNOW sample (the foundation capability).
#include <algorithm>
#include <numeric>

#include "crmkit/io/svg.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "demo.hpp"

namespace crmkit_cli {

DemoSection demo_customer_summaries(const DemoContext& context) {
  namespace io = crmkit::io;
  namespace value = crmkit::value;
  const std::string path = context.data_dir + "/cdnow/CDNOW_sample.txt";
  // CDNOW_sample.txt: no header, blanks between fields: master id, sample id, YYYYMMDD,
  // number of CDs, dollar value.
  io::CsvOptions csv;
  csv.delimiter = io::CsvOptions::kWhitespace;
  csv.has_header = false;
  io::TransactionColumns columns{"2", "3", "5", "%Y%m%d"};
  value::SummaryOptions options;
  options.unit = value::TimeUnit::week;
  options.merge_same_day = true;
  options.end = io::parse_time("1997-09-30");
  options.holdout_end = io::parse_time("1998-06-30");
  io::KeyedSummary s = io::summarize_transaction_log(path, csv, columns, options);

  double repeat = 0, holdout = 0;
  std::vector<double> by_frequency(8, 0.0);
  for (const value::CustomerSummary& c : s.table.customers) {
    repeat += c.frequency;
    holdout += c.holdout_frequency;
    by_frequency[std::min<std::size_t>(static_cast<std::size_t>(c.frequency), 7)] += 1;
  }
  const std::int64_t transactions = s.table.sales - s.table.merged_sales;

  io::TransactionLog log = io::read_transaction_log(path, csv, columns);
  std::vector<std::int64_t> curve = value::cumulative_repeat_transactions(
      log.customer.data(), log.time.data(), log.customer.size(), io::parse_time("1997-01-01"),
      value::TimeUnit::week, 78, true);
  io::Series actual{"actual", {}, {}};
  for (std::size_t w = 0; w < curve.size(); ++w) {
    actual.x.push_back(static_cast<double>(w + 1));
    actual.y.push_back(static_cast<double>(curve[w]));
  }

  DemoSection section;
  section.title = "Customer summaries (CDNOW sample)";
  section.summary = std::to_string(s.table.customers.size()) + " customers, " +
                    std::to_string(transactions) + " transactions after same-day merging, " +
                    std::to_string(static_cast<long long>(repeat)) + " repeat purchases in weeks 1-39, " +
                    std::to_string(static_cast<long long>(holdout)) + " in weeks 40-78";
  section.html =
      "<p>The 1/10 sample of the CDNOW cohort (Fader &amp; Hardie), purchases on the same day "
      "merged, calibration to 1997-09-30, holdout to 1998-06-30, time unit weeks.</p>\n" +
      html_table({"sales read", "transactions", "customers", "repeat (calibration)",
                  "repeat (holdout)"},
                 {{std::to_string(s.table.sales), std::to_string(transactions),
                   std::to_string(s.table.customers.size()),
                   std::to_string(static_cast<long long>(repeat)),
                   std::to_string(static_cast<long long>(holdout))}}) +
      io::bar_chart({"0", "1", "2", "3", "4", "5", "6", "7+"}, by_frequency,
                    {"Customers by repeat purchases in the calibration period",
                     "repeat purchases (x)", "customers", 640, 320}) +
      io::line_chart({actual}, {"Cumulative repeat transactions", "week", "transactions", 640, 320});
  return section;
}

}  // namespace crmkit_cli
