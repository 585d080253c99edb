"""Conversions at the binding boundary, shared by every module: arrays passed to C without
copying when they already have the C type, and every narrowing checked — a float id, a code
above 255 or an int beyond C's range raises instead of silently becoming another value."""
import ctypes
import datetime as _dt
from ctypes import POINTER, byref, c_size_t

import numpy as np

from ._lib import BufferTooSmall, parse_time, text_arg

_EPOCH = np.datetime64("1970-01-01T00:00:00", "us")
_INT_RANGES = {np.int64: (-2**63, 2**63 - 1), np.uint8: (0, 255), np.int32: (-2**31, 2**31 - 1)}


def array(values, dtype, name, n=None):
    """A contiguous 1-d array of dtype (no copy when already so) with n entries if given.
    Integer dtypes accept only values that are exactly integers in the type's range."""
    if dtype in _INT_RANGES:
        arr = _exact_integers(values, dtype, name)
    else:
        arr = np.ascontiguousarray(values, dtype=dtype)
    if arr.ndim != 1 or (n is not None and arr.shape[0] != n):
        raise ValueError("%s must be one-dimensional%s, got shape %s"
                         % (name, "" if n is None else " with %d values" % n, arr.shape))
    return arr


def _exact_integers(values, dtype, name):
    lo, hi = _INT_RANGES[dtype]
    arr = np.asarray(values)
    if arr.dtype == dtype:
        return np.ascontiguousarray(arr)
    if arr.dtype.kind in "iu":
        if arr.size and (int(arr.min()) < lo or int(arr.max()) > hi):
            bad = int(np.flatnonzero((arr < lo) | (arr > hi))[0])
            raise ValueError("%s[%d] = %d is outside %d..%d" % (name, bad, int(arr.ravel()[bad]), lo, hi))
        return np.ascontiguousarray(arr, dtype=dtype)
    if arr.dtype.kind == "b":
        return np.ascontiguousarray(arr, dtype=dtype)
    if arr.dtype.kind == "f":
        flat = arr.ravel()
        # 2**63 is not representable in int64, so the upper test is strict on the float.
        ok = np.isfinite(flat) & (flat == np.floor(flat)) & (flat >= lo) & (flat < float(hi) + 1)
        if not ok.all():
            bad = int(np.flatnonzero(~ok)[0])
            raise ValueError("%s[%d] = %r is not a whole number in %d..%d"
                             % (name, bad, float(flat[bad]), lo, hi))
        return np.ascontiguousarray(arr, dtype=dtype)
    if arr.dtype.kind == "O" or arr.ndim == 0:
        flat = [v for v in np.atleast_1d(arr).ravel()]
        for i, v in enumerate(flat):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= int(v) <= hi:
                raise ValueError("%s[%d] = %r is not a whole number in %d..%d" % (name, i, v, lo, hi))
        return np.array(flat, dtype=dtype).reshape(arr.shape)
    raise ValueError("%s must hold whole numbers, got %s values" % (name, arr.dtype))


def f64(values, name, n=None):
    return array(values, np.float64, name, n)


def matrix(values, name, rows=None, columns=None):
    """A C-ordered 2-d float64 array (no copy when already so), optionally of a given shape."""
    arr = np.ascontiguousarray(values, dtype=np.float64)
    if arr.ndim != 2 or (rows is not None and arr.shape[0] != rows) or \
            (columns is not None and arr.shape[1] != columns):
        want = "%s x %s" % (rows if rows is not None else "n", columns if columns is not None else "m")
        raise ValueError("%s must be a %s matrix, got shape %s" % (name, want, arr.shape))
    return arr


