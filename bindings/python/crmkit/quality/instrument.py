"""Survey instruments (crmkit::quality::Instrument, capi/quality/instrument.cpp).

    with Instrument.servqual("1988") as sq:
        sq.dimensions, sq.item_ids, sq.columns("E")    # "E1".."E22"
"""
import ctypes
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_size_t

import numpy as np

from .._convert import int_arg, text
from .._lib import Handle, crm_instrument, enum_code, enum_names, lib, text_arg

SERVQUAL_VERSIONS = enum_names("servqual_version")  # ("1991", "1988")
MISSING_POLICIES = enum_names("missing_policy")     # ("listwise", "pairwise", "dimension-mean")


def _scale(scale):
    lo, hi = scale
    return float(lo), float(hi)


class Instrument(Handle):
    """Dimensions of items on a rating scale (some reverse-coded). A C handle: use as a context
    manager or call close(); freed exactly once. Immutable, so it may be shared by threads."""

    _FREE = "instrument_free"

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def _make(cls, make, *args):
        handle = POINTER(crm_instrument)()
        make(byref(handle), *args)
        return cls(handle)

    @classmethod
    def servqual(cls, version="1991", scale=(1, 7)):
        """SERVQUAL's 22 items in five dimensions; version "1991" or "1988" (statements 10-13
        and 18-22 reverse-coded)."""
        return cls._make(lib.instrument_servqual, enum_code("servqual_version", version),
                         *_scale(scale))

    @classmethod
    def audit(cls):
        """The customer-orientation self-audit: 40 items in 7 categories on 1-5."""
        return cls._make(lib.instrument_audit)

    @classmethod
    def employee_satisfaction(cls, items, scale=(1, 5)):
        """Employee satisfaction with the caller's items: `items` holds five lists (job,
        workplace, working conditions, organisation and personnel, company image), each entry
        an id, (id, wording) or (id, wording, reverse_coded)."""
        items = [list(group) for group in items]
        flat = [(entry,) if isinstance(entry, str) else tuple(entry) for g in items for entry in g]
        ids = (c_char_p * len(flat))(*[text_arg(e[0], "item id") for e in flat])
        texts = (c_char_p * len(flat))(*[text_arg(e[1] if len(e) > 1 else "", "item text")
                                         for e in flat])
        reverse = (c_int * len(flat))(*[int(bool(e[2])) if len(e) > 2 else 0 for e in flat])
        counts = (c_size_t * len(items))(*[len(g) for g in items])
        return cls._make(lib.instrument_employee, ids, texts, reverse, counts, len(items),
                         *_scale(scale))

    @classmethod
    def parse(cls, definition, source=None):
        """An instrument from the text format of the README (ParseError "SOURCE:LINE: ...")."""
        return cls._make(lib.instrument_parse, text_arg(definition, "definition"),
                         None if source is None else text_arg(source, "source"))

    @classmethod
    def read(cls, path):
        """An instrument from a file in the text format (IoError when it cannot be read)."""
        return cls._make(lib.instrument_read, text_arg(path, "path"))

    def _closed_message(self):
        return "the instrument is closed"

    def _count(self, getter):
        n = c_size_t()
        getter(self._live(), byref(n))
        return n.value

    def __len__(self):
        return self._count(lib.instrument_item_count)

    def __repr__(self):
        if not self._handle:
            return "<Instrument: closed>"
        return "<Instrument %r: %d items in %d dimensions>" % (self.name, len(self), len(self.dimensions))

    @property
    def name(self):
        """The instrument's name."""
        return text(lambda h, _i, buf, n, out: lib.instrument_name(h, buf, n, out), self._live(), 0)

    @property
    def scale(self):
        """The answer scale as (lowest, highest), e.g. (1.0, 7.0)."""
        lo, hi = c_double(), c_double()
        lib.instrument_scale(self._live(), byref(lo), byref(hi))
        return lo.value, hi.value

    @property
    def dimensions(self):
        """Dimension names in order."""
        count = self._count(lib.instrument_dimension_count)
        return [text(lib.instrument_dimension_name, self._live(), d) for d in range(count)]

    @property
    def item_ids(self):
        """Item ids in column order (dimension by dimension)."""
        return [text(lib.instrument_item_id, self._live(), i) for i in range(len(self))]

    @property
    def item_texts(self):
        """Item wordings in column order (as shown to respondents)."""
        return [text(lib.instrument_item_text, self._live(), i) for i in range(len(self))]

    @property
    def reverse_coded(self):
        """A bool array: which items are reversed (min + max - answer) before any statistic."""
        flag = c_int()
        out = np.zeros(len(self), dtype=bool)
        for i in range(out.shape[0]):
            lib.instrument_item_reverse_coded(self._live(), i, byref(flag))
            out[i] = bool(flag.value)
        return out

    def dimension_items(self, dimension):
        """The columns of dimension `dimension` (an index or a name), as a range."""
        if isinstance(dimension, str):
            names = self.dimensions
            if dimension not in names:
                raise ValueError("no dimension %r (dimensions: %s)" % (dimension, ", ".join(names)))
            dimension = names.index(dimension)
        first, count = c_size_t(), c_size_t()
        lib.instrument_dimension_items(self._live(), int_arg(dimension, "dimension", 0, 2**63 - 1),
                                       byref(first), byref(count))
        return range(first.value, first.value + count.value)

    def columns(self, prefix):
        """The survey column names prefix + item id ("E1".."E22" for prefix "E")."""
        return [prefix + i for i in self.item_ids]


def answers(values, instrument, name):
    """A respondents x items float64 matrix, C-ordered (no copy when it already is), NaN for
    unanswered items; a 1-d sequence is one respondent."""
    arr = np.ascontiguousarray(values, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    items = len(instrument)
    if arr.ndim != 2 or arr.shape[1] != items:
        raise ValueError("%s must be respondents x %d items (the instrument's), got shape %s"
                         % (name, items, arr.shape))
    return arr


def missing_options(opts, missing, min_answered):
    """Fill the missing-answer fields of an options struct (None keeps the library default)."""
    if missing is not None:
        opts.missing = enum_code("missing_policy", missing)
    if min_answered is not None:
        opts.min_answered = int_arg(min_answered, "min_answered", 0, 2**63 - 1)
    return opts


def f64_ptr(arr):
    """A ctypes double pointer to a float64 array's data (no copy)."""
    return arr.ctypes.data_as(POINTER(ctypes.c_double))
