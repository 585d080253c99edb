"""Python entries for customer value tiers: hand-computed cases and the CDNOW master cohort
cross-checked by an independent NumPy computation."""
import os

import numpy as np
import pytest

import crmkit
from conftest import DATA
from crmkit import value

MASTER = os.path.join(DATA, "cdnow", "CDNOW_master.txt")


def test_rfm_hand_case_and_segments():
    # Tie rule of ranking.hpp: score = 1 + floor(5 x customers strictly worse / 4).
    days = np.array([1.0, 10, 100, 5])
    r = value.score_rfm(days, [5, 2, 1, 3], [100, 20, 5, 50])
    assert r.code.tolist() == [444, 222, 111, 333]
    assert r.segment_labels.tolist() == ["loyal", "hibernating", "lost", "need_attention"]
    assert r.segment_names[-1] == "other" and len(r.segment_names) == 12
    assert r.segment_sizes.sum() == 4
    # Quantile cuts fed back as caller cuts reproduce the scores of a dimension.
    again = value.score_rfm(days, [5, 2, 1, 3], [100, 20, 5, 50], purchases_cuts=r.cuts["purchases"][:3].tolist() + [6])
    assert again.frequency_score.tolist() == r.frequency_score.tolist()
    # All equal: nobody strictly worse, all score 1; own rules as text and by name.
    assert value.score_rfm([3, 3], [1, 1], [2, 2]).code.tolist() == [111, 111]
    own = value.score_rfm(days, [5, 2, 1, 3], [100, 20, 5, 50], segments="top: r=4-5; rest: r=1-3")
    assert own.segment_labels.tolist() == ["top", "rest", "rest", "rest"]
    named = value.score_rfm(days, [5, 2, 1, 3], [100, 20, 5, 50], segments=["lost"])
    assert named.segment_labels.tolist() == ["other", "other", "lost", "other"]
    with pytest.raises(crmkit.InvalidArgument, match="unknown segment rule 'vip'"):
        value.score_rfm(days, [5, 2, 1, 3], [100, 20, 5, 50], segments=["vip"])
    with pytest.raises(crmkit.ParseError):
        value.SegmentRules.parse("vip r=4")
    with pytest.raises(crmkit.InvalidArgument, match="days_since_last"):
        value.score_rfm([1, -1], [1, 1], [1, 1])
    with pytest.raises(crmkit.InvalidArgument, match="empty"):
        value.score_rfm([], [], [])


def test_segment_rules_handle():
    with value.SegmentRules.standard() as rules:
        assert len(rules) == 11 and rules.names[0] == "champions"
        assert rules.segment_of(1, 5, 3) == rules.find("cant_lose")
    assert not rules._handle  # freed once, by the context manager


def test_concentration_hand_case():
    # 1, 2, 3, 4, 10: Gini = (-4 - 4 + 0 + 8 + 40) / 100 = 0.4; top 20% = 10/20; the Lorenz
    # curve at 1/4 of the customers: (1 + 0.25 x 2) / 20 = 0.075.
    c = value.concentration(np.array([4.0, 10, 1, 3, 2]), top=[0.2], holding=[0.5], lorenz_points=4)
    assert c.gini == pytest.approx(0.4) and c.total_value == 20 and c.customers == 5
    assert c.top == {0.2: pytest.approx(0.5)} and c.holding == {0.5: pytest.approx(0.2)}
    assert c.lorenz[1].tolist() == pytest.approx([0.25, 0.075])
    assert value.concentration([5, 5, 5]).gini == pytest.approx(0)
    # One customer holding everything: (n - 1) / n.
    assert value.concentration([0, 0, 0, 9]).gini == pytest.approx(0.75)
    with pytest.raises(crmkit.InvalidArgument, match="total 0"):
        value.concentration([0, 0])
    with pytest.raises(crmkit.InvalidArgument):
        value.concentration([1, np.nan])


def test_tiers_hand_case_table_and_migration():
    # Share scheme over the non-inferior total 195 (see tests/capi/test_tiers.c).
    t = value.assign_tiers([100, 50, 30, 10, 5, -3])
    assert t.labels.tolist() == ["key", "major", "major", "ordinary", "small", "inferior"]
    assert t.table["major"]["customers"] == 2 and t.table["major"]["mean_value"] == 40
    assert t.table.total_value == 192
    rank = value.assign_tiers([100, 50, 30, 10, 5, -3], scheme="rank", cuts=(0.2, 0.5, 0.8),
                              inferior_below=-np.inf)
    assert rank.tier.tolist() == [0, 0, 1, 2, 2, 3]
    # The table of last period's tiers with new values.
    table = value.tier_table([1, 2, 3], ["key", "key", "small"])
    assert table["key"]["value"] == 3 and table["small"]["value_share"] == pytest.approx(0.5)
    m = value.tier_migration([1, 2, 3], ["key", "major", "ordinary"], [2, 3, 4], [0, 0, 3])
    assert (m.upgraded, m.downgraded, m.entered, m.left) == (2, 0, 1, 1)
    assert m.counts[0, value.ABSENT] == 1 and m.counts[value.ABSENT, 3] == 1
    with pytest.raises(crmkit.InvalidArgument, match="strictly increasing"):
        value.assign_tiers([1, 2], cuts=(0.5, 0.4, 0.9))
    with pytest.raises(ValueError, match="unknown name"):
        value.tier_table([1], ["vip"])
    with pytest.raises(crmkit.InvalidArgument, match="unique"):
        value.tier_migration([1, 1], [0, 0], [1], [0])


