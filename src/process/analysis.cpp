// Process analysis (include/crmkit/process/analysis.hpp): validation, the parallel parts,
// expected visits by a sparse absorbing-chain solve (Eigen), the critical path over the
// acyclic structure (Boost.Graph), and the redesign comparison.
#include "crmkit/process/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <numeric>
#include <unordered_map>

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Decision probabilities may be written with a few decimals (1/3 as 0.333, 0.333, 0.334).
constexpr double kProbabilityTolerance = 1e-6;
// Branches of one split are tracked as bits of one word.
constexpr std::size_t kMaxBranches = 64;

struct Edge {
  std::size_t to;
  double probability;  // of taking it (1 for a sequence or split branch)
  double flow;         // tokens it carries into `to` per execution of the source (join: 1/k)
  bool rework = false; // closes a rework loop
};

struct Split {
  std::size_t step;
  std::size_t join = kNone;
  std::vector<std::pair<std::size_t, std::size_t>> block;  // (step, branch) inside the part
};

[[noreturn]] void fail(const ProcessMap& map, std::size_t i, const std::string& what) {
  throw Error(ErrorCode::invalid_argument, where(map, i) + ": " + what);
}

std::string quoted(const ProcessMap& map, std::size_t i) { return "'" + map.steps[i].name + "'"; }

// The checked structure of a map: edges by index, predecessors, splits with their parts.
class Structure {
 public:
  explicit Structure(const ProcessMap& map) : map_(map), n_(map.steps.size()) {
    if (n_ == 0) throw Error(ErrorCode::invalid_argument, "a process map needs at least one step");
    index_steps();
    check_steps();
    check_reachable();
    check_exits();
    find_rework_loops();
    for (std::size_t i = 0; i < n_; ++i)
      if (map.steps[i].flow == Flow::parallel) splits_.push_back(parallel_part(i));
  }

  const ProcessMap& map_;
  const std::size_t n_;
  std::vector<std::vector<Edge>> out_;
  std::vector<std::vector<std::size_t>> in_;
  std::vector<Split> splits_;

