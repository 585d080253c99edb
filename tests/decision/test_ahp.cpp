// AHP: priorities, consistency, the most inconsistent judgments, incomplete matrices and
// hierarchies. References: Saaty's drinks example (Saaty 2008, "Decision making with the
// analytic hierarchy process", Int. J. Services Sciences 1(1), 83-98) with the values AHPy
// (github:PhilipGriffith/AHPy at d818996, run with Debian's numpy/scipy, precision=12)
// computes for it; hand cases; and the eigensolver against independent power iteration.
#include <cmath>
#include <string>
#include <vector>

#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>

#include "crmkit/decision/ahp.hpp"
#include "detail/random.hpp"
#include "error_of.hpp"

using namespace crmkit::decision;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {

// Saaty's drinks matrix: coffee, wine, tea, beer, soda, milk, water.
const std::vector<double> kDrinks = {
    1,     9, 5,     2,     1,     1,     0.5,    //
    1 / 9., 1, 1 / 3., 1 / 9., 1 / 9., 1 / 9., 1 / 9.,  //
    1 / 5., 3, 1,     1 / 3., 1 / 4., 1 / 3., 1 / 9.,  //
    1 / 2., 9, 3,     1,     1 / 2., 1,     1 / 3.,  //
    1,     9, 4,     2,     1,     2,     1 / 2.,  //
    1,     9, 3,     1,     1 / 2., 1,     1 / 3.,  //
    2,     9, 9,     3,     2,     3,     1};

// The consistent matrix of weights w: a_ij = w_i / w_j.
std::vector<double> consistent(const std::vector<double>& w) {
  std::vector<double> a;
  for (double wi : w)
    for (double wj : w) a.push_back(wi / wj);
  return a;
}

// The Perron eigenvalue (and eigenvector, summing to 1) by Eigen's general eigensolver:
// independent of the library's power iteration.
double perron(const std::vector<double>& a, std::size_t n, std::vector<double>* vector = nullptr) {
  const Eigen::MatrixXd m = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic,
                                                          Eigen::RowMajor>>(a.data(), n, n);
  const Eigen::EigenSolver<Eigen::MatrixXd> solver(m);
  Eigen::Index k = 0;
  solver.eigenvalues().real().maxCoeff(&k);
  if (vector) {
    const Eigen::VectorXd v = solver.eigenvectors().col(k).real();
    vector->resize(n);
    for (std::size_t i = 0; i < n; ++i) (*vector)[i] = v[static_cast<Eigen::Index>(i)] / v.sum();
  }
  return solver.eigenvalues()[k].real();
}

}  // namespace

TEST_CASE("a consistent matrix has CR 0 and gives back its weights", "[ahp]") {
  const std::vector<double> w = {0.5, 0.3, 0.2};
  for (PriorityMethod m : {PriorityMethod::eigen, PriorityMethod::geometric}) {
    AhpOptions o;
    o.method = m;
    const AhpResult r = ahp(consistent(w).data(), 3, o);
    for (std::size_t i = 0; i < 3; ++i) CHECK(r.priorities[i] == Approx(w[i]).margin(1e-14));
    CHECK(r.lambda_max == Approx(3).margin(1e-12));
    CHECK(r.cr == Approx(0).margin(1e-12));
    CHECK(r.random_index == 0.58);
    CHECK(r.random_index_table == "saaty");
    CHECK(r.inconsistent.empty());
  }
}

