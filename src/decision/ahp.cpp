#include "crmkit/decision/ahp.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include "crmkit/error.hpp"
#include "detail/format.hpp"
#include "detail/optimize.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Saaty's scale: 1/9 ... 1/2, 1, 2 ... 9.
double nearest_scale_value(double x) {
  double best = 1, distance = INFINITY;
  for (int v = 1; v <= 9; ++v)
    for (double candidate : {double(v), 1.0 / v}) {
      const double d = std::abs(std::log(candidate / x));
      if (d < distance) distance = d, best = candidate;
    }
  return best;
}

// The Perron eigenpair by Eigen's general eigensolver: the eigenvalue with the largest real
// part and its eigenvector normalised to sum 1.
double eigensolver_priorities(const Matrix& a, std::vector<double>& w) {
  const Eigen::EigenSolver<Matrix> solver(a, true);
  if (solver.info() != Eigen::Success)
    throw Error(ErrorCode::not_converged, "AHP: the eigensolver did not converge");
  Eigen::Index k = 0;
  solver.eigenvalues().real().maxCoeff(&k);
  const Eigen::VectorXd v = solver.eigenvectors().col(k).real();
  const double sum = v.sum();
  w.resize(static_cast<std::size_t>(a.rows()));
  for (Eigen::Index i = 0; i < v.size(); ++i) w[static_cast<std::size_t>(i)] = v[i] / sum;
  return solver.eigenvalues()[k].real();
}

// The Perron eigenpair of a primitive non-negative matrix (positive, or Harker's with a
// positive diagonal) by power iteration from the row sums, which are close to the
// eigenvector of a near-consistent matrix: a few dozen matrix-vector products instead of a
// full eigendecomposition (a 15 x 15 matrix in microseconds). Perron-Frobenius makes the
// eigenvalue simple and dominant, so the iteration converges; when it is slow (|lambda_2|
// close to lambda_max) the eigensolver takes over.
double eigen_priorities(const Matrix& a, std::vector<double>& w) {
  const Eigen::Index n = a.rows();
  Eigen::VectorXd v(n), next(n);
  v = a.rowwise().sum();  // proportional to the eigenvector when A is consistent
  v /= v.sum();
  for (int iteration = 0; iteration < 1000; ++iteration) {
    next.noalias() = a * v;
    const double lambda = next.sum();  // v sums to 1
    next /= lambda;
    const double change = (next - v).cwiseAbs().maxCoeff();
    v.swap(next);
    if (change <= 1e-15) {
      w.assign(v.data(), v.data() + n);
      return lambda;
    }
  }
  return eigensolver_priorities(a, w);
}

// Normalised geometric means of the rows.
std::vector<double> geometric_priorities(const Matrix& a) {
  std::vector<double> w(static_cast<std::size_t>(a.rows()));
  double sum = 0;
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    double log_sum = 0;
    for (Eigen::Index j = 0; j < a.cols(); ++j) log_sum += std::log(a(i, j));
    w[static_cast<std::size_t>(i)] = std::exp(log_sum / static_cast<double>(a.cols()));
    sum += w[static_cast<std::size_t>(i)];
  }
  for (double& x : w) x /= sum;
  return w;
}

// Mean of (A w)_i / w_i.
double mean_ratio(const Matrix& a, const std::vector<double>& w) {
  double sum = 0;
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    double row = 0;
    for (Eigen::Index j = 0; j < a.cols(); ++j) row += a(i, j) * w[static_cast<std::size_t>(j)];
    sum += row / w[static_cast<std::size_t>(i)];
  }
  return sum / static_cast<double>(a.rows());
}

// Priorities and lambda_max of a complete matrix by the chosen method.
double priorities_of(const Matrix& a, PriorityMethod method, std::vector<double>& w) {
  if (method == PriorityMethod::eigen) return eigen_priorities(a, w);
  w = geometric_priorities(a);
  return mean_ratio(a, w);
}

struct Consistency {
  double lambda_max, ci, cr;
};

// CI and CR of an n x n matrix with principal eigenvalue (or mean ratio) lambda. Rounding can
// put a consistent matrix's computed lambda a hair below n, which the exact value never is.
Consistency consistency(double lambda, std::size_t n, double random_index) {
  const double dn = static_cast<double>(n);
  lambda = std::max(lambda, dn);
  if (n <= 2) return {lambda, 0, 0};
  const double ci = (lambda - dn) / (dn - 1);
  return {lambda, ci, ci / random_index};
}

