#!/usr/bin/env python3
"""Attribute study of extracted events on unlabelled articles (issue #4).

usage: bench/event_attr_study.py [--seed attr-study-1] [--articles 20]
                                 [--corpus reuters|modern|both] [--chronicle build/bin/chronicle]
                                 [--ids]

Draws articles from the same pool as the held-out event gold (the filter of
tests/events/select_heldout.py, imported, not copied: 300-3000 characters, the dateline
day equal to `published`, >= 2 official words and >= 2 event words), with
random.Random("<seed>-<corpus>"), after excluding every article of every development gold
file in tests/events/ (the dev sets and sets 1-4) and the draws of the blind sets 5 and 6
(computed by running select_heldout's own selection for them, never by reading their
files). It runs `chronicle extract --format jsonl` on the drawn articles and prints, per
article, its id, published date, dateline, title and text with numbered sentences, then
each extracted event (type, status, time, participants, location) with the evidence
sentence(s) and their neighbours, so that each attribute can be judged by hand against
shared/docs/event-guidelines.md and the conventions of tests/events/*README.md.

Judgements are kept in bench/event_study/attributes-*.tsv (one row per judged attribute;
see bench/event_study/README.md). `--ids` prints only the drawn ids. `--template` prints a
TSV row per attribute of every extracted event (Chronicle's value in both value columns, an
empty kind) to start a judgement file. `--recheck FILE.tsv` runs the current build on the
same draw and counts, per kind, the judged attributes the build now gets right or wrong
(an event is found again by article, type and the start of its first evidence sentence).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

from bench_paths import ROOT, SHARED

sys.path.insert(0, os.path.join(ROOT, "tests", "events"))
import select_heldout as sh  # noqa: E402  (the pool filter of the held-out sets)
from bench_paths import load_tool  # noqa: E402

ATTRIBUTES = ("participants", "location", "status", "date")
TSV_HEAD = ["id", "event", "attribute", "chronicle", "correct", "kind"]

# development gold files whose ids are excluded; the blind sets 5 and 6 are excluded
# through their selection (select_heldout.selected_ids), their files are never read
DEVELOPMENT = ["", "heldout", "heldout2", "heldout3", "heldout4"]
BLIND = ["heldout5", "heldout6"]
# blind sets drawn after the studies: dropped from a draw after it is made (so the earlier
# draws stay the same), their files never opened (set 7 is development data now; its
# articles are still dropped after the draw, as before)
LATER_BLIND = ["heldout7", "heldout8"]


def excluded_ids():
    ids = set()
    for name in DEVELOPMENT:
        for corpus, _ in sh.CORPORA:
            ids |= sh.gold_ids(os.path.join(ROOT, "tests", "events",
                                            f"{name + '-' if name else ''}{corpus}-gold.yaml"))
    for name in BLIND:
        ids |= sh.selected_ids(name, SHARED)
    return ids


def draw(docs, exclude, corpus, seed, n):
    """n articles of the held-out sample pool, drawn with Random('<seed>-<corpus>')."""
    set_name = f"study:{seed}"
    sh.SETS[set_name] = {"seed": seed, "n_sample": n, "decoys": {corpus: {}}, "exclude": []}
    try:
        _, _, sample, _ = sh.select(docs, exclude, corpus, set_name)
    finally:
        del sh.SETS[set_name]
    later = set().union(*(sh.selected_ids(name, SHARED) for name in LATER_BLIND))
    return [i for i in sample if i not in later]


def sentences(text):
    """Rough sentence spans (start, end) for display only."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"')\]]?(?=\s+[\"'(\[]?[A-Z0-9])|\n\s*\n", text):
        # no break after an initial or an abbreviation such as "U.S." or "Dr."
        if re.search(r"(\b[A-Z]\.[A-Z]|\b[A-Z]|\b(?:Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Jr|v|vs))\.$",
                     text[max(0, m.start() - 4):m.start() + 1]):
            continue
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def flat(s):
    return re.sub(r"\s+", " ", s).strip()


def event_key(doc_id, ev):
    """Article, type and first evidence offset: stable across runs unlike e1, e2, ..."""
    starts = [e["start"] for e in ev.get("evidence") or [] if e.get("source") == doc_id]
    return f"{doc_id}/{ev.get('type')}@{min(starts) if starts else -1}"


def event_keys(doc_id, events):
    """event_key of each event, "#2", "#3" appended to repeats (events sharing a sentence)."""
    seen, out = {}, []
    for ev in events:
        k = event_key(doc_id, ev)
        seen[k] = seen.get(k, 0) + 1
        out.append(k if seen[k] == 1 else f"{k}#{seen[k]}")
    return out


def attribute(ev, name):
    if name == "participants":
        return "; ".join(ev.get("participants") or [])
    if name == "location":
        return ev.get("location") or ""
    if name == "status":
        return ev.get("status") or ""
    w = ev.get("when") or {}
    if not w.get("text"):
        return ""  # no time given (bounds from the status alone are not a date)
    return f"{w.get('earliest') or ''}..{w.get('latest') or ''}"


def same(name, got, want, sc):
    """The scorer's leniency: names by name_match, places by containment."""
    if name == "participants":
        g = [x for x in got.split("; ") if x]
        w = [x for x in want.split("; ") if x]
        return (all(any(sc.name_match(x, y) for y in g) for x in w)
                and all(any(sc.name_match(x, y) for x in w) for y in g))
    if name == "location":
        g, w = got.lower(), want.lower()
        return g == w or bool(g and w and (g in w or w in g))
    return got == want


