"""Python CLV models over the C API, checked against published CDNOW and donations fits."""
import csv
import gc
import os

import numpy as np
import pytest

import crmkit
from conftest import DATA
from crmkit.value import BetaGeo, BetaGeoBetaBinom, GammaGamma, ModifiedBetaGeo, ParetoNbd


def columns(path):
    with open(os.path.join(DATA, path)) as f:
        rows = list(csv.DictReader(f))
    return {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}


# ID,x,t_x,T,zbar: the CDNOW sample summary of Fader, Hardie & Lee (2005), weeks.
CDNOW = columns("cdnow/cdnow_customers_summary_with_transactions.csv")
X, TX, T, ZBAR = CDNOW["x"], CDNOW["t_x"], CDNOW["T"], CDNOW["zbar"]


def test_bg_nbd_reproduces_fader_hardie_lee_2005():
    # FHL 2005 "Counting Your Customers the Easy Way": r 0.243, alpha 4.414, a 0.793,
    # b 2.426, LL -9582.4.
    with BetaGeo().fit(X, TX, T) as m:
        p = m.params
        assert list(p) == ["r", "alpha", "a", "b"]
        assert [round(p[k], 3) for k in p] == [0.243, 4.414, 0.793, 2.426]
        assert m.log_likelihood == pytest.approx(-9582.4, abs=0.05)
        assert m.aic == pytest.approx(8 - 2 * m.log_likelihood)
        assert m.bic == pytest.approx(4 * np.log(2357) - 2 * m.log_likelihood)
        assert m.converged and m.iterations > 0
        se = m.standard_errors
        assert all(0 < se[k] < 5 * p[k] for k in p)
        # FHL 2005 section 4: x = 2, t_x = 30.43, T = 38.86 expects 1.226 in 39 weeks.
        assert m.conditional_expected_purchases(39, 2, 30.43, 38.86) == pytest.approx(1.226, abs=5e-4)


def test_pareto_nbd_and_gamma_gamma_reproduce_published_fits():
    # FHL 2005: Pareto/NBD r 0.553, alpha 10.578, s 0.606, beta 11.669 (beta flat: SE about 6,
    # see tests/value/clv/test_pareto_nbd.cpp), LL -9595.0.
    p = ParetoNbd().fit(X, TX, T)
    assert [round(v, 3) for v in list(p.params.values())[:3]] == [0.553, 10.578, 0.606]
    assert p.params["beta"] == pytest.approx(11.669, abs=0.002)
    assert p.log_likelihood == pytest.approx(-9595.0, abs=0.05)
    # P(X(39) = n) is a distribution whose mean is the closed-form E[X(39)].
    n = np.arange(3000.0)
    pmf = p.probability_of_purchases(n, 39)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-12)
    assert (n * pmf).sum() == pytest.approx(p.expected_purchases(39), rel=1e-10)
    # FHL 2005 "RFM and CLV": p 6.25, q 3.74, gamma 15.44 on the 946 repeat customers.
    g = GammaGamma().fit(X, ZBAR)
    assert g.params["p"] == pytest.approx(6.25, abs=0.005)
    assert g.params["q"] == pytest.approx(3.74, abs=0.005)
    assert g.params["gamma"] == pytest.approx(15.44, abs=0.01)
    assert g.fit_info["customers"] == 946
    mean = g.params["p"] * g.params["gamma"] / (g.params["q"] - 1)
    spend = g.expected_spend([0, 2], [0, 22.35])
    assert spend[0] == pytest.approx(mean) and 22.35 < spend[1] < mean


def test_bg_bb_reproduces_fader_hardie_shang_2010():
    # FHS 2010 on the donations data: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783.
    d = columns("donations/donations.csv")
    m = BetaGeoBetaBinom().fit(d["frequency"], d["recency"], d["periods"], d["weights"])
    assert [round(v, 3) for v in m.params.values()] == [1.204, 0.750, 0.657, 2.783]
    probabilities = m.probability_of_purchases(np.arange(7), 6)
    assert probabilities.sum() == pytest.approx(1.0)
    assert (np.arange(7) * probabilities).sum() == pytest.approx(m.expected_purchases(6))


