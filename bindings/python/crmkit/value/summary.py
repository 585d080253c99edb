"""Customer summaries: transaction logs to per-customer x, t_x, T and spend
(crmkit::value::summarize, capi/value/summary.cpp)."""
import ctypes
from ctypes import POINTER, byref, c_double, c_int, c_int64, c_size_t

import numpy as np

from .._convert import array, day, days, f64, int_arg, ptr, text
from .._lib import text_arg
from .._lib import (CsvOptions, Handle, SummaryColumns, SummaryInfo, SummaryOptions, crm_ledger,
                    crm_summary, defaults, enum_code, enum_names, lib, new)

UNITS = enum_names("time_unit")  # ("day", "week", "month"), from the library


def _options(unit, merge_same_day, end, holdout_end, drop_late, expected_customers=None):
    """crm_summary_options from the library's defaults; None keeps a default."""
    o = defaults(SummaryOptions, "summary_options")
    if unit is not None:
        o.unit = enum_code("time_unit", unit)
    if merge_same_day is not None:
        o.merge_same_day = int(bool(merge_same_day))
    if drop_late is not None:
        o.drop_late = int(bool(drop_late))
    if expected_customers is not None:
        o.expected_customers = int_arg(expected_customers, "expected_customers", 0, 2**64 - 1)
    end, holdout_end = day(end), day(holdout_end)
    if end is not None:
        o.has_end, o.end = 1, end
    if holdout_end is not None:
        o.has_holdout_end, o.holdout_end = 1, holdout_end
    return o


def _date(day_number):
    """A day number as an ISO date (with the time of day when it has one)."""
    t = np.datetime64("1970-01-01T00:00:00", "s") + np.timedelta64(int(round(day_number * 86400)), "s")
    text = str(t)
    return text[:10] if text.endswith("T00:00:00") else text.replace("T", " ")


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
            cols = new(SummaryColumns)
            for name, ctype in SummaryColumns._fields_[1:]:
                arr = np.empty(n, dtype=np.int64 if ctype is ctypes.POINTER(c_int64) else np.float64)
                setattr(self, name, arr)
                setattr(cols, name, arr.ctypes.data_as(ctype))
            lib.summary_get(handle, byref(cols), n, None)
            info = new(SummaryInfo)
            lib.summary_get_info(handle, byref(info))
            self.end = info.end
            self.holdout_end = None if np.isnan(info.holdout_end) else info.holdout_end
            self.unit = UNITS[info.unit]
            self.sales, self.merged_sales = info.sales, info.merged_sales
            self.dropped_sales = info.dropped_sales
            self.holdout_only_customers = info.holdout_only_customers
            if text_keys:
                self.customer_id = np.array([text(lib.summary_key, handle, i) for i in range(n)],
                                            dtype=object)
        finally:
            lib.summary_free(handle)

    def __len__(self):
        return len(self.frequency)

    def __repr__(self):
        return ("<Summary: %d customers, %d sales (%d merged, %d dropped), unit %s, end %s%s>"
                % (len(self), self.sales, self.merged_sales, self.dropped_sales, self.unit,
                   _date(self.end), "" if self.holdout_end is None else
                   ", holdout to %s" % _date(self.holdout_end)))

    def to_dict(self):
        """Columns by name (what pandas.DataFrame(...) takes)."""
        return {name: getattr(self, name) for name in self.COLUMNS}


def _sales(customers, times, amounts):
    c = array(customers, np.int64, "customers")
    n = c.shape[0]
    t = f64(days(times), "times", n)
    a = np.zeros(n) if amounts is None else f64(amounts, "amounts", n)
    return c, t, a, n


def summarize(customers, times, amounts=None, *, unit=None, merge_same_day=None, end=None,
              holdout_end=None, drop_late=None, expected_customers=None):
    """Summarise sales given as columns: customer ids (whole numbers), times (day numbers,
    datetime64 or ISO texts) and amounts (>= 0; None for no spend). Any order is accepted.

    Options left at None take the library's defaults (unit "week", no merging, the end is
    the latest sale). end / holdout_end: a number (day), ISO text, date or datetime64. Sales
    in (end, holdout_end] form the holdout; sales after the last end raise InvalidArgument
    unless drop_late. expected_customers (optional) makes room up front: faster for large
    bases, same result.
    """
    c, t, a, n = _sales(customers, times, amounts)
    handle = ctypes.POINTER(crm_summary)()
    lib.summarize(byref(handle), ptr(c, c_int64), ptr(t, c_double), ptr(a, c_double), n,
                  byref(_options(unit, merge_same_day, end, holdout_end, drop_late,
                                 expected_customers)))
    return Summary(handle, text_keys=False)


