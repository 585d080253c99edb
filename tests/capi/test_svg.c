/* C API tests of the SVG charts (crm_*_chart, crm_heat_map): the buffer protocol (ask for
 * the length, then fill; CRM_EBUFS with the size needed), a value at the pixel the layout in
 * include/crmkit/io/svg.hpp gives (worked out in the comments), one element per series or
 * bar, and errors naming the series and label. */
#include <stdlib.h>

#include "check.h"

/* Occurrences of `what` in `text`. */
static int count_of(const char *text, const char *what) {
  int n = 0;
  const char *at = text;
  while ((at = strstr(at, what)) != NULL) {
    ++n;
    ++at;
  }
  return n;
}

static const char *const kDimensions[] = {"Tangibles", "Reliability", "Responsiveness", "Assurance"};

static void test_buffer_protocol(void) {
  const char *const labels[] = {"a", "b"};
  const double values[] = {1, 3};
  size_t len = 0, len2 = 0;
  char small[16];
  char *buf;
  CHECK(crm_bar_chart(labels, 2, NULL, 1, values, NULL, NULL, 0, &len) == CRM_EBUFS && len > 100);
  CHECK(error_mentions("needed"));
  CHECK(crm_bar_chart(labels, 2, NULL, 1, values, NULL, small, sizeof small, &len2) == CRM_EBUFS &&
        len2 == len);
  buf = malloc(len + 1);
  CHECK(buf != NULL);
  if (buf == NULL) return;
  /* Exactly the length is one byte short: the NUL needs room too. */
  CHECK(crm_bar_chart(labels, 2, NULL, 1, values, NULL, buf, len, &len2) == CRM_EBUFS);
  CHECK(crm_bar_chart(labels, 2, NULL, 1, values, NULL, buf, len + 1, &len2) == CRM_OK && len2 == len);
  CHECK(strlen(buf) == len && strncmp(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
  /* The default 640 x 360 chart, no legend: plot y 36..312, values 0..3 (92 px a unit),
   * slots of 280 px: "b" = 3 at x 60 + 280 + 28 = 368, 276 px high. */
  CHECK(strstr(buf, "<rect x=\"368.0\" y=\"36.0\" width=\"224.0\" height=\"276.0\"") != NULL);
  CHECK(count_of(buf, "<rect") == 3);
  CHECK(crm_bar_chart(labels, 2, NULL, 1, values, NULL, buf, len + 1, NULL) == CRM_EINVAL &&
        error_mentions("out_len"));
  free(buf);
}

/* Renders with a fixed 64 KiB buffer (ample for these small charts). */
static char chart[65536];

static void test_radar(void) {
  const char *const names[] = {"Expectation", "Perception"};
  const char *const axes[] = {"A", "B", "C", "D"};
  const double one[] = {7, 4, 1, 5.5};
  const double two[] = {6, 6, 6, 6, 5, 4, 5, 4};
  const uint8_t dashed[] = {1, 0};
  const char *const p[] = {"P"};
  crm_chart_options o = CRM_CHART_OPTIONS_INIT;
  size_t len = 0;
  /* As tests/io/test_svg.cpp: legend "P" 46.2 px, centre (301.9, 193), radius 134 on 1..7. */
  CHECK(crm_radar_chart(axes, 4, p, 1, one, 1, 7, NULL, chart, sizeof chart, &len) == CRM_OK);
  CHECK(strstr(chart, "points=\"301.9,59.0 368.9,193.0 301.9,193.0 201.4,193.0\"") != NULL);
  o.title = "SERVQUAL";
  o.dashed = dashed;
  CHECK(crm_radar_chart(kDimensions, 4, names, 2, two, 1, 7, &o, chart, sizeof chart, &len) == CRM_OK);
  CHECK(count_of(chart, "<polygon") == 2 && count_of(chart, "stroke-dasharray") == 2);
  CHECK(strstr(chart, ">SERVQUAL</text>") != NULL && strstr(chart, ">Perception</text>") != NULL);
  CHECK(crm_radar_chart(kDimensions, 4, names, 2, two, 1, 5, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("series 'Expectation' at axis 'Tangibles' is 6, outside the scale 1 .. 5"));
  CHECK(crm_radar_chart(kDimensions, 2, names, 2, two, 1, 7, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("at least 3 axes"));
  CHECK(crm_radar_chart(kDimensions, 4, names, 2, NULL, 1, 7, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("values is NULL"));
  CHECK(crm_radar_chart(kDimensions, (size_t)-1, names, 2, two, 1, 7, &o, chart, sizeof chart, &len) ==
            CRM_EINVAL &&
        error_mentions("at most"));
  o.version = 99;
  CHECK(crm_radar_chart(kDimensions, 4, names, 2, two, 1, 7, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("crm_chart_options.version is 99"));
}

static void test_grouped_bars_and_lines(void) {
  const char *const gaps[] = {"Gap 1", "Gap 5"};
  const double values[] = {-1, 0.5, -2, 1}; /* row-major: Gap 1 at T, R; Gap 5 at T, R */
  const char *const labels[] = {"T", "R"};
  const char *const waves[] = {"2024-Q1", "2024-Q2"};
  const char *const index[] = {"Index"};
  const double csi[] = {60, 80}, lower[] = {55, 75}, upper[] = {65, 85};
  crm_chart_options o = CRM_CHART_OPTIONS_INIT;
  size_t len = 0;
  /* Width 651 with the 71 px legend: plot 60..580, bars 104 px; zero at y 128 (-2..1 at
   * 92 px a unit): Gap 5 at T = -2 spans y 128..312 at x 60 + 26 + 104 = 190. */
  o.width = 651;
  CHECK(crm_bar_chart(labels, 2, gaps, 2, values, &o, chart, sizeof chart, &len) == CRM_OK);
  CHECK(strstr(chart, "<rect x=\"190.0\" y=\"128.0\" width=\"104.0\" height=\"184.0\"") != NULL);
  CHECK(count_of(chart, "<rect") == 7);
  /* Points at 190 and 450; 0..100 over y 36..312: 60 -> 146.4, 80 -> 91.2, 55 -> 160.2. */
  o.has_y_range = 1;
  o.y_min = 0;
  o.y_max = 100;
  CHECK(crm_category_line_chart(waves, 2, index, 1, csi, lower, upper, &o, chart, sizeof chart, &len) ==
        CRM_OK);
  CHECK(strstr(chart, "points=\"190.0,146.4 450.0,91.2\"") != NULL &&
        strstr(chart, "M190.0,160.2V132.6") != NULL);
  CHECK(count_of(chart, "<circle") == 2 && count_of(chart, "<path") == 1);
  CHECK(crm_category_line_chart(waves, 2, index, 1, csi, lower, NULL, &o, chart, sizeof chart, &len) ==
            CRM_EINVAL &&
        error_mentions("lower and upper"));
  o.y_max = 70;
  CHECK(crm_category_line_chart(waves, 2, index, 1, csi, NULL, NULL, &o, chart, sizeof chart, &len) ==
            CRM_EINVAL &&
        error_mentions("series 'Index' at label '2024-Q2': 80 is outside the y range 0 .. 70"));
}

static void test_line_chart_and_markers(void) {
  const char *const names[] = {"actual", "model"};
  const double x[] = {0, 10, 0, 5, 10}, y[] = {0, 5, 0, 2, 4};
  const size_t points[] = {2, 3};
  const double marker_x[] = {5};
  const char *const marker_labels[] = {"calibration ends"};
  crm_chart_options o = CRM_CHART_OPTIONS_INIT;
  size_t len = 0;
  o.marker_x = marker_x;
  o.marker_labels = marker_labels;
  o.marker_count = 1;
  CHECK(crm_line_chart(names, 2, x, y, points, &o, chart, sizeof chart, &len) == CRM_OK);
  CHECK(count_of(chart, "<polyline") == 2 && strstr(chart, ">calibration ends</text>") != NULL);
  /* Legend "actual"/"model": 40 + 37.2 = 77.2 px, plot x 60..562.8; y 0..5 over 36..312. */
  CHECK(strstr(chart, "points=\"60.0,312.0 562.8,36.0\"") != NULL);
  CHECK(crm_line_chart(names, 2, x, y, NULL, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("point_counts is NULL"));
}

static void test_ipa_and_heat_map(void) {
  const char *const items[] = {"Keeps promises", "Modern equipment"};
  const double performance[] = {2, 6}, importance[] = {6, 2};
  const double cells[] = {0, 0.5, 1, NAN};
  const char *const columns[] = {"0", "1"}, *const rows[] = {"low", "high"};
  crm_chart_options o = CRM_CHART_OPTIONS_INIT;
  size_t len = 0;
  /* Both ranges 0..8: 70 px a unit across from 60, 29.5 up from 292: (2, 6) at (200, 115). */
  o.has_x_range = o.has_y_range = 1;
  o.x_min = o.y_min = 0;
  o.x_max = o.y_max = 8;
  CHECK(crm_ipa_chart(items, 2, performance, importance, 4, 4, &o, chart, sizeof chart, &len) == CRM_OK);
  CHECK(strstr(chart, "<circle cx=\"200.0\" cy=\"115.0\" r=\"4\"") != NULL &&
        count_of(chart, "<circle") == 2);
  CHECK(strstr(chart, ">Concentrate here</text>") != NULL &&
        strstr(chart, ">Possible overkill</text>") != NULL);
  o.x_max = 5;
  CHECK(crm_ipa_chart(items, 2, performance, importance, 4, 4, &o, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("performance of item 'Modern equipment' is 6, outside the range 0 .. 5"));
  CHECK(crm_heat_map(cells, 2, 2, columns, rows, NULL, chart, sizeof chart, &len) == CRM_OK);
  CHECK(count_of(chart, "<title>") == 4 && strstr(chart, "high, 1: impossible") != NULL);
  CHECK(crm_heat_map(cells, 2, 2, columns, NULL, NULL, chart, sizeof chart, &len) == CRM_EINVAL &&
        error_mentions("row_labels is NULL"));
}

void run_svg_tests(void) {
  test_buffer_protocol();
  test_radar();
  test_grouped_bars_and_lines();
  test_line_chart_and_markers();
  test_ipa_and_heat_map();
}
