"""crmkit.complaint.Desk: the durable desk from Python (hand-worked expectations)."""
import pytest

import crmkit
from crmkit.complaint import Desk, Organisation, STATES, transitions
from crmkit.complaint.desk import seconds

T0 = "2026-03-02T09:00:00Z"
# 2026-03-02 is day 20514 since 1970-01-01 (2026-01-01 = 20454, + 31 + 28 + 1).
T0_SECONDS = 20514 * 86400 + 9 * 3600


def event(minute, case_id, name, **fields):
    return dict(time=T0_SECONDS + 60 * minute, case_id=case_id, event=name, actor="ann", **fields)


def test_submit_recover_and_clocks(tmp_path):
    with Desk(tmp_path) as desk:
        desk.submit(dict(time=T0, case_id="A", event="open", actor="ann", channel="email",
                         priority="high", customer="c-17"))
        r = desk.submit([event(60, "A", "listen"), event(61, "A", "close", note="ok"),
                         event(62, "A", "share")])
        assert r.applied == 2
        assert r.refused == [1]
        assert "event 1: case 'A' is in state listening: event 'close' is not allowed" in r.message
        with pytest.raises(crmkit.InvalidState, match="case 'A' is in state sharing: event 'act'"):
            desk.submit(event(70, "A", "act"))
    with Desk(tmp_path) as desk:
        assert len(desk) == 3
        c = desk.case("A", now=T0_SECONDS + 3 * 3600)
        assert c.state == "sharing"
        assert c.channel == "email"
        # E-mail: first response within 48 h, met after one hour.
        assert c.first_response.status == "met"
        assert c.first_response.due == T0_SECONDS + 48 * 3600
        assert c.first_response.elapsed == 3600
        # High priority: resolution within 72 h; breached at 73 h.
        assert desk.case("A", now=T0_SECONDS + 73 * 3600).resolution.status == "breached"
        assert desk.list("sharing") == ["A"]
        assert desk.list(breached=True, now=T0_SECONDS + 3600 * 3) == []
        assert desk.list(breached=True, now=T0_SECONDS + 73 * 3600) == ["A"]
        assert desk.snapshot() == 3  # open, listen, share: sequence numbers 1..3
        assert desk.erase_customer("c-17") == 1
        assert len(desk) == 3
    # The reference is gone from the database file's bytes (snapshot included).
    assert b"c-17" not in (tmp_path / "desk.sqlite3").read_bytes()
    with Desk(tmp_path) as desk:
        assert desk.case("A", now=T0_SECONDS + 3 * 3600).state == "sharing"


def test_business_calendar_options(tmp_path):
    # Europe/Berlin, Mon-Fri 09-17, Good Friday 2026-04-03 a holiday (Easter Monday is not,
    # here). An e-mail opened Thursday 2026-04-02 15:00 CEST (13:00Z) is due after 48 working
    # hours: Thu 2 h; Mon 04-06 to Fri 04-10 5 x 8 = 40 h (42 h); Mon 04-13 6 h -> 15:00
    # CEST = 13:00Z.
    with Desk(tmp_path, clock="business", time_zone="Europe/Berlin",
              holidays=["2026-04-03"]) as desk:
        desk.submit(dict(time="2026-04-02T13:00:00Z", case_id="B", event="open", actor="bo",
                         channel="email"))
        c = desk.case("B", now="2026-04-02T14:00:00Z")
    assert c.first_response.due == seconds("2026-04-13T13:00:00Z")
    assert c.first_response.elapsed == 3600


def test_table_and_errors(tmp_path):
    rows = transitions()
    assert len(rows) == 55
    assert rows[0] == ("received", "listen", "listening")
    assert ("satisfying", "close", "closed") in rows
    assert STATES[:8] == ("received", "listening", "sharing", "probing", "checking", "acting",
                          "satisfying", "closed")
    with pytest.raises(crmkit.InvalidArgument, match="Mars/Olympus"):
        Desk(tmp_path / "x", clock="business", time_zone="Mars/Olympus")
    with pytest.raises(crmkit.InvalidArgument, match="unknown case event 'talk'"):
        with Desk(tmp_path / "y") as desk:
            desk.submit(event(0, "A", "talk"))
    desk = Desk(tmp_path / "z")
    desk.close()
    with pytest.raises(ValueError, match="closed"):
        desk.case("A", now=0)


