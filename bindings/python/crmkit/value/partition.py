"""CLV fits over partitions (crm_clv_partition_*, capi/value/partition.cpp), in crmkit.value.

For customers split across processes or machines (examples/dask): each partition keeps its
customers and answers, at the parameters the client sends, its log-likelihood and gradient;
the client adds the statistics and runs the library's optimiser, summing the answers.

    parts = [ClvPartition("bg-nbd", x, t_x, T) for x, t_x, T in chunks]     # on the workers
    total = sum_statistics(p.statistics for p in parts)
    model = fit_partitioned(total, lambda params: sum_answers(p.log_likelihood(params)
                                                              for p in parts))

The result equals BetaGeo().fit(...) on the whole table up to the order of floating-point
sums. Covered: "bg-nbd", "mbg-nbd", "gamma-gamma" (x and mean repeat spend).
"""
from ctypes import POINTER, byref, c_double

import numpy as np

from .._lib import (ClvLogLikelihoodFn, ClvPartitionStats, Error, Handle, crm_clv_model,
                    crm_clv_partition, enum_code, enum_names, lib, new)
from .clv import BetaGeo, GammaGamma, ModifiedBetaGeo, _columns, _fit_options, _ptr

_STAT_FIELDS = ("customers", "repeat_customers", "frequency_sum", "age_sum", "spend_sum",
                "unique_rows")
_MODELS = {c.KIND: c for c in (BetaGeo, ModifiedBetaGeo, GammaGamma)}


class PartitionStatistics:
    """The sums a partitioned fit starts from (crm_clv_partition_stats): `kind` and the
    fields customers, repeat_customers, frequency_sum, age_sum, spend_sum, unique_rows.
    `a + b` adds them (the library's rule); picklable, so workers can return them."""

    def __init__(self, kind, **fields):
        self._c = new(ClvPartitionStats, kind=enum_code("clv_kind", kind)
                      if isinstance(kind, str) else int(kind), **fields)

    @property
    def kind(self):
        """The model family these sums are for ("bg_nbd", "mbg_nbd", "gamma_gamma", ...)."""
        return enum_names("clv_kind")[self._c.kind]

    def __getattr__(self, name):
        if name in _STAT_FIELDS:
            return getattr(self._c, name)
        raise AttributeError(name)

    def __add__(self, other):
        total = PartitionStatistics(self._c.kind, **self._fields())
        lib.clv_partition_stats_add(byref(total._c), byref(other._c))
        return total

    def _fields(self):
        return {name: getattr(self._c, name) for name in _STAT_FIELDS}

    def __reduce__(self):
        return _stats_from, (self._c.kind, self._fields())

    def __repr__(self):
        return "PartitionStatistics(%r, %s)" % (
            self.kind, ", ".join("%s=%r" % kv for kv in self._fields().items()))


def _stats_from(kind, fields):
    return PartitionStatistics(kind, **fields)


def sum_statistics(statistics):
    """The sum of an iterable of PartitionStatistics (ValueError when empty)."""
    items = iter(statistics)
    try:
        total = next(items)
    except StopIteration:
        raise ValueError("sum_statistics: no partitions") from None
    for s in items:
        total = total + s
    return total


class ClvPartition(Handle):
    """One partition's customers for `kind` "bg-nbd" or "mbg-nbd" (frequency, recency, T)
    or "gamma-gamma" (frequency, monetary_value), validated and compressed once. Pickling
    sends the columns and rebuilds the partition where it is unpickled."""

    _FREE = "clv_partition_free"

    def __init__(self, kind, frequency, recency=None, T=None, *, monetary_value=None,
                 weights=None):
        self._kind = enum_code("clv_kind", kind)
        self._args = (kind, frequency, recency, T, monetary_value, weights)
        spend = kind == "gamma-gamma"
        if spend and (recency is not None or T is not None or monetary_value is None):
            raise ValueError("a gamma-gamma partition takes frequency and monetary_value")
        if not spend and (recency is None or T is None):
            raise ValueError("a %s partition takes frequency, recency and T" % kind)
        cols = [frequency, monetary_value] if spend else [frequency, recency, T]
        arrays, n, _ = _columns(*(cols + ([] if weights is None else [weights])))
        w = _ptr(arrays[-1]) if weights is not None else None
        handle = POINTER(crm_clv_partition)()
        if spend:
            lib.clv_partition_create_spend(byref(handle), _ptr(arrays[0]), _ptr(arrays[1]), w, n)
        else:
            lib.clv_partition_create(byref(handle), self._kind, _ptr(arrays[0]), _ptr(arrays[1]),
                                     _ptr(arrays[2]), w, n)
        self._handle = handle
        self._k = 3 if spend else 4

    def __reduce__(self):
        kind, frequency, recency, T, monetary_value, weights = self._args
        return _partition_from, (kind, frequency, recency, T, monetary_value, weights)

    @property
    def statistics(self):
        """This partition's PartitionStatistics (add them over partitions for the fit)."""
        out = PartitionStatistics(self._kind)
        lib.clv_partition_stats_get(self._live(), byref(out._c))
        return out

    def log_likelihood(self, params, gradient=True):
        """(log-likelihood, gradient array) at natural-scale params (the papers' order), or
        the log-likelihood alone with gradient=False."""
        p = np.ascontiguousarray(params, dtype=np.float64)
        ll = c_double()
        g = np.empty(p.shape[0]) if gradient else None
        lib.clv_partition_log_likelihood(self._live(), _ptr(p), p.shape[0], byref(ll),
                                         _ptr(g) if gradient else None)
        return (ll.value, g) if gradient else ll.value


def _partition_from(kind, frequency, recency, T, monetary_value, weights):
    return ClvPartition(kind, frequency, recency, T, monetary_value=monetary_value,
                        weights=weights)


def sum_answers(answers):
    """Adds (log-likelihood, gradient) pairs, e.g. the partitions' answers at one point."""
    ll, grad = 0.0, None
    for value, g in answers:
        ll += value
        grad = np.array(g, dtype=np.float64) if grad is None else grad + g
    return ll, grad


def fit_partitioned(total, log_likelihood, **options):
    """Fits model `total.kind` with the optimiser and starts of the single-process fit.
    log_likelihood(params) returns (sum of the partitions' log-likelihoods, sum of their
    gradients) at a NumPy array of natural-scale parameters; its exceptions propagate.
    options: starts, tolerance, max_iterations, penalty, require_convergence."""
    failure = []

    def callback(_user, params, k, out_ll, out_grad):
        try:
            value, grad = log_likelihood(np.ctypeslib.as_array(params, shape=(k,)).copy())
            out_ll[0] = value
            if out_grad:
                g = np.asarray(grad, dtype=np.float64)
                if g.shape != (k,):
                    raise ValueError("fit_partitioned: the gradient has shape %s, (%d,) needed"
                                     % (g.shape, k))
                for i in range(k):
                    out_grad[i] = g[i]
            return 0
        except BaseException as e:  # re-raised below: nothing may unwind through C
            failure.append(e)
            return Error.status

    handle = POINTER(crm_clv_model)()
    try:
        lib.clv_fit_partitioned(byref(handle), byref(total._c), ClvLogLikelihoodFn(callback),
                                None, byref(_fit_options(**options)))
    except Error:
        if failure:
            raise failure[0] from None
        raise
    return _MODELS[total._c.kind]()._adopt(handle)
