// Test-local reader of data/cdnow/CDNOW_master.txt (whitespace-separated, header line,
// CRLF: customer_id date(YYYYMMDD) number_of_cds dollar_value), summed per customer.
// Kept deliberately plain and separate from crmkit's own readers, so that the value-tier
// tests cross-check the library against an independent path from the raw file.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cdnow {

struct Customer {
  std::int64_t id = 0;
  double total = 0;        // sum of dollar_value
  std::int64_t rows = 0;   // transaction lines (no same-day merging)
  std::int64_t first = 0;  // days since 1970-01-01
  std::int64_t last = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline std::int64_t day_of(std::int64_t yyyymmdd) {
  return days_from_civil(yyyymmdd / 10000, static_cast<unsigned>(yyyymmdd / 100 % 100),
                         static_cast<unsigned>(yyyymmdd % 100));
}

// The observation end of the master file: 1998-06-30.
inline std::int64_t end_day() { return day_of(19980630); }

struct Sale {
  std::int64_t id = 0;
  std::int64_t day = 0;  // days since 1970-01-01
  double dollars = 0;
};

// Every line of the file, in file order.
inline std::vector<Sale> load_master_sales() {
  const std::string path = std::string(CRMKIT_TEST_DATA_DIR) + "/cdnow/CDNOW_master.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string header;
  std::getline(in, header);
  std::vector<Sale> sales;
  std::int64_t id = 0, date = 0, cds = 0;
  double dollars = 0;
  while (in >> id >> date >> cds >> dollars) sales.push_back({id, day_of(date), dollars});  // >> skips the CR of CRLF
  if (!in.eof()) throw std::runtime_error("parse error in " + path);
  return sales;
}

// The same sales as columns, the shape summarize() takes (days as doubles).
struct SaleColumns {
  std::vector<std::int64_t> ids;
  std::vector<double> days, dollars;
};
inline SaleColumns load_master_columns() {
  SaleColumns columns;
  for (const Sale& sale : load_master_sales()) {
    columns.ids.push_back(sale.id);
    columns.days.push_back(static_cast<double>(sale.day));
    columns.dollars.push_back(sale.dollars);
  }
  return columns;
}

// Customers in id order.
inline std::vector<Customer> load_master() {
  std::map<std::int64_t, Customer> by_id;
  for (const Sale& sale : load_master_sales()) {
    Customer& c = by_id[sale.id];
    if (c.rows == 0) {
      c.id = sale.id;
      c.first = c.last = sale.day;
    }
    c.total += sale.dollars;
    ++c.rows;
    c.first = std::min(c.first, sale.day);
    c.last = std::max(c.last, sale.day);
  }
  std::vector<Customer> customers;
  for (const auto& entry : by_id) customers.push_back(entry.second);
  return customers;
}

// Loaded once per test executable.
inline const std::vector<Customer>& master() {
  static const std::vector<Customer> customers = load_master();
  return customers;
}

inline std::vector<double> totals() {
  std::vector<double> t;
  for (const Customer& c : master()) t.push_back(c.total);
  return t;
}

}  // namespace cdnow
