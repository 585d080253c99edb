// Charts as standalone SVG text (no dependencies), for reports: line, bar. The quality
// pillar's radar chart belongs here too.
#pragma once

#include <string>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace io {

// A vertical line at x with a label (e.g. the end of the calibration period).
struct Marker {
  double x = 0;
  std::string label;
};

struct ChartOptions {
  std::string title;
  std::string x_label;
  std::string y_label;
  int width = 640;
  int height = 360;
  std::vector<Marker> markers;  // line charts: drawn when inside the x range
};

struct Series {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;  // same length as x
  bool dashed = false;
};

// Lines over a shared numeric x axis, with a legend. Throws invalid_argument for empty
// input, series whose x and y differ in length, or non-finite points.
std::string line_chart(const std::vector<Series>& series, const ChartOptions& options);

// One bar per label; values must be finite (negative bars go below the zero line). Labels
// too long for their bar's width are drawn slanted, with room made for them below.
std::string bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const ChartOptions& options);

// A grid of cells coloured from white (0) to dark blue (1), e.g. P(alive) by frequency and
// recency: values[row][column] in [0, 1], row 0 drawn at the bottom; one label per column and
// per row; a colour scale on the right. NaN marks a cell that cannot occur (drawn hatched
// grey, named in the legend). Throws invalid_argument for an empty or ragged grid or values
// outside [0, 1].
std::string heat_map(const std::vector<std::vector<double>>& values,
                     const std::vector<std::string>& column_labels,
                     const std::vector<std::string>& row_labels, const ChartOptions& options);

// Text made safe for XML/HTML content and attributes.
std::string escape_xml(const std::string& text);

}  // namespace io
}  // namespace v0
}  // namespace crmkit
