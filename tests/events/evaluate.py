#!/usr/bin/env python3
"""Scores Chronicle's events against a hand-checked gold file with the shared scorer.

usage: evaluate.py CHRONICLE GOLD.yaml DATA.jsonl SCORER.py [--min-f1 X] [--errors]
Takes from DATA the documents GOLD names, runs `CHRONICLE extract` on them and prints the
scorer's report. With --min-f1, exits 1 when event F1 falls below X (a regression guard).
"""
import argparse, json, os, re, subprocess, sys, tempfile

try:
    import yaml
except ImportError:  # the scorer needs it too
    print("SKIP: this python has no PyYAML (apt-get install python3-yaml)")
    sys.exit(77)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chronicle")
    ap.add_argument("gold")
    ap.add_argument("data")
    ap.add_argument("scorer")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    # without the shared data (../shared beside the checkout) the test is skipped
    if not (os.path.exists(a.data) and os.path.exists(a.scorer)):
        print(f"SKIP: {a.data} or {a.scorer} not found (../shared is not beside the checkout)")
        return 77
    ids = {str(x["id"]) for x in yaml.safe_load(open(a.gold))}
    with tempfile.TemporaryDirectory() as tmp:
        subset = os.path.join(tmp, "docs.jsonl")
        found = 0
        with open(subset, "w") as out, open(a.data) as src:
            for line in src:
                if json.loads(line)["id"] in ids:
                    out.write(line)
                    found += 1
        if found != len(ids):
            print(f"gold names {len(ids)} documents, {found} found in {a.data}")
            return 1
        timeline = os.path.join(tmp, "timeline.yaml")
        subprocess.run([a.chronicle, "extract", subset, "-o", timeline], check=True)
        cmd = [sys.executable, a.scorer, a.gold, timeline] + (["--errors"] if a.errors else [])
        res = subprocess.run(cmd, capture_output=True, text=True)
        print(res.stdout, end="")
        print(res.stderr, end="", file=sys.stderr)
        if res.returncode != 0:
            return res.returncode
        m = re.search(r"event_F1[=: ]+([0-9.]+)", res.stdout)
        if a.min_f1 is not None:
            if not m:
                print("no event_F1 in the scorer's output")
                return 1
            if float(m.group(1)) < a.min_f1:
                print(f"event F1 {m.group(1)} is below the floor {a.min_f1}")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
