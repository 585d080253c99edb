"""Ranking alternatives on weighted criteria: WSM, WPM, WASPAS, TOPSIS, VIKOR, PROMETHEE II
(crmkit::decision::rank, capi/decision/rank.cpp)."""
from ctypes import byref, c_char_p, c_double, c_size_t, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import f64, ptr
from .._lib import (DecisionMatrix, RankOptions, RankResult, defaults, enum_code, enum_names, lib,
                    new, text_arg)

METHODS = enum_names("rank_method")
NORMALIZATIONS = enum_names("normalization")
PREFERENCE_FUNCTIONS = enum_names("preference_function")
DIRECTIONS = enum_names("criterion_direction")

# The method's details in the result, by method (each an array over the alternatives).
_DETAILS = {"waspas": ("wsm", "wpm"), "topsis": ("distance_best", "distance_worst"),
            "vikor": ("vikor_s", "vikor_r"), "promethee": ("phi_plus", "phi_minus")}


class Problem:
    """A decision matrix as the C API takes it; keeps the arrays it points at alive.
    values: alternatives x criteria (rows are alternatives); cost: the cost criteria, as
    column numbers or criterion names (the others are benefits); alternatives, criteria:
    optional names (used in messages and results)."""

    def __init__(self, values, weights, cost=(), alternatives=None, criteria=None):
        x = np.ascontiguousarray(values, dtype=np.float64)
        if x.ndim != 2:
            raise ValueError("values must be a 2-d array (alternatives x criteria), got shape %s"
                             % (x.shape,))
        self.values, (n, k) = x, x.shape
        self.weights = f64(weights, "weights", k)
        self.alternatives = None if alternatives is None else [str(a) for a in alternatives]
        self.criteria = None if criteria is None else [str(c) for c in criteria]
        for names, count, what in ((self.alternatives, n, "alternatives"), (self.criteria, k, "criteria")):
            if names is not None and len(names) != count:
                raise ValueError("%d %s names for %d %s" % (len(names), what, count, what))
        self.directions = np.zeros(k, np.uint8)
        for c in cost or ():
            if isinstance(c, str):
                if self.criteria is None or c not in self.criteria:
                    raise ValueError("cost criterion %r is not among the criteria names" % c)
                c = self.criteria.index(c)
            if not 0 <= int(c) < k:
                raise ValueError("cost criterion %r is not a column 0..%d" % (c, k - 1))
            self.directions[int(c)] = 1
        self.struct = new(DecisionMatrix, values=ptr(x, c_double), alternatives=n, criteria=k,
                          directions=ptr(self.directions, c_uint8))
        for field, names in (("alternative_names", self.alternatives), ("criterion_names", self.criteria)):
            if names is not None:
                array = (c_char_p * len(names))(*[text_arg(s, field) for s in names])
                setattr(self, "_" + field, array)
                setattr(self.struct, field, array)

    @property
    def n(self):
        """Number of alternatives (rows)."""
        return self.values.shape[0]

    @property
    def k(self):
        """Number of criteria (columns)."""
        return self.values.shape[1]


def rank_options(problem, method, normalization=None, waspas_lambda=None, vikor_v=None,
                 preferences=None):
    """crm_rank_options from the library's defaults; preferences: one per criterion, None
    (usual) or a dict with "function" and any of "q", "p", "s"."""
    opts = defaults(RankOptions, "rank_options")
    opts.method = enum_code("rank_method", method)
    if normalization is not None:
        opts.normalization = enum_code("normalization", normalization)
    if waspas_lambda is not None:
        opts.waspas_lambda = float(waspas_lambda)
    if vikor_v is not None:
        opts.vikor_v = float(vikor_v)
    if preferences is not None:
        prefs = list(preferences)
        if len(prefs) != problem.k:
            raise ValueError("%d preferences for %d criteria" % (len(prefs), problem.k))
        problem.functions = np.array([enum_code("preference_function", (p or {}).get("function", "usual"))
                                      for p in prefs], np.uint8)
        problem.thresholds = {t: np.array([float((p or {}).get(t, 0.0)) for p in prefs]) for t in "qps"}
        opts.preference_functions = ptr(problem.functions, c_uint8)
        opts.q, opts.p, opts.s = (ptr(problem.thresholds[t], c_double) for t in "qps")
    return opts


