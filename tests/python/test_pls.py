"""Python entries for PLS satisfaction index models: ECSI on the mobi data against plspm (R,
the run recorded in tests/quality/test_pls.cpp and tests/quality/reference/pls_plspm.R), the
hand-checkable two-block model, a seeded bootstrap, and bad input."""
import math
import os

import numpy as np
import pytest

import crmkit
from crmkit import quality
from conftest import DATA


def mobi():
    with open(os.path.join(DATA, "ecsi_mobi", "mobi.csv")) as f:
        columns = f.readline().strip().split(",")
    return np.loadtxt(os.path.join(DATA, "ecsi_mobi", "mobi.csv"), delimiter=",", skiprows=1), columns


def test_ecsi_against_plspm():
    data, columns = mobi()
    with quality.PlsModel("ecsi").fit(data, columns) as m:
        paths = dict(zip(m.paths, m.path_coefficients))
        # plspm (and the SmartPLS/seminr figures).
        assert paths[("Image", "Satisfaction")] == pytest.approx(0.1787395000, abs=5e-5)
        assert paths[("Image", "Expectation")] == pytest.approx(0.5049139335, abs=5e-5)
        assert paths[("Complaints", "Loyalty")] == pytest.approx(0.0669260690, abs=5e-5)
        assert m.r2[m.blocks.index("Satisfaction")] == pytest.approx(0.6810782914, abs=5e-5)
        assert m.loadings[m.indicators.index("CUSL2")] == pytest.approx(0.2020217103, abs=5e-5)
        assert m.gof == pytest.approx(0.4717525772, abs=5e-5)
        assert m.total_effects[0, 6] == pytest.approx(0.39873238430, abs=5e-5)
        assert m.alpha_standardised[0] == pytest.approx(0.723, abs=5e-4)
        assert m.ipma_target == "Loyalty"
        assert math.isnan(m.r2[0])
        assert m.indicator_block[0] == "Image"
        # Index scores: 0-100, their mean is index_mean.
        assert np.allclose(m.index_scores.mean(axis=0), m.index_mean)
        assert m.scores.shape == (250, 7)


def test_centroid_scheme_against_plspm():
    data, columns = mobi()
    m = quality.PlsModel("ecsi", scheme="centroid").fit(data, columns)
    assert m.path_coefficients[0] == pytest.approx(0.5047056387, abs=5e-5)
    assert "factorial" in quality.PLS_SCHEMES and quality.PLS_INDEX_METHODS[0] == "fornell"


def test_two_blocks_by_hand():
    # cor(a1, b) = 0.8, cor(a2, b) = 0, cor(a1, a2) = 0.6: weights (1, 0), path 0.8.
    data = [[1, 2, 1], [2, 1, 3], [3, 4, 2], [4, 3, 4]]
    m = quality.PlsModel("block A: a1, a2\nblock B: b\npath A -> B\n", scale=(1, 5)).fit(
        data, ["a1", "a2", "b"])
    assert m.path_coefficients[0] == pytest.approx(0.8, abs=1e-9)
    assert m.weights == pytest.approx([1, 0, 1], abs=1e-9)
    assert m.index_mean == pytest.approx([37.5, 37.5], abs=1e-9)
    assert m.htmt[0, 1] == pytest.approx(0.4 / math.sqrt(0.6), abs=1e-9)
    assert m.bootstrap is None


def test_bootstrap_repeats_for_a_seed():
    data, columns = mobi()
    a = quality.PlsModel("ecsi").fit(data, columns, bootstrap=100, seed=3, threads=1)
    b = quality.PlsModel("ecsi").fit(data, columns, bootstrap=100, seed=3, threads=2)
    assert np.array_equal(a.bootstrap.paths.std_error, b.bootstrap.paths.std_error)
    assert np.allclose(a.bootstrap.paths.t, a.path_coefficients / a.bootstrap.paths.std_error)
    assert a.bootstrap.weights.lower.shape == (24,)


def test_bad_input():
    data, columns = mobi()
    with pytest.raises(crmkit.InvalidArgument, match="cycle"):
        quality.PlsModel("block A: IMAG1\nblock B: CUEX1\npath A -> B\npath B -> A\n").fit(data, columns)
    with pytest.raises(crmkit.ParseError, match="model:1"):
        quality.PlsModel("block A IMAG1\n").fit(data, columns)
    with pytest.raises(crmkit.NotConverged, match="last largest weight change"):
        quality.PlsModel("ecsi", max_iterations=1).fit(data, columns)
    bad = data.copy()
    bad[3, columns.index("CUSA2")] = np.nan
    with pytest.raises(crmkit.InvalidArgument, match="respondent 3, column CUSA2: missing"):
        quality.PlsModel("ecsi").fit(bad, columns)
    with pytest.raises(crmkit.InvalidArgument):
        quality.PlsModel("ecsi", scheme="mean")
    with pytest.raises(ValueError, match="columns"):
        quality.PlsModel("ecsi").fit(data, columns[:3])
    m = quality.PlsModel("acsi")
    with pytest.raises(ValueError, match="not fitted"):
        m._live()
