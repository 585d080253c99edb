"""The durable complaint desk (crmkit::complaint, desk.hpp; capi/complaint/desk.cpp)."""
import ctypes
import datetime
from ctypes import byref, c_int, c_int64, c_size_t
from types import SimpleNamespace

from .._convert import c_strings
from .._lib import (AuditEntry, BufferTooSmall, CaseInfo, DeskEvent, DeskOptions, Error, Handle,
                    crm_desk, crm_organisation, defaults, enum_code, enum_names, lib, text_arg)

STATES = enum_names("case_state")
EVENTS = enum_names("case_event")
CHANNELS = enum_names("channel")
PRIORITIES = enum_names("priority")
_STATUSES = enum_names("sla_status")
CHANGES = ("person", "time", "place")  # the "three changes", bit i = 1 << i


def _change_bits(changes, name="changes"):
    """Bits of a set of changes given as names ("person", ...) or "person+time" text."""
    if isinstance(changes, str):
        changes = [c for c in changes.split("+") if c]
    bits = 0
    for c in changes:
        if c not in CHANGES:
            raise ValueError("%s: '%s' is not one of %s" % (name, c, ", ".join(CHANGES)))
        bits |= 1 << CHANGES.index(c)
    return bits


def _change_names(bits):
    return tuple(c for i, c in enumerate(CHANGES) if bits & (1 << i))


