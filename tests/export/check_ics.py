#!/usr/bin/env python3
"""`--format ics` read back with Python's icalendar (Debian python3-icalendar) and
checked event by event against the YAML timeline of the same input.

usage: check_ics.py CHRONICLE SOURCE_DIR

Inputs: the seed article, the multi-document folder tests/data/merge/, and
tests/export/edge.yaml (through `chronicle merge`).

Checked: CRLF line ends, no physical line over 75 octets, no UTF-8 sequence split by a
fold; one VEVENT per dated event with its day(s) (DTEND the day after latest), SUMMARY,
LOCATION, STATUS, DESCRIPTION (status, participants, every evidence sentence), a UID
that is unique and the same on a second run, X-CHRONICLE-APPROX/-GRANULARITY exactly on
uncertain windows; undated events listed as X-CHRONICLE-UNDATED. Exit 77 when
python3-icalendar or python3-yaml is missing.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chronicle_runner, day, finish, require  # noqa: E402

icalendar, yaml = require("icalendar", "yaml")

chronicle, src = sys.argv[1:3]
failures = []
STATUS = {"occurred": "CONFIRMED", "ongoing": "CONFIRMED", "cancelled": "CANCELLED"}


run = chronicle_runner(chronicle, decode=False)


def check(name, inputs, ok=(0,), cmd="extract"):
    raw = run([cmd] + inputs + ["--format", "ics"], ok)
    again = run([cmd] + inputs + ["--format", "ics"] + (["--threads", "1"] if cmd == "extract" else []), ok)
    if raw != again:
        failures.append(f"{name}: a second run gives other bytes")
    tl = yaml.safe_load(run([cmd] + inputs, ok))

    # RFC 5545 section 3.1: CRLF, 75 octets, folds between characters
    if not raw.endswith(b"\r\n"):
        failures.append(f"{name}: does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            failures.append(f"{name}: line {n} has a bare LF or CR")
        if len(line) > 75:
            failures.append(f"{name}: line {n} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{name}: line {n} splits a UTF-8 sequence")

    cal = icalendar.Calendar.from_ical(raw)
    vevents = [c for c in cal.walk("VEVENT")]
    by_id = {}
    for v in vevents:
        by_id.setdefault(str(v.get("X-CHRONICLE-ID")), []).append(v)
    uids = [str(v.get("UID")) for v in vevents]
    if len(set(uids)) != len(uids):
        failures.append(f"{name}: UIDs are not unique")
    undated = [str(x) for x in (cal.get("X-CHRONICLE-UNDATED") or [])] \
        if isinstance(cal.get("X-CHRONICLE-UNDATED"), list) else \
        ([str(cal.get("X-CHRONICLE-UNDATED"))] if cal.get("X-CHRONICLE-UNDATED") else [])

    dated = 0
    for e in tl["events"]:
        w = e["when"]
        lo, hi = day(w["earliest"]), day(w["latest"])
        got = by_id.get(e["id"], [])
        if lo is None and hi is None:
            if got:
                failures.append(f"{name}: {e['id']} has no day but got a VEVENT")
            if not any(u.startswith(e["id"] + " ") for u in undated):
                failures.append(f"{name}: undated {e['id']} is not listed as X-CHRONICLE-UNDATED")
            continue
        dated += 1
        if len(got) != 1:
            failures.append(f"{name}: {e['id']}: {len(got)} VEVENTs")
            continue
        v = got[0]
        where = f"{name}: {e['id']}"
        start = v.decoded("DTSTART")
        if type(start) is not datetime.date:
            failures.append(f"{where}: DTSTART is not an all-day date: {start!r}")
        if lo is not None and hi is not None:
            if start != lo:
                failures.append(f"{where}: DTSTART {start} != earliest {lo}")
            if "DTEND" not in v or v.decoded("DTEND") != hi + datetime.timedelta(days=1):
                failures.append(f"{where}: DTEND {v.get('DTEND') and v.decoded('DTEND')} != day after {hi}")
        else:
            if start != (lo or hi):
                failures.append(f"{where}: DTSTART {start} != the known bound {lo or hi}")
            if "DTEND" in v:
                failures.append(f"{where}: open window has a DTEND")
        if str(v.get("SUMMARY")) != (e["summary"] or e["type"]):
            failures.append(f"{where}: SUMMARY {v.get('SUMMARY')!r} != {e['summary']!r}")
        want_status = STATUS.get(e["status"], "TENTATIVE")
        if str(v.get("STATUS")) != want_status:
            failures.append(f"{where}: STATUS {v.get('STATUS')} for {e['status']}")
        loc = str(v.get("LOCATION") or "")
        for part in (e["location"], e["country"]):
            if part and part not in loc:
                failures.append(f"{where}: LOCATION {loc!r} lacks {part!r}")
        desc = str(v.get("DESCRIPTION"))
        if f"Status: {e['status']}" not in desc:
            failures.append(f"{where}: DESCRIPTION lacks the status")
        for p in e["participants"]:
            if p not in desc:
                failures.append(f"{where}: DESCRIPTION lacks participant {p!r}")
        for ev in e["evidence"]:
            if ev["sentence"] not in desc:
                failures.append(f"{where}: DESCRIPTION lacks evidence at {ev['start']}")
        uncertain = w["approx"] or lo is None or hi is None or w["granularity"] not in ("day", "time")
        if uncertain != ("X-CHRONICLE-APPROX" in v) or uncertain != ("X-CHRONICLE-GRANULARITY" in v):
            failures.append(f"{where}: X-CHRONICLE-APPROX/GRANULARITY {'missing' if uncertain else 'on a sure day'}")
        if uncertain and str(v.get("X-CHRONICLE-GRANULARITY")) != w["granularity"]:
            failures.append(f"{where}: X-CHRONICLE-GRANULARITY {v.get('X-CHRONICLE-GRANULARITY')}")
        if not str(v.get("UID")).endswith("@chronicle") or "DTSTAMP" not in v:
            failures.append(f"{where}: UID or DTSTAMP missing")
    if dated != len(vevents):
        failures.append(f"{name}: {len(vevents)} VEVENTs for {dated} dated events")
    print(f"{name}: {len(vevents)} VEVENTs checked, {len(tl['events']) - dated} undated")
    return vevents


seed = check("seed", [os.path.join(src, "examples", "riyadh-talks.txt")])
if len(seed) < 5:
    failures.append("seed: fewer than 5 VEVENTs")
check("multi", [os.path.join(src, "tests", "data", "merge")], ok=(0, 1))
# hand-made edge cases read back through `merge`: an undated event, an open window,
# cancelled/postponed/unknown statuses, , ; \\ | and newlines, long non-Latin text
edge = check("edge", [os.path.join(src, "tests", "export", "edge.yaml")], cmd="merge")
if len(edge) != 3:
    failures.append(f"edge: {len(edge)} VEVENTs, expected 3 (one event is undated)")

finish(failures)
