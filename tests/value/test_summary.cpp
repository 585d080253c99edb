// Customer summaries: the CDNOW reproduction, batch = ledger, and a naive reference.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <random>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/summary.hpp"

using crmkit::io::parse_time;
using namespace crmkit::value;
using crmkit::name_of;
using crmkit::parse_enum;

namespace {

const std::string kData = CRMKIT_TEST_DATA_DIR;

// CDNOW_sample.txt: no header, blanks between fields: master id, sample id, YYYYMMDD,
// CDs, dollars.
crmkit::io::CsvOptions cdnow_csv() {
  crmkit::io::CsvOptions o;
  o.delimiter = crmkit::io::CsvOptions::kWhitespace;
  o.has_header = false;
  return o;
}
const crmkit::io::TransactionColumns kCdnowColumns{"2", "3", "5", "%Y%m%d"};

SummaryOptions cdnow_options() {
  SummaryOptions o;
  o.unit = TimeUnit::week;
  o.merge_same_day = true;
  o.end = parse_time("1997-09-30");
  o.holdout_end = parse_time("1998-06-30");
  return o;
}

std::map<std::int64_t, CustomerSummary> by_customer(const SummaryTable& t) {
  std::map<std::int64_t, CustomerSummary> m;
  for (const CustomerSummary& c : t.customers) m[c.customer] = c;
  return m;
}

void require_same(const CustomerSummary& a, const CustomerSummary& b) {
  CHECK(a.customer == b.customer);
  CHECK(a.first == b.first);
  CHECK(a.last == b.last);
  CHECK(a.purchases == b.purchases);
  CHECK(a.frequency == b.frequency);
  CHECK(a.recency == b.recency);
  CHECK(a.T == b.T);
  CHECK(a.total_value == Approx(b.total_value).epsilon(1e-12));
  CHECK(a.monetary_value == Approx(b.monetary_value).epsilon(1e-12));
  CHECK(a.holdout_frequency == b.holdout_frequency);
  CHECK(a.holdout_value == Approx(b.holdout_value).epsilon(1e-12));
}

}  // namespace

TEST_CASE("summary: CDNOW sample reproduces the published calibration summary", "[summary][cdnow]") {
  auto log = crmkit::io::read_transaction_log(kData + "/cdnow/CDNOW_sample.txt", cdnow_csv(),
                                              kCdnowColumns);
  REQUIRE(log.customer.size() == 6919);  // data/cdnow/README.md
  REQUIRE(log.keys.size() == 2357);
  SummaryTable t = summarize(log.customer, log.time, log.amount, cdnow_options());
  // Same-day merging: 6,696 transactions = 2,357 first + 4,339 repeat.
  CHECK(t.sales == 6919);
  CHECK(t.sales - t.merged_sales == 6696);
  REQUIRE(t.customers.size() == 2357);

  // Reference: cdnow_customers_summary_with_transactions.csv (ID,x,t_x,T,zbar; 2 decimals),
  // the input of Fader, Hardie & Lee (2005).
  crmkit::io::CsvReader ref(kData + "/cdnow/cdnow_customers_summary_with_transactions.csv");
  std::size_t rows = 0;
  double sum_x = 0, sum_holdout = 0;
  while (ref.next()) {
    const CustomerSummary& c = t.customers[rows];
    INFO("customer " << log.keys[static_cast<std::size_t>(c.customer)]);
    CHECK(std::stoi(log.keys[static_cast<std::size_t>(c.customer)]) == std::stoi(std::string(ref.field(0))));
    CHECK(c.frequency == ref.number(1));
    CHECK(std::abs(c.recency - ref.number(2)) <= 0.005 + 1e-9);
    CHECK(std::abs(c.T - ref.number(3)) <= 0.005 + 1e-9);
    CHECK(std::abs(c.monetary_value - ref.number(4)) <= 0.005 + 1e-9);
    sum_x += c.frequency;
    sum_holdout += c.holdout_frequency;
    ++rows;
  }
  CHECK(rows == 2357);
  CHECK(sum_x == 2457);
  CHECK(sum_x + sum_holdout == 4339);
}

