/** @file
 * crmkit/io.h — text input and output shared by the pillars: times as day numbers, charts
 * as standalone SVG.
 */
#ifndef CRMKIT_IO_H
#define CRMKIT_IO_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif


/** Parses `text` with `format` into a day number (see the conventions above). Formats:
 * "iso" (YYYY-MM-DD[ HH:MM[:SS]]; NULL means "iso"), "days" (a plain number), or strftime-
 * like %Y %m %d %H %M %S with literal characters, e.g. "%Y%m%d". CRM_EPARSE on bad text,
 * CRM_EINVAL on a bad format or NULL text/out. *out_days receives the day number. */
CRM_API int crm_parse_time(const char *text, const char *format, double *out_days);

/* ---- charts as standalone SVG (include/crmkit/io/svg.hpp, where the layout is stated) ------
 * Every chart function writes one SVG document as NUL-terminated UTF-8 text into the
 * caller's buf: *out_len receives its length without the NUL; CRM_EBUFS when buf_len <= that
 * length (buf may be NULL to ask for the length; call again with *out_len + 1 bytes). Labels
 * and names are NUL-terminated UTF-8, escaped by the library. Several series over shared
 * labels are one row-major array of series_count rows of label_count values;
 * series_names NULL leaves every series unnamed (a bar chart of one unnamed series has no
 * legend). CRM_EINVAL names the series and label of a bad value. No state: safe to call
 * from several threads at once. */

typedef struct crm_chart_options {
  unsigned int version;             /**< CRM_CHART_OPTIONS_VERSION */
  const char *title;                /**< NULL or "": none */
  const char *x_label;              /**< NULL or "": none (IPA: "Performance") */
  const char *y_label;              /**< NULL or "": none (IPA: "Importance") */
  int width;                        /**< pixels, 120..10000; default 640 */
  int height;                       /**< pixels, 100..10000; default 360 */
  const double *marker_x;           /**< line chart: marker_count vertical lines at these x */
  const char *const *marker_labels; /**< ... with these labels (NULL with marker_count 0) */
  size_t marker_count;
  const uint8_t *dashed;            /**< NULL, or one flag per series: nonzero draws it dashed */
  int has_x_range;                  /**< IPA: the performance axis is x_min..x_max (else data) */
  double x_min;
  double x_max;
  int has_y_range;                  /**< category lines: the value axis; IPA: importance */
  double y_min;
  double y_max;
} crm_chart_options;

#define CRM_CHART_OPTIONS_VERSION 1
#define CRM_CHART_OPTIONS_INIT \
  { CRM_CHART_OPTIONS_VERSION, NULL, NULL, NULL, 640, 360, NULL, NULL, 0, NULL, 0, 0.0, 0.0, 0, 0.0, 0.0 }

/** The defaults (the same values as CRM_CHART_OPTIONS_INIT). CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_chart_options_init(crm_chart_options *opts, unsigned int version);

/** Lines over a numeric x axis: series s has point_counts[s] points, its x and y following
 * those of the series before it in `x` and `y` (sum of point_counts values each). series_names:
 * NULL or series_count names for the legend; x and y the points. */
CRM_API int crm_line_chart(const char *const *series_names, size_t series_count, const double *x,
                           const double *y, const size_t *point_counts, const crm_chart_options *opts,
                           char *buf, size_t buf_len, size_t *out_len);

/** Lines over named categories (e.g. an index per survey wave), a dot per value; lower and
 * upper (NULL, or both the shape of values) draw an error bar per value (a confidence
 * interval). The value axis is y_min..y_max with has_y_range, else the data's. labels:
 * label_count category names along the x axis; series_names: NULL or series_count names for the
 * legend; values (and lower, upper): series_count x label_count, row-major by series. */
CRM_API int crm_category_line_chart(const char *const *labels, size_t label_count,
                                    const char *const *series_names, size_t series_count,
                                    const double *values, const double *lower, const double *upper,
                                    const crm_chart_options *opts, char *buf, size_t buf_len,
                                    size_t *out_len);

/** Bars: per label a group of one bar per series (one series: a plain bar chart); negative
 * values below the zero line. labels: label_count names along the x axis; series_names: NULL or
 * series_count names for the legend; values: series_count x label_count, row-major by series. */
CRM_API int crm_bar_chart(const char *const *labels, size_t label_count,
                          const char *const *series_names, size_t series_count, const double *values,
                          const crm_chart_options *opts, char *buf, size_t buf_len, size_t *out_len);

/** A radar chart: one spoke per axis (at least 3), one closed polygon per series, circles at
 * the ticks of the scale scale_min..scale_max (e.g. 1..7, or 0..100 percent); every value
 * must lie on the scale. axes: axis_count spoke names; series_names: NULL or series_count names
 * for the legend; values: series_count x axis_count, row-major by series. */
CRM_API int crm_radar_chart(const char *const *axes, size_t axis_count, const char *const *series_names,
                            size_t series_count, const double *values, double scale_min,
                            double scale_max, const crm_chart_options *opts, char *buf,
                            size_t buf_len, size_t *out_len);

/** Importance-performance scatter: one labelled dot per item (performance across, importance
 * up), the crosshair at (performance_cross, importance_cross), the four quadrants named.
 * Axis ranges from has_x_range / has_y_range, else the data's. labels: item_count item names;
 * performance and importance: item_count values each. */
CRM_API int crm_ipa_chart(const char *const *labels, size_t item_count, const double *performance,
                          const double *importance, double performance_cross,
                          double importance_cross, const crm_chart_options *opts, char *buf,
                          size_t buf_len, size_t *out_len);

/** A heat map of values in [0, 1] (NaN: a cell that cannot occur), row-major row_count x
 * column_count, row 0 at the bottom; one label per row and per column. column_labels:
 * column_count names along the x axis; row_labels: row_count names up the y axis. */
CRM_API int crm_heat_map(const double *values, size_t row_count, size_t column_count,
                         const char *const *column_labels, const char *const *row_labels,
                         const crm_chart_options *opts, char *buf, size_t buf_len, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_IO_H */
