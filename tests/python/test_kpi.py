"""crmkit.contact.contact_kpis(_by) on a part of the hand-built log of tests/contact/test_kpi.cpp
(seconds after 2026-11-24 09:00:00):
 #  channel agent arrival answered abandoned end  ivr  satisfaction  wait  handle
 0  1       7        0     10       -      190   0    5             10    180
 1  1       8       60     90       -      390   0    3             30    300
 2  1      -1      100      -     103        -   0    -              3 (short abandon)
 3  1      -1      300      -       -        -   1    -             (voice system)
 4  2       7     1900   1915       -     2155   0    -             15    240 (second half hour)
"""
import math

import numpy as np
import pytest

import crmkit
from crmkit import contact

BASE = crmkit.parse_time("2026-11-24 09:00:00")


def at(seconds):
    """Day numbers; None (does not apply) stays None, which the binding reads as NaN."""
    return [None if s is None else BASE + s / 86400 for s in seconds]


def log(**changes):
    cols = dict(channel=[1, 1, 1, 1, 2], arrival=at([0, 60, 100, 300, 1900]), agent=[7, 8, -1, -1, 7],
                answered=at([10, 90, None, None, 1915]), abandoned=at([None, None, 103, None, None]),
                end=at([190, 390, None, None, 2155]), ivr=[0, 0, 0, 1, 0], resolved=[1, 0, 0, 0, 1],
                satisfaction=[5, 3, None, None, None])
    cols.update(changes)
    return cols


def test_overall():
    f = contact.contact_kpis(**log())
    # Times as datetime64 give the same figures as day numbers.
    arrival = np.datetime64("2026-11-24T09:00:00") + np.array([0, 60, 100, 300, 1900], "timedelta64[s]")
    assert contact.contact_kpis(**log(arrival=arrival)) == f
    assert (f["contacts"], f["ivr_contained"], f["offered"], f["answered"], f["abandoned"]) == (5, 1, 4, 3, 1)
    assert f["service_level"] == pytest.approx(2 / 4)            # #0 (10 s), #4 (15 s) of 4 offered
    assert f["asa"] == pytest.approx((10 + 30 + 15) / 3)
    assert f["aht"] == pytest.approx((180 + 300 + 240) / 3)
    assert f["containment"] == pytest.approx(1 / 5)
    assert f["first_contact_resolution"] == pytest.approx(2 / 3)  # #0, #4 of 3 answered
    assert f["satisfaction"] == pytest.approx(4)                  # (5 + 3) / 2
    f = contact.contact_kpis(**log(), definition="offered-less-short")
    assert f["service_level"] == pytest.approx(2 / 3)             # 4 offered - 1 short abandon


def test_groups():
    groups = contact.contact_kpis_by("channel", **log())
    assert [g["key"] for g in groups] == [1, 2]
    assert groups[1]["asa"] == pytest.approx(15)
    assert math.isnan(groups[0]["start"])
    intervals = contact.contact_kpis_by("interval", **log())
    assert [g["contacts"] for g in intervals] == [4, 1]
    assert intervals[0]["start"] == pytest.approx(crmkit.parse_time("2026-11-24 09:00"), abs=1e-9)


def test_errors():
    cols = log()
    cols["answered"][1] = "2026-11-24 09:00:50"  # ISO texts are times too
    with pytest.raises(crmkit.InvalidArgument,
                       match="contact 1: answered 2026-11-24 09:00:50 is before arrival 2026-11-24 09:01:00"):
        contact.contact_kpis(**cols)
    with pytest.raises(crmkit.InvalidArgument, match="unknown service level definition 'all'"):
        contact.contact_kpis(**log(), definition="all")
    with pytest.raises(ValueError, match="ivr must be one-dimensional with 5 values"):
        contact.contact_kpis(**log(ivr=[0, 1]))
    with pytest.raises(crmkit.InvalidArgument, match="unknown KPI grouping 'week'"):
        contact.contact_kpis_by("week", **log())
    assert contact.GROUPINGS == ("interval", "channel", "agent")