TEST_CASE("summary: CDNOW tracking curve of cumulative repeat transactions", "[summary][cdnow]") {
  auto log = crmkit::io::read_transaction_log(kData + "/cdnow/CDNOW_sample.txt", cdnow_csv(),
                                              kCdnowColumns);
  auto curve = cumulative_repeat_transactions(log.customer.data(), log.time.data(),
                                              log.customer.size(), parse_time("1997-01-01"),
                                              TimeUnit::week, 78, true);
  REQUIRE(curve.size() == 78);
  // Weeks 20-25 as in the BTYD walkthrough; 2,457 at week 39, 4,339 at week 78.
  CHECK(std::vector<std::int64_t>(curve.begin() + 19, curve.begin() + 25) ==
        std::vector<std::int64_t>{1359, 1414, 1484, 1517, 1573, 1672});
  CHECK(curve[38] == 2457);
  CHECK(curve[77] == 4339);
}

TEST_CASE("summary: streaming CSV, batch arrays and the ledger agree on CDNOW", "[summary][cdnow]") {
  const std::string path = kData + "/cdnow/CDNOW_sample.txt";
  auto log = crmkit::io::read_transaction_log(path, cdnow_csv(), kCdnowColumns);
  SummaryTable batch = summarize(log.customer, log.time, log.amount, cdnow_options());
  auto streamed = crmkit::io::summarize_transaction_log(path, cdnow_csv(), kCdnowColumns, cdnow_options());
  Ledger ledger(cdnow_options());
  for (std::size_t i = 0; i < log.customer.size(); ++i)
    ledger.add_sale(log.customer[i], log.time[i], log.amount[i]);
  SummaryTable fed = ledger.summary();
  REQUIRE(streamed.table.customers.size() == batch.customers.size());
  REQUIRE(fed.customers.size() == batch.customers.size());
  CHECK(streamed.keys == log.keys);
  for (std::size_t i = 0; i < batch.customers.size(); ++i) {
    require_same(streamed.table.customers[i], batch.customers[i]);
    require_same(fed.customers[i], batch.customers[i]);
  }
  CHECK(fed.merged_sales == batch.merged_sales);

  // Shuffled input (sales out of time order): same per-customer answer.
  std::vector<std::size_t> order(log.customer.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(20261124));
  std::vector<std::int64_t> c;
  std::vector<double> t, a;
  for (std::size_t i : order) {
    c.push_back(log.customer[i]);
    t.push_back(log.time[i]);
    a.push_back(log.amount[i]);
  }
  auto shuffled = by_customer(summarize(c, t, a, cdnow_options()));
  for (const CustomerSummary& s : batch.customers) require_same(shuffled.at(s.customer), s);

  // A size hint only makes room up front: the same table, in the same order.
  SummaryOptions hinted = cdnow_options();
  hinted.expected_customers = 2357;
  SummaryTable with_hint = summarize(log.customer, log.time, log.amount, hinted);
  auto streamed_hint = crmkit::io::summarize_transaction_log(path, cdnow_csv(), kCdnowColumns, hinted);
  REQUIRE(with_hint.customers.size() == batch.customers.size());
  for (std::size_t i = 0; i < batch.customers.size(); ++i) {
    require_same(with_hint.customers[i], batch.customers[i]);
    require_same(streamed_hint.table.customers[i], batch.customers[i]);
  }
}

