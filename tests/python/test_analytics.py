"""crmkit.complaint.report, import_cfpb, satisfaction, review and recovery from Python: the
CFPB sample against an independent pass with Python's csv module, and a small log on the
default business calendar (Monday-Friday 09:00-17:00 UTC) worked by hand."""
import collections
import csv
import datetime
import os

import pytest

import crmkit
import crmkit.complaint as complaint
from conftest import DATA

CFPB = os.path.join(DATA, "complaints", "cfpb_complaints_sample_2013.csv")


def us_date(text):
    month, day, year = (int(x) for x in text.split("/"))
    return datetime.date(year, month, day)


def test_cfpb_report_matches_an_independent_pass(tmp_path):
    with open(CFPB, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    channel = collections.Counter(r["submitted_via"] for r in rows)
    issue = collections.Counter(r["issue"] for r in rows)
    disputes = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        disputes[r["company_response_to_consumer"]][0] += r["consumer_disputed?"] == "Yes"
        disputes[r["company_response_to_consumer"]][1] += 1
    # Data lines start at 2 (the header is line 1); no field spans lines (README).
    flagged = [i + 2 for i, r in enumerate(rows)
               if us_date(r["date_sent_to_company"]) < us_date(r["date_received"])]
    lags = [(us_date(r["date_sent_to_company"]) - us_date(r["date_received"])).days
            for i, r in enumerate(rows) if i + 2 not in flagged]
    counts = sorted(issue.values(), reverse=True)
    vital = next(k for k in range(1, len(counts) + 1) if sum(counts[:k]) >= 0.8 * len(rows))

    with complaint.Desk(tmp_path) as desk:
        result = complaint.import_cfpb(desk, CFPB)
        assert (result["rows"], result["imported"], result["rejected"]) == (1000, 1000, [])
        assert [n["line"] for n in result["flagged"]] == flagged
        assert len(flagged) == 23
        again = complaint.import_cfpb(desk, CFPB)
        assert (again["imported"], again["already_present"]) == (0, 1000)
        assert len(desk) == 1000
        r = complaint.report(desk)
    assert r["cases"] == 1000
    assert r["by_channel"] == dict(channel)
    assert r["by_issue"] == dict(issue)
    assert r["pareto"]["vital_few"] == vital == 17
    assert [c["count"] for c in r["pareto"]["causes"]] == counts
    assert {k: (v["disputed"], v["cases"]) for k, v in r["dispute_rate_by_response"].items()} == \
        {k: tuple(v) for k, v in disputes.items()}
    assert r["forwarding_lag"]["all"]["rows"] == len(lags) == 977
    assert r["forwarding_lag"]["all"]["mean_days"] == pytest.approx(sum(lags) / len(lags))
    assert [x["line"] for x in r["forwarding_lag_excluded"]] == flagged


MON = "2026-05-04T"  # a Monday


def walk(desk, case_id, channel, customer, opened, listened, closed, actor):
    """open, listen, the five steps one minute apart after the listen, close."""
    t = complaint.desk.seconds(listened)
    events = [dict(time=opened, case_id=case_id, event="open", actor="front", channel=channel,
                   customer=customer, category="billing"),
              dict(time=listened, case_id=case_id, event="listen", actor=actor)]
    for i, name in enumerate(("share", "probe", "check", "act", "satisfy")):
        events.append(dict(time=t + 60 * (i + 1), case_id=case_id, event=name, actor=actor))
    events.append(dict(time=closed, case_id=case_id, event="close", actor=actor, note="accepted"))
    assert desk.submit(events).refused == []


def test_small_log_by_hand(tmp_path):
    with complaint.Desk(tmp_path, clock="business") as desk:
        # A: Mon 08:00 -> listen 10:00 -> close Tue 12:00. Calendar 2 h / 28 h; business
        # 1 h (09-10) / 11 h (Mon 09-17 + Tue 09-12).
        walk(desk, "A", "phone", "ann", MON + "08:00:00Z", MON + "10:00:00Z",
             "2026-05-05T12:00:00Z", "alice")
        # B: Fri 16:00 -> listen Mon 09:30 -> close Mon 11:00. Calendar 65.5 h / 67 h;
        # business 1.5 h (Fri 16-17 + Mon 09-09:30) / 3 h.
        walk(desk, "B", "email", "bob", "2026-05-01T16:00:00Z", MON + "09:30:00Z",
             MON + "11:00:00Z", "alice")
        r = complaint.report(desk, customer_value={"ann": 100.0, "zed": 300.0})
        # Two values: median = mean of the two; p90 = a + 0.9 (b - a).
        fr = r["times"]["first_response"]
        assert fr["calendar"]["median_hours"] == pytest.approx((2 + 65.5) / 2)
        assert fr["calendar"]["p90_hours"] == pytest.approx(2 + 0.9 * 63.5)
        assert fr["business"]["median_hours"] == pytest.approx(1.25)
        res = r["times"]["resolution"]
        assert res["calendar"]["p90_hours"] == pytest.approx(28 + 0.9 * 39)
        assert res["business"]["median_hours"] == pytest.approx(7)
        assert r["reopen_rate"] == {"reopened": 0, "closed": 2, "rate": 0.0}
        assert r["empowerment"]["rate"] == 1.0
        # Iceberg: 2 complainants / 0.05 = 40 dissatisfied, 38 silent, 360 told; mean value
        # (100 + 300) / 2 = 200: ann 100 + bob (no value) 200 + 38 * 200 = 7,900.
        ice = r["iceberg"]
        assert (ice["dissatisfied"], ice["silent"], ice["told"]) == pytest.approx((40, 38, 360))
        assert ice["revenue_at_risk"] == pytest.approx(7900)
        assert ice["complainants_valued"] == 1

        with pytest.raises(crmkit.InvalidArgument, match="is a handler of the case"):
            complaint.submit_satisfaction(desk, "A", "2026-05-06T09:00:00Z", "alice", 5)
        complaint.submit_satisfaction(desk, "A", "2026-05-06T09:00:00Z", "ann", 4, scale=(0, 10))
        with pytest.raises(crmkit.InvalidState, match="already has an answer"):
            complaint.submit_satisfaction(desk, "A", "2026-05-06T09:00:00Z", "ann", 4)

        with pytest.raises(crmkit.InvalidArgument, match="a handler cannot review their own case"):
            complaint.record_review(desk, "A", "2026-05-06T10:00:00Z", "alice", [5] * 6)
        # 5+5+4+4+3+3 = 24 of 30 = 80, less 10 for one taboo.
        score = complaint.record_review(desk, "A", "2026-05-06T10:00:00Z", "rita",
                                        dict(listen=5, share=5, probe=4, check=4, action=3,
                                             satisfy=3), taboos=["another_department"])
        assert score == pytest.approx(70)
        complaint.record_recovery(desk, "A", "2026-05-05T12:30:00Z", "alice", apology=True,
                                  compensation_minor=1250, currency="EUR", feelings=True)
        with pytest.raises(crmkit.InvalidArgument, match="ISO 4217"):
            complaint.record_recovery(desk, "A", "2026-05-05T12:30:00Z", "alice",
                                      compensation_minor=5)
        r = complaint.report(desk)
        assert r["satisfaction"] == {"answers": 1, "mean": pytest.approx(0.4)}
        assert r["handler_quality"] == [dict(handler="alice", period="2026-05", reviews=1,
                                             score=70, taboos=1)]
        assert r["recovery_cost_by_cause"] == [dict(cause="billing", currency="EUR", minor=1250,
                                                    recoveries=1)]
