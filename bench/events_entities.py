#!/usr/bin/env python3
"""Participant and location mismatches on the event dev sets, event by event.

usage: bench/events_entities.py [--chronicle build/bin/chronicle] [--set reuters|modern]

Runs `chronicle extract` on the articles of tests/events/{reuters,modern}-gold.yaml, pairs
gold and system events with the shared scorer's own matching (../shared/tools/
events_score.py) and prints, for every matched pair whose participants or location differ,
what is missing, what is extra and both locations. Ends with the per-set counts.
"""
import argparse, json, os, subprocess, sys, tempfile

import yaml

from bench_paths import ROOT, SHARED, load_tool

DEV = {"reuters": "data/reuters21578/reuters.jsonl", "modern": "data/modern-news/articles.jsonl"}


def load_scorer():
    return load_tool("events_score")


def run(chronicle, gold, data):
    ids = {str(x["id"]) for x in gold}
    with tempfile.TemporaryDirectory() as tmp:
        subset = os.path.join(tmp, "docs.jsonl")
        with open(subset, "w") as out, open(data) as src:
            for line in src:
                if json.loads(line)["id"] in ids:
                    out.write(line)
        timeline = os.path.join(tmp, "timeline.yaml")
        subprocess.run([chronicle, "extract", subset, "-o", timeline], check=True)
        return yaml.safe_load(open(timeline)) or {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--set", choices=sorted(DEV), action="append")
    a = ap.parse_args()
    sc = load_scorer()
    for name in a.set or sorted(DEV, reverse=True):
        gold = yaml.safe_load(open(os.path.join(ROOT, f"tests/events/{name}-gold.yaml")))
        by_src = sc.sys_events_by_source(run(a.chronicle, gold, os.path.join(SHARED, DEV[name])))
        n_part = n_loc = loc_n = 0
        print(f"== {name}")
        for art in gold:
            gev = art.get("events") or []
            sev = by_src.get(str(art["id"]), [])
            for gi, si in sc.match_article(gev, sev, False):
                g, ev = gev[gi], sev[si][0]
                gp, sp = g.get("participants") or [], ev.get("participants") or []
                missing = [x for x in gp if not any(sc.name_match(x, y) for y in sp)]
                extra = [y for y in sp if not any(sc.name_match(x, y) for x in gp)]
                gl, sl = g.get("location"), ev.get("location")
                loc_bad = False
                if gl:
                    loc_n += 1
                    s, l = str(sl or "").lower(), str(gl).lower()
                    loc_bad = not (s and (s in l or l in s))
                if not (missing or extra or loc_bad):
                    continue
                n_part += bool(missing or extra)
                n_loc += loc_bad
                print(f"{art['id']} {g['type']}/{g['status']}: {g['evidence'][:100]}")
                if missing or extra:
                    print(f"    participants gold={gp} sys={sp}")
                    print(f"      missing={missing} extra={extra}")
                if loc_bad:
                    print(f"    location gold={gl!r} sys={sl!r}")
        print(f"-- {name}: {n_part} events with participant errors, {n_loc}/{loc_n} locations wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