TEST_CASE("summary: hand-worked cases", "[summary]") {
  SummaryOptions o;
  o.unit = TimeUnit::day;
  o.end = 20;
  SECTION("no merging: same-day sales are separate transactions") {
    auto t = summarize({1, 1, 1}, {2, 2, 9}, {3, 4, 5}, o);
    REQUIRE(t.customers.size() == 1);
    CHECK(t.customers[0].purchases == 3);
    CHECK(t.customers[0].frequency == 2);
    CHECK(t.customers[0].recency == 7);
    CHECK(t.customers[0].T == 18);
    CHECK(t.customers[0].monetary_value == 4.5);  // (4 + 5) / 2: the first sale seen is first
  }
  SECTION("merging truncates to the day and sums amounts") {
    o.merge_same_day = true;
    auto t = summarize({1, 1, 1}, {2.25, 2.75, 9.5}, {3, 4, 5}, o);
    CHECK(t.customers[0].purchases == 2);
    CHECK(t.customers[0].first == 2);
    CHECK(t.customers[0].recency == 7);
    CHECK(t.customers[0].total_value == 12);
    CHECK(t.customers[0].monetary_value == 5);
    CHECK(t.merged_sales == 1);
  }
  SECTION("units: weeks and months of 4.345 weeks") {
    o.unit = TimeUnit::month;
    o.end = 40;
    auto t = summarize({1, 1}, {0, 30.415}, {1, 1}, o);
    CHECK(t.customers[0].recency == Approx(1.0).epsilon(1e-12));
    CHECK(days_per_unit(TimeUnit::week) == 7);
  }
  SECTION("holdout: customers first seen in the holdout are not summarised") {
    o.end = 10;
    o.holdout_end = 20;
    auto t = summarize({1, 1, 1, 2}, {0, 10, 15, 12}, {1, 2, 3, 4}, o);
    REQUIRE(t.customers.size() == 1);
    CHECK(t.customers[0].frequency == 1);
    CHECK(t.customers[0].holdout_frequency == 1);
    CHECK(t.customers[0].holdout_value == 3);
    CHECK(t.holdout_only_customers == 1);
  }
  SECTION("without an end, the latest sale is the end") {
    o.end.reset();
    auto t = summarize({1, 2}, {3, 8}, {1, 1}, o);
    CHECK(t.end == 8);
    CHECK(t.customers[0].T == 5);
  }
}

TEST_CASE("summary: bad input is rejected with the sale named", "[summary]") {
  using Catch::Contains;
  SummaryOptions o;
  o.end = 10;
  CHECK_THROWS_WITH(summarize({1, 2}, {1, NAN}, {1, 1}, o), Contains("sale 1: customer 2: time is not a finite"));
  CHECK_THROWS_WITH(summarize({1, 2}, {1, 2}, {1, -1}, o), Contains("sale 1: customer 2: amount -1 is negative"));
  CHECK_THROWS_WITH(summarize({1, 2}, {1, 2}, {1, INFINITY}, o), Contains("amount is not a finite"));
  CHECK_THROWS_WITH(summarize({1, 2}, {1, 11}, {1, 1}, o), Contains("after the observation end 10"));
  CHECK_THROWS_WITH(summarize({1, 2}, {1}, {1, 1}, o), Contains("differ in length"));
  o.holdout_end = 5;
  CHECK_THROWS_WITH(summarize({1}, {1}, {1}, o), Contains("is not after the calibration end"));
  o.end.reset();
  CHECK_THROWS_WITH(summarize({1}, {1}, {1}, o), Contains("needs a calibration end"));
  CHECK_THROWS_WITH(parse_enum<TimeUnit>("year"), Contains("unknown time unit 'year'"));
  CHECK_THROWS_WITH(summarize(nullptr, nullptr, nullptr, 3, {}), Contains("must not be null"));
  CHECK(summarize(nullptr, nullptr, nullptr, 0, {}).customers.empty());
}

TEST_CASE("summary: the ledger refuses what it cannot place and stays unchanged", "[summary][ledger]") {
  SummaryOptions o;
  o.merge_same_day = true;
  o.end = 100;
  Ledger ledger(o);
  ledger.add_sale(5, 10, 1);
  ledger.add_sale(5, 20, 1);
  ledger.add_sale(5, 10.5, 2);  // the first day again: merged
  ledger.add_sale(5, 3, 1);     // before the first day: a new first purchase
  CHECK_THROWS_WITH(ledger.add_sale(5, 15, 1), Catch::Contains("customer 5: sale on day 15") &&
                                                 Catch::Contains("time order") &&
                                                 Catch::Contains("summarize() takes any order"));
  CHECK_THROWS_WITH(ledger.add_sale(6, 101, 1), Catch::Contains("customer 6: time 101 is after"));
  CHECK(ledger.customer_count() == 1);
  auto t = ledger.summary();
  REQUIRE(t.customers.size() == 1);
  CHECK(t.customers[0].purchases == 3);
  CHECK(t.customers[0].first == 3);
  CHECK(t.customers[0].total_value == 5);
  CHECK(t.customers[0].monetary_value == 2);  // days 10 (1 + 2) and 20 (1): (3 + 1) / 2
  CHECK(t.sales == 4);
}

