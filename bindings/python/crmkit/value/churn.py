"""Churn model: L2 logistic regression by Newton's method (crm_churn_*,
capi/value/churn.cpp), in crmkit.value.

    m = crmkit.value.ChurnModel(l2=1.0, log1p=["monetary"]).fit(features, churned)
    m.coefficients        # {"intercept": {...}, "recency": {"estimate", "standard_error", "z", "odds_ratio"}, ...}
    m.metrics             # log-loss, AUC, precision/recall, lift by decile, calibration (training rows)
    m.predict(new_features)
    m.sensitivity(features, "recency", 30, value=clv)   # churn and value at risk if recency rises 30 days
    m.drivers(features, groups=km.labels)               # drivers ranked per segment

l2 = 1 / C of scikit-learn's LogisticRegression (the intercept is not penalised); features
are z-scored by default (scaling="zscore" | "robust" | "none"), so coefficients are per
scaled unit. Data: a mapping of named columns or a 2-d array of rows with feature_names.
"""
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_size_t

import numpy as np

from .._convert import FeatureTable, array, c_strings, f64, int_arg, ptr
from .._lib import ChurnMetrics, ChurnOptions, Handle, crm_churn, defaults, enum_code, lib, new, text_arg
from .segment import _handle_bytes


def churn_metrics(probability, label, threshold=0.5):
    """Metrics of churn probabilities against 0/1 labels: a dict with customers, churn_rate,
    log_loss, auc, threshold, precision, recall, accuracy, lift (per decile: lift and
    cumulative_lift) and calibration (10 bins: lower, upper, customers, mean_probability,
    observed_rate)."""
    p = f64(probability, "probability")
    y = f64(label, "label", p.shape[0])
    m = new(ChurnMetrics)
    lift, cum = np.empty(10), np.empty(10)
    deciles = c_size_t()
    cal_n, cal_p, cal_o = np.empty(10, dtype=np.uintp), np.empty(10), np.empty(10)
    lib.churn_evaluate(ptr(p, c_double), ptr(y, c_double), p.shape[0], float(threshold), byref(m),
                       ptr(lift, c_double), ptr(cum, c_double), 10, byref(deciles),
                       ptr(cal_n, c_size_t), ptr(cal_p, c_double), ptr(cal_o, c_double))
    out = {name: getattr(m, name) for name, _ in ChurnMetrics._fields_[1:]}
    out["lift"] = [{"decile": d + 1, "lift": float(lift[d]), "cumulative_lift": float(cum[d])}
                   for d in range(deciles.value)]
    out["calibration"] = [{"lower": b / 10, "upper": (b + 1) / 10, "customers": int(cal_n[b]),
                           "mean_probability": float(cal_p[b]), "observed_rate": float(cal_o[b])}
                          for b in range(10)]
    return out


