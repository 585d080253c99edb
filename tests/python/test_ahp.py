"""AHP through Python: Saaty's drinks example against AHPy's values (see
tests/decision/test_ahp.cpp), NumPy's eigensolver on random matrices, incomplete matrices,
hierarchies and bad input."""
import numpy as np
import pytest

import crmkit
from crmkit.decision import GOAL, ahp, random_index_table, random_index_table_names, synthesize_hierarchy

DRINKS = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"]
MATRIX = np.array([[1, 9, 5, 2, 1, 1, .5],
                   [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
                   [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
                   [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
                   [1, 9, 4, 2, 1, 2, 1 / 2],
                   [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
                   [2, 9, 9, 3, 2, 3, 1]])


def test_drinks_against_ahpy():
    r = ahp(MATRIX, DRINKS, random_index="saaty-2005")
    assert r.priorities["water"] == pytest.approx(0.326792639268, abs=1e-11)
    assert r.priorities["wine"] == pytest.approx(0.019149476024, abs=1e-11)
    assert r.cr == pytest.approx(0.021806054238, abs=1e-11)
    assert r.random_index_table == "saaty-2005" and r.random_index == 1.35
    assert len(r.inconsistent) == 3 and r.inconsistent[0]["cr_if_changed"] < r.cr
    assert ahp(MATRIX).random_index_table == "saaty"


def test_eigen_priorities_match_numpy():
    rng = np.random.default_rng(11)
    for n in range(3, 16):
        judgments = rng.integers(1, 10, size=(n, n)).astype(float)
        judgments = np.where(rng.random((n, n)) < 0.5, judgments, 1 / judgments)
        a = np.ones((n, n))
        upper = np.triu_indices(n, 1)
        a[upper] = judgments[upper]
        a.T[upper] = 1 / judgments[upper]
        values, vectors = np.linalg.eig(a)
        k = np.argmax(values.real)
        v = vectors[:, k].real / vectors[:, k].real.sum()
        r = ahp(a)
        np.testing.assert_allclose(r.priorities, v, atol=1e-12)
        assert r.lambda_max == pytest.approx(values[k].real, rel=1e-12)
        geometric = ahp(a, method="geometric").priorities
        g = np.exp(np.log(a).mean(1))
        np.testing.assert_allclose(geometric, g / g.sum(), rtol=1e-13)


def test_incomplete_and_tables():
    a = np.array([[1, 2, np.nan], [0.5, 1, 2], [np.nan, 0.5, 1]])
    for completion in ("lambda-optimal", "harker"):
        r = ahp(a, completion=completion)
        assert r.missing == 1
        assert r.matrix[0, 2] == pytest.approx(4, rel=1e-8)
    assert random_index_table_names() == ("saaty", "saaty-2005", "donegan-dodd")
    assert random_index_table()[2] == 0.58 and len(random_index_table("donegan-dodd")) == 20
    own = ahp(MATRIX, random_index=("mine", [0] * 6 + [2.0]))
    assert own.random_index_table == "mine" and own.cr == pytest.approx(own.ci / 2, rel=1e-15)


def test_hierarchy():
    h = synthesize_hierarchy([("A", GOAL, 0.6), ("B", GOAL, 0.4), ("A1", 0, 0.5), ("A2", 0, 0.5)],
                             [[0.5, 0.5], [0.7, 0.3], [0.2, 0.8]])
    np.testing.assert_allclose(h.global_weights, [0.6, 0.4, 0.3, 0.3], rtol=1e-15)
    np.testing.assert_allclose(h.scores, [0.47, 0.53], rtol=1e-14)
    assert synthesize_hierarchy([("A", GOAL, 1.0)]).scores is None
    with pytest.raises(crmkit.InvalidArgument, match="under the goal sum to 0.9"):
        synthesize_hierarchy([("A", GOAL, 0.5), ("B", GOAL, 0.4)])


def test_bad_input():
    bad = MATRIX.copy()
    bad[0, 1] = 3
    with pytest.raises(crmkit.InvalidArgument, match="'coffee' vs 'wine' = 3 and 'wine' vs 'coffee'"):
        ahp(bad, DRINKS)
    with pytest.raises(ValueError, match="square"):
        ahp(np.ones((2, 3)))
    with pytest.raises(ValueError, match="2 names for a 7 x 7 matrix"):
        ahp(MATRIX, ["a", "b"])
    with pytest.raises(crmkit.InvalidArgument, match="unknown AHP priority method 'mean'"):
        ahp(MATRIX, method="mean")
