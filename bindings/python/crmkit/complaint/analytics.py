"""Complaint quality and analytics (crmkit::complaint recovery.hpp, review.hpp, cfpb.hpp,
analytics.hpp; capi/complaint/{recovery,review,cfpb,analytics}.cpp): service recovery,
satisfaction on close, handler review, the CFPB import and the report."""
import ctypes
import math
from ctypes import byref, c_double, c_int, c_size_t

from .._convert import c_strings, struct_dict
from .._lib import (AnalyticsOptions, BufferTooSmall, ComplaintSummary, Handle, ImportResult,
                    Recovery, crm_complaint_report, defaults, enum_code, enum_names, lib, text_arg)
from .desk import _text_out, seconds

STEPS = enum_names("handling_step")
TABOOS = enum_names("taboo")
_TABLES = enum_names("report_table")


def record_recovery(desk, case_id, time, actor, *, apology=False, remedy="", compensation_minor=0,
                    currency="", follow_up=None, preventive=False, timely=False, proactive=False,
                    feelings=False):
    """Stores a service recovery for a case: compensation in integer minor units (cents)
    with its ISO 4217 currency; the four recovery principles as booleans."""
    r = Recovery(version=1, case_id=text_arg(case_id, "case_id"), time=seconds(time),
                 actor=text_arg(actor, "actor"), apology=bool(apology),
                 remedy=text_arg(remedy, "remedy"), compensation_minor=int(compensation_minor),
                 currency=text_arg(currency, "currency"), preventive=bool(preventive),
                 timely=bool(timely), proactive=bool(proactive), feelings=bool(feelings))
    if follow_up is not None:
        r.has_follow_up, r.follow_up = 1, seconds(follow_up, "follow_up")
    lib.desk_record_recovery(desk._live(), byref(r))


def submit_satisfaction(desk, case_id, time, respondent, score, *, scale=(1, 5), comment=""):
    """The customer's answer on a closed case; a respondent who acted on the case (its
    handler) is refused with InvalidArgument."""
    lib.desk_submit_satisfaction(desk._live(), text_arg(case_id, "case_id"), seconds(time),
                                 text_arg(respondent, "respondent"), float(score),
                                 float(scale[0]), float(scale[1]), text_arg(comment, "comment"))


def record_review(desk, case_id, time, reviewer, steps, *, taboos=(), comment=""):
    """A review of a handled case: `steps` are six scores 0..5 (a list in the order of
    STEPS, or a dict by step name); `taboos` names from TABOOS. Returns the quality score
    (0..100). A reviewer who acted on the case is refused with InvalidArgument."""
    if isinstance(steps, dict):
        unknown = set(steps) - set(STEPS)
        if unknown:
            raise ValueError("unknown handling steps %s (expected %s)" % (sorted(unknown), STEPS))
        steps = [steps.get(name, 0) for name in STEPS]
    scores = (c_int * len(steps))(*[int(s) for s in steps])
    codes = (c_int * len(taboos))(*[enum_code("taboo", t) for t in taboos])
    score = c_double()
    lib.desk_record_review(desk._live(), text_arg(case_id, "case_id"), seconds(time),
                           text_arg(reviewer, "reviewer"), scores, len(steps), codes, len(taboos),
                           text_arg(comment, "comment"), byref(score))
    return score.value


def _notes(text):
    out = {"flagged": [], "rejected": []}
    for line in text.splitlines():
        kind, number, case, reason = line.split("\t")
        out[kind].append({"line": int(number), "case": _unescape(case), "reason": _unescape(reason)})
    return out


def import_cfpb(desk, path):
    """Replays a CFPB complaint export into the desk (idempotent): rows, imported,
    already_present, and the flagged and rejected rows with line, case and reason."""
    result = ImportResult(version=1)
    live, name = desk._live(), text_arg(path, "path")
    n = c_size_t()
    try:
        lib.desk_import_cfpb(live, name, byref(result), None, 0, byref(n))
        text = ""
    except BufferTooSmall:  # imported; the notes need room: the second call adds nothing
        buf = ctypes.create_string_buffer(n.value + 1)
        lib.desk_import_cfpb(live, name, byref(ImportResult(version=1)), buf, len(buf), byref(n))
        text = buf.value.decode()
    out = struct_dict(result)
    out.update(_notes(text))
    return out


def _unescape(field):
    return field.replace("\\\\", "\0").replace("\\t", "\t").replace("\\n", "\n").replace("\0", "\\")


def _number(text):
    try:
        return int(text)
    except ValueError:
        return float(text)


