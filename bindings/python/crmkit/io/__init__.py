"""Input and output shared by the pillars (crmkit::io): times as day numbers and charts as
standalone SVG, one module per capability as in every other layer (include/crmkit/io/<name>.hpp,
capi/io/<name>.cpp).

    svg = crmkit.io.radar_chart(["Tangibles", ...], {"Expectation": e, "Perception": p}, (1, 7))
    crmkit.io.parse_time("2026-11-24")     # also crmkit.parse_time
"""
from .._lib import parse_time  # noqa: F401
from .svg import (  # noqa: F401
    bar_chart,
    category_line_chart,
    heat_map,
    ipa_chart,
    line_chart,
    radar_chart,
)
