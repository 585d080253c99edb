"""Python entries for Cronbach's alpha: the issue's hand case, and the ECSI mobile-phone
blocks checked against alpha computed with NumPy from the covariance matrix."""
import os

import numpy as np
import pytest

import crmkit
from crmkit import quality

from conftest import DATA

HAND = np.array([[3, 4, 3], [2, 3, 4], [4, 4, 5], [3, 2, 3], [4, 4, 4]], float)


def numpy_alpha(x):
    """(raw, standardised) alpha, alpha if deleted, corrected item-total r, by NumPy."""
    c = np.cov(x, rowvar=False)
    r = np.corrcoef(x, rowvar=False)
    k = c.shape[0]
    raw = k / (k - 1) * (1 - np.trace(c) / c.sum())
    std = k / (k - 1) * (1 - k / r.sum())
    deleted = []
    item_total = []
    for i in range(k):
        rest = np.delete(x, i, axis=1)
        cr = np.cov(rest, rowvar=False)
        deleted.append((k - 1) / (k - 2) * (1 - np.trace(cr) / cr.sum()))
        item_total.append(np.corrcoef(x[:, i], rest.sum(axis=1))[0, 1])
    return raw, std, np.array(deleted), np.array(item_total)


def test_alpha_of_the_issue_hand_case():
    # Issue 20: 0.7325581 (by hand: 3/2 x (1 - 2.2/4.3)).
    r = quality.reliability(HAND)
    assert r.alpha_raw == pytest.approx(0.7325581, abs=5e-8)
    assert r.respondents == 5 and r.items == 3
    raw, std, deleted, item_total = numpy_alpha(HAND)
    assert r.alpha_standardised == pytest.approx(std, rel=1e-12)
    assert r.alpha_if_deleted == pytest.approx(deleted, rel=1e-12)
    assert r.item_total_correlation == pytest.approx(item_total, rel=1e-12)


@pytest.mark.parametrize("block,items,published", [("IMAG", 5, 0.723), ("CUSA", 3, 0.779)])
def test_ecsi_mobi_alpha_against_numpy(block, items, published):
    data = np.genfromtxt(os.path.join(DATA, "ecsi_mobi", "mobi.csv"), delimiter=",", names=True)
    x = np.column_stack([data["%s%d" % (block, i)] for i in range(1, items + 1)])
    r = quality.reliability(x)
    raw, std, deleted, item_total = numpy_alpha(x)
    assert round(r.alpha_standardised, 3) == published  # the published figure
    assert r.alpha_standardised == pytest.approx(std, rel=1e-12)
    assert r.alpha_raw == pytest.approx(raw, rel=1e-12)
    assert r.alpha_if_deleted == pytest.approx(deleted, rel=1e-10)
    assert r.item_total_correlation == pytest.approx(item_total, rel=1e-10)
    assert r.item_mean == pytest.approx(x.mean(axis=0), rel=1e-12)


def test_pairwise_matches_numpy_pair_by_pair():
    rng = np.random.default_rng(7)
    x = rng.integers(1, 8, size=(60, 4)).astype(float)
    x[:, 1] += x[:, 0]  # some covariance
    x[rng.random(x.shape) < 0.1] = np.nan
    k = x.shape[1]
    c = np.empty((k, k))
    for i in range(k):
        for j in range(k):
            both = ~np.isnan(x[:, i]) & ~np.isnan(x[:, j])
            c[i, j] = np.cov(x[both, i], x[both, j])[0, 1]
    raw = k / (k - 1) * (1 - np.trace(c) / c.sum())
    assert quality.reliability(x, missing="pairwise").alpha_raw == pytest.approx(raw, rel=1e-12)
    complete = x[~np.isnan(x).any(axis=1)]
    listwise = quality.reliability(x)
    assert listwise.respondents == complete.shape[0]
    assert listwise.alpha_raw == pytest.approx(numpy_alpha(complete)[0], rel=1e-12)


def test_reliability_bad_input():
    with pytest.raises(crmkit.InvalidArgument, match="at least 2 items"):
        quality.reliability([1, 2, 3])
    with pytest.raises(crmkit.InvalidArgument, match="unknown missing-answer policy 'none'"):
        quality.reliability(HAND, missing="none")
    with pytest.raises(crmkit.InvalidArgument, match="listwise or pairwise"):
        quality.reliability(HAND, missing="dimension-mean")
    with pytest.raises(ValueError, match="respondents x items"):
        quality.reliability(np.zeros((2, 2, 2)))
    assert quality.MISSING_POLICIES == ("listwise", "pairwise", "dimension-mean")
