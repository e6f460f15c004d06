#!/usr/bin/env python3
"""Consistency check of the held-out event gold files.

usage: check_heldout.py [--set heldout|heldout2|...|heldout8] [SHARED_DIR]   (default: heldout, /work/shared)

Checks that SET-reuters-gold.yaml and SET-modern-gold.yaml (SET = heldout ... heldout8)
load, that their ids are exactly the ones `select_heldout.py --set SET` picks and none
is in a gold file that set excludes (the dev files; for heldout2 also the first
held-out files),
that `published` matches the corpus, that every field is present with a valid value,
that every evidence and date_text string occurs in its article (whitespace collapsed),
and that the dates are consistent. Then it scores each file with
shared/tools/events_score.py against itself (converted to a timeline: must give
F1 = 1) and against an empty timeline. Exit code 77 when SHARED_DIR is absent.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import select_heldout  # noqa: E402

TYPES = {"meeting", "talks", "visit", "summit", "call", "conference"}
STATUSES = {"occurred", "ongoing", "planned", "speculative", "postponed", "cancelled"}
FIELDS = ["type", "status", "date", "earliest", "latest", "date_text", "participants",
          "location", "evidence"]
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(s):
    return re.sub(r"\s+", " ", str(s)).translate(QUOTES).strip()


def as_date(v, where, errors):
    if v is None:
        return None
    if isinstance(v, datetime.date):
        return v
    errors.append(f"{where}: {v!r} is not a YYYY-MM-DD date")
    return None


def check_file(path, docs, expected_ids, dev_ids, errors, excluded_what="a dev gold file"):
    gold = yaml.safe_load(open(path))
    ids = [a["id"] for a in gold]
    if sorted(ids) != sorted(expected_ids):
        errors.append(f"{path}: ids differ from select_heldout.py: "
                      f"extra {sorted(set(ids) - set(expected_ids))}, "
                      f"missing {sorted(set(expected_ids) - set(ids))}")
    if len(set(ids)) != len(ids):
        errors.append(f"{path}: duplicate ids")
    for a in gold:
        aid = a["id"]
        if aid in dev_ids:
            errors.append(f"{aid}: also in {excluded_what}")
        doc = docs.get(aid)
        if doc is None:
            errors.append(f"{aid}: not in the corpus")
            continue
        if str(a.get("published")) != doc["published"]:
            errors.append(f"{aid}: published {a.get('published')} != corpus {doc['published']}")
        text = norm(doc["text"])
        for i, ev in enumerate(a.get("events") or []):
            w = f"{aid} event {i}"
            if sorted(ev) != sorted(FIELDS):
                errors.append(f"{w}: fields {sorted(ev)}")
                continue
            if ev["type"] not in TYPES:
                errors.append(f"{w}: type {ev['type']}")
            if ev["status"] not in STATUSES:
                errors.append(f"{w}: status {ev['status']}")
            d = as_date(ev["date"], w, errors)
            e = as_date(ev["earliest"], w, errors)
            l = as_date(ev["latest"], w, errors)
            if d is not None and not (e == d == l):
                errors.append(f"{w}: date set but earliest/latest differ")
            if e is not None and l is not None and e > l:
                errors.append(f"{w}: earliest after latest")
            if d is None and e is not None and e == l:
                errors.append(f"{w}: one-day window without date")
            has_time = any(x is not None for x in (d, e, l))
            if has_time != (ev["date_text"] is not None):
                errors.append(f"{w}: date_text must be null exactly when no date is given")
            if ev["date_text"] is not None and norm(ev["date_text"]) not in text:
                errors.append(f"{w}: date_text {ev['date_text']!r} not in the text")
            if not isinstance(ev["evidence"], str) or norm(ev["evidence"]) not in text:
                errors.append(f"{w}: evidence not in the text: {str(ev['evidence'])[:60]}")
            if not isinstance(ev["participants"], list):
                errors.append(f"{w}: participants is not a list")
            if ev["location"] is not None and not isinstance(ev["location"], str):
                errors.append(f"{w}: location is not a string")
    return gold


def as_timeline(gold):
    sources, events = [], []
    for a in gold:
        sources.append({"id": a["id"], "published": str(a["published"])})
        for ev in a.get("events") or []:
            events.append({
                "type": ev["type"], "status": ev["status"],
                "when": {"value": ev["date"], "earliest": ev["earliest"], "latest": ev["latest"]},
                "participants": ev["participants"], "location": ev["location"],
                "evidence": [{"source": a["id"], "sentence": ev["evidence"]}]})
    return {"sources": sources, "events": events}


def score(shared, gold_path, timeline):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        yaml.safe_dump(timeline, f, allow_unicode=True)
        tmp = f.name
    try:
        out = subprocess.run([sys.executable, os.path.join(shared, "tools", "events_score.py"),
                              gold_path, tmp], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(tmp)
    return out.strip().splitlines()


def main():
    set_name, shared = select_heldout.parse_args(sys.argv[1:])
    if not os.path.isdir(os.path.join(shared, "data")):
        print(f"skip: {shared} not found (pass the shared directory as the first argument)")
        return 77
    docs = {}
    for rel in ("data/reuters21578/reuters.jsonl", "data/modern-news/articles.jsonl"):
        for d in select_heldout.load(os.path.join(shared, rel)):
            docs[d["id"]] = d
    dev_ids = select_heldout.excluded_ids(set_name, shared)
    excluded_what = "an excluded gold file (" + ", ".join(
        select_heldout.SETS[set_name]["exclude"]) + ")"
    errors = []
    ok = True
    for name, rel in (("reuters", "data/reuters21578/reuters.jsonl"),
                      ("modern", "data/modern-news/articles.jsonl")):
        _, _, sample, decoys = select_heldout.select(
            select_heldout.load(os.path.join(shared, rel)), dev_ids, name, set_name)
        path = os.path.join(HERE, f"{set_name}-{name}-gold.yaml")
        if not os.path.exists(path):
            print(f"{os.path.basename(path)}: not written yet, skipped")
            continue
        gold = check_file(path, docs, sample + decoys, dev_ids, errors, excluded_what)
        n_ev = sum(len(a.get("events") or []) for a in gold)
        self_score = score(shared, path, as_timeline(gold))
        empty_score = score(shared, path, {"sources": [], "events": []})
        print(f"{os.path.basename(path)}: {len(gold)} articles, {n_ev} events")
        print("  self:  " + self_score[-1])
        print("  empty: " + empty_score[0])
        if "event_F1=1.000 time_acc=1.000 status_acc=1.000 participants_F1=1.000" not in self_score[-1]:
            ok = False
            errors.append(f"{path}: self-score is not perfect: {self_score}")
    for e in errors:
        print("ERROR " + e)
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
