"""Criterion weights: direct, rank-based, entropy, CRITIC (crmkit::decision, weights.hpp;
capi/decision/weights.cpp). Each returns a NumPy array of weights summing to 1."""
from ctypes import c_double, c_uint8

import numpy as np

from .._convert import array, f64, matrix, ptr
from .._lib import enum_code, enum_names, lib

RANK_WEIGHTINGS = enum_names("rank_weighting")


def direct_weights(values):
    """Weights proportional to `values` (e.g. points out of 100)."""
    v = f64(values, "values")
    out = np.empty(v.shape[0])
    lib.direct_weights(ptr(v, c_double), v.shape[0], ptr(out, c_double))
    return out


def rank_weights(ranks, method="rank-sum"):
    """Weights from ranks (1 = most important; ties share their positions' mean weight).
    method: "rank-sum", "reciprocal" or "rank-order-centroid"."""
    r = f64(ranks, "ranks")
    out = np.empty(r.shape[0])
    lib.rank_weights(ptr(r, c_double), r.shape[0], enum_code("rank_weighting", method),
                     ptr(out, c_double))
    return out


def entropy_weights(decision_matrix):
    """Shannon entropy weights of a non-negative alternatives x criteria matrix."""
    m = matrix(decision_matrix, "decision_matrix")
    out = np.empty(m.shape[1])
    lib.entropy_weights(ptr(m, c_double), m.shape[0], m.shape[1], ptr(out, c_double))
    return out


def critic_weights(decision_matrix, cost=None):
    """CRITIC weights of an alternatives x criteria matrix; cost: None (all benefit) or one
    flag per criterion (True: smaller is better)."""
    m = matrix(decision_matrix, "decision_matrix")
    flags = None if cost is None else array(np.asarray(cost, dtype=bool), np.uint8, "cost", m.shape[1])
    out = np.empty(m.shape[1])
    lib.critic_weights(ptr(m, c_double), m.shape[0], m.shape[1],
                       None if flags is None else ptr(flags, c_uint8), ptr(out, c_double))
    return out
