"""Contact-centre KPIs from an interaction log (crmkit::contact::contact_kpis, capi/contact/kpi.cpp).
The definitions of every figure are in include/crmkit/contact/kpi.hpp. Times are day numbers,
datetime64 or ISO texts; NaN (or None in a list) marks a time or score that does not apply."""
from ctypes import byref, c_double, c_int64, c_size_t, c_uint8

import numpy as np

from .._convert import array, day, days, int_arg, optional, ptr, struct_dict
from .._lib import BufferTooSmall, ContactLog, KpiFigures, KpiOptions, defaults, enum_code, enum_names, lib, new

SERVICE_LEVEL_DEFINITIONS = enum_names("service_level_definition")
GROUPINGS = enum_names("kpi_grouping")  # ("interval", "channel", "agent")


def _times(values, name, n):
    if values is None:
        return None
    if isinstance(values, (list, tuple)):  # each element on its own: None, text, date or number
        out = np.array([np.nan if v is None else day(v) for v in values], dtype=np.float64)
    else:
        out = np.ascontiguousarray(days(values), dtype=np.float64)
    if out.shape != (n,):
        raise ValueError("%s must have %d values, got shape %s" % (name, n, out.shape))
    return out


def _log(channel, arrival, agent, answered, abandoned, end, ivr, transferred, resolved, satisfaction):
    ch = array(channel, np.int64, "channel")
    n = ch.shape[0]
    cols = {"channel": ch, "arrival": _times(arrival, "arrival", n),
            "agent": None if agent is None else array(agent, np.int64, "agent", n),
            "answered": _times(answered, "answered", n), "abandoned": _times(abandoned, "abandoned", n),
            "end": _times(end, "end", n),
            "satisfaction": None if satisfaction is None else array(
                [np.nan if v is None else v for v in satisfaction], np.float64, "satisfaction", n)}
    for name, values in (("ivr", ivr), ("transferred", transferred), ("resolved", resolved)):
        cols[name] = None if values is None else array(values, np.uint8, name, n)
    types = {np.dtype(np.int64): c_int64, np.dtype(np.float64): c_double, np.dtype(np.uint8): c_uint8}
    log = new(ContactLog, n=n, **{k: optional(v, types[v.dtype] if v is not None else None)
                                  for k, v in cols.items()})
    return log, cols  # cols keeps the arrays alive during the call


def _options(answer_within, short_abandon, definition, interval):
    o = defaults(KpiOptions, "kpi_options")
    for name, value in (("answer_within", answer_within), ("short_abandon", short_abandon),
                        ("interval", interval)):
        if value is not None:
            setattr(o, name, float(value))
    if definition is not None:
        o.definition = enum_code("service_level_definition", definition) \
            if isinstance(definition, str) else int_arg(definition, "definition")
    return o


def contact_kpis(channel, arrival, *, agent=None, answered=None, abandoned=None, end=None, ivr=None,
                 transferred=None, resolved=None, satisfaction=None, answer_within=None,
                 short_abandon=None, definition=None, interval=None):
    """The KPIs of the whole log as a dict (counts, then rates: abandonment_rate,
    abandonment_rate_excluding_short, service_level, asa, aht, busy_rate, occupancy,
    first_contact_resolution, containment, transfer_rate, satisfaction). channel: integer
    codes; definition: one of SERVICE_LEVEL_DEFINITIONS."""
    log, _keep = _log(channel, arrival, agent, answered, abandoned, end, ivr, transferred, resolved,
                      satisfaction)
    out = new(KpiFigures)
    lib.contact_kpis(byref(log), byref(_options(answer_within, short_abandon, definition, interval)),
                     byref(out))
    return struct_dict(out)


def contact_kpis_by(grouping, channel, arrival, *, agent=None, answered=None, abandoned=None, end=None,
                    ivr=None, transferred=None, resolved=None, satisfaction=None, answer_within=None,
                    short_abandon=None, definition=None, interval=None):
    """The KPIs per group ("interval", "channel" or "agent"): a list of dicts, each with `key`
    (channel code, agent id, or interval number since 1970-01-01), `start` (the interval's
    start as a day number; NaN for other groupings) and the figures of contact_kpis."""
    log, _keep = _log(channel, arrival, agent, answered, abandoned, end, ivr, transferred, resolved,
                      satisfaction)
    code = enum_code("kpi_grouping", grouping) if isinstance(grouping, str) else int_arg(grouping, "grouping")
    opts = _options(answer_within, short_abandon, definition, interval)
    count = c_size_t()
    try:
        lib.contact_kpis_by(byref(log), code, byref(opts), None, None, None, 0, byref(count))
    except BufferTooSmall:  # asked for the count only
        pass
    n = count.value
    keys, starts = np.zeros(n, np.int64), np.zeros(n)
    figures = (KpiFigures * max(n, 1))()
    figures[0].version = new(KpiFigures).version
    lib.contact_kpis_by(byref(log), code, byref(opts), ptr(keys, c_int64), ptr(starts, c_double),
                        figures, n, byref(count))
    return [dict(key=int(keys[i]), start=float(starts[i]), **struct_dict(figures[i])) for i in range(n)]
