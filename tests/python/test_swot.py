"""Weighted SWOT through Python: the hand cases of tests/decision/test_swot.cpp."""
import numpy as np
import pytest

import crmkit
from crmkit import decision

FACTORS = [("S", "brand", 0.3, 4, "Which advantages do customers name?"), ("S", "service", 0.2, 3),
           ("W", "price", 0.3, 1), ("W", "it", 0.2, 2), ("O", "mobile", 0.4, 4),
           ("O", "ageing", 0.1, 2), ("T", "rival", 0.3, 3), ("T", "regulation", 0.2, 1)]


def test_swot_by_hand():
    # IFE 2.5, EFE 2.9: IE cell V, hold and maintain; S - W 1.1, O - T 0.7: aggressive.
    r = decision.swot(FACTORS)
    assert r.ife == pytest.approx(2.5, rel=1e-14) and r.efe == pytest.approx(2.9, rel=1e-14)
    assert r.ie_cell == 5 and r.strategy == "hold-and-maintain" and r.quadrant == "aggressive"
    assert r.tows[0]["type"] == "SO" and r.tows[0]["internal"] == "brand"
    assert r.tows[0]["external"] == "mobile" and r.tows[0]["score"] == pytest.approx(2.8)
    assert len(r.tows) == 16 and len(decision.swot(FACTORS, tows_per_group=1).tows) == 4
    assert r.notes == {"brand": "Which advantages do customers name?"}
    assert decision.SWOT_GROUPS == ("S", "W", "O", "T")


def test_swot_errors():
    bad = list(FACTORS)
    bad[0] = ("S", "brand", 0.4, 4)
    with pytest.raises(crmkit.Error, match="off 1 by 0.1"):
        decision.swot(bad)
    bad = list(FACTORS)
    bad[6] = ("T", "rival", 0.3, 5)
    with pytest.raises(crmkit.Error, match="rating of factor 'rival'"):
        decision.swot(bad)
    with pytest.raises(crmkit.Error, match="unknown SWOT group 'X'"):
        decision.swot([("X", "a", 1, 2)] + FACTORS[4:])


def test_swot_ahp_and_chart():
    p = np.array([0.4, 0.2, 0.3, 0.1])
    factors = [("S", "s1", 0.5, 3), ("S", "s2", 0.5, 3), ("W", "w1", 0, 1), ("O", "o1", 0.5, 3),
               ("O", "o2", 0.5, 3), ("T", "t1", 0, 1)]
    r = decision.swot_ahp(factors, p[:, None] / p[None, :],
                          [[[1, 3], [1 / 3, 1]], [[1]], np.ones((2, 2)), [[1]]])
    assert np.allclose(r.global_, [0.3, 0.1, 0.2, 0.15, 0.15, 0.1], rtol=1e-12)
    assert r.groups["S"] == pytest.approx(0.4)
    with pytest.raises(ValueError, match="groups of"):
        decision.swot_ahp(factors, p[:, None] / p[None, :], [[[1]], [[1]], [[1]], [[1]]])
    svg = decision.swot_chart(FACTORS, title="Bank")
    assert svg.startswith("<svg") and "regulation" in svg and "IE cell V:" in svg
