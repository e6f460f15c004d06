#!/usr/bin/env python3
"""`--format html` rendered by a real browser (headless Chromium) and checked from its DOM.

usage: render_html.py CHRONICLE SOURCE_DIR [SHARED_DIR] [--screenshot PNG]

For the seed article, the multi-document test data, the
edge-case timeline (undated and open windows) and (when SHARED_DIR holds the
Reuters corpus) the timeline of its first 3000 documents: Chromium loads the page from a
file:// address with networking off, --dump-dom gives the DOM after parsing, and every
event of the JSON timeline must have exactly one mark (class "mark", data-event = id),
dated events inside the <svg>, and no mark for an unknown id. A screenshot of each page
must come out as a PNG. --screenshot PNG also writes the seed's screenshot there at
1400x900 (how docs/riyadh-talks.png is made).

Exits 77 (skipped) when no Chromium is installed (Debian: apt-get install chromium).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chronicle_runner, finish  # noqa: E402

args = sys.argv[1:]
shot_to = None
if "--screenshot" in args:
    i = args.index("--screenshot")
    shot_to = os.path.abspath(args[i + 1])
    del args[i:i + 2]
chronicle, src = args[0], args[1]
shared = args[2] if len(args) > 2 else None

browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
if not browser:
    print("SKIP: no chromium on PATH (Debian: apt-get install chromium)")
    sys.exit(77)

failures = []


run = chronicle_runner(chronicle, decode=False)


def chromium(page, *extra):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", *extra, "file://" + page]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=180)
        except subprocess.TimeoutExpired:
            sys.exit(f"FAIL: chromium did not finish in 180 s: {' '.join(cmd)}")
        if p.returncode != 0:
            sys.exit(f"FAIL: chromium exited {p.returncode}: {p.stderr.decode()[-2000:]}")
        return p.stdout.decode("utf-8")


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks = {}  # id -> [(tag, inside svg)]
        self.depth_svg = 0
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.depth_svg += 1
            self.svgs += 1
        if "mark" in (a.get("class") or "").split():
            self.marks.setdefault(a.get("data-event"), []).append((tag, self.depth_svg > 0))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth_svg -= 1


def check(name, cmd, ok=(0,), screenshot=None):
    tl = json.loads(run(cmd + ["--format", "json"], ok))
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, name + ".html")
        with open(page, "wb") as f:
            f.write(run(cmd + ["--format", "html"], ok))
        dom = Dom()
        dom.feed(chromium(page, "--dump-dom"))
        png = screenshot or os.path.join(tmp, name + ".png")
        chromium(page, f"--screenshot={png}", "--window-size=1400,900", "--hide-scrollbars")
        with open(png, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                failures.append(f"{name}: the screenshot is not a PNG")
    events = tl["events"]
    ids = {e["id"] for e in events}
    dated = sum(1 for e in events if e["when"]["earliest"] or e["when"]["latest"])
    if dated and dom.svgs == 0:
        failures.append(f"{name}: no <svg> in the rendered DOM")
    for extra in set(dom.marks) - ids:
        failures.append(f"{name}: mark for unknown event {extra}")
    for e in events:
        got = dom.marks.get(e["id"], [])
        if len(got) != 1:
            failures.append(f"{name}: {e['id']} has {len(got)} marks in the DOM")
            continue
        tag, in_svg = got[0]
        is_dated = bool(e["when"]["earliest"] or e["when"]["latest"])
        if is_dated != in_svg:
            failures.append(f"{name}: {e['id']} ({tag}) {'not ' if is_dated else ''}in the svg")
    n_marks = sum(len(v) for v in dom.marks.values())
    print(f"{name}: {n_marks} marks in Chromium's DOM for {len(events)} events ({dated} dated)")


check("seed", ["extract", os.path.join(src, "examples", "riyadh-talks.txt")],
      screenshot=shot_to)
check("multi", ["extract", os.path.join(src, "tests", "data", "merge")], ok=(0, 1))
check("edge", ["merge", os.path.join(src, "tests", "export", "edge.yaml")])
reuters = os.path.join(shared or "", "data", "reuters21578", "reuters.jsonl")
if shared and os.path.isfile(reuters):
    with tempfile.TemporaryDirectory() as tmp:
        part = os.path.join(tmp, "reuters-3000.jsonl")
        with open(reuters, "rb") as f, open(part, "wb") as out:
            for i, line in enumerate(f):
                if i == 3000:
                    break
                out.write(line)
        check("reuters-3000", ["extract", part, "--quiet"], ok=(0, 1))
else:
    print("reuters-3000: skipped (no ../shared/data/reuters21578/reuters.jsonl)")

finish(failures)
