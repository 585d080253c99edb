#include "crmkit/io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <utility>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

constexpr double kPi = 3.14159265358979323846;

const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

const char* colour_of(std::size_t series) { return kPalette[series % std::size(kPalette)]; }

// The plot area of a chart with x and y axes and the data range it shows (see the layout in
// svg.hpp).
struct Frame {
  double left = 60, right = 20, top = 36, bottom = 48;
  double width = 0, height = 0;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;  // data range
  double px(double x) const { return left + (x - x0) / (x1 - x0) * (width - left - right); }
  double py(double y) const { return height - bottom - (y - y0) / (y1 - y0) * (height - top - bottom); }
  double plot_right() const { return width - right; }
  double plot_bottom() const { return height - bottom; }
};

Frame frame_of(const ChartOptions& o) {
  Frame f;
  f.width = o.width;
  f.height = o.height;
  return f;
}

// Coordinates: one decimal (a tenth of a pixel is below what a screen shows).
std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Values shown to a reader: six significant digits, no "-0".
std::string tick_label(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::abs(v) < 1e-12 ? 0.0 : v);
  return buf;
}

// A "nice" step (1, 2 or 5 times a power of ten) giving about `count` ticks over the range.
double nice_step(double range, int count) {
  double raw = range / count;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

// lo..hi widened to whole ticks of about five steps (an empty range becomes one unit wide,
// or wider where one unit is below the values' precision).
Range tick_range(double lo, double hi) {
  require(std::isfinite(hi - lo), "chart: the values span more than a double can hold");
  if (hi == lo) hi = lo + std::max(1.0, std::abs(lo) * 1e-9);
  const double step = nice_step(hi - lo, 5);
  return {std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step};
}

// The ticks within lo..hi, a nice step apart: multiples of the step, or from lo on when
// `from_lo` (a value axis: a 1..7 scale is labelled 1, 3, 5, 7, not 2, 4, 6).
std::vector<double> ticks(double lo, double hi, int count, bool from_lo) {
  const double step = nice_step(hi - lo, count);
  const double origin = from_lo ? lo : 0, first = from_lo ? 0 : std::ceil(lo / step - 1e-9);
  std::vector<double> out;
  for (double k = first; origin + k * step <= hi + step * 1e-9; ++k) out.push_back(origin + k * step);
  return out;
}

void require_range(const Range& r, const std::string& what) {
  require(std::isfinite(r.min) && std::isfinite(r.max) && r.min < r.max,
          what + " must be finite with min < max, got " + tick_label(r.min) + " .. " + tick_label(r.max));
}

// Width of a label in the charts' 11 px sans-serif font: about 0.55 em per character (an
// estimate: SVG text cannot be measured before it is rendered; it errs on the wide side).
constexpr double kCharWidth = 6.2;
double text_width(const std::string& text) { return kCharWidth * static_cast<double>(text.size()); }

// One <text> element; `anchor` is "start" (SVG's default, left out), "middle" or "end".
void text_at(std::ostringstream& out, double x, double y, const std::string& content,
             const char* anchor = "start", const char* attributes = "") {
  out << "<text x=\"" << fmt(x) << "\" y=\"" << fmt(y) << "\"";
  if (std::string(anchor) != "start") out << " text-anchor=\"" << anchor << "\"";
  out << attributes << ">" << escape_xml(content) << "</text>\n";
}

const char* dash(bool dashed) { return dashed ? " stroke-dasharray=\"6 4\"" : ""; }

// "series 'name'" for messages (a bar chart's single series has no name).
std::string series_name(const std::string& name) { return name.empty() ? "series" : "series '" + name + "'"; }

void require_chart_size(const ChartOptions& o) {
  require(o.width >= 120 && o.height >= 100 && o.width <= 10000 && o.height <= 10000,
          "chart size must be within 120x100 .. 10000x10000");
}

void open_svg(std::ostringstream& out, const Frame& f, const ChartOptions& o) {
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << o.width << "\" height=\"" << o.height
      << "\" viewBox=\"0 0 " << o.width << " " << o.height
      << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  if (!o.title.empty()) text_at(out, f.width / 2, 20, o.title, "middle", " font-size=\"14\"");
  if (!o.x_label.empty()) text_at(out, (f.left + f.plot_right()) / 2, f.height - 8, o.x_label, "middle");
  if (!o.y_label.empty())
    out << "<text transform=\"translate(14," << fmt((f.top + f.plot_bottom()) / 2)
        << ") rotate(-90)\" text-anchor=\"middle\">" << escape_xml(o.y_label) << "</text>\n";
}

// Grid lines and tick labels of the value axis.
void y_axis(std::ostringstream& out, const Frame& f) {
  for (double y : ticks(f.y0, f.y1, 5, true)) {
    out << "<line x1=\"" << fmt(f.left) << "\" x2=\"" << fmt(f.plot_right()) << "\" y1=\"" << fmt(f.py(y))
        << "\" y2=\"" << fmt(f.py(y)) << "\" stroke=\"#ddd\"/>\n";
    text_at(out, f.left - 4, f.py(y) + 4, tick_label(y), "end");
  }
}

// Tick labels of a numeric x axis, their baseline at `y`.
void x_ticks(std::ostringstream& out, const Frame& f, double y, bool from_lo) {
  for (double x : ticks(f.x0, f.x1, 8, from_lo)) text_at(out, f.px(x), y, tick_label(x), "middle");
}

// ---- legend: a column on the right of the plot --------------------------------------------

struct LegendEntry {
  std::string name;
  const char* colour;
  bool dashed;
  bool box;  // a filled square (bars, areas) rather than a line
};

bool has_legend(const std::vector<LegendEntry>& entries) {
  return entries.size() > 1 || (entries.size() == 1 && !entries[0].name.empty());
}

// Width the legend column takes from the right of the chart (0 without a legend): 12 px
// gap, a 20 px swatch, 4 px, the widest name, 4 px.
double legend_room(const std::vector<LegendEntry>& entries) {
  if (!has_legend(entries)) return 0;
  double widest = 0;
  for (const LegendEntry& e : entries) widest = std::max(widest, text_width(e.name));
  return 40 + widest;
}

void legend(std::ostringstream& out, double width, double top, const std::vector<LegendEntry>& entries) {
  if (!has_legend(entries)) return;
  const double x = width - legend_room(entries) + 12;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const double y = top + 6 + 14.0 * static_cast<double>(i);
    if (e.box)
      out << "<rect x=\"" << fmt(x + 4) << "\" y=\"" << fmt(y - 5) << "\" width=\"12\" height=\"10\" fill=\""
          << e.colour << "\"/>\n";
    else
      out << "<line x1=\"" << fmt(x) << "\" x2=\"" << fmt(x + 20) << "\" y1=\"" << fmt(y) << "\" y2=\""
          << fmt(y) << "\" stroke=\"" << e.colour << "\" stroke-width=\"2\"" << dash(e.dashed) << "/>\n";
    text_at(out, x + 24, y + 4, e.name);
  }
}

