// The quality pillar's charts, drawn once for the commands' --chart and the demo report.
#pragma once

#include <string>

#include "crmkit/quality/audit.hpp"
#include "crmkit/quality/servqual.hpp"

namespace crmkit_cli {

// Radar of the dimensions' mean expected and perceived service (and the adequate level when
// the survey had it) on the instrument's scale. invalid_argument for fewer than three
// dimensions or a dimension without answers.
std::string servqual_radar(const crmkit::quality::Instrument& instrument,
                           const crmkit::quality::ServqualResult& result);

// Radar of each category's mean percentage of its maximum (0-100). invalid_argument for
// fewer than three categories or a category without a score.
std::string category_radar(const crmkit::quality::Instrument& instrument,
                           const crmkit::quality::CategoryScores& scores);

// Writes `svg` to `path` for --chart (checked writes); errors name the option.
void write_chart(const std::string& path, const std::string& svg);

}  // namespace crmkit_cli
