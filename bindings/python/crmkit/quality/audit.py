"""Category sums: the customer-orientation self-audit and employee satisfaction by dimension
(crmkit::quality::category_scores, capi/quality/audit.cpp).

    s = category_scores(Instrument.audit(), answers)     # answers: respondents x 40
    s.weakest_names[:3], s.mean_percentage
"""
from ctypes import byref, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import ptr
from .._lib import CategoryOptions, CategoryResult, defaults, lib, new
from .instrument import answers, f64_ptr, missing_options


def category_scores(instrument, values, *, missing=None, min_answered=None):
    """Each respondent's category score (sum of its items; reverse-coded items reversed), its
    maximum (scale max x items) and percentage, totals, the means over respondents and the
    categories weakest first. An unanswered item never counts as 0: "pairwise" (default)
    leaves that category without a score (NaN), "listwise" drops the respondent,
    "dimension-mean" fills the blank with the respondent's mean of the category's answered
    items (at least min_answered).

    Returns an object with categories, maximum, score and percentage (respondents x
    categories), total, total_percentage (per respondent), mean_score, mean_percentage,
    scored (respondents with a score), weakest (indexes) and weakest_names, total_maximum,
    mean_total, mean_total_percentage, scored_total."""
    x = answers(values, instrument, "answers")
    n = x.shape[0]
    names = instrument.dimensions
    d = len(names)
    opts = missing_options(defaults(CategoryOptions, "category_options"), missing, min_answered)
    r = SimpleNamespace(categories=names, score=np.empty((n, d)), percentage=np.empty((n, d)),
                        total=np.empty(n), total_percentage=np.empty(n), maximum=np.empty(d),
                        mean_score=np.empty(d), mean_percentage=np.empty(d),
                        scored=np.empty(d, np.uintp), weakest=np.empty(d, np.uintp))
    out = new(CategoryResult, scored=ptr(r.scored, c_size_t), weakest=ptr(r.weakest, c_size_t),
              **{k: f64_ptr(getattr(r, k)) for k in ("score", "percentage", "total",
                                                      "total_percentage", "maximum",
                                                      "mean_score", "mean_percentage")})
    lib.category_scores(instrument._live(), f64_ptr(x), n, byref(opts), byref(out))
    r.weakest_names = [names[i] for i in r.weakest]
    r.total_maximum = out.total_maximum
    r.mean_total = out.mean_total
    r.mean_total_percentage = out.mean_total_percentage
    r.scored_total = out.scored_total
    return r