// The matrix with the given judgments checked and made reciprocal; missing pairs stay NaN.
class Judgments {
 public:
  Judgments(const double* values, std::size_t n, const AhpOptions& o,
            const std::vector<std::string>& names)
      : n_(n), names_(names), a_(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n)) {
    require(names.empty() || names.size() == n,
            "AHP: " + std::to_string(names.size()) + " names for " + std::to_string(n) + " elements");
    const double low = (1.0 / 9) * (1 - o.reciprocal_tolerance);
    const double high = 9 * (1 + o.reciprocal_tolerance);
    auto check = [&](std::size_t i, std::size_t j) {
      const double x = values[i * n + j];
      if (std::isnan(x)) return;
      require_lazy(std::isfinite(x) && x > 0, [&] {
        return "AHP: judgment " + cell(i, j) + " is " + crmkit::detail::format_number(x, 6) + "; judgments are positive numbers";
      });
      require_lazy(o.allow_outside_scale || (x >= low && x <= high), [&] {
        return "AHP: judgment " + cell(i, j) + " is " + crmkit::detail::format_number(x, 6) +
               ", outside Saaty's scale 1/9..9 (allow_outside_scale accepts it)";
      });
    };
    for (std::size_t i = 0; i < n; ++i) {
      const double d = values[i * n + i];
      require_lazy(std::isnan(d) || std::abs(d - 1) <= o.reciprocal_tolerance, [&] {
        return "AHP: diagonal " + cell(i, i) + " is " + crmkit::detail::format_number(d, 6) + "; an element compared "
               "with itself is 1";
      });
      a_(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) = 1;
      for (std::size_t j = i + 1; j < n; ++j) {
        check(i, j);
        check(j, i);
        const double upper = values[i * n + j], lower = values[j * n + i];
        double x = upper;
        if (std::isnan(upper)) x = 1 / lower;
        else if (!std::isnan(lower))
          require_lazy(std::abs(upper * lower - 1) <= o.reciprocal_tolerance, [&] {
            return "AHP: judgments " + cell(i, j) + " = " + crmkit::detail::format_number(upper, 6) + " and " + cell(j, i) +
                   " = " + crmkit::detail::format_number(lower, 6) + " are not reciprocal (their product should be 1)";
          });
        if (std::isnan(x)) ++missing_;
        set(i, j, x);
      }
    }
  }

  std::string cell(std::size_t i, std::size_t j) const {
    if (!names_.empty()) return "'" + names_[i] + "' vs '" + names_[j] + "'";
    return "row " + std::to_string(i) + ", column " + std::to_string(j);
  }
  void set(std::size_t i, std::size_t j, double x) {
    a_(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = x;
    a_(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = 1 / x;
  }
  bool known(std::size_t i, std::size_t j) const {
    return !std::isnan(a_(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
  }
  double at(std::size_t i, std::size_t j) const {
    return a_(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
  }
  std::size_t missing() const { return missing_; }
  Matrix& matrix() { return a_; }

  // Every element reachable from element 0 through known judgments.
  void require_connected() const {
    std::vector<std::size_t> group(n_);
    std::iota(group.begin(), group.end(), 0);
    auto root = [&](std::size_t k) {
      while (group[k] != k) k = group[k] = group[group[k]];
      return k;
    };
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = i + 1; j < n_; ++j)
        if (known(i, j)) group[root(i)] = root(j);
    for (std::size_t k = 1; k < n_; ++k)
      require_lazy(root(k) == root(0), [&] {
        const std::string a = names_.empty() ? "element 0" : "'" + names_[0] + "'";
        const std::string b = names_.empty() ? "element " + std::to_string(k) : "'" + names_[k] + "'";
        return "AHP: no chain of judgments connects " + a + " with " + b +
               "; add a judgment between the two groups";
      });
  }

 private:
  std::size_t n_;
  const std::vector<std::string>& names_;
  Matrix a_;
  std::size_t missing_ = 0;
};

// Harker: missing entries 0, diagonal 1 + missing in the row; fills the missing entries of
// `j` with w_i / w_j of that matrix's principal eigenvector.
void complete_harker(Judgments& j, std::size_t n) {
  Matrix b = j.matrix();
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t missing = 0;
    for (std::size_t c = 0; c < n; ++c)
      if (!j.known(r, c)) b(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = 0, ++missing;
    b(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(r)) = 1 + static_cast<double>(missing);
  }
  std::vector<double> w;
  eigen_priorities(b, w);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = r + 1; c < n; ++c)
      if (!j.known(r, c)) j.set(r, c, w[r] / w[c]);
}

// Bozoki, Fulop & Ronyai: cyclic coordinates on the logarithms of the missing entries, each
// a one-dimensional convex minimisation of lambda_max.
int complete_lambda_optimal(Judgments& j, std::size_t n, const AhpOptions& o) {
  std::vector<std::pair<std::size_t, std::size_t>> free;
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = r + 1; c < n; ++c)
      if (!j.known(r, c)) free.emplace_back(r, c);
  for (auto [r, c] : free) j.set(r, c, 1);
  Matrix& a = j.matrix();
  // No optimal entry lies beyond the longest chain of judgments' product: 1e6 covers 9^6.
  const double bound = std::log(1e6);
  std::vector<double> right, left;
  for (int cycle = 1; cycle <= o.max_iterations; ++cycle) {
    double largest_move = 0;
    for (const auto& cell : free) {
      // Named copies, not structured bindings: C++17 does not let a lambda capture those.
      const std::size_t r = cell.first, c = cell.second;
      const double before = std::log(a(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)));
      // d lambda_max / dt for a_rc = e^t, a_cr = e^-t is proportional to
      // v_r w_c a_rc - v_c w_r a_cr (w, v the right and left Perron vectors): increasing in t,
      // since lambda_max is convex in t; its root is the coordinate's minimum.
      const double t = detail::solve_nondecreasing(
          [&](double x) {
            j.set(r, c, std::exp(x));
            eigen_priorities(a, right);
            eigen_priorities(a.transpose(), left);
            return left[r] * right[c] * std::exp(x) - left[c] * right[r] * std::exp(-x);
          },
          -bound, bound, 1e-14);
      j.set(r, c, std::exp(t));
      largest_move = std::max(largest_move, std::abs(t - before));
    }
    if (largest_move <= o.tolerance) return cycle;
  }
  throw Error(ErrorCode::not_converged,
              "AHP: the lambda-optimal completion of " + std::to_string(free.size()) +
                  " missing judgments did not settle in " + std::to_string(o.max_iterations) +
                  " cycles");
}

}  // namespace