template <class S>
std::vector<LegendEntry> legend_of(const std::vector<S>& series, bool box) {
  std::vector<LegendEntry> entries;
  for (std::size_t s = 0; s < series.size(); ++s)
    entries.push_back({series[s].name, colour_of(s), series[s].dashed, box});
  return entries;
}

// A frame with the standard margins and room on the right for the legend.
Frame xy_frame(const ChartOptions& o, const std::vector<LegendEntry>& entries) {
  Frame f = frame_of(o);
  if (has_legend(entries)) f.right = legend_room(entries);
  return f;
}

void require_plot_room(const Frame& f, const char* chart) {
  require(f.bottom + f.top + 20 < f.height && f.left + f.right + 20 < f.width,
          std::string(chart) + ": labels too long for a chart of this size");
}

// ---- categories on the x axis (bars, category lines) --------------------------------------

constexpr double kSlant = 35 * kPi / 180;

// Category labels wider than their slot are slanted (at 35 degrees neighbours stay apart
// while slots are wider than about 20 px), with the bottom and left margins grown to hold
// them. Returns whether they are slanted. f.x0..x1 must already be 0..n.
bool fit_category_labels(Frame& f, const std::vector<std::string>& labels) {
  double widest = 0;
  for (const std::string& label : labels) widest = std::max(widest, text_width(label));
  const double slot = f.px(1) - f.px(0);
  if (widest <= 0.9 * slot) return false;
  f.bottom = std::max(f.bottom, 36 + widest * std::sin(kSlant) + 11 * std::cos(kSlant));
  f.left = std::max(f.left, widest * std::cos(kSlant) - 0.5 * slot + 8);
  return true;
}

void category_labels(std::ostringstream& out, const Frame& f, const std::vector<std::string>& labels,
                     bool slanted) {
  const double y = f.plot_bottom() + 14;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double x = f.px(static_cast<double>(i) + 0.5);
    if (slanted)
      out << "<text transform=\"translate(" << fmt(x) << "," << fmt(y) << ") rotate(-35)\" "
          << "text-anchor=\"end\">" << escape_xml(labels[i]) << "</text>\n";
    else
      text_at(out, x, y, labels[i], "middle");
  }
}

// Every series has one finite value per label.
void require_category_series(const char* chart, const std::vector<std::string>& labels,
                             const std::vector<CategorySeries>& series, const char* label_kind = "label",
                             const char* label_kinds = "labels") {
  require(!labels.empty(), std::string(chart) + ": no " + label_kinds);
  require(!series.empty(), std::string(chart) + ": no series");
  for (const CategorySeries& s : series) {
    require(s.values.size() == labels.size(), std::string(chart) + ": " + series_name(s.name) + " has " +
                                                  std::to_string(s.values.size()) + " values for " +
                                                  std::to_string(labels.size()) + " " + label_kinds);
    for (std::size_t i = 0; i < labels.size(); ++i)
      require(std::isfinite(s.values[i]), std::string(chart) + ": " + series_name(s.name) + " at " +
                                              label_kind + " '" + labels[i] + "' is not finite");
  }
}

