#!/usr/bin/env python3
"""Would per-phrase annotation conventions learned from one development set help on another?

usage: bench/tempeval_conventions.py [--chronicle build/bin/chronicle] [--min-support 2]

The TimeML gold sets disagree on conventions: whether "now" or "recently" is tagged, whether
"last week" is 1998-W08 or 1998-WXX. This script tests, with a split, whether such
conventions could be learned as data instead of written as rules. For each development set
(TimeBank, AQUAINT, MEANTIME) it runs `chronicle timex`, reduces each predicted expression
to a pattern ("last week", "in MONTH", "N years": lower case, numbers N, months MONTH,
weekdays WEEKDAY) and derives, where a pattern has at least --min-support cases:

  * tag:   drop the pattern when the gold tags fewer than half of our cases of it;
  * value: replace our value's shape by the gold's most common one for the pattern
           (2013-W08 -> 2013-WXX, PAST_REF -> PXY ...) when that is not ours.

Each convention table derived on one set (and on TimeBank+AQUAINT together) is then
applied to the others, counting the
expressions it would make right and those it would make wrong there. A convention that
generalises wins on the other sets; one that is a set's own habit loses. Platinum is never
read. Prints one line per (derived on, applied to) pair and the patterns that decide it.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

from bench_paths import ROOT, SHARED, TEMPEVAL_DEV_SETS as SETS
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
NUMBERS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           "thirty|forty|fifty|hundred|several|a few|few")


def pattern(text):
    t = text.lower().strip()
    t = re.sub(rf"\b({MONTHS})\b\.?", "MONTH", t)
    t = re.sub(rf"\b({WEEKDAYS})\b", "WEEKDAY", t)
    t = re.sub(rf"\b({NUMBERS})\b", "N", t)
    t = re.sub(r"\d+(st|nd|rd|th)?", "N", t)
    return re.sub(r"\s+", " ", t)


def shape(value):
    return re.sub(r"\d", "9", value or "")


def unshape(value, gold_shape):
    """Our value with the parts the gold shape leaves unspecified made X (2013-W08 -> 2013-WXX);
    None when the gold shape is not our value with parts unspecified (a different reading)."""
    if len(value) == len(gold_shape) and all(g in ("X", "9") or g == v
                                             for v, g in zip(value, gold_shape)):
        return "".join("X" if g == "X" else v for v, g in zip(value, gold_shape))
    return gold_shape if "9" not in gold_shape else None


def pairs(chronicle, path):
    """(pattern, predicted value, gold value or None) for every predicted expression."""
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            gold[d["id"]] = d["timexes"]
    out = subprocess.run([chronicle, "timex", path], capture_output=True, text=True,
                         check=True).stdout
    rows = []
    for line in out.splitlines():
        d = json.loads(line)
        for p in d["timexes"]:
            g = [x for x in gold[d["id"]] if x["start"] < p["end"] and p["start"] < x["end"]]
            rows.append((pattern(p["text"]), p["value"], g[0]["value"] if g else None))
    return rows


def derive(rows, min_support):
    by = collections.defaultdict(list)
    for pat, pv, gv in rows:
        by[pat].append((pv, gv))
    drop, reshape = set(), {}
    for pat, cases in by.items():
        if len(cases) < min_support:
            continue
        tagged = [c for c in cases if c[1] is not None]
        if len(tagged) * 2 < len(cases):
            drop.add(pat)
            continue
        ours = collections.Counter(shape(pv) for pv, _ in tagged).most_common(1)[0][0]
        theirs, n = collections.Counter(shape(gv) for _, gv in tagged).most_common(1)[0]
        if theirs != ours and n >= min_support:
            reshape[pat] = theirs
    return drop, reshape


def apply(rows, drop, reshape):
    """(made right, made wrong, by pattern) on another set."""
    right = wrong = 0
    why = collections.Counter()
    for pat, pv, gv in rows:
        if pat in drop:
            if gv is None:
                right += 1
                why[f"drop '{pat}'"] += 1
            else:
                wrong += 1
                why[f"drop '{pat}'"] -= 1
        elif pat in reshape and gv is not None:
            new = unshape(pv, reshape[pat])
            was_ok, now_ok = pv == gv, new == gv
            if now_ok and not was_ok:
                right += 1
                why[f"value '{pat}' -> {reshape[pat]}"] += 1
            elif was_ok and not now_ok:
                wrong += 1
                why[f"value '{pat}' -> {reshape[pat]}"] -= 1
    return right, wrong, why


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--min-support", type=int, default=2)
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        print(f"SKIP: {SHARED} not found")
        return 0
    rows = {name: pairs(a.chronicle, os.path.join(SHARED, path)) for name, path in SETS.items()}
    print(f"{'derived on':16} {'applied to':10} {'rules':>5} {'right':>6} {'wrong':>6} {'net':>5}")
    rows["timebank+aquaint"] = rows["timebank"] + rows["aquaint"]
    for src in list(SETS) + ["timebank+aquaint"]:
        drop, reshape = derive(rows[src], a.min_support)
        for dst in SETS:
            if dst in src:
                continue
            right, wrong, why = apply(rows[dst], drop, reshape)
            top = ", ".join(f"{k} {v:+d}" for k, v in
                            sorted(why.items(), key=lambda kv: -abs(kv[1]))[:4])
            print(f"{src:16} {dst:10} {len(drop) + len(reshape):5} {right:6} {wrong:6} "
                  f"{right - wrong:+5}   {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