namespace {

struct RandomLog {
  std::vector<std::int64_t> c;
  std::vector<double> t, a;
};

// The log with its sales permuted by `order`.
RandomLog permuted(const RandomLog& log, const std::vector<std::size_t>& order) {
  RandomLog out;
  for (std::size_t i : order) {
    out.c.push_back(log.c[i]);
    out.t.push_back(log.t[i]);
    out.a.push_back(log.a[i]);
  }
  return out;
}

// Checks a table against the naive reference: group per customer, stable-sort by time,
// merge days, split at the end, count. `transactions` receives the reference's count of
// transactions (calibration and holdout, after merging).
void check_against_reference(const RandomLog& log, const SummaryOptions& o,
                             const SummaryTable& table, std::int64_t& transactions) {
  const bool merge = o.merge_same_day;
  auto got = by_customer(table);
  std::map<std::int64_t, std::vector<std::pair<double, double>>> sales;
  std::int64_t dropped = 0;
  for (std::size_t i = 0; i < log.c.size(); ++i) {
    const double day = merge ? std::floor(log.t[i]) : log.t[i];
    if (day > *o.holdout_end) {
      ++dropped;
      continue;
    }
    sales[log.c[i]].push_back({day, log.a[i]});
  }
  CHECK(table.dropped_sales == dropped);
  std::size_t customers = 0;
  transactions = 0;
  for (auto& [id, list] : sales) {
    std::stable_sort(list.begin(), list.end(), [](auto& x, auto& y) { return x.first < y.first; });
    std::vector<std::pair<double, double>> cal, hold;
    for (auto& s : list) {
      auto& dest = s.first <= *o.end ? cal : hold;
      if (merge && !dest.empty() && dest.back().first == s.first) dest.back().second += s.second;
      else dest.push_back(s);
    }
    transactions += static_cast<std::int64_t>(cal.size() + hold.size());
    if (cal.empty()) continue;
    ++customers;
    REQUIRE(got.count(id) == 1);
    const CustomerSummary& g = got.at(id);
    INFO("customer " << id);
    CHECK(g.purchases == static_cast<std::int64_t>(cal.size()));
    CHECK(g.first == cal.front().first);
    CHECK(g.last == cal.back().first);
    CHECK(g.recency == Approx((cal.back().first - cal.front().first) / 7).margin(1e-12));
    CHECK(g.T == Approx((*o.end - cal.front().first) / 7).margin(1e-12));
    double repeat = 0, total = 0, holdout_total = 0;
    for (std::size_t k = 0; k < cal.size(); ++k) (k ? repeat : total) += cal[k].second;
    total += repeat;
    for (auto& h : hold) holdout_total += h.second;
    CHECK(g.total_value == Approx(total).margin(1e-9));
    const double repeats = static_cast<double>(cal.size()) - 1;
    CHECK(g.monetary_value == Approx(repeats > 0 ? repeat / repeats : 0).margin(1e-9));
    CHECK(g.holdout_frequency == static_cast<double>(hold.size()));
    CHECK(g.holdout_value == Approx(holdout_total).margin(1e-9));
  }
  CHECK(got.size() == customers);
  CHECK(table.holdout_only_customers == static_cast<std::int64_t>(sales.size() - customers));
  CHECK(table.sales == static_cast<std::int64_t>(log.c.size()) - dropped);
  CHECK(table.merged_sales == table.sales - transactions);
}

// Two tables of the same sales in different orders: the same customers with the same
// counts and days; money equal to a few units in the last place (compensated sums whose
// terms came in another order).
void check_same_summaries(const SummaryTable& a, const SummaryTable& b) {
  CHECK(a.sales == b.sales);
  CHECK(a.merged_sales == b.merged_sales);
  CHECK(a.dropped_sales == b.dropped_sales);
  CHECK(a.holdout_only_customers == b.holdout_only_customers);
  REQUIRE(a.customers.size() == b.customers.size());
  auto bm = by_customer(b);
  for (const CustomerSummary& x : a.customers) {
    REQUIRE(bm.count(x.customer) == 1);
    const CustomerSummary& y = bm.at(x.customer);
    INFO("customer " << x.customer);
    CHECK(x.purchases == y.purchases);
    CHECK(x.first == y.first);
    CHECK(x.last == y.last);
    CHECK(x.T == y.T);
    CHECK(x.holdout_frequency == y.holdout_frequency);
    CHECK(x.total_value == Approx(y.total_value).epsilon(1e-15));
    CHECK(x.monetary_value == Approx(y.monetary_value).epsilon(1e-15));
    CHECK(x.holdout_value == Approx(y.holdout_value).epsilon(1e-15));
  }
}

}  // namespace

