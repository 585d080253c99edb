"""The complaint desk (crmkit::complaint): cases through the six handling steps as an
explicit state machine, SLA clocks on business calendars, a durable SQLite store.

    with crmkit.complaint.Desk("desk-dir") as desk:
        desk.submit({"time": "2026-03-02T09:00:00Z", "case_id": "C1", "event": "open",
                     "actor": "ann", "channel": "email"})
        desk.case("C1", now="2026-03-02T10:00:00Z").state
"""
from .desk import (  # noqa: F401
    CHANGES,
    CHANNELS,
    EVENTS,
    PRIORITIES,
    STATES,
    Desk,
    Organisation,
    transitions,
)
from .analytics import (  # noqa: F401
    STEPS,
    TABOOS,
    import_cfpb,
    record_recovery,
    record_review,
    report,
    submit_satisfaction,
)