def test_status_stage_loyalty_retention():
    s = value.classify_status([0, 0, 200, 330], [300, 50, 200, 330], [5, 3, 1, 1], as_of=365,
                              typical_interval_days=50)
    assert s.labels.tolist() == ["active", "lapsed", "at_risk", "new"]
    assert s.counts["at_risk"] == 1 and s.population_interval_days == 50
    assert value.status_of(0, 10, 2, None, as_of=400, population_interval_days=30) == "lapsed"
    stages = value.relationship_stages([5, 3, 1, 1], [365, 365, 165, 35], s.labels)
    assert [value.STAGES[k] for k in stages] == ["commitment", "dissolution", "exploration", "exploration"]
    # 100 x (0.3 x 0.5 + 0.25 x 1) / 0.55; the second customer on repeat purchases alone.
    loyalty = value.loyalty_index({"repeat_purchase_rate": [0.5, 1.0], "satisfaction": [5, np.nan]})
    assert loyalty.index.tolist() == pytest.approx([100 * 0.4 / 0.55, 100])
    assert loyalty.drivers_used.tolist() == [0b101, 0b1] and loyalty.reweighted == 2
    with pytest.raises(crmkit.InvalidArgument):
        value.loyalty_index({"satisfaction": [5, np.nan]}, missing="reject")
    risk = value.value_at_risk([10, 20, 30], ["at_risk", "active", "lapsed"])
    assert risk["at_risk_value"] == 10 and risk["lapsed_value"] == 30
    p = value.campaign_payback(**value.at_risk_campaign(risk, 1.0, 0.3))
    assert p["net_value"] == pytest.approx(2) and p["saving_vs_acquisition"] == pytest.approx(4)
    with pytest.raises(crmkit.InvalidArgument, match="win_back_rate"):
        value.campaign_payback(10, 1, 1.5, 10)


@pytest.fixture(scope="module")
def master_spend():
    """Total spend per customer of CDNOW_master.txt, read with NumPy alone."""
    raw = np.loadtxt(MASTER, skiprows=1, dtype=str)
    ids = raw[:, 0].astype(np.int64)
    dollars = raw[:, 3].astype(float)
    uniq, inverse = np.unique(ids, return_inverse=True)
    return np.bincount(inverse, weights=dollars)


def test_cdnow_master_against_a_plain_sort_and_sum(master_spend):
    s = value.summarize_csv(MASTER, amount="dollar_value", time_format="%Y%m%d", delimiter=" ")
    assert len(s) == 23570  # the cohort size
    spend = s.total_value
    assert np.sort(spend) == pytest.approx(np.sort(master_spend))
    c = value.concentration(spend)
    # Independent: sort descending, sum the top 20% (4,714 customers exactly), and the Gini
    # of the ascending values by sum((2i - n - 1) x_i) / (n sum x).
    desc = np.sort(master_spend)[::-1]
    n = desc.size
    assert c.top[0.2] == pytest.approx(desc[: n // 5].sum() / desc.sum(), rel=1e-12)
    asc = desc[::-1]
    gini = np.sum((2 * np.arange(1, n + 1) - n - 1) * asc) / (n * asc.sum())
    assert c.gini == pytest.approx(gini, rel=1e-9)
    assert 0.67 < c.top[0.2] < 0.68 and 0.63 < c.gini < 0.64  # the demo's 67.8%, 0.635

    # Tiers: a customer is key while the spend strictly above it is below 50% of the total
    # (and so on for 80%, 95%): counted from the sorted values.
    t = value.assign_tiers(spend)
    above = desc.sum() - np.cumsum(asc)[np.searchsorted(asc, asc, side="right") - 1]
    share_above = above / desc.sum()
    expected = [(share_above < 0.5).sum(), ((share_above >= 0.5) & (share_above < 0.8)).sum(),
                ((share_above >= 0.8) & (share_above < 0.95)).sum(), (share_above >= 0.95).sum(), 0]
    assert [t.table[name]["customers"] for name in value.TIERS] == expected
    assert t.table["key"]["value_share"] == pytest.approx(0.5, abs=0.001)

    # RFM from the summary: days since the last purchase at the end, every customer scored.
    r = value.score_rfm(*value.rfm_columns(s))
    assert r.segment_sizes.sum() == 23570 and set(np.unique(r.recency_score)) <= {1, 2, 3, 4, 5}
