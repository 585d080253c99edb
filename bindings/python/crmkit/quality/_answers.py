"""Answer matrices at the binding boundary, shared by the quality modules: respondents x
items, C-ordered float64 (passed without copying when already so), NaN = unanswered."""
import numpy as np


def matrix(values, name, items=None):
    """A C-contiguous 2-d float64 array (a 1-d sequence is one item per respondent) with
    `items` columns if given."""
    arr = np.ascontiguousarray(values, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2 or (items is not None and arr.shape[1] != items):
        raise ValueError("%s must be a respondents x items matrix%s, got shape %s"
                         % (name, "" if items is None else " with %d items" % items, arr.shape))
    return arr


def scale_pair(scale):
    """(min, max) of a rating scale from a pair."""
    lo, hi = scale
    return float(lo), float(hi)
