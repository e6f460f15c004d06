#!/usr/bin/env python3
"""Lists the TempEval-3 errors of `chronicle timex` on the development sets, with context.

usage: bench/tempeval_errors.py [--chronicle build/bin/chronicle] [--sets timebank,aquaint]
                                [--kinds] [--only missed|spurious|span|value|span+value]

Runs `chronicle timex` on each set, pairs gold and predicted TIMEX3 with the scorer's own
matching (../shared/tools/tempeval_score.py) and prints one line per error: kind, document,
gold text/type/value, predicted text/type/value, and the words around it. `--kinds` prints
counts per error kind (missed, spurious, extent too short/long, type, granularity,
year off, weekday in another week, gold underspecified ...) with an example each. Development sets only (TimeBank, AQUAINT,
MEANTIME): the platinum set is for reporting, not for reading errors.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

from bench_paths import ROOT, SHARED, TEMPEVAL_DEV_SETS as SETS, load_tool


def load_scorer():
    return load_tool("tempeval_score")


def granularity(v):
    """Coarse shape of a TIMEX3 value: day, week, month, quarter, year, ref, duration, set..."""
    if v is None:
        return "none"
    if v.endswith("_REF"):
        return "ref"
    if v.startswith("P"):
        return "duration"
    if v.startswith("XXXX"):
        return "set-like"
    if "T" in v:
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d?(-WE)?", v):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return "month"
    if re.fullmatch(r"\d{4}-(Q\d|H\d|SP|SU|FA|WI)", v):
        return "part-of-year"
    if re.fullmatch(r"\d{2,4}", v):
        return "year/decade"
    return "underspecified" if "X" in v else "other"


def error_kind(e):
    """A finer kind for the summary: what went wrong, not just where."""
    g, p = e["gold"], e["pred"]
    if e["kind"] in ("missed", "spurious"):
        t = g or p
        shape = granularity(t["value"])
        what = "fuzzy (_REF)" if shape == "ref" else t["type"] or "untyped"
        return f"{e['kind']} {what}"
    parts = []
    if e["kind"].startswith("span"):
        gt, pt = g["text"].lower(), p["text"].lower()
        if pt in gt:
            parts.append("extent too short")
        elif gt in pt:
            parts.append("extent too long")
        else:
            parts.append("extent shifted")
    if e["kind"].endswith("value"):
        gv, pv = g["value"], p["value"]
        if g["type"] != p["type"]:
            parts.append(f"type {g['type']}->{p['type']}")
        elif "X" in (gv or "") and "X" not in (pv or ""):
            parts.append("gold underspecified (X)")
        else:
            gg, pg = granularity(gv), granularity(pv)
            if gg != pg:
                parts.append(f"granularity {gg}->{pg}")
            elif gg in ("day", "time") and gv[:4] == pv[:4] and g["text"].split()[0].lower().rstrip("'s").endswith("day"):
                parts.append("weekday: other week")
            elif gv[:4] != pv[:4] and gv[4:] == pv[4:]:
                parts.append("year off")
            else:
                parts.append(f"wrong {gg}")
    return ", ".join(parts)


def context(text, start, end, width=70):
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--sets", default="timebank,aquaint")
    ap.add_argument("--kinds", action="store_true", help="counts per error kind only")
    ap.add_argument("--only", help="one error kind")
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        print(f"SKIP: {SHARED} not found")
        return 0
    scorer = load_scorer()
    counts = collections.Counter()
    examples = {}
    for name in a.sets.split(","):
        if name not in SETS:
            sys.exit(f"unknown set '{name}' (development sets: {', '.join(SETS)})")
        gold_path = os.path.join(SHARED, SETS[name])
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as pred:
            subprocess.run([a.chronicle, "timex", gold_path], stdout=pred, check=True)
        gold, order = scorer.load_jsonl(gold_path)
        preds, _ = scorer.load_jsonl(pred.name)
        os.unlink(pred.name)
        _, _, errors, _ = scorer.score(gold, order, preds, want_errors=True)
        for e in errors:
            g, p = e["gold"], e["pred"]
            kind = e["kind"]
            fine = error_kind(e)
            counts[fine] += 1
            examples.setdefault(fine, e)
            if a.kinds or (a.only and kind != a.only):
                continue
            text = gold[e["id"]]["text"]
            where = g or p
            gs = f"{g['text']!r} {g['type']} {g['value']}" if g else "-"
            ps = f"{p['text']!r} {p['type']} {p['value']}" if p else "-"
            print(f"{kind:10} {name}:{e['id']} [{fine}]\n  gold {gs}\n  pred {ps}\n  "
                  f"{context(text, where['start'], where['end'])}")
    if a.kinds:
        for fine, n in counts.most_common():
            e = examples[fine]
            ex = e["gold"] or e["pred"]
            val = (e["gold"] or {}).get("value"), (e["pred"] or {}).get("value")
            print(f"{n:5}  {fine:45} e.g. {ex['text']!r} gold {val[0]} pred {val[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
