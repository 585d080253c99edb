"""Customer status (new, active, at_risk, lapsed, won_back) and relationship stage
(crmkit::value::classify_status, capi/value/status.cpp). Rules in
include/crmkit/value/status.hpp."""
from ctypes import byref, c_double, c_int64, c_size_t, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import array, codes, f64, optional, ptr
from .._lib import StageOptions, StatusOptions, defaults, enum_names, lib

STATUSES = enum_names("customer_status")  # ("new", "active", "at_risk", "lapsed", "won_back")
STAGES = enum_names("stage")


def _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days,
                    typical_interval_days=None):
    o = defaults(StatusOptions, "status_options")
    for name, v in (("new_within_days", new_within_days), ("at_risk_multiple", at_risk_multiple),
                    ("lapsed_multiple", lapsed_multiple), ("min_interval_days", min_interval_days)):
        if v is not None:
            setattr(o, name, float(v))
    if typical_interval_days is not None:
        o.has_typical_interval, o.typical_interval_days = 1, float(typical_interval_days)
    return o


def classify_status(first, last, purchases, gap_before_last=None, *, as_of, new_within_days=None,
                    at_risk_multiple=None, lapsed_multiple=None, min_interval_days=None,
                    typical_interval_days=None):
    """Status of each customer at day as_of, from first/last purchase days, purchases (>= 1)
    and the gap before the last purchase (None: nobody is won_back), against the customer's
    own purchase rhythm. Options left at None take the library's defaults (90 days, 2x, 4x,
    7 days; one-time buyers get the repeat customers' median rhythm). Returns .status
    (codes, names in STATUSES), .labels, .counts {name: customers} and
    .population_interval_days (the rhythm of one-time buyers)."""
    f = f64(first, "first")
    n = f.shape[0]
    la, p = f64(last, "last", n), array(purchases, np.int64, "purchases", n)
    gap = None if gap_before_last is None else f64(gap_before_last, "gap_before_last", n)
    status, counts, interval = np.empty(n, np.uint8), np.empty(len(STATUSES), np.uintp), c_double()
    opts = _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days,
                           typical_interval_days)
    lib.classify_status(ptr(f, c_double), ptr(la, c_double), ptr(p, c_int64),
                        optional(gap, c_double), n, float(as_of), byref(opts),
                        ptr(status, c_uint8), ptr(counts, c_size_t), byref(interval))
    return SimpleNamespace(status=status, labels=np.array(STATUSES, dtype=object)[status],
                           counts=dict(zip(STATUSES, counts.tolist())),
                           population_interval_days=interval.value)


def status_of(first, last, purchases, gap_before_last, *, as_of, population_interval_days,
              new_within_days=None, at_risk_multiple=None, lapsed_multiple=None,
              min_interval_days=None):
    """Status name of one customer (at a till); gap_before_last None when unknown."""
    out = c_uint8()
    opts = _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days)
    (p,) = array([purchases], np.int64, "purchases")
    lib.status_of(float(first), float(last), int(p),
                  float("nan") if gap_before_last is None else float(gap_before_last),
                  float(as_of), float(population_interval_days), byref(opts), byref(out))
    return STATUSES[out.value]


def relationship_stages(purchases, tenure_days, status, spend_trend=None, *,
                        exploration_purchases=None, exploration_days=None, commitment_days=None,
                        growth=None, decline=None):
    """Relationship stage (awareness, exploration, expansion, commitment, dissolution; names
    in STAGES) of each customer from purchases, tenure in days, status (codes or names) and
    the relative spend trend (NaN or None: unknown). Options left at None take the library's
    defaults. Returns codes."""
    p = array(purchases, np.int64, "purchases")
    n = p.shape[0]
    tenure = f64(tenure_days, "tenure_days", n)
    s = codes(status, STATUSES, "status", n)
    trend = None if spend_trend is None else f64(spend_trend, "spend_trend", n)
    out = np.empty(n, np.uint8)
    opts = defaults(StageOptions, "stage_options")
    if exploration_purchases is not None:
        opts.exploration_purchases = int(array([exploration_purchases], np.int64, "exploration_purchases")[0])
    for name, v in (("exploration_days", exploration_days), ("commitment_days", commitment_days),
                    ("growth", growth), ("decline", decline)):
        if v is not None:
            setattr(opts, name, float(v))
    lib.relationship_stages(ptr(p, c_int64), ptr(tenure, c_double), ptr(s, c_uint8),
                            optional(trend, c_double), n, byref(opts), ptr(out, c_uint8))
    return out