class ChurnModel(Handle):
    """Churn as penalised logistic regression on named features (crm_churn_*): l2 penalty,
    balanced class weights, feature scaling and log1p columns as options; fit(), then
    predict(), sensitivity() and drivers(); save()/load() for scoring elsewhere."""

    _FREE = "churn_free"

    def __init__(self, l2=None, balanced=None, max_iterations=None, tolerance=None, threshold=None,
                 threads=None, scaling=None, log1p=None):
        o = defaults(ChurnOptions, "churn_options")
        if l2 is not None:
            o.l2 = float(l2)
        if balanced is not None:
            o.balanced = int(bool(balanced))
        for name in ("max_iterations", "threads"):
            value = locals()[name]
            if value is not None:
                setattr(o, name, int_arg(value, name))
        if tolerance is not None:
            o.tolerance = float(tolerance)
        if threshold is not None:
            o.threshold = float(threshold)
        if scaling is not None:
            o.scaling = enum_code("scaling", scaling)
        self._log1p = c_strings(log1p, "log1p")
        o.log1p, o.log1p_count = self._log1p
        self._options = o
        self.probability = None
        self.metrics = None

    def _closed_message(self):
        return "ChurnModel is not fitted: call fit() or ChurnModel.load()"

    def _adopt(self, handle):
        self.close()
        self._handle = handle
        return self

    def fit(self, X, label, feature_names=None):
        """Fits on every column of X; label: 0/1 per row (1 = churned). Sets probability
        (fitted, per row) and metrics (on the training rows); returns self."""
        table = FeatureTable(X, feature_names)
        y = f64(label, "label", table.n)
        prob = np.empty(max(table.n, 1))
        handle = POINTER(crm_churn)()
        lib.churn_fit(byref(handle), *table.args(), ptr(y, c_double), byref(self._options),
                      ptr(prob, c_double))
        self._adopt(handle)
        self.probability = prob[:table.n]
        self.metrics = churn_metrics(self.probability, y, self._options.threshold)
        return self

    @property
    def coefficients(self):
        """{name: {"estimate", "standard_error", "z", "odds_ratio"}}, the intercept first."""
        count = c_size_t()
        lib.churn_coefficients(self._live(), None, None, None, None, None, 0, byref(count))
        n = count.value
        names = (c_char_p * n)()
        cols = [np.empty(n) for _ in range(4)]
        lib.churn_coefficients(self._live(), names, *[ptr(c, c_double) for c in cols], n, byref(count))
        keys = ("estimate", "standard_error", "z", "odds_ratio")
        return {names[j].decode(): {k: float(c[j]) for k, c in zip(keys, cols)} for j in range(n)}

    @property
    def feature_names(self):
        """The features the model was fitted on, in order (the intercept excluded)."""
        return list(self.coefficients)[1:]

    def predict(self, X, feature_names=None):
        """Churn probability of each row (needs the model's feature names)."""
        table = FeatureTable(X, feature_names)
        out = np.empty(max(table.n, 1))
        lib.churn_predict(self._live(), *table.args(), ptr(out, c_double))
        return out[:table.n]

    def sensitivity(self, X, feature, delta, value=None, feature_names=None):
        """Churn probability per row before and after `feature` moves by `delta` (data
        units), and with value (amount at risk per row) the expected value at risk."""
        table = FeatureTable(X, feature_names)
        v = None if value is None else f64(value, "value", table.n)
        before, after = np.empty(max(table.n, 1)), np.empty(max(table.n, 1))
        r0, r1 = c_double(), c_double()
        lib.churn_sensitivity(self._live(), *table.args(), text_arg(feature, "feature"), float(delta),
                              None if v is None else ptr(v, c_double), ptr(before, c_double),
                              ptr(after, c_double), byref(r0), byref(r1))
        before, after = before[:table.n], after[:table.n]
        return {"feature": str(feature), "delta": float(delta), "before": before, "after": after,
                "mean_before": float(before.mean()), "mean_after": float(after.mean()),
                "value_at_risk_before": r0.value, "value_at_risk_after": r1.value}

    def drivers(self, X, groups=None, feature_names=None):
        """Per group (groups: a label >= 0 per row, e.g. KMeans.labels; None = one group): the
        features ranked by |effect|, effect = mean change in churn probability when the scaled
        feature rises one unit. [{"group", "drivers": [(feature, effect), ...]}]."""
        table = FeatureTable(X, feature_names)
        g = None if groups is None else array(groups, np.int32, "groups", table.n)
        names = self.feature_names
        count = c_size_t()
        ngroups = 1 if g is None or g.size == 0 else int(max(g.max(), 0)) + 1
        effects = np.empty(ngroups * len(names))
        lib.churn_drivers(self._live(), *table.args(), None if g is None else ptr(g, c_int),
                          ptr(effects, c_double), effects.size, byref(count))
        effects = effects.reshape(count.value, len(names))
        return [{"group": k, "drivers": sorted(zip(names, effects[k].tolist()), key=lambda t: -abs(t[1]))}
                for k in range(count.value)]

    def save(self, path):
        """Writes the fitted model to a file (crmkit.IoError if it cannot be written)."""
        lib.churn_save(self._live(), text_arg(path, "path"))

    def to_bytes(self):
        """The fitted model as bytes, in the format save() writes."""
        return _handle_bytes(lib.churn_to_buffer, self._live())

    @classmethod
    def load(cls, path):
        """Reads a model written by save() (crmkit.CorruptData if the file fails its checks)."""
        handle = POINTER(crm_churn)()
        lib.churn_load(byref(handle), text_arg(path, "path"))
        return cls()._adopt(handle)

    @classmethod
    def from_bytes(cls, data):
        """A model from bytes made by to_bytes()."""
        data = bytes(data)
        handle = POINTER(crm_churn)()
        lib.churn_from_buffer(byref(handle), data, len(data))
        return cls()._adopt(handle)
