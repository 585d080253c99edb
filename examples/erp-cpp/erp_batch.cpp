// The ERP's nightly customer-value batch in C++ (README.md beside this file):
//   1. summarise the transaction log per customer (CDNOW master format: a header, then
//      customer_id, date YYYYMMDD, number_of_cds, dollar_value), as of its last day;
//   2. fit BG/NBD (purchases) and Gamma-Gamma (spend per purchase);
//   3. predict per customer P(alive), purchases and spend over the next year, and the
//      discounted CLV; tier customers by CLV (the customer pyramid, value-share cuts);
//   4. write OUT_DIR/customers.csv for the ERP, and for the tills OUT_DIR/bg_nbd.model,
//      OUT_DIR/gamma_gamma.model and OUT_DIR/till.txt (the CLV settings and the lowest CLV
//      of each tier), which examples/pos-c loads.
// Usage: erp_batch CDNOW_master.txt OUT_DIR
#include <array>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include <crmkit/crmkit.hpp>

namespace value = crmkit::value;

namespace {

// The CLV the ERP and the tills agree on: one year of weekly data, 1% a month.
constexpr double kHorizonWeeks = 52.0;
constexpr double kWeeksPerMonth = 4.345;
constexpr double kMonthlyDiscount = 0.01;

void write_or_throw(std::ofstream& out, const std::string& path) {
  out.close();
  if (!out) throw crmkit::Error(crmkit::ErrorCode::io_error, path + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: erp_batch CDNOW_master.txt OUT_DIR\n";
    return 2;
  }
  const std::string log_path = argv[1], out_dir = argv[2];
  try {
    // 1. Summary: weeks, one transaction per customer and day, as of the log's last sale.
    crmkit::io::CsvOptions csv;
    csv.delimiter = crmkit::io::CsvOptions::kWhitespace;
    value::SummaryOptions options;
    options.unit = value::TimeUnit::week;
    options.merge_same_day = true;
    const auto s = crmkit::io::summarize_transaction_log(
        log_path, csv, {"customer_id", "date", "dollar_value", "%Y%m%d"}, options);
    const auto& rows = s.table.customers;
    const std::size_t n = rows.size();
    // spend_x: the repeat purchases that tell the spend model something; a customer whose
    // repeat purchases were all free (zbar = 0; there are some in CDNOW) counts as one
    // without, and gets the population's mean spend.
    std::vector<double> x(n), t_x(n), T(n), zbar(n), spend_x(n);
    double spend = 0;
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = rows[i].frequency;
      t_x[i] = rows[i].recency;
      T[i] = rows[i].T;
      zbar[i] = rows[i].monetary_value;
      spend_x[i] = zbar[i] > 0 ? x[i] : 0.0;
      spend += rows[i].total_value;
    }
    std::cout << "customers: " << n << "\nas of: " << crmkit::io::format_time(s.table.end)
              << "\nspend: " << std::fixed << std::setprecision(2) << spend << "\n"
              << std::defaultfloat << std::setprecision(10);

    // 2. Models.
    value::ClvModel purchases(value::ClvModelKind::bg_nbd), spending(value::ClvModelKind::gamma_gamma);
    purchases.fit(x.data(), t_x.data(), T.data(), n, {}, nullptr);
    spending.fit_spend(spend_x.data(), zbar.data(), n, {}, nullptr);
    for (const value::ClvModel* m : {&purchases, &spending}) {
      const auto p = m->parameter_vector();
      std::cout << crmkit::name_of(m->kind()) << ":";
      for (std::size_t k = 0; k < m->parameter_names().size(); ++k) {
        std::cout << " " << m->parameter_names()[k] << " = " << p[static_cast<Eigen::Index>(k)];
      }
      std::cout << "\n";
    }

    // 3. Predictions, CLV and tiers.
    std::vector<double> alive(n), expected(n), per_purchase(n), clv(n);
    value::ClvOptions horizon;
    horizon.horizon = kHorizonWeeks;
    horizon.period = kWeeksPerMonth;
    horizon.discount_rate = kMonthlyDiscount;
    purchases.p_alive(x.data(), t_x.data(), T.data(), n, alive.data());
    purchases.conditional_expected_purchases(kHorizonWeeks, x.data(), t_x.data(), T.data(), n,
                                             expected.data());
    spending.expected_spend(spend_x.data(), zbar.data(), n, per_purchase.data());
    purchases.lifetime_value(x.data(), t_x.data(), T.data(), per_purchase.data(), n, horizon,
                             clv.data());
    const value::TierAssignment tiers = value::assign_tiers(clv);

    // 4. Files: the ERP's table, the models and the tills' settings.
    const std::string table_path = out_dir + "/customers.csv";
    std::ofstream table(table_path);
    table << "customer_id,frequency,recency,T,p_alive,expected_purchases_52w,expected_spend,clv,tier\n"
          << std::setprecision(17);
    for (std::size_t i = 0; i < n; ++i) {
      table << s.keys[static_cast<std::size_t>(rows[i].customer)] << ',' << x[i] << ',' << t_x[i]
            << ',' << T[i] << ',' << alive[i] << ',' << expected[i] << ',' << per_purchase[i]
            << ',' << clv[i] << ',' << crmkit::name_of(tiers.tier[i]) << '\n';
    }
    write_or_throw(table, table_path);
    purchases.save(out_dir + "/bg_nbd.model");
    spending.save(out_dir + "/gamma_gamma.model");
    const std::string till_path = out_dir + "/till.txt";
    std::ofstream till(till_path);
    till << std::setprecision(17) << "horizon " << kHorizonWeeks << "\nperiod " << kWeeksPerMonth
         << "\ndiscount_rate " << kMonthlyDiscount << "\n";
    std::cout << "tier        customers  CLV share  lowest CLV\n";
    for (const value::TierRow& row : tiers.table.rows) {
      // A tier starts at its lowest member's CLV (tiers are monotone in value); an empty
      // tier is not written, so a till never places anyone in it.
      if (row.customers > 0 && row.tier != value::Tier::inferior) {
        till << crmkit::name_of(row.tier) << " " << row.min_value << "\n";
      }
      std::cout << std::left << std::setw(10) << crmkit::name_of(row.tier) << std::right
                << std::setw(11) << row.customers << std::setw(11) << std::fixed
                << std::setprecision(3) << row.value_share << std::setw(12) << std::setprecision(2)
                << row.min_value << std::defaultfloat << "\n";
    }
    write_or_throw(till, till_path);
    std::cout << "wrote " << table_path << ", " << out_dir << "/bg_nbd.model, " << out_dir
              << "/gamma_gamma.model, " << till_path << "\n";
  } catch (const crmkit::Error& e) {
    std::cerr << "erp_batch: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