TEST_CASE("summary: any input order gives the naive reference's summary", "[summary][property]") {
  // Batch arrays in the generated (random) order, sorted by time, grouped by customer with
  // time reversed, and shuffled; the CSV path on the shuffled log; the ledger on the sorted
  // one. Many customers have several sales on one day, on days between their first and
  // latest, which is what order-independent merging has to get right.
  std::mt19937_64 rng(42);
  const std::string csv_path = "summary_any_order_test.csv";
  for (int round = 0; round < 40; ++round) {
    const bool merge = round % 4 != 3;
    const std::size_t n = 1 + rng() % 400;
    RandomLog log;
    for (std::size_t i = 0; i < n; ++i) {
      log.c.push_back(static_cast<std::int64_t>(rng() % 17) - 8);  // negative ids are ids too
      // Without merging, two sales at the very same time as a customer's first are taken in
      // input order (which one is "first" is the caller's call): times are distinct then.
      const double fraction = merge ? static_cast<double>(rng() % 4) * 0.25
                                    : static_cast<double>(i) / static_cast<double>(n + 1);
      log.t.push_back(static_cast<double>(rng() % 66) + fraction);
      log.a.push_back(static_cast<double>(rng() % 1000) / 10.0);
    }
    SummaryOptions o;
    o.unit = TimeUnit::week;
    o.merge_same_day = merge;
    o.end = 40;
    o.holdout_end = 60;
    o.late = LateSale::drop;
    INFO("round " << round);

    const SummaryTable generated = summarize(log.c, log.t, log.a, o);
    std::int64_t transactions = 0;
    check_against_reference(log, o, generated, transactions);

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return log.t[x] < log.t[y]; });
    const RandomLog sorted = permuted(log, order);
    const SummaryTable by_time = summarize(sorted.c, sorted.t, sorted.a, o);
    check_same_summaries(by_time, generated);

    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return log.c[x] != log.c[y] ? log.c[x] < log.c[y] : log.t[x] > log.t[y];
    });
    const RandomLog grouped = permuted(log, order);
    check_same_summaries(summarize(grouped.c, grouped.t, grouped.a, o), generated);

    std::shuffle(order.begin(), order.end(), rng);
    const RandomLog shuffled = permuted(log, order);
    const SummaryTable shuffled_table = summarize(shuffled.c, shuffled.t, shuffled.a, o);
    check_same_summaries(shuffled_table, generated);

    {  // The file path reads the shuffled log: customers are text keys in first-seen order.
      std::ofstream f(csv_path);
      f.precision(17);
      f << "customer_id,date,amount\n";
      for (std::size_t i = 0; i < n; ++i)
        f << "c" << shuffled.c[i] << "," << shuffled.t[i] << "," << shuffled.a[i] << "\n";
    }
    crmkit::io::TransactionColumns columns;
    columns.time_format = "days";
    auto streamed = crmkit::io::summarize_transaction_log(csv_path, {}, columns, o);
    REQUIRE(streamed.table.customers.size() == shuffled_table.customers.size());
    for (std::size_t i = 0; i < shuffled_table.customers.size(); ++i) {
      CustomerSummary s = streamed.table.customers[i];
      CHECK(streamed.keys[static_cast<std::size_t>(s.customer)] ==
            "c" + std::to_string(shuffled_table.customers[i].customer));
      s.customer = shuffled_table.customers[i].customer;
      require_same(s, shuffled_table.customers[i]);
    }
    CHECK(streamed.table.merged_sales == shuffled_table.merged_sales);

    Ledger ledger(o);  // in time order, which the ledger needs when merging
    std::size_t added = 0;
    ledger.add_sales(sorted.c.data(), sorted.t.data(), sorted.a.data(), n, &added);
    CHECK(added == n);
    check_same_summaries(ledger.summary(), generated);
  }
  std::remove(csv_path.c_str());
}