def seconds(value, name="time"):
    """Seconds since 1970-01-01 UTC from an int, an aware datetime or an ISO-8601 text with
    a zone ("2026-03-02T09:00:00Z", "...+01:00")."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("%s %s has no time zone" % (name, value))
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be seconds (int), a datetime or ISO-8601 text, not %r" % (name, value))
    return value


def transitions():
    """The transition table as (from, event, to) names; `resume` returns to the state the
    case waited in (its row says "waiting")."""
    n = c_size_t()
    try:
        lib.case_transitions(None, None, None, 0, byref(n))
    except BufferTooSmall:
        pass
    rows = [(c_int * n.value)() for _ in range(3)]
    lib.case_transitions(rows[0], rows[1], rows[2], n.value, byref(n))
    return [(STATES[a], EVENTS[e], STATES[b]) for a, e, b in zip(*rows)]


def _event(e, index):
    out = DeskEvent(version=2)
    out.time = seconds(e["time"], "events[%d].time" % index)
    out.case_id = text_arg(e["case_id"], "case_id")
    out.event = enum_code("case_event", e["event"])
    out.actor = text_arg(e["actor"], "actor")
    out.channel = enum_code("channel", e.get("channel", "phone"))
    out.priority = enum_code("priority", e.get("priority", "normal"))
    for field in ("customer", "category", "department", "note", "follows"):
        if e.get(field) is not None:
            setattr(out, field, text_arg(e[field], field))
    out.changes = _change_bits(e.get("changes", ()), "events[%d].changes" % index)
    return out


def _clock(c):
    return SimpleNamespace(status=_STATUSES[c.status], target=c.target_seconds, start=c.start,
                           due=c.due if c.has_due else None,
                           stopped=c.stopped if c.has_stopped else None,
                           elapsed=c.elapsed_seconds)


class Desk(Handle):
    """A complaint desk stored in `directory` (created if missing; dir/desk.sqlite3). Every
    submit has committed when it returns; opening replays the events. The desk stores its
    policy: without policy arguments it uses the stored one (the library's defaults for a new
    desk: calendar time, reopening within 30 days, warnings at 0.8 of a target); with any,
    the defaults changed by them are stored and used from now on (a stored organisation
    stays; set_organisation changes it)."""

    _FREE = "desk_free"

    def __init__(self, directory, *, clock=None, time_zone=None, working_hours=None,
                 working_days=None, holidays=(), warning_fraction=None, reopen_window=None,
                 escalation_changes=None, max_handovers=None):
        given = {k: v for k, v in dict(clock=clock, time_zone=time_zone, working_hours=working_hours,
                                       working_days=working_days, warning_fraction=warning_fraction,
                                       reopen_window=reopen_window, escalation_changes=escalation_changes,
                                       max_handovers=max_handovers).items() if v is not None}
        opts = defaults(DeskOptions, "desk_options")
        if clock is not None:
            opts.clock_mode = enum_code("clock_mode", clock)
        if time_zone is not None:
            opts.time_zone = text_arg(time_zone, "time_zone")
        if working_hours is not None:
            opts.day_start_minute, opts.day_end_minute = working_hours
        if working_days is not None:
            opts.working_days = sum(1 << int(d) for d in working_days)
        holiday_array, opts.holiday_count = c_strings(holidays, "holidays")  # alive until open
        opts.holidays = holiday_array
        if warning_fraction is not None:
            opts.warning_fraction = warning_fraction
        if reopen_window is not None:
            opts.reopen_window_seconds = int(reopen_window)
        if escalation_changes is not None:
            opts.escalation_changes = _change_bits(escalation_changes, "escalation_changes")
        if max_handovers is not None:
            opts.max_handovers = int(max_handovers)
        handle = ctypes.POINTER(crm_desk)()
        lib.desk_open(byref(handle), text_arg(directory, "directory"),
                      byref(opts) if given or opts.holiday_count else None)
        self._handle = handle

    def submit(self, events, *, stop_at_refusal=False):
        """One event (a dict: time, case_id, event, actor and the optional channel,
        customer, category, priority, department, note, follows (open: the finished case this
        one follows up), changes (escalate: names from CHANGES or "person+time")) raises on
        refusal. A list commits
        its accepted events in one transaction and returns applied, refused (index, message
        of the first, status) without raising for refusals."""
        single = isinstance(events, dict)
        batch = [events] if single else list(events)
        array = (DeskEvent * len(batch))(*[_event(e, i) for i, e in enumerate(batch)])
        applied, statuses = c_size_t(), (c_int * len(batch))()
        try:
            lib.desk_submit(self._live(), array, len(batch), int(stop_at_refusal), byref(applied),
                            statuses)
            message = None
        except Error as error:
            if single or not any(s < 0 for s in statuses):
                raise
            message = str(error)
        return SimpleNamespace(applied=applied.value,
                               refused=[i for i, s in enumerate(statuses) if s < 0],
                               not_tried=[i for i, s in enumerate(statuses) if s == 1],
                               message=message)

    def case(self, case_id, now):
        """The case's state, text fields (customer, category, department, handler, follows,
        follow_ups), SLA clocks (first_response, next_update, resolution) and the reasons it
        is stuck (escalation_reasons) at `now`; times are seconds since 1970-01-01 UTC."""
        info = CaseInfo(version=1)
        live, case_id, now = self._live(), text_arg(case_id, "case_id"), seconds(now, "now")
        lib.desk_case_info(live, case_id, now, byref(info))

        def text(field):
            return _text_out(lambda buf, size, n: lib.desk_case_text(live, case_id, field, buf,
                                                                     size, n))
        reasons = _text_out(lambda buf, size, n: lib.desk_escalation_reasons(live, case_id, now,
                                                                             buf, size, n))
        return SimpleNamespace(state=STATES[info.state], channel=CHANNELS[info.channel],
                               priority=PRIORITIES[info.priority], opened=info.opened,
                               events=info.events, reopen_count=info.reopen_count,
                               customer=text(0), category=text(1), department=text(2),
                               handler=text(3), follows=text(4) or None,
                               follow_ups=text(5).splitlines(),
                               first_response=_clock(info.first_response),
                               next_update=_clock(info.next_update),
                               resolution=_clock(info.resolution),
                               escalation_reasons=reasons.splitlines())

    def audit(self, case_id):
        """The case's audit trail, oldest first: sequence, time, actor, event, before (None
        for open), after, department, changes (a tuple of names) and note per entry."""
        live, case_id = self._live(), text_arg(case_id, "case_id")
        n = c_size_t()
        try:
            lib.desk_audit(live, case_id, None, 0, byref(n))
        except BufferTooSmall:
            pass
        entries = (AuditEntry * n.value)()
        lib.desk_audit(live, case_id, entries, n.value, byref(n))

        def text(index, field):
            return _text_out(lambda buf, size, k: lib.desk_audit_text(live, case_id, index, field,
                                                                      buf, size, k))
        return [SimpleNamespace(sequence=a.sequence, time=a.time, actor=text(i, 0),
                                event=EVENTS[a.event],
                                before=STATES[a.before] if a.before >= 0 else None,
                                after=STATES[a.after], department=text(i, 1),
                                changes=_change_names(a.changes), note=text(i, 2))
                for i, a in enumerate(entries)]

    def set_organisation(self, organisation):
        """Stores the organisation the desk routes on (None removes it): hand-overs must follow
        its transfer paths, and an escalation without a department goes to the nearest unit
        with more authority than the case's unit."""
        lib.desk_set_organisation(self._live(),
                                  None if organisation is None else organisation._live())

    def list(self, state=None, *, breached=False, now=0):
        """Case ids in id order, optionally in one state and / or breached at `now`."""
        code = -1 if state is None else enum_code("case_state", state)
        live, breached, now = self._live(), int(bool(breached)), seconds(now, "now")
        return _text_out(lambda buf, size, n: lib.desk_list(live, code, breached, now, buf, size,
                                                            n)).splitlines()

    def erase_customer(self, customer):
        """Removes one customer's reference everywhere (the cases and events stay); returns
        the number of cases that carried it."""
        n = c_size_t()
        lib.desk_erase_customer(self._live(), text_arg(customer, "customer"), byref(n))
        return n.value

    def snapshot(self):
        """Stores every case so that opening replays only later events; returns the last
        sequence number it covers."""
        n = c_int64()
        lib.desk_snapshot(self._live(), byref(n))
        return n.value

    def ping_pong(self, case_id):
        """How often the case came back to a unit it had been transferred away from."""
        n = c_size_t()
        lib.desk_ping_pong(self._live(), text_arg(case_id, "case_id"), byref(n))
        return n.value

    def __len__(self):
        n = c_int64()
        lib.desk_event_count(self._live(), byref(n))
        return n.value


