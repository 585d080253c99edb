// The SWOT matrix as SVG (declared in crmkit/decision/swot.hpp): a 2 x 2 grid, strengths and
// weaknesses on top (internal), opportunities and threats below (external).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "crmkit/decision/swot.hpp"
#include "crmkit/io/svg.hpp"

namespace crmkit {
inline namespace v0 {
namespace decision {

namespace {

std::string two_places(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

constexpr int kWidth = 760, kCell = 340, kLine = 18, kTop = 50, kLeft = 30;

}  // namespace

std::string swot_chart(const std::vector<SwotFactor>& factors, const SwotResult& result, const std::string& title) {
  const char* const kTitles[] = {"Strengths (S)", "Weaknesses (W)", "Opportunities (O)", "Threats (T)"};
  const char* const kFills[] = {"#e3f1e3", "#f7e3e1", "#e1ecf7", "#f7efdc"};
  // Rows fit the longest group's list.
  std::size_t longest = 1;
  for (std::size_t g = 0; g < 4; ++g) {
    std::size_t count = 0;
    for (const SwotFactor& f : factors) count += static_cast<std::size_t>(f.group) == g;
    longest = std::max(longest, count);
  }
  const int cell_height = static_cast<int>(40 + kLine * longest);
  const int height = kTop + 2 * cell_height + 60;
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << kWidth << " " << height << "\" font-family=\"sans-serif\" font-size=\"13\">\n"
      << "<text x=\"" << kWidth / 2 << "\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">"
      << io::escape_xml(title) << "</text>\n";
  for (std::size_t g = 0; g < 4; ++g) {
    const int x = kLeft + static_cast<int>(g % 2) * (kCell + 20), y = kTop + static_cast<int>(g / 2) * cell_height;
    out << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << kCell << "\" height=\"" << cell_height - 10
        << "\" fill=\"" << kFills[g] << "\" stroke=\"#888\"/>\n"
        << "<text x=\"" << x + 10 << "\" y=\"" << y + 22 << "\" font-weight=\"bold\">" << kTitles[g] << "</text>\n";
    int line = 0;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (static_cast<std::size_t>(factors[i].group) != g) continue;
      const int ty = y + 44 + kLine * line++;
      out << "<text x=\"" << x + 10 << "\" y=\"" << ty << "\">" << io::escape_xml(factors[i].name) << "</text>"
          << "<text x=\"" << x + kCell - 10 << "\" y=\"" << ty << "\" text-anchor=\"end\">"
          << two_places(result.scores[i]) << "</text>\n";
    }
  }
  static const char* const kCells[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  out << "<text x=\"" << kLeft << "\" y=\"" << height - 20 << "\">IFE " << two_places(result.ife) << ", EFE "
      << two_places(result.efe) << "; IE cell " << kCells[result.ie_cell - 1] << ": " << name_of(result.strategy)
      << "; SWOT quadrant: " << name_of(result.quadrant) << " (S-W " << two_places(result.internal_net)
      << ", O-T " << two_places(result.external_net) << ")</text>\n</svg>\n";
  return out.str();
}

}  // namespace decision
}  // namespace v0
}  // namespace crmkit
