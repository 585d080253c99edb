"""Weighted SWOT: IFE/EFE totals, the IE cell and SWOT quadrant, TOWS pairs, SWOT-AHP and the
SVG SWOT matrix (crmkit::decision, swot.hpp; capi/decision/swot.cpp).

A factor is (group, name, weight, rating) or (group, name, weight, rating, note) with group
"S", "W", "O" or "T"; or a dict with those keys."""
from ctypes import byref, c_double
from types import SimpleNamespace

import numpy as np

from .._convert import matrix, ptr, text
from .._lib import (SwotFactor, SwotOptions, SwotResult, TowsPair, defaults, enum_code,
                    enum_names, lib, new, text_arg)

SWOT_GROUPS = enum_names("swot_group")
IE_STRATEGIES = enum_names("ie_strategy")
SWOT_QUADRANTS = enum_names("swot_quadrant")
TOWS_TYPES = enum_names("tows_type")


def _factors(factors):
    rows = []
    for f in factors:
        if isinstance(f, dict):
            f = (f["group"], f["name"], f["weight"], f["rating"], f.get("note"))
        group, name, weight, rating = f[:4]
        note = f[4] if len(f) > 4 else None
        rows.append((group, name, weight, rating, note))
    c = (SwotFactor * max(1, len(rows)))()
    for i, (group, name, weight, rating, note) in enumerate(rows):
        c[i].group = enum_code("swot_group", group)
        c[i].name = text_arg(name, "factor name")
        c[i].weight = float(weight)
        c[i].rating = float(rating)
        c[i].note = None if note is None else text_arg(note, "factor note")
    return c, rows


def swot(factors, tows_per_group=None):
    """IFE, EFE, the IE cell (1..9) and its .strategy, the SWOT .quadrant, each factor's
    .scores (weight x rating) and .tows: candidate strategies as dicts (type, internal,
    external factor names, score), SO, ST, WO, WT in turn, best first."""
    c, rows = _factors(factors)
    opts = defaults(SwotOptions, "swot_options")
    if tows_per_group is not None:
        opts.tows_per_group = int(tows_per_group)
    capacity = 4 * opts.tows_per_group ** 2
    pairs = (TowsPair * max(1, capacity))()
    result = new(SwotResult, tows=pairs, tows_capacity=capacity)
    scores = np.empty(len(rows))
    lib.swot(c, len(rows), byref(opts), ptr(scores, c_double), byref(result))
    tows = [dict(type=TOWS_TYPES[p.type], internal=rows[p.internal][1], external=rows[p.external][1],
                 score=p.score) for p in pairs[:result.tows_count]]
    return SimpleNamespace(scores=scores, ife=result.ife, efe=result.efe,
                           internal_net=result.internal_net, external_net=result.external_net,
                           ie_cell=result.ie_cell, strategy=IE_STRATEGIES[result.strategy],
                           quadrant=SWOT_QUADRANTS[result.quadrant], tows=tows,
                           notes={r[1]: r[4] for r in rows if r[4]})


def swot_ahp(factors, group_matrix, factor_matrices):
    """SWOT-AHP (Kurttila et al. 2000): group_matrix 4 x 4 (S, W, O, T); factor_matrices one
    square matrix per group over its factors in their listed order. Returns .groups (dict of
    group priorities), .local and .global_ (arrays per factor; global is a keyword)."""
    c, rows = _factors(factors)
    g = matrix(group_matrix, "group_matrix", 4, 4)
    within = np.concatenate([np.ascontiguousarray(m, dtype=np.float64).ravel() for m in factor_matrices]) \
        if len(factor_matrices) == 4 else None
    if within is None:
        raise ValueError("factor_matrices: one matrix per group (S, W, O, T), got %d" % len(factor_matrices))
    counts = [sum(1 for r in rows if r[0] == name) for name in SWOT_GROUPS]
    if within.shape[0] != sum(n * n for n in counts):
        raise ValueError("factor_matrices hold %d judgments for groups of %s factors"
                         % (within.shape[0], counts))
    group_p, local, global_p = np.empty(4), np.empty(len(rows)), np.empty(len(rows))
    lib.swot_ahp(c, len(rows), ptr(g, c_double), ptr(within, c_double), None,
                 ptr(group_p, c_double), ptr(local, c_double), ptr(global_p, c_double))
    return SimpleNamespace(groups=dict(zip(SWOT_GROUPS, group_p.tolist())), local=local,
                           global_=global_p)


def swot_chart(factors, title="SWOT matrix"):
    """The SWOT matrix as SVG text."""
    c, rows = _factors(factors)
    t = text_arg(title, "title")
    return text(lambda _h, _i, buf, n, out: lib.swot_chart(c, len(rows), t, buf, n, out), None, 0)
