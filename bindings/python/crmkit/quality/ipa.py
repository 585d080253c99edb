"""Importance-performance analysis (crmkit::quality::ipa, capi/quality/ipa.cpp).

    r = crmkit.quality.ipa(performance, importance)                      # stated
    r = crmkit.quality.ipa(performance, overall=satisfaction, method="correlation")
    r.quadrant_names   # "concentrate-here", "keep-up-the-good-work", ...
"""
from ctypes import byref, c_double, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import f64, ptr
from .._lib import IpaOptions, IpaResult, defaults, enum_code, enum_names, lib, new
from ._answers import matrix, scale_pair

QUADRANTS = enum_names("ipa_quadrant")
IMPORTANCE_METHODS = enum_names("ipa_importance")
CROSSHAIRS = enum_names("ipa_crosshair")


def ipa(performance, importance=None, overall=None, *, method=None, crosshair=None, scale=None):
    """Places each item (column of `performance`, respondents x items, NaN = unanswered) by
    its mean performance and its importance into a quadrant.

    method: "stated" (the library's default): `importance` holds importance ratings (any
    respondents x the same items); "correlation" or "regression": importance is derived from
    `overall` (one overall-satisfaction answer per performance respondent) as the item's
    correlation with it or its standardised regression coefficient. crosshair: "data-means"
    (default) or "scale-midpoint" (stated importance only). scale: (min, max), default the
    library's (1, 7). On the crosshair, importance ties count high, performance ties low.

    Returns importance, performance, quadrant (codes into QUADRANTS), quadrant_names,
    importance_crosshair, performance_crosshair, respondents."""
    p = matrix(performance, "performance")
    n, k = p.shape
    opts = defaults(IpaOptions, "ipa_options")
    if method is not None:
        opts.importance = enum_code("ipa_importance", method)
    if crosshair is not None:
        opts.crosshair = enum_code("ipa_crosshair", crosshair)
    if scale is not None:
        opts.scale_min, opts.scale_max = scale_pair(scale)
    stated = IMPORTANCE_METHODS[opts.importance] == "stated"
    imp = matrix(importance, "importance", k) if stated and importance is not None else None
    if stated and imp is None:
        raise ValueError("stated importance needs `importance` ratings (or pass overall= and "
                         "method='correlation' or 'regression')")
    y = f64(overall, "overall", n) if not stated and overall is not None else None
    if not stated and y is None:
        raise ValueError("derived importance (%s) needs `overall` satisfaction answers"
                         % IMPORTANCE_METHODS[opts.importance])
    result = SimpleNamespace(importance=np.empty(k), performance=np.empty(k),
                             quadrant=np.empty(k, np.uint8))
    out = new(IpaResult, importance=ptr(result.importance, c_double),
              performance=ptr(result.performance, c_double),
              quadrant=ptr(result.quadrant, c_uint8))
    lib.ipa(ptr(p, c_double), n, k, None if imp is None else ptr(imp, c_double),
            0 if imp is None else imp.shape[0], None if y is None else ptr(y, c_double),
            byref(opts), byref(out))
    result.quadrant_names = [QUADRANTS[q] for q in result.quadrant]
    result.importance_crosshair = out.importance_crosshair
    result.performance_crosshair = out.performance_crosshair
    result.respondents = out.respondents
    return result