 private:
  void index_steps() {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      const auto [it, fresh] = index.emplace(map_.steps[i].name, i);
      if (!fresh) fail(map_, i, "the name is already used by " + where(map_, it->second));
    }
    out_.resize(n_);
    in_.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      const Step& s = map_.steps[i];
      for (const Next& next : s.next) {
        const auto it = index.find(next.step);
        if (it == index.end()) fail(map_, i, "next names '" + next.step + "', which is not a step");
        if (s.flow == Flow::parallel && it->second == i) fail(map_, i, "a parallel split cannot list itself");
        out_[i].push_back({it->second, next.probability, next.probability});
        in_[it->second].push_back(i);
      }
      if (!s.duplicate_of.empty()) {
        const auto it = index.find(s.duplicate_of);
        if (it == index.end() || it->second == i)
          fail(map_, i, "duplicate_of names '" + s.duplicate_of + "', which is not another step");
      }
    }
  }

  void check_steps() const {
    for (std::size_t i = 0; i < n_; ++i) {
      const Step& s = map_.steps[i];
      if (!std::isfinite(s.duration) || s.duration < 0)
        fail(map_, i, "duration " + std::to_string(s.duration) + " is not a non-negative number of minutes");
      if (!std::isfinite(s.cost) || s.cost < 0)
        fail(map_, i, "cost " + std::to_string(s.cost) + " is not a non-negative amount");
      if (s.flow == Flow::sequence && s.next.size() != 1) fail(map_, i, "a sequence has one next step");
      if (s.flow == Flow::parallel && s.next.size() > kMaxBranches)
        fail(map_, i, "a parallel split has at most 64 branches");
      if (s.flow != Flow::decision) continue;
      double sum = 0;
      for (const Next& next : s.next) {
        if (!(next.probability > 0 && next.probability <= 1))
          fail(map_, i, "the probability of branch '" + next.step + "' is " +
                            std::to_string(next.probability) + "; it must be in (0, 1]");
        sum += next.probability;
      }
      if (std::abs(sum - 1) > kProbabilityTolerance) {
        fail(map_, i, "branch probabilities sum to " + crmkit::detail::format_number(sum, 10) + ", not 1");
      }
    }
  }

  std::vector<char> reach(std::size_t from, bool forward) const {
    std::vector<char> seen(n_, 0);
    std::vector<std::size_t> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      const auto visit = [&](std::size_t j) {
        if (!seen[j]) seen[j] = 1, stack.push_back(j);
      };
      if (forward)
        for (const Edge& e : out_[i]) visit(e.to);
      else
        for (std::size_t j : in_[i]) visit(j);
    }
    return seen;
  }

  void check_reachable() const {
    const std::vector<char> seen = reach(0, true);
    for (std::size_t i = 0; i < n_; ++i)
      if (!seen[i]) fail(map_, i, "cannot be reached from the start " + quoted(map_, 0) +
                                      " (the first row is the start)");
  }

  // Every step must be able to reach an end step; the steps that cannot form loops with no
  // way out (or lead only into such loops).
  void check_exits() const {
    std::vector<char> to_end(n_, 0);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < n_; ++i)
      if (map_.steps[i].flow == Flow::end) to_end[i] = 1, stack.push_back(i);
    if (stack.empty())
      throw Error(ErrorCode::invalid_argument,
                  (map_.source.empty() ? "" : map_.source + ": ") +
                      "the process has no end step (leave `next` empty on the last step)");
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      for (std::size_t j : in_[i])
        if (!to_end[j]) to_end[j] = 1, stack.push_back(j);
    }
    std::string trapped;
    std::size_t first = kNone, count = 0;
    for (std::size_t i = 0; i < n_; ++i)
      if (!to_end[i]) {
        if (first == kNone) first = i;
        if (++count <= 5) trapped += (trapped.empty() ? "" : ", ") + quoted(map_, i);
      }
    if (first != kNone)
      fail(map_, first, "is in a loop with no way out: no end step can be reached from " + trapped +
                            (count > 5 ? " and " + std::to_string(count - 5) + " more" : "") +
                            " (give the loop a decision branch that leaves it)");
  }

  // Rework loops: the edges a depth-first search from the start finds pointing back to a
  // step on its current path (Boost's search is iterative: deep maps do not overflow the
  // stack). Removing them leaves the acyclic structure.
  void find_rework_loops() {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph g(n_);
    for (std::size_t i = 0; i < n_; ++i)
      for (const Edge& e : out_[i]) boost::add_edge(i, e.to, g);
    struct Visitor : boost::default_dfs_visitor {
      std::vector<std::pair<std::size_t, std::size_t>>* back;
      void back_edge(Graph::edge_descriptor e, const Graph& graph) const {
        back->emplace_back(boost::source(e, graph), boost::target(e, graph));
      }
    } visitor;
    std::vector<std::pair<std::size_t, std::size_t>> back;
    visitor.back = &back;
    std::vector<boost::default_color_type> colors(n_);
    boost::depth_first_visit(g, 0, visitor,
                             boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g)));
    for (const auto& [from, to] : back)
      for (Edge& e : out_[from])
        if (e.to == to) e.rework = true;
  }

  // The part of the map between split s and its join: the first step every branch reaches
  // (searching the branches layer by layer together), or none when the branches end
  // separately. Each step inside belongs to one branch and is entered and left only
  // through the split and the join.
  Split parallel_part(std::size_t s) {
    if (mask_.empty()) mask_.assign(n_, 0), mask_split_.assign(n_, kNone), owner_.assign(n_, kNone);
    Split split;
    split.step = s;
    const std::vector<Edge>& branches = out_[s];
    const std::size_t k = branches.size();
    const std::uint64_t all = k == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << k) - 1;
    std::vector<std::vector<std::size_t>> frontier(k);
    const auto mark = [&](std::size_t node, std::size_t b) {
      if (mask_split_[node] != s) mask_split_[node] = s, mask_[node] = 0;
      const bool fresh = !(mask_[node] >> b & 1);
      mask_[node] |= std::uint64_t{1} << b;
      return fresh;
    };
    for (std::size_t b = 0; b < k && split.join == kNone; ++b) {
      mark(branches[b].to, b);
      frontier[b].push_back(branches[b].to);
      if (mask_[branches[b].to] == all) split.join = branches[b].to;
    }
    while (split.join == kNone) {
      bool any = false;
      for (std::size_t b = 0; b < k && split.join == kNone; ++b) {
        std::vector<std::size_t> next;
        for (std::size_t i : frontier[b])
          for (const Edge& e : out_[i]) {
            if (e.to == s || !mark(e.to, b)) continue;
            next.push_back(e.to);
            if (mask_[e.to] == all) {
              split.join = e.to;
              break;
            }
          }
        frontier[b] = std::move(next);
        any = any || !frontier[b].empty();
      }
      if (!any) break;
    }
    // The part: what each branch reaches before the join, never through the split.
    const std::size_t j = split.join;
    for (std::size_t b = 0; b < k; ++b) {
      if (branches[b].to == j) continue;
      std::vector<std::size_t> stack{branches[b].to};
      if (owner_split_claim(branches[b].to, s, b, branches)) continue;
      while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        split.block.emplace_back(i, b);
        if (j != kNone && map_.steps[i].flow == Flow::end)
          fail(map_, s, "branch " + quoted(map_, branches[b].to) + " of this parallel split can end at " +
                            quoted(map_, i) + " without reaching the join " + quoted(map_, j) +
                            " (the join waits for every branch)");
        for (const Edge& e : out_[i]) {
          if (e.to == j) continue;
          if (e.to == s)
            fail(map_, i, "loops back to the parallel split " + quoted(map_, s) +
                              " from inside one of its branches (loop back after the join instead)");
          if (!owner_split_claim(e.to, s, b, branches)) stack.push_back(e.to);
        }
      }
    }
    for (const auto& entry : split.block)
      for (std::size_t p : in_[entry.first])
        if (p != s && owner_split_[p] != s)
          fail(map_, entry.first, "is inside the parallel part from " + quoted(map_, s) +
                                      (j == kNone ? "" : " to " + quoted(map_, j)) +
                                      " but is also reached from " + quoted(map_, p) + " outside it");
    if (j != kNone) {
      const double share = 1.0 / static_cast<double>(k);
      for (Edge& e : out_[s])
        if (e.to == j) e.flow = share;
      for (const auto& entry : split.block)
        for (Edge& e : out_[entry.first])
          if (e.to == j) e.flow = e.probability * share;
    }
    return split;
  }

  // Claims `node` for branch b of split s; true when it already belonged to branch b.
  // Reaching a step from two branches before the join is an error: that step would be a
  // join that not every branch reaches.
  bool owner_split_claim(std::size_t node, std::size_t s, std::size_t b, const std::vector<Edge>& branches) {
    if (owner_split_[node] != s) {
      owner_split_[node] = s;
      owner_[node] = b;
      return false;
    }
    if (owner_[node] == b) return true;
    fail(map_, s, "branches " + quoted(map_, branches[owner_[node]].to) + " and " +
                      quoted(map_, branches[b].to) + " of this parallel split meet at " +
                      quoted(map_, node) + " before all branches arrive: a join waits for every " +
                      "branch, so route each branch to one common join");
  }

  std::vector<std::uint64_t> mask_;
  std::vector<std::size_t> mask_split_, owner_;
  std::vector<std::size_t> owner_split_ = std::vector<std::size_t>(n_, kNone);
};

