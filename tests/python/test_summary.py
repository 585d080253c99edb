"""Python entry points for customer summaries, checked against the published CDNOW summary."""
import csv
import gc
import os
import re

import numpy as np
import pytest

import crmkit
from crmkit import value
from conftest import DATA

SAMPLE = os.path.join(DATA, "cdnow", "CDNOW_sample.txt")
CDNOW = dict(customer="2", time="3", amount="5", time_format="%Y%m%d", delimiter=" ",
             header=False, unit="week", merge_same_day=True, end="1997-09-30",
             holdout_end="1998-06-30")


def test_version_matches_the_single_source():
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "include", "crmkit",
                           "version.h")) as f:
        assert '"%s"' % crmkit.__version__ in f.read()
    assert crmkit.library_version() == crmkit.__version__


def load_sample():
    """CDNOW_sample.txt read with NumPy alone (an independent reader): ids, days, dollars."""
    raw = np.loadtxt(SAMPLE, dtype=str)
    ids = raw[:, 1].astype(np.int64)
    dates = np.array([d[:4] + "-" + d[4:6] + "-" + d[6:] for d in raw[:, 2]], dtype="datetime64[D]")
    return ids, dates, raw[:, 4].astype(float)


def reference():
    """cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (Fader, Hardie & Lee 2005)."""
    with open(os.path.join(DATA, "cdnow", "cdnow_customers_summary_with_transactions.csv")) as f:
        rows = list(csv.DictReader(f))
    return {int(r["ID"]): r for r in rows}


def check_against_reference(ids, s):
    ref = reference()
    assert len(s) == len(ref) == 2357
    for i, key in enumerate(ids):
        r = ref[int(key)]
        assert s.frequency[i] == float(r["x"])
        assert abs(s.recency[i] - float(r["t_x"])) <= 0.005 + 1e-9
        assert abs(s.T[i] - float(r["T"])) <= 0.005 + 1e-9
        assert abs(s.monetary_value[i] - float(r["zbar"])) <= 0.005 + 1e-9
    assert s.frequency.sum() == 2457
    assert s.frequency.sum() + s.holdout_frequency.sum() == 4339


def test_cdnow_csv_reproduces_published_summary():
    s = crmkit.value.summarize_csv(SAMPLE, **CDNOW)
    assert s.sales == 6919 and s.sales - s.merged_sales == 6696
    assert s.customer_id[0] == "0001"
    check_against_reference(s.customer_id, s)


def test_cdnow_arrays_with_datetime64_and_ledger_agree():
    ids, dates, dollars = load_sample()
    opts = dict(unit="week", merge_same_day=True, end="1997-09-30",
                holdout_end=np.datetime64("1998-06-30"))
    s = crmkit.value.summarize(ids, dates, dollars, **opts)
    check_against_reference(s.customer_id, s)
    with crmkit.value.Ledger(**opts) as ledger:
        for c, t, a in zip(ids[:100], dates[:100], dollars[:100]):
            ledger.add_sale(c, t, a)
        assert ledger.add_sales(ids[100:], dates[100:], dollars[100:]) == len(ids) - 100
        assert len(ledger) == 2357
        fed = ledger.summary()
        # One customer's row at checkout is that customer's row of the whole summary.
        for i in (0, 1, 1000, 2356):
            row = ledger.customer(s.customer_id[i])
            assert {k: row[k] for k in ("frequency", "recency", "T", "monetary_value")} == \
                {k: getattr(s, k)[i] for k in ("frequency", "recency", "T", "monetary_value")}
        assert ledger.customer(999999) is None
    for name in crmkit.value.Summary.COLUMNS:
        np.testing.assert_array_equal(getattr(fed, name), getattr(s, name))


def test_tracking_curve():
    ids, dates, _ = load_sample()
    curve = crmkit.value.cumulative_repeat_transactions(ids, dates, "1997-01-01", 78,
                                                         merge_same_day=True)
    assert list(curve[19:25]) == [1359, 1414, 1484, 1517, 1573, 1672]
    assert curve[38] == 2457 and curve[77] == 4339


def test_hand_example_and_no_copy_inputs():
    # customer 7: days 0 ($10), 3 ($5 + $7 merged), 10 ($20); customer 9: day 5 ($4).
    ids = np.array([7, 9, 7, 7, 7], dtype=np.int64)
    times = np.array([0, 5, 3, 3, 10], dtype=np.float64)
    amounts = np.array([10, 4, 5, 7, 20], dtype=np.float64)
    assert np.ascontiguousarray(times, dtype=np.float64) is times  # passed without a copy
    s = crmkit.value.summarize(ids, times, amounts, merge_same_day=True, end=14,
                               expected_customers=10)
    assert list(s.customer_id) == [7, 9]
    assert list(s.frequency) == [2, 0]
    assert s.recency[0] == pytest.approx(10 / 7)
    assert list(s.T) == pytest.approx([2, 9 / 7])
    assert list(s.monetary_value) == pytest.approx([16, 0])
    assert list(s.total_value) == pytest.approx([42, 4])
    # Plain sequences work too.
    assert len(crmkit.value.summarize([1, 2], [0.0, 1.0], None)) == 2


