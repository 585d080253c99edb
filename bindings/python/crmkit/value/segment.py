"""k-means customer segments (crm_kmeans_*, capi/value/segment.cpp), in crmkit.value.

    km = crmkit.value.KMeans(k=(2, 8), seed=1, log1p=["monetary"]).fit(
        {"recency": r, "frequency": f, "monetary": m}, value_column="monetary")
    km.k, km.inertia, km.silhouette, km.labels   # chosen k, fit figures, segment per row
    km.profiles                                  # size, share, mean per feature, value share
    km.assign({"recency": ..., "frequency": ..., "monetary": ...})   # new customers
    km.save("segments.model"); crmkit.value.KMeans.load("segments.model")

Data: a mapping of named columns or a 2-d array of rows with feature_names. Options default
to the library's (crm_kmeans_options_init); the result does not depend on threads.
"""
import ctypes
from ctypes import POINTER, byref, c_double, c_int, c_size_t

import numpy as np

from .._convert import FeatureTable, c_strings, int_arg, ptr, text
from .._lib import (BufferTooSmall, Handle, KMeansInfo, KMeansOptions, crm_kmeans, defaults,
                    enum_code, enum_names, lib, new, text_arg)

SCALINGS = enum_names("scaling")           # "none", "zscore", "robust"
K_SELECTIONS = enum_names("k_selection")   # "silhouette", "elbow"


def _handle_bytes(to_buffer, handle):
    """The archive bytes of a handle (the size first, then the bytes)."""
    needed = c_size_t()
    try:
        to_buffer(handle, None, 0, byref(needed))
    except BufferTooSmall:
        pass
    buf = ctypes.create_string_buffer(needed.value)
    to_buffer(handle, buf, needed.value, byref(needed))
    return buf.raw[:needed.value]


class KMeans(Handle):
    """k-means with k-means++ seeds, n_init restarts and k chosen over a range."""

    _FREE = "kmeans_free"

    def __init__(self, k=None, n_init=None, max_iterations=None, tolerance=None, seed=None,
                 silhouette_sample=None, selection=None, threads=None, scaling=None, log1p=None):
        """k: an int, or (k_min, k_max) to choose by `selection` ("silhouette" or "elbow").
        scaling: "zscore" (default), "robust" or "none"; log1p: columns taken as log(1 + x)."""
        o = defaults(KMeansOptions, "kmeans_options")
        if k is not None:
            lo, hi = (k, k) if np.ndim(k) == 0 else tuple(k)
            o.k_min, o.k_max = int_arg(lo, "k"), int_arg(hi, "k")
        for name in ("n_init", "max_iterations", "threads"):
            value = locals()[name]
            if value is not None:
                setattr(o, name, int_arg(value, name))
        if tolerance is not None:
            o.tolerance = float(tolerance)
        if seed is not None:
            o.seed = int_arg(seed, "seed", 0, 2**64 - 1)
        if silhouette_sample is not None:
            o.silhouette_sample = int_arg(silhouette_sample, "silhouette_sample", 0, 2**63 - 1)
        if selection is not None:
            o.selection = enum_code("k_selection", selection)
        if scaling is not None:
            o.scaling = enum_code("scaling", scaling)
        self._log1p = c_strings(log1p, "log1p")
        o.log1p, o.log1p_count = self._log1p
        self._options = o
        self.labels = None

    def _closed_message(self):
        return "KMeans is not fitted: call fit() or KMeans.load()"

    def _adopt(self, handle):
        self.close()
        self._handle = handle
        return self

    def fit(self, X, feature_names=None, value_column=None):
        """Fits on every column of X; value_column (a column of X) gives segment value shares.
        Sets labels (segment per row, 0 = the largest segment) and returns self."""
        table = FeatureTable(X, feature_names)
        o = self._options
        o.value_column = None if value_column is None else text_arg(value_column, "value_column")
        labels = np.empty(max(table.n, 1), dtype=np.intc)
        handle = POINTER(crm_kmeans)()
        lib.kmeans_fit(byref(handle), *table.args(), byref(o), ptr(labels, c_int))
        self.labels = labels[:table.n]
        return self._adopt(handle)

    def _info(self):
        info = new(KMeansInfo)
        lib.kmeans_info_get(self._live(), byref(info))
        return info

    k = property(lambda self: self._info().k, doc='Number of clusters (chosen by the fit when a range of k was given).')
    inertia = property(lambda self: self._info().inertia, doc='Within-cluster sum of squares of the fit; NaN for a loaded model.')
    silhouette = property(lambda self: self._info().silhouette, doc='Mean silhouette of the fit (-1..1, higher is better separated); NaN for a loaded model.')

    @property
    def feature_names(self):
        """The features the clustering was fitted on, in order."""
        return [text(lib.kmeans_feature_name, self._live(), j) for j in range(self._info().features)]

    @property
    def centers(self):
        """Centres in data units: a k x features array (columns in feature_names order)."""
        info = self._info()
        out = np.empty((info.k, info.features))
        lib.kmeans_centers(self._live(), ptr(out, c_double), out.size)
        return out

    @property
    def scores(self):
        """Every k tried: [{"k", "inertia", "silhouette"}] (InvalidState for a loaded model)."""
        count = c_size_t()
        lib.kmeans_scores(self._live(), None, None, None, 0, byref(count))
        n = count.value
        ks, inertia, sil = np.empty(n, dtype=np.intc), np.empty(n), np.empty(n)
        lib.kmeans_scores(self._live(), ptr(ks, c_int), ptr(inertia, c_double), ptr(sil, c_double), n,
                          byref(count))
        return [{"k": int(a), "inertia": float(b), "silhouette": float(c)} for a, b, c in zip(ks, inertia, sil)]

    @property
    def profiles(self):
        """Per segment: size, share, mean per feature (dict, data units), value share."""
        info = self._info()
        k, p = info.k, info.features
        sizes, shares, means = np.empty(k, dtype=np.uintp), np.empty(k), np.empty((k, p))
        lib.kmeans_profiles(self._live(), ptr(sizes, c_size_t), ptr(shares, c_double),
                            ptr(means, c_double), k)
        names, total = self.feature_names, float(sizes.sum())
        return [{"segment": s, "size": int(sizes[s]), "share": float(sizes[s]) / total,
                 "mean": dict(zip(names, means[s].tolist())), "value_share": float(shares[s])}
                for s in range(k)]

    def assign(self, X, feature_names=None):
        """Segment of each row of new data (needs the model's feature names)."""
        table = FeatureTable(X, feature_names)
        out = np.empty(max(table.n, 1), dtype=np.intc)
        lib.kmeans_assign(self._live(), *table.args(), ptr(out, c_int))
        return out[:table.n]

    def save(self, path):
        """Writes the fitted clustering to a file (crmkit.IoError if it cannot be written)."""
        lib.kmeans_save(self._live(), text_arg(path, "path"))

    def to_bytes(self):
        """The fitted clustering as bytes, in the format save() writes."""
        return _handle_bytes(lib.kmeans_to_buffer, self._live())

    @classmethod
    def load(cls, path):
        """Reads a clustering written by save() (crmkit.CorruptData if the file fails its checks)."""
        handle = POINTER(crm_kmeans)()
        lib.kmeans_load(byref(handle), text_arg(path, "path"))
        return cls()._adopt(handle)

    @classmethod
    def from_bytes(cls, data):
        """A clustering from bytes made by to_bytes()."""
        data = bytes(data)
        handle = POINTER(crm_kmeans)()
        lib.kmeans_from_buffer(byref(handle), data, len(data))
        return cls()._adopt(handle)