// Expected visits: (I - W^T) v = e_start over the flows, by sparse LU. The matrix has one
// entry per step and per flow, and its fill-in stays close to that for process maps (mostly
// chains with local loops), so the solve is near-linear in the number of steps.
std::vector<double> expected_visits(const Structure& st) {
  const std::size_t n = st.n_;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(n * 3);
  for (std::size_t i = 0; i < n; ++i) {
    entries.emplace_back(static_cast<int>(i), static_cast<int>(i), 1.0);
    for (const Edge& e : st.out_[i]) entries.emplace_back(static_cast<int>(e.to), static_cast<int>(i), -e.flow);
  }
  Eigen::SparseMatrix<double> a(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  a.setFromTriplets(entries.begin(), entries.end());  // sums a self-loop into the diagonal
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(a);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  rhs[0] = 1;
  Eigen::VectorXd v;
  if (lu.info() == Eigen::Success) v = lu.solve(rhs);
  if (lu.info() != Eigen::Success || !v.allFinite())
    throw Error(ErrorCode::invalid_argument, "the expected visits of this process cannot be computed "
                                             "(a loop that is left with probability 0?)");
  return std::vector<double>(v.data(), v.data() + n);
}

}  // namespace

std::string candidate_reasons(const Step& step, unsigned flags) {
  std::string out;
  const auto add = [&](unsigned flag, const std::string& text) {
    if (flags & flag) out += (out.empty() ? "" : ", ") + text;
  };
  add(no_value_added, "no value added");
  add(unnecessary, "unnecessary");
  add(rework_step, "rework");
  add(duplicate, "duplicate of " + step.duplicate_of);
  return out;
}

const NameTable& names(StepText) {
  static constexpr const char* kNames[] = {"name", "department", "executor", "suppliers", "customers", "reasons"};
  static constexpr NameTable table("process step text", kNames);
  return table;
}

