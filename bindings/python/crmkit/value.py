"""Customer value: transaction logs to per-customer summaries (crmkit::value)."""
import ctypes
import datetime as _dt
from ctypes import byref, c_double, c_int64, c_size_t, c_void_p

import numpy as np

from ._lib import CsvOptions, Handle, SummaryColumns, SummaryInfo, SummaryOptions, lib, parse_time

_UNITS = {"day": 0, "week": 1, "month": 2}
_EPOCH = np.datetime64("1970-01-01T00:00:00", "us")


def _unit_code(unit):
    try:
        return _UNITS[unit]
    except KeyError:
        raise ValueError("unknown time unit %r (expected day, week or month)" % (unit,)) from None


def _days(values):
    """A float64 array of day numbers, from numbers (taken as day numbers) or datetime64."""
    arr = np.asarray(values)
    if np.issubdtype(arr.dtype, np.datetime64):
        return (arr.astype("datetime64[us]") - _EPOCH) / np.timedelta64(86400000000, "us")
    return np.ascontiguousarray(arr, dtype=np.float64)


def _day(value):
    """One time as a day number: a number, an ISO text, a date/datetime or a datetime64."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_time(value)
    if isinstance(value, (_dt.date, np.datetime64)):
        return float(_days(np.datetime64(value)))
    return float(value)


def _f64(values, n, name):
    arr = np.ascontiguousarray(values, dtype=np.float64)  # no copy when already float64
    if arr.ndim != 1 or arr.shape[0] != n:
        raise ValueError("%s must be one-dimensional with %d values, got shape %s" % (name, n, arr.shape))
    return arr


def _options(unit, merge_same_day, end, holdout_end, drop_late, expected_customers=0):
    o = SummaryOptions(2, _unit_code(unit), int(bool(merge_same_day)), 0, 0.0, 0, 0.0,
                       int(bool(drop_late)), int(expected_customers))
    end, holdout_end = _day(end), _day(holdout_end)
    if end is not None:
        o.has_end, o.end = 1, end
    if holdout_end is not None:
        o.has_holdout_end, o.holdout_end = 1, holdout_end
    return o


def _ptr(arr, ctype):
    return arr.ctypes.data_as(ctypes.POINTER(ctype))


class Summary:
    """Per-customer summary table; every column is a NumPy array of one value per customer.

    Columns: customer_id, first, last (day numbers), purchases, frequency (x), recency (t_x),
    T, total_value, monetary_value (mean repeat spend), holdout_frequency, holdout_value.
    Attributes: end, holdout_end, unit, sales, merged_sales, dropped_sales,
    holdout_only_customers.
    """

    COLUMNS = ("customer_id", "frequency", "recency", "T", "monetary_value", "first", "last",
               "purchases", "total_value", "holdout_frequency", "holdout_value")

    def __init__(self, handle, text_keys):
        try:
            n = c_size_t()
            lib.summary_count(handle, byref(n))
            n = n.value
            cols = SummaryColumns()
            cols.version = 1
            for name, ctype in SummaryColumns._fields_[1:]:
                arr = np.empty(n, dtype=np.int64 if ctype is ctypes.POINTER(c_int64) else np.float64)
                setattr(self, name, arr)
                setattr(cols, name, arr.ctypes.data_as(ctype))
            lib.summary_get(handle, byref(cols), n)
            info = SummaryInfo()
            info.version = 1
            lib.summary_get_info(handle, byref(info))
            self.end = info.end
            self.holdout_end = None if np.isnan(info.holdout_end) else info.holdout_end
            self.unit = {v: k for k, v in _UNITS.items()}[info.unit]
            self.sales, self.merged_sales = info.sales, info.merged_sales
            self.dropped_sales = info.dropped_sales
            self.holdout_only_customers = info.holdout_only_customers
            if text_keys:
                self.customer_id = np.array([_key(handle, i) for i in range(n)], dtype=object)
        finally:
            lib.summary_free(handle)

    def __len__(self):
        return len(self.frequency)

    def to_dict(self):
        """Columns by name (what pandas.DataFrame(...) takes)."""
        return {name: getattr(self, name) for name in self.COLUMNS}


def _key(handle, i):
    needed = c_size_t()
    buf = ctypes.create_string_buffer(64)
    try:
        lib.summary_key(handle, i, buf, len(buf), byref(needed))
    except Exception:
        buf = ctypes.create_string_buffer(needed.value + 1)
        lib.summary_key(handle, i, buf, len(buf), byref(needed))
    return buf.value.decode("utf-8", "replace")


def summarize(customers, times, amounts=None, *, unit="week", merge_same_day=False, end=None,
              holdout_end=None, drop_late=False, expected_customers=0):
    """Summarise sales given as columns: customer ids (int64), times (day numbers or
    datetime64) and amounts (>= 0; None for no spend). Any order is accepted.

    end / holdout_end: a number (day), ISO text, date or datetime64. Sales in
    (end, holdout_end] form the holdout; sales after the last end raise InvalidArgument
    unless drop_late. expected_customers (optional) makes room up front: faster for large
    bases, same result.
    """
    c = np.ascontiguousarray(customers, dtype=np.int64)
    if c.ndim != 1:
        raise ValueError("customers must be one-dimensional")
    n = c.shape[0]
    t = _f64(_days(times), n, "times")
    a = np.zeros(n) if amounts is None else _f64(amounts, n, "amounts")
    handle = c_void_p()
    lib.summarize(byref(handle), _ptr(c, c_int64), _ptr(t, c_double), _ptr(a, c_double), n,
                  byref(_options(unit, merge_same_day, end, holdout_end, drop_late,
                                 expected_customers)))
    return Summary(handle, text_keys=False)


def summarize_csv(path, *, customer="customer_id", time="date", amount="amount",
                  time_format="iso", delimiter=None, header=True, unit="week",
                  merge_same_day=False, end=None, holdout_end=None, drop_late=False):
    """Summarise a transaction log file in one streaming pass. Columns are names, or 1-based
    numbers as text ("2") when header=False; amount=None for a log without amounts;
    delimiter None detects it, " " means runs of blanks. customer_id holds the text keys."""
    csv = CsvOptions(1, (delimiter or "\0").encode(), int(bool(header)), str(customer).encode(),
                     str(time).encode(), None if amount is None else str(amount).encode(),
                     time_format.encode())
    handle = c_void_p()
    lib.summarize_csv(byref(handle), str(path).encode(), byref(csv),
                      byref(_options(unit, merge_same_day, end, holdout_end, drop_late)))
    return Summary(handle, text_keys=True)


class Ledger(Handle):
    """A running summary fed one sale at a time (O(1) per sale), as at a till.

    Use as a context manager, or call close(); the C handle is freed exactly once.
    """

    _FREE = "ledger_free"

    def __init__(self, *, unit="week", merge_same_day=False, end=None, holdout_end=None,
                 drop_late=False):
        self._handle = c_void_p()
        lib.ledger_create(byref(self._handle),
                          byref(_options(unit, merge_same_day, end, holdout_end, drop_late)))

    def _closed_message(self):
        return "ledger is closed"

    def add_sale(self, customer, time, amount=0.0):
        lib.ledger_add_sale(self._live(), int(customer), _day(time), float(amount))

    def add_sales(self, customers, times, amounts=None):
        """Adds sales in order; stops at the first bad one (raising) after recording those
        before it. Returns the number recorded."""
        c = np.ascontiguousarray(customers, dtype=np.int64)
        n = c.shape[0]
        t = _f64(_days(times), n, "times")
        a = np.zeros(n) if amounts is None else _f64(amounts, n, "amounts")
        added = c_size_t()
        lib.ledger_add_sales(self._live(), _ptr(c, c_int64), _ptr(t, c_double), _ptr(a, c_double),
                             n, byref(added))
        return added.value

    def __len__(self):
        n = c_size_t()
        lib.ledger_count(self._live(), byref(n))
        return n.value

    def summary(self):
        handle = c_void_p()
        lib.ledger_summary(self._live(), byref(handle))
        return Summary(handle, text_keys=False)



def cumulative_repeat_transactions(customers, times, origin, periods, *, unit="week",
                                   merge_same_day=False):
    """Cumulative repeat transactions at the end of periods 1..periods from origin."""
    c = np.ascontiguousarray(customers, dtype=np.int64)
    n = c.shape[0]
    t = _f64(_days(times), n, "times")
    out = np.empty(int(periods), dtype=np.int64)
    lib.cumulative_repeat_transactions(_ptr(c, c_int64), _ptr(t, c_double), n, _day(origin),
                                       _unit_code(unit), int(bool(merge_same_day)),
                                       _ptr(out, c_int64), out.shape[0])
    return out


# ---- customer lifetime value (models in clv.py) ------------------------------------------
from .clv import (  # noqa: E402,F401
    BetaGeo,
    BetaGeoBetaBinom,
    GammaGamma,
    ModifiedBetaGeo,
    ParetoNbd,
    load_model,
)


# ---- customer value tiers: RFM, concentration, pyramid, status, loyalty, retention (tiers.py)
from .tiers import (  # noqa: E402,F401
    ABSENT,
    STAGES,
    STATUSES,
    TIERS,
    SegmentRules,
    assign_tiers,
    at_risk_campaign,
    campaign_payback,
    classify_status,
    concentration,
    default_loyalty_drivers,
    loyalty_index,
    relationship_stages,
    rfm_columns,
    score_rfm,
    status_of,
    tier_migration,
    tier_table,
    value_at_risk,
)
