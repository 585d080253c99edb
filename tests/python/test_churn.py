"""Python entries for the churn model: hand-checked metrics and the separable case, files,
bad input; coefficients against scikit-learn's LogisticRegression when it is installed."""
import math

import numpy as np
import pytest

import crmkit
from crmkit import value


def sigmoid(t):
    return 1 / (1 + math.exp(-t))


def test_hand_metrics():
    m = value.churn_metrics([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])
    assert m["auc"] == 0.875  # the tied pair at 0.4 counts one half: 3.5 / 4
    assert m["precision"] == 1.0 and m["recall"] == 0.5
    assert m["log_loss"] == pytest.approx(-(math.log(0.9) + math.log(0.6) + math.log(0.4) + math.log(0.8)) / 4)
    assert [d["lift"] for d in m["lift"]] == [2.0, 0.0, 2.0, 0.0]
    assert m["calibration"][4]["customers"] == 2 and m["calibration"][4]["observed_rate"] == 0.5
    with pytest.raises(crmkit.InvalidArgument, match="one class only"):
        value.churn_metrics([0.1, 0.2], [1, 1])


def test_separable_case_predict_sensitivity_files(tmp_path):
    x = {"x": [-2.0, -1, 1, 2]}
    y = [0, 0, 1, 1]
    m = value.ChurnModel(l2=1).fit(x, y)
    c = m.coefficients
    assert list(c) == ["intercept", "x"]
    assert abs(c["intercept"]["estimate"]) < 1e-12
    b = c["x"]["estimate"]
    # Stationarity of the penalised log-likelihood on z = x / sqrt(2.5).
    z = [v / math.sqrt(2.5) for v in x["x"]]
    assert abs(b + sum((sigmoid(b * zi) - yi) * zi for zi, yi in zip(z, y))) < 1e-10
    assert c["x"]["odds_ratio"] == pytest.approx(math.exp(b))
    assert m.predict({"x": [0.5]})[0] == pytest.approx(sigmoid(b * 0.5 / math.sqrt(2.5)))
    assert m.metrics["auc"] == 1.0
    s = m.sensitivity(x, "x", 1.0, value=[10, 10, 10, 10])
    assert s["after"][0] == pytest.approx(sigmoid(-b / math.sqrt(2.5)))
    assert s["value_at_risk_after"] > s["value_at_risk_before"]
    d = m.drivers(x, groups=[0, 0, 1, 1])
    assert [g["group"] for g in d] == [0, 1] and d[0]["drivers"][0][0] == "x"
    path = tmp_path / "churn.model"
    m.save(path)
    back = value.ChurnModel.load(path)
    assert back.predict({"x": [0.5]}).tolist() == m.predict({"x": [0.5]}).tolist()
    assert value.ChurnModel.from_bytes(m.to_bytes()).coefficients == c
    with pytest.raises(crmkit.InvalidArgument):
        value.KMeans.from_bytes(m.to_bytes())
    with pytest.raises(crmkit.NotConverged, match="separate churners from stayers"):
        value.ChurnModel(l2=0).fit(x, y)


def test_bad_input():
    with pytest.raises(crmkit.InvalidArgument, match="churn label row 2 is 2"):
        value.ChurnModel().fit({"x": [1.0, 2, 3]}, [0, 2, 1])
    with pytest.raises(ValueError, match="label must be one-dimensional with 3 values"):
        value.ChurnModel().fit({"x": [1.0, 2, 3]}, [0, 1])
    m = value.ChurnModel().fit({"x": [1.0, 2, 3, 4]}, [0, 1, 0, 1])
    with pytest.raises(crmkit.InvalidArgument, match="feature 'x', which the data lacks"):
        m.predict({"spend": [1.0]})
    with pytest.raises(crmkit.InvalidArgument, match="'y' is not a feature"):
        m.sensitivity({"x": [1.0]}, "y", 1)
    with pytest.raises(ValueError, match="groups"):
        m.drivers({"x": [1.0, 2]}, groups=[0.5, 1])


def test_against_scikit_learn():
    linear_model = pytest.importorskip("sklearn.linear_model")
    rng = np.random.default_rng(11)
    n = 3000
    X = np.column_stack([rng.exponential(60, n), rng.poisson(2, n) + 1.0, rng.lognormal(3, 1, n),
                         rng.normal(0, 1, n)])
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    eta = -0.5 + 0.8 * Z[:, 0] - 0.6 * Z[:, 1] + 0.3 * Z[:, 3]
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(float)
    names = ["recency", "frequency", "monetary", "noise"]
    for l2, weight in ((1.0, None), (25.0, "balanced")):
        sk = linear_model.LogisticRegression(C=1 / l2, class_weight=weight, tol=1e-12, max_iter=100000).fit(Z, y)
        ours = value.ChurnModel(l2=l2, balanced=weight is not None).fit(X, y, feature_names=names)
        est = [c["estimate"] for c in ours.coefficients.values()]
        assert abs(est[0] - sk.intercept_[0]) < 1e-4
        assert np.max(np.abs(np.array(est[1:]) - sk.coef_[0])) < 1e-4