TEST_CASE("Saaty's drinks example against AHPy", "[ahp]") {
  AhpOptions o;
  o.random_index = random_index_table("saaty-2005");
  const AhpResult r = ahp(kDrinks.data(), 7, o);
  // AHPy local weights (precision 12); Saaty (2008) prints .177 .019 .042 .116 .190 .129 .327.
  const std::vector<double> ahpy = {0.177456747446, 0.019149476024, 0.041831181662, 0.116417031735,
                                    0.189572375326, 0.128780548539, 0.326792639268};
  for (std::size_t i = 0; i < 7; ++i) CHECK(r.priorities[i] == Approx(ahpy[i]).margin(1e-11));
  CHECK(r.cr == Approx(0.021806054238).margin(1e-11));  // AHPy, random_index='saaty'
  o.random_index = random_index_table("donegan-dodd");
  CHECK(ahp(kDrinks.data(), 7, o).cr == Approx(0.023514796087).margin(1e-11));  // AHPy 'dd'
  // Saaty 1980 table: CI / 1.32.
  const AhpResult classic = ahp(kDrinks.data(), 7);
  CHECK(classic.cr == Approx(classic.ci / 1.32).epsilon(1e-15));
  CHECK(classic.ci == Approx(0.021806054238 * 1.35).margin(1e-11));
}

TEST_CASE("geometric-mean priorities by hand", "[ahp]") {
  // Row products 8, 1.5, 1/12; cube roots normalised (reference/weights_reference.py).
  const std::vector<double> a = {1, 2, 4, 0.5, 1, 3, 0.25, 1 / 3., 1};
  AhpOptions o;
  o.method = PriorityMethod::geometric;
  const AhpResult r = ahp(a.data(), 3, o);
  CHECK(r.priorities[0] == Approx(0.5584245430947973).margin(1e-15));
  CHECK(r.priorities[1] == Approx(0.31961826393597564).margin(1e-15));
  CHECK(r.priorities[2] == Approx(0.1219571929692271).margin(1e-15));
  CHECK(r.lambda_max == Approx(3.0182947072896305).margin(1e-13));
  CHECK(r.ci == Approx((3.0182947072896305 - 3) / 2).margin(1e-13));
  // For a 3 x 3 matrix the geometric and eigenvector priorities coincide.
  const AhpResult e = ahp(a.data(), 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(e.priorities[i] == Approx(r.priorities[i]).margin(1e-13));
  CHECK(e.lambda_max == Approx(3.01829470728963).margin(1e-12));
}

TEST_CASE("power iteration agrees with the eigensolver on random reciprocal matrices", "[ahp]") {
  crmkit::detail::SplitMix64 rng(20261203);
  for (std::size_t n = 3; n <= 15; ++n) {
    std::vector<double> a(n * n, 1);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const double x = 1 + std::floor(rng.uniform() * 9);  // 1..9
        a[i * n + j] = rng.uniform() < 0.5 ? x : 1 / x;
        a[j * n + i] = 1 / a[i * n + j];
      }
    const AhpResult r = ahp(a.data(), n);
    std::vector<double> v;
    const double lambda = perron(a, n, &v);
    CHECK(r.lambda_max == Approx(lambda).epsilon(1e-12));
    for (std::size_t i = 0; i < n; ++i) CHECK(r.priorities[i] == Approx(v[i]).margin(1e-12));
    CHECK(r.cr > 0);
  }
}

TEST_CASE("the most inconsistent judgment is found and fixing it lowers CR", "[ahp]") {
  // Consistent 4 x 4 from w = (0.4, 0.3, 0.2, 0.1), then a_02 = 2 -> 9 (and a_20 = 1/9).
  std::vector<double> a = consistent({0.4, 0.3, 0.2, 0.1});
  a[0 * 4 + 2] = 9;
  a[2 * 4 + 0] = 1 / 9.;
  const AhpResult r = ahp(a.data(), 4);
  REQUIRE(r.inconsistent.size() == 3);
  const Judgment& worst = r.inconsistent[0];
  CHECK(worst.row == 0);
  CHECK(worst.column == 2);
  CHECK(worst.value == 9);
  CHECK(worst.error == Approx(9 / worst.consistent_value));
  CHECK(worst.cr_if_changed < r.cr);
  CHECK(std::abs(std::log(r.inconsistent[1].error)) <= std::abs(std::log(worst.error)));
  // The value agreeing with the priorities lies between the other judgments' 2 and the 9.
  CHECK(worst.consistent_value > 2);
  CHECK(worst.consistent_value < 9);
  CHECK(worst.scale_value == std::round(worst.consistent_value));
}

