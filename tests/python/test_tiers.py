"""Python entries for the customer pyramid: a hand case and the CDNOW master cohort
cross-checked by an independent NumPy count."""
import numpy as np
import pytest

import crmkit
from crmkit import value

from conftest import MASTER


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


def test_cdnow_master_tiers_against_a_sorted_count(master_spend):
    spend = value.summarize_csv(MASTER, amount="dollar_value", time_format="%Y%m%d", delimiter=" ").total_value
    desc = np.sort(master_spend)[::-1]
    asc = desc[::-1]
    # Tiers: a customer is key while the spend strictly above it is below 50% of the total
    # (and so on for 80%, 95%): counted from the sorted values.
    t = value.assign_tiers(spend)
    above = desc.sum() - np.cumsum(asc)[np.searchsorted(asc, asc, side="right") - 1]
    share_above = above / desc.sum()
    expected = [(share_above < 0.5).sum(), ((share_above >= 0.5) & (share_above < 0.8)).sum(),
                ((share_above >= 0.8) & (share_above < 0.95)).sum(), (share_above >= 0.95).sum(), 0]
    assert [t.table[name]["customers"] for name in value.TIERS] == expected
    assert t.table["key"]["value_share"] == pytest.approx(0.5, abs=0.001)

