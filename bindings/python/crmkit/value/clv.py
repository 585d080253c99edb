"""Customer lifetime value models (crm_clv_*, capi/value/clv.cpp), in crmkit.value.

    m = crmkit.value.BetaGeo().fit(frequency, recency, T)
    m.params                      # {'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}
    m.conditional_expected_purchases(39, frequency, recency, T)   # NumPy array
    m.p_alive(frequency, recency, T)

Inputs are NumPy arrays (contiguous float64 arrays are passed without copying), sequences or
scalars; a scalar-only call returns a float. Each model owns a C handle: use it as a context
manager or call close(); the handle is freed exactly once.
"""
import ctypes
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_size_t

import numpy as np

from .._convert import int_arg as _int_arg
from .._lib import (BufferTooSmall, ClvFitInfo, ClvFitOptions, ClvOptions, Handle, crm_clv_model,
                    defaults, enum_code, enum_names, lib, new, text_arg)

_ANY = -1  # CRM_CLV_ANY
MODEL_KINDS = enum_names("clv_kind")        # "bg-nbd", ..., from the library
DISCOUNTINGS = enum_names("discounting")    # "discrete", "continuous"


def _new_handle():
    return POINTER(crm_clv_model)()


def _ptr(arr):
    return arr.ctypes.data_as(ctypes.POINTER(c_double))


def _columns(*values):
    """float64 contiguous 1-d arrays of one length (no copy when already so), and whether the
    call was with scalars only (then the result is a float)."""
    scalar = all(np.ndim(v) == 0 for v in values)
    arrays = [np.ascontiguousarray(np.atleast_1d(v), dtype=np.float64) for v in values]
    n = arrays[0].shape[0]
    for a in arrays:
        if a.ndim != 1 or a.shape[0] != n:
            raise ValueError("inputs must be one-dimensional with the same length, got shapes %s"
                             % [a.shape for a in arrays])
    return arrays, n, scalar


def _result(out, scalar):
    return float(out[0]) if scalar else out


def _fit_options(starts=None, tolerance=None, max_iterations=None, penalty=None,
                 require_convergence=None):
    """crm_clv_fit_options from the library's defaults; None keeps a default."""
    o = defaults(ClvFitOptions, "clv_fit_options")
    if starts is not None:
        o.starts = _int_arg(starts, "starts")
    if tolerance is not None:
        o.tolerance = float(tolerance)
    if max_iterations is not None:
        o.max_iterations = _int_arg(max_iterations, "max_iterations")
    if penalty is not None:
        o.penalty = float(penalty)
    if require_convergence is not None:
        o.require_convergence = int(bool(require_convergence))
    return o


class _Model(Handle):
    """What all five models share: parameters, diagnostics, files, the handle."""

    KIND = None
    _FREE = "clv_free"

    def __init__(self, params=None):
        """Without params: fit the model. With params (a dict by name, or a sequence in the
        papers' order): a model that predicts at known parameters, e.g. published ones."""
        self._handle = _new_handle()
        if params is not None:
            if isinstance(params, dict):
                params = [params[name] for name in self.PARAMETER_NAMES]
            (values,), n, _ = _columns(params)
            lib.clv_create(byref(self._handle), self.KIND, _ptr(values), n)

    def _closed_message(self):
        return ("%s has no parameters yet: fit it, load it or give params"
                % type(self).__name__)

    def _adopt(self, handle):
        self.close()
        self._handle = handle
        return self

    def _parameters(self):
        count = c_size_t()
        names = (c_char_p * 4)()
        values, errors = np.empty(4), np.empty(4)
        lib.clv_params(self._live(), names, _ptr(values), _ptr(errors), 4, byref(count))
        k = count.value
        return [n.decode() for n in names[:k]], values[:k], errors[:k]

    @property
    def params(self):
        """Parameters by name as in the papers (r, alpha, a, b / s, beta / p, q, gamma, ...)."""
        names, values, _ = self._parameters()
        return dict(zip(names, values.tolist()))

    @property
    def standard_errors(self):
        """Standard errors by name from the observed information (NaN when not available)."""
        names, _, errors = self._parameters()
        return dict(zip(names, errors.tolist()))

    @property
    def fit_info(self):
        """Diagnostics of the fit as a dict (InvalidState for a model made from params)."""
        info = new(ClvFitInfo)
        lib.clv_fit_info_get(self._live(), byref(info))
        return {name: getattr(info, name) for name, _ in ClvFitInfo._fields_[1:]}

    log_likelihood = property(lambda self: self.fit_info["log_likelihood"])
    aic = property(lambda self: self.fit_info["aic"])
    bic = property(lambda self: self.fit_info["bic"])
    iterations = property(lambda self: self.fit_info["iterations"])
    converged = property(lambda self: bool(self.fit_info["converged"]))

    def save(self, path):
        """Writes the model atomically to a checksummed file (portable text archive)."""
        lib.clv_save(self._live(), text_arg(path, "path"))

    @classmethod
    def load(cls, path):
        """A model saved by save(); a file of another model type raises InvalidArgument."""
        handle = _new_handle()
        lib.clv_load(byref(handle), text_arg(path, "path"), cls.KIND)
        return cls()._adopt(handle)

    def to_bytes(self):
        size = c_size_t()
        try:
            lib.clv_to_buffer(self._live(), None, 0, byref(size))
        except BufferTooSmall:  # asked for the size only
            pass
        buf = ctypes.create_string_buffer(size.value)
        lib.clv_to_buffer(self._live(), buf, size.value, byref(size))
        return buf.raw[:size.value]

    @classmethod
    def from_bytes(cls, data):
        handle = _new_handle()
        lib.clv_from_buffer(byref(handle), data, len(data), cls.KIND)
        return cls()._adopt(handle)


    def __repr__(self):
        if not self._handle:
            return "%s()" % type(self).__name__
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%.6g" % kv for kv in self.params.items()))