TEST_CASE("incomplete matrices: both completions recover a consistent matrix", "[ahp]") {
  const std::vector<double> w = {0.35, 0.25, 0.2, 0.12, 0.08};
  std::vector<double> a = consistent(w);
  // Remove three judgments (both triangles) and one lower-triangle entry only (its upper
  // entry stays, so that pair is known).
  for (auto [i, j] : {std::pair<int, int>{0, 4}, {1, 3}, {2, 4}}) a[i * 5 + j] = a[j * 5 + i] = NAN;
  a[3 * 5 + 0] = NAN;
  for (Completion c : {Completion::lambda_optimal, Completion::harker}) {
    AhpOptions o;
    o.completion = c;
    const AhpResult r = ahp(a.data(), 5, o);
    CHECK(r.missing == 3);
    for (std::size_t i = 0; i < 5; ++i) CHECK(r.priorities[i] == Approx(w[i]).margin(1e-9));
    CHECK(r.cr == Approx(0).margin(1e-9));
    CHECK(r.matrix[0 * 5 + 4] == Approx(w[0] / w[4]).epsilon(1e-8));
  }
}

TEST_CASE("incomplete drinks matrix: the lambda-optimal completion minimises lambda_max", "[ahp]") {
  std::vector<double> a = kDrinks;
  // Missing: coffee-wine (0,1), tea-water (2,6), soda-milk (4,5).
  for (auto [i, j] : {std::pair<int, int>{0, 1}, {2, 6}, {4, 5}}) a[i * 7 + j] = a[j * 7 + i] = NAN;
  const AhpResult best = ahp(a.data(), 7);
  AhpOptions h;
  h.completion = Completion::harker;
  const AhpResult harker = ahp(a.data(), 7, h);
  CHECK(best.lambda_max <= harker.lambda_max + 1e-12);
  // AHPy's completion of the same matrix (its cyclic coordinates stop at tolerance 1e-4):
  // coffee-wine 9.864906440140247, tea-water 0.14059305407245345, soda-milk 1.319308870819466,
  // lambda_max 7.152410200430724.
  CHECK(best.matrix[0 * 7 + 1] == Approx(9.864906440140247).epsilon(1e-4));
  CHECK(best.matrix[2 * 7 + 6] == Approx(0.14059305407245345).epsilon(1e-4));
  CHECK(best.matrix[4 * 7 + 5] == Approx(1.319308870819466).epsilon(1e-4));
  CHECK(best.lambda_max <= 7.152410200430724 + 1e-12);
  CHECK(best.lambda_max == Approx(7.152410200430724).epsilon(1e-9));
  // Moving any completed entry by 1% either way raises lambda_max.
  for (auto [i, j] : {std::pair<int, int>{0, 1}, {2, 6}, {4, 5}})
    for (double f : {0.99, 1.01}) {
      std::vector<double> m = best.matrix;
      m[i * 7 + j] *= f;
      m[j * 7 + i] /= f;
      CHECK(perron(m, 7) > best.lambda_max);
    }
  // Harker's priorities are the eigenvector of its completed matrix.
  std::vector<double> v;
  perron(harker.matrix, 7, &v);
  for (std::size_t i = 0; i < 7; ++i) CHECK(harker.priorities[i] == Approx(v[i]).margin(1e-12));
}

