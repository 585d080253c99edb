"""Python entries for the SVG charts: every chart parsed as XML (well-formed, SVG namespace),
its elements counted, and a value found at the pixel the layout in include/crmkit/io/svg.hpp
gives (worked out by hand in the comments)."""
import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest

import crmkit
from crmkit import io

NS = "{http://www.w3.org/2000/svg}"
SERVQUAL = ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"]


def parse(svg):
    root = ET.fromstring(svg)  # raises on anything that is not well-formed XML
    assert root.tag == NS + "svg"
    return root


def elements(root, tag):
    return list(root.iter(NS + tag))


def texts(root):
    return ["".join(t.itertext()) for t in elements(root, "text")]


def points(element):
    return [tuple(float(v) for v in p.split(",")) for p in element.get("points").split()]


def test_radar_expectation_and_perception():
    # 640 x 360 with the legend of "Expectation" (11 x 6.2 + 40 = 108.2 px): plot x 10..531.8,
    # y 36..350, centre (270.9, 193). Top/bottom labels (one line) allow a radius of
    # 157 - 13 - 10 = 134. Expectation 7 on Tangibles (the top spoke) is at (270.9, 59).
    e, p = [7, 6.5, 6, 6.2, 5.8], [5, 4.5, 4, 5.5, 4.2]
    root = parse(io.radar_chart(SERVQUAL, {"Expectation": e, "Perception": p}, (1, 7),
                                title="SERVQUAL", dashed=["Expectation"]))
    polygons = elements(root, "polygon")
    assert len(polygons) == 2
    assert points(polygons[0])[0] == pytest.approx((270.9, 59.0))
    # Perception 4 on Responsiveness (spoke 2 of 5, 144 degrees clockwise from the top):
    # r = 134 x 3/6 = 67 -> (270.9 + 67 sin 144deg, 193 - 67 cos 144deg).
    angle = 2 * math.pi * 2 / 5
    expected = (270.9 + 67 * math.sin(angle), 193 - 67 * math.cos(angle))
    assert points(polygons[1])[2] == pytest.approx(expected, abs=0.06)
    assert polygons[0].get("stroke-dasharray") and not polygons[1].get("stroke-dasharray")
    assert len(elements(root, "circle")) == 6  # rings at 2..7
    assert {"SERVQUAL", "Expectation", "Perception", *SERVQUAL} <= set(texts(root))
    with pytest.raises(crmkit.InvalidArgument, match="series 'Perception' at axis 'Assurance' is 7.5"):
        io.radar_chart(SERVQUAL, {"Perception": [5, 5, 5, 7.5, 5]}, (1, 7))
    with pytest.raises(crmkit.InvalidArgument, match="at least 3 axes"):
        io.radar_chart(SERVQUAL[:2], {"P": [1, 2]}, (1, 7))
    with pytest.raises(ValueError, match="dashed names series that are not charted: E"):
        io.radar_chart(SERVQUAL, {"P": p}, (1, 7), dashed=["E"])


def test_audit_radar_on_a_percent_scale():
    categories = ["Company philosophy and climate", "Partnering with customers",
                  "Ready to find and solve customer problems",
                  "Using communication and customer information", "Accommodating customers",
                  "Capability and empowerment", "Process and product improvement"]
    root = parse(io.radar_chart(categories, {"2025": [71, 64, 55, 80, 90, 60, 47]}, (0, 100),
                                width=640, height=420))
    assert len(elements(root, "polygon")) == 1 and len(elements(root, "circle")) == 5
    assert "".join(texts(root)).count("customer") >= 3 and len(elements(root, "tspan")) > 7


def test_grouped_bars_of_gaps():
    # Width 651, legend "Gap 1".."Gap 3" (71 px): plot 60..580, slots of 260 px, bars of
    # 0.8 x 260 / 3 = 69.33 px; values -2..1 over y 36..312 (92 px a unit), zero at y 128.
    gaps = {"Gap 1": [-1, 0.5], "Gap 2": [0.2, -0.4], "Gap 3": [-2, 1]}
    root = parse(io.bar_chart(["Tangibles", "Reliability"], gaps, width=651))
    bars = [r for r in elements(root, "rect") if r.find(NS + "title") is not None]
    assert len(bars) == 6
    # Gap 3 at Tangibles = -2: x = 60 + 26 + 2 x 69.33 = 224.67, from 128 down to 312.
    gap3 = [b for b in bars if b.find(NS + "title").text == "Tangibles, Gap 3: -2"][0]
    assert float(gap3.get("x")) == pytest.approx(224.7, abs=0.06)
    assert (float(gap3.get("y")), float(gap3.get("height"))) == (128.0, 184.0)
    assert len(elements(root, "rect")) == 1 + 6 + 3  # background, bars, legend swatches
    with pytest.raises(crmkit.InvalidArgument,
                       match="series 'Gap 2' at label 'Reliability' is not finite"):
        io.bar_chart(["Tangibles", "Reliability"], {"Gap 2": [1, np.nan]})


