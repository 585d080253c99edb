"""Python entries for the five-gap model: the hand case of the C++ tests, not-computable
gaps as NaN, and the remedy table."""
import math

import numpy as np
import pytest

import crmkit
from crmkit import quality


def test_five_gaps_hand_case():
    # a: gaps -0.5, -0.5, -1, -1, -1.5 (gap3 leads the tie with gap4); b: 0, 0.5, -0.5, -1,
    # 0.2 (gap4 leads; it has no remedy of its own, so gap3's come first).
    g = quality.five_gaps(dimensions=["a", "b"], expectations=[6, 5], management=[5.5, 5],
                          specifications=[5, 5.5], delivered=[4, 5], communicated=[5, 6],
                          perceptions=[4.5, 5.2])
    assert g.dimensions == ["a", "b"]
    assert g.gaps[0].tolist() == [-0.5, -0.5, -1, -1, -1.5]
    assert g.gaps[1] == pytest.approx([0, 0.5, -0.5, -1, 0.2])
    assert g.main_contributor == ["gap3", "gap4"]
    assert g.ranked == [["gap3", "gap4", "gap1", "gap2"], ["gap4", "gap3"]]
    assert g.remedies[0][0] == ("gap3", "collect information")
    assert len(g.remedies[0]) == 6 + 8 + 5
    assert g.remedies[1][0] == ("gap3", "collect information") and len(g.remedies[1]) == 6
    # Overall: E 5.5, M 5.25, S 5.25, D 4.5, C 5.5, P 4.85.
    assert g.overall_gaps == pytest.approx([-0.25, 0, -0.75, -1, -0.65])
    assert g.overall_main_contributor == "gap4"


def test_missing_sources_are_not_computable():
    g = quality.five_gaps(expectations=[6, 5], perceptions=[6, np.nan])
    assert all(math.isnan(v) for v in g.gaps[0][:4])
    assert g.gaps[0][4] == 0  # measured, and really zero
    assert math.isnan(g.gaps[1][4])
    assert g.main_contributor == [None, None] and g.remedies == [[], []]


def test_remedy_table_and_bad_input():
    assert len(quality.gap_remedies("gap1")) == 8
    assert quality.gap_remedies("gap4") == []
    assert quality.gap_title("gap2") == "standards"
    assert quality.SOURCES[0] == "expectations" and quality.GAPS[-1] == "gap5"
    with pytest.raises(crmkit.InvalidArgument, match="unknown service-quality gap"):
        quality.gap_remedies("gap6")
    with pytest.raises(ValueError, match="unknown sources"):
        quality.five_gaps(expectation=[1])
    with pytest.raises(ValueError, match="has 1 values"):
        quality.five_gaps(expectations=[1, 2], perceptions=[1])
    with pytest.raises(crmkit.InvalidArgument, match="perceptions, dimension '1'"):
        quality.five_gaps(expectations=[1, 2], perceptions=[1, np.inf])
