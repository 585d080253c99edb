"""CLV fits over partitions from Python (crmkit.value.ClvPartition, fit_partitioned): the
CDNOW summary split by customer gives the whole table's statistics, log-likelihood and
gradient; the gradient matches central finite differences; the fit driven from Python equals
the single-process fit; partitions and statistics survive pickling (how Dask moves them)."""
import csv
import os
import pickle

import numpy as np
import pytest

import crmkit
from conftest import DATA
from crmkit.value import (BetaGeo, ClvPartition, GammaGamma, ModifiedBetaGeo, PartitionStatistics,
                          fit_partitioned, sum_answers, sum_statistics)

with open(os.path.join(DATA, "cdnow", "cdnow_customers_summary_with_transactions.csv")) as f:
    _rows = list(csv.DictReader(f))
# ID,x,t_x,T,zbar: the CDNOW sample summary of Fader, Hardie & Lee (2005), weeks.
X, TX, T, ZBAR = (np.array([float(r[k]) for r in _rows]) for k in ("x", "t_x", "T", "zbar"))
PARTS = 4
# Published CDNOW estimates (FHL 2005): BG/NBD r, alpha, a, b; Gamma-Gamma p, q, gamma.
BG_AT = np.array([0.243, 4.414, 0.793, 2.426])
GG_AT = np.array([6.25, 3.74, 15.44])

CASES = [("bg-nbd", BetaGeo, BG_AT), ("mbg-nbd", ModifiedBetaGeo, BG_AT),
         ("gamma-gamma", GammaGamma, GG_AT)]


def partition(kind, idx):
    if kind == "gamma-gamma":
        return ClvPartition(kind, X[idx], monetary_value=ZBAR[idx])
    return ClvPartition(kind, X[idx], TX[idx], T[idx])


def split(kind):
    # By customer: a random assignment, as hashing customer ids on a cluster would give.
    owner = np.random.default_rng(7).integers(0, PARTS, X.size)
    return [partition(kind, owner == p) for p in range(PARTS)]


def single_fit(cls):
    return cls().fit(X, ZBAR) if cls is GammaGamma else cls().fit(X, TX, T)


@pytest.mark.parametrize("kind,cls,at", CASES)
def test_partitions_sum_to_the_whole(kind, cls, at):
    parts, whole = split(kind), partition(kind, slice(None))
    total, all_ = sum_statistics(p.statistics for p in parts), whole.statistics
    assert total.kind == kind
    assert total.customers == all_.customers == (946 if kind == "gamma-gamma" else 2357)
    assert total.frequency_sum == pytest.approx(all_.frequency_sum, rel=1e-14)
    assert total.frequency_sum == 2457  # repeat purchases in weeks 1-39 (FHL 2005)
    ll_sum, g_sum = sum_answers(p.log_likelihood(at) for p in parts)
    ll, g = whole.log_likelihood(at)
    assert ll_sum == pytest.approx(ll, rel=1e-12)
    np.testing.assert_allclose(g_sum, g, rtol=0, atol=1e-9 * abs(ll))


@pytest.mark.parametrize("kind,cls,at", CASES)
def test_gradient_matches_central_differences(kind, cls, at):
    whole = partition(kind, slice(None))
    _, g = whole.log_likelihood(at)
    for j in range(at.size):
        h = 1e-6 * at[j]
        up, down = at.copy(), at.copy()
        up[j] += h
        down[j] -= h
        fd = (whole.log_likelihood(up, gradient=False) - whole.log_likelihood(down, gradient=False)) / (2 * h)
        assert fd == pytest.approx(g[j], rel=1e-6, abs=1e-4)


@pytest.mark.parametrize("kind,cls,at", CASES)
def test_partitioned_fit_equals_single_process_fit(kind, cls, at):
    parts = [pickle.loads(pickle.dumps(p)) for p in split(kind)]
    total = pickle.loads(pickle.dumps(sum_statistics(p.statistics for p in parts)))
    calls = []

    def log_likelihood(params):
        calls.append(params)
        return sum_answers(p.log_likelihood(params) for p in parts)

    spread, single = fit_partitioned(total, log_likelihood), single_fit(cls)
    assert isinstance(spread, cls) and calls
    for name, value in single.params.items():
        assert spread.params[name] == pytest.approx(value, rel=1e-8), name
    assert spread.fit_info["log_likelihood"] == pytest.approx(single.fit_info["log_likelihood"],
                                                              rel=1e-12)
    assert spread.fit_info["converged"]


def test_errors_name_what_is_wrong():
    with pytest.raises(crmkit.InvalidArgument, match="partitioned fits cover"):
        ClvPartition("pareto-nbd", X, TX, T)
    with pytest.raises(ValueError, match="monetary_value"):
        ClvPartition("gamma-gamma", X, TX, T)
    with pytest.raises(crmkit.InvalidArgument, match="row 1"):
        ClvPartition("bg-nbd", [1, 1.5], [2, 2], [3, 3])
    p = ClvPartition("bg-nbd", X[:10], TX[:10], T[:10])
    with pytest.raises(crmkit.InvalidArgument, match="4 parameters"):
        p.log_likelihood([1, 2, 3])
    with pytest.raises(crmkit.InvalidArgument, match="parameter 2"):
        p.log_likelihood([1, 2, np.nan, 1])
    with pytest.raises(crmkit.InvalidArgument, match="cannot be added"):
        p.statistics + PartitionStatistics("gamma-gamma")
    with pytest.raises(ValueError, match="no partitions"):
        sum_statistics([])
    total = split("bg-nbd")[0].statistics

    def broken(params):
        raise KeyError("worker lost")

    with pytest.raises(KeyError, match="worker lost"):
        fit_partitioned(total, broken)
    with pytest.raises(ValueError, match="gradient has shape"):
        fit_partitioned(total, lambda params: (-1.0, np.zeros(3)))
    empty = ClvPartition("bg-nbd", [], [], [])
    assert empty.statistics.customers == 0
    ll, g = empty.log_likelihood(BG_AT)
    assert ll == 0 and not g.any()
