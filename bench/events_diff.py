#!/usr/bin/env python3
"""Every error of the pooled event development sets of one corpus, event by event.

usage: bench/events_diff.py [--chronicle build/bin/chronicle] [--corpus reuters|modern]

Pools the development sets of bench/events (the dev set and sets 1-4 and 7, never the blind
ones), runs `chronicle extract` once on their articles and pairs gold and system events with
the shared scorer's own matching (../shared/tools/events_score.py). Prints, per article,
the matched events whose status, participants or location differ (STATUS, PART, LOC), the
gold events left unmatched (MISSED) and the system events left unmatched (SPURIOUS); two
runs diffed show what a rule change moved.
"""
import argparse, json, os, subprocess, sys, tempfile

import yaml

from bench_paths import ROOT, SHARED, load_tool

DATA = {"reuters": "data/reuters21578/reuters.jsonl", "modern": "data/modern-news/articles.jsonl"}
# bench/events DEVELOPMENT: the sets already measured; the blind sets are never read here
DEVELOPMENT = ["", "heldout", "heldout2", "heldout3", "heldout4", "heldout7"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--corpus", choices=sorted(DATA), default="reuters")
    a = ap.parse_args()
    sc = load_tool("events_score")
    gold = []
    for name in DEVELOPMENT:
        path = os.path.join(ROOT, "tests/events", f"{name + '-' if name else ''}{a.corpus}-gold.yaml")
        gold += yaml.safe_load(open(path))
    ids = {str(x["id"]) for x in gold}
    with tempfile.TemporaryDirectory() as tmp:
        docs, timeline = os.path.join(tmp, "docs.jsonl"), os.path.join(tmp, "timeline.yaml")
        with open(docs, "w") as out, open(os.path.join(SHARED, DATA[a.corpus])) as src:
            for line in src:
                if json.loads(line)["id"] in ids:
                    out.write(line)
        subprocess.run([a.chronicle, "extract", "-q", docs, "-o", timeline], check=True)
        by_src = sc.sys_events_by_source(yaml.safe_load(open(timeline)) or {})
    for art in gold:
        gev = art.get("events") or []
        sev = by_src.get(str(art["id"]), [])
        pairs = sc.match_article(gev, sev, False)
        for gi, si in pairs:
            g, ev = gev[gi], sev[si][0]
            out = []
            if str(ev.get("status")) != g["status"]:
                out.append(f"  STATUS gold={g['status']} sys={ev.get('status')}")
            gp, sp = g.get("participants") or [], ev.get("participants") or []
            missing = [x for x in gp if not any(sc.name_match(x, y) for y in sp)]
            extra = [y for y in sp if not any(sc.name_match(x, y) for x in gp)]
            if missing or extra:
                out.append(f"  PART missing={missing} extra={extra}")
            gl, sl = g.get("location"), ev.get("location")
            if gl:
                s, l = str(sl or "").lower(), str(gl).lower()
                if not (s and (s in l or l in s)):
                    out.append(f"  LOC gold={gl!r} sys={sl!r}")
            if out:
                print(f"{art['id']} {g['type']}/{g['status']}: {sc.norm_ws(g['evidence'])[:160]}")
                print("\n".join(out))
        matched_g, matched_s = {gi for gi, _ in pairs}, {si for _, si in pairs}
        for gi, g in enumerate(gev):
            if gi not in matched_g:
                print(f"{art['id']} MISSED {g['type']}/{g['status']} {g.get('date_text')!r}: "
                      f"{sc.norm_ws(g['evidence'])[:200]}")
        for si, (ev, sents) in enumerate(sev):
            if si not in matched_s:
                print(f"{art['id']} SPURIOUS {ev.get('type')}/{ev.get('status')} "
                      f"{ev.get('participants')}: {(sents[0] if sents else '')[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
