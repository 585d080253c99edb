"""Python entries for SERVQUAL scores: the hand-computed case of tests/quality/
test_servqual.cpp (gaps, both overall conventions, weights, t intervals), the zone of
tolerance at its boundaries, a missing answer, and the sample survey of data/quality."""
import csv
import math
import os

import numpy as np
import pytest

import crmkit
from crmkit import quality

from conftest import DATA

SMALL = "dimension: a\nitem: a1\nitem: a2\ndimension: b\nitem: b1\n"
# Gaps P - E: r0 -1 -1 +1, r1 0 -2 +1, r2 -1 -2 0.
E = np.array([[6, 7, 5], [5, 6, 6], [7, 7, 4]], dtype=float)
P = np.array([[5, 6, 6], [5, 4, 7], [6, 5, 4]], dtype=float)


def test_hand_case_gaps_weights_and_intervals():
    small = quality.Instrument.parse(SMALL)
    r = quality.servqual(small, E, P, weights=[[70, 30], [50, 50], [100, 0]])
    assert r.items.names == ["a1", "a2", "b1"] and r.dimensions.names == ["a", "b"]
    np.testing.assert_allclose(r.items.gap["mean"], [-2 / 3, -5 / 3, 2 / 3])
    np.testing.assert_allclose(r.dimensions.gap["mean"], [-7 / 6, 2 / 3])
    assert r.gap_mean_of_items == pytest.approx(-5 / 9)
    assert r.gap_mean_of_dimensions == pytest.approx(-0.25)
    assert r.servperf_mean_of_items == pytest.approx(48 / 9)
    # sd of dimension a's respondent gaps (-1, -1, -1.5) is sqrt(1/12); t(0.975, 2) = 4.302653.
    a = r.dimensions.gap[0]
    assert a["n"] == 3 and a["sd"] == pytest.approx(math.sqrt(1 / 12))
    assert a["upper"] - a["mean"] == pytest.approx(4.302653 * math.sqrt(1 / 12) / math.sqrt(3), rel=1e-6)
    # Weighted: 0.7 x -1 + 0.3 x 1, 0.5 x -1 + 0.5 x 1, 1.0 x -1.5 -> mean -1.9 / 3.
    np.testing.assert_allclose(r.respondent_weighted_gap, [-0.4, 0, -1.5], atol=1e-15)
    assert r.weighted_gap["mean"] == pytest.approx(-1.9 / 3) and r.has_weights
    np.testing.assert_array_equal(r.respondent_dimension_gap, [[-1, 1], [-1, 1], [-1.5, 0]])
    # A 90% interval is narrower: t(0.95, 2) = 2.919986.
    r90 = quality.servqual(small, E, P, confidence=0.90)
    assert r90.dimensions.gap[0]["upper"] - a["mean"] == pytest.approx(
        2.919986 * math.sqrt(1 / 12) / math.sqrt(3), rel=1e-6)
    with pytest.raises(crmkit.InvalidArgument, match="respondent 1: importance weights sum to 90, 10 short"):
        quality.servqual(small, E, P, weights=[[70, 30], [50, 40], [100, 0]])
    with pytest.raises(ValueError, match="3 items"):
        quality.servqual(small, E[:, :2], P)


def test_zone_of_tolerance_and_missing_answers():
    small = quality.Instrument.parse(SMALL)
    # Desired 6, adequate 4; P on the adequate boundary, on the desired boundary, below.
    e, a = np.full((2, 3), 6.0), np.full((2, 3), 4.0)
    p = np.array([[4, 6, 3], [4, 6, 4]], dtype=float)
    r = quality.servqual(small, e, p, adequate=a)
    assert r.items.zone.tolist() == ["within", "within", "below"]
    assert r.items.msa["mean"].tolist() == [0, 2, -0.5] and r.has_adequate
    assert quality.servqual(small, e, np.full((2, 3), 7.0), adequate=a).dimensions.zone.tolist() == ["above"] * 2
    # r1 left P(b1) blank: pairwise keeps its other pairs; listwise drops it.
    blank = P.copy()
    blank[1, 2] = np.nan
    pw = quality.servqual(small, E, blank)
    assert pw.items.gap["n"].tolist() == [3, 3, 2] and pw.items.gap["mean"][2] == pytest.approx(0.5)
    lw = quality.servqual(small, E, blank, missing="listwise")
    assert lw.respondents_used == 2 and np.isnan(lw.respondent_dimension_gap[1]).all()


def test_sample_survey_matches_a_numpy_computation():
    """The bundled sample (data/quality/servqual_sample.csv) scored by the library and by
    NumPy alone, complete respondents only (listwise)."""
    with open(os.path.join(DATA, "quality", "servqual_sample.csv")) as f:
        rows = list(csv.DictReader(f))

    def matrix(prefix):
        return np.array([[float(r["%s%d" % (prefix, i)] or "nan") for i in range(1, 23)] for r in rows])

    e, p = matrix("E"), matrix("P")
    sq = quality.Instrument.servqual()
    weights = np.array([[float(r["W_" + d]) for d in sq.dimensions] for r in rows])
    r = quality.servqual(sq, e, p, weights=weights, missing="listwise")
    keep = ~(np.isnan(e).any(axis=1) | np.isnan(p).any(axis=1))
    gaps = (p - e)[keep]
    assert r.respondents_used == keep.sum() == len(rows) - 2
    np.testing.assert_allclose(r.items.gap["mean"], gaps.mean(axis=0))
    np.testing.assert_allclose(r.items.gap["sd"], gaps.std(axis=0, ddof=1))
    bounds = [0, 4, 9, 13, 17, 22]
    dim = np.column_stack([gaps[:, bounds[d]:bounds[d + 1]].mean(axis=1) for d in range(5)])
    np.testing.assert_allclose(r.dimensions.gap["mean"], dim.mean(axis=0))
    np.testing.assert_allclose(r.weighted_gap["mean"], (dim * weights[keep] / 100).sum(axis=1).mean())
    assert r.gap_mean_of_items == pytest.approx(gaps.mean())


def test_answer_matrices_are_passed_without_copying():
    from crmkit.quality.instrument import answers
    small = quality.Instrument.parse(SMALL)
    assert answers(E, small, "expected") is E          # float64, C-ordered: the same array
    assert answers(E.T.copy().T, small, "expected") is not E  # Fortran order is made C-ordered
    assert answers([[1, 2, 3]], small, "x").dtype == np.float64  # plain sequences accepted