// A frame over n categories with room for the legend and the labels.
Frame category_frame(const ChartOptions& o, const std::vector<std::string>& labels,
                     const std::vector<LegendEntry>& entries, bool& slanted) {
  Frame f = xy_frame(o, entries);
  f.x0 = 0;
  f.x1 = static_cast<double>(labels.size());
  slanted = fit_category_labels(f, labels);
  return f;
}

void polyline(std::ostringstream& out, const std::vector<std::pair<double, double>>& points,
              const char* colour, bool dashed) {
  out << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\"" << dash(dashed)
      << " points=\"";
  for (std::size_t i = 0; i < points.size(); ++i)
    out << (i ? " " : "") << fmt(points[i].first) << "," << fmt(points[i].second);
  out << "\"/>\n";
}

// White (0) to #08306b (1), linear in each channel.
std::string scale_colour(double v) {
  const int red = static_cast<int>(255 - v * (255 - 8)), green = static_cast<int>(255 - v * (255 - 48)),
            blue = static_cast<int>(255 - v * (255 - 107));
  char colour[8];
  std::snprintf(colour, sizeof colour, "#%02x%02x%02x", red, green, blue);
  return colour;
}

// ---- radar ------------------------------------------------------------------------------

// Words of `text` in lines of at most `max_chars` characters (a longer word keeps a line).
std::vector<std::string> wrap(const std::string& text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word;
  while (words >> word) {
    if (!lines.empty() && lines.back().size() + 1 + word.size() <= max_chars)
      lines.back() += " " + word;
    else
      lines.push_back(word);
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

constexpr double kLineHeight = 13;  // text lines of a wrapped label
constexpr double kLabelGap = 10;    // from the outer circle to a spoke's label

// ---- label placement (IPA) ----------------------------------------------------------------

struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& b) const { return x0 < b.x1 && b.x0 < x1 && y0 < b.y1 && b.y0 < y1; }
  bool inside(const Box& b) const { return x0 >= b.x0 && x1 <= b.x1 && y0 >= b.y0 && y1 <= b.y1; }
};

// The box of one line of 11 px text with its baseline at y.
Box text_box(double x, double y, double width, const char* anchor) {
  const std::string a = anchor;
  const double left = a == "start" ? x : a == "end" ? x - width : x - width / 2;
  return {left, y - 9, left + width, y + 3};
}

}  // namespace

std::string escape_xml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string line_chart(const std::vector<Series>& series, const ChartOptions& options) {
  require_chart_size(options);
  require(!series.empty(), "line chart: no series");
  double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = 0, y1 = -HUGE_VAL;  // the value axis starts at 0 or below
  for (const Series& ser : series) {
    require(!ser.x.empty() && ser.x.size() == ser.y.size(),
            "line chart: series '" + ser.name + "' is empty or its x and y differ in length");
    for (std::size_t i = 0; i < ser.x.size(); ++i) {
      require(std::isfinite(ser.x[i]) && std::isfinite(ser.y[i]),
              "line chart: series '" + ser.name + "' point " + std::to_string(i) + " is not finite");
      x0 = std::min(x0, ser.x[i]);
      x1 = std::max(x1, ser.x[i]);
      y0 = std::min(y0, ser.y[i]);
      y1 = std::max(y1, ser.y[i]);
    }
  }
  const std::vector<LegendEntry> entries = legend_of(series, false);
  Frame f = xy_frame(options, entries);
  require_plot_room(f, "line chart");
  f.x0 = x0;
  f.x1 = x1 == x0 ? x0 + 1 : x1;
  const Range y = tick_range(y0, y1);
  f.y0 = y.min;
  f.y1 = y.max;
  std::ostringstream out;
  open_svg(out, f, options);
  y_axis(out, f);
  x_ticks(out, f, f.plot_bottom() + 14, false);
  for (std::size_t s = 0; s < series.size(); ++s) {
    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < series[s].x.size(); ++i)
      points.emplace_back(f.px(series[s].x[i]), f.py(series[s].y[i]));
    polyline(out, points, colour_of(s), series[s].dashed);
  }
  legend(out, f.width, f.top, entries);
  for (const Marker& m : options.markers) {
    if (!(m.x >= f.x0 && m.x <= f.x1)) continue;
    out << "<line x1=\"" << fmt(f.px(m.x)) << "\" x2=\"" << fmt(f.px(m.x)) << "\" y1=\"" << fmt(f.top)
        << "\" y2=\"" << fmt(f.plot_bottom()) << "\" stroke=\"#555\" stroke-dasharray=\"3 3\"/>\n";
    // Right of the line, or left of it where the label would run past the plot.
    const bool fits = f.px(m.x) + 4 + text_width(m.label) <= f.plot_right();
    text_at(out, f.px(m.x) + (fits ? 4 : -4), f.top + 12, m.label, fits ? "start" : "end");
  }
  out << "</svg>\n";
  return out.str();
}

