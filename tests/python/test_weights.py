"""Criterion weights through Python: the hand cases of tests/decision/test_weights.cpp, and
entropy/CRITIC recomputed here with NumPy from their published formulas."""
import numpy as np
import pytest

import crmkit
from crmkit.decision import critic_weights, direct_weights, entropy_weights, rank_weights


def test_direct_and_rank_weights():
    assert direct_weights([50, 30, 20]).tolist() == [0.5, 0.3, 0.2]
    np.testing.assert_allclose(rank_weights([2, 1, 3], "rank-order-centroid"),
                               [5 / 18, 11 / 18, 2 / 18], rtol=1e-15)
    np.testing.assert_allclose(rank_weights([1, 2, 2, 4]), [0.4, 0.25, 0.25, 0.1], rtol=1e-15)
    assert crmkit.decision.RANK_WEIGHTINGS == ("rank-sum", "reciprocal", "rank-order-centroid")
    with pytest.raises(crmkit.InvalidArgument, match="unknown rank weighting 'borda'"):
        rank_weights([1, 2], "borda")
    with pytest.raises(crmkit.InvalidArgument, match="criterion 1"):
        direct_weights([1, -1])


def test_entropy_and_critic_against_numpy():
    rng = np.random.default_rng(7)
    x = rng.uniform(1, 10, size=(12, 4))
    p = x / x.sum(0)
    d = 1 + (p * np.log(p)).sum(0) / np.log(len(x))
    np.testing.assert_allclose(entropy_weights(x), d / d.sum(), rtol=1e-12)
    cost = [False, True, False, True]
    r = np.empty_like(x)
    for j in range(4):
        lo, hi = x[:, j].min(), x[:, j].max()
        r[:, j] = (hi - x[:, j]) / (hi - lo) if cost[j] else (x[:, j] - lo) / (hi - lo)
    c = r.std(0) * (1 - np.corrcoef(r.T)).sum(0)
    np.testing.assert_allclose(critic_weights(x, cost), c / c.sum(), rtol=1e-12)
    with pytest.raises(ValueError, match="cost must be one-dimensional with 4 values"):
        critic_weights(x, [True])
    with pytest.raises(ValueError, match="decision_matrix must be a n x m matrix"):
        entropy_weights([1, 2, 3])
