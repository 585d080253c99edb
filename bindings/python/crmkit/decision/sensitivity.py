"""Sensitivity of a ranking: weight intervals, rank acceptability, rank reversal
(crmkit::decision sensitivity, capi/decision/sensitivity.cpp). Each function takes the
problem as rank() does (values, weights, method and the keyword options of rank())."""
from ctypes import byref, c_double, c_int, c_size_t, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import f64, int_arg, ptr
from .._lib import (BufferTooSmall, MonteCarloOptions, SensitivityOptions, WeightSensitivityResult,
                    defaults, enum_code, enum_names, lib, new, text_arg)
from .rank import Problem, rank_options

WEIGHT_DISTRIBUTIONS = enum_names("weight_distribution")


def _setup(values, weights, method, kwargs):
    names = {k: kwargs.pop(k) for k in ("cost", "alternatives", "criteria") if k in kwargs}
    problem = Problem(values, weights, names.get("cost", ()), names.get("alternatives"),
                      names.get("criteria"))
    return problem, rank_options(problem, method, **kwargs)


def weight_sensitivity(values, weights, method="topsis", *, step=None, tolerance=None, **kwargs):
    """For each criterion, the weight interval (others rescaled proportionally) within which
    the top choice (.top_low, .top_high) and the whole ranking (.ranking_low, .ranking_high)
    stay; .exact (closed form for WSM and PROMETHEE, else a scan of `step` bisected to
    `tolerance`); the smallest flip: .has_flip, .flip_criterion, .flip_weight, .flip_change,
    .flip_winner."""
    problem, opts = _setup(values, weights, method, kwargs)
    so = defaults(SensitivityOptions, "sensitivity_options")
    if step is not None:
        so.step = float(step)
    if tolerance is not None:
        so.tolerance = float(tolerance)
    k = problem.k
    arrays = {f: np.empty(k) for f in ("top_low", "top_high", "ranking_low", "ranking_high")}
    result = new(WeightSensitivityResult, **{f: ptr(a, c_double) for f, a in arrays.items()})
    lib.weight_sensitivity(byref(problem.struct), ptr(problem.weights, c_double), byref(opts),
                           byref(so), byref(result))
    return SimpleNamespace(exact=bool(result.exact), has_flip=bool(result.has_flip),
                           flip_criterion=result.flip_criterion, flip_weight=result.flip_weight,
                           flip_change=result.flip_change, flip_winner=result.flip_winner, **arrays)


def rank_acceptability(values, weights, method="topsis", *, draws=None, seed=None,
                       distribution=None, concentration=None, **kwargs):
    """Seeded Monte Carlo over the weights (distribution "dirichlet" around `weights` with
    `concentration`, or "uniform" on the simplex). Returns .acceptability (alternatives x
    ranks: share of draws in which alternative i took rank r + 1; rows sum to 1) and
    .central_weights (alternatives x criteria: mean weights of the draws in which i ranked
    first; NaN when it never did)."""
    problem, opts = _setup(values, weights, method, kwargs)
    mc = defaults(MonteCarloOptions, "monte_carlo_options")
    if draws is not None:
        mc.draws = int_arg(draws, "draws", 1, 2**63 - 1)
    if seed is not None:
        mc.seed = int_arg(seed, "seed", -2**63, 2**64 - 1) - (2**64 if int(seed) >= 2**63 else 0)
    if distribution is not None:
        mc.distribution = enum_code("weight_distribution", distribution)
    if concentration is not None:
        mc.concentration = float(concentration)
    n, k = problem.n, problem.k
    acceptability, central = np.empty((n, n)), np.empty((n, k))
    lib.rank_acceptability(byref(problem.struct), ptr(problem.weights, c_double), byref(opts),
                           byref(mc), ptr(acceptability, c_double), ptr(central, c_double))
    return SimpleNamespace(acceptability=acceptability, central_weights=central, draws=mc.draws)


def rank_reversal_on_removal(values, weights, method="topsis", **kwargs):
    """Removes each alternative in turn and ranks the others again: .winner_changed (bool
    per removed alternative) and .reversed_pairs (how many pairs of the others changed
    relation)."""
    problem, opts = _setup(values, weights, method, kwargs)
    changed, counts = np.empty(problem.n, np.uint8), np.empty(problem.n, np.uintp)
    lib.rank_reversal_on_removal(byref(problem.struct), ptr(problem.weights, c_double), byref(opts),
                                 ptr(changed, c_uint8), ptr(counts, c_size_t))
    return SimpleNamespace(winner_changed=changed.astype(bool), reversed_pairs=counts.astype(np.int64))


def rank_reversal_on_addition(values, weights, row, name=None, method="topsis", **kwargs):
    """Adds `row` as a new alternative and ranks again: .winner_changed and .reversed (the
    pairs (a, b), a < b, of the original alternatives whose relation changed)."""
    problem, opts = _setup(values, weights, method, kwargs)
    extra = f64(row, "row", problem.k)
    label = None if name is None else text_arg(name, "name")
    winner, count = c_int(), c_size_t()
    args = (byref(problem.struct), ptr(problem.weights, c_double), ptr(extra, c_double), label, byref(opts),
            byref(winner))
    try:
        lib.rank_reversal_on_addition(*args, None, 0, byref(count))
        pairs = np.empty(0, np.uintp)
    except BufferTooSmall:  # asked for the count first
        pairs = np.empty(2 * count.value, np.uintp)
        lib.rank_reversal_on_addition(*args, ptr(pairs, c_size_t), count.value, byref(count))
    return SimpleNamespace(winner_changed=bool(winner.value),
                           reversed=[(int(pairs[2 * i]), int(pairs[2 * i + 1])) for i in range(count.value)])
