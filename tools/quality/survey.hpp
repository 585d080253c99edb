// The options and input every quality command shares, declared once: which instrument the
// survey follows (a bundled one or --instrument FILE), the missing-answer policy, and reading
// the answer columns PREFIX<item id> of a survey file in one pass, with answers off the
// scale reported at FILE:LINE.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "crmkit/io/survey.hpp"
#include "crmkit/quality/instrument.hpp"

namespace crmkit_cli {

// The instrument a command uses when --instrument is not given.
enum class BundledInstrument { servqual, audit };

struct SurveyOptions {
  BundledInstrument bundled = BundledInstrument::servqual;
  std::string instrument;        // --instrument FILE
  std::string servqual_version;  // --servqual-version (bundled SERVQUAL only)
  std::string scale;             // --scale MIN-MAX (overrides the instrument's)
  std::string missing;           // --missing
  std::size_t min_answered = 1;  // --min-answered
  std::string delimiter = "auto";  // --delimiter

  crmkit::quality::Instrument instrument_in_use() const;
  crmkit::quality::MissingOptions missing_options() const;
  crmkit::io::CsvOptions csv() const;
};

// Adds the "Survey" option group to `command`; defaults come from the library.
void add_survey_options(CLI::App& command, SurveyOptions& options, BundledInstrument bundled);

// A survey's answers to one instrument under several column prefixes (E, P, A, ...), read in
// one pass: answers[k] holds prefix k's respondents x items matrix, or is empty when the file
// has none of that prefix's columns and the prefix is optional.
struct SurveyAnswers {
  std::string source;
  std::vector<std::int64_t> line;            // each respondent's line in the file
  std::vector<std::vector<double>> answers;  // per prefix, row-major
  std::vector<char> present;                 // per prefix: the file has its columns
  std::size_t respondents = 0;               // at least 1
  crmkit::quality::Answers view(std::size_t prefix, std::size_t items) const {
    return {answers[prefix].data(), present[prefix] ? respondents : 0, items};
  }
};

struct Prefix {
  std::string prefix;
  bool required = true;
};

// Reads PREFIX<id> for every item of `instrument` and every prefix; a required prefix with a
// missing column is an error naming the column; an optional prefix must have all its columns
// or none. Every answer must be on the instrument's scale or unanswered ("FILE:LINE: column
// P7: answer 9 is outside the scale 1-7"); a file without respondents is an error. `extra`
// columns (e.g. weights) are read too and returned in `extra_values` (respondents x extra,
// row-major).
SurveyAnswers read_survey_answers(crmkit::io::CsvReader& reader,
                                  const crmkit::quality::Instrument& instrument,
                                  const std::vector<Prefix>& prefixes,
                                  const std::vector<std::string>& extra = {},
                                  std::vector<double>* extra_values = nullptr);

// A statistic as the quality commands' tables show it: rounded to 4 decimals (answers are
// on 1-7 or 1-5 scales, so more digits are noise to a reader; --json keeps full precision).
inline double for_table(double v) { return std::round(v * 1e4) / 1e4; }

}  // namespace crmkit_cli
