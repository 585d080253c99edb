"""What the bindings accept at the boundary: contiguous float64/int64 NumPy arrays go to C
without a copy; lists and pandas Series (pandas is optional) are converted; the same sales
in any of these forms give the same summary."""
import ctypes

import numpy as np
import pytest

import crmkit
from crmkit import _convert

# Hand calculation, weekly unit: customer 1 buys on days 0, 7, 14 for 10, 20, 30 -> x = 2
# repeat purchases, t_x = 14/7 = 2 weeks, T = 2 weeks (the end is the latest sale),
# mean repeat spend (20 + 30)/2 = 25; customer 2 buys once on day 7 -> x = 0, T = 1 week.
CUSTOMERS, TIMES, AMOUNTS = [1, 2, 1, 1], [0.0, 7.0, 7.0, 14.0], [10.0, 5.0, 20.0, 30.0]


def _check(s):
    order = np.argsort(s.customer_id)
    assert list(s.customer_id[order]) == [1, 2]
    assert list(s.frequency[order]) == [2.0, 0.0]
    assert list(s.recency[order]) == [2.0, 0.0]
    assert list(s.T[order]) == [2.0, 1.0]
    assert list(s.monetary_value[order]) == [25.0, 0.0]


def test_contiguous_float64_and_int64_are_passed_without_a_copy():
    times = np.array(TIMES)
    ids = np.array(CUSTOMERS, dtype=np.int64)
    assert _convert.f64(times, "times") is times
    assert _convert.array(ids, np.int64, "customers") is ids
    # The pointer handed to C is the caller's buffer itself.
    p = _convert.ptr(_convert.f64(times, "times"), ctypes.c_double)
    assert ctypes.addressof(p.contents) == times.ctypes.data


def test_other_layouts_and_types_are_converted_once():
    strided = np.array(TIMES + TIMES)[::2]  # not contiguous: copied to a contiguous array
    out = _convert.f64(strided, "times")
    assert out is not strided and out.flags.c_contiguous and list(out) == list(strided)
    int32 = np.array(CUSTOMERS, dtype=np.int32)
    assert _convert.array(int32, np.int64, "customers").dtype == np.int64
    with pytest.raises(ValueError, match=r"customers\[1\] = 2.5 is not a whole number"):
        _convert.array([1.0, 2.5], np.int64, "customers")


def test_arrays_lists_and_tuples_give_the_same_summary():
    _check(crmkit.value.summarize(np.array(CUSTOMERS, dtype=np.int64), np.array(TIMES), np.array(AMOUNTS)))
    _check(crmkit.value.summarize(CUSTOMERS, TIMES, AMOUNTS))
    _check(crmkit.value.summarize(tuple(CUSTOMERS), tuple(TIMES), tuple(AMOUNTS)))


def test_pandas_series_are_accepted():
    pd = pytest.importorskip("pandas")  # optional: the bindings need NumPy only
    frame = pd.DataFrame({"customer": CUSTOMERS, "time": TIMES, "amount": AMOUNTS})
    _check(crmkit.value.summarize(frame["customer"], frame["time"], frame["amount"]))
    # A Series with a non-default index is taken by position, not by label.
    shuffled = frame.set_index(pd.Index([10, 3, 7, 1]))
    _check(crmkit.value.summarize(shuffled["customer"], shuffled["time"], shuffled["amount"]))
