// The sections of `crmkit demo`'s report. Each pillar adds one function in its own
// tools/demo_<pillar>.cpp and one line in kSections (cmd_demo.cpp).
#pragma once

#include <string>
#include <vector>

namespace crmkit_cli {

struct DemoContext {
  std::string data_dir;  // the bundled data (data/ in the source tree, share/crmkit/data installed)
  std::string out_dir;   // where report.html goes
};

struct DemoSection {
  std::string title;
  std::string html;      // body of the section: paragraphs, tables, inline SVG
  std::string summary;   // one line printed on the terminal
};

DemoSection demo_customer_summaries(const DemoContext& context);
DemoSection demo_lifetime_value(const DemoContext& context);  // demo_clv.cpp
DemoSection demo_customer_value(const DemoContext& context);  // demo_value.cpp

// Helpers shared by the sections.
std::string html_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);
// A number with a fixed count of decimals ("%.*f"), for tables and summaries.
std::string fixed(double v, int decimals);

}  // namespace crmkit_cli
