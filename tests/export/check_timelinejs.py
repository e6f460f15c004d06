#!/usr/bin/env python3
"""`--format timelinejs` checked against the TimelineJS3 JSON format and the YAML timeline.

usage: check_timelinejs.py CHRONICLE SOURCE_DIR

Per dated event: one slide with unique_id = id, group = type, text.headline = summary;
start_date/end_date with integer parts, only those the granularity knows (no day for a
month, no month for a year), month 1-12 and a real day; end_date only when it differs,
never before start_date; display_date on approximate and open windows (and such words as
"later in March 2025" for the rest of a month). Undated events have no slide.
Exit 77 when python3-yaml is missing.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chronicle_runner, day, finish, require  # noqa: E402

[yaml] = require("yaml")

chronicle, src = sys.argv[1:3]
failures = []
MONTH = {"month", "quarter", "half", "season"}
YEAR = {"year", "decade", "century"}


run = chronicle_runner(chronicle)


def as_date(d):
    return datetime.date(d["year"], d.get("month", 1), d.get("day", 1))


def check(name, args, ok=(0,)):
    doc = json.loads(run(args + ["--format", "timelinejs"], ok))
    tl = yaml.safe_load(run(args, ok))
    if set(doc) != {"title", "events"} or "headline" not in doc["title"].get("text", {}):
        failures.append(f"{name}: top level must be title.text.headline and events")
    slides = {}
    for s in doc["events"]:
        slides.setdefault(s.get("unique_id"), []).append(s)
    dated = 0
    for e in tl["events"]:
        w = e["when"]
        lo, hi = day(w["earliest"]), day(w["latest"])
        got = slides.get(e["id"], [])
        where = f"{name}: {e['id']}"
        if lo is None and hi is None:
            if got:
                failures.append(f"{where}: undated event has a slide")
            continue
        dated += 1
        if len(got) != 1:
            failures.append(f"{where}: {len(got)} slides")
            continue
        s = got[0]
        if s.get("group") != e["type"]:
            failures.append(f"{where}: group {s.get('group')!r} != {e['type']!r}")
        if s.get("text", {}).get("headline") is None or not s["text"].get("text"):
            failures.append(f"{where}: text.headline/text.text missing")
        elif e["summary"] and s["text"]["headline"].replace("&amp;", "&") != e["summary"]:
            failures.append(f"{where}: headline {s['text']['headline']!r}")
        want = {"year"} if w["granularity"] in YEAR else {"year", "month"} if w["granularity"] in MONTH \
            else {"year", "month", "day"}
        if lo is None:
            want = {"year", "month", "day"}
        for key in ("start_date", "end_date"):
            if key not in s:
                continue
            d = s[key]
            if set(d) != want or not all(isinstance(v, int) for v in d.values()):
                failures.append(f"{where}: {key} {d} should hold exactly {sorted(want)} as numbers")
                continue
            try:
                as_date(d)
            except ValueError:
                failures.append(f"{where}: {key} {d} is not a real date")
        if "start_date" not in s:
            failures.append(f"{where}: no start_date")
            continue
        start = as_date(s["start_date"])
        first = lo or hi
        if (start.year, start.month if "month" in want else 1, start.day if "day" in want else 1) != \
                (first.year, first.month if "month" in want else 1, first.day if "day" in want else 1):
            failures.append(f"{where}: start_date {s['start_date']} does not hold {first}")
        if "end_date" in s:
            if s["end_date"] == s["start_date"] or as_date(s["end_date"]) < start:
                failures.append(f"{where}: end_date {s['end_date']} equal to or before start_date")
            if hi is None or as_date(s["end_date"]).year != hi.year:
                failures.append(f"{where}: end_date {s['end_date']} does not hold latest {hi}")
        elif lo is not None and hi is not None and w["granularity"] not in MONTH | YEAR and lo != hi:
            failures.append(f"{where}: window {lo}..{hi} has no end_date")
        needs_display = w["approx"] or lo is None or hi is None
        if needs_display != ("display_date" in s):
            failures.append(f"{where}: display_date {'missing' if needs_display else 'on an exact date'}")
    if dated != len(doc["events"]):
        failures.append(f"{name}: {len(doc['events'])} slides for {dated} dated events")
    print(f"{name}: {len(doc['events'])} slides checked")
    return doc


check("seed", ["extract", os.path.join(src, "examples", "riyadh-talks.txt")])
check("multi", ["extract", os.path.join(src, "tests", "data", "merge")], ok=(0, 1))
edge = check("edge", ["merge", os.path.join(src, "tests", "export", "edge.yaml")])
shown = {s["unique_id"]: s.get("display_date") for s in edge["events"]}
for eid, text in (("e1", "by 10 March 2025"), ("e2", "later in March 2025")):
    if shown.get(eid) != text:
        failures.append(f"edge: {eid} display_date {shown.get(eid)!r}, expected {text!r}")

finish(failures)
