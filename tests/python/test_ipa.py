"""Python entries for importance-performance analysis: the hand case of the C++ tests, and
derived importance checked against NumPy (corrcoef, least squares on standardised data)."""
import numpy as np
import pytest

import crmkit
from crmkit import quality

PERFORMANCE = [[2, 7, 1, 5], [4, 5, 3, 5]]
IMPORTANCE = [[6, 5, 3, 4.2], [6, 7, 3, 4.2]]


def test_stated_importance_quadrants():
    # Means: performance 3, 6, 2, 5 (crosshair 4), importance 6, 6, 3, 4.2 (crosshair 4.8).
    r = quality.ipa(PERFORMANCE, IMPORTANCE)
    assert r.performance.tolist() == [3, 6, 2, 5]
    assert r.importance_crosshair == pytest.approx(4.8)
    assert r.quadrant_names == ["concentrate-here", "keep-up-the-good-work", "low-priority",
                                "possible-overkill"]
    mid = quality.ipa(PERFORMANCE, IMPORTANCE, crosshair="scale-midpoint")
    assert mid.importance_crosshair == 4 and mid.quadrant_names[3] == "keep-up-the-good-work"
    assert quality.QUADRANTS[0] == "concentrate-here"


def test_derived_importance_against_numpy():
    rng = np.random.default_rng(3)
    x = rng.integers(1, 8, size=(80, 3)).astype(float)
    y = np.clip(np.round(0.5 * x[:, 0] + 0.3 * x[:, 1] + rng.normal(0, 1, 80)), 1, 7)
    c = quality.ipa(x, overall=y, method="correlation")
    expected = [np.corrcoef(x[:, i], y)[0, 1] for i in range(3)]
    assert c.importance == pytest.approx(expected, rel=1e-12)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    zy = (y - y.mean()) / y.std()
    beta = np.linalg.lstsq(z, zy, rcond=None)[0]
    r = quality.ipa(x, overall=y, method="regression")
    assert r.importance == pytest.approx(beta, rel=1e-10)
    assert r.respondents == 80
    assert r.importance_crosshair == pytest.approx(beta.mean(), rel=1e-10)


def test_ipa_bad_input():
    with pytest.raises(ValueError, match="needs `importance`"):
        quality.ipa(PERFORMANCE)
    with pytest.raises(ValueError, match="needs `overall`"):
        quality.ipa(PERFORMANCE, method="correlation")
    with pytest.raises(crmkit.InvalidArgument, match="outside the scale 1-5"):
        quality.ipa(PERFORMANCE, IMPORTANCE, scale=(1, 5))
    with pytest.raises(crmkit.InvalidArgument, match="needs stated importance"):
        quality.ipa(PERFORMANCE, overall=[1, 2], method="correlation", crosshair="scale-midpoint")
    with pytest.raises(crmkit.InvalidArgument, match="unknown IPA importance"):
        quality.ipa(PERFORMANCE, IMPORTANCE, method="gut")
    with pytest.raises(ValueError, match="with 4 items"):
        quality.ipa(PERFORMANCE, [[1, 2]])
