// The sections of `crmkit demo`'s report. Each pillar adds one file here with its section
// functions and one line per section in kSections (demo.cpp).
#pragma once

#include <string>
#include <vector>

namespace crmkit_cli {

struct DemoContext {
  std::string data_dir;  // the bundled data (data/ in the source tree, share/crmkit/data installed)
};

struct DemoSection {
  std::string title;
  std::string html;      // body of the section: paragraphs, tables, inline SVG
  std::string summary;   // one line printed on the terminal
};

// value.cpp: the value pillar.
DemoSection demo_customer_summaries(const DemoContext& context);
DemoSection demo_customer_value(const DemoContext& context);
DemoSection demo_lifetime_value(const DemoContext& context);
// quality.cpp: the quality pillar.
DemoSection demo_service_quality(const DemoContext& context);
// pls.cpp: the satisfaction index model (quality pillar).
DemoSection demo_satisfaction_index(const DemoContext& context);
// decision.cpp: the decision pillar.
DemoSection demo_decisions(const DemoContext& context);
// contact.cpp: the contact pillar.
DemoSection demo_contact_centre(const DemoContext& context);
// process.cpp: the process pillar.
DemoSection demo_service_process(const DemoContext& context);

// complaints.cpp: the complaint pillar.
DemoSection demo_complaints(const DemoContext& context);

// mining.cpp: segments and churn.
DemoSection demo_segments_and_churn(const DemoContext& context);

// Helpers shared by the sections.
std::string html_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);
// A number with a fixed count of decimals and thousands separators: 2,500,315.63.
std::string fixed(double v, int decimals);
// A chart wider than the page at its own size in a box that scrolls sideways, instead of
// shrunk to the page's width with its text (the swim lanes' 1,800 px to 6 px letters).
std::string wide_figure(const std::string& svg);

}  // namespace crmkit_cli
