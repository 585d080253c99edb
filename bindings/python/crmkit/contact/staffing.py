"""Required agents, shrinkage and staffing plans (crmkit::contact::required_agents,
staffing_plan; capi/contact/staffing.cpp). Times in seconds. Options left out keep the
library's defaults (80% answered within 20 s, Erlang C, patience 120 s, no shrinkage)."""
from ctypes import byref, c_double, c_int64

import numpy as np

from .._convert import f64, int_arg, ptr, struct_dict
from .._lib import PlanColumns, PlanTotals, StaffingOptions, StaffingResult, defaults, enum_code, lib, new

_DEFAULT = object()  # "the library's default"; None drops a target


def _options(service_level, answer_within, asa, max_occupancy, shrinkage, model, patience):
    o = defaults(StaffingOptions, "staffing_options")
    if model is not None:
        o.model = enum_code("queue_model", model) if isinstance(model, str) else int_arg(model, "model")
    for name, value in (("patience", patience), ("answer_within", answer_within), ("shrinkage", shrinkage)):
        if value is not None:
            setattr(o, name, float(value))
    for name, value in (("service_level", service_level), ("asa", asa), ("max_occupancy", max_occupancy)):
        if value is not _DEFAULT:
            setattr(o, "has_" + name, value is not None)
            setattr(o, name, 0.0 if value is None else float(value))
    return o


def required_agents(calls, length, aht, *, service_level=_DEFAULT, answer_within=None, asa=_DEFAULT,
                    max_occupancy=_DEFAULT, shrinkage=None, model=None, patience=None):
    """The fewest agents meeting every target for `calls` in `length` seconds at `aht` seconds
    each: service_level (share within answer_within s; None: no such target), asa (max s),
    max_occupancy. A dict: agents, scheduled (after shrinkage), traffic, p_wait, p_abandon,
    service_level, asa, asa_delayed, queue_length, occupancy."""
    o = _options(service_level, answer_within, asa, max_occupancy, shrinkage, model, patience)
    out = new(StaffingResult)
    lib.required_agents(float(calls), float(length), float(aht), byref(o), byref(out))
    return struct_dict(out)


def evaluate_staffing(agents, calls, length, aht, *, answer_within=None, shrinkage=None, model=None,
                      patience=None):
    """What `agents` achieve on the workload (the same dict as required_agents)."""
    o = _options(_DEFAULT, answer_within, _DEFAULT, _DEFAULT, shrinkage, model, patience)
    out = new(StaffingResult)
    lib.evaluate_staffing(int_arg(agents, "agents", -2**63, 2**63 - 1), float(calls), float(length),
                          float(aht), byref(o), byref(out))
    return struct_dict(out)


def scheduled_agents(agents, shrinkage):
    """agents / (1 - shrinkage) rounded up (21 at 0.3 is 30: see staffing.hpp)."""
    out = c_int64()
    lib.scheduled_agents(int_arg(agents, "agents", -2**63, 2**63 - 1), float(shrinkage), byref(out))
    return out.value


def staffing_plan(calls, length, aht, *, service_level=_DEFAULT, answer_within=None, asa=_DEFAULT,
                  max_occupancy=_DEFAULT, shrinkage=None, model=None, patience=None):
    """Required agents per interval (arrays of calls >= 0, length s, aht s). A dict of NumPy
    arrays (agents, scheduled, traffic, service_level, asa, p_abandon, occupancy; NaN figures
    for intervals without calls) and `totals` (a dict: calls, agent_hours, scheduled_hours,
    peak_agents, peak_scheduled, service_level, asa, p_abandon, occupancy)."""
    c = f64(calls, "calls")
    n = c.shape[0]
    ln, a = f64(length, "length", n), f64(aht, "aht", n)
    o = _options(service_level, answer_within, asa, max_occupancy, shrinkage, model, patience)
    result = {"agents": np.zeros(n, np.int64), "scheduled": np.zeros(n, np.int64)}
    for name in ("traffic", "service_level", "asa", "p_abandon", "occupancy"):
        result[name] = np.zeros(n)
    cols = new(PlanColumns, **{name: ptr(arr, c_int64 if arr.dtype == np.int64 else c_double)
                               for name, arr in result.items()})
    totals = new(PlanTotals)
    lib.staffing_plan(ptr(c, c_double), ptr(ln, c_double), ptr(a, c_double), n, byref(o), byref(cols),
                      byref(totals))
    result["totals"] = struct_dict(totals)
    return result
