// C API over the SVG charts (include/crmkit/io/svg.hpp): C arrays and strings in, the
// chart's text out through buf / buf_len / out_len. Conversion only.
#include "crmkit/io/svg.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "guard.hpp"

using namespace crmkit::capi;
namespace io = crmkit::io;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

// Counts are bounded before any pointer arithmetic or allocation: a garbage count such as
// SIZE_MAX is an invalid argument, not a read past the caller's array.
constexpr std::size_t kMaxChartValues = std::size_t{1} << 24;

std::size_t bounded(std::size_t count, const std::string& name) {
  if (count > kMaxChartValues)
    throw Error(
        ErrorCode::invalid_argument,
        name + " is " + std::to_string(count) + "; a chart takes at most " + std::to_string(kMaxChartValues));
  return count;
}

// `count` NUL-terminated strings (none of them NULL); NULL with count > 0 means unnamed
// when `may_be_null`.
std::vector<std::string> texts(const char* const* strings, std::size_t count, const char* name,
                               bool may_be_null = false) {
  bounded(count, name);
  if (strings == nullptr && (count == 0 || may_be_null)) return std::vector<std::string>(count);
  require_pointer(strings, name);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    require_pointer(strings[i], (std::string(name) + "[" + std::to_string(i) + "]").c_str());
    out.emplace_back(strings[i]);
  }
  return out;
}

std::vector<double> doubles(const double* values, std::size_t count, const char* name) {
  if (count == 0) return {};
  require_pointer(values, name);
  return std::vector<double>(values, values + count);
}

// rows x columns (both bounded, and their product) from a row-major array.
std::size_t cells(std::size_t rows, std::size_t columns, const char* rows_name, const char* columns_name) {
  bounded(rows, rows_name);
  bounded(columns, columns_name);
  if (columns != 0 && rows > kMaxChartValues / columns)
    throw Error(ErrorCode::invalid_argument, std::string(rows_name) + " x " + columns_name + " is too large");
  return rows * columns;
}

std::string text_or_empty(const char* text) { return text ? text : ""; }

crm_chart_options default_chart_options() {
  const io::ChartOptions o;
  crm_chart_options c{};
  c.width = o.width;
  c.height = o.height;
  return c;
}

io::ChartOptions chart_options(const crm_chart_options* opts) {
  io::ChartOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_CHART_OPTIONS_VERSION, "crm_chart_options");
  o.title = text_or_empty(opts->title);
  o.x_label = text_or_empty(opts->x_label);
  o.y_label = text_or_empty(opts->y_label);
  o.width = opts->width;
  o.height = opts->height;
  const std::vector<double> xs =
      doubles(opts->marker_x, bounded(opts->marker_count, "opts->marker_count"), "opts->marker_x");
  const std::vector<std::string> labels =
      texts(opts->marker_labels, opts->marker_count, "opts->marker_labels");
  for (std::size_t i = 0; i < xs.size(); ++i) o.markers.push_back({xs[i], labels[i]});
  return o;
}

std::optional<io::Range> x_range(const crm_chart_options* opts) {
  if (opts == nullptr || !opts->has_x_range) return std::nullopt;
  return io::Range{opts->x_min, opts->x_max};
}

std::optional<io::Range> y_range(const crm_chart_options* opts) {
  if (opts == nullptr || !opts->has_y_range) return std::nullopt;
  return io::Range{opts->y_min, opts->y_max};
}

bool dashed(const crm_chart_options* opts, std::size_t series) {
  return opts != nullptr && opts->dashed != nullptr && opts->dashed[series] != 0;
}

// Series over shared labels from a row-major values array (and optional lower / upper of
// the same shape).
std::vector<io::CategorySeries> category_series(const char* const* names, std::size_t series_count,
                                                const double* values, const double* lower,
                                                const double* upper, std::size_t label_count,
                                                const crm_chart_options* opts) {
  const std::size_t n = cells(series_count, label_count, "series_count", "label_count");
  const std::vector<std::string> series_names = texts(names, series_count, "series_names", true);
  if (n > 0) require_pointer(values, "values");
  if ((lower == nullptr) != (upper == nullptr))
    throw Error(ErrorCode::invalid_argument, "lower and upper must both be given or both be NULL");
  std::vector<io::CategorySeries> out;
  for (std::size_t s = 0; s < series_count; ++s) {
    const std::size_t at = s * label_count;
    io::CategorySeries c;
    c.name = series_names[s];
    c.values.assign(values + at, values + at + label_count);
    if (lower != nullptr) {
      c.lower.assign(lower + at, lower + at + label_count);
      c.upper.assign(upper + at, upper + at + label_count);
    }
    c.dashed = dashed(opts, s);
    out.push_back(std::move(c));
  }
  return out;
}

