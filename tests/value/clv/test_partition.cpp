// CLV fits over partitions (value/clv/partition.hpp): the partitions' log-likelihoods add up
// to the model's own log-likelihood of the whole table (BetaGeo::log_likelihood,
// GammaGamma::log_likelihood: the single-process path), and ClvModel::fit_partitioned
// reproduces ClvModel::fit / fit_spend.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/value/clv/partition.hpp"
#include "value/test_data.hpp"

using crmkit::value::ClvModel;
using crmkit::value::ClvModelKind;
using crmkit::value::ClvPartition;
using crmkit::value::PartitionStatistics;

namespace {

// Every third customer into one of three partitions, as a hash of the id would.
std::vector<double> every_third(const Eigen::VectorXd& column, int part) {
  std::vector<double> out;
  for (Eigen::Index i = part; i < column.size(); i += 3) out.push_back(column[i]);
  return out;
}

}  // namespace

TEST_CASE("BG/NBD and Gamma-Gamma partitions add up to the whole and fit like it", "[btyd][partition]") {
  // ID,x,t_x,T,zbar: the CDNOW sample summary of Fader, Hardie & Lee (2005), weeks.
  const auto c = crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary_with_transactions.csv");
  const Eigen::VectorXd x = c["x"], tx = c["t_x"], T = c["T"], z = c["zbar"];
  const auto n = static_cast<std::size_t>(x.size());
  for (const ClvModelKind kind : {ClvModelKind::bg_nbd, ClvModelKind::gamma_gamma}) {
    const bool spend = kind == ClvModelKind::gamma_gamma;
    std::vector<ClvPartition> parts;
    PartitionStatistics total;
    total.kind = kind;
    for (int p = 0; p < 3; ++p) {
      const auto px = every_third(x, p), ptx = every_third(tx, p), pT = every_third(T, p),
                 pz = every_third(z, p);
      parts.push_back(spend ? ClvPartition::spend(px.data(), pz.data(), px.size())
                            : ClvPartition(kind, px.data(), ptx.data(), pT.data(), px.size()));
      total += parts.back().statistics();
    }
    const auto sum = [&](const Eigen::VectorXd& params, Eigen::VectorXd* grad) {
      double ll = 0;
      if (grad) grad->setZero(params.size());
      for (const auto& part : parts) {
        Eigen::VectorXd g;
        ll += part.log_likelihood(params, grad ? &g : nullptr);
        if (grad) *grad += g;
      }
      return ll;
    };
    ClvModel single(kind), spread(kind);
    const auto& f1 = spend ? single.fit_spend(x.data(), z.data(), n, {}, nullptr)
                           : single.fit(x.data(), tx.data(), T.data(), n, {}, nullptr);
    const auto& f2 = spread.fit_partitioned(total, sum, {});
    CHECK(total.customers == (spend ? 946 : 2357));
    CHECK(f2.customers == f1.customers);
    for (Eigen::Index j = 0; j < f1.params.size(); ++j) {
      CHECK(f2.params[j] == Approx(f1.params[j]).epsilon(1e-8));
    }
    // The partitions' sum at the fitted parameters against the model's own whole-table value.
    CHECK(sum(f1.params, nullptr) == Approx(f1.log_likelihood).epsilon(1e-12));
    CHECK(f2.log_likelihood == Approx(f1.log_likelihood).epsilon(1e-12));
  }
}

TEST_CASE("Partitioned fits refuse what they cannot fit", "[btyd][partition]") {
  const double x[] = {1, 0}, tx[] = {2, 0}, T[] = {5, 5};
  CHECK_THROWS_WITH(ClvPartition(ClvModelKind::pareto_nbd, x, tx, T, 2),
                    Catch::Contains("partitioned fits cover"));
  CHECK_THROWS_WITH(ClvPartition(ClvModelKind::gamma_gamma, x, tx, T, 2),
                    Catch::Contains("spend model"));
  PartitionStatistics a, b;
  b.kind = ClvModelKind::gamma_gamma;
  CHECK_THROWS_WITH(a += b, Catch::Contains("cannot be added"));
  ClvModel model(ClvModelKind::bg_nbd);
  const auto never = [](const Eigen::VectorXd&, Eigen::VectorXd*) -> double {
    throw crmkit::Error(crmkit::ErrorCode::io_error, "must not be called");
  };
  CHECK_THROWS_WITH(model.fit_partitioned(a, never, {}), Catch::Contains("no customers"));
  a.customers = 2;
  CHECK_THROWS_WITH(model.fit_partitioned(a, never, {}), Catch::Contains("not identifiable"));
  b.customers = 2;
  CHECK_THROWS_WITH(model.fit_partitioned(b, never, {}), Catch::Contains("the statistics are of gamma-gamma"));
}