TEST_CASE("summary: results that cannot be represented are refused at the sale", "[summary]") {
  using Catch::Contains;
  SummaryOptions o;
  // Issue 19 item 11: two sales of 1e308 made total_value and monetary_value inf.
  CHECK_THROWS_WITH(summarize({7, 7}, {1, 2}, {1e308, 1e308}, o),
                    Contains("sale 1: customer 7: amount 1e+308 brings the customer's total "
                             "spend 1e+308 past the largest representable number"));
  o.end = 10;
  o.holdout_end = 20;
  CHECK_THROWS_WITH(summarize({7, 7, 7}, {1, 12, 13}, {1, 1e308, 1e308}, o),
                    Contains("sale 2: customer 7") && Contains("holdout spend"));
  // The largest double itself is a total that can be represented.
  CHECK(summarize({7}, {1}, {std::numeric_limits<double>::max()}, o).customers[0].total_value ==
        std::numeric_limits<double>::max());

  // Day numbers: years 0001-9999 (crmkit/io/time.hpp), so every time has a printable date.
  SummaryOptions open;
  CHECK_THROWS_WITH(summarize({1, 2}, {1, 1e308}, {1, 1}, open),
                    Contains("sale 1: customer 2: time 1e+308 is outside the supported day numbers"));
  CHECK_THROWS_WITH(summarize({1}, {-1e308}, {1}, open), Contains("outside the supported day numbers"));
  CHECK_THROWS_WITH(summarize({1}, {crmkit::io::kEndDayNumber}, {1}, open),
                    Contains("outside the supported"));
  // Both ends of the range: 0001-01-01 and the last moment of 9999-12-31.
  auto t = summarize({1, 1}, {crmkit::io::kFirstDayNumber, crmkit::io::kEndDayNumber - 0.5}, {1, 1}, open);
  CHECK(crmkit::io::format_date(t.customers[0].first) == "0001-01-01");
  CHECK(crmkit::io::format_date(t.customers[0].last) == "9999-12-31");
  SummaryOptions far;
  far.end = 1e308;
  CHECK_THROWS_WITH(summarize({1}, {1}, {1}, far), Contains("summary end 1e+308 is outside"));
  Ledger ledger;
  CHECK_THROWS_WITH(ledger.add_sale(3, 1e308, 1), Contains("customer 3: time 1e+308 is outside"));
  ledger.add_sale(3, 1, 1e308);
  CHECK_THROWS_WITH(ledger.add_sale(3, 2, 1e308), Contains("customer 3: amount 1e+308 brings"));
  CHECK(ledger.summary().customers[0].purchases == 1);  // the refused sale changed nothing
}

TEST_CASE("summary: the CSV summary names the file line of an overflowing sale", "[summary]") {
  const std::string path = "summary_overflow_test.csv";
  {
    std::ofstream f(path);
    f << "customer_id,date,amount\nA,2020-01-01,1e308\nB,2020-01-01,1\nA,2020-01-02,1e308\n";
  }
  CHECK_THROWS_WITH(crmkit::io::summarize_transaction_log(path),
                    Catch::Contains(path + ":4: customer A: amount 1e+308 brings"));
  std::remove(path.c_str());
}