def _text_out(call):
    """A text result of a buf/buf_len/out_len call, sized by a first call."""
    n = c_size_t()
    try:
        call(None, 0, byref(n))
    except BufferTooSmall:
        pass
    buf = ctypes.create_string_buffer(n.value + 1)
    call(buf, len(buf), byref(n))
    return buf.value.decode()


class Organisation(Handle):
    """Units (departments, roles) with an authority level and one-way transfer paths with a
    hand-over cost, for escalation routing (crmkit::complaint::Organisation)."""

    _FREE = "organisation_free"

    def __init__(self):
        handle = ctypes.POINTER(crm_organisation)()
        lib.organisation_new(byref(handle))
        self._handle = handle

    def unit(self, name, authority):
        """Adds a unit with its authority level; returns self to chain. crmkit.InvalidArgument
        for an empty or repeated name."""
        lib.organisation_add_unit(self._live(), text_arg(name, "name"), int(authority))
        return self

    def path(self, source, target, handover_cost):
        """Adds a one-way transfer path between two known units with the cost of handing a case
        over (>= 0); returns self to chain."""
        lib.organisation_add_path(self._live(), text_arg(source, "from"), text_arg(target, "to"),
                                  float(handover_cost))
        return self

    def nearest_with_authority(self, source, authority):
        """(unit, cost, path): the cheapest reachable unit with at least `authority`."""
        cost = ctypes.c_double()
        text = _text_out(lambda buf, size, n: lib.organisation_route(
            self._live(), text_arg(source, "from"), int(authority), buf, size, n, byref(cost)))
        path = text.splitlines()
        return path[-1], cost.value, path
