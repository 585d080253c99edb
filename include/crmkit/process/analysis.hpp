// Analysis of a process map (process/map.hpp): expected visits, time and cost including
// rework, expected cycle time and the critical path over parallel parts, the value-added
// ratio, hand-offs between departments, the steps the redesign questions flag, the three
// roles per step, and the comparison of a map before and after a redesign.
//
// How the figures are defined (the tests check each on hand-computed maps):
// - Expected visits v: the decisions form an absorbing Markov chain (the end steps absorb);
//   a parallel split sends one token down every branch and its join runs once when all have
//   arrived. v solves (I - W^T) v = e_start, W the flow matrix (decision probabilities,
//   1 for a sequence or split branch, 1/k on the edges by which the k branches of a split
//   reach their join), a sparse LU solve. A rework loop taken with probability p repeats
//   its steps 1 / (1 - p) times.
// - Expected work time and cost: sum over steps of v x duration and v x cost.
// - Expected cycle time (elapsed): the expected time to go from the start, where a decision
//   averages its branches and a parallel part takes the longest of its branches' expected
//   times to the join (the max of expectations: exact when branch times are fixed, a lower
//   bound on E[max] otherwise). One sparse solve per parallel part, innermost first.
// - Critical path: the longest path from the start to an end over the acyclic structure
//   (the map without its rework loops: the edges that point back to a step on the path that
//   led to them, found by depth-first search from the start), each step weighted by its
//   expected time per run of the process, v x duration. So a step inside a rework loop
//   counts with all its expected repetitions (the loop's repeat is on the path through the
//   step, not a separate step), and a step on a decision branch taken with probability p
//   counts p x duration. Without decisions other than rework loops its length equals the
//   expected cycle time; with forward decisions it is at most that.
// - Value-added ratio: expected value-adding work time / expected work time (both summed
//   over parallel branches, so the ratio stays within [0, 1]).
// - Hand-offs: expected number of flows between steps of different departments (each
//   branch of a split and each arrival at a join counts once).
// - Rework probability: the probability that a run takes at least one rework loop.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "crmkit/process/map.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

// Why a step is a candidate for redesign (the material's questions), as bit flags.
enum Candidate : unsigned {
  no_value_added = 1,  // value_adding = no
  unnecessary = 2,     // necessary = no
  rework_step = 4,     // rework = yes
  duplicate = 8,       // duplicate_of names another step
};
// "no value added, unnecessary, rework, duplicate of X" for the set flags.
std::string candidate_reasons(const Step& step, unsigned flags);

struct StepFigures {
  double expected_visits = 0;
  double expected_time = 0;  // v x duration
  double expected_cost = 0;  // v x cost
  unsigned candidate = 0;    // Candidate flags (0: not a candidate)
  bool critical = false;     // on the critical path
  // The three roles: the steps whose output this one receives, who executes it, and the
  // steps that receive its output. The start's supplier and an end step's customer is the
  // process's external customer, written "customer".
  std::vector<std::string> suppliers;
  std::string executor;  // role, else the department
  std::vector<std::string> customers;
};

struct ProcessAnalysis {
  double expected_cycle_time = 0;  // minutes, elapsed
  double expected_work_time = 0;   // minutes, summed over steps (and parallel branches)
  double expected_cost = 0;
  double value_added_time = 0;
  double value_added_ratio = 0;    // value_added_time / expected_work_time (0 when no work)
  double handoffs = 0;             // expected count
  double rework_probability = 0;
  std::vector<std::size_t> critical_path;  // step indices, start first
  double critical_path_length = 0;         // minutes
  std::vector<StepFigures> steps;          // per step, in map order
  // The edges closing a rework loop (from, to), as step indices.
  std::vector<std::pair<std::size_t, std::size_t>> rework_loops;
  // Each parallel split's join (kNoJoin when the branches end separately).
  std::vector<std::size_t> join;
};
inline constexpr std::size_t kNoJoin = static_cast<std::size_t>(-1);

// The texts of a step a host displays (the C API's crm_process_map_step_text).
enum class StepText { name, department, executor, suppliers, customers, reasons };
const NameTable& names(StepText);
// Lists (suppliers, customers) one name per line; reasons as candidate_reasons.
std::string step_text(const ProcessMap& map, const ProcessAnalysis& analysis, std::size_t step, StepText field);

// Validates and analyses a map. Throws invalid_argument naming the step (with FILE:LINE
// when the map was read from a file) for: no steps, a repeated step name, a negative or
// non-finite duration or cost, a flow to an unknown step, a decision whose probabilities
// are not in (0, 1] or do not sum to 1, a duplicate_of naming no other step, a step the
// start cannot reach, no end step, a loop with no way out, a parallel split whose branches
// meet at a join that not all of them can reach (or whose part is entered or left other
// than through its split and join).
ProcessAnalysis analyze(const ProcessMap& map);

// One difference between two maps' steps (matched by name) and its contribution to the
// differences in expected work time and cost (after - before; the contributions of all
// changes sum to the totals' differences).
struct StepChange {
  std::string step;
  std::string what;  // "removed", "added", or the changed fields ("duration 30 -> 10; ...")
  double time = 0;
  double cost = 0;
};

struct Comparison {
  ProcessAnalysis before, after;
  std::vector<StepChange> changes;  // in the before map's order, then added steps
};

// Both maps analysed, and what changed between them.
Comparison compare(const ProcessMap& before, const ProcessMap& after);

}  // namespace process
}  // namespace v0
}  // namespace crmkit
