#!/usr/bin/env python3
"""Deterministic selection of the held-out event gold articles.

usage: select_heldout.py [SHARED_DIR]      (default: /work/shared)

Prints, per corpus, the 17 sampled articles and the 3 decoys that
heldout-reuters-gold.yaml and heldout-modern-gold.yaml annotate. The rule is
described in heldout-README.md. Re-running it gives the same ids as long as
the data files and the existing dev gold files are unchanged.
"""
import json
import os
import random
import re
import sys

SEED = 20261127
N_SAMPLE = 17
# decoys per source; the modern corpus draws from both of its sources because its
# sample pool holds no Wikinews article (the only one is in the dev set)
DECOY_QUOTA = {"reuters": {"reuters": 3}, "modern": {"wikinews": 2, "whitehouse": 1}}
MIN_CHARS, MAX_CHARS = 300, 3000

# an official acting officially (>= 2 matches)
OFFICIAL = re.compile(
    r"\b((?i:minister|ministers|secretary of state|secretary|ambassador|premier|"
    r"president|prime minister|chancellor|governor|envoy|delegation|summit)|"
    r"OPEC|EC|GATT|G-7|G7|G-20|G20|NATO|IMF|United Nations)\b")
# an event word (>= 2 matches)
EVENT = re.compile(
    r"\b(visit|visited|visiting|visits|talks|summit|telephone|phone|call with|"
    r"conference|met|meet|meets|meeting|trip|travel|arrived|negotiations)\b", re.I)
# decoy words: in-scope-looking words that the guidelines put out of scope
DECOY = re.compile(
    r"\b(shareholders'? meeting|stockholders'? meeting|annual meeting|special meeting|"
    r"board meeting|wage talks|contract talks|merger talks|press conference|"
    r"news conference|called for|calls for|call for|calls on|conference call)\b", re.I)

MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}


def dateline_day_ok(doc):
    """False when the dateline names a day different from `published`."""
    dl = doc.get("dateline") or ""
    m = re.search(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b", dl)
    if not m or m[1].lower() not in MONTHS:
        return True
    _, mo, day = map(int, doc["published"].split("-"))
    return MONTHS[m[1].lower()] == mo and int(m[2]) == day


def gold_ids(path):
    ids = set()
    with open(path) as f:
        for line in f:
            m = re.match(r"^- id:\s*(\S+)", line)
            if m:
                ids.add(m[1])
    return ids


def select(docs, exclude, rng_tag):
    pos, dec = [], {}
    for d in docs:
        if d["id"] in exclude:
            continue
        t = d["text"]
        if not (MIN_CHARS <= len(t) <= MAX_CHARS) or not dateline_day_ok(d):
            continue
        n_off = len(OFFICIAL.findall(t))
        n_ev = len(EVENT.findall(t))
        if n_off >= 2 and n_ev >= 2:
            pos.append(d["id"])
        elif DECOY.search(t) and n_off <= 1:
            dec.setdefault(d["id"].split("-")[0], []).append(d["id"])
    rng = random.Random(f"{SEED}-{rng_tag}")
    sample = rng.sample(pos, N_SAMPLE)
    decoys = []
    for source, k in DECOY_QUOTA[rng_tag].items():
        decoys += rng.sample(dec.get(source, []), k)
    n_dec = {source: len(ids) for source, ids in dec.items()}
    return len(pos), n_dec, sample, decoys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"
    here = os.path.dirname(os.path.abspath(__file__))
    exclude = gold_ids(os.path.join(here, "reuters-gold.yaml")) | gold_ids(
        os.path.join(here, "modern-gold.yaml"))
    for name, rel in (("reuters", "data/reuters21578/reuters.jsonl"),
                      ("modern", "data/modern-news/articles.jsonl")):
        docs = load(os.path.join(shared, rel))
        n_pos, n_dec, sample, decoys = select(docs, exclude, name)
        print(f"{name}: {n_pos} in the sample pool; decoy candidates {n_dec}")
        print("  sample:", " ".join(sorted(sample, key=lambda s: int(s.split('-')[1]))))
        print("  decoys:", " ".join(sorted(decoys, key=lambda s: int(s.split('-')[1]))))


if __name__ == "__main__":
    main()