def test_mbg_nbd_fits_and_differs_from_bg_nbd_for_non_repeaters():
    m = ModifiedBetaGeo().fit(X, TX, T)
    assert m.log_likelihood < 0 and m.converged
    # MBG/NBD lets a customer drop out at time 0 (Batislam et al. 2007): P(alive) < 1 with
    # x = 0, where BG/NBD says 1.
    assert m.p_alive(0, 0, 38) < 1.0
    assert BetaGeo(params=m.params).p_alive(0, 0, 38) == 1.0


def test_predictions_take_numpy_arrays_without_copying_and_validate_rows():
    m = BetaGeo(params={"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    e = m.conditional_expected_purchases(39, X, TX, T)
    alive = m.p_alive(X, TX, T)
    assert e.shape == alive.shape == (2357,)
    assert np.all((alive > 0) & (alive <= 1)) and np.all(alive[X == 0] == 1.0)
    # Plain lists give the same; a float64 array is not copied on the way in.
    assert np.array_equal(m.p_alive(list(X[:10]), list(TX[:10]), list(T[:10])), alive[:10])
    arr = np.ascontiguousarray(X)
    assert np.ascontiguousarray(arr, dtype=np.float64) is arr
    # Undiscounted CLV with spend 1 is the expected number of purchases.
    clv = m.customer_lifetime_value(X, TX, T, np.ones(2357), horizon=39)
    assert np.allclose(clv, e, rtol=1e-12)
    assert np.all(m.customer_lifetime_value(X, TX, T, np.ones(2357), horizon=39,
                                            discount_rate=0.01) < clv + 1e-15)
    with pytest.raises(crmkit.InvalidArgument, match="row 1 .*recency 0"):
        m.p_alive([1, 2], [5, 0], [10, 10])
    with pytest.raises(ValueError, match="same length"):
        m.p_alive([1, 2], [5], [10, 10])
    with pytest.raises(crmkit.InvalidState, match="not fitted"):
        m.log_likelihood


def test_holdout_evaluation_and_tracking_on_cdnow():
    # Calibration to 1997-09-30, holdout to 1998-06-30 (39 weeks), same-day merge: 1,882
    # actual holdout repeat transactions (data/cdnow/README.md). Computed, BG/NBD predicts
    # about 12% fewer, both by conditional expectations and by the tracking curve (weeks
    # 40-78): the two routes agree within 2%; the forecast is within 15%.
    s = crmkit.value.summarize_csv(os.path.join(DATA, "cdnow", "CDNOW_sample.txt"), customer="2",
                                   time="3", amount="5", time_format="%Y%m%d", delimiter=" ",
                                   header=False, merge_same_day=True, end="1997-09-30",
                                   holdout_end="1998-06-30")
    m = BetaGeo().fit(s.frequency, s.recency, s.T)
    c = m.compare_holdout(273 / 7, s.frequency, s.recency, s.T, s.holdout_frequency)
    assert c["actual_total"] == 1882
    assert 0.85 * 1882 < c["predicted_total"] < 1882
    assert c["customers"].sum() == 2357 and c["customers"][0] == 1411
    assert np.all(np.diff(c["predicted_mean"]) > 0)
    assert (c["customers"] * c["actual_mean"]).sum() == pytest.approx(1882)
    first = (s.first - crmkit.parse_time("1997-01-01")) / 7
    curve = m.tracking_curve(first, 78)
    assert curve[38] == pytest.approx(2457, rel=0.03)  # calibration total Sum x
    assert (curve[77] - curve[38]) == pytest.approx(c["predicted_total"], rel=0.02)


def test_save_load_bytes_and_wrong_model_type(tmp_path):
    path = tmp_path / "bg.model"
    m = BetaGeo().fit(X, TX, T)
    m.save(path)
    back = BetaGeo.load(path)
    assert back.params == m.params and back.log_likelihood == m.log_likelihood
    assert back.standard_errors == m.standard_errors
    assert isinstance(crmkit.value.load_model(path), BetaGeo)
    assert BetaGeo.from_bytes(m.to_bytes()).params == m.params
    with pytest.raises(crmkit.InvalidArgument, match="bg-nbd model, not a pareto-nbd"):
        ParetoNbd.load(path)
    damaged = bytearray(path.read_bytes())
    damaged[-2] ^= 0x01
    with pytest.raises(crmkit.CorruptData, match="checksum"):
        BetaGeo.from_bytes(bytes(damaged))
    with pytest.raises(crmkit.IoError):
        BetaGeo.load(tmp_path / "missing")


def test_bad_fits_raise_clear_errors():
    with pytest.raises(crmkit.InvalidArgument, match="not identifiable"):
        BetaGeo().fit([0, 0], [0, 0], [5, 6])
    with pytest.raises(crmkit.InvalidArgument, match="empty"):
        BetaGeo().fit([], [], [])
    with pytest.raises(crmkit.InvalidArgument, match="row 0 .*exceeds"):
        BetaGeo().fit([1], [7], [5])
    with pytest.raises(crmkit.NotConverged):
        BetaGeo().fit(X, TX, T, max_iterations=2, starts=1)
    m = BetaGeo().fit(X, TX, T, max_iterations=2, starts=1, require_convergence=False)
    assert not m.converged and m.iterations == 2
    with pytest.raises(ValueError, match="no parameters"):
        BetaGeo().p_alive(1, 1, 2)


def test_handle_is_freed_once():
    m = BetaGeo().fit(X, TX, T)
    with m:
        pass
    m.close()  # second close is a no-op
    with pytest.raises(ValueError):
        m.params
    del m
    gc.collect()


def test_conditional_probability_of_purchases_is_a_distribution_with_the_conditional_mean():
    """Issue 18 item 6 through Python: P(n purchases in the next 39 weeks | x = 2, t_x = 30.43,
    T = 38.86) at the published CDNOW parameters of BG/NBD, MBG/NBD and Pareto/NBD sums to 1 and
    its mean is the conditional expectation (BG/NBD, FHL 2005: 1.226), which the library
    computes by another route (closed forms, no sum over n)."""
    for model in (BetaGeo([0.243, 4.414, 0.793, 2.426]), ModifiedBetaGeo([0.525, 6.183, 0.891, 1.614]),
                  ParetoNbd([0.553, 10.578, 0.606, 11.669])):
        n = np.arange(400.0)
        p = model.conditional_probability_of_purchases(n, 39, np.full(400, 2.0), np.full(400, 30.43),
                                                       np.full(400, 38.86))
        assert p.sum() == pytest.approx(1.0, abs=1e-10)
        assert (n * p).sum() == pytest.approx(model.conditional_expected_purchases(39, 2, 30.43, 38.86),
                                               rel=1e-9)
    assert BetaGeo([0.243, 4.414, 0.793, 2.426]).conditional_expected_purchases(39, 2, 30.43, 38.86) == \
        pytest.approx(1.226, abs=5e-4)
    # BG/BB (discrete opportunities) has no conditional P(n): refused by name.
    with pytest.raises(crmkit.InvalidArgument, match="conditional_probability_of_purchases"):
        BetaGeoBetaBinom([1.2035, 0.7497, 0.6567, 2.7834]).conditional_probability_of_purchases(1, 5, 2, 4, 6)


def test_lifetime_value_equals_lifetimes_monthly_clv_on_weekly_data():
    """Issue 18 item 5: a discount period other than the data's unit. Reference values:
    lifetimes 0.11.3 (source fetched, run with Debian's numpy/scipy/pandas on 2026-12-03),
    GammaGammaFitter.customer_lifetime_value(BetaGeoFitter at r 0.243, alpha 4.414, a 0.793,
    b 2.426; Gamma-Gamma p 6.25, q 3.74, v 15.44; time=12, discount_rate=0.01, freq='W'):
    12 months of 4.345 weeks, each month's purchases discounted (1.01)^-k. crmkit: horizon
    12 x 4.345 weeks, period 4.345 weeks."""
    lifetimes_clv = [65.95295603638195, 4.637294659747194, 8.369004358920185, 270.48691907005514,
                     613.9367787329069]
    x = np.array([2.0, 1, 0, 7, 25])
    tx = np.array([30.43, 1.71, 0, 29.43, 37.0])
    age = np.array([38.86, 38.86, 38.86, 35.0, 38.86])
    m = np.array([46.93, 11.77, 0, 53.3, 32.1])
    spend = GammaGamma([6.25, 3.74, 15.44]).expected_spend(x, m)
    clv = BetaGeo([0.243, 4.414, 0.793, 2.426]).customer_lifetime_value(
        x, tx, age, spend, horizon=12 * 4.345, period=4.345, discount_rate=0.01)
    assert clv == pytest.approx(lifetimes_clv, rel=1e-10)
