// Swim-lane SVG of a process map (include/crmkit/process/lanes.hpp).
#include "crmkit/process/lanes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "crmkit/error.hpp"
#include "crmkit/io/svg.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

namespace {

constexpr double kLabelWidth = 130, kColumn = 170, kBoxWidth = 132, kBoxHeight = 46, kSlot = 62,
                 kTop = 70, kPad = 14, kLegend = 40, kArc = 22;

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

// Figures in labels: 4 significant digits ("30", "1.681", "85%").
std::string label(double x, const char* unit = "") {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4g%s", x, unit);
  return buf;
}
std::string percent(double p) { return label(p * 100, "%"); }

// Names longer than a box holds are cut, with an ellipsis (the full name is the tooltip).
std::string fit(const std::string& text, std::size_t chars) {
  if (text.size() <= chars) return text;
  std::size_t cut = chars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "\u2026";
}

}  // namespace

std::string swim_lanes(const ProcessMap& map, const ProcessAnalysis& analysis, const LaneOptions& options) {
  using io::escape_xml;
  const std::size_t n = map.steps.size();
  if (analysis.steps.size() != n)
    throw Error(ErrorCode::invalid_argument, "swim lanes: the analysis is not of this map");
  if (n > options.max_steps)
    throw Error(ErrorCode::invalid_argument, "swim lanes: " + std::to_string(n) + " steps; a drawing holds at most " +
                                                 std::to_string(options.max_steps));
  // Columns: depth in the acyclic structure (longest chain of forward flows from the start).
  std::set<std::pair<std::size_t, std::size_t>> rework(analysis.rework_loops.begin(), analysis.rework_loops.end());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(map.steps[i].name, i);
  std::vector<std::size_t> indegree(n, 0), column(n, 0);
  const auto targets = [&](std::size_t i) {
    std::vector<std::size_t> out;
    for (const Next& x : map.steps[i].next) {
      const std::size_t j = index.at(x.step);
      if (!rework.count({i, j})) out.push_back(j);
    }
    return out;
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j : targets(i)) ++indegree[j];
  std::vector<std::size_t> ready{0};
  std::size_t columns = 1;
  while (!ready.empty()) {
    const std::size_t i = ready.back();
    ready.pop_back();
    columns = std::max(columns, column[i] + 1);
    for (std::size_t j : targets(i)) {
      column[j] = std::max(column[j], column[i] + 1);
      if (--indegree[j] == 0) ready.push_back(j);
    }
  }
  // Lanes in order of first appearance; steps sharing a lane and a column are stacked.
  std::vector<std::string> lanes;
  std::vector<std::size_t> lane(n), slot(n);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> used;
  for (std::size_t i = 0; i < n; ++i) {
    auto it = std::find(lanes.begin(), lanes.end(), map.steps[i].department);
    lane[i] = static_cast<std::size_t>(it - lanes.begin());
    if (it == lanes.end()) lanes.push_back(map.steps[i].department);
    slot[i] = used[{lane[i], column[i]}]++;
  }
  std::vector<std::size_t> slots(lanes.size(), 1);
  for (std::size_t i = 0; i < n; ++i) slots[lane[i]] = std::max(slots[lane[i]], slot[i] + 1);
  std::vector<double> lane_top(lanes.size() + 1, kTop);
  for (std::size_t l = 0; l < lanes.size(); ++l) lane_top[l + 1] = lane_top[l] + static_cast<double>(slots[l]) * kSlot + 2 * kPad;
  // At least as wide as the legend.
  const double width = std::max(640.0, kLabelWidth + static_cast<double>(columns) * kColumn + kPad);
  const double height = lane_top.back() + kLegend;
  const auto box_x = [&](std::size_t i) { return kLabelWidth + static_cast<double>(column[i]) * kColumn + (kColumn - kBoxWidth) / 2; };
  const auto box_y = [&](std::size_t i) { return lane_top[lane[i]] + kPad + static_cast<double>(slot[i]) * kSlot + (kSlot - kBoxHeight) / 2; };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
                    "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" style=\"max-width:100%;height:auto\" font-family=\"sans-serif\" font-size=\"11\">\n"
                    "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                    "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/>"
                    "</marker><marker id=\"rework\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                    "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c0392b\"/>"
                    "</marker></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg += "<text x=\"" + num(width / 2) + "\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">" +
         escape_xml(options.title.empty() ? "Process swim lanes" : options.title) + "</text>\n";
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const double y = lane_top[l], h = lane_top[l + 1] - lane_top[l];
    svg += "<rect x=\"0\" y=\"" + num(y) + "\" width=\"" + num(width) + "\" height=\"" + num(h) + "\" fill=\"" +
           (l % 2 ? "#ffffff" : "#f3f6fa") + "\" stroke=\"#9aa5b1\"/>\n";
    svg += "<text x=\"10\" y=\"" + num(y + h / 2 + 4) + "\" font-weight=\"bold\">" + escape_xml(fit(lanes[l], 18)) + "</text>\n";
  }
  svg += "<line x1=\"" + num(kLabelWidth) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(kLabelWidth) + "\" y2=\"" +
         num(lane_top.back()) + "\" stroke=\"#9aa5b1\"/>\n";
  // Flows first, boxes over them.
  for (std::size_t i = 0; i < n; ++i) {
    const Step& s = map.steps[i];
    for (const Next& x : s.next) {
      const std::size_t j = index.at(x.step);
      const double x1 = box_x(i) + kBoxWidth, y1 = box_y(i) + kBoxHeight / 2;
      const double x2 = box_x(j), y2 = box_y(j) + kBoxHeight / 2;
      if (rework.count({i, j})) {
        // Back to an earlier column: a dashed arc over the boxes, top to top.
        const double sx = box_x(i) + kBoxWidth / 2, sy = box_y(i);
        const double tx = box_x(j) + kBoxWidth / 2, ty = box_y(j);
        const double arc = std::min(sy, ty) - kArc;
        svg += "<path d=\"M" + num(sx) + "," + num(sy) + " C" + num(sx) + "," + num(arc) + " " + num(tx) + "," + num(arc) +
               " " + num(tx) + "," + num(ty) + "\" fill=\"none\" stroke=\"#c0392b\" stroke-dasharray=\"5,3\" marker-end=\"url(#rework)\"/>\n";
        if (s.flow == Flow::decision)  // at the arc's midpoint
          svg += "<text x=\"" + num((sx + tx) / 2) + "\" y=\"" + num((sy + ty + 6 * arc) / 8 - 3) +
                 "\" text-anchor=\"middle\" fill=\"#c0392b\">" + percent(x.probability) + "</text>\n";
        continue;
      }
      svg += "<path d=\"M" + num(x1) + "," + num(y1) + " C" + num(x1 + 20) + "," + num(y1) + " " + num(x2 - 20) + "," + num(y2) +
             " " + num(x2) + "," + num(y2) + "\" fill=\"none\" stroke=\"#444\" marker-end=\"url(#arrow)\"/>\n";
      if (s.flow == Flow::decision)  // just before the arrowhead: one label per target
        svg += "<text x=\"" + num(x2 - 9) + "\" y=\"" + num(y2 - 5) + "\" text-anchor=\"end\" fill=\"#1f4e79\">" +
               percent(x.probability) + "</text>\n";
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Step& s = map.steps[i];
    const StepFigures& f = analysis.steps[i];
    const double x = box_x(i), y = box_y(i);
    svg += "<g><title>" + escape_xml(s.name + " (" + s.department + "): " + label(s.duration, " min") + ", expected visits " +
                                     label(f.expected_visits)) +
           "</title><rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(kBoxWidth) + "\" height=\"" +
           num(kBoxHeight) + "\" rx=\"6\" fill=\"" + (s.value_adding ? "#d5f0d8" : "#e6e6e6") + "\" stroke=\"" +
           (f.critical ? "#e67e22" : "#555") + "\" stroke-width=\"" + (f.critical ? "3" : "1") + "\"/>";
    svg += "<text x=\"" + num(x + kBoxWidth / 2) + "\" y=\"" + num(y + 19) + "\" text-anchor=\"middle\">" +
           escape_xml(fit(s.name, 21)) + "</text>";
    std::string detail = label(s.duration, " min");
    if (s.flow == Flow::parallel) detail += ", split";
    if (std::abs(f.expected_visits - 1) > 1e-9) detail += ", x" + label(f.expected_visits);
    svg += "<text x=\"" + num(x + kBoxWidth / 2) + "\" y=\"" + num(y + 35) + "\" text-anchor=\"middle\" fill=\"#555\">" +
           escape_xml(detail) + "</text></g>\n";
  }
  // Legend.
  const double ly = lane_top.back() + 22;
  svg += "<rect x=\"10\" y=\"" + num(ly - 11) + "\" width=\"22\" height=\"14\" rx=\"3\" fill=\"#d5f0d8\" stroke=\"#555\"/>"
         "<text x=\"38\" y=\"" + num(ly) + "\">value-adding</text>"
         "<rect x=\"140\" y=\"" + num(ly - 11) + "\" width=\"22\" height=\"14\" rx=\"3\" fill=\"#e6e6e6\" stroke=\"#555\"/>"
         "<text x=\"168\" y=\"" + num(ly) + "\">no value added</text>"
         "<rect x=\"280\" y=\"" + num(ly - 11) + "\" width=\"22\" height=\"14\" rx=\"3\" fill=\"white\" stroke=\"#e67e22\" stroke-width=\"3\"/>"
         "<text x=\"308\" y=\"" + num(ly) + "\">critical path</text>"
         "<line x1=\"410\" y1=\"" + num(ly - 4) + "\" x2=\"440\" y2=\"" + num(ly - 4) + "\" stroke=\"#c0392b\" stroke-dasharray=\"5,3\"/>"
         "<text x=\"446\" y=\"" + num(ly) + "\">rework loop (probability)</text>\n";
  return svg + "</svg>\n";
}

}  // namespace process
}  // namespace v0
}  // namespace crmkit
