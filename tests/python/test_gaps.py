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


def test_gap_means_from_answers_then_gaps():
    # Dimensions a = {1, 2}, b = {3, reverse-coded} on 1-5: E means a 4, b 4 (item 3's 2
    # reversed to 4); P means a (3 + 3.5) / 2 = 3.25, b 6 - 5 = 1 (tests/quality/test_gaps.cpp).
    instrument = quality.Instrument.parse(
        "scale: 1-5\ndimension: a\nitem: 1\nitem: 2\ndimension: b\nitem: 3 | negative | reverse\n")
    m = quality.gap_means(instrument, expectations=[[4, 5, 2], [4, 3, np.nan]],
                          perceptions=[[3, 3, 5], [np.nan, 4, 5]])
    assert m["expectations"].tolist() == [4, 4] and m["perceptions"].tolist() == [3.25, 1]
    assert np.isnan(m["management"]).all()
    g = quality.five_gaps(dimensions=instrument.dimensions, **m)
    assert g.dimensions == ["a", "b"] and g.gaps[:, 4].tolist() == [-0.75, -3]
    assert np.isnan(g.gaps[0, 0])
    with pytest.raises(crmkit.InvalidArgument, match="perceptions: respondent 0, item 3"):
        quality.gap_means(instrument, perceptions=[[3, 3, 6]])
    with pytest.raises(ValueError, match="respondents x 3 items"):
        quality.gap_means(instrument, perceptions=[[3, 3]])