class _PurchaseModel(_Model):
    """Purchase models: x (frequency), t_x (recency), T in one time unit."""

    def _fit(self, frequency, recency, T, weights, options):
        cols = [frequency, recency, T] + ([] if weights is None else [weights])
        arrays, n, _ = _columns(*cols)
        w = _ptr(arrays[3]) if weights is not None else None
        handle = _new_handle()
        lib.clv_fit(byref(handle), self.KIND, _ptr(arrays[0]), _ptr(arrays[1]), _ptr(arrays[2]),
                    w, n, byref(_fit_options(**options)))
        return self._adopt(handle)

    def fit(self, frequency, recency, T, weights=None, *, starts=None, tolerance=None,
            max_iterations=None, penalty=None, require_convergence=None):
        """Maximum-likelihood fit; weights = customers per row. Options left at None take the
        library's defaults (crm_clv_fit_options_init). Returns self."""
        return self._fit(frequency, recency, T, weights,
                         dict(starts=starts, tolerance=tolerance, max_iterations=max_iterations,
                              penalty=penalty, require_convergence=require_convergence))

    def expected_purchases(self, t):
        """E[X(t)]: purchases in (0, t] of a new customer."""
        (ts,), n, scalar = _columns(t)
        out = np.empty(n)
        lib.clv_expected_purchases(self._live(), _ptr(ts), n, _ptr(out))
        return _result(out, scalar)

    def probability_of_purchases(self, n_purchases, t):
        """P(X(t) = n) of a new customer."""
        (counts,), n, scalar = _columns(n_purchases)
        out = np.empty(n)
        lib.clv_probability_of_purchases(self._live(), float(t), _ptr(counts), n, _ptr(out))
        return _result(out, scalar)

    def conditional_expected_purchases(self, t, frequency, recency, T):
        """Expected purchases in (T, T + t] of each customer given the history."""
        (x, tx, age), n, scalar = _columns(frequency, recency, T)
        out = np.empty(n)
        lib.clv_conditional_expected_purchases(self._live(), float(t), _ptr(x), _ptr(tx),
                                               _ptr(age), n, _ptr(out))
        return _result(out, scalar)

    def conditional_probability_of_purchases(self, n_purchases, t, frequency, recency, T):
        """P(n purchases in (T, T + t]) of each customer given the history (BetaGeo,
        ModifiedBetaGeo and ParetoNbd; accurate for n into the thousands)."""
        (counts, x, tx, age), n, scalar = _columns(n_purchases, frequency, recency, T)
        out = np.empty(n)
        lib.clv_conditional_probability_of_purchases(self._live(), float(t), _ptr(counts), _ptr(x),
                                                     _ptr(tx), _ptr(age), n, _ptr(out))
        return _result(out, scalar)

    def p_alive(self, frequency, recency, T):
        """Probability that each customer is still active at T."""
        (x, tx, age), n, scalar = _columns(frequency, recency, T)
        out = np.empty(n)
        lib.clv_p_alive(self._live(), _ptr(x), _ptr(tx), _ptr(age), n, _ptr(out))
        return _result(out, scalar)

    def customer_lifetime_value(self, frequency, recency, T, expected_spend, *, horizon,
                                discount_rate=None, period=None, discounting=None):
        """expected_spend times discounted expected purchases over the horizon (in the data's
        time unit); discount_rate per period of `period` time units, discrete ((1+d)^-k) or
        continuous. Options left at None take the library's defaults (no discounting, period
        1, discrete)."""
        opts = defaults(ClvOptions, "clv_options")
        opts.horizon = float(horizon)
        if discount_rate is not None:
            opts.discount_rate = float(discount_rate)
        if period is not None:
            opts.period = float(period)
        if discounting is not None:
            opts.discounting = enum_code("discounting", discounting)
        (x, tx, age, spend), n, scalar = _columns(frequency, recency, T, expected_spend)
        out = np.empty(n)
        lib.clv_lifetime_value(self._live(), _ptr(x), _ptr(tx), _ptr(age), _ptr(spend), n,
                               byref(opts), _ptr(out))
        return _result(out, scalar)

    def tracking_curve(self, first_purchase, periods):
        """Expected cumulative repeat transactions of all customers at the end of periods
        1..periods; first_purchase: each customer's first-purchase time in periods since the
        origin (compare with crmkit.value.cumulative_repeat_transactions)."""
        (first,), n, _ = _columns(first_purchase)
        out = np.empty(_int_arg(periods, "periods", 0))
        lib.clv_tracking_curve(self._live(), _ptr(first), n, _ptr(out), out.shape[0])
        return out

    def compare_holdout(self, holdout_length, frequency, recency, T, actual, max_frequency=7):
        """Predicted vs actual holdout purchases: a dict with per-customer `predicted`, and
        per calibration frequency 0..max_frequency (the last: and above) `customers`,
        `actual_mean`, `predicted_mean`, plus `actual_total` and `predicted_total`."""
        (x, tx, age, act), n, _ = _columns(frequency, recency, T, actual)
        max_frequency = _int_arg(max_frequency, "max_frequency")
        groups = max_frequency + 1 if max_frequency >= 0 else 0
        predicted = np.empty(n)
        customers, actual_mean, predicted_mean = np.empty(groups), np.empty(groups), np.empty(groups)
        lib.clv_compare_holdout(self._live(), float(holdout_length), _ptr(x), _ptr(tx), _ptr(age),
                                _ptr(act), n, _ptr(predicted), max_frequency,
                                _ptr(customers), _ptr(actual_mean), _ptr(predicted_mean))
        return dict(predicted=predicted, frequency=np.arange(groups, dtype=float),
                    customers=customers, actual_mean=actual_mean, predicted_mean=predicted_mean,
                    actual_total=float(act.sum()), predicted_total=float(predicted.sum()))