TEST_CASE("bad pairwise matrices are refused naming the cell", "[ahp]") {
  const std::vector<std::string> names = {"price", "quality", "speed"};
  std::vector<double> a = {1, 3, 5, 1 / 3., 1, 2, 1 / 5., 1 / 2., 1};
  auto bad = [&](std::size_t k, double v) {
    std::vector<double> m = a;
    m[k] = v;
    return error_of([&] { ahp(m.data(), 3, {}, names); });
  };
  CHECK_THAT(bad(1, -3), Contains("'price' vs 'quality' is -3"));
  CHECK_THAT(bad(1, 2), Contains("'price' vs 'quality' = 2 and 'quality' vs 'price' = 0.333333 are not reciprocal"));
  CHECK_THAT(bad(2, 12), Contains("outside Saaty's scale"));
  CHECK_THAT(bad(4, 2), Contains("diagonal 'quality' vs 'quality' is 2"));
  CHECK_THAT(bad(5, INFINITY), Contains("'quality' vs 'speed' is inf"));
  // 0.333 for 1/3 is accepted.
  std::vector<double> rounded = a;
  rounded[3] = 0.333;
  CHECK_NOTHROW(ahp(rounded.data(), 3));
  // Outside the scale with the option.
  std::vector<double> wide = a;
  wide[2] = 12;
  wide[6] = 1 / 12.;
  AhpOptions o;
  o.allow_outside_scale = true;
  CHECK(ahp(wide.data(), 3, o).priorities[0] > 0.6);
  // Elements no judgment connects.
  std::vector<double> split = {1, 2, NAN, NAN, 0.5, 1, NAN, NAN, NAN, NAN, 1, 3, NAN, NAN, 1 / 3., 1};
  CHECK_THAT(error_of([&] { ahp(split.data(), 4); }),
             Contains("no chain of judgments connects element 0 with element 2"));
  // A size beyond the table.
  std::vector<double> big(16 * 16, 1);
  CHECK_THAT(error_of([&] { ahp(big.data(), 16); }), Contains("covers up to 15 elements"));
  o = {};
  o.random_index = random_index_table("donegan-dodd");
  CHECK(ahp(big.data(), 16, o).cr == Approx(0).margin(1e-12));
  CHECK_THAT(error_of([] { random_index_table("bogus"); }), Contains("saaty, saaty-2005, donegan-dodd"));
  CHECK_THAT(error_of([&] { ahp(a.data(), 3, {}, {"x"}); }), Contains("1 names for 3 elements"));
}

TEST_CASE("hierarchies: global weights and alternatives' scores by hand", "[ahp]") {
  // Goal -> A (0.6) -> {A1 0.5, A2 0.5}; B (0.4). Leaves A1, A2, B with global weights 0.3,
  // 0.3, 0.4. Alternatives x, y: A1 (0.7, 0.3), A2 (0.2, 0.8), B (0.5, 0.5):
  // x = 0.3*0.7 + 0.3*0.2 + 0.4*0.5 = 0.47, y = 0.53.
  const std::vector<HierarchyNode> nodes = {
      {"A", kGoal, 0.6}, {"B", kGoal, 0.4}, {"A1", 0, 0.5}, {"A2", 0, 0.5}};
  const std::vector<double> leaf = {0.5, 0.5, 0.7, 0.3, 0.2, 0.8};  // leaves in node order: B, A1, A2
  const HierarchyResult r = synthesize_hierarchy(nodes, leaf.data(), 2);
  CHECK(r.leaves == std::vector<std::size_t>{1, 2, 3});
  CHECK(r.global_weights[2] == Approx(0.3));
  CHECK(r.scores[0] == Approx(0.2 + 0.21 + 0.06));
  CHECK(r.scores[1] == Approx(0.53));
  std::vector<HierarchyNode> off = nodes;
  off[3].local_weight = 0.4;
  CHECK_THAT(error_of([&] { synthesize_hierarchy(off); }), Contains("under 'A' sum to 0.9, off 1 by -0.1"));
  off = nodes;
  off[0].parent = 2;
  CHECK_THAT(error_of([&] { synthesize_hierarchy(off); }), Contains("does not come before it"));
  std::vector<double> bad_leaf = leaf;
  bad_leaf[0] = 0.6;
  CHECK_THAT(error_of([&] { synthesize_hierarchy(nodes, bad_leaf.data(), 2); }), Contains("under 'B' sum to 1.1"));
}
