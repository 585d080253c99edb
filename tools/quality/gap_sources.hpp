// The gap model's sources gathered from survey files, for `crmkit gaps` and the demo.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "crmkit/quality/gaps.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

// Each source's answers, gathered across the files (rows appended in file order).
struct GapSources {
  std::array<std::vector<double>, crmkit::quality::kGapSources> answers;
  std::array<std::size_t, crmkit::quality::kGapSources> respondents{};
  std::array<std::vector<std::string>, crmkit::quality::kGapSources> files;
};

// Reads each file's answer columns of every source (prefix[k] + item id; a source's columns
// all present or all absent) and gathers each source's rows across the files in order. A
// file with no source's columns, or two sources given one prefix, is an error.
GapSources read_gap_sources(const std::vector<std::string>& paths,
                            const std::array<std::string, crmkit::quality::kGapSources>& prefix,
                            const SurveyOptions& survey, const crmkit::quality::Instrument& instrument);

}  // namespace crmkit_cli