std::string category_line_chart(const std::vector<std::string>& labels,
                                const std::vector<CategorySeries>& series, const ChartOptions& options,
                                const std::optional<Range>& y_range) {
  constexpr const char* kChart = "category line chart";
  require_chart_size(options);
  require_category_series(kChart, labels, series);
  if (y_range) require_range(*y_range, std::string(kChart) + ": y range");
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (const CategorySeries& s : series) {
    const bool interval = !s.lower.empty() || !s.upper.empty();
    require(!interval || (s.lower.size() == labels.size() && s.upper.size() == labels.size()),
            std::string(kChart) + ": " + series_name(s.name) + " needs both lower and upper, one per label");
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const std::string where =
          std::string(kChart) + ": " + series_name(s.name) + " at label '" + labels[i] + "'";
      const double v = s.values[i], a = interval ? s.lower[i] : v, b = interval ? s.upper[i] : v;
      require(std::isfinite(a) && std::isfinite(b), where + ": interval bound is not finite");
      require(a <= v && v <= b, where + ": interval " + tick_label(a) + " .. " + tick_label(b) +
                                    " does not hold the value " + tick_label(v));
      require(!y_range || (a >= y_range->min && b <= y_range->max),
              where + ": " + tick_label(a == v && b == v ? v : (a < y_range->min ? a : b)) +
                  " is outside the y range " + tick_label(y_range->min) + " .. " + tick_label(y_range->max));
      lo = std::min(lo, a);
      hi = std::max(hi, b);
    }
  }
  const std::vector<LegendEntry> entries = legend_of(series, false);
  bool slanted = false;
  Frame f = category_frame(options, labels, entries, slanted);
  require_plot_room(f, kChart);
  const Range y = y_range ? *y_range : tick_range(lo, hi);
  f.y0 = y.min;
  f.y1 = y.max;
  std::ostringstream out;
  open_svg(out, f, options);
  y_axis(out, f);
  category_labels(out, f, labels, slanted);
  for (std::size_t s = 0; s < series.size(); ++s) {
    const CategorySeries& ser = series[s];
    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < labels.size(); ++i)
      points.emplace_back(f.px(static_cast<double>(i) + 0.5), f.py(ser.values[i]));
    if (!ser.lower.empty()) {  // error bars: the interval with 8 px caps, one path per series
      out << "<path fill=\"none\" stroke=\"" << colour_of(s) << "\" stroke-width=\"1.5\" d=\"";
      for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = points[i].first, a = f.py(ser.lower[i]), b = f.py(ser.upper[i]);
        out << (i ? " " : "") << "M" << fmt(x) << "," << fmt(a) << "V" << fmt(b) << "M" << fmt(x - 4) << ","
            << fmt(a) << "H" << fmt(x + 4) << "M" << fmt(x - 4) << "," << fmt(b) << "H" << fmt(x + 4);
      }
      out << "\"/>\n";
    }
    polyline(out, points, colour_of(s), ser.dashed);
    for (std::size_t i = 0; i < labels.size(); ++i) {
      out << "<circle cx=\"" << fmt(points[i].first) << "\" cy=\"" << fmt(points[i].second)
          << "\" r=\"3\" fill=\"" << colour_of(s) << "\"><title>" << escape_xml(labels[i])
          << (ser.name.empty() ? "" : ", " + escape_xml(ser.name)) << ": " << tick_label(ser.values[i]);
      if (!ser.lower.empty())
        out << " (" << tick_label(ser.lower[i]) << " .. " << tick_label(ser.upper[i]) << ")";
      out << "</title></circle>\n";
    }
  }
  legend(out, f.width, f.top, entries);
  out << "</svg>\n";
  return out.str();
}

