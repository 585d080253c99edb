"""Checks of `crmkit demo`'s report (issue 19, item 21). Usage: check_report.py REPORT DATA TMP

- no absolute path of this machine (the data folder, the temporary folder) in the report;
- money with thousands separators: CDNOW_master's total $2,500,315.63 (data/cdnow/README.md);
- the calibration end (week 39) marked on the tracking charts;
- the P(alive) heat map has a colour scale, and cells that cannot occur (x = 0 with recency
  > 0, x > 0 with recency 0) are marked impossible, never given a probability;
- labels along an axis do not overlap (estimated at 6.2 px a character of 11 px text, the
  estimate svg.cpp lays out with; slanted labels need neighbours >= 12 px apart across).
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

report_path, data_dir, tmp_dir = sys.argv[1:4]
html = open(report_path, encoding="utf-8").read()
problems = []

for path in (data_dir, tmp_dir, "/work/", "/home/", "/tmp/"):
    if path in html:
        problems.append(f"absolute path {path} in the report")
if "$2,500,315.63" not in html:
    problems.append("total spend not shown as $2,500,315.63")

svgs = [ET.fromstring(m) for m in re.findall(r"<svg.*?</svg>", html, re.S)]
NS = "{http://www.w3.org/2000/svg}"


def texts(svg):
    return [t for t in svg.iter(NS + "text")]


def title(svg):
    return texts(svg)[0].text or ""


tracking = [s for s in svgs if "Cumulative repeat transactions" in title(s)]
if len(tracking) < 2 or not all(any("calibration ends" in (t.text or "") for t in texts(s)) for s in tracking):
    problems.append("calibration end not marked on every tracking chart")

heat = [s for s in svgs if "P(alive)" in title(s)]
if len(heat) != 1:
    problems.append("no P(alive) heat map")
else:
    svg = heat[0]
    labels = [t.text for t in texts(svg)]
    if not {"0", "0.25", "0.5", "0.75", "1", "impossible"} <= set(labels):
        problems.append("heat map without a colour scale and its legend")
    for rect in svg.iter(NS + "rect"):
        tip = rect.find(NS + "title")
        if tip is None:
            continue
        frequency, rest = tip.text.split(", ", 1)
        recency, value = rest.split(": ")
        possible = (frequency == "0") == (recency == "0")
        if possible == (value == "impossible"):
            problems.append(f"heat map cell x={frequency} recency={recency}: {value}")

for svg in svgs:
    rows = {}
    for t in texts(svg):
        if t.get("transform", "").find("rotate(-35)") >= 0:
            x, y = map(float, re.search(r"translate\(([-\d.]+),([-\d.]+)\)", t.get("transform")).groups())
            rows.setdefault(("slanted", y), []).append((x, t.text or ""))
        elif t.get("transform") is None and t.get("y") is not None:
            anchor = t.get("text-anchor", "start")
            x, width = float(t.get("x")), 6.2 * len(t.text or "")
            left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            rows.setdefault(("level", float(t.get("y"))), []).append((left, left + width, t.text))
    for (kind, y), items in rows.items():
        items.sort()
        for a, b in zip(items, items[1:]):
            if kind == "slanted":
                if (b[0] - a[0]) * math.sin(math.radians(35)) < 12:
                    problems.append(f"{title(svg)}: slanted labels {a[1]!r} and {b[1]!r} overlap")
            elif a[1] > b[0]:
                problems.append(f"{title(svg)}: labels {a[2]!r} and {b[2]!r} overlap at y={y}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
