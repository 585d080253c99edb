// Survey files: CSV with a header, one row per respondent, one column per answer. The
// quality pillar's commands read the columns an instrument names (E1..E22, P1..P22, ...)
// into the respondents x items matrix of quality/instrument.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/io/csv.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

// The named columns of a survey, row-major (respondents x columns, the order of `columns`
// as requested), NaN where an answer was left out.
struct SurveyTable {
  std::vector<std::string> columns;
  std::vector<double> values;
  std::size_t respondents = 0;
  std::vector<std::int64_t> line;  // each respondent's line in the file (for messages)
};

// Reads the named columns of every record of `reader` (header already read). An empty
// field, "NA", "N/A" or "." is an unanswered item (NaN); anything else must be a finite
// number ("FILE:LINE:COL: 'x' is not a number"). A column named twice in `columns`, or
// absent from the file, is a parse_error naming it. Checking answers against a scale is
// the instrument's job (quality::validate_answers), not the reader's.
SurveyTable read_survey(CsvReader& reader, const std::vector<std::string>& columns);

}  // namespace io
}  // namespace v0
}  // namespace crmkit
