#!/usr/bin/env python3
"""TempEval-3 floors: runs `chronicle timex` on the development sets and scores each with the
shared TempEval-3 scorer; fails when a figure falls below its floor.

usage: check_floors.py CHRONICLE SHARED_DIR --min SET.MEASURE=X [--min ...]
       SET: timebank | aquaint | meantime; MEASURE: value | strict | relaxed | type
Exits 77 (skip) when SHARED_DIR or a data set is absent. The platinum set is never used here:
it is for reporting (bench/tempeval), not a test to tune against.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys

SETS = {
    "timebank": "data/tempeval3/timebank.jsonl",
    "aquaint": "data/tempeval3/aquaint.jsonl",
    "meantime": "data/meantime/meantime_en_scored.jsonl",
}
MEASURES = ("value", "strict", "relaxed", "type")


def parse_floor(spec):
    try:
        key, x = spec.split("=")
        name, measure = key.split(".")
        floor = float(x)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{spec}': expected SET.MEASURE=X, e.g. timebank.value=0.83")
    if name not in SETS or measure not in MEASURES:
        raise argparse.ArgumentTypeError(
            f"'{spec}': set must be one of {', '.join(SETS)}, measure one of {', '.join(MEASURES)}")
    return name, measure, floor


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("chronicle")
    ap.add_argument("shared")
    ap.add_argument("--min", type=parse_floor, action="append", default=[], dest="floors")
    a = ap.parse_args()
    scorer_path = os.path.join(a.shared, "tools", "tempeval_score.py")
    if not os.path.isfile(scorer_path):
        print(f"SKIP: {scorer_path} not found (the shared data sets are absent)")
        return 77
    spec = importlib.util.spec_from_file_location("tempeval_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    failed = []
    for name in dict.fromkeys(n for n, _, _ in a.floors):
        gold_path = os.path.join(a.shared, SETS[name])
        if not os.path.isfile(gold_path):
            print(f"SKIP: {gold_path} not found")
            return 77
        out = subprocess.run([a.chronicle, "timex", gold_path], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"FAIL: chronicle timex {gold_path} exited {out.returncode}: {out.stderr.strip()}")
            return 1
        gold, order = scorer.load_jsonl(gold_path)
        preds = {}
        for line in out.stdout.splitlines():
            if line.strip():
                d = json.loads(line)
                preds[d["id"]] = d
        m, _, _, _ = scorer.score(gold, order, preds, want_errors=False)
        got = {x: m[f"{x}_F1"] for x in MEASURES}
        print(f"{name:9} " + " ".join(f"{x}={got[x]:.4f}" for x in MEASURES))
        for n, measure, floor in a.floors:
            if n == name and got[measure] < floor:
                failed.append(f"{name} {measure} F1 {got[measure]:.4f} < floor {floor}")
    for f in failed:
        print("FAIL:", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
