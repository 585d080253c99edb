// The analytic hierarchy process: priorities from reciprocal pairwise judgments on Saaty's
// 1-9 scale, their consistency (lambda_max, CI, CR against a named random-index table), the
// judgments most responsible for inconsistency, incomplete matrices, and hierarchies
// (goal -> criteria -> sub-criteria -> alternatives).
//
// A judgment a_ij says how many times more important element i is than element j; a
// complete matrix is reciprocal (a_ji = 1 / a_ij) with ones on the diagonal. Matrices are
// n x n, row-major; NaN marks a missing judgment.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

enum class PriorityMethod {
  // The principal right eigenvector (Saaty), normalised to sum 1: power iteration, with
  // Eigen's general eigensolver when that converges slowly (the tests check both agree).
  eigen,
  geometric,  // the normalised geometric mean of each row (logarithmic least squares)
};
const NameTable& names(PriorityMethod);

// How missing judgments are handled. Both need the known judgments to connect every pair
// of elements through a chain of judgments (else the priorities are not determined).
enum class Completion {
  // Bozoki, Fulop & Ronyai (2010): the missing entries minimise lambda_max (a convex problem
  // in the logarithms of the entries, solved by cyclic coordinates).
  lambda_optimal,
  // Harker (1987): a missing a_ij is 0 and the diagonal a_ii is 1 + (missing in row i); the
  // priorities are that matrix's principal eigenvector, and a missing a_ij is filled with
  // w_i / w_j (the completed matrix has the same eigenvector and lambda_max).
  harker,
};
const NameTable& names(Completion);

// Mean consistency index of random reciprocal matrices by size: values[n - 1] is RI(n).
// Sizes 1 and 2 have RI 0 (every such matrix is consistent). The name is reported with
// each result; a caller may supply its own table.
struct RandomIndexTable {
  std::string name;
  std::vector<double> values;
};
// "saaty": Saaty (1980), The Analytic Hierarchy Process, n = 1..15 (0.58 for n = 3 ...
// 1.59 for n = 15) — the default. "saaty-2005": Saaty (2005), Theory and Applications of
// the Analytic Network Process, p. 31 (0.52 ... 1.59). "donegan-dodd": Donegan & Dodd
// (1991), Mathematical and Computer Modelling 15(10), n = 1..20.
const RandomIndexTable& random_index_table(std::string_view name = "saaty");
std::vector<std::string> random_index_table_names();

struct AhpOptions {
  PriorityMethod method = PriorityMethod::eigen;
  Completion completion = Completion::lambda_optimal;
  RandomIndexTable random_index = random_index_table("saaty");
  // Judgments outside Saaty's scale [1/9, 9] are refused unless this is set.
  bool allow_outside_scale = false;
  // Largest accepted |a_ij * a_ji - 1| where both are given (0.333 for 1/3 is accepted; the
  // matrix is then made exactly reciprocal from its upper triangle).
  double reciprocal_tolerance = 0.01;
  // How many of the most inconsistent judgments to report (with the CR each would leave).
  std::size_t judgments_to_report = 3;
  // lambda-optimal completion: stop when no missing entry's logarithm moves more than this.
  double tolerance = 1e-10;
  int max_iterations = 1000;
};

// A judgment that disagrees with the priorities derived from all judgments:
// error = a_ij * w_j / w_i (1 when consistent). Reported for i < j.
struct Judgment {
  std::size_t row = 0;
  std::size_t column = 0;
  double value = 0;             // a_ij as given
  double error = 1;             // a_ij w_j / w_i
  double consistent_value = 1;  // w_i / w_j: the value that agrees with the priorities
  double scale_value = 1;       // consistent_value rounded to Saaty's scale (1/9 ... 9)
  double cr_if_changed = 0;     // CR with a_ij set to consistent_value (others unchanged)
};

struct AhpResult {
  std::vector<double> priorities;  // sum to 1
  double lambda_max = 0;
  double ci = 0;            // (lambda_max - n) / (n - 1); 0 for n <= 2
  double cr = 0;            // CI / RI(n); 0 for n <= 2
  double random_index = 0;  // RI(n) used
  std::string random_index_table;
  PriorityMethod method = PriorityMethod::eigen;
  std::size_t missing = 0;       // missing judgments (pairs i < j)
  std::vector<double> matrix;    // the complete reciprocal matrix used (n x n)
  int completion_iterations = 0; // lambda-optimal cycles (0 when nothing was missing)
  // The known judgments (i < j) with the largest |log error|, most inconsistent first, at
  // most options.judgments_to_report of them; empty for a consistent matrix.
  std::vector<Judgment> inconsistent;
};

// Priorities and consistency of an n x n pairwise matrix (n >= 1). With the geometric method,
// lambda_max is the mean of (A w)_i / w_i (equal to the principal eigenvalue when A is
// consistent). Throws invalid_argument naming the cell ("row 2, column 3" 0-based, or the
// element names when given) for a non-positive or non-finite judgment, a diagonal other than
// 1, a non-reciprocal pair, a judgment outside the scale, unconnected elements, or a size
// beyond the random-index table; not_converged if the completion does not settle.
AhpResult ahp(const double* matrix, std::size_t n, const AhpOptions& options = {},
              const std::vector<std::string>& names = {});

// ---------------------------------------------------------------------------------------
// Hierarchies

// A criterion or sub-criterion of a hierarchy under the goal: its parent (an earlier node's
// index, or kGoal) and its local weight among its siblings (e.g. AHP priorities of the
// parent's matrix). Nodes without children are the leaves the alternatives are judged on.
inline constexpr std::size_t kGoal = static_cast<std::size_t>(-1);
struct HierarchyNode {
  std::string name;
  std::size_t parent = kGoal;
  double local_weight = 0;
};

struct HierarchyResult {
  std::vector<double> global_weights;  // per node: product of local weights up to the goal
  std::vector<std::size_t> leaves;     // node indices of the leaves, in node order
  std::vector<double> scores;          // per alternative: sum over leaves of global x local
};

// Global weights of every node and, when alternatives > 0, the alternatives' overall scores
// from their local priorities under each leaf (`leaf_priorities`: leaves x alternatives,
// row-major, leaves in node order, each row summing to 1). Throws invalid_argument when a
// parent does not precede its child, sibling weights do not sum to 1 (saying by how much),
// or a leaf's priorities are negative or do not sum to 1.
HierarchyResult synthesize_hierarchy(const std::vector<HierarchyNode>& nodes,
                           const double* leaf_priorities = nullptr, std::size_t alternatives = 0);

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
