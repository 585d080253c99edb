// The bulk predictions of BG/NBD and MBG/NBD interpolate the hypergeometric part per
// frequency (src/value/clv/beta_geometric.cpp). These tests hold them to the per-customer
// formulas: 1e-10 relative on CDNOW and over the parameter sweep of clv/test_stability.cpp,
// and check that the interpolation was actually used (the count it returns).
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "value/clv/beta_geometric.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "value/test_data.hpp"

using crmkit::value::BetaGeo;
using crmkit::value::ModifiedBetaGeo;
using crmkit::value::detail::BetaGeometric;
using crmkit::value::detail::beta_geometric_conditional_expected_purchases;

namespace {

struct Rows {
  std::vector<double> x, t_x, T;
  void add(double x_, double t_x_, double T_) {
    x.push_back(x_);
    t_x.push_back(t_x_);
    T.push_back(T_);
  }
  std::size_t size() const { return x.size(); }
};

template <class Model>
BetaGeometric shape(const Model& m, bool drop_out_at_start) {
  const auto p = m.params();
  return {Model::model_name, p.r, p.alpha, p.a, p.b, drop_out_at_start};
}

// Bulk conditional expected purchases of `m` for `rows`, each `check_every`-th row compared
// with the per-customer formula. Returns the number of interpolated rows.
template <class Model>
std::size_t check_bulk(const Model& m, bool drop_out_at_start, double t, const Rows& rows,
                       std::size_t check_every) {
  const std::size_t n = rows.size();
  std::vector<double> bulk(n), alive(n);
  const std::size_t interpolated = beta_geometric_conditional_expected_purchases(
      shape(m, drop_out_at_start), t, rows.x.data(), rows.t_x.data(), rows.T.data(), n,
      bulk.data());
  m.p_alive(rows.x.data(), rows.t_x.data(), rows.T.data(), n, alive.data());
  for (std::size_t i = 0; i < n; i += check_every) {
    INFO(Model::model_name << " t " << t << " x " << rows.x[i] << " t_x " << rows.t_x[i] << " T "
                           << rows.T[i]);
    const double direct = m.conditional_expected_purchases(t, rows.x[i], rows.t_x[i], rows.T[i]);
    CHECK(bulk[i] == Approx(direct).epsilon(1e-10).margin(0));
    CHECK(alive[i] == m.p_alive(rows.x[i], rows.t_x[i], rows.T[i]));  // same formula
  }
  return interpolated;
}

}  // namespace

TEST_CASE("Bulk BG/NBD and MBG/NBD predictions equal the per-customer ones on CDNOW", "[btyd][bulk]") {
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary.csv");
  const Eigen::VectorXd x = c["frequency"], t_x = c["recency"], T = c["T"];
  Rows rows;
  for (Eigen::Index i = 0; i < x.size(); ++i) rows.add(x[i], t_x[i], T[i]);
  // Published BG/NBD estimates (Fader, Hardie & Lee 2005); MBG/NBD at the same values.
  const BetaGeo bg(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  const ModifiedBetaGeo mbg(ModifiedBetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  for (double t : {1.0, 39.0, 78.0, 520.0}) {
    // CDNOW's frequencies 0 and 1 (1,411 and 439 of 2,357 customers) are interpolated.
    CHECK(check_bulk(bg, false, t, rows, 1) >= 1850);
    CHECK(check_bulk(mbg, true, t, rows, 1) >= 1850);
  }
  // The models' public bulk methods are this path.
  std::vector<double> via_model(rows.size()), via_detail(rows.size());
  bg.conditional_expected_purchases(39, rows.x.data(), rows.t_x.data(), rows.T.data(), rows.size(),
                                    via_model.data());
  beta_geometric_conditional_expected_purchases(shape(bg, false), 39, rows.x.data(),
                                                rows.t_x.data(), rows.T.data(), rows.size(),
                                                via_detail.data());
  CHECK(via_model == via_detail);
  mbg.conditional_expected_purchases(39, rows.x.data(), rows.t_x.data(), rows.T.data(),
                                     rows.size(), via_model.data());
  beta_geometric_conditional_expected_purchases(shape(mbg, true), 39, rows.x.data(),
                                                rows.t_x.data(), rows.T.data(), rows.size(),
                                                via_detail.data());
  CHECK(via_model == via_detail);
}

TEST_CASE("Bulk BG/NBD and MBG/NBD predictions equal the per-customer ones over the sweep", "[btyd][bulk][stability]") {
  // The grid of clv/test_stability.cpp. Per call, each frequency gets a narrow band of
  // ages around one of the sweep's ages, rotated over the calls so that every (frequency,
  // age) pair is covered, with enough customers per frequency for an interpolant.
  const std::vector<double> ages{1e-6, 0.5, 39, 1000, 10000};
  const std::vector<double> freqs{0, 1, 10, 300, 10000};
  constexpr int kPerBand = 160;
  std::size_t interpolated = 0, total = 0;
  for (double r : {0.05, 0.243, 3.0}) {
    for (double alpha : {0.1, 4.4, 200.0}) {
      for (double a : {0.3, 1.0, 1.0 + 1e-12, 2.5}) {
        for (double b : {0.2, 2.4, 50.0}) {
          const BetaGeo bg(BetaGeo::Params{r, alpha, a, b});
          const ModifiedBetaGeo mbg(ModifiedBetaGeo::Params{r, alpha, a, b});
          for (std::size_t rotation = 0; rotation < ages.size(); ++rotation) {
            Rows rows;
            for (std::size_t f = 0; f < freqs.size(); ++f) {
              const double age = ages[(f + rotation) % ages.size()];
              for (int k = 0; k < kPerBand; ++k) {
                const double T = age * (1 + 0.05 * k / kPerBand);
                rows.add(freqs[f], freqs[f] == 0 ? 0.0 : T * (0.3 + 0.7 * k / kPerBand), T);
              }
            }
            for (double t : {39.0, 10000.0}) {
              interpolated += check_bulk(bg, false, t, rows, 16);
              interpolated += check_bulk(mbg, true, t, rows, 16);
              total += 2 * rows.size();
            }
          }
        }
      }
    }
  }
  // Pieces that fail their build-time check fall back to direct evaluation; nearly none do.
  CHECK(static_cast<double>(interpolated) >= 0.95 * static_cast<double>(total));
}

TEST_CASE("Bulk BG/NBD predictions validate the horizon and name a bad row", "[btyd][bulk][errors]") {
  const BetaGeo m(BetaGeo::Params{0.243, 4.414, 0.793, 2.426});
  std::vector<double> x{1, 2}, tx{1, 5}, T{2, 4}, out(2);
  CHECK_THROWS_WITH(m.conditional_expected_purchases(39, x.data(), tx.data(), T.data(), 2, out.data()),
                    Catch::Contains("row 1") && Catch::Contains("exceeds"));
  T[1] = 6;
  CHECK_THROWS_WITH(m.conditional_expected_purchases(-1, x.data(), tx.data(), T.data(), 2, out.data()),
                    Catch::Contains("BG/NBD") && Catch::Contains("t must be finite"));
  CHECK_THROWS_WITH(m.conditional_expected_purchases(39, nullptr, tx.data(), T.data(), 2, out.data()),
                    Catch::Contains("must not be null"));
  // t = 0: nothing to expect, and no interpolant (it would divide by y = 0).
  m.conditional_expected_purchases(0, x.data(), tx.data(), T.data(), 2, out.data());
  CHECK(out == std::vector<double>{0.0, 0.0});
}
