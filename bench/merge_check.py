#!/usr/bin/env python3
"""Hand-check of cross-article merges on unlabelled text.

Runs `chronicle extract` on a run of consecutive articles of a corpus, keeps the entries
that more than one article reports (`reports` >= 2) and prints a fixed random sample of
them, each report with its article, type, status, window, place, participants and
evidence sentence, for a reader to judge: one real event, or reports of different events
merged by mistake.

usage: bench/merge_check.py [--chronicle build/bin/chronicle] --corpus reuters|modern
                            [--start LINE] [--count N] [--sample 40] [--seed 1]
                            [--judgements FILE]

--judgements reads a file of lines `KEY<TAB>same|different[<TAB>note]` (KEY as printed
for each entry) and prints, besides the sample, how many of the sampled entries are judged
same / different / not yet judged, and how many entries judged one event (in any run) this
run does not form. Keys are made of the reports' articles and sentence offsets and the
entry's place and type, so a judgement carries over to the same entry in another run.

Defaults: Reuters lines 13001-14500 (1987-04, the Shultz trip to Moscow), modern-news
lines 3001-3800 (2022-09 .. 2023-02).
"""
import argparse, json, os, random, subprocess, sys, tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CORPORA = {"reuters": ("data/reuters21578/reuters.jsonl", 13001, 1500),
           "modern": ("data/modern-news/articles.jsonl", 3001, 800)}


def entry_key(e):
    """The reports' articles and first sentence offsets, the entry's place and type (two
    events of one sentence): stable across runs."""
    first = {}
    for ev in e.get("evidence") or []:
        s = str(ev["source"])
        first[s] = min(first.get(s, ev["start"]), ev["start"])
    return ",".join(f"{s}@{first[s]}" for s in sorted(first)) + f"|{e.get('location') or '-'}|{e['type']}"


def window(w):
    w = w or {}
    return f"{w.get('value') or '-'} [{w.get('earliest')} .. {w.get('latest')}]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", default=os.path.join(ROOT, "build/bin/chronicle"))
    ap.add_argument("--corpus", choices=sorted(CORPORA), required=True)
    ap.add_argument("--start", type=int, help="first line (1-based) of the corpus file")
    ap.add_argument("--count", type=int, help="number of consecutive articles")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--judgements")
    a = ap.parse_args()
    path, start, count = CORPORA[a.corpus]
    path = os.path.join(SHARED, path)
    start = a.start or start
    count = a.count or count
    if not os.path.exists(path):
        print(f"SKIP: {path} not found (../shared is not beside the checkout)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        with open(path) as src, open(docs, "w") as out:
            for i, line in enumerate(src, 1):
                if start <= i < start + count:
                    out.write(line)
        timeline = os.path.join(tmp, "timeline.yaml")
        subprocess.run([a.chronicle, "extract", "--quiet", docs, "-o", timeline], check=True)
        tl = yaml.safe_load(open(timeline))
    events = tl.get("events") or []
    merged = [e for e in events if (e.get("reports") or 1) >= 2]
    print(f"{a.corpus} lines {start}-{start + count - 1}: {len(events)} entries, "
          f"{len(merged)} with reports >= 2 "
          f"({sum(e['reports'] for e in merged)} reports in them)")
    rng = random.Random(a.seed)
    sample = sorted(rng.sample(merged, min(a.sample, len(merged))), key=entry_key)
    judged = {}
    if a.judgements:
        for n, line in enumerate(open(a.judgements), 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2 or parts[1] not in ("same", "different"):
                sys.exit(f"{a.judgements}:{n}: expected KEY<TAB>same|different[<TAB>note]")
            judged[parts[0]] = parts[1]
    tally = {"same": 0, "different": 0, "unjudged": 0}
    for e in sample:
        key = entry_key(e)
        verdict = judged.get(key, "unjudged")
        tally[verdict] += 1
        print(f"\n## {key}  [{verdict}]")
        print(f"   entry: {e['type']} {e['status']} {window(e.get('when'))} "
              f"at {e.get('location')}; {e.get('participants')}")
        if e.get("conflicts"):
            print(f"   conflicts: {e['conflicts']}")
        sentences = {}
        for ev in e.get("evidence") or []:
            sentences.setdefault(str(ev["source"]), ev["sentence"])
        for v in e.get("versions") or []:
            s = str(v["source"])
            print(f"   - {s}: {v['type']} {v['status']} {window(v.get('when'))} at "
                  f"{v.get('location')}; {v.get('participants')}")
            print(f"     \"{sentences.get(s, '')[:300]}\"")
    print(f"\nsample of {len(sample)}: {tally['same']} same event, {tally['different']} "
          f"different events, {tally['unjudged']} not judged")
    if judged:
        # entries judged one event (in an earlier run) that this run no longer forms
        formed = {entry_key(e) for e in merged}
        lost = sorted(k for k, v in judged.items() if v == "same" and k not in formed)
        print(f"{len(lost)} of the {sum(v == 'same' for v in judged.values())} entries judged "
              f"one event are not formed in this run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
