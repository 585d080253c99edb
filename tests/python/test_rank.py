"""crmkit.decision ranking through the C API: the hand-worked 3 x 3 case, every method
against an independent NumPy computation (tests/decision/reference/mcdm_reference.py) on
seeded random problems, names, ties and bad input."""
import importlib.util
import math
import os

import numpy as np
import pytest

import crmkit
from crmkit import decision

_spec = importlib.util.spec_from_file_location(
    "mcdm_reference", os.path.join(os.path.dirname(__file__), "..", "decision", "reference",
                                   "mcdm_reference.py"))
ref = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ref)

HAND = [[1, 2, 2], [2, 1, 2], [2, 2, 1]]  # (benefit, benefit, cost), every column norm 3
W = [0.5, 0.25, 0.25]


def test_topsis_by_hand():
    # Worked in tests/decision/test_rank.cpp: C = 1/(1 + sqrt 5), 2/(2 + sqrt 2), 1.
    r = decision.rank_topsis(HAND, W, cost=["price"], criteria=["quality", "speed", "price"])
    np.testing.assert_allclose(r.scores, [1 / (1 + math.sqrt(5)), 2 / (2 + math.sqrt(2)), 1], rtol=1e-14)
    np.testing.assert_allclose(r.distance_best, [math.sqrt(5) / 12, math.sqrt(2) / 12, 0], atol=1e-15)
    assert list(r.ranks) == [3, 2, 1] and list(r.order) == [2, 1, 0]
    assert r.normalization == "vector" and not r.lower_is_better


@pytest.mark.parametrize("seed", range(5))
def test_every_method_matches_numpy(seed):
    rng = np.random.default_rng(seed)
    x = 1 + 9 * rng.random((7, 4))
    w = rng.random(4) + 0.1
    w /= w.sum()
    cost = np.array([False, True, False, True])
    dp, dm, c = ref.topsis(x, w, cost)
    t = decision.rank_topsis(x, w, cost=[1, 3])
    np.testing.assert_allclose(t.scores, c, rtol=1e-12)
    np.testing.assert_allclose(t.distance_worst, dm, rtol=1e-12)
    np.testing.assert_allclose(decision.rank_topsis(x, w, cost=[1, 3], normalization="minmax").scores,
                               ref.topsis(x, w, cost, minmax=True)[2], rtol=1e-12)
    s, r_, q = ref.vikor(x, w, cost, v=0.3)
    v = decision.rank_vikor(x, w, cost=[1, 3], vikor_v=0.3)
    np.testing.assert_allclose(v.scores, q, atol=1e-12)
    np.testing.assert_allclose(v.vikor_s, s, rtol=1e-12)
    np.testing.assert_allclose(v.vikor_r, r_, rtol=1e-12)
    assert list(v.order) == list(np.argsort(q, kind="stable"))
    prefs = [ref.linear(0.5, 2), ref.vshape(3), ref.gauss(1.5), ref.usual]
    plus, minus, phi = ref.promethee(x, w, cost, prefs)
    p = decision.rank_promethee(x, w, cost=[1, 3], preferences=[
        {"function": "linear", "q": 0.5, "p": 2}, {"function": "v-shape", "p": 3},
        {"function": "gaussian", "s": 1.5}, None])
    np.testing.assert_allclose(p.phi_plus, plus, atol=1e-12)
    np.testing.assert_allclose(p.phi_minus, minus, atol=1e-12)
    np.testing.assert_allclose(p.scores, phi, atol=1e-12)
    ratios = ref.ratio(x, cost)
    wsm, wpm = (ratios * w).sum(1), np.prod(ratios ** w, 1)
    np.testing.assert_allclose(decision.rank_wsm(x, w, cost=[1, 3]).scores, wsm, rtol=1e-12)
    np.testing.assert_allclose(decision.rank_wpm(x, w, cost=[1, 3]).scores, wpm, rtol=1e-12)
    a = decision.rank_waspas(x, w, cost=[1, 3], waspas_lambda=0.7)
    np.testing.assert_allclose(a.scores, 0.7 * wsm + 0.3 * wpm, rtol=1e-12)
    np.testing.assert_allclose(a.wpm, wpm, rtol=1e-12)
    assert list(decision.rank(x, w, "wsm", cost=[1, 3]).order) == list(np.argsort(-wsm, kind="stable"))


def test_vikor_compromise_on_the_school_example():
    # onlineoutput.com's VIKOR example (see test_rank.cpp): Q best 5 then 2 within 1/4: C1
    # fails, the compromise set is {5, 2}.
    school = [[2, 5.6, 10.7, 3, 1], [3, 6.4, 8.3, 5, 2], [5, 2.32, 3.3, 1, 5], [2, 14.6, 10, 3, 1],
              [3, 10.8, 6.8, 2, 3]]
    v = decision.rank_vikor(school, [0.2] * 5, cost=[2])
    assert v.compromise == [4, 1]
    assert not v.acceptable_advantage and v.acceptable_stability


def test_ties_share_a_rank():
    r = decision.rank_wsm([[1, 2, 2], [1, 2, 2], [2, 2, 1]], W, cost=[2])
    assert list(r.ranks) == [2, 2, 1]


def test_names_and_enums():
    assert decision.METHODS == ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee")
    assert decision.NORMALIZATIONS == ("auto", "vector", "minmax", "max")
    assert decision.PREFERENCE_FUNCTIONS[1] == "u-shape"
    assert decision.DIRECTIONS == ("benefit", "cost")


def test_bad_input():
    names = dict(alternatives=["A", "B", "C"], criteria=["quality", "speed", "price"])
    with pytest.raises(crmkit.InvalidArgument, match="weights sum to 0.9, 0.1 short of 1"):
        decision.rank_topsis(HAND, [0.4, 0.25, 0.25], cost=[2], **names)
    with pytest.raises(crmkit.InvalidArgument, match=r"alternative 'B', criterion 'price' \(cost\): 0"):
        decision.rank_wpm([[1, 2, 2], [2, 1, 0], [2, 2, 1]], W, cost=["price"], **names)
    with pytest.raises(crmkit.InvalidArgument, match="criterion 'speed' is constant"):
        decision.rank_topsis([[1, 4, 2], [2, 4, 2], [2, 4, 1]], W, normalization="minmax", **names)
    with pytest.raises(crmkit.InvalidArgument, match="alternative 'C', criterion 'quality': value is nan"):
        decision.rank_topsis([[1, 2, 2], [2, 1, 2], [np.nan, 2, 1]], W, **names)
    with pytest.raises(crmkit.InvalidArgument, match="unknown ranking method 'electre'"):
        decision.rank(HAND, W, "electre")
    with pytest.raises(ValueError, match="weights must be one-dimensional with 3 values"):
        decision.rank_topsis(HAND, [0.5, 0.5])
    with pytest.raises(ValueError, match="cost criterion 'cost' is not among the criteria names"):
        decision.rank_topsis(HAND, W, cost=["cost"], **names)
    with pytest.raises(ValueError, match="2-d array"):
        decision.rank_topsis([1, 2, 3], W)