def test_plain_bar_chart_has_no_legend():
    root = parse(io.bar_chart(["a", "b"], [1, 3], title="Counts"))
    # 640 x 360: "b" = 3 from y 36 to 312 at x 60 + 280 + 28 = 368, 224 px wide.
    rects = elements(root, "rect")
    assert len(rects) == 3
    assert [rects[2].get(k) for k in ("x", "y", "width", "height")] == \
        ["368.0", "36.0", "224.0", "276.0"]


def test_csi_over_waves_with_confidence_intervals():
    # Legend "Index" (71 px) at width 651: points at x 190 and 450; 0..100 over y 36..312.
    root = parse(io.category_line_chart(["2024-Q1", "2024-Q2"], {"Index": [60, 80]},
                                        intervals={"Index": ([55, 75], [65, 85])}, y_range=(0, 100),
                                        width=651, x_label="survey wave"))
    (line,) = elements(root, "polyline")
    assert points(line) == [(190.0, 146.4), (450.0, 91.2)]
    (bars,) = elements(root, "path")
    assert bars.get("d").startswith("M190.0,160.2V132.6")
    assert len(elements(root, "circle")) == 2
    assert "survey wave" in texts(root)
    with pytest.raises(crmkit.InvalidArgument, match="'2024-Q2': 120 is outside the y range 0 .. 100"):
        io.category_line_chart(["2024-Q1", "2024-Q2"], {"Index": [60, 120]}, y_range=(0, 100))


def test_ipa_quadrants_and_points():
    # Ranges 0..8: 70 px a unit across from x 60, 29.5 up from y 292 (the value area is
    # 56..292 inside the 20 px bands); item (2, 6) at (200, 115), the crosshair (4, 4) at
    # x 340, y 174.
    items = ["Keeps promises", "Modern equipment", "Courteous"]
    root = parse(io.ipa_chart(items, [2, 6, 7], [6, 2, 7], (4, 4), performance_range=(0, 8),
                              importance_range=(0, 8)))
    circles = elements(root, "circle")
    assert len(circles) == 3
    assert (circles[0].get("cx"), circles[0].get("cy")) == ("200.0", "115.0")
    quadrants = {r.find(NS + "title").text: r for r in elements(root, "rect")
                 if r.find(NS + "title") is not None}
    assert set(quadrants) == {"Concentrate here", "Keep up the good work", "Low priority",
                              "Possible overkill"}
    # High importance, low performance: left of and above the crosshair.
    q = quadrants["Concentrate here"]
    assert (q.get("x"), q.get("y"), q.get("width"), q.get("height")) == \
        ("60.0", "36.0", "280.0", "138.0")
    assert set(items) <= set(texts(root))
    with pytest.raises(crmkit.InvalidArgument, match="importance of item 'Courteous' is 9"):
        io.ipa_chart(items, [2, 6, 7], [6, 2, 9], (4, 4), importance_range=(1, 7))


def test_line_chart_and_heat_map():
    root = parse(io.line_chart({"actual": ([0, 10], [0, 5]), "model": ([0, 5, 10], [0, 2, 4])},
                               markers=[(5, "calibration ends")], dashed=["model"]))
    lines = elements(root, "polyline")
    # Legend "actual"/"model" 77.2 px: plot x 60..562.8; y 0..5 over 312..36.
    assert len(lines) == 2 and points(lines[0]) == [(60.0, 312.0), (562.8, 36.0)]
    assert "calibration ends" in texts(root)
    root = parse(io.heat_map([[0, 0.5], [1, np.nan]], ["0", "1"], ["low", "high"]))
    cells = [r for r in elements(root, "rect") if r.find(NS + "title") is not None]
    assert [c.find(NS + "title").text for c in cells] == ["low, 0: 0", "low, 1: 0.5", "high, 0: 1",
                                                          "high, 1: impossible"]


def test_text_is_escaped_and_large_charts_grow_the_buffer():
    root = parse(io.bar_chart(["<b>&"], [1], title='P & "E"'))
    assert {'P & "E"', "<b>&"} <= set(texts(root))
    many = ["item %d" % i for i in range(2000)]  # an SVG far beyond the first 64 KiB buffer
    svg = io.bar_chart(many, list(range(2000)), width=10000, height=2000)
    assert len(svg) > 1 << 16 and len(elements(parse(svg), "rect")) == 2001


def test_parse_time_under_io_and_top_level():
    assert crmkit.io.parse_time("1970-01-02") == crmkit.parse_time("1970-01-02") == 1.0