std::string grouped_bar_chart(const std::vector<std::string>& labels,
                              const std::vector<CategorySeries>& series, const ChartOptions& options) {
  constexpr const char* kChart = "bar chart";
  require_chart_size(options);
  require_category_series(kChart, labels, series);
  double lo = 0, hi = 0;  // bars start at zero
  for (const CategorySeries& s : series)
    for (double v : s.values) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  const std::vector<LegendEntry> entries = legend_of(series, true);
  bool slanted = false;
  Frame f = category_frame(options, labels, entries, slanted);
  require_plot_room(f, kChart);
  const Range y = tick_range(lo, hi);
  f.y0 = y.min;
  f.y1 = y.max;
  std::ostringstream out;
  open_svg(out, f, options);
  y_axis(out, f);
  const double slot = f.px(1) - f.px(0), bar = slot * 0.8 / static_cast<double>(series.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t s = 0; s < series.size(); ++s) {
      const double v = series[s].values[i],
                   x = f.px(static_cast<double>(i)) + slot * 0.1 + bar * static_cast<double>(s);
      const double top = f.py(std::max(v, 0.0)), bottom = f.py(std::min(v, 0.0));
      out << "<rect x=\"" << fmt(x) << "\" y=\"" << fmt(top) << "\" width=\"" << fmt(bar) << "\" height=\""
          << fmt(bottom - top) << "\" fill=\"" << colour_of(s) << "\"><title>" << escape_xml(labels[i])
          << (series[s].name.empty() ? "" : ", " + escape_xml(series[s].name)) << ": " << tick_label(v)
          << "</title></rect>\n";
    }
  if (y.min < 0)  // the zero line, where negative bars hang from
    out << "<line x1=\"" << fmt(f.left) << "\" x2=\"" << fmt(f.plot_right()) << "\" y1=\"" << fmt(f.py(0))
        << "\" y2=\"" << fmt(f.py(0)) << "\" stroke=\"#333\"/>\n";
  category_labels(out, f, labels, slanted);
  legend(out, f.width, f.top, entries);
  out << "</svg>\n";
  return out.str();
}

std::string bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const ChartOptions& options) {
  return grouped_bar_chart(labels, {CategorySeries{"", values, {}, {}, false}}, options);
}

std::string radar_chart(const std::vector<std::string>& axes, const std::vector<CategorySeries>& series,
                        const Range& scale, const ChartOptions& options) {
  constexpr const char* kChart = "radar chart";
  require_chart_size(options);
  require(axes.size() >= 3,
          std::string(kChart) + ": needs at least 3 axes, got " + std::to_string(axes.size()));
  require_category_series(kChart, axes, series, "axis", "axes");
  require_range(scale, std::string(kChart) + ": scale");
  for (const CategorySeries& s : series)
    for (std::size_t k = 0; k < axes.size(); ++k)
      require(s.values[k] >= scale.min && s.values[k] <= scale.max,
              std::string(kChart) + ": " + series_name(s.name) + " at axis '" + axes[k] + "' is " +
                  tick_label(s.values[k]) + ", outside the scale " + tick_label(scale.min) + " .. " +
                  tick_label(scale.max));
  const std::vector<LegendEntry> entries = legend_of(series, false);  // lines show which is dashed
  Frame f = frame_of(options);                                        // only its title and size are used
  const double left = 10, right = f.width - std::max(10.0, legend_room(entries)), top = 36,
               bottom = f.height - 10;
  const double cx = (left + right) / 2, cy = (top + bottom) / 2, half_w = (right - left) / 2,
               half_h = (bottom - top) / 2;
  // The radius: the largest that keeps every label block inside the plot area.
  const std::size_t n = axes.size();
  std::vector<std::vector<std::string>> lines(n);
  std::vector<double> sines(n), cosines(n);
  double radius = std::min(half_w, half_h) - kLabelGap;
  for (std::size_t k = 0; k < n; ++k) {
    const double angle = 2 * kPi * static_cast<double>(k) / static_cast<double>(n);
    const double s = sines[k] = std::sin(angle), c = cosines[k] = std::cos(angle);
    lines[k] = wrap(axes[k], 18);
    double w = 0;
    for (const std::string& line : lines[k]) w = std::max(w, text_width(line));
    const double h = kLineHeight * static_cast<double>(lines[k].size());
    // Across: the block starts (or ends, or is centred) at the label point.
    const double across = std::abs(s) > 0.1 ? w : w / 2;
    radius = std::min(radius, std::abs(s) > 1e-9 ? (half_w - across) / std::abs(s) - kLabelGap : HUGE_VAL);
    require(across < half_w, std::string(kChart) + ": labels too long for a chart of this size");
    // Up and down: the block sits above the point at the top, below it at the bottom.
    const double up = half_h - h * (1 + c) / 2, down = half_h - h * (1 - c) / 2;
    require(up > 0 && down > 0, std::string(kChart) + ": labels too long for a chart of this size");
    if (c > 1e-9) radius = std::min(radius, up / c - kLabelGap);
    if (c < -1e-9) radius = std::min(radius, down / -c - kLabelGap);
  }
  require(radius >= 40, std::string(kChart) + ": labels too long for a chart of this size (radius " +
                            fmt(radius) + " px, at least 40 needed)");
  auto point = [&](std::size_t k, double v) {
    const double r = radius * (v - scale.min) / (scale.max - scale.min);
    return std::make_pair(cx + r * sines[k], cy - r * cosines[k]);
  };
  std::ostringstream out;
  open_svg(out, f, options);
  // Circles at the ticks above the scale's minimum and at its maximum, labelled along the
  // top spoke just inside each circle.
  std::vector<double> rings;
  for (double t : ticks(scale.min, scale.max, 6, true))
    if (t > scale.min + 1e-9 * (scale.max - scale.min)) rings.push_back(t);
  if (rings.empty() || rings.back() < scale.max - 1e-9 * (scale.max - scale.min)) rings.push_back(scale.max);
  for (double t : rings) {
    const double r = radius * (t - scale.min) / (scale.max - scale.min);
    out << "<circle cx=\"" << fmt(cx) << "\" cy=\"" << fmt(cy) << "\" r=\"" << fmt(r)
        << "\" fill=\"none\" stroke=\"#ddd\"/>\n";
  }
  for (std::size_t k = 0; k < n; ++k) {
    const auto end = point(k, scale.max);
    out << "<line x1=\"" << fmt(cx) << "\" y1=\"" << fmt(cy) << "\" x2=\"" << fmt(end.first) << "\" y2=\""
        << fmt(end.second) << "\" stroke=\"#bbb\"/>\n";
  }
  for (double t : rings)
    text_at(out, cx + 3, cy - radius * (t - scale.min) / (scale.max - scale.min) + 10, tick_label(t), "start",
            " font-size=\"9\" fill=\"#666\"");
  for (std::size_t s = 0; s < series.size(); ++s) {
    out << "<polygon fill=\"" << colour_of(s) << "\" fill-opacity=\"0.15\" stroke=\"" << colour_of(s)
        << "\" stroke-width=\"2\"" << dash(series[s].dashed) << " points=\"";
    for (std::size_t k = 0; k < n; ++k) {
      const auto p = point(k, series[s].values[k]);
      out << (k ? " " : "") << fmt(p.first) << "," << fmt(p.second);
    }
    out << "\"><title>" << escape_xml(series[s].name) << "</title></polygon>\n";
  }
  for (std::size_t k = 0; k < n; ++k) {
    const double s = sines[k], c = cosines[k], h = kLineHeight * static_cast<double>(lines[k].size());
    const double x = cx + (radius + kLabelGap) * s, y = cy - (radius + kLabelGap) * c;
    const double block_top = y - h / 2 - c * h / 2;
    const char* anchor = s > 0.1 ? "start" : s < -0.1 ? "end" : "middle";
    if (lines[k].size() == 1) {
      text_at(out, x, block_top + 10, lines[k][0], anchor);
      continue;
    }
    out << "<text x=\"" << fmt(x) << "\" y=\"" << fmt(block_top + 10) << "\" text-anchor=\"" << anchor
        << "\">";
    for (std::size_t i = 0; i < lines[k].size(); ++i)
      out << "<tspan x=\"" << fmt(x) << "\" dy=\"" << (i ? "13" : "0") << "\">" << escape_xml(lines[k][i])
          << "</tspan>";
    out << "</text>\n";
  }
  legend(out, f.width, top, entries);
  out << "</svg>\n";
  return out.str();
}

