#include "crmkit/io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

struct Frame {
  double left = 60, right = 20, top = 36, bottom = 48;
  double width, height;
  double x0, x1, y0, y1;  // data range
  double px(double x) const { return left + (x - x0) / (x1 - x0) * (width - left - right); }
  double py(double y) const { return height - bottom - (y - y0) / (y1 - y0) * (height - top - bottom); }
};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

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

void open_svg(std::ostringstream& out, const Frame& f, const ChartOptions& o) {
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << o.width << "\" height=\""
      << o.height << "\" viewBox=\"0 0 " << o.width << " " << o.height
      << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  if (!o.title.empty())
    out << "<text x=\"" << fmt(f.width / 2) << "\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">"
        << escape_xml(o.title) << "</text>\n";
  if (!o.x_label.empty())
    out << "<text x=\"" << fmt((f.left + f.width - f.right) / 2) << "\" y=\"" << fmt(f.height - 8)
        << "\" text-anchor=\"middle\">" << escape_xml(o.x_label) << "</text>\n";
  if (!o.y_label.empty())
    out << "<text transform=\"translate(14," << fmt((f.top + f.height - f.bottom) / 2)
        << ") rotate(-90)\" text-anchor=\"middle\">" << escape_xml(o.y_label) << "</text>\n";
}

void y_axis(std::ostringstream& out, const Frame& f) {
  double step = nice_step(f.y1 - f.y0, 5);
  for (double y = std::ceil(f.y0 / step) * step; y <= f.y1 + step * 1e-9; y += step) {
    out << "<line x1=\"" << fmt(f.left) << "\" x2=\"" << fmt(f.width - f.right) << "\" y1=\""
        << fmt(f.py(y)) << "\" y2=\"" << fmt(f.py(y)) << "\" stroke=\"#ddd\"/>\n"
        << "<text x=\"" << fmt(f.left - 4) << "\" y=\"" << fmt(f.py(y) + 4)
        << "\" text-anchor=\"end\">" << tick_label(y) << "</text>\n";
  }
}

// Width of a label in the charts' 11 px sans-serif font: about 0.55 em per character (an
// estimate: SVG text cannot be measured before it is rendered; it errs on the wide side).
double text_width(const std::string& text) { return 6.2 * static_cast<double>(text.size()); }

// White (0) to #08306b (1), linear in each channel.
std::string scale_colour(double v) {
  const int red = static_cast<int>(255 - v * (255 - 8)), green = static_cast<int>(255 - v * (255 - 48)),
            blue = static_cast<int>(255 - v * (255 - 107));
  char colour[8];
  std::snprintf(colour, sizeof colour, "#%02x%02x%02x", red, green, blue);
  return colour;
}

void require_chart_size(const ChartOptions& o) {
  require(o.width >= 120 && o.height >= 100 && o.width <= 10000 && o.height <= 10000,
          "chart size must be within 120x100 .. 10000x10000");
}

}  // namespace

