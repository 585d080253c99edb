"""SERVQUAL scores (crmkit::quality::servqual, capi/quality/servqual.cpp).

    r = servqual(Instrument.servqual(), expected, perceived, adequate=None, weights=None)
    r.dimensions.gap["mean"], r.dimensions.zone, r.gap_mean_of_items, r.weighted_gap["mean"]
"""
from ctypes import POINTER, byref, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import ptr, struct_dict
from .._lib import Estimate, ServqualOptions, ServqualResult, defaults, enum_names, lib, new
from .instrument import answers, f64_ptr, missing_options

ZONES = enum_names("zone_position")  # ("below", "within", "above")
# crm_estimate as a NumPy record: result arrays are filled by the library in place.
ESTIMATE = np.dtype(Estimate)
MEASURES = ("expected", "perceived", "gap", "adequate", "msa")


def _lines(count, names):
    lines = SimpleNamespace(names=names, zone_code=np.empty(count, np.uint8),
                            **{m: np.empty(count, ESTIMATE) for m in MEASURES})
    return lines


def _estimate(e):
    return {name: getattr(e, name) for name, _ in Estimate._fields_}


def servqual(instrument, expected, perceived, adequate=None, weights=None, *, missing=None,
             min_answered=None, confidence=None):
    """Gaps P - E by item and dimension with means, standard deviations and t intervals, the
    overall score as the mean of the item gaps and as the mean of the dimension gaps, the
    weighted score from each respondent's 100 importance points over the dimensions, SERVPERF
    (perceptions alone) and, with the adequate level, MSA = P - A, MSS = P - desired (the gap)
    and the zone of tolerance ("below", "within" — boundaries included — or "above").

    expected, perceived, adequate: respondents x items (NaN = unanswered), the same rows.
    weights: respondents x dimensions, rows summing to 100 (or all NaN). missing: "listwise",
    "pairwise" (default) or "dimension-mean"; confidence: of the intervals (default 0.95).

    Returns an object with `items` and `dimensions` (each: names, and record arrays expected,
    perceived, gap, adequate, msa with fields mean, sd, n, lower, upper; zone as names),
    gap_mean_of_items, gap_mean_of_dimensions, servperf_mean_of_items,
    servperf_mean_of_dimensions, weighted_gap (dict), respondent_dimension_gap (respondents x
    dimensions), respondent_weighted_gap, has_adequate, has_weights, respondents_used."""
    e = answers(expected, instrument, "expected")
    n = e.shape[0]
    p = answers(perceived, instrument, "perceived")
    a = None if adequate is None else answers(adequate, instrument, "adequate")
    for name, m in (("perceived", p), ("adequate", a)):
        if m is not None and m.shape[0] != n:
            raise ValueError("%s has %d respondents; expected has %d" % (name, m.shape[0], n))
    dims = instrument.dimensions
    w = None
    if weights is not None:
        w = np.ascontiguousarray(weights, dtype=np.float64)
        if w.shape != (n, len(dims)):
            raise ValueError("weights must be respondents x dimensions = %d x %d, got shape %s"
                             % (n, len(dims), w.shape))
    opts = missing_options(defaults(ServqualOptions, "servqual_options"), missing, min_answered)
    if confidence is not None:
        opts.confidence = float(confidence)

    items, dimensions = _lines(len(instrument), instrument.item_ids), _lines(len(dims), dims)
    per_dimension, weighted = np.empty((n, len(dims))), np.empty(n)
    fields = {"respondent_dimension_gap": f64_ptr(per_dimension),
              "respondent_weighted_gap": f64_ptr(weighted)}
    for prefix, lines in (("item_", items), ("dimension_", dimensions)):
        fields[prefix + "zone"] = ptr(lines.zone_code, c_uint8)
        for m in MEASURES:
            fields[prefix + m] = getattr(lines, m).ctypes.data_as(POINTER(Estimate))
    out = new(ServqualResult, **fields)
    lib.servqual(instrument._live(), f64_ptr(e), f64_ptr(p), None if a is None else f64_ptr(a),
                 None if w is None else f64_ptr(w), n, byref(opts), byref(out))

    for lines in (items, dimensions):
        lines.zone = np.array(ZONES, dtype=object)[lines.zone_code]
    summary = {k: v for k, v in struct_dict(out).items() if not hasattr(v, "contents")}
    summary["weighted_gap"] = _estimate(out.weighted_gap)
    summary["has_adequate"] = bool(out.has_adequate)
    summary["has_weights"] = bool(out.has_weights)
    return SimpleNamespace(items=items, dimensions=dimensions,
                           respondent_dimension_gap=per_dimension,
                           respondent_weighted_gap=weighted, **summary)
