"""Satisfaction index models by PLS path modelling (crmkit::quality::pls_fit,
capi/quality/pls.cpp): the ECSI / ACSI structures or a model in the README's text format,
path coefficients, R^2, reliability, 0-100 index scores, IPMA and bootstrap inference.

    m = crmkit.quality.PlsModel("ecsi").fit(answers, columns, bootstrap=5000, seed=1)
    m.path_coefficients, m.r2, m.index_mean, m.bootstrap.paths.std_error
"""
from ctypes import POINTER, byref, c_double, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import c_strings, int_arg, matrix, ptr, text
from .._lib import (Handle, PlsEstimate, PlsOptions, PlsResult, crm_pls, defaults, enum_code,
                    enum_names, lib, new, text_arg)

PLS_SCHEMES = enum_names("pls_scheme")
PLS_INDEX_METHODS = enum_names("pls_index_method")

_PER_BLOCK = ("r2", "r2_adjusted", "alpha_raw", "alpha_standardised", "rho_c", "rho_a", "ave",
              "index_mean", "ipma_importance")
_PER_INDICATOR = ("weights", "loadings", "index_weights")
_SQUARE = ("total_effects", "indirect_effects", "htmt", "vif")
_ESTIMATE = ("estimate", "mean", "std_error", "t", "lower", "upper", "bca_lower", "bca_upper")


class PlsModel(Handle):
    """A PLS path model: `model` is "ecsi", "acsi" or model text ("block NAME [A|B]: COL, ..."
    and "path FROM -> TO, ..." lines). None takes the library's default: scheme "path",
    index_method "fornell" (the ACSI method), scale (1, 10), tolerance 1e-7, 300 iterations,
    the last block as IPMA target. fit() returns the model, holding the fitted C handle (a
    context manager; close() frees it)."""

    _FREE = "pls_free"

    def __init__(self, model="ecsi", *, scheme=None, index_method=None, scale=None, tolerance=None,
                 max_iterations=None, ipma_target=None):
        self._model = text_arg(model, "model")
        self._opts = defaults(PlsOptions, "pls_options")
        if scheme is not None:
            self._opts.scheme = enum_code("pls_scheme", scheme)
        if index_method is not None:
            self._opts.index_method = enum_code("pls_index_method", index_method)
        if scale is not None:
            self._opts.scale_min, self._opts.scale_max = (float(v) for v in scale)
        if tolerance is not None:
            self._opts.tolerance = float(tolerance)
        if max_iterations is not None:
            self._opts.max_iterations = int_arg(max_iterations, "max_iterations", 1, 2**63 - 1)
        self._target = None if ipma_target is None else text_arg(ipma_target, "ipma_target")

    def _closed_message(self):
        return "the PLS model is not fitted or is closed"

    def fit(self, data, columns, *, bootstrap=None, seed=None, level=None, threads=None):
        """Fits the model to `data` (respondents x columns answers, complete) whose columns are
        named by `columns`; bootstrap=N resamples adds .bootstrap (seeded, the same for any
        thread count). Raises crmkit.InvalidArgument / ParseError / NotConverged."""
        a = matrix(data, "data")
        names, count = c_strings(columns, "columns")
        if count != a.shape[1]:
            raise ValueError("columns names %d columns but data has %d" % (count, a.shape[1]))
        opts = PlsOptions.from_buffer_copy(self._opts)
        opts.ipma_target = self._target
        if bootstrap is not None:
            opts.bootstrap = int_arg(bootstrap, "bootstrap", 0, 10**6)
        if seed is not None:
            opts.seed = int_arg(seed, "seed", 0, 2**64 - 1)
        if level is not None:
            opts.level = float(level)
        if threads is not None:
            opts.threads = int_arg(threads, "threads", 0)
        handle = POINTER(crm_pls)()
        lib.pls_fit(byref(handle), self._model, ptr(a, c_double), a.shape[0], a.shape[1], names,
                    byref(opts))
        self.close()
        self._handle = handle
        self._read(opts.bootstrap > 0)
        return self

    def _read(self, booted):
        h = self._live()
        b, k, p, n = c_size_t(), c_size_t(), c_size_t(), c_size_t()
        lib.pls_counts(h, byref(b), byref(k), byref(p), byref(n))
        L, K, P = b.value, k.value, p.value
        self.respondents = n.value
        self.blocks = [text(lib.pls_block_name, h, i) for i in range(L)]
        self.indicators = [text(lib.pls_indicator_name, h, i) for i in range(K)]
        self.paths = []
        for i in range(P):
            f, t = c_size_t(), c_size_t()
            lib.pls_path_blocks(h, i, byref(f), byref(t))
            self.paths.append((self.blocks[f.value], self.blocks[t.value]))
        self.indicator_block = []
        for i in range(K):
            blk = c_size_t()
            lib.pls_indicator_block(h, i, byref(blk))
            self.indicator_block.append(self.blocks[blk.value])
        arrays = {"path_coefficient": np.empty(P)}
        arrays.update({name: np.empty(K) for name in _PER_INDICATOR})
        arrays.update({name: np.empty(L) for name in _PER_BLOCK})
        arrays.update({name: np.empty((L, L)) for name in _SQUARE})
        out = new(PlsResult, **{name: ptr(arr, c_double) for name, arr in arrays.items()})
        lib.pls_results(h, byref(out))
        self.path_coefficients = arrays.pop("path_coefficient")
        for name, arr in arrays.items():
            setattr(self, name, arr)
        self.gof, self.iterations = out.gof, out.iterations
        self.ipma_target = self.blocks[out.ipma_target]
        self.scores = np.empty((self.respondents, L))
        self.index_scores = np.empty((self.respondents, L))
        lib.pls_scores(h, ptr(self.scores, c_double), ptr(self.index_scores, c_double))
        self.bootstrap = None
        if booted:
            est = {"paths": (PlsEstimate * P)(), "weights": (PlsEstimate * K)(),
                   "loadings": (PlsEstimate * K)()}
            lib.pls_bootstrap(h, est["paths"], est["weights"], est["loadings"])
            self.bootstrap = SimpleNamespace(**{
                part: SimpleNamespace(**{f: np.array([getattr(e, f) for e in arr]) for f in _ESTIMATE})
                for part, arr in est.items()})