std::string escape_xml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string line_chart(const std::vector<Series>& series, const ChartOptions& options) {
  require_chart_size(options);
  require(!series.empty(), "line chart: no series");
  Frame f;
  f.width = options.width;
  f.height = options.height;
  f.x0 = f.y0 = HUGE_VAL;
  f.x1 = f.y1 = -HUGE_VAL;
  for (std::size_t s = 0; s < series.size(); ++s) {
    const Series& ser = series[s];
    require(!ser.x.empty() && ser.x.size() == ser.y.size(),
            "line chart: series '" + ser.name + "' is empty or its x and y differ in length");
    for (std::size_t i = 0; i < ser.x.size(); ++i) {
      require(std::isfinite(ser.x[i]) && std::isfinite(ser.y[i]),
              "line chart: series '" + ser.name + "' point " + std::to_string(i) + " is not finite");
      f.x0 = std::min(f.x0, ser.x[i]);
      f.x1 = std::max(f.x1, ser.x[i]);
      f.y0 = std::min(f.y0, ser.y[i]);
      f.y1 = std::max(f.y1, ser.y[i]);
    }
  }
  f.y0 = std::min(f.y0, 0.0);
  if (f.x1 == f.x0) f.x1 = f.x0 + 1;
  if (f.y1 == f.y0) f.y1 = f.y0 + 1;
  std::ostringstream out;
  open_svg(out, f, options);
  y_axis(out, f);
  double xstep = nice_step(f.x1 - f.x0, 8);
  for (double x = std::ceil(f.x0 / xstep) * xstep; x <= f.x1 + xstep * 1e-9; x += xstep)
    out << "<text x=\"" << fmt(f.px(x)) << "\" y=\"" << fmt(f.height - f.bottom + 14)
        << "\" text-anchor=\"middle\">" << tick_label(x) << "</text>\n";
  for (std::size_t s = 0; s < series.size(); ++s) {
    const Series& ser = series[s];
    const char* color = kPalette[s % std::size(kPalette)];
    out << "<polyline fill=\"none\" stroke=\"" << color << "\" stroke-width=\"2\""
        << (ser.dashed ? " stroke-dasharray=\"6 4\"" : "") << " points=\"";
    for (std::size_t i = 0; i < ser.x.size(); ++i)
      out << (i ? " " : "") << fmt(f.px(ser.x[i])) << "," << fmt(f.py(ser.y[i]));
    out << "\"/>\n";
    double ly = f.top + 6 + 14.0 * static_cast<double>(s);
    out << "<line x1=\"" << fmt(f.left + 10) << "\" x2=\"" << fmt(f.left + 30) << "\" y1=\"" << fmt(ly)
        << "\" y2=\"" << fmt(ly) << "\" stroke=\"" << color << "\" stroke-width=\"2\""
        << (ser.dashed ? " stroke-dasharray=\"6 4\"" : "") << "/>\n"
        << "<text x=\"" << fmt(f.left + 34) << "\" y=\"" << fmt(ly + 4) << "\">"
        << escape_xml(ser.name) << "</text>\n";
  }
  for (const Marker& m : options.markers) {
    if (!(m.x >= f.x0 && m.x <= f.x1)) continue;
    out << "<line x1=\"" << fmt(f.px(m.x)) << "\" x2=\"" << fmt(f.px(m.x)) << "\" y1=\""
        << fmt(f.top) << "\" y2=\"" << fmt(f.height - f.bottom)
        << "\" stroke=\"#555\" stroke-dasharray=\"3 3\"/>\n"
        << "<text x=\"" << fmt(f.px(m.x) + 4) << "\" y=\"" << fmt(f.top + 12) << "\">"
        << escape_xml(m.label) << "</text>\n";
  }
  out << "</svg>\n";
  return out.str();
}