TEST_CASE("summary: a size hint never fails the call", "[summary]") {
  // Issue 19 item 16: expected_customers = 2^31 failed with ENOMEM (an abort under ASan).
  // The hint is capped (kMaxExpectedCustomers, and the number of sales for arrays).
  SummaryOptions plain;
  plain.merge_same_day = true;
  const SummaryTable expected = summarize({1, 2, 1}, {1, 2, 3}, {1, 2, 3}, plain);
  for (std::size_t hint : {std::size_t{1} << 31, std::numeric_limits<std::size_t>::max()}) {
    SummaryOptions o = plain;
    o.expected_customers = hint;
    check_same_summaries(summarize({1, 2, 1}, {1, 2, 3}, {1, 2, 3}, o), expected);
    Ledger ledger(o);  // a ledger cannot know the number of sales: the fixed cap applies
    ledger.add_sale(1, 1, 1);
    ledger.add_sale(2, 2, 2);
    ledger.add_sale(1, 3, 3);
    check_same_summaries(ledger.summary(), expected);
  }
}

TEST_CASE("summary: Ledger::add_sales records in order and stops at the first bad sale", "[summary][ledger]") {
  using Catch::Contains;
  SummaryOptions o;
  o.merge_same_day = true;
  o.end = 14;
  o.late = LateSale::drop;
  Ledger ledger(o);
  // customer 7: days 0 ($10), 3 ($5 + $7 merged), 10 ($20); customer 9: day 5 ($4); one late.
  const std::int64_t c[] = {7, 7, 7, 9, 7, 9};
  const double t[] = {0, 3.2, 3.9, 5, 10, 30};
  const double a[] = {10, 5, 7, 4, 20, 1};
  std::size_t added = 99;
  ledger.add_sales(c, t, a, 6, &added);
  CHECK(added == 6);
  auto s = by_customer(ledger.summary());
  CHECK(s.at(7).purchases == 3);
  CHECK(s.at(7).monetary_value == 16);  // (12 + 20) / 2
  CHECK(s.at(9).total_value == 4);

  // A bad sale: those before it stay, it and those after it are not recorded.
  const std::int64_t c2[] = {9, 9, 9, 9};
  const double t2[] = {6, 7, NAN, 8};
  const double a2[] = {1, 1, 1, 1};
  CHECK_THROWS_WITH(ledger.add_sales(c2, t2, a2, 4, &added),
                    Contains("sale 2: customer 9: time is not a finite number"));
  CHECK(added == 2);
  CHECK(by_customer(ledger.summary()).at(9).purchases == 3);
  // The ledger's order rule refuses a sale between a customer's first and latest day.
  const std::int64_t c3[] = {7};
  const double t3[] = {5};
  CHECK_THROWS_WITH(ledger.add_sales(c3, t3, a2, 1, &added), Contains("sale 0: customer 7: sale on day 5"));
  CHECK(added == 0);
  CHECK_THROWS_WITH(ledger.add_sales(nullptr, nullptr, nullptr, 2, &added), Contains("must not be null"));
  CHECK(added == 0);
  ledger.add_sales(nullptr, nullptr, nullptr, 0, &added);
  CHECK(added == 0);
  CHECK(ledger.summary().dropped_sales == 1);
}

TEST_CASE("summary: tracking periods are bounded in the core", "[summary]") {
  using Catch::Contains;
  const std::vector<std::int64_t> c = {1, 1};
  const std::vector<double> t = {0, 8};
  CHECK_THROWS_WITH(cumulative_repeat_transactions(c.data(), t.data(), 2, 0, TimeUnit::week, 0, false),
                    Contains("periods is 0; expected 1..1000000"));
  CHECK_THROWS_WITH(cumulative_repeat_transactions(c.data(), t.data(), 2, 0, TimeUnit::week,
                                                   kMaxTrackingPeriods + 1, false),
                    Contains("periods is 1000001"));
  // Day 8 is in week 2 ([7, 14)): no repeat by the end of week 1, one by the end of week 2.
  CHECK(cumulative_repeat_transactions(c.data(), t.data(), 2, 0, TimeUnit::week, 2, false) ==
        std::vector<std::int64_t>{0, 1});
  CHECK(cumulative_repeat_transactions(c.data(), t.data(), 2, 0, TimeUnit::day, kMaxTrackingPeriods,
                                       false).back() == 1);
  const std::vector<double> far = {0, 1e308};
  CHECK_THROWS_WITH(cumulative_repeat_transactions(c.data(), far.data(), 2, 0, TimeUnit::week, 2, false),
                    Contains("sale 1: time 1e+308 is outside"));
}
