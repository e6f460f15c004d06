#!/usr/bin/env python3
"""Recall study on unlabelled articles: draws articles and shows them next to Chronicle's events.

usage: bench/event_study.py --corpus reuters|modern (--seed SEED [-n 25] [--exclude-draw SEED:N ...]
                            | --from-tsv FILE) [--chronicle build/bin/chronicle] [--ids-only]

Draws N articles from the sample pool of tests/events/select_heldout.py (its filter, its
pool() function) with the random seed SEED, leaving out every article id of the gold files in
tests/events/ and of the draws of the blind sets heldout5 and heldout6 (computed by their
selection, their files are never read) and of the earlier draws named by --exclude-draw
(set B leaves out set A: `--exclude-draw study-modern-A:25`). Runs `chronicle extract --format jsonl` on the drawn
articles and prints, per article, its id, published date, dateline and title, then the text one
sentence a line (numbered, with its start offset). A sentence that holds an event word is
marked `*`; a Chronicle event whose evidence lies in a sentence is printed under it as
`=> type status date | participants | location`. The printout is what a reader judges
against ../shared/docs/event-guidelines.md; the judgements go to bench/event_study/*.tsv
(id, sentence start, judged event or `none`, Chronicle found y/n, miss kind).
--from-tsv FILE shows the articles of a judgement file instead of a draw, in its order
(the Reuters sets were drawn by an earlier form of the draw: bench/event_study/README.md).
"""
import argparse
import functools
import glob
import json
import os
import random
import re
import subprocess
import sys

from bench_paths import ROOT, SHARED

sys.path.insert(0, os.path.join(ROOT, "tests/events"))
import select_heldout as sh  # noqa: E402

sh.load = functools.lru_cache(maxsize=None)(sh.load)  # the blind selections read each corpus once

DATA = dict(sh.CORPORA)
BLIND = ("heldout5", "heldout6")
# blind sets drawn after the studies (they exclude every studied article): their files are
# not opened either, and their articles are dropped from a draw after it is made, so the
# earlier draws stay the same
# (set 7 is development data now, but its articles are still dropped after the draw so that
# the draws stay the same)
LATER_BLIND = ("heldout7", "heldout8")
# the pool's EVENT words plus the other ways a call, meeting or trip is written
EVENT_WORD = re.compile(
    sh.EVENT.pattern[:-3] + r"|call|calls|called|phoned|spoke|speaks|talked|summit|"
    r"conference|discuss\w*|consult\w*|readout|hosted|hosts|host|welcomed|welcomes|"
    r"convened|tour|toured|delegation|trip|travels|traveled|travelled)\b", re.I)


TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Prof|Rev|Hon|Jr|Sr|"
                   r"No|Nos|Vol|Mt|Ft|[A-Z]|(?:[A-Z]\.)+[A-Z])\.")


def excluded_ids():
    """Every gold file's ids (but the blind files, which are not opened) and the blind draws."""
    ids = set()
    for path in glob.glob(os.path.join(ROOT, "tests/events/*-gold.yaml")):
        if not os.path.basename(path).startswith(BLIND + LATER_BLIND):
            ids |= sh.gold_ids(path)
    for name in BLIND:
        ids |= sh.selected_ids(name, SHARED)
    return ids


def sentences(text):
    """(start, sentence) pairs: lines, split after . ! ? followed by a space and a capital."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, base, last = m.group(), m.start(), 0
        for b in re.finditer(r"[.!?][\"'’”)]?(\s+)(?=[\"“‘(]?[A-Z0-9])", line):
            prev = line[last:b.start(1)].split()
            # no split after a title or initial ("Mr. Smith", "U.S. President", "J. Doe")
            if prev and TITLE.fullmatch(prev[-1]):
                continue
            out.append((base + last, line[last:b.start(1)]))
            last = b.end()
        out.append((base + last, line[last:]))
    return [(s, t) for s, t in out if t.strip()]


def describe(ev):
    w = ev.get("when") or {}
    date = w.get("earliest") or "?"
    if w.get("latest") and w.get("latest") != w.get("earliest"):
        date += ".." + w["latest"]
    return (f"{ev['type']} {ev['status']} {date} | {', '.join(ev.get('participants') or [])}"
            f" | {ev.get('location') or '-'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=sorted(DATA), required=True)
    ap.add_argument("--seed")
    ap.add_argument("--from-tsv", metavar="FILE", help="the articles of a judgement file")
    ap.add_argument("-n", type=int, default=25)
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--exclude-draw", action="append", default=[], metavar="SEED:N",
                    help="leave out the N articles that SEED draws (an earlier study set)")
    ap.add_argument("--ids-only", action="store_true", help="print the drawn ids and stop")
    a = ap.parse_args()
    if not a.seed and not a.from_tsv:
        ap.error("give --seed SEED (a draw) or --from-tsv FILE (the articles of judgements)")
    docs = sh.load(os.path.join(SHARED, DATA[a.corpus]))
    if a.from_tsv:
        with open(a.from_tsv, encoding="utf-8") as f:
            rows = [line.split("\t", 1)[0] for line in f
                    if line.strip() and not line.startswith("#")]
        rows = [r for r in rows if r != "id"]  # the header
        ids = list(dict.fromkeys(rows))
    else:
        pos, _ = sh.pool(docs, excluded_ids())
        pos = sorted(pos)
        earlier = set()
        for spec in a.exclude_draw:
            seed, n = spec.rsplit(":", 1)
            earlier |= set(random.Random(seed).sample(pos, int(n)))
        ids = random.Random(a.seed).sample([i for i in pos if i not in earlier], a.n)
        later = set().union(*(sh.selected_ids(name, SHARED) for name in LATER_BLIND))
        ids = [i for i in ids if i not in later]
    if a.ids_only:
        print(" ".join(ids))
        return
    by_id = {d["id"]: d for d in docs}
    feed = "".join(json.dumps(by_id[i]) + "\n" for i in ids)
    run = subprocess.run([a.chronicle, "extract", "-q", "--threads", "1", "--format", "jsonl", "-"],
                         input=feed, capture_output=True, text=True, check=True)
    found = {r["id"]: r.get("events") or [] for r in map(json.loads, run.stdout.splitlines())}
    for i in ids:
        d = by_id[i]
        print(f"=== {i}  published {d['published']}  dateline {d.get('dateline') or '-'}")
        print(f"    title: {d.get('title') or '-'}")
        events = [(ev, e["start"]) for ev in found.get(i, []) for e in ev.get("evidence") or []
                  if e.get("source", i) == i]
        sents = sentences(d["text"])
        for n, (start, text) in enumerate(sents):
            end = sents[n + 1][0] if n + 1 < len(sents) else len(d["text"]) + 1
            mark = "*" if EVENT_WORD.search(text) else " "
            print(f"{mark} {n:2d} @{start:<5d} {text}")
            for ev, s in events:
                if start <= s < end:
                    print(f"           => {ev['id']} {describe(ev)}")
        print()


if __name__ == "__main__":
    main()