def test_routing_and_ping_pong(tmp_path):
    # tests/complaint/test_routing.cpp's organisation: authority 5 from the front desk is the
    # director via billing and finance at 1 + 2 + 1 = 4 (via the manager: 1 + 1 + 3 = 5).
    with Organisation() as org:
        for name, authority in [("front", 1), ("billing", 2), ("manager", 3), ("finance", 4),
                                ("director", 5)]:
            org.unit(name, authority)
        for a, b, cost in [("front", "billing", 1), ("front", "manager", 4),
                           ("billing", "finance", 2), ("billing", "manager", 1),
                           ("manager", "director", 3), ("finance", "director", 1)]:
            org.path(a, b, cost)
        assert org.nearest_with_authority("front", 5) == (
            "director", 4.0, ["front", "billing", "finance", "director"])
        with pytest.raises(crmkit.InvalidState, match="no unit reachable from 'finance'"):
            org.nearest_with_authority("finance", 6)
    with Desk(tmp_path) as desk:
        desk.submit([event(0, "P", "open", department="sales"),
                     event(1, "P", "transfer", department="billing", note="billing calls you"),
                     event(2, "P", "listen"),
                     event(3, "P", "transfer", department="sales", note="back to sales")])
        assert desk.ping_pong("P") == 1  # sales -> billing -> sales


def test_policy_routing_follow_ups_and_audit(tmp_path):
    # front (1) -> billing (2) cost 1 -> manager (3) cost 1.
    org = Organisation().unit("front", 1).unit("billing", 2).unit("manager", 3)
    org.path("front", "billing", 1).path("billing", "manager", 1)
    steps = ["listen", "share", "probe", "check", "act", "satisfy"]
    with Desk(tmp_path, reopen_window=3600, escalation_changes="person") as desk:
        desk.set_organisation(org)
        desk.submit([event(0, "F", "open", department="front", customer="c-1", category="billing")]
                    + [event(i + 1, "F", s) for i, s in enumerate(steps)]
                    + [event(10, "F", "close", note="accepted")])
        with pytest.raises(crmkit.InvalidState, match="open a follow-up case instead"):
            desk.submit(event(130, "F", "reopen"))
        desk.submit(event(130, "G", "open", follows="F", department="front"))
        with pytest.raises(crmkit.InvalidState, match="must make the changes person"):
            desk.submit(event(131, "G", "escalate", note="a manager calls you"))
        desk.submit(event(131, "G", "escalate", note="a manager calls you",
                          changes=["person", "time"]))
        with pytest.raises(ValueError, match="'mood' is not one of"):
            desk.submit(event(132, "G", "escalate", note="x", changes="person+mood"))
    # Reopened without arguments: the stored policy and organisation hold.
    with Desk(tmp_path) as desk:
        g = desk.case("G", now=T0_SECONDS + 80 * 3600)
        assert g.follows == "F"
        assert g.department == "billing"  # routed: nearest with more authority than front
        # Phone (the default channel): no first response within 24 h, breached at 80 h.
        assert "first_response target breached" in g.escalation_reasons
        f = desk.case("F", now=T0_SECONDS + 3600)
        assert f.follow_ups == ["G"]
        assert (f.customer, f.category, f.handler) == ("c-1", "billing", "ann")
        assert f.escalation_reasons == []
        trail = desk.audit("G")
        assert [a.event for a in trail] == ["open", "escalate"]
        assert trail[0].before is None and trail[1].before == "received"
        assert trail[1].changes == ("person", "time")
        assert trail[1].note == "a manager calls you"
        assert trail[1].department == "billing"
        assert trail[1].sequence == 10 and trail[1].time == T0_SECONDS + 131 * 60
        with pytest.raises(crmkit.InvalidState, match="breaks the escalation's change of person"):
            desk.submit(event(140, "G", "listen"))
        desk.submit(dict(event(140, "G", "listen"), actor="bob"))
        desk.set_organisation(None)
        desk.submit(event(141, "G", "transfer", department="anywhere", note="over to you"))
