// A service process map: steps (who does them, how long they take, what they cost, whether
// they add value) and the flows between them (sequence, parallel split and join, decisions
// with probabilities, rework loops back to earlier steps). Read from the CSV contract
//
//   step,department,duration,cost,value_adding,next[,role,necessary,rework,duplicate_of,note]
//
// where `next` is empty (an end step), `B` (sequence), `B&C` (parallel split: every branch
// runs; a step reached from several branches of a split waits for all of them) or
// `B:0.8|C:0.2` (a decision; a branch may point back to an earlier step: a rework loop).
// The first row is the start. `duration` is minutes, fixed ("20") or a triangular
// distribution "MIN/MODE/MAX", read as its mean (MIN + MODE + MAX) / 3: the analysis works in
// expectations. Analysis: process/analysis.hpp.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

enum class Flow {
  end,       // no next step
  sequence,  // one next step
  parallel,  // every next step runs (a split)
  decision,  // one next step, chosen with the given probabilities
};
const NameTable& names(Flow);

struct Next {
  std::string step;
  double probability = 1;  // decisions: the branch's probability; 1 otherwise
};

struct Step {
  std::string name;
  std::string department;  // the swim lane and the unit a hand-off crosses
  double duration = 0;     // minutes, the expected time of one execution
  double cost = 0;         // per execution
  bool value_adding = false;
  bool necessary = true;
  bool rework = false;       // the step redoes earlier work
  std::string duplicate_of;  // a step whose work this one repeats ("" for none)
  std::string role;          // who executes it within the department ("" = the department)
  std::string note;
  Flow flow = Flow::end;
  std::vector<Next> next;
  std::int64_t line = 0;  // line in the source file (0 when built in code), for messages
};

struct ProcessMap {
  std::string source;  // the file's name in messages ("" when built in code)
  std::vector<Step> steps;  // steps[0] is the start
};

// The `next` column parsed into step.flow and step.next. Throws parse_error saying what is
// wrong with the text (the caller adds where it is).
void parse_next(std::string_view text, Step& step);
// The `next` text of a step as the CSV writes it ("" for an end step).
std::string format_next(const Step& step);

// A map from the CSV contract above (header names in any order; unknown columns are an
// error, so a misspelt optional column is not silently ignored). Yes/no columns take
// yes/no, true/false, 1/0 (blank: the default — necessary yes, the others no). Errors are
// parse_error "FILE:LINE:COL: what". The map is not validated here: analyze() does that.
ProcessMap read_process_map(const std::string& path);
ProcessMap read_process_map(std::istream& in, const std::string& name);

// "FILE:LINE: step 'X'" (or "step 'X'" for a map built in code): where a message about
// step i points.
std::string where(const ProcessMap& map, std::size_t i);

}  // namespace process
}  // namespace v0
}  // namespace crmkit