def show(doc, result):
    text = doc["text"]
    spans = sentences(text)
    print("=" * 100)
    print(f"{doc['id']}  published {doc['published']}  dateline {doc.get('dateline')!r}")
    print(f"title: {doc.get('title')}")
    for i, (s, e) in enumerate(spans):
        print(f"  [{i}] {flat(text[s:e])}")
    events = (result or {}).get("events") or []
    if not events:
        print("  -- no events")
    for ev in events:
        w = ev.get("when") or {}
        print(f"  -- {doc['id']}/{ev.get('id')} {ev.get('type')} status={ev.get('status')} "
              f"when={w.get('text')!r} {w.get('value')} [{w.get('earliest')}..{w.get('latest')}]")
        print(f"     participants={ev.get('participants')} location={ev.get('location')!r} "
              f"country={ev.get('country')!r} plugin={ev.get('plugin')}")
        for evd in ev.get("evidence") or []:
            if evd.get("source") != doc["id"]:
                continue
            idx = [i for i, (s, e) in enumerate(spans) if s < evd["end"] and evd["start"] < e]
            print(f"     evidence sentence(s) {idx}: {flat(evd.get('sentence', ''))}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default="attr-study-1")
    ap.add_argument("--articles", type=int, default=20, help="articles per corpus")
    ap.add_argument("--corpus", choices=["reuters", "modern", "both"], default="both")
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--ids", action="store_true", help="print the drawn ids only")
    ap.add_argument("--template", action="store_true", help="print a judgement TSV template")
    ap.add_argument("--recheck", metavar="TSV", help="score the current build on a judged TSV")
    a = ap.parse_args()
    if a.template:
        print("\t".join(TSV_HEAD))
    runs = {}
    exclude = excluded_ids()
    for corpus, rel in sh.CORPORA:
        if a.corpus not in ("both", corpus):
            continue
        docs = sh.load(os.path.join(SHARED, rel))
        ids = draw(docs, exclude, corpus, a.seed, a.articles)
        if a.ids:
            print(f"{corpus}: {' '.join(ids)}")
            continue
        by_id = {d["id"]: d for d in docs}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "docs.jsonl")
            with open(path, "w") as out:
                for i in ids:
                    out.write(json.dumps(by_id[i]) + "\n")
            run = subprocess.run([a.chronicle, "extract", "-q", "--format", "jsonl", path],
                                 check=True, capture_output=True, text=True)
        results = {}
        for line in run.stdout.splitlines():
            if line.strip():
                r = json.loads(line)
                results[r["id"]] = r
        if a.template:
            for i in ids:
                evs = (results.get(i) or {}).get("events") or []
                for key, ev in zip(event_keys(i, evs), evs):
                    for name in ATTRIBUTES:
                        v = attribute(ev, name)
                        print("\t".join([i, key, name, v, v, ""]))
            continue
        if a.recheck:
            runs.update(results)
            continue
        print(f"#### {corpus}: seed {a.seed!r}, {len(ids)} articles, "
              f"{sum(len(r.get('events') or []) for r in results.values())} events")
        for i in ids:
            show(by_id[i], results.get(i))
    if a.recheck:
        return recheck(a.recheck, runs)
    return 0


def recheck(path, runs):
    """Per kind: judged attributes that were wrong/right before and are wrong/right now."""
    sc = load_tool("events_score")
    events = {}
    for doc_id, r in runs.items():
        evs = r.get("events") or []
        events.update(zip(event_keys(doc_id, evs), evs))
    counts, lost = {}, set()
    with open(path) as f:
        rows = [dict(zip(TSV_HEAD, line.rstrip("\n").split("\t"))) for line in f][1:]
    for row in rows:
        if row["attribute"] not in ATTRIBUTES:
            continue
        ev = events.get(row["event"])
        if ev is None:
            lost.add(row["event"])
            continue
        kind = row["kind"] or "ok"
        was = same(row["attribute"], row["chronicle"], row["correct"], sc)
        now = same(row["attribute"], attribute(ev, row["attribute"]), row["correct"], sc)
        c = counts.setdefault((row["attribute"], kind), [0, 0, 0])
        c[0] += 1
        c[1] += not was
        c[2] += not now
        if was != now:
            print(f"{'FIXED' if now else 'BROKEN'} {row['event']} {row['attribute']}: "
                  f"{row['chronicle']!r} -> {attribute(ev, row['attribute'])!r} "
                  f"(correct {row['correct']!r})")
    print(f"{'attribute':<13} {'kind':<40} {'rows':>4} {'wrong before':>12} {'wrong now':>9}")
    for (name, kind), (n, before, now) in sorted(counts.items()):
        print(f"{name:<13} {kind:<40} {n:>4} {before:>12} {now:>9}")
    for name in ATTRIBUTES:
        tot = [sum(c[i] for (nm, _), c in counts.items() if nm == name) for i in range(3)]
        print(f"{name:<13} {'ALL':<40} {tot[0]:>4} {tot[1]:>12} {tot[2]:>9}")
    if lost:
        print(f"{len(lost)} judged events not found in this run: {' '.join(sorted(lost))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
