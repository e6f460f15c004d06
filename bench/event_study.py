#!/usr/bin/env python3
"""Recall study on unlabelled articles: prints fresh articles sentence by sentence with
Chronicle's events beside the sentences they come from, for reading by hand.

usage: bench/event_study.py --corpus reuters|modern --seed SEED [-n 25]
                            [--not-in SEED:N ...] [--chronicle build/bin/chronicle]
                            [--ids-only]

Draws N articles from the sample pool of tests/events/select_heldout.py (its `pool`
filter: length, dateline day, official and event words), excluding every article of every
gold file in tests/events/ and the draws of the blind sets (heldout5, heldout6, computed
by running their selection, never by reading their files). The draw depends only on the
seed and the data; --not-in SEED:N also excludes the N articles another seed draws (set B
excludes set A). Runs `chronicle extract --format jsonl` once on the drawn articles and
prints, per article, its id, published date, dateline and its sentences; a sentence with
an event word is marked `*`, and every Chronicle event whose evidence starts in a sentence
is printed under it (type, status, date, participants, location).

The hand judgements of a draw are kept in bench/event_study/<corpus>-<set>.tsv
(bench/event_study/README.md).
"""
import argparse, glob, json, os, random, re, subprocess, sys, tempfile

from bench_paths import ROOT, SHARED

sys.path.insert(0, os.path.join(ROOT, "tests/events"))
import select_heldout as sh  # noqa: E402

DATA = dict(sh.CORPORA)
# the pool's event words plus the other words a call, meeting or conference is told with
STUDY_EVENT = re.compile(sh.EVENT.pattern[:-3] + r"|call|called|calls|phoned|talked|"
                         r"discussed|discussions|consultations|session|tour|mission|"
                         r"leaves|left|fly|flew|go to|went to|held|hold|holds|gathering)\b",
                         re.I)
# a sentence ends at . ? ! (after a closing quote too) before white space and a capital,
# quote or digit; "Mr." and single initials do not end one
SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bU\.S)"
                      r"[.?!][\"']?(?=\s+[\"'A-Z0-9(])")


def sentences(text):
    out, begin = [], 0
    for m in SENT_END.finditer(text):
        out.append((begin, m.end()))
        begin = m.end()
    out.append((begin, len(text)))
    spans = []
    for b, e in out:
        while b < e and text[b].isspace():
            b += 1
        if b < e:
            spans.append((b, e))
    return spans


def draw(corpus, seed, n, not_in=()):
    exclude = set()
    for other in not_in:
        o_seed, o_n = other.rsplit(":", 1)
        exclude |= {d["id"] for d in draw(corpus, o_seed, int(o_n))}
    for path in glob.glob(os.path.join(ROOT, "tests/events/*-gold.yaml")):
        exclude |= sh.gold_ids(path)
    for blind in ("heldout5", "heldout6"):
        exclude |= sh.selected_ids(blind, SHARED)
    docs = sh.load(os.path.join(SHARED, DATA[corpus]))
    pos, _ = sh.pool(docs, exclude)
    ids = random.Random(f"{seed}-{corpus}").sample(pos, n)
    chosen = set(ids)
    return sorted((d for d in docs if d["id"] in chosen), key=lambda d: ids.index(d["id"]))


def show_event(ev):
    w = ev.get("when") or {}
    date = w.get("value") or f"{w.get('earliest')}..{w.get('latest')}"
    return (f"      -> {ev['type']}/{ev['status']} {date} {ev.get('participants')} "
            f"@ {ev.get('location')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=sorted(DATA), required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("-n", type=int, default=25)
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--not-in", action="append", default=[], metavar="SEED:N")
    ap.add_argument("--ids-only", action="store_true", help="print the drawn ids only")
    a = ap.parse_args()
    docs = draw(a.corpus, a.seed, a.n, a.not_in)
    if a.ids_only:
        print(" ".join(d["id"] for d in docs))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docs.jsonl")
        with open(path, "w") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        run = subprocess.run([a.chronicle, "extract", "-q", "--format", "jsonl", path],
                             check=True, capture_output=True, text=True)
    events = {}
    for line in run.stdout.splitlines():
        rec = json.loads(line)
        events[rec["id"]] = rec.get("events") or []
    n_ev = n_star = 0
    for d in docs:
        text = d["text"]
        print(f"=== {d['id']}  published {d['published']}  dateline {d.get('dateline')!r}")
        print(f"    {d.get('title')}")
        evs = events.get(d["id"], [])
        shown = set()
        for b, e in sentences(text):
            sent = " ".join(text[b:e].split())
            star = "*" if STUDY_EVENT.search(sent) else " "
            n_star += star == "*"
            print(f"  {star} [{b}] {sent}")
            for i, ev in enumerate(evs):
                if i not in shown and any(x["source"] == d["id"] and b <= x["start"] < e
                                          for x in ev["evidence"][:1]):
                    shown.add(i)
                    print(show_event(ev))
        n_ev += len(evs)
    print(f"# {len(docs)} articles, {n_star} marked sentences, {n_ev} Chronicle events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
