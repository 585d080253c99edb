// An ERP-style nightly job in C++: summarise the day's transaction log per customer and
// list the most frequent buyers.
// Build: find_package(crmkit) + target_link_libraries(app PRIVATE crmkit::core)
#include <algorithm>
#include <iostream>

#include <crmkit/error.hpp>
#include <crmkit/io/time.hpp>
#include <crmkit/io/transaction_log.hpp>

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
    std::partial_sort(rows.begin(), rows.begin() + 3, rows.end(),
                      [](const auto& a, const auto& b) { return a.frequency > b.frequency; });
    for (int i = 0; i < 3; ++i)
      std::cout << "customer " << s.keys[static_cast<std::size_t>(rows[i].customer)] << ": x = "
                << rows[i].frequency << ", t_x = " << rows[i].recency << " weeks, T = " << rows[i].T
                << " weeks\n";
  } catch (const crmkit::Error& e) {
    std::cerr << "crmkit_app: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
