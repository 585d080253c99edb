"""The composite loyalty index 0..100 (crmkit::value::loyalty_index, capi/value/loyalty.cpp)."""
from ctypes import POINTER, byref, c_char_p, c_double, c_size_t, c_uint8, c_uint32
from types import SimpleNamespace

import numpy as np

from .._convert import f64, optional, ptr
from .._lib import LoyaltyInfo, LoyaltyOptions, defaults, enum_code, lib, new, text_arg


def default_loyalty_drivers():
    """The library's default drivers as dicts (name, weight, low, high, higher_is_loyal,
    saturate)."""
    o = defaults(LoyaltyOptions, "loyalty_options")
    return [dict(name=o.driver_names[d].decode(), weight=o.weights[d], low=o.lows[d],
                 high=o.highs[d], higher_is_loyal=bool(o.higher_is_loyal[d]),
                 saturate=bool(o.saturate[d])) for d in range(o.driver_count)]


def loyalty_index(columns, *, drivers=None, missing=None):
    """Composite loyalty index 0..100 from weighted drivers. columns: {driver name: values}
    (a driver without a column, or a NaN value, is missing for that customer); drivers: list
    of dicts as default_loyalty_drivers() returns (None: those). missing="reweight" (the
    default) scales the other weights up and records it; "reject" raises InvalidArgument.
    Returns .index, .drivers_used (bit d: driver d entered the index), .driver_names,
    .weights (nominal, sum 1; a customer's applied weights are those of its drivers_used,
    rescaled to sum 1), .coverage, .reweighted and .without_index."""
    drivers = default_loyalty_drivers() if drivers is None else list(drivers)
    unknown = set(columns) - {d["name"] for d in drivers}
    if unknown:
        raise ValueError("columns for unknown drivers: %s" % ", ".join(sorted(unknown)))
    given = [None if columns.get(d["name"]) is None else f64(columns[d["name"]], d["name"])
             for d in drivers]
    lengths = {a.shape[0] for a in given if a is not None}
    if len(lengths) != 1:
        raise ValueError("give at least one driver column, all of one length (got %s)" % sorted(lengths))
    n, k = lengths.pop(), len(drivers)
    names = [text_arg(d["name"], "driver name") for d in drivers]
    numbers = {field: np.array([float(d.get(field, default)) for d in drivers])
               for field, default in (("weight", 1.0), ("low", 0.0), ("high", 1.0))}
    flags = {field: np.array([bool(d.get(field, default)) for d in drivers], np.uint8)
             for field, default in (("higher_is_loyal", True), ("saturate", False))}
    opts = defaults(LoyaltyOptions, "loyalty_options")
    opts.driver_count = k
    opts.driver_names = (c_char_p * k)(*names)
    opts.weights, opts.lows = ptr(numbers["weight"], c_double), ptr(numbers["low"], c_double)
    opts.highs = ptr(numbers["high"], c_double)
    opts.higher_is_loyal = ptr(flags["higher_is_loyal"], c_uint8)
    opts.saturate = ptr(flags["saturate"], c_uint8)
    if missing is not None:
        opts.missing = enum_code("missing_drivers", missing)
    pointers = (POINTER(c_double) * k)(*[optional(a, c_double) for a in given])
    index, used = np.empty(n), np.empty(n, np.uint32)
    weights, coverage = np.empty(k), np.empty(k, np.uintp)
    info = new(LoyaltyInfo, weights=ptr(weights, c_double), coverage=ptr(coverage, c_size_t),
               driver_capacity=k)
    lib.loyalty_index(pointers, k, n, byref(opts), ptr(index, c_double), ptr(used, c_uint32),
                      byref(info))
    return SimpleNamespace(index=index, drivers_used=used,
                           driver_names=[d["name"] for d in drivers], weights=weights,
                           coverage=coverage.astype(np.int64), reweighted=info.reweighted,
                           without_index=info.without_index)
