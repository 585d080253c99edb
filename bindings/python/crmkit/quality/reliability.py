"""Cronbach's alpha, raw and standardised, alpha if an item is deleted and corrected
item-total correlations (crmkit::quality::reliability, capi/quality/reliability.cpp).

    r = crmkit.quality.reliability(answers)      # respondents x items, NaN = unanswered
    r.alpha_raw, r.alpha_standardised, r.alpha_if_deleted, r.item_total_correlation
"""
from ctypes import byref, c_double
from types import SimpleNamespace

import numpy as np

from .._convert import ptr
from .._lib import ReliabilityOptions, ReliabilityResult, defaults, enum_code, lib, new
from ._answers import matrix


def reliability(answers, *, missing=None):
    """Reliability of every column of `answers` (respondents x items; reverse-coded items
    must be reversed first). missing: "listwise" (None: the library's default) or
    "pairwise" (each covariance from the respondents who answered both items).

    Returns alpha_raw, alpha_standardised, mean_correlation, respondents (used), items and
    per-item arrays alpha_if_deleted, item_total_correlation, item_mean, item_variance.
    Undefined figures (an item without variance) are NaN."""
    a = matrix(answers, "answers")
    n, k = a.shape
    opts = defaults(ReliabilityOptions, "reliability_options")
    if missing is not None:
        opts.missing = enum_code("missing_policy", missing)
    arrays = {name: np.empty(k) for name in ("alpha_if_deleted", "item_total_correlation",
                                             "item_mean", "item_variance")}
    out = new(ReliabilityResult, **{name: ptr(v, c_double) for name, v in arrays.items()})
    lib.reliability(ptr(a, c_double), n, k, byref(opts), byref(out))
    return SimpleNamespace(alpha_raw=out.alpha_raw, alpha_standardised=out.alpha_standardised,
                           mean_correlation=out.mean_correlation, respondents=out.respondents,
                           items=k, **arrays)