std::string bar_chart(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const ChartOptions& options) {
  require_chart_size(options);
  require(!values.empty() && labels.size() == values.size(),
          "bar chart: needs one label per value and at least one value");
  Frame f;
  f.width = options.width;
  f.height = options.height;
  f.x0 = 0;
  f.x1 = static_cast<double>(values.size());
  f.y0 = 0;
  f.y1 = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    require(std::isfinite(values[i]), "bar chart: value " + std::to_string(i) + " is not finite");
    f.y0 = std::min(f.y0, values[i]);
    f.y1 = std::max(f.y1, values[i]);
  }
  if (f.y1 == f.y0) f.y1 = f.y0 + 1;
  // Labels wider than their bar are slanted (at 35 degrees neighbours stay apart while
  // bars are wider than about 20 px), with the bottom and left margins grown to hold them.
  double widest = 0;
  for (const std::string& label : labels) widest = std::max(widest, text_width(label));
  constexpr double kSlant = 35 * 3.14159265358979 / 180;
  const bool slanted = widest > 0.9 * (f.px(1) - f.px(0));
  if (slanted) {
    f.bottom = std::max(f.bottom, 36 + widest * std::sin(kSlant) + 11 * std::cos(kSlant));
    f.left = std::max(f.left, widest * std::cos(kSlant) - 0.5 * (f.px(1) - f.px(0)) + 8);
  }
  require(f.bottom + f.top + 20 < f.height && f.left + f.right + 20 < f.width,
          "bar chart: labels too long for a chart of this size");
  std::ostringstream out;
  open_svg(out, f, options);
  y_axis(out, f);
  const double slot = f.px(1) - f.px(0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    double x = f.px(static_cast<double>(i)) + slot * 0.1;
    double top = f.py(std::max(values[i], 0.0)), bottom = f.py(std::min(values[i], 0.0));
    out << "<rect x=\"" << fmt(x) << "\" y=\"" << fmt(top) << "\" width=\"" << fmt(slot * 0.8)
        << "\" height=\"" << fmt(bottom - top) << "\" fill=\"" << kPalette[0] << "\"><title>"
        << escape_xml(labels[i]) << ": " << tick_label(values[i]) << "</title></rect>\n";
    const double lx = x + slot * 0.4, ly = f.height - f.bottom + 14;
    if (slanted)
      out << "<text transform=\"translate(" << fmt(lx) << "," << fmt(ly) << ") rotate(-35)\" "
          << "text-anchor=\"end\">" << escape_xml(labels[i]) << "</text>\n";
    else
      out << "<text x=\"" << fmt(lx) << "\" y=\"" << fmt(ly) << "\" text-anchor=\"middle\">"
          << escape_xml(labels[i]) << "</text>\n";
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
  Frame f;
  f.width = options.width;
  f.height = options.height;
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
          << fmt(f.py(static_cast<double>(r + 1))) << "\" width=\"" << fmt(w) << "\" height=\""
          << fmt(h) << "\" fill=\"" << (impossible ? "url(#crmkit-impossible)" : scale_colour(v))
          << "\"><title>" << escape_xml(row_labels[r]) << ", " << escape_xml(column_labels[c])
          << ": " << (impossible ? "impossible" : tick_label(v)) << "</title></rect>\n";
    }
    out << "<text x=\"" << fmt(f.left - 4) << "\" y=\"" << fmt(f.py(static_cast<double>(r) + 0.5) + 4)
        << "\" text-anchor=\"end\">" << escape_xml(row_labels[r]) << "</text>\n";
  }
  for (std::size_t c = 0; c < column_labels.size(); ++c)
    out << "<text x=\"" << fmt(f.px(static_cast<double>(c) + 0.5)) << "\" y=\"" << fmt(f.height - f.bottom + 14)
        << "\" text-anchor=\"middle\">" << escape_xml(column_labels[c]) << "</text>\n";
  // Colour scale: 0 at the bottom to 1 at the top, in steps of the fill's colours.
  const double sx = f.width - f.right + 14, top = f.top, bottom = f.height - f.bottom - 28;
  constexpr int kSteps = 20;
  for (int i = 0; i < kSteps; ++i) {
    const double v0 = static_cast<double>(i) / kSteps, v1 = static_cast<double>(i + 1) / kSteps;
    const double y1 = bottom - v1 * (bottom - top), y0 = bottom - v0 * (bottom - top);
    out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(y1) << "\" width=\"12\" height=\""
        << fmt(y0 - y1 + 0.5) << "\" fill=\"" << scale_colour((v0 + v1) / 2) << "\"/>\n";
  }
  out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(top) << "\" width=\"12\" height=\""
      << fmt(bottom - top) << "\" fill=\"none\" stroke=\"#999\"/>\n";
  for (int i = 0; i <= 4; ++i) {
    const double v = i / 4.0, y = bottom - v * (bottom - top);
    out << "<text x=\"" << fmt(sx + 16) << "\" y=\"" << fmt(y + 4) << "\">" << tick_label(v)
        << "</text>\n";
  }
  out << "<rect x=\"" << fmt(sx) << "\" y=\"" << fmt(bottom + 12) << "\" width=\"12\" "
      << "height=\"12\" fill=\"url(#crmkit-impossible)\" stroke=\"#999\"/>\n"
      << "<text x=\"" << fmt(sx + 16) << "\" y=\"" << fmt(bottom + 22) << "\">impossible</text>\n";
  out << "</svg>\n";
  return out.str();
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
