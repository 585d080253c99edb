"""crmkit.decision sensitivity through the C API: exact weight intervals on the hand-worked
case, numeric ones checked by ranking on either side, seeded rank acceptability, rank
reversal."""
import numpy as np
import pytest

import crmkit
from crmkit import decision

LINES = [[1, 0], [0, 1], [0.5, 0.4]]  # minmax WSM scores A t, B 1 - t, C 0.4 + 0.1 t


def test_exact_intervals_by_hand():
    # Worked in tests/decision/test_sensitivity.cpp: top [1/2, 1], ranking [6/11, 1].
    s = decision.weight_sensitivity(LINES, [0.6, 0.4], "wsm", normalization="minmax")
    assert s.exact
    np.testing.assert_allclose([s.top_low[0], s.top_high[0], s.ranking_low[0]], [0.5, 1, 6 / 11], atol=1e-15)
    assert s.has_flip and s.flip_criterion == 0 and s.flip_winner == 1
    assert s.flip_change == pytest.approx(-0.1)


def test_numeric_interval_brackets_the_change():
    rng = np.random.default_rng(4)
    x = 1 + 9 * rng.random((6, 3))
    w = np.array([0.5, 0.3, 0.2])
    s = decision.weight_sensitivity(x, w, "topsis", cost=[2])
    assert not s.exact
    top = decision.rank_topsis(x, w, cost=[2]).order[0]

    def winner(j, t):
        v = w * (1 - t) / (1 - w[j])
        v[j] = t
        return decision.rank_topsis(x, v, cost=[2]).order[0]

    for j in range(3):
        assert winner(j, s.top_low[j]) == top and winner(j, s.top_high[j]) == top
        if s.top_low[j] > 0:
            assert winner(j, s.top_low[j] - 1e-8) != top
        if s.top_high[j] < 1:
            assert winner(j, s.top_high[j] + 1e-8) != top


def test_rank_acceptability_is_seeded_and_rows_sum_to_one():
    rng = np.random.default_rng(5)
    x = 1 + 9 * rng.random((5, 4))
    w = [0.4, 0.3, 0.2, 0.1]
    a = decision.rank_acceptability(x, w, "vikor", draws=3000, seed=7)
    b = decision.rank_acceptability(x, w, "vikor", draws=3000, seed=7)
    np.testing.assert_array_equal(a.acceptability, b.acceptability)
    np.testing.assert_allclose(a.acceptability.sum(1), 1, atol=1e-12)
    c = decision.rank_acceptability(x, w, "vikor", draws=3000, seed=8)
    assert not np.array_equal(a.acceptability, c.acceptability)
    first = a.acceptability[:, 0] > 0
    np.testing.assert_allclose(a.central_weights[first].sum(1), 1, atol=1e-12)
    assert np.isnan(a.central_weights[~first]).all()
    u = decision.rank_acceptability(x, w, "wsm", draws=100, distribution="uniform", seed=2**64 - 1)
    np.testing.assert_allclose(u.acceptability.sum(1), 1, atol=1e-12)
    with pytest.raises(crmkit.InvalidArgument, match="unknown weight distribution 'normal'"):
        decision.rank_acceptability(x, w, distribution="normal")


def test_rank_reversal():
    # Worked in tests/decision/test_sensitivity.cpp (WSM, minmax, equal weights).
    m = [[4, 0], [2, 3], [0, 4]]
    r = decision.rank_reversal_on_removal(m, [0.5, 0.5], "wsm", normalization="minmax")
    assert list(r.reversed_pairs) == [1, 0, 1]
    assert list(r.winner_changed) == [True, False, True]
    e = decision.rank_reversal_on_addition(m, [0.5, 0.5], [0, 6], "E", "wsm", normalization="minmax")
    assert e.reversed == [(0, 1), (0, 2)] and e.winner_changed
    d = decision.rank_reversal_on_addition(m, [0.5, 0.5], [2, 2], "D", "wsm", normalization="minmax")
    assert d.reversed == [] and not d.winner_changed