class _Report(Handle):
    _FREE = "complaint_report_free"

    def __init__(self, desk, opts):
        handle = ctypes.POINTER(crm_complaint_report)()
        lib.complaint_report_new(byref(handle), desk._live(), byref(opts))
        self._handle = handle

    def table(self, name):
        code, live = enum_code("report_table", name), self._live()
        lines = _text_out(lambda buf, size, n: lib.complaint_report_table(live, code, buf, size,
                                                                          n)).splitlines()
        header = lines[0].split("\t")
        text_columns = {"key", "cause", "channel", "case", "reason", "response", "handler", "period",
                        "currency"}
        return [{h: _unescape(v) if h in text_columns else _number(v)
                 for h, v in zip(header, line.split("\t"))} for line in lines[1:]]


def _rate(hits, total, hits_name, total_name):
    return {hits_name: hits, total_name: total, "rate": hits / total if total else None}


def report(desk, *, now=None, pareto_share=None, complaint_share=None, word_of_mouth=None,
           customer_value=None):
    """Complaint analytics over the desk as a dict with the keys of `crmkit complaints report
    --json`: by_channel, by_issue, by_period (counts), pareto, times (first_response and
    resolution, calendar and business: cases, median_hours, p90_hours), sla_compliance,
    reopen_rate, empowerment, satisfaction, iceberg, forwarding_lag, dispute_rate_by_response,
    timely, handler_quality, recovery_cost_by_cause. `customer_value` maps customer references
    to lifetime value (e.g. a CLV model's predictions) for the iceberg's revenue at risk."""
    opts = defaults(AnalyticsOptions, "analytics_options")
    if now is not None:
        opts.has_now, opts.now = 1, seconds(now, "now")
    for name, value in (("pareto_share", pareto_share), ("complaint_share", complaint_share),
                        ("word_of_mouth", word_of_mouth)):
        if value is not None:
            setattr(opts, name, float(value))
    values = dict(customer_value or {})
    customers, opts.value_count = c_strings(list(values), "customer_value")
    numbers = (c_double * len(values))(*[float(v) for v in values.values()])
    opts.value_customers, opts.values = customers, numbers
    with _Report(desk, opts) as r:
        s = ComplaintSummary(version=1)
        lib.complaint_report_summary(r._live(), byref(s))
        tables = {name: r.table(name) for name in _TABLES}

    def counts(name):
        return {row["key"]: row["cases"] for row in tables[name]}

    def sla(name):
        return {row["key"]: {
            "first_response": _rate(row["first_response_met"], row["first_response_judged"],
                                    "met", "judged"),
            "resolution": _rate(row["resolution_met"], row["resolution_judged"], "met", "judged")}
            for row in tables[name]}

    def times(prefix):
        return {clock: struct_dict(getattr(s, "%s_%s" % (prefix, clock)))
                for clock in ("calendar", "business")}

    nan_none = (lambda v: None if math.isnan(v) else v)
    return {
        "cases": s.cases, "events": s.events, "judged_at": s.judged_at,
        "by_channel": counts("by_channel"), "by_issue": counts("by_issue"),
        "by_period": counts("by_period"),
        "pareto": {"vital_few": s.vital_few,
                   "causes": [dict(row, vital=bool(row["vital"])) for row in tables["pareto"]]},
        "times": {"first_response": times("first_response"), "resolution": times("resolution")},
        "sla_compliance": {"by_channel": sla("sla_by_channel"), "by_priority": sla("sla_by_priority")},
        "reopen_rate": _rate(s.reopened, s.ever_closed, "reopened", "closed"),
        "empowerment": _rate(s.closed_without_escalation, s.closed, "without_escalation", "closed"),
        "satisfaction": {"answers": s.satisfaction_answers, "mean": nan_none(s.satisfaction_mean)},
        "recoveries": s.recoveries,
        "recovery_cost_by_cause": tables["recovery_cost_by_cause"],
        "handler_quality": tables["handler_quality"],
        "iceberg": {"complainants": s.complainants, "dissatisfied": s.dissatisfied,
                    "silent": s.silent, "told": s.told,
                    "revenue_at_risk": nan_none(s.revenue_at_risk),
                    "complainants_valued": s.complainants_valued},
        "forwarding_lag": {row.pop("channel"): row for row in tables["forwarding_lag"]},
        "forwarding_lag_excluded": tables["lag_excluded"],
        "dispute_rate_by_response": {
            row["response"]: _rate(row["disputed"], row["cases"], "disputed", "cases")
            for row in tables["dispute_by_response"]},
        "timely": _rate(s.timely, s.imported, "timely", "cases"),
    }
