"""Porter's value chain: cost, value and margin per activity (crmkit::process,
value_chain.hpp; capi/process/process.cpp)."""
from ctypes import byref
from types import SimpleNamespace

from .._lib import ActivityFigures, ActivityMargin, ValueChainResult, enum_code, enum_names, lib, new

# The nine activities in the template's order: five primary, then four support.
ACTIVITIES = enum_names("activity")


def value_chain(figures):
    """figures: {activity: (cost, value)} or a sequence of (activity, cost, value) (several
    entries of one activity add up). Returns .activities (a dict by name of dicts: primary,
    cost, value, margin, cost_share, in the template's order), .cost, .value, .margin and
    .margin_ratio (margin / value)."""
    items = ([(a, c, v) for a, (c, v) in figures.items()] if isinstance(figures, dict)
             else list(figures))
    entries = (ActivityFigures * max(1, len(items)))()
    for k, (activity, cost, value) in enumerate(items):
        entries[k].activity = enum_code("activity", activity)
        entries[k].cost, entries[k].value = float(cost), float(value)
    rows = (ActivityMargin * len(ACTIVITIES))()
    result = new(ValueChainResult, activities=rows)
    lib.value_chain(entries, len(items), byref(result))
    activities = {ACTIVITIES[r.activity]: dict(primary=bool(r.primary), cost=r.cost, value=r.value,
                                               margin=r.margin, cost_share=r.cost_share)
                  for r in rows}
    return SimpleNamespace(activities=activities, cost=result.cost, value=result.value,
                           margin=result.margin, margin_ratio=result.margin_ratio)
