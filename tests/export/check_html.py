#!/usr/bin/env python3
"""`--format html` read with Python's html.parser and checked against the YAML timeline.

usage: check_html.py CHRONICLE SOURCE_DIR

Self-contained: no <script>, <link>, <img>, <iframe>, @import or url(), and no
http(s) address anywhere but the SVG namespace. One mark per event (data-event = id):
a <circle> for a single day, a <rect> for a window, faded (fill-opacity) exactly when
approximate or open, its <title> holding every evidence sentence; undated events as
one list item each. Event labels on one row never overlap (same width estimate as the
writer: 6.6 px per character). Rendering in a browser is not done here.
"""
import html.parser
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chronicle_runner, finish, require  # noqa: E402

[yaml] = require("yaml")

chronicle, src = sys.argv[1:3]
failures = []
SVG_NS = "http://www.w3.org/2000/svg"


run = chronicle_runner(chronicle)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks = {}      # id -> list of (tag, attrs)
        self.titles = {}     # id -> title text of its mark
        self.labels = []     # (x, y, text)
        self.banned = []
        self.stack = []
        self.in_title = None
        self.in_label = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe", "object", "embed", "image", "use"):
            self.banned.append(tag)
        for k, v in attrs:
            if v and k != "xmlns" and re.search(r"https?://|url\(", v):
                self.banned.append(f"{tag}[{k}]={v}")
        cls = (a.get("class") or "").split()
        if "mark" in cls:
            self.marks.setdefault(a.get("data-event"), []).append((tag, a))
            self.current = a.get("data-event")
        if tag == "title" and self.stack and self.stack[-1] in ("circle", "rect"):
            self.in_title = self.current
            self.titles[self.in_title] = ""
        if tag == "text" and self.stack and self.stack[-1] == "g":
            self.in_label = [float(a["x"]), float(a["y"]), ""]
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = None
        if tag == "text" and self.in_label:
            self.labels.append(tuple(self.in_label))
            self.in_label = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_title:
            self.titles[self.in_title] += data
        if self.in_label:
            self.in_label[2] += data


def check(name, args, ok=(0,)):
    text = run(args + ["--format", "html"], ok)
    tl = yaml.safe_load(run(args, ok))
    for m in re.finditer(r"https?://[^\s\"'<>]*", text):
        if m.group(0) != SVG_NS:
            failures.append(f"{name}: external address {m.group(0)}")
    if "@import" in text or "url(" in text:
        failures.append(f"{name}: @import or url() in the page")
    page = Page()
    page.feed(text)
    for b in page.banned:
        failures.append(f"{name}: external resource or script: {b}")
    ids = {e["id"] for e in tl["events"]}
    for extra in set(page.marks) - ids:
        failures.append(f"{name}: mark for unknown event {extra}")
    for e in tl["events"]:
        w = e["when"]
        got = page.marks.get(e["id"], [])
        where = f"{name}: {e['id']}"
        if len(got) != 1:
            failures.append(f"{where}: {len(got)} marks")
            continue
        tag, a = got[0]
        lo, hi = w["earliest"], w["latest"]
        if lo is None and hi is None:
            if tag != "li":
                failures.append(f"{where}: undated event drawn as {tag}")
            continue
        want = "circle" if (lo is None or hi is None or lo == hi) else "rect"
        if tag != want:
            failures.append(f"{where}: {tag} for window {lo}..{hi}, expected {want}")
        faded = w["approx"] or lo is None or hi is None
        if faded != ("fill-opacity" in a):
            failures.append(f"{where}: {'not faded' if faded else 'faded'} ({w})")
        title = page.titles.get(e["id"], "")
        for ev in e["evidence"]:
            if ev["sentence"] not in title:
                failures.append(f"{where}: hover title lacks evidence at {ev['start']}")
    rows = {}
    for x, y, t in page.labels:
        rows.setdefault(y, []).append((x, x + len(t) * 6.6))
    for y, spans in rows.items():
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            if b0 < a1:
                failures.append(f"{name}: labels overlap on row y={y}")
    print(f"{name}: {sum(len(v) for v in page.marks.values())} marks for {len(ids)} events")


check("seed", ["extract", os.path.join(src, "examples", "riyadh-talks.txt")])
check("multi", ["extract", os.path.join(src, "tests", "data", "merge")], ok=(0, 1))
check("edge", ["merge", os.path.join(src, "tests", "export", "edge.yaml")])

finish(failures)
