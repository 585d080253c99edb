"""`crmkit demo`'s report rendered by a real browser (headless Chromium, Debian `chromium`).

Usage: report_in_browser.py CRMKIT DATA_DIR OUT_DIR

Runs `crmkit demo` into OUT_DIR, then checks:
- the file stands alone: no script, stylesheet, image or link it would fetch, no network
  address but the SVG namespace, no absolute path of this machine;
- the page loads without an error (a listener injected before anything else records script
  and resource errors) and every section has a title and content;
- every chart (every inline <svg>, whichever pillar drew it) has non-empty geometry, shapes,
  a title in its top band, legible text (>= 8 px as rendered) inside its own box, and no two
  texts overlapping, measured on the rendered page with rotation (slanted tick labels) taken
  into account;
- a screenshot of the whole page is written to OUT_DIR/report.png (kept as the artifact).
The same checks first run on a page with one of each fault (FAULTY_PAGE) and must find them
all, so a check that cannot fail fails the test. Chromium missing is a failure, never a skip.
"""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Texts may touch: the boxes are font boxes (ascent to descent, advance widths), a little
# larger than the ink. svg.cpp lays text out by an estimate of its width; a box may pass the
# chart's edge by its side bearing without a visible glyph being cut.
OVERLAP_TOLERANCE_PX = 1.0
EDGE_TOLERANCE_PX = 3.0
# Text rendered smaller than this is not legible (a wide chart shrunk to the page's width);
# the charts' smallest deliberate size is 9 px.
MIN_FONT_PX = 8.0
TITLE_BAND_PX = 30  # a chart's title is drawn at y = 20 (include/crmkit/io/svg.hpp)
CAPTURE_ERRORS = ("<script>window.__crmkitErrors=[];window.addEventListener('error',function(e){"
                  "window.__crmkitErrors.push(String(e.message||e.type)+' '+(e.filename||"
                  "(e.target&&(e.target.src||e.target.href))||''))},true);</script>")


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("FAIL: chromium not found: install Debian's chromium (build.sh installs it)")


def run_chromium(browser, profile, args, url):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--hide-scrollbars", "--user-data-dir=" + profile] + args + [url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        sys.exit("FAIL: %s exited with %d:\n%s" % (" ".join(cmd), done.returncode, done.stderr[-2000:]))
    return done.stdout


def static_problems(text, forbidden_paths):
    problems = []
    for m in re.finditer(r"\b(?:src|href|xlink:href)\s*=\s*[\"']([^\"']*)", text):
        if not m.group(1).startswith("#"):
            problems.append("the report fetches %r" % m.group(1))
    for m in re.finditer(r"[a-z][a-z0-9+.-]*://[^\s\"'<>)]*", text):
        if m.group(0) != "http://www.w3.org/2000/svg":
            problems.append("network address %s in the report" % m.group(0))
    if re.search(r"<link\b|@import|url\((?!#)", text):  # url(#id): a pattern in the page
        problems.append("the report links a stylesheet or resource")
    for path in forbidden_paths:
        if path and path != "/" and path in text:
            problems.append("absolute path %s in the report" % path)
    return problems


def separated(a, b):
    """Whether two convex quadrilaterals (corner lists) are apart by the separating-axis test,
    allowing OVERLAP_TOLERANCE_PX of overlap."""
    for poly in (a, b):
        for i in range(4):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % 4]
            nx, ny = y1 - y2, x2 - x1
            length = (nx * nx + ny * ny) ** 0.5
            if length == 0:
                continue
            nx, ny = nx / length, ny / length
            pa = [x * nx + y * ny for x, y in a]
            pb = [x * nx + y * ny for x, y in b]
            if min(max(pa), max(pb)) - max(min(pa), min(pb)) <= OVERLAP_TOLERANCE_PX:
                return True
    return False


