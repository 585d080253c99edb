"""Group decisions through Python: the hand cases of tests/decision/test_group.cpp."""
import math

import numpy as np
import pytest

import crmkit
from crmkit import decision

# Items A..D by three members: M1 1 2 3 4, M2 1 2.5 2.5 4 (B, C tied), M3 2 1 3 4.
RANKS = [[1, 1, 2], [2, 2.5, 1], [3, 2.5, 3], [4, 4, 4]]
ITEMS, MEMBERS = ["A", "B", "C", "D"], ["M1", "M2", "M3"]


def test_kendall_w_by_hand():
    # S = 37.5, T = 6: W = 450 / 522 = 25/29; chi-square 225/29 on 3 df,
    # p = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2).
    c = decision.kendall_w(RANKS, ITEMS, MEMBERS)
    x = 225 / 29
    assert c.w == pytest.approx(25 / 29, rel=1e-14)
    assert c.df == 3 and c.ties_correction == 6
    assert c.p_value == pytest.approx(
        math.erfc(math.sqrt(x / 2)) + math.sqrt(2 * x / math.pi) * math.exp(-x / 2), rel=1e-12)
    assert list(c.rank_sums) == [4, 5.5, 8.5, 12]
    assert decision.kendall_w([[1, 4], [2, 3], [3, 2], [4, 1]]).w == 0


def test_distances_and_borda():
    assert decision.kendall_tau([1, 2, 3, 4], [2, 1, 3, 4]) == pytest.approx(2 / 3)
    assert decision.kendall_tau([1, 2, 3, 4], [1, 2.5, 2.5, 4]) == pytest.approx(5 / math.sqrt(30))
    assert decision.footrule([1, 2, 3, 4], [4, 3, 2, 1]) == 8
    b = decision.borda(RANKS)
    assert list(b.points) == [8, 6.5, 3.5, 0]
    assert list(b.ranks) == [1, 2, 3, 4]
    assert list(b.member_footrule) == [0, 1, 2]


def test_aij_and_aip():
    m1 = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    m2 = [[1, 8, 1], [1 / 8, 1, 1 / 2], [1, 2, 1]]
    g = decision.aggregate_judgments([m1, m2])
    assert g.matrix[0, 1] == pytest.approx(4, rel=1e-14)  # sqrt(2 x 8)
    assert np.allclose(g.matrix * g.matrix.T, 1, rtol=1e-14)
    same = decision.aggregate_judgments([m1, m1, m1], member_weights=[0.2, 0.3, 0.5])
    assert np.array_equal(same.priorities, decision.ahp(m1).priorities)
    p = decision.aggregate_priorities([m1, np.ones((3, 3))], member_weights=[0.25, 0.75])
    assert p.priorities[0] == pytest.approx(0.25 * 4 / 7 + 0.75 / 3, rel=1e-12)
    with pytest.raises(crmkit.Error, match="off 1 by 0.1"):
        decision.aggregate_judgments([m1, m2], member_weights=[0.5, 0.6])
    blank = np.full((3, 3), np.nan)
    np.fill_diagonal(blank, 1)
    with pytest.raises(crmkit.Error, match="member 1 .* has no judgments"):
        decision.aggregate_judgments([m1, blank])


def test_team_exercise():
    t = decision.team_exercise(RANKS, [1, 3, 2, 4], [1, 2, 3, 4], ITEMS, MEMBERS)
    assert list(t.member_errors) == [0, 1, 2]
    assert t.team_error == 2 and t.synergy_gain == -1
    assert not t.beats_average and not t.groupthink_sign and t.dominant_member == 1
    # The team adopts the lone dissenter's order: groupthink.
    split = [[1, 1, 4], [2, 2, 3], [3, 3, 2], [4, 4, 1]]
    g = decision.team_exercise(split, [4, 3, 2, 1], [1, 2, 3, 4])
    assert g.groupthink_sign and g.dominant_member == 2 and g.consensus_to_dominant == 8


def test_bad_rankings():
    bad = [[1, 1, 2], [1, 2.5, 1], [3, 2.5, 3], [4, 4, 4]]
    with pytest.raises(crmkit.Error, match="member 'M1'.*share rank 1"):
        decision.kendall_w(bad, ITEMS, MEMBERS)
    with pytest.raises(ValueError, match="team"):
        decision.team_exercise(RANKS, [1, 2, 3], [1, 2, 3, 4])
