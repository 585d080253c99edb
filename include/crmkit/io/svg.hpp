// Charts as standalone SVG text (no dependencies), for reports: line, bar. The quality
// pillar's radar chart belongs here too.
#pragma once

#include <string>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace io {

struct ChartOptions {
  std::string title;
  std::string x_label;
  std::string y_label;
  int width = 640;
  int height = 360;
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

// One bar per label; values must be finite (negative bars go below the zero line).
std::string bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const ChartOptions& options);

// A grid of cells coloured from white (0) to dark blue (1), e.g. P(alive) by frequency and
// recency: values[row][column] in [0, 1], row 0 drawn at the bottom; one label per column and
// per row. Throws invalid_argument for an empty or ragged grid or values outside [0, 1].
std::string heat_map(const std::vector<std::vector<double>>& values,
                     const std::vector<std::string>& column_labels,
                     const std::vector<std::string>& row_labels, const ChartOptions& options);

// Text made safe for XML/HTML content and attributes.
std::string escape_xml(const std::string& text);

}  // namespace io
}  // namespace v0
}  // namespace crmkit