std::string ipa_chart(const std::vector<std::string>& labels, const std::vector<double>& performance,
                      const std::vector<double>& importance, double performance_cross,
                      double importance_cross, const ChartOptions& options,
                      const std::optional<Range>& performance_range,
                      const std::optional<Range>& importance_range) {
  constexpr const char* kChart = "IPA chart";
  require_chart_size(options);
  require(!labels.empty(), std::string(kChart) + ": no items");
  require(performance.size() == labels.size() && importance.size() == labels.size(),
          std::string(kChart) + ": " + std::to_string(labels.size()) + " labels, " +
              std::to_string(performance.size()) + " performance and " + std::to_string(importance.size()) +
              " importance values (one of each per item)");
  require(std::isfinite(performance_cross) && std::isfinite(importance_cross),
          std::string(kChart) + ": the crosshair is not finite");
  // One axis: checked against its given range, or the data's (with the crosshair) widened.
  auto axis = [&](const std::vector<double>& values, double cross, const std::optional<Range>& given,
                  const char* name) {
    double lo = cross, hi = cross;
    for (std::size_t i = 0; i < values.size(); ++i) {
      require(std::isfinite(values[i]),
              std::string(kChart) + ": " + name + " of item '" + labels[i] + "' is not finite");
      lo = std::min(lo, values[i]);
      hi = std::max(hi, values[i]);
    }
    if (!given) {  // 5% room either side, so no dot sits on the plot's edge
      const double room = 0.05 * (hi - lo);
      return tick_range(lo - room, hi + room);
    }
    require_range(*given, std::string(kChart) + ": " + name + " range");
    const std::string range = tick_label(given->min) + " .. " + tick_label(given->max);
    require(cross >= given->min && cross <= given->max, std::string(kChart) + ": the " + name +
                                                            " crosshair " + tick_label(cross) +
                                                            " is outside the range " + range);
    for (std::size_t i = 0; i < values.size(); ++i)
      require(values[i] >= given->min && values[i] <= given->max,
              std::string(kChart) + ": " + name + " of item '" + labels[i] + "' is " + tick_label(values[i]) +
                  ", outside the range " + range);
    return *given;
  };
  const Range x = axis(performance, performance_cross, performance_range, "performance");
  const Range y = axis(importance, importance_cross, importance_range, "importance");
  ChartOptions o = options;
  if (o.x_label.empty()) o.x_label = "Performance";
  if (o.y_label.empty()) o.y_label = "Importance";
  constexpr double kBand = 20;  // along the top and bottom of the plot, for the quadrant names
  Frame f = frame_of(o);
  f.top += kBand;
  f.bottom += kBand;
  require_plot_room(f, kChart);
  f.x0 = x.min;
  f.x1 = x.max;
  f.y0 = y.min;
  f.y1 = y.max;
  const Box plot{f.left, f.top - kBand, f.plot_right(), f.plot_bottom() + kBand};
  const double cross_x = f.px(performance_cross), cross_y = f.py(importance_cross);
  std::ostringstream out;
  open_svg(out, f, o);
  // The quadrants, tinted, from the crosshair to the plot's edges; their names in the
  // outer corners. Order: high importance first, low performance first.
  struct Quadrant {
    const char* name;
    const char* fill;
    Box box;
    double x, y;
    const char* anchor;
  };
  const Quadrant quadrants[] = {
      {"Concentrate here",
       "#fdecea",
       {plot.x0, plot.y0, cross_x, cross_y},
       plot.x0 + 6,
       plot.y0 + 14,
       "start"},
      {"Keep up the good work",
       "#e8f5e9",
       {cross_x, plot.y0, plot.x1, cross_y},
       plot.x1 - 6,
       plot.y0 + 14,
       "end"},
      {"Low priority", "#f3f3f3", {plot.x0, cross_y, cross_x, plot.y1}, plot.x0 + 6, plot.y1 - 6, "start"},
      {"Possible overkill", "#fff6dc", {cross_x, cross_y, plot.x1, plot.y1}, plot.x1 - 6, plot.y1 - 6, "end"},
  };
  std::vector<Box> taken;  // what a point's label must not cover
  for (const Quadrant& q : quadrants) {
    out << "<rect x=\"" << fmt(q.box.x0) << "\" y=\"" << fmt(q.box.y0) << "\" width=\""
        << fmt(q.box.x1 - q.box.x0) << "\" height=\"" << fmt(q.box.y1 - q.box.y0) << "\" fill=\"" << q.fill
        << "\"><title>" << q.name << "</title></rect>\n";
    taken.push_back(text_box(q.x, q.y, 1.15 * text_width(q.name), q.anchor));  // bold runs wider
  }
  y_axis(out, f);
  x_ticks(out, f, plot.y1 + 14, true);
  for (const Quadrant& q : quadrants)
    text_at(out, q.x, q.y, q.name, q.anchor, " font-weight=\"bold\" fill=\"#777\"");
  out << "<line x1=\"" << fmt(cross_x) << "\" x2=\"" << fmt(cross_x) << "\" y1=\"" << fmt(plot.y0)
      << "\" y2=\"" << fmt(plot.y1) << "\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n"
      << "<line x1=\"" << fmt(plot.x0) << "\" x2=\"" << fmt(plot.x1) << "\" y1=\"" << fmt(cross_y)
      << "\" y2=\"" << fmt(cross_y) << "\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n";
  const std::size_t n = labels.size();
  for (std::size_t i = 0; i < n; ++i)
    taken.push_back({f.px(performance[i]) - 4, f.py(importance[i]) - 4, f.px(performance[i]) + 4,
                     f.py(importance[i]) + 4});
  for (std::size_t i = 0; i < n; ++i) {
    const double px = f.px(performance[i]), py = f.py(importance[i]);
    out << "<circle cx=\"" << fmt(px) << "\" cy=\"" << fmt(py) << "\" r=\"4\" fill=\"" << kPalette[0]
        << "\"><title>" << escape_xml(labels[i]) << ": performance " << tick_label(performance[i])
        << ", importance " << tick_label(importance[i]) << "</title></circle>\n";
  }
  // Labels: the first candidate place that covers nothing, else the one covering least.
  // Beside the dot first, then a line of text further away (crowded clusters).
  struct Place {
    double dx, dy;
    const char* anchor;
  };
  const Place places[] = {{7, 4, "start"},    {-7, 4, "end"},    {0, -8, "middle"},  {0, 16, "middle"},
                          {5, -7, "start"},   {-5, -7, "end"},   {5, 15, "start"},   {-5, 15, "end"},
                          {7, -8, "start"},   {-7, -8, "end"},   {7, 16, "start"},   {-7, 16, "end"},
                          {0, -20, "middle"}, {0, 28, "middle"}, {5, -19, "start"},  {-5, -19, "end"},
                          {5, 27, "start"},   {-5, 27, "end"},   {0, -32, "middle"}, {0, 40, "middle"}};
  for (std::size_t i = 0; i < n; ++i) {
    const double px = f.px(performance[i]), py = f.py(importance[i]), w = text_width(labels[i]);
    std::size_t best = 0, best_cost = static_cast<std::size_t>(-1);
    for (std::size_t p = 0; p < std::size(places) && best_cost > 0; ++p) {
      const Box b = text_box(px + places[p].dx, py + places[p].dy, w, places[p].anchor);
      std::size_t cost = b.inside(plot) ? 0 : n + std::size(quadrants);  // outside: worse than any cover
      for (const Box& t : taken) cost += b.overlaps(t) ? 1 : 0;
      if (cost < best_cost) {
        best = p;
        best_cost = cost;
      }
    }
    const Place& p = places[best];
    taken.push_back(text_box(px + p.dx, py + p.dy, w, p.anchor));
    text_at(out, px + p.dx, py + p.dy, labels[i], p.anchor);
  }
  out << "</svg>\n";
  return out.str();
}