std::string step_text(const ProcessMap& map, const ProcessAnalysis& analysis, std::size_t step, StepText field) {
  if (step >= map.steps.size() || analysis.steps.size() != map.steps.size())
    throw Error(ErrorCode::invalid_argument, "step " + std::to_string(step) + " is out of range (" +
                                                 std::to_string(map.steps.size()) + " steps)");
  const Step& s = map.steps[step];
  const StepFigures& f = analysis.steps[step];
  const auto lines = [](const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& x : list) out += (out.empty() ? "" : "\n") + x;
    return out;
  };
  switch (field) {
    case StepText::name: return s.name;
    case StepText::department: return s.department;
    case StepText::executor: return f.executor;
    case StepText::suppliers: return lines(f.suppliers);
    case StepText::customers: return lines(f.customers);
    case StepText::reasons: return candidate_reasons(s, f.candidate);
  }
  throw Error(ErrorCode::invalid_argument, "unknown step text field");
}

ProcessAnalysis analyze(const ProcessMap& map) {
  const Structure st(map);
  const std::size_t n = st.n_;
  ProcessAnalysis r;
  const std::vector<double> v = expected_visits(st);
  r.steps.resize(n);
  r.join.assign(n, kNoJoin);
  for (const Split& s : st.splits_) r.join[s.step] = s.join;

  for (std::size_t i = 0; i < n; ++i) {
    const Step& s = map.steps[i];
    StepFigures& f = r.steps[i];
    f.expected_visits = v[i];
    f.expected_time = v[i] * s.duration;
    f.expected_cost = v[i] * s.cost;
    r.expected_work_time += f.expected_time;
    r.expected_cost += f.expected_cost;
    if (s.value_adding) r.value_added_time += f.expected_time;
    f.candidate = (s.value_adding ? 0u : no_value_added) | (s.necessary ? 0u : unnecessary) |
                  (s.rework ? rework_step : 0u) | (s.duplicate_of.empty() ? 0u : duplicate);
    f.executor = s.role.empty() ? s.department : s.role;
    if (i == 0) f.suppliers.push_back("customer");
    for (std::size_t p : st.in_[i]) f.suppliers.push_back(map.steps[p].name);
    for (const Edge& e : st.out_[i]) {
      f.customers.push_back(map.steps[e.to].name);
      // Each branch arriving at a join is a hand-off of its own: the raw probability.
      if (map.steps[e.to].department != s.department) r.handoffs += v[i] * e.probability;
      if (e.rework) r.rework_loops.emplace_back(i, e.to);
    }
    if (s.flow == Flow::end) f.customers.push_back("customer");
  }
  r.value_added_ratio = r.expected_work_time > 0 ? r.value_added_time / r.expected_work_time : 0;

  // Acyclic structure and its topological order (Boost.Graph).
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph dag(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const Edge& e : st.out_[i])
      if (!e.rework) boost::add_edge(i, e.to, dag);
  std::vector<std::size_t> reverse_topological;
  reverse_topological.reserve(n);
  boost::topological_sort(dag, std::back_inserter(reverse_topological));

  // Critical path: the longest path by expected time per run, v x duration.
  std::vector<double> longest(n, 0);
  std::vector<std::size_t> follow(n, kNone);
  for (std::size_t i : reverse_topological) {
    double best = 0;
    for (const Edge& e : st.out_[i])
      if (!e.rework && (follow[i] == kNone || longest[e.to] > best)) best = longest[e.to], follow[i] = e.to;
    longest[i] = r.steps[i].expected_time + best;
  }
  r.critical_path_length = longest[0];
  for (std::size_t i = 0; i != kNone; i = follow[i]) {
    r.critical_path.push_back(i);
    r.steps[i].critical = true;
  }

  // Expected cycle time: within each parallel part (innermost first), a branch's expected
  // time to the join is the sum over its steps of (visits per run of the part) x (duration,
  // plus for a nested split the longest of its branches); the part adds the longest branch
  // to its split. Visits per run of a part are v / v_split: the part is entered only
  // through its split. The top level sums v x (duration + longest branch) over the steps in
  // no part.
  std::vector<std::size_t> order(st.splits_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return st.splits_[a].block.size() < st.splits_[b].block.size();
  });
  std::vector<std::size_t> scope(n, kNone), branch(n, 0);
  for (std::size_t k : order)
    for (const auto& [i, b] : st.splits_[k].block)
      if (scope[i] == kNone) scope[i] = k, branch[i] = b;
  std::vector<std::vector<double>> branch_time(st.splits_.size());
  std::vector<double> extra(n, 0);  // a split's longest branch
  std::vector<std::vector<std::size_t>> members(st.splits_.size());
  for (std::size_t i = 0; i < n; ++i)
    if (scope[i] != kNone) members[scope[i]].push_back(i);
  for (std::size_t k : order) {
    const Split& s = st.splits_[k];
    branch_time[k].assign(st.out_[s.step].size(), 0);
    for (std::size_t i : members[k])
      branch_time[k][branch[i]] += v[i] / v[s.step] * (map.steps[i].duration + extra[i]);
    extra[s.step] = *std::max_element(branch_time[k].begin(), branch_time[k].end());
  }
  for (std::size_t i = 0; i < n; ++i)
    if (scope[i] == kNone) r.expected_cycle_time += v[i] * (map.steps[i].duration + extra[i]);

  // Rework probability: q = P(leaving a step's part without a rework loop), from the ends
  // back: a decision averages its forward branches, a split multiplies its branches and
  // its join, and the part's join counts as left.
  std::vector<std::size_t> join_of_scope(st.splits_.size());
  for (std::size_t k = 0; k < st.splits_.size(); ++k) join_of_scope[k] = st.splits_[k].join;
  std::vector<double> q(n, 1);
  for (std::size_t i : reverse_topological) {
    const Step& s = map.steps[i];
    if (s.flow == Flow::end) continue;
    const std::size_t boundary = scope[i] == kNone ? kNone : join_of_scope[scope[i]];
    const auto q_of = [&](std::size_t j) { return j == boundary ? 1.0 : q[j]; };
    if (s.flow == Flow::parallel) {
      const std::size_t join = r.join[i];
      double all = join == kNone ? 1 : q_of(join);
      for (const Edge& e : st.out_[i])
        if (e.to != join) all *= q[e.to];
      q[i] = all;
      continue;
    }
    double sum = 0;
    for (const Edge& e : st.out_[i])
      if (!e.rework) sum += e.probability * q_of(e.to);
    q[i] = sum;
  }
  r.rework_probability = std::max(0.0, 1 - q[0]);
  return r;
}