const NameTable& names(PriorityMethod) {
  static constexpr const char* kNames[] = {"eigen", "geometric"};
  static constexpr NameTable table("AHP priority method", kNames);
  return table;
}

const NameTable& names(Completion) {
  static constexpr const char* kNames[] = {"lambda-optimal", "harker"};
  static constexpr NameTable table("AHP completion method", kNames);
  return table;
}

const RandomIndexTable& random_index_table(std::string_view name) {
  static const std::vector<RandomIndexTable> kTables = {
      {"saaty", {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59}},
      {"saaty-2005",
       {0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59}},
      {"donegan-dodd",
       {0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
        1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371}},
  };
  for (const RandomIndexTable& t : kTables)
    if (t.name == name) return t;
  throw Error(ErrorCode::invalid_argument,
              "unknown random-index table '" + std::string(name) +
                  "' (expected one of: saaty, saaty-2005, donegan-dodd)");
}

std::vector<std::string> random_index_table_names() {
  return {"saaty", "saaty-2005", "donegan-dodd"};
}

AhpResult ahp(const double* matrix, std::size_t n, const AhpOptions& o,
              const std::vector<std::string>& names) {
  require(n >= 1, "AHP: the matrix has no elements");
  require(matrix != nullptr, "AHP: null matrix");
  require(o.reciprocal_tolerance >= 0 && o.reciprocal_tolerance < 1,
          "AHP: reciprocal_tolerance must lie in [0, 1)");
  require(n <= o.random_index.values.size(),
          "AHP: random-index table '" + o.random_index.name + "' covers up to " +
              std::to_string(o.random_index.values.size()) + " elements; the matrix has " +
              std::to_string(n) + " (choose another table, e.g. donegan-dodd up to 20)");
  require(n <= 2 || (std::isfinite(o.random_index.values[n - 1]) && o.random_index.values[n - 1] > 0),
          "AHP: random-index table '" + o.random_index.name + "' has no positive value for " +
              std::to_string(n) + " elements");
  require(o.tolerance > 0 && o.max_iterations > 0, "AHP: tolerance and max_iterations must be positive");

  Judgments j(matrix, n, o, names);
  AhpResult result;
  result.method = o.method;
  result.missing = j.missing();
  result.random_index_table = o.random_index.name;
  result.random_index = n <= 2 ? 0 : o.random_index.values[n - 1];
  if (j.missing() > 0) {
    j.require_connected();
    if (o.completion == Completion::harker) complete_harker(j, n);
    else result.completion_iterations = complete_lambda_optimal(j, n, o);
  }
  const Matrix& a = j.matrix();
  const Consistency c = consistency(priorities_of(a, o.method, result.priorities), n, result.random_index);
  result.lambda_max = c.lambda_max;
  result.ci = c.ci;
  result.cr = c.cr;
  result.matrix.assign(a.data(), a.data() + a.size());

  // The given judgments that disagree most with the priorities: ranked by |log error|,
  // computed once per pair; the costlier figures only for the ones reported.
  std::vector<std::pair<double, Judgment>> ranked;
  const std::vector<double>& w = result.priorities;
  if (o.judgments_to_report > 0)
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t col = r + 1; col < n; ++col) {
        if (std::isnan(matrix[r * n + col]) && std::isnan(matrix[col * n + r])) continue;
        Judgment g;
        g.row = r;
        g.column = col;
        g.value = j.at(r, col);
        g.consistent_value = w[r] / w[col];
        g.error = g.value / g.consistent_value;
        const double distance = std::abs(std::log(g.error));
        if (distance > 1e-9) ranked.emplace_back(distance, g);
      }
  const std::size_t reported = std::min(ranked.size(), o.judgments_to_report);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(reported), ranked.end(),
                    [](const auto& x, const auto& y) {
                      return x.first != y.first ? x.first > y.first
                                                : std::make_pair(x.second.row, x.second.column) <
                                                      std::make_pair(y.second.row, y.second.column);
                    });
  std::vector<Judgment> judgments;
  for (std::size_t k = 0; k < reported; ++k) {
    Judgment g = ranked[k].second;
    g.scale_value = nearest_scale_value(g.consistent_value);
    Matrix changed = a;
    changed(static_cast<Eigen::Index>(g.row), static_cast<Eigen::Index>(g.column)) = g.consistent_value;
    changed(static_cast<Eigen::Index>(g.column), static_cast<Eigen::Index>(g.row)) = 1 / g.consistent_value;
    std::vector<double> w_changed;
    g.cr_if_changed = consistency(priorities_of(changed, o.method, w_changed), n, result.random_index).cr;
    judgments.push_back(g);
  }
  result.inconsistent = std::move(judgments);
  return result;
}

