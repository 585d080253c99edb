// An ERP-style nightly job in C++: summarise the transaction log per customer, list the
// most frequent buyers, and fit BG/NBD to say how many purchases each is expected to make.
// Build: find_package(crmkit) + target_link_libraries(app PRIVATE crmkit::core)
#include <algorithm>
#include <iostream>
#include <vector>

#include <crmkit/crmkit.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: crmkit_app CDNOW_sample.txt\n";
    return 2;
  }
  try {
    crmkit::io::CsvOptions csv;
    csv.delimiter = crmkit::io::CsvOptions::kWhitespace;
    csv.has_header = false;
    crmkit::value::SummaryOptions options;
    options.merge_same_day = true;
    options.end = crmkit::io::parse_time("1997-09-30");
    options.holdout_end = crmkit::io::parse_time("1998-06-30");
    auto s = crmkit::io::summarize_transaction_log(argv[1], csv, {"2", "3", "5", "%Y%m%d"}, options);
    auto& rows = s.table.customers;
    std::cout << "customers: " << rows.size() << "\n";
    std::vector<double> x, t_x, T;
    for (const auto& c : rows) {
      x.push_back(c.frequency);
      t_x.push_back(c.recency);
      T.push_back(c.T);
    }
    crmkit::value::BetaGeo model;
    model.fit(x.data(), t_x.data(), T.data(), rows.size());
    const auto p = model.params();
    std::cout << "BG/NBD: r = " << p.r << ", alpha = " << p.alpha << ", a = " << p.a
              << ", b = " << p.b << "\n";
    std::partial_sort(rows.begin(), rows.begin() + 3, rows.end(),
                      [](const auto& a, const auto& b) { return a.frequency > b.frequency; });
    for (int i = 0; i < 3; ++i) {
      const auto& c = rows[i];
      std::cout << "customer " << s.keys[static_cast<std::size_t>(c.customer)] << ": x = "
                << c.frequency << ", t_x = " << c.recency << " weeks, T = " << c.T
                << " weeks, expects "
                << model.conditional_expected_purchases(39, c.frequency, c.recency, c.T)
                << " purchases in the next 39 weeks\n";
    }
  } catch (const crmkit::Error& e) {
    std::cerr << "crmkit_app: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
