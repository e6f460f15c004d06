#!/usr/bin/env python3
"""Deterministic selection of the held-out event gold articles.

usage: select_heldout.py [--set heldout|heldout2|...|heldout8] [SHARED_DIR]   (default: heldout, /work/shared)

Prints, per corpus, the sampled articles and the decoys that a held-out set
annotates: `heldout` (heldout-{reuters,modern}-gold.yaml: 17 sampled + 3 decoys,
dev files excluded) or `heldout2` (heldout2-{reuters,modern}-gold.yaml: 13 sampled
+ 2 decoys, dev and first held-out files excluded, another seed). The rule is
described in heldout-README.md. Re-running it gives the same ids as long as
the data files and the excluded gold files are unchanged.
"""
import json
import os
import random
import re
import sys

# per set: seed prefix, sample size, decoys per source, gold files whose ids are excluded.
# The modern corpus draws decoys from both of its sources because its sample pool holds
# no Wikinews article (the only one is in the dev set).
SETS = {
    "heldout": {
        "seed": "20261127", "n_sample": 17,
        "decoys": {"reuters": {"reuters": 3}, "modern": {"wikinews": 2, "whitehouse": 1}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml"]},
    "heldout2": {
        "seed": "20261127-heldout2", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"wikinews": 1, "whitehouse": 1}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml",
                    "heldout-reuters-gold.yaml", "heldout-modern-gold.yaml"]},
    # no Wikinews decoy is left after heldout2: the modern decoys are White House readouts
    "heldout3": {
        "seed": "20261127-heldout3", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml",
                    "heldout-reuters-gold.yaml", "heldout-modern-gold.yaml",
                    "heldout2-reuters-gold.yaml", "heldout2-modern-gold.yaml"]},
    "heldout4": {
        "seed": "20261127-heldout4", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml",
                    "heldout-reuters-gold.yaml", "heldout-modern-gold.yaml",
                    "heldout2-reuters-gold.yaml", "heldout2-modern-gold.yaml",
                    "heldout3-reuters-gold.yaml", "heldout3-modern-gold.yaml"]},
    # sets 2-4 became development data after their pooled measurement on 2026-11-27;
    # sets 5 and 6 took over as the blind sets
    "heldout5": {
        "seed": "20261127-heldout5", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml"] + [
            f"heldout{n}-{c}-gold.yaml" for n in ("", "2", "3", "4")
            for c in ("reuters", "modern")]},
    "heldout6": {
        "seed": "20261127-heldout6", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml"] + [
            f"heldout{n}-{c}-gold.yaml" for n in ("", "2", "3", "4")
            for c in ("reuters", "modern")],
        # written at the same time as heldout5: its ids come from its selection, not its files
        "exclude_sets": ["heldout5"]},
    # drawn after the event studies: leaves out every gold set and every studied article
    "heldout7": {
        "seed": "20261127-heldout7", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml"] + [
            f"heldout{n}-{c}-gold.yaml" for n in ("", "2", "3", "4", "5", "6")
            for c in ("reuters", "modern")],
        "exclude_lists": ["studied-ids.txt"]},
    # set 7 became development data after its second measurement; set 8 takes over as the
    # fresh blind set: it leaves out every gold set (7 included) and every studied article
    "heldout8": {
        "seed": "20261127-heldout8", "n_sample": 13,
        "decoys": {"reuters": {"reuters": 2}, "modern": {"whitehouse": 2}},
        "exclude": ["reuters-gold.yaml", "modern-gold.yaml"] + [
            f"heldout{n}-{c}-gold.yaml" for n in ("", "2", "3", "4", "5", "6", "7")
            for c in ("reuters", "modern")],
        "exclude_lists": ["studied-ids.txt"]},
}
MIN_CHARS, MAX_CHARS = 300, 3000
CORPORA = (("reuters", "data/reuters21578/reuters.jsonl"),
           ("modern", "data/modern-news/articles.jsonl"))

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


def pool(docs, exclude):
    """The sample pool (ids with >= 2 OFFICIAL and >= 2 EVENT matches) and the decoy
    candidates per source, leaving out the ids in `exclude`."""
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
    return pos, dec


def select(docs, exclude, rng_tag, set_name="heldout"):
    pos, dec = pool(docs, exclude)
    conf = SETS[set_name]
    rng = random.Random(f"{conf['seed']}-{rng_tag}")
    sample = rng.sample(pos, conf["n_sample"])
    decoys = []
    for source, k in conf["decoys"][rng_tag].items():
        decoys += rng.sample(dec.get(source, []), k)
    n_dec = {source: len(ids) for source, ids in dec.items()}
    return len(pos), n_dec, sample, decoys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def excluded_ids(set_name, shared="/work/shared"):
    """Ids of the gold files that a set must not reuse."""
    here = os.path.dirname(os.path.abspath(__file__))
    ids = set()
    for name in SETS[set_name]["exclude"]:
        ids |= gold_ids(os.path.join(here, name))
    for name in SETS[set_name].get("exclude_lists", []):
        with open(os.path.join(here, name)) as f:
            ids |= {line.strip() for line in f if line.strip() and not line.startswith("#")}
    for other in SETS[set_name].get("exclude_sets", []):
        ids |= selected_ids(other, shared)
    return ids


def selected_ids(set_name, shared):
    """The ids that another set draws (sample and decoys of both corpora)."""
    exclude = excluded_ids(set_name, shared)
    ids = set()
    for name, rel in CORPORA:
        _, _, sample, decoys = select(load(os.path.join(shared, rel)), exclude, name, set_name)
        ids |= set(sample) | set(decoys)
    return ids


def parse_args(argv):
    set_name, shared = "heldout", "/work/shared"
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--set" and args:
            set_name = args.pop(0)
        elif a.startswith("--set="):
            set_name = a.split("=", 1)[1]
        else:
            shared = a
    if set_name not in SETS:
        sys.exit(f"unknown set {set_name!r}: use one of {', '.join(SETS)}")
    return set_name, shared


def main():
    set_name, shared = parse_args(sys.argv[1:])
    exclude = excluded_ids(set_name, shared)
    for name, rel in CORPORA:
        docs = load(os.path.join(shared, rel))
        n_pos, n_dec, sample, decoys = select(docs, exclude, name, set_name)
        print(f"{name}: {n_pos} in the sample pool; decoy candidates {n_dec}")
        print("  sample:", " ".join(sorted(sample, key=lambda s: int(s.split('-')[1]))))
        print("  decoys:", " ".join(sorted(decoys, key=lambda s: int(s.split('-')[1]))))


if __name__ == "__main__":
    main()
