"""The customer pyramid: key, major, ordinary, small, inferior tiers and migration between
periods (crmkit::value::assign_tiers, capi/value/tiers.cpp).

    t = crmkit.value.assign_tiers(total_value, scheme="share", cuts=(0.5, 0.8, 0.95))
    t.labels, t.table["key"]["value_share"]
"""
from ctypes import byref, c_double, c_int64, c_size_t, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import array, codes, f64, ptr
from .._lib import TierMigrationResult, TierOptions, TierTable, defaults, enum_code, enum_names, lib, new

TIERS = enum_names("tier")           # ("key", "major", "ordinary", "small", "inferior")
SCHEMES = enum_names("tier_scheme")  # ("share", "rank")
ABSENT = len(TIERS)                  # tier_migration: customers not in that period
_TABLE_FIELDS = ("customers", "customer_share", "value", "value_share", "mean_value",
                 "min_value", "max_value")


class TierTableResult(dict):
    """Rows by tier name (key, major, ordinary, small, inferior), each a dict of customers,
    customer_share, value, value_share, mean_value, min_value, max_value; plus .customers
    and .total_value."""

    def __init__(self, columns, customers, total_value):
        super().__init__((name, {field: columns[field][code].item() for field in _TABLE_FIELDS})
                         for code, name in enumerate(TIERS))
        self.customers, self.total_value = customers, total_value


def _table_call(call):
    """Runs call(table struct) with column arrays for every tier, returns the result."""
    columns = {f: np.empty(len(TIERS), np.uintp if f == "customers" else np.float64)
               for f in _TABLE_FIELDS}
    table = new(TierTable, tier_capacity=len(TIERS),
                tier_customers=ptr(columns["customers"], c_size_t),
                **{f: ptr(columns[f], c_double) for f in _TABLE_FIELDS[1:]})
    call(table)
    return TierTableResult(columns, table.customers, table.total_value)


def assign_tiers(values, *, scheme=None, cuts=None, inferior_below=None):
    """The customer pyramid: values (any per-customer figure, any sign) below inferior_below
    (library default 0) are inferior; the rest are cut into key / major / ordinary / small by
    cumulative value share (scheme "share", the default; cuts 0.5, 0.8, 0.95) or customer
    share ("rank": 0.01, 0.05, 0.20). Equal values share a tier; the customer crossing a cut
    stays above. Returns .tier (uint8 codes, names in TIERS), .labels (names) and .table."""
    v = f64(values, "values")
    opts = defaults(TierOptions, "tier_options")
    if scheme is not None:
        opts.scheme = enum_code("tier_scheme", scheme)
    c = None if cuts is None else f64(cuts, "cuts")
    if c is not None:
        opts.cuts, opts.cut_count = ptr(c, c_double), c.shape[0]
    if inferior_below is not None:
        opts.inferior_below = float(inferior_below)
    tiers = np.empty(v.shape[0], np.uint8)
    table = _table_call(lambda t: lib.assign_tiers(ptr(v, c_double), v.shape[0], byref(opts),
                                                   ptr(tiers, c_uint8), byref(t)))
    return SimpleNamespace(tier=tiers, labels=np.array(TIERS, dtype=object)[tiers], table=table)


def default_tier_cuts(scheme):
    """The library's default cuts of a scheme ("share" or "rank")."""
    out, count = np.empty(3), c_size_t()
    lib.tier_default_cuts(enum_code("tier_scheme", scheme), ptr(out, c_double), 3, byref(count))
    return tuple(out[:count.value].tolist())


def tier_table(values, tiers):
    """The per-tier table of any assignment (codes or names), e.g. last period's tiers with
    this period's values."""
    v = f64(values, "values")
    t = codes(tiers, TIERS, "tiers", v.shape[0])
    return _table_call(lambda table: lib.tier_table_of(ptr(v, c_double), ptr(t, c_uint8),
                                                       v.shape[0], byref(table)))


def tier_migration(ids_before, tiers_before, ids_after, tiers_after):
    """Who moved between two periods, customers matched by id (unique per period).
    .counts[from][to] (6 x 6: the tiers, then ABSENT = not in that period), .upgraded,
    .downgraded, .unchanged, .entered, .left."""
    ib = array(ids_before, np.int64, "ids_before")
    ia = array(ids_after, np.int64, "ids_after")
    tb = codes(tiers_before, TIERS, "tiers_before", ib.shape[0])
    ta = codes(tiers_after, TIERS, "tiers_after", ia.shape[0])
    counts = np.empty((ABSENT + 1, ABSENT + 1), np.uintp)
    out = new(TierMigrationResult, counts=ptr(counts, c_size_t), count_capacity=counts.size)
    lib.tier_migration(ptr(ib, c_int64), ptr(tb, c_uint8), ib.shape[0], ptr(ia, c_int64),
                       ptr(ta, c_uint8), ia.shape[0], byref(out))
    return SimpleNamespace(counts=counts.astype(np.int64), upgraded=out.upgraded,
                           downgraded=out.downgraded, unchanged=out.unchanged,
                           entered=out.entered, left=out.left)