class BetaGeo(_PurchaseModel):
    """BG/NBD (Fader, Hardie & Lee 2005): parameters r, alpha, a, b."""
    KIND = enum_code("clv_kind", "bg-nbd")
    PARAMETER_NAMES = ("r", "alpha", "a", "b")


class ParetoNbd(_PurchaseModel):
    """Pareto/NBD (Schmittlein, Morrison & Colombo 1987): parameters r, alpha, s, beta."""
    KIND = enum_code("clv_kind", "pareto-nbd")
    PARAMETER_NAMES = ("r", "alpha", "s", "beta")


class ModifiedBetaGeo(_PurchaseModel):
    """MBG/NBD (Batislam, Denizel & Filiztekin 2007): parameters r, alpha, a, b."""
    KIND = enum_code("clv_kind", "mbg-nbd")
    PARAMETER_NAMES = ("r", "alpha", "a", "b")


class BetaGeoBetaBinom(_PurchaseModel):
    """BG/BB for discrete opportunities (Fader, Hardie & Shang 2010): alpha, beta, gamma,
    delta. Times are whole numbers of opportunities; T is `periods`."""
    KIND = enum_code("clv_kind", "bg-bb")
    PARAMETER_NAMES = ("alpha", "beta", "gamma", "delta")

    def fit(self, frequency, recency, periods, weights=None, *, starts=None, tolerance=None,
            max_iterations=None, penalty=None, require_convergence=None):
        """Maximum-likelihood fit; weights = customers per row (donations layout)."""
        return self._fit(frequency, recency, periods, weights,
                         dict(starts=starts, tolerance=tolerance, max_iterations=max_iterations,
                              penalty=penalty, require_convergence=require_convergence))


class GammaGamma(_Model):
    """Gamma-Gamma spend per transaction (Fader, Hardie & Lee 2005): p, q, gamma."""
    KIND = enum_code("clv_kind", "gamma-gamma")
    PARAMETER_NAMES = ("p", "q", "gamma")

    def fit(self, frequency, monetary_value, weights=None, *, starts=None, tolerance=None,
            max_iterations=None, penalty=None, require_convergence=None):
        """Fit on repeat frequency and mean repeat spend; rows with x = 0 are skipped."""
        cols = [frequency, monetary_value] + ([] if weights is None else [weights])
        arrays, n, _ = _columns(*cols)
        w = _ptr(arrays[2]) if weights is not None else None
        handle = _new_handle()
        lib.clv_fit_spend(byref(handle), _ptr(arrays[0]), _ptr(arrays[1]), w, n,
                          byref(_fit_options(starts, tolerance, max_iterations, penalty,
                                             require_convergence)))
        return self._adopt(handle)

    def expected_spend(self, frequency, monetary_value):
        """Expected spend per future transaction given x and mean repeat spend."""
        (x, m), n, scalar = _columns(frequency, monetary_value)
        out = np.empty(n)
        lib.clv_expected_spend(self._live(), _ptr(x), _ptr(m), n, _ptr(out))
        return _result(out, scalar)


def load_model(path):
    """Any saved CLV model, as an instance of its class."""
    handle = _new_handle()
    lib.clv_load(byref(handle), text_arg(path, "path"), _ANY)
    kind = c_int()
    try:
        lib.clv_kind_of(handle, byref(kind))
    except Exception:
        lib.clv_free(handle)
        raise
    cls = {c.KIND: c for c in (BetaGeo, ParetoNbd, ModifiedBetaGeo, BetaGeoBetaBinom, GammaGamma)}
    return cls[kind.value]()._adopt(handle)