def rank(values, weights, method="topsis", *, cost=(), normalization=None, waspas_lambda=None,
         vikor_v=None, preferences=None, alternatives=None, criteria=None):
    """Ranks the alternatives (rows of `values`) with `weights` (one per criterion, >= 0,
    summing to 1). method: one of METHODS; normalization: one of NORMALIZATIONS (None: the
    method's own). Returns .scores (WSM/WPM/WASPAS score, TOPSIS closeness, VIKOR Q,
    PROMETHEE phi), .ranks (1 = best; equal scores share a rank), .order (best first),
    .lower_is_better (VIKOR), .normalization, and the method's details: WASPAS .wsm/.wpm,
    TOPSIS .distance_best/.distance_worst, VIKOR .vikor_s/.vikor_r/.compromise (indices,
    best first)/.acceptable_advantage/.acceptable_stability, PROMETHEE .phi_plus/.phi_minus."""
    problem = Problem(values, weights, cost, alternatives, criteria)
    opts = rank_options(problem, method, normalization, waspas_lambda, vikor_v, preferences)
    n = problem.n
    out = {"scores": np.empty(n), "ranks": np.empty(n, np.uintp), "order": np.empty(n, np.uintp)}
    name = METHODS[opts.method]
    for field in _DETAILS.get(name, ()):
        out[field] = np.empty(n)
    compromise = np.zeros(n, np.uint8)
    result = new(RankResult, compromise=ptr(compromise, c_uint8))
    for field, arr in out.items():
        setattr(result, field, ptr(arr, c_size_t if arr.dtype == np.uintp else c_double))
    lib.rank(byref(problem.struct), ptr(problem.weights, c_double), byref(opts), byref(result))
    out["ranks"], out["order"] = out["ranks"].astype(np.int64), out["order"].astype(np.int64)
    ns = SimpleNamespace(method=name, lower_is_better=bool(result.lower_is_better),
                         normalization=NORMALIZATIONS[result.normalization], **out)
    if name == "vikor":
        ns.compromise = [int(i) for i in out["order"] if compromise[i]]
        ns.acceptable_advantage = bool(result.acceptable_advantage)
        ns.acceptable_stability = bool(result.acceptable_stability)
    return ns


def rank_wsm(values, weights, **kwargs):
    """Weighted sum (normalization "max" by default, or "minmax"); see rank()."""
    return rank(values, weights, "wsm", **kwargs)


def rank_wpm(values, weights, **kwargs):
    """Weighted product (ratios to the best value; costs must be positive); see rank()."""
    return rank(values, weights, "wpm", **kwargs)


def rank_waspas(values, weights, **kwargs):
    """WASPAS: waspas_lambda x WSM + (1 - waspas_lambda) x WPM; see rank()."""
    return rank(values, weights, "waspas", **kwargs)


def rank_topsis(values, weights, **kwargs):
    """TOPSIS closeness (normalization "vector" by default, or "minmax"); see rank()."""
    return rank(values, weights, "topsis", **kwargs)


def rank_vikor(values, weights, **kwargs):
    """VIKOR (vikor_v, default 0.5): Q, S, R, the two conditions and the compromise set; see
    rank()."""
    return rank(values, weights, "vikor", **kwargs)


def rank_promethee(values, weights, **kwargs):
    """PROMETHEE II net flows (preferences: per criterion None or {"function": "linear", "q":
    1, "p": 3}); see rank()."""
    return rank(values, weights, "promethee", **kwargs)