def test_errors_are_typed_and_name_the_problem():
    with pytest.raises(crmkit.InvalidArgument, match=r"sale 1: customer 2: amount -1 is negative"):
        crmkit.value.summarize([1, 2], [0, 1], [1, -1])
    with pytest.raises(crmkit.InvalidArgument, match="time is not a finite"):
        crmkit.value.summarize([1], [np.nan], [1])
    with pytest.raises(ValueError, match="times must be one-dimensional with 2 values"):
        crmkit.value.summarize([1, 2], [0], [1, 1])
    with pytest.raises(ValueError, match="unknown time unit"):
        crmkit.value.summarize([1], [0], [1], unit="year")
    with pytest.raises(crmkit.ParseError, match="cannot read time"):
        crmkit.parse_time("1997-02-30")
    with pytest.raises(crmkit.IoError, match="cannot open"):
        crmkit.value.summarize_csv("/nonexistent.csv")
    with pytest.raises(crmkit.InvalidArgument, match="after the observation end"):
        crmkit.value.summarize([1, 1], [0, 20], [1, 1], end=10)
    assert crmkit.value.summarize([1, 1], [0, 20], [1, 1], end=10, drop_late=True).dropped_sales == 1


def test_bad_csv_names_file_line_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("customer_id,date,amount\n1,2020-01-01,5\n2,2020-01-02,abc\n")
    with pytest.raises(crmkit.ParseError, match=re.escape(str(p)) + ":3:14: 'abc' is not a number"):
        crmkit.value.summarize_csv(p)


def test_ledger_refuses_out_of_order_and_frees_once():
    ledger = crmkit.value.Ledger(merge_same_day=True)
    ledger.add_sale(1, 0, 1)
    ledger.add_sale(1, 10, 1)
    with pytest.raises(crmkit.InvalidArgument, match="time order"):
        ledger.add_sale(1, 5, 1)
    assert ledger.summary().purchases[0] == 2
    ledger.close()
    ledger.close()  # a second close is harmless
    with pytest.raises(ValueError, match="closed"):
        ledger.add_sale(1, 11, 1)
    del ledger
    gc.collect()


def test_conversions_at_the_boundary_refuse_instead_of_corrupting():
    """Issue 19 item 13: float ids 1.7 and 1.2 were one customer, NaN / 1e20 / 2**63 became
    INT64_MIN, tier 300 became 44, bins 2**32 + 5 became 5, a path with NUL opened another
    file. Each now raises naming the argument."""
    with pytest.raises(ValueError, match=r"customers\[0\] = 1.7"):
        value.summarize([1.7, 1.2], [0, 1], [1, 1])
    for bad in (float("nan"), 1e20):
        with pytest.raises(ValueError, match="customers"):
            value.summarize([bad], [0], [1])
    with pytest.raises(ValueError, match="customers"):
        value.summarize([2**63], [0], [1])
    # Exactly integral floats and Python ints in range are fine, and stay distinct.
    s = value.summarize([1.0, 2.0, 2**62], [0, 1, 2], [1, 1, 1])
    assert sorted(s.customer_id.tolist()) == [1, 2, 2**62]
    with pytest.raises(ValueError, match=r"tiers\[0\] = 300"):
        value.tier_table([1.0], [300])
    with pytest.raises(ValueError, match="bins"):
        value.score_rfm([1, 2], [1, 2], [1, 2], bins=2**32 + 5)
    with pytest.raises(ValueError, match="bins"):
        value.score_rfm([1, 2], [1, 2], [1, 2], bins=2.5)
    with pytest.raises(ValueError, match="NUL"):
        value.summarize_csv("/dev/null\0/etc/passwd")
    with pytest.raises(ValueError, match="expected_customers"):
        value.summarize([1], [0], [1], expected_customers=-1)  # was silently 0
    with pytest.raises(ValueError, match="customer"):
        with value.Ledger() as till:
            till.add_sale(3.5, 0, 1)


def test_iso_texts_and_reprs():
    """Issue 19 item 20: summarize() takes ISO date strings as Ledger.add_sale does; Summary
    and the model classes print something useful."""
    s = value.summarize([1, 1, 2], ["2026-11-02", "2026-11-09 12:00", "2026-11-16"], [5, 6, 7],
                        unit="day", end="2026-11-16")
    assert s.recency.tolist() == [7.5, 0.0] and s.T.tolist() == [14.0, 0.0]
    assert repr(s) == "<Summary: 2 customers, 3 sales (0 merged, 0 dropped), unit day, end 2026-11-16>"
    with value.Ledger() as till:
        till.add_sale(1, "2026-11-02", 1)
        assert repr(till) == "<Ledger: 1 customers>"
    assert repr(till) == "<Ledger: closed>"
    assert repr(value.BetaGeo([0.243, 4.414, 0.793, 2.426])) == \
        "BetaGeo(r=0.243, alpha=4.414, a=0.793, b=2.426)"


def test_defaults_come_from_the_library():
    """No default is retyped in Python: units, kinds and option defaults are read from the C
    library (crm_*_name, crm_*_init)."""
    assert value.UNITS == ("day", "week", "month")
    assert value.MODEL_KINDS[0] == "bg-nbd" and value.TIERS[-1] == "inferior"
    assert value.default_tier_cuts("share") == (0.5, 0.8, 0.95)
    with pytest.raises(crmkit.InvalidArgument, match="expected one of: day, week, month"):
        value.summarize([1], [0], [1], unit="year")