def int_arg(value, name, low=-2**31, high=2**31 - 1):
    """A whole-number option for a C integer (a C int unless low/high say otherwise): exact
    and in range (2**32 + 5 is not 5)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            value = int(value)
        else:
            raise ValueError("%s must be a whole number, got %r" % (name, value))
    if not low <= int(value) <= high:
        raise ValueError("%s = %d is outside %d..%d" % (name, int(value), low, high))
    return int(value)


def codes(values, names, name, n=None):
    """uint8 codes from codes (checked to be values of the enum) or from names."""
    arr = np.asarray(values)
    if arr.dtype.kind in "USO" and arr.size and all(isinstance(v, str) for v in arr.ravel()):
        lookup = {label: code for code, label in enumerate(names)}
        try:
            arr = np.array([lookup[str(v)] for v in arr.ravel()], dtype=np.uint8)
        except KeyError as e:
            raise ValueError("%s: unknown name %s (known: %s)" % (name, e, ", ".join(names))) from None
    return array(arr, np.uint8, name, n)


def ptr(arr, ctype):
    return arr.ctypes.data_as(POINTER(ctype))


def optional(arr, ctype):
    return None if arr is None else ptr(arr, ctype)


def days(values):
    """A float64 array of day numbers, from numbers (taken as day numbers), datetime64, or
    ISO texts ("2026-11-24", "2026-11-24 10:30")."""
    arr = np.asarray(values)
    if np.issubdtype(arr.dtype, np.datetime64):
        return (arr.astype("datetime64[us]") - _EPOCH) / np.timedelta64(86400000000, "us")
    if arr.dtype.kind in "USO" and arr.size and all(isinstance(v, str) for v in arr.ravel()):
        return np.array([parse_time(v) for v in arr.ravel()], dtype=np.float64).reshape(arr.shape)
    return np.ascontiguousarray(arr, dtype=np.float64)


def day(value):
    """One time as a day number: a number, an ISO text, a date/datetime or a datetime64."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_time(value)
    if isinstance(value, (_dt.date, np.datetime64)):
        return float(days(np.datetime64(value)))
    return float(value)


def text(getter, handle, i):
    """A NUL-terminated string from a buf/len/out_len function (CRM_EBUFS tells the size)."""
    needed = c_size_t()
    try:
        getter(handle, i, None, 0, byref(needed))
    except BufferTooSmall:  # asked for the length only
        pass
    buf = ctypes.create_string_buffer(needed.value + 1)
    getter(handle, i, buf, len(buf), byref(needed))
    return buf.value.decode("utf-8", "replace")


def struct_dict(struct):
    """The fields of a result struct, but its version, as a dict."""
    return {name: getattr(struct, name) for name, _ in struct._fields_[1:]}


class FeatureTable:
    """Named feature columns for the C API's column-major tables (crm_kmeans_*, crm_churn_*):
    from a mapping {name: column} (a dict, or anything with keys() and [] such as a pandas
    DataFrame), or a 2-d array of rows with `names`. Columns are checked to be
    one-dimensional and of one length; non-finite values are named by the library."""

    def __init__(self, data, names=None, what="X"):
        if hasattr(data, "keys") and names is None:
            names = [str(k) for k in data.keys()]
            cols = [np.asarray(data[k], dtype=np.float64) for k in data.keys()]
            for name, col in zip(names, cols):
                if col.ndim != 1:
                    raise ValueError("%s column %r must be one-dimensional, got shape %s" % (what, name, col.shape))
                if col.shape[0] != cols[0].shape[0]:
                    raise ValueError("%s column %r has %d rows, column %r has %d"
                                     % (what, name, col.shape[0], names[0], cols[0].shape[0]))
            block = np.array(cols, dtype=np.float64) if cols else np.empty((0, 0))
        else:
            rows = np.asarray(data, dtype=np.float64)
            if rows.ndim != 2:
                raise ValueError("%s must be a 2-d array of rows (or a mapping of named columns), got shape %s"
                                 % (what, rows.shape))
            if names is None:
                raise ValueError("%s: feature names are needed with a 2-d array (names=[...])" % what)
            names = [str(n) for n in names]
            if len(names) != rows.shape[1]:
                raise ValueError("%s has %d columns but %d names" % (what, rows.shape[1], len(names)))
            block = rows.T
        self.names = names
        self.values = np.ascontiguousarray(block, dtype=np.float64)  # p x n: column-major n x p
        self.p = len(names)
        self.n = self.values.shape[1] if self.p else 0
        self._c_names = (ctypes.c_char_p * max(1, self.p))(*[text_arg(n, "feature name") for n in names])

    def args(self):
        """(x, n, p, names) for the C functions."""
        return ptr(self.values, ctypes.c_double), self.n, self.p, self._c_names


def c_strings(values, name):
    """A ctypes array of C strings (and its length) from a sequence of texts; (None, 0) for none."""
    values = [] if values is None else ([values] if isinstance(values, str) else list(values))
    if not values:
        return None, 0
    return (ctypes.c_char_p * len(values))(*[text_arg(v, name) for v in values]), len(values)
