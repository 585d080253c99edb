"""Customer satisfaction index with a seeded bootstrap interval, and its tracking across
survey waves (crmkit::quality::csi, capi/quality/csi.cpp).

    c = crmkit.quality.csi(answers, scale=(1, 5))            # c.index, c.lower, c.upper
    t = crmkit.quality.csi_tracking([wave1, wave2], scale=(1, 5))   # t.index, t.change, ...
"""
from ctypes import POINTER, byref, c_double, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import f64, int_arg, ptr
from .._lib import CsiOptions, CsiResult, defaults, lib, new
from ._answers import matrix, scale_pair


def _options(scale, weights, level, resamples, seed):
    """The library's defaults with the given values; returns (options, weights array kept
    alive for the call)."""
    opts = defaults(CsiOptions, "csi_options")
    if scale is not None:
        opts.scale_min, opts.scale_max = scale_pair(scale)
    w = None
    if weights is not None:
        w = f64(weights, "weights")
        opts.weights, opts.weight_count = ptr(w, c_double), w.shape[0]
    if level is not None:
        opts.level = float(level)
    if resamples is not None:
        opts.resamples = int_arg(resamples, "resamples", 0, 2**63 - 1)
    if seed is not None:
        opts.seed = int_arg(seed, "seed", 0, 2**64 - 1)
    return opts, w


def csi(answers, *, scale=None, weights=None, level=None, resamples=None, seed=None):
    """The 0-100 index of `answers` (respondents x items, NaN = unanswered): the weighted
    item means rescaled by the scale, (mean - min) / (max - min) x 100, with a percentile
    bootstrap interval. None takes the library's default: scale (1, 7), equal weights,
    level 0.95, 1000 resamples (0: no interval), a fixed seed.

    Returns index, lower, upper, respondents, item_mean, weights (normalised)."""
    a = matrix(answers, "answers")
    n, k = a.shape
    opts, keep = _options(scale, weights, level, resamples, seed)
    item_mean, w_out = np.empty(k), np.empty(k)
    out = new(CsiResult, item_mean=ptr(item_mean, c_double), weights=ptr(w_out, c_double))
    lib.csi(ptr(a, c_double), n, k, byref(opts), byref(out))
    del keep
    return SimpleNamespace(index=out.index, lower=out.lower, upper=out.upper,
                           respondents=out.respondents, item_mean=item_mean, weights=w_out)


def csi_tracking(waves, *, scale=None, weights=None, level=None, resamples=None, seed=None):
    """One CSI per wave (a list of answer matrices with the same items), wave w bootstrapped
    with seed + w, and the change from the previous wave with its interval (NaN for the
    first). Returns arrays index, lower, upper, change, change_lower, change_upper."""
    mats = [matrix(w, "waves[%d]" % i) for i, w in enumerate(waves)]
    if not mats:
        raise ValueError("csi_tracking needs at least one wave")
    k = mats[0].shape[1]
    mats = [matrix(m, "waves[%d]" % i, k) for i, m in enumerate(mats)]
    opts, keep = _options(scale, weights, level, resamples, seed)
    pointers = (POINTER(c_double) * len(mats))(*[ptr(m, c_double) for m in mats])
    sizes = (c_size_t * len(mats))(*[m.shape[0] for m in mats])
    names = ("index", "lower", "upper", "change", "change_lower", "change_upper")
    result = {name: np.empty(len(mats)) for name in names}
    lib.csi_tracking(pointers, sizes, len(mats), k, byref(opts),
                     *[ptr(result[name], c_double) for name in names])
    del keep
    return SimpleNamespace(**result)