def chart_problems(i, chart):
    name = "chart %d (%s)" % (i + 1, chart["texts"][0]["text"] if chart["texts"] else chart["section"])
    x0, y0, w, h = chart["box"]
    problems = []
    if w <= 0 or h <= 0 or chart["content"][0] <= 0 or chart["content"][1] <= 0:
        return ["%s: empty geometry %s, content %s" % (name, chart["box"], chart["content"])]
    if chart["shapes"] == 0:
        problems.append("%s: no shapes drawn" % name)
    texts = [t for t in chart["texts"] if t["text"].strip()]
    if not texts:
        return problems + ["%s: no text at all (title, labels)" % name]
    if min(y for _, y in texts[0]["corners"]) - y0 > TITLE_BAND_PX * h / max(h, chart["content"][1]):
        problems.append("%s: its first text %r is not a title at the top" % (name, texts[0]["text"]))
    small = [t for t in texts if t["font_px"] < MIN_FONT_PX]
    if small:
        problems.append("%s: %d texts rendered below %g px (%r at %.1f px)"
                        % (name, len(small), MIN_FONT_PX, small[0]["text"], small[0]["font_px"]))
    for t in texts:
        xs, ys = [x for x, _ in t["corners"]], [y for _, y in t["corners"]]
        slack = EDGE_TOLERANCE_PX
        if min(xs) < x0 - slack or max(xs) > x0 + w + slack or min(ys) < y0 - slack or max(ys) > y0 + h + slack:
            problems.append("%s: text %r sticks out of the chart" % (name, t["text"]))
    for k, a in enumerate(texts):
        for b in texts[k + 1:]:
            if not separated(a["corners"], b["corners"]):
                problems.append("%s: texts %r and %r overlap" % (name, a["text"], b["text"]))
    return problems


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def page_problems(browser, text, shot, forbidden_paths):
    """Everything wrong with the page `text`: static checks, then Chromium's rendering (its
    screenshot written to `shot`). Returns (problems, page measurements)."""
    problems = static_problems(text, forbidden_paths)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(HERE, "report_probe.js"), encoding="utf-8") as f:
            probe_js = f.read()
        probe = text.replace("<head>", "<head>" + CAPTURE_ERRORS, 1)
        probe = probe.replace("</body>", "<script>" + probe_js + "</script></body>", 1)
        page_path = os.path.join(tmp, "page.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(text)
        probe_path = os.path.join(tmp, "probe.html")
        with open(probe_path, "w", encoding="utf-8") as f:
            f.write(probe)
        dom = run_chromium(browser, os.path.join(tmp, "profile"), ["--window-size=1000,1000", "--dump-dom"],
                           "file://" + probe_path)
        m = re.search(r'<pre id="crmkit-probe">(\{.*?)</pre>', dom, re.S)
        if not m:
            return problems + ["the probe did not run; DOM tail: " + dom[-1500:]], None
        page = json.loads(html.unescape(m.group(1)))

        problems += ["page error: " + e for e in page["errors"]]
        if not page["sections"]:
            problems.append("no sections")
        for s in page["sections"]:
            if not s["title"].strip() or s["height"] <= 40:
                problems.append("section %r is empty" % s["title"])
        svg_count = len(re.findall(r"<svg\b", text))
        if svg_count == 0 or len(page["charts"]) != svg_count:
            problems.append("%d charts rendered of %d in the file" % (len(page["charts"]), svg_count))
        for i, chart in enumerate(page["charts"]):
            problems += chart_problems(i, chart)

        # The whole page in one image: the window as tall as the page (capped).
        height = min(int(page["height"]) + 20, 16000)
        if os.path.exists(shot):
            os.remove(shot)
        run_chromium(browser, os.path.join(tmp, "profile"),
                     ["--window-size=1000,%d" % height, "--screenshot=" + shot], "file://" + page_path)
        size = png_size(shot) if os.path.exists(shot) else None
        if size != (1000, height):
            problems.append("screenshot %s: %s, expected a 1000 x %d PNG" % (shot, size, height))
    return problems, page


# A page with one of each fault the checks must find (run first: a check that finds nothing
# here is broken, and the report's pass would mean nothing).
FAULTY_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<section><h2>Faults</h2>
<img src="https://example.invalid/logo.png" alt="">
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" font-size="11">
<text x="150" y="20" text-anchor="middle">Overlapping labels</text>
<rect x="10" y="40" width="50" height="20"/>
<text x="40" y="80">segment one</text><text x="60" y="82">segment two</text>
<text x="290" y="100">cut off at the edge</text>
</svg>
<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 1500 300" font-size="11">
<text x="750" y="20" text-anchor="middle">Shrunk to a fifth</text><rect x="10" y="40" width="50" height="20"/>
</svg>
</section>
<section><h2>Slanted</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" font-size="11">
<text x="150" y="20" text-anchor="middle">Slanted labels, apart</text>
<rect x="10" y="30" width="50" height="20"/>
<text transform="translate(100,80) rotate(-35)" text-anchor="end">need_attention</text>
<text transform="translate(140,80) rotate(-35)" text-anchor="end">about_to_sleep</text>
</svg></section>
<script>undefined_function_of_the_report();</script>
</body></html>
"""
FAULTS = ("fetches 'https://example.invalid/logo.png'", "network address https://example.invalid",
          "page error: ", "'segment one' and 'segment two' overlap", "'cut off at the edge' sticks out",
          "chart 2 (Faults): empty geometry", "(Shrunk to a fifth): 1 texts rendered below 8 px")


def main():
    crmkit, data, out = sys.argv[1:4]
    browser = chromium()
    os.makedirs(out, exist_ok=True)
    found, _ = page_problems(browser, FAULTY_PAGE, os.path.join(out, "faults.png"), set())
    missed = [f for f in FAULTS if not any(f in p for p in found)]
    unexpected = [p for p in found if not any(f in p for f in FAULTS)]
    if missed or unexpected:
        print("FAIL: the checks missed %s in the faulty page, or found more: %s" % (missed, unexpected))
        return 1

    subprocess.run([crmkit, "demo", "--data", data, "--out", out], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        text = f.read()
    shot = os.path.join(out, "report.png")
    problems, page = page_problems(browser, text, shot, {
        os.path.realpath(data), os.path.abspath(data), os.path.realpath(out), os.path.realpath(HERE),
        os.path.expanduser("~"), tempfile.gettempdir() + "/"})
    for p in problems:
        print("FAIL:", p)
    if page:
        print("%d sections, %d charts, %d texts checked; screenshot %s"
              % (len(page["sections"]), len(page["charts"]), sum(len(c["texts"]) for c in page["charts"]), shot))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
