// Charts as standalone SVG text (no dependencies, readable by browsers), for reports: lines
// over a numeric axis or over named categories (e.g. survey waves, with confidence
// intervals), bars (one or several series per label), heat maps, radar charts (dimensions
// or audit categories on a stated scale) and importance-performance scatters.
//
// Layout, stated so that callers and tests can place things (all in pixels, SVG y down):
// - Every chart draws its title (when given) centred at y = 20, and the x and y axis labels
//   at the bottom (y = height - 8) and on the left (rotated, x = 14).
// - Charts with x and y axes plot inside left = 60, top = 36, right = width - 20,
//   bottom = height - 48. A legend, drawn when there are several series or a named one,
//   takes a column on the right: the plot then ends at width - (40 + widest name), the
//   name's width estimated as 6.2 px per character. Bar charts and category lines with
//   labels too long for their slot slant them and grow the bottom and left margins.
// - A value v on an axis from lo to hi lies at left + (v - lo) / (hi - lo) * (right - left)
//   across and at bottom - (v - lo) / (hi - lo) * (bottom - top) up. Value axes taken from
//   the data are widened to whole ticks (1, 2 or 5 times a power of ten, about five of them).
// - Categories (bars, category lines) share the x axis in equal slots: category i of n
//   spans [i, i + 1] of an axis from 0 to n, its point (or group of bars) at i + 0.5. In a
//   group of k bars each bar is 0.8 / k of the slot wide, the group starting at i + 0.1.
#pragma once

#include <optional>
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

// A closed range of values on an axis: finite, min < max.
struct Range {
  double min = 0;
  double max = 1;
};

// Points over a numeric x axis (line_chart).
struct Series {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;  // same length as x
  bool dashed = false;
};

// One value per category (bar groups, radar axes, survey waves). `lower` and `upper` are an
// optional interval per category (a confidence interval), drawn by category_line_chart:
// both empty, or both one per category with lower <= value <= upper.
struct CategorySeries {
  std::string name;
  std::vector<double> values;
  std::vector<double> lower;
  std::vector<double> upper;
  bool dashed = false;
};

// Lines over a shared numeric x axis, with a legend. Throws invalid_argument for empty
// input, series whose x and y differ in length, or non-finite points.
std::string line_chart(const std::vector<Series>& series, const ChartOptions& options);

// Lines over named categories (e.g. an index per survey wave "2024-Q1", "2024-Q2", ...),
// one dot per value, error bars where a series has an interval. The value axis is
// `y_range` when given (values outside it are an error) or the data's range widened to
// whole ticks. Throws invalid_argument for no labels, a series without one value per label,
// or a value or interval bound that is not finite (naming the series and the label).
std::string category_line_chart(const std::vector<std::string>& labels,
                                const std::vector<CategorySeries>& series, const ChartOptions& options,
                                const std::optional<Range>& y_range = std::nullopt);

// Bars: for each label a group with one bar per series (e.g. gaps 1..5 per SERVQUAL
// dimension), coloured by series and named in the legend. Negative values go below the
// zero line. Labels too long for their slot are slanted, with room made for them below.
// Throws invalid_argument for no labels or series, a series without one value per label,
// or a value that is not finite (naming the series and the label).
std::string grouped_bar_chart(const std::vector<std::string>& labels,
                              const std::vector<CategorySeries>& series, const ChartOptions& options);

// One bar per label: grouped_bar_chart with a single unnamed series (no legend).
std::string bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const ChartOptions& options);

// A radar (spider) chart: one spoke per axis (e.g. the SERVQUAL dimensions or the audit
// categories), clockwise from the top; circles at the scale's ticks, labelled along the top
// spoke; one closed polygon per series (e.g. expectation and perception) with a legend.
// Value v on spoke k of n lies at (cx + r sin(2 pi k / n), cy - r cos(2 pi k / n)) with
// r = radius * (v - scale.min) / (scale.max - scale.min), where the plot area is x = 10 ..
// width - 10 (less the legend column) and y = 36 .. height - 10, (cx, cy) its centre, and
// the radius the largest that keeps every spoke's label (wrapped at about 18 characters per
// line) inside the plot area, 10 px beyond the outer circle. Throws invalid_argument for
// fewer than 3 axes, no series, a series without one value per axis, a value that is not
// finite or outside the scale (naming the series and the axis), a bad scale, or labels too
// long to leave a radius of 40 px.
std::string radar_chart(const std::vector<std::string>& axes, const std::vector<CategorySeries>& series,
                        const Range& scale, const ChartOptions& options);

// Importance-performance analysis: one labelled dot per item (performance across,
// importance up), a crosshair at (performance_cross, importance_cross) - the data's means
// or the scale's midpoint, as the caller decides - and the four quadrants named in their
// outer corners: "Concentrate here" (high importance, low performance), "Keep up the good
// work" (high, high), "Low priority" (low, low), "Possible overkill" (low importance, high
// performance). The axes are the ranges given, or the data's (with the crosshair) widened
// to whole ticks. A 20 px band along the top and the bottom of the plot area holds the
// quadrant names, so the value axis runs from 56 to height - 68. Each item's label is put
// beside its dot where it covers no dot, no other label and no quadrant name (right, left,
// above, below, then diagonally); when no place is free, the one covering least. Axis
// labels default to "Performance" and "Importance". Throws invalid_argument for no items,
// lengths that differ, a value or crosshair that is not finite or outside a given range
// (naming the item), or a bad range.
std::string ipa_chart(const std::vector<std::string>& labels, const std::vector<double>& performance,
                      const std::vector<double>& importance, double performance_cross,
                      double importance_cross, const ChartOptions& options,
                      const std::optional<Range>& performance_range = std::nullopt,
                      const std::optional<Range>& importance_range = std::nullopt);

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
