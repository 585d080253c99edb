// The swim-lane drawing of a process map as standalone SVG: one lane per department (in
// the order departments first appear), steps placed left to right by their depth in the
// acyclic structure, decisions labelled with their probabilities, rework loops dashed, the
// critical path outlined.
#pragma once

#include <cstddef>
#include <string>

#include "crmkit/process/analysis.hpp"
#include "crmkit/process/map.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

struct LaneOptions {
  std::string title;
  // Larger maps are refused: a drawing of thousands of boxes is not readable.
  std::size_t max_steps = 400;
};

// `analysis` is analyze(map). Throws invalid_argument when the map has more than
// options.max_steps steps or the analysis is not the map's.
std::string swim_lanes(const ProcessMap& map, const ProcessAnalysis& analysis, const LaneOptions& options = {});

}  // namespace process
}  // namespace v0
}  // namespace crmkit
