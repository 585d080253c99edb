"""Charts as standalone SVG text (crmkit::io svg, capi/io/svg.cpp): lines, lines over
categories with confidence intervals, bars (grouped), radar, importance-performance, heat
maps. Each returns the SVG document as a str; the layout is stated in
include/crmkit/io/svg.hpp.

    svg = crmkit.io.radar_chart(dimensions, {"Expectation": e, "Perception": p}, (1, 7),
                                title="SERVQUAL", dashed=["Expectation"])
    open("radar.svg", "w").write(svg)

Several series are a mapping {name: values} (insertion order is the drawing and legend
order). Options every chart takes: title, x_label, y_label, width, height (pixels; the
library's defaults when None) and dashed (names of series drawn dashed).
"""
import ctypes
from ctypes import byref, c_char_p, c_double, c_size_t, c_uint8

import numpy as np

from .._convert import f64, int_arg, ptr
from .._lib import BufferTooSmall, ChartOptions, defaults, lib, text_arg

_DEFAULTS = defaults(ChartOptions, "chart_options")
_FIRST_BUFFER = 1 << 16  # most charts fit; a larger one is asked for its size first


def _texts(values, name):
    """A C array of NUL-terminated UTF-8 strings (None for no values)."""
    data = [text_arg(v, "%s[%d]" % (name, i)) for i, v in enumerate(values)]
    return (c_char_p * len(data))(*data) if data else None


def _pair(value, name):
    """(low, high) as two floats; None stays None."""
    if value is None:
        return None
    try:
        lo, hi = value
        return float(lo), float(hi)
    except (TypeError, ValueError):
        raise ValueError("%s must be a pair of numbers, got %r" % (name, value)) from None


def _series(series, name):
    """(names, dict of name -> values) from a mapping of series."""
    if not hasattr(series, "items"):
        raise TypeError("%s must be a mapping {name: values}, got %s" % (name, type(series).__name__))
    return list(series.keys()), dict(series)


def _options(keep, names=(), title=None, x_label=None, y_label=None, width=None, height=None,
             dashed=(), markers=None, x_range=None, y_range=None):
    """The C options from the library's defaults; `keep` holds the buffers they point at."""
    o = ChartOptions.from_buffer_copy(_DEFAULTS)
    for field, value in (("title", title), ("x_label", x_label), ("y_label", y_label)):
        if value is not None:
            keep.append(text_arg(value, field))
            setattr(o, field, keep[-1])
    if width is not None:
        o.width = int_arg(width, "width")
    if height is not None:
        o.height = int_arg(height, "height")
    unknown = set(dashed) - set(names)
    if unknown:
        raise ValueError("dashed names series that are not charted: %s"
                         % ", ".join(sorted(map(str, unknown))))
    if dashed:
        flags = np.array([name in set(dashed) for name in names], dtype=np.uint8)
        keep.append(flags)
        o.dashed = ptr(flags, c_uint8)
    if markers:
        xs = f64([m[0] for m in markers], "markers x")
        labels = _texts([m[1] for m in markers], "markers label")
        keep += [xs, labels]
        o.marker_x, o.marker_labels, o.marker_count = ptr(xs, c_double), labels, len(markers)
    for prefix, value in (("x", _pair(x_range, "x_range")), ("y", _pair(y_range, "y_range"))):
        if value is not None:
            setattr(o, "has_%s_range" % prefix, 1)
            setattr(o, "%s_min" % prefix, value[0])
            setattr(o, "%s_max" % prefix, value[1])
    return o


def _render(function, *args):
    """Calls a chart function with a buffer, again with the size it asks for if too small."""
    needed = c_size_t()
    buf = ctypes.create_string_buffer(_FIRST_BUFFER)
    try:
        function(*args, buf, len(buf), byref(needed))
    except BufferTooSmall:
        buf = ctypes.create_string_buffer(needed.value + 1)
        function(*args, buf, len(buf), byref(needed))
    return buf.value.decode("utf-8")


def _rows(series, names, n, name):
    """The series' values as one row-major float64 array, each row n long."""
    rows = [f64(series[k], "%s[%r]" % (name, k), n) for k in names]
    return np.ascontiguousarray(np.concatenate(rows)) if rows else np.empty(0)


