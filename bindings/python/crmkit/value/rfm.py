"""RFM scores, codes and segments (crmkit::value::score_rfm, capi/value/rfm.cpp).

    r = crmkit.value.score_rfm(days_since_last, purchases, monetary)
    r.code, r.segment_labels, dict(zip(r.segment_names, r.segment_sizes))
"""
import ctypes
from ctypes import POINTER, byref, c_char_p, c_double, c_size_t, c_uint8
from types import SimpleNamespace

import numpy as np

from .._convert import f64, int_arg, ptr, text
from .._lib import Handle, RfmOptions, RfmResult, crm_segment_rules, defaults, lib, new, text_arg

MAX_BINS = 9  # CRM_RFM_MAX_BINS


class SegmentRules(Handle):
    """RFM segment rules (first match wins; unmatched customers are "other"). A C handle:
    use as a context manager or call close(); freed exactly once."""

    _FREE = "segment_rules_free"

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def standard(cls, names=None):
        """The 11 standard R x F segments, or the ones named, in that order (unknown names
        raise InvalidArgument)."""
        handle = POINTER(crm_segment_rules)()
        if names is None:
            lib.segment_rules_standard(byref(handle), None, 0)
        else:
            names = [text_arg(n, "names") for n in names]
            lib.segment_rules_standard(byref(handle), (c_char_p * len(names))(*names), len(names))
        return cls(handle)

    @classmethod
    def parse(cls, rules):
        """Rules from text, e.g. "vip: r=4-5 f=5; sleeping: r=1" (ParseError naming the rule)."""
        handle = POINTER(crm_segment_rules)()
        lib.segment_rules_parse(byref(handle), text_arg(rules, "rules"))
        return cls(handle)

    def _closed_message(self):
        return "segment rules are closed"

    def __len__(self):
        n = c_size_t()
        lib.segment_rules_count(self._live(), byref(n))
        return n.value

    def __repr__(self):
        return "<SegmentRules: %s>" % (", ".join(self.names) if self._handle else "closed")

    @property
    def names(self):
        """The rules' names, then "other" (index = segment code)."""
        return [text(lib.segment_rules_name, self._live(), i) for i in range(len(self) + 1)]

    def find(self, name):
        """The segment index of the rule called `name` (crmkit.InvalidArgument if there is none)."""
        index = c_size_t()
        lib.segment_rules_find(self._live(), text_arg(name, "name"), byref(index))
        return index.value

    def segment_of(self, r, f, m):
        """Segment index of one customer's scores (e.g. at a till with frozen cuts)."""
        index = c_size_t()
        lib.segment_of(self._live(), int_arg(r, "r"), int_arg(f, "f"), int_arg(m, "m"), byref(index))
        return index.value


def _rules(segments):
    """A SegmentRules (and whether it is ours to close) from None, rules, text or names."""
    if segments is None:
        return SegmentRules.standard(), True
    if isinstance(segments, SegmentRules):
        return segments, False
    if isinstance(segments, str):
        return SegmentRules.parse(segments), True
    return SegmentRules.standard(segments), True


def rfm_columns(summary):
    """days_since_last, purchases, monetary of a crmkit.value.Summary, as crmkit::value::
    rfm_columns defines them: days since the last purchase at the observation end (never the
    summary's t_x `recency`), calibration purchases, total calibration spend."""
    return (summary.end - summary.last, summary.purchases.astype(np.float64), summary.total_value)


def score_rfm(days_since_last, purchases, monetary, *, bins=None, days_since_last_cuts=None,
              purchases_cuts=None, monetary_cuts=None, segments=None):
    """RFM scores 1..bins (quantile bins, equal values share a score; or caller cuts, bins - 1
    strictly increasing values per dimension), the code 100 R + 10 F + M and the segment.

    days_since_last: time since the last purchase (small = recent); purchases: transactions;
    monetary: total or mean spend. bins: None for the library's default (5). segments: None
    (the 11 standard rules), a SegmentRules, rule text ("vip: r=4-5 f=5; ...") or a list of
    standard rule names.

    Returns an object with recency_score, frequency_score, monetary_score, code, segment
    (arrays), segment_names, segment_sizes, segment_labels (name per customer), bins and
    cuts (dict of the cuts used per dimension; pass them back to score a later period)."""
    d = f64(days_since_last, "days_since_last")
    n = d.shape[0]
    p, m = f64(purchases, "purchases", n), f64(monetary, "monetary", n)
    cuts = {name: None if c is None else f64(c, name + "_cuts")
            for name, c in (("days_since_last", days_since_last_cuts),
                            ("purchases", purchases_cuts), ("monetary", monetary_cuts))}
    rules, owned = _rules(segments)
    try:
        names = rules.names
        opts = defaults(RfmOptions, "rfm_options")
        if bins is not None:
            opts.bins = int_arg(bins, "bins")
        for name, c in cuts.items():
            if c is not None:
                setattr(opts, name + "_cuts", ptr(c, c_double))
                setattr(opts, name + "_cut_count", c.shape[0])
        opts.segments = rules._live()
        result = SimpleNamespace(
            recency_score=np.empty(n, np.uint8), frequency_score=np.empty(n, np.uint8),
            monetary_score=np.empty(n, np.uint8), code=np.empty(n, np.uint16),
            segment=np.empty(n, np.uint8), segment_sizes=np.empty(len(names), np.uintp))
        cut_out = {name: np.empty(MAX_BINS - 1) for name in cuts}
        out = new(RfmResult, recency_score=ptr(result.recency_score, c_uint8),
                  frequency_score=ptr(result.frequency_score, c_uint8),
                  monetary_score=ptr(result.monetary_score, c_uint8),
                  code=result.code.ctypes.data_as(POINTER(ctypes.c_uint16)),
                  segment=ptr(result.segment, c_uint8),
                  segment_sizes=ptr(result.segment_sizes, c_size_t), segment_capacity=len(names),
                  cut_capacity=MAX_BINS - 1,
                  **{name + "_cuts": ptr(a, c_double) for name, a in cut_out.items()})
        lib.rfm_score(ptr(d, c_double), ptr(p, c_double), ptr(m, c_double), n, byref(opts),
                      byref(out))
    finally:
        if owned:
            rules.close()
    result.bins = out.bins
    result.segment_names = names
    result.segment_labels = np.array(names, dtype=object)[result.segment]
    result.cuts = {name: a[:out.bins - 1].copy() for name, a in cut_out.items()}
    return result