// The chart's text into the caller's buffer, NUL-terminated; BufferTooSmall (with
// *out_len set) when it does not fit.
void write_text(const std::string& svg, char* buf, std::size_t buf_len, std::size_t* out_len) {
  *out_len = svg.size();
  if (buf == nullptr || buf_len <= svg.size()) throw BufferTooSmall(svg.size() + 1, buf_len);
  std::memcpy(buf, svg.c_str(), svg.size() + 1);
}

// The common shape of every chart entry point: check out_len, draw, write.
template <class Draw>
int chart(char* buf, std::size_t buf_len, std::size_t* out_len, Draw&& draw) {
  return guarded([&] {
    require_pointer(out_len, "out_len");
    write_text(draw(), buf, buf_len, out_len);
  });
}

}  // namespace

extern "C" {

CRM_API int crm_chart_options_init(crm_chart_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_CHART_OPTIONS_VERSION, "opts", default_chart_options);
}

CRM_API int crm_line_chart(const char* const* series_names, size_t series_count, const double* x,
                           const double* y, const size_t* point_counts, const crm_chart_options* opts,
                           char* buf, size_t buf_len, size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    const std::vector<std::string> names =
        texts(series_names, bounded(series_count, "series_count"), "series_names", true);
    if (series_count > 0) require_pointer(point_counts, "point_counts");
    std::vector<io::Series> series;
    std::size_t at = 0;
    for (std::size_t s = 0; s < series_count; ++s) {
      const std::size_t n = bounded(point_counts[s], "point_counts[" + std::to_string(s) + "]");
      if (at + n > kMaxChartValues) bounded(at + n, "the sum of point_counts");
      series.push_back({names[s], doubles(x ? x + at : nullptr, n, "x"),
                        doubles(y ? y + at : nullptr, n, "y"), dashed(opts, s)});
      at += n;
    }
    return io::line_chart(series, chart_options(opts));
  });
}

CRM_API int crm_category_line_chart(const char* const* labels, size_t label_count,
                                    const char* const* series_names, size_t series_count,
                                    const double* values, const double* lower, const double* upper,
                                    const crm_chart_options* opts, char* buf, size_t buf_len,
                                    size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    return io::category_line_chart(
        texts(labels, label_count, "labels"),
        category_series(series_names, series_count, values, lower, upper, label_count, opts),
        chart_options(opts), y_range(opts));
  });
}

CRM_API int crm_bar_chart(const char* const* labels, size_t label_count, const char* const* series_names,
                          size_t series_count, const double* values, const crm_chart_options* opts, char* buf,
                          size_t buf_len, size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    return io::grouped_bar_chart(
        texts(labels, label_count, "labels"),
        category_series(series_names, series_count, values, nullptr, nullptr, label_count, opts),
        chart_options(opts));
  });
}

CRM_API int crm_radar_chart(const char* const* axes, size_t axis_count, const char* const* series_names,
                            size_t series_count, const double* values, double scale_min, double scale_max,
                            const crm_chart_options* opts, char* buf, size_t buf_len, size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    return io::radar_chart(
        texts(axes, axis_count, "axes"),
        category_series(series_names, series_count, values, nullptr, nullptr, axis_count, opts),
        io::Range{scale_min, scale_max}, chart_options(opts));
  });
}

CRM_API int crm_ipa_chart(const char* const* labels, size_t item_count, const double* performance,
                          const double* importance, double performance_cross, double importance_cross,
                          const crm_chart_options* opts, char* buf, size_t buf_len, size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    const std::size_t n = bounded(item_count, "item_count");
    return io::ipa_chart(texts(labels, n, "labels"), doubles(performance, n, "performance"),
                         doubles(importance, n, "importance"), performance_cross, importance_cross,
                         chart_options(opts), x_range(opts), y_range(opts));
  });
}

CRM_API int crm_heat_map(const double* values, size_t row_count, size_t column_count,
                         const char* const* column_labels, const char* const* row_labels,
                         const crm_chart_options* opts, char* buf, size_t buf_len, size_t* out_len) {
  return chart(buf, buf_len, out_len, [&] {
    const std::size_t n = cells(row_count, column_count, "row_count", "column_count");
    const std::vector<double> flat = doubles(values, n, "values");
    std::vector<std::vector<double>> grid;
    for (std::size_t r = 0; r < row_count; ++r)
      grid.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(r * column_count),
                        flat.begin() + static_cast<std::ptrdiff_t>((r + 1) * column_count));
    return io::heat_map(grid, texts(column_labels, column_count, "column_labels"),
                        texts(row_labels, row_count, "row_labels"), chart_options(opts));
  });
}

}  // extern "C"