HierarchyResult synthesize_hierarchy(const std::vector<HierarchyNode>& nodes, const double* leaf_priorities,
                           std::size_t alternatives) {
  require(!nodes.empty(), "hierarchy: no criteria under the goal");
  const std::size_t count = nodes.size();
  std::vector<std::size_t> children(count, 0);
  // Sibling weight sums, keyed by parent (kGoal last).
  std::vector<double> sibling_sum(count + 1, 0);
  auto slot = [&](std::size_t parent) { return parent == kGoal ? count : parent; };
  for (std::size_t k = 0; k < count; ++k) {
    const HierarchyNode& node = nodes[k];
    require_lazy(node.parent == kGoal || node.parent < k, [&] {
      return "hierarchy: node '" + node.name + "' names parent " + std::to_string(node.parent) +
             ", which does not come before it";
    });
    require_lazy(std::isfinite(node.local_weight) && node.local_weight >= 0, [&] {
      return "hierarchy: node '" + node.name + "' has local weight " + crmkit::detail::format_number(node.local_weight, 6);
    });
    if (node.parent != kGoal) ++children[node.parent];
    sibling_sum[slot(node.parent)] += node.local_weight;
  }
  for (std::size_t p = 0; p <= count; ++p) {
    const bool has_children = p == count ? true : children[p] > 0;
    if (!has_children) continue;
    require_lazy(std::abs(sibling_sum[p] - 1) <= 1e-6, [&] {
      return std::string("hierarchy: the local weights under ") +
             (p == count ? "the goal" : "'" + nodes[p].name + "'") + " sum to " +
             crmkit::detail::format_number(sibling_sum[p], 6) + ", off 1 by " + crmkit::detail::format_number(sibling_sum[p] - 1, 6);
    });
  }
  HierarchyResult result;
  result.global_weights.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    const HierarchyNode& node = nodes[k];
    result.global_weights[k] =
        node.local_weight * (node.parent == kGoal ? 1.0 : result.global_weights[node.parent]);
    if (children[k] == 0) result.leaves.push_back(k);
  }
  if (alternatives == 0) return result;
  require(leaf_priorities != nullptr, "hierarchy: null leaf priorities");
  result.scores.assign(alternatives, 0);
  for (std::size_t l = 0; l < result.leaves.size(); ++l) {
    const double* row = leaf_priorities + l * alternatives;
    double sum = 0;
    for (std::size_t a = 0; a < alternatives; ++a) {
      require_lazy(std::isfinite(row[a]) && row[a] >= 0, [&] {
        return "hierarchy: priority of alternative " + std::to_string(a) + " under '" +
               nodes[result.leaves[l]].name + "' is " + crmkit::detail::format_number(row[a], 6);
      });
      sum += row[a];
      result.scores[a] += result.global_weights[result.leaves[l]] * row[a];
    }
    require_lazy(std::abs(sum - 1) <= 1e-6, [&] {
      return "hierarchy: the alternatives' priorities under '" + nodes[result.leaves[l]].name +
             "' sum to " + crmkit::detail::format_number(sum, 6) + ", off 1 by " + crmkit::detail::format_number(sum - 1, 6);
    });
  }
  return result;
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