_DEFAULT = object()  # "the library's default" where None has a meaning of its own


def summarize_csv(path, *, customer=None, time=None, amount=_DEFAULT, time_format=None,
                  delimiter=None, header=None, unit=None, merge_same_day=None, end=None,
                  holdout_end=None, drop_late=None):
    """Summarise a transaction log file in one streaming pass. Columns are names, or 1-based
    numbers as text ("2") when header=False; amount=None for a log without amounts;
    delimiter None detects it, " " means runs of blanks. Options not given take the library's defaults (columns customer_id, date, amount; ISO times; a header).
    customer_id holds the text keys."""
    csv = defaults(CsvOptions, "csv_options")
    if delimiter is not None:
        csv.delimiter = text_arg(delimiter, "delimiter")[:1] or b"\0"
    if header is not None:
        csv.has_header = int(bool(header))
    if customer is not None:
        csv.customer_column = text_arg(customer, "customer")
    if time is not None:
        csv.time_column = text_arg(time, "time")
    if amount is not _DEFAULT:
        csv.amount_column = None if amount is None else text_arg(amount, "amount")
    if time_format is not None:
        csv.time_format = text_arg(time_format, "time_format")
    handle = ctypes.POINTER(crm_summary)()
    lib.summarize_csv(byref(handle), text_arg(path, "path"), byref(csv),
                      byref(_options(unit, merge_same_day, end, holdout_end, drop_late)))
    return Summary(handle, text_keys=True)


class Ledger(Handle):
    """A running summary fed one sale at a time (O(1) per sale), as at a till.

    Use as a context manager, or call close(); the C handle is freed exactly once.
    """

    _FREE = "ledger_free"

    def __init__(self, *, unit=None, merge_same_day=None, end=None, holdout_end=None,
                 drop_late=None):
        self._handle = ctypes.POINTER(crm_ledger)()
        lib.ledger_create(byref(self._handle),
                          byref(_options(unit, merge_same_day, end, holdout_end, drop_late)))

    def _closed_message(self):
        return "ledger is closed"

    def add_sale(self, customer, time, amount=0.0):
        """Records one sale (time: day number, ISO text or date); on error nothing is recorded."""
        (c,) = array([customer], np.int64, "customer")
        lib.ledger_add_sale(self._live(), int(c), day(time), float(amount))

    def add_sales(self, customers, times, amounts=None):
        """Adds sales in order; stops at the first bad one (raising) after recording those
        before it. Returns the number recorded."""
        c, t, a, n = _sales(customers, times, amounts)
        added = c_size_t()
        lib.ledger_add_sales(self._live(), ptr(c, c_int64), ptr(t, c_double), ptr(a, c_double),
                             n, byref(added))
        return added.value

    def __len__(self):
        n = c_size_t()
        lib.ledger_count(self._live(), byref(n))
        return n.value

    def __repr__(self):
        return "<Ledger: %s>" % ("%d customers" % len(self) if self._handle else "closed")

    def summary(self):
        """The summary as of now, a new Summary; the ledger goes on accepting sales."""
        handle = ctypes.POINTER(crm_summary)()
        lib.ledger_summary(self._live(), byref(handle))
        return Summary(handle, text_keys=False)

    def customer(self, customer):
        """One customer's row of summary() in O(1), as a dict of the summary's columns
        (frequency, recency, T, monetary_value, ...), or None for a customer without a sale
        in the calibration period."""
        (c,) = array([customer], np.int64, "customer")
        cells = {name: (c_int64 if ctype == POINTER(c_int64) else c_double)()
                 for name, ctype in SummaryColumns._fields_[1:]}
        cols = new(SummaryColumns, **{name: ctypes.pointer(cell) for name, cell in cells.items()})
        found = c_int()
        lib.ledger_customer(self._live(), int(c), byref(cols), byref(found))
        return {name: cell.value for name, cell in cells.items()} if found.value else None


def cumulative_repeat_transactions(customers, times, origin, periods, *, unit="week",
                                   merge_same_day=False):
    """Cumulative repeat transactions at the end of periods 1..periods from origin."""
    c, t, _, n = _sales(customers, times, None)
    out = np.empty(max(int(periods), 0), dtype=np.int64)
    lib.cumulative_repeat_transactions(ptr(c, c_int64), ptr(t, c_double), n, day(origin),
                                       enum_code("time_unit", unit), int(bool(merge_same_day)),
                                       ptr(out, c_int64), out.shape[0])
    return out
