"""Python entries for the customer satisfaction index: the index against NumPy, the seeded
bootstrap (repeatable, close to the normal approximation) and tracking across waves."""
import math

import numpy as np
import pytest

import crmkit
from crmkit import quality


def test_csi_against_numpy():
    rng = np.random.default_rng(11)
    x = rng.integers(1, 6, size=(200, 4)).astype(float)
    x[rng.random(x.shape) < 0.05] = np.nan
    w = np.array([1, 2, 3, 4])
    c = quality.csi(x, scale=(1, 5), weights=w)
    means = np.nanmean(x, axis=0)
    assert c.index == pytest.approx(((w / w.sum()) @ means - 1) / 4 * 100, rel=1e-12)
    assert c.item_mean == pytest.approx(means, rel=1e-12)
    assert c.lower < c.index < c.upper
    again = quality.csi(x, scale=(1, 5), weights=w)
    assert (again.lower, again.upper) == (c.lower, c.upper)
    assert quality.csi(x, scale=(1, 5), weights=w, seed=5).lower != c.lower
    assert math.isnan(quality.csi(x, scale=(1, 5), resamples=0).lower)


def test_bootstrap_interval_near_the_normal_approximation():
    # 400 answers, half 1 and half 5: index 50 with standard error 100 x sqrt(0.25/400) =
    # 2.5, so about 45.1 .. 54.9.
    x = np.tile([1.0, 5.0], 200)
    c = quality.csi(x, scale=(1, 5), resamples=4000)
    assert c.index == 50
    assert c.lower == pytest.approx(45.1, abs=0.6) and c.upper == pytest.approx(54.9, abs=0.6)


def test_tracking_waves():
    w0 = np.tile([1.0, 5.0], 200)
    w1 = np.concatenate([w0, np.full(100, 5.0)])
    t = quality.csi_tracking([w0, w1], scale=(1, 5))
    assert t.index.tolist() == pytest.approx([50, 60])
    assert math.isnan(t.change[0]) and t.change[1] == pytest.approx(10)
    assert t.change_lower[1] < 10 < t.change_upper[1]
    assert t.lower[0] == quality.csi(w0, scale=(1, 5)).lower  # wave 0 uses the seed itself


def test_csi_bad_input():
    with pytest.raises(crmkit.InvalidArgument, match="outside the scale 1-5"):
        quality.csi([[6, 1]], scale=(1, 5))
    with pytest.raises(crmkit.InvalidArgument, match="1 given for 2 items"):
        quality.csi([[4, 1]], scale=(1, 5), weights=[1])
    with pytest.raises(crmkit.InvalidArgument, match="wave 1"):
        quality.csi_tracking([[[4, 1]], [[9, 1]]], scale=(1, 5))
    with pytest.raises(ValueError, match="with 2 items"):
        quality.csi_tracking([[[4, 1]], [[4]]], scale=(1, 5))
    with pytest.raises(ValueError, match="resamples = -1"):
        quality.csi([[4, 1]], resamples=-1)
