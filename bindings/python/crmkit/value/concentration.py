"""Concentration of value: top-k% shares, Lorenz curve, Gini
(crmkit::value::concentration, capi/value/concentration.cpp).

    c = crmkit.value.concentration(total_value)        # c.gini, c.top[0.2], c.lorenz
"""
from ctypes import byref, c_double
from types import SimpleNamespace

import numpy as np

from .._convert import f64, ptr
from .._lib import ConcentrationOptions, ConcentrationResult, defaults, lib, new

_DEFAULTS = defaults(ConcentrationOptions, "concentration_options")
DEFAULT_TOP = tuple(_DEFAULTS.top_customer_shares[i] for i in range(_DEFAULTS.top_count))
DEFAULT_HOLDING = tuple(_DEFAULTS.value_shares[i] for i in range(_DEFAULTS.value_share_count))


def concentration(values, *, top=DEFAULT_TOP, holding=DEFAULT_HOLDING, lorenz_points=None):
    """Concentration of value (>= 0, positive total) over customers, all read off one
    piecewise-linear Lorenz curve: .top {k: value share of the top k of customers},
    .holding {v: smallest customer share holding v of the value}, .lorenz (points x 2 array
    of customer share, value share), .gini, .customers, .total_value. The defaults of top,
    holding and lorenz_points (None: 100) are the library's."""
    v = f64(values, "values")
    top_a, holding_a = f64(top, "top"), f64(holding, "holding")
    points = _DEFAULTS.lorenz_points if lorenz_points is None else int(lorenz_points)
    if points < 0:
        raise ValueError("lorenz_points must be >= 1, got %d" % points)
    top_out, holding_out = np.empty(top_a.shape[0]), np.empty(holding_a.shape[0])
    lorenz = np.empty((2, points + 1))
    opts = new(ConcentrationOptions, top_customer_shares=ptr(top_a, c_double),
               top_count=top_a.shape[0], value_shares=ptr(holding_a, c_double),
               value_share_count=holding_a.shape[0], lorenz_points=points)
    out = new(ConcentrationResult, top_value_shares=ptr(top_out, c_double),
              holding_customer_shares=ptr(holding_out, c_double),
              lorenz_customer_shares=ptr(lorenz[0], c_double),
              lorenz_value_shares=ptr(lorenz[1], c_double))
    lib.concentration(ptr(v, c_double), v.shape[0], byref(opts), byref(out))
    return SimpleNamespace(customers=out.customers, total_value=out.total_value, gini=out.gini,
                           top=dict(zip(top_a.tolist(), top_out.tolist())),
                           holding=dict(zip(holding_a.tolist(), holding_out.tolist())),
                           lorenz=lorenz.T.copy())