def line_chart(series, *, markers=None, **options):
    """Lines over a numeric x axis: series {name: (x, y)}; markers [(x, label), ...] draw
    labelled vertical lines (e.g. the end of a calibration period)."""
    names, data = _series(series, "series")
    xs = [f64(data[k][0], "x of %r" % k) for k in names]
    ys = [f64(data[k][1], "y of %r" % k) for k in names]
    counts = np.array([len(x) for x in xs], dtype=np.uintp)
    for k, x, y in zip(names, xs, ys):
        if len(x) != len(y):
            raise ValueError("series %r: %d x and %d y values" % (k, len(x), len(y)))
    x_all = np.concatenate(xs) if xs else np.empty(0)
    y_all = np.concatenate(ys) if ys else np.empty(0)
    keep = []
    o = _options(keep, names, markers=markers, **options)
    return _render(lib.line_chart, _texts(names, "series names"), len(names), ptr(x_all, c_double),
                   ptr(y_all, c_double), ptr(counts, c_size_t), byref(o))


def category_line_chart(labels, series, *, intervals=None, y_range=None, **options):
    """Lines over named categories (e.g. a CSI per survey wave): series {name: values}, one
    per label; intervals {name: (lower, upper)} draws error bars (every series then needs
    one); y_range (lo, hi) fixes the value axis (e.g. (0, 100)), else the data's."""
    names, data = _series(series, "series")
    n = len(labels)
    values = _rows(data, names, n, "series")
    lower = upper = None
    if intervals is not None:
        missing = [k for k in names if k not in intervals]
        if missing:
            raise ValueError("intervals missing for series %s" % ", ".join(map(repr, missing)))
        lower = _rows({k: intervals[k][0] for k in names}, names, n, "lower")
        upper = _rows({k: intervals[k][1] for k in names}, names, n, "upper")
    keep = []
    o = _options(keep, names, y_range=y_range, **options)
    return _render(lib.category_line_chart, _texts(labels, "labels"), n, _texts(names, "series names"),
                   len(names), ptr(values, c_double),
                   None if lower is None else ptr(lower, c_double),
                   None if upper is None else ptr(upper, c_double), byref(o))


def bar_chart(labels, values, **options):
    """Bars: values one per label (a plain bar chart), or {series name: values} for a group
    of bars per label (e.g. gaps 1..5 per SERVQUAL dimension), with a legend. Negative
    values go below the zero line."""
    if hasattr(values, "items"):
        names, data = _series(values, "values")
        series_names = _texts(names, "series names")
    else:
        names, data, series_names = [None], {None: values}, None
    flat = _rows(data, names, len(labels), "values")
    keep = []
    o = _options(keep, names, **options)
    return _render(lib.bar_chart, _texts(labels, "labels"), len(labels), series_names, len(names),
                   ptr(flat, c_double), byref(o))


def radar_chart(axes, series, scale, **options):
    """A radar chart: one spoke per axis (at least 3: dimensions, audit categories), one
    closed polygon per series {name: values}, circles at the ticks of scale (lo, hi), e.g.
    (1, 7) or (0, 100). Every value must lie on the scale."""
    names, data = _series(series, "series")
    lo, hi = _pair(scale, "scale")
    flat = _rows(data, names, len(axes), "series")
    keep = []
    o = _options(keep, names, **options)
    return _render(lib.radar_chart, _texts(axes, "axes"), len(axes), _texts(names, "series names"),
                   len(names), ptr(flat, c_double), lo, hi, byref(o))


def ipa_chart(labels, performance, importance, crosshair, *, performance_range=None,
              importance_range=None, **options):
    """Importance-performance analysis: a labelled dot per item, the crosshair at
    (performance, importance) - the data's means or the scale's midpoint, as you decide -
    and the quadrants named. Ranges (lo, hi) fix the axes, else the data's."""
    n = len(labels)
    p, i = f64(performance, "performance", n), f64(importance, "importance", n)
    cx, cy = _pair(crosshair, "crosshair")
    keep = []
    o = _options(keep, x_range=performance_range, y_range=importance_range, **options)
    return _render(lib.ipa_chart, _texts(labels, "labels"), n, ptr(p, c_double), ptr(i, c_double),
                   cx, cy, byref(o))


def heat_map(values, column_labels, row_labels, **options):
    """A grid of values in [0, 1] (NaN: a cell that cannot occur), rows x columns, row 0 at
    the bottom, coloured white to dark blue, with a colour scale."""
    grid = np.ascontiguousarray(values, dtype=np.float64)
    if grid.ndim != 2 or grid.shape != (len(row_labels), len(column_labels)):
        raise ValueError("values must be rows x columns = %d x %d, got shape %s"
                         % (len(row_labels), len(column_labels), grid.shape))
    keep = []
    o = _options(keep, **options)
    return _render(lib.heat_map, ptr(grid, c_double), grid.shape[0], grid.shape[1],
                   _texts(column_labels, "column_labels"), _texts(row_labels, "row_labels"), byref(o))
