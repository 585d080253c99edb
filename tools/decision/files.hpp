// The decision pillar's input files, read once for the commands (ahp, rank) and the demo.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/decision/group.hpp"
#include "crmkit/decision/rank.hpp"
#include "crmkit/decision/swot.hpp"
#include "crmkit/io/csv.hpp"

namespace crmkit_cli {

// A pairwise comparison matrix: a header row (a corner cell, then the element names) and
// one row per element in the same order, its name first; a cell is a number, a fraction
// ("1/3") or blank (a missing judgment, NaN). Errors at FILE:LINE:COL.
struct PairwiseFile {
  std::string source;  // the file's name in messages ("<stdin>" for -)
  std::vector<std::string> names;
  std::vector<double> values;  // n x n, row-major
};
PairwiseFile read_pairwise(const std::string& path, const crmkit::io::CsvOptions& csv);

// A decision matrix: a header naming the criteria after the first (alternatives') column,
// one row per alternative. Errors at FILE:LINE:COL.
struct DecisionFile {
  crmkit::decision::DecisionMatrix matrix;
  std::string name;
  std::vector<std::int64_t> lines;  // of each alternative
};
DecisionFile read_decision(const std::string& path);

// Rankings: a decision file whose columns are members' ranks, less the expert's column
// (named by `expert`; empty: none; an unknown name is an error) and the team's (named by
// `team`, used when present). `team` and `expert` are empty when absent.
struct RankingsFile {
  DecisionFile file;
  crmkit::decision::Rankings members;
  std::vector<double> team, expert;
};
RankingsFile read_rankings(const std::string& path, const std::string& expert, const std::string& team);

// SWOT factors: columns `group` (S, W, O, T), `factor`, `weight`, `rating` and optionally
// `note`, one row per factor. Errors at FILE:LINE:COL.
struct SwotFile {
  std::string name;
  std::vector<crmkit::decision::SwotFactor> factors;
};
SwotFile read_swot(const std::string& path);

}  // namespace crmkit_cli