std::string heat_map(const std::vector<std::vector<double>>& values,
                     const std::vector<std::string>& column_labels,
                     const std::vector<std::string>& row_labels, const ChartOptions& options) {
  require_chart_size(options);
  require(!values.empty() && values.size() == row_labels.size() && !column_labels.empty(),
          "heat map: needs one label per row and column and at least one cell");
  for (std::size_t r = 0; r < values.size(); ++r) {
    require(values[r].size() == column_labels.size(),
            "heat map: row " + std::to_string(r) + " has " + std::to_string(values[r].size()) +
                " cells, expected " + std::to_string(column_labels.size()));
    for (double v : values[r])
      require(std::isnan(v) || (v >= 0 && v <= 1),
              "heat map: row " + std::to_string(r) + " has a value outside [0, 1]");
  }
  Frame f = frame_of(options);
  f.x0 = 0;
  f.x1 = static_cast<double>(column_labels.size());
  f.y0 = 0;
  f.y1 = static_cast<double>(values.size());
  f.right = 96;  // the colour scale and the legend of impossible cells
  std::ostringstream out;
  open_svg(out, f, options);
  out << "<defs><pattern id=\"crmkit-impossible\" width=\"6\" height=\"6\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" "
         "height=\"6\" fill=\"#eee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#bbb\" "
         "stroke-width=\"2\"/></pattern></defs>\n";
  const double w = f.px(1) - f.px(0), h = f.py(0) - f.py(1);
  for (std::size_t r = 0; r < values.size(); ++r) {
    for (std::size_t c = 0; c < column_labels.size(); ++c) {
      const double v = values[r][c];
      const bool impossible = std::isnan(v);
      out << "<rect x=\"" << fmt(f.px(static_cast<double>(c))) << "\" y=\""
          << fmt(f.py(static_cast<double>(r + 1))) << "\" width=\"" << fmt(w) << "\" height=\"" << fmt(h)
          << "\" fill=\"" << (impossible ? "url(#crmkit-impossible)" : scale_colour(v)) << "\"><title>"
          << escape_xml(row_labels[r]) << ", " << escape_xml(column_labels[c]) << ": "
          << (impossible ? "impossible" : tick_label(v)) << "</title></rect>\n";
    }
    text_at(out, f.left - 4, f.py(static_cast<double>(r) + 0.5) + 4, row_labels[r], "end");
  }
  for (std::size_t c = 0; c < column_labels.size(); ++c)
    text_at(out, f.px(static_cast<double>(c) + 0.5), f.plot_bottom() + 14, column_labels[c], "middle");
  // Colour scale: 0 at the bottom to 1 at the top, in steps of the fill's colours.
  const double sx = f.plot_right() + 14, top = f.top, bottom = f.plot_bottom() - 28;
  constexpr int kSteps = 20;
  for (int i = 0; i < kSteps; ++i) {
    const double v0 = static_cast<double>(i) / kSteps, v1 = static_cast<double>(i + 1) / kSteps;
    const double y1 = bottom - v1 * (bottom - top), y0 = bottom - v0 * (bottom - top);
    out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(y1) << "\" width=\"12\" height=\""
        << fmt(y0 - y1 + 0.5) << "\" fill=\"" << scale_colour((v0 + v1) / 2) << "\"/>\n";
  }
  out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(top) << "\" width=\"12\" height=\"" << fmt(bottom - top)
      << "\" fill=\"none\" stroke=\"#999\"/>\n";
  for (int i = 0; i <= 4; ++i) {
    const double v = i / 4.0, y = bottom - v * (bottom - top);
    text_at(out, sx + 16, y + 4, tick_label(v));
  }
  out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(bottom + 12) << "\" width=\"12\" "
      << "height=\"12\" fill=\"url(#crmkit-impossible)\" stroke=\"#999\"/>\n";
  text_at(out, sx + 16, bottom + 22, "impossible");
  out << "</svg>\n";
  return out.str();
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