Comparison compare(const ProcessMap& before, const ProcessMap& after) {
  Comparison c{analyze(before), analyze(after), {}};
  std::unordered_map<std::string, std::size_t> in_after;
  for (std::size_t i = 0; i < after.steps.size(); ++i) in_after.emplace(after.steps[i].name, i);
  std::vector<char> matched(after.steps.size(), 0);
  const auto number = [](double x) { return crmkit::detail::format_number(x, 6); };
  for (std::size_t i = 0; i < before.steps.size(); ++i) {
    const Step& b = before.steps[i];
    const StepFigures& fb = c.before.steps[i];
    const auto it = in_after.find(b.name);
    if (it == in_after.end()) {
      c.changes.push_back({b.name, "removed", -fb.expected_time, -fb.expected_cost});
      continue;
    }
    matched[it->second] = 1;
    const Step& a = after.steps[it->second];
    const StepFigures& fa = c.after.steps[it->second];
    std::string what;
    const auto note = [&](bool differs, const std::string& field, const std::string& from, const std::string& to) {
      if (differs) what += (what.empty() ? "" : "; ") + field + " " + from + " -> " + to;
    };
    note(a.department != b.department, "department", b.department, a.department);
    note(a.duration != b.duration, "duration", number(b.duration), number(a.duration));
    note(a.cost != b.cost, "cost", number(b.cost), number(a.cost));
    note(a.value_adding != b.value_adding, "value_adding", b.value_adding ? "yes" : "no", a.value_adding ? "yes" : "no");
    note(format_next(a) != format_next(b), "next", "'" + format_next(b) + "'", "'" + format_next(a) + "'");
    note(std::abs(fa.expected_visits - fb.expected_visits) > 1e-9, "expected visits",
         number(fb.expected_visits), number(fa.expected_visits));
    const double dt = fa.expected_time - fb.expected_time, dc = fa.expected_cost - fb.expected_cost;
    // Rounding in the two solves is not a change.
    const auto changed = [](double d, double x) { return std::abs(d) > 1e-9 * (1 + std::abs(x)); };
    if (!what.empty() || changed(dt, fb.expected_time) || changed(dc, fb.expected_cost))
      c.changes.push_back({b.name, what, dt, dc});
  }
  for (std::size_t i = 0; i < after.steps.size(); ++i)
    if (!matched[i])
      c.changes.push_back({after.steps[i].name, "added", c.after.steps[i].expected_time,
                           c.after.steps[i].expected_cost});
  return c;
}

}  // namespace process
}  // namespace v0
}  // namespace crmkit
