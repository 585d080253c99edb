"""Python entries for RFM scores and segment rules: hand-computed cases and CDNOW master."""
import numpy as np
import pytest

import crmkit
from crmkit import value

from conftest import MASTER


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


def test_cdnow_master_rfm_scores_everyone():
    s = value.summarize_csv(MASTER, amount="dollar_value", time_format="%Y%m%d", delimiter=" ")
    # RFM from the summary: days since the last purchase at the end, every customer scored.
    r = value.score_rfm(*value.rfm_columns(s))
    assert r.segment_sizes.sum() == 23570 and set(np.unique(r.recency_score)) <= {1, 2, 3, 4, 5}
