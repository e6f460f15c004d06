#!/usr/bin/env python3
"""Scores Chronicle's events against a hand-checked gold file with the shared scorer.

usage: evaluate.py CHRONICLE GOLD.yaml DATA.jsonl SCORER.py [--min-f1 X] [--min NAME=X ...]
                   [--max-decoy-events N] [--errors]
Takes from DATA the documents GOLD names, runs `CHRONICLE extract` on them and prints the
scorer's report. With --min-f1, exits 1 when event F1 falls below X; --min status=0.9 does
the same for a figure of the scorer's lenient line (status, time, participants_F1,
location), --max-decoy-events for its negatives_fp (regression guards).
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
    ap.add_argument("--min", action="append", default=[], metavar="NAME=X",
                    help="floor for a figure of the lenient line, e.g. participants_F1=0.77")
    ap.add_argument("--max-decoy-events", type=int)
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
        lenient = re.search(r"^lenient .*$", res.stdout, re.M)
        figures = dict(re.findall(r"(\w+)=([0-9.]+)", lenient.group(0))) if lenient else {}
        floors = [tuple(x.split("=", 1)) for x in a.min]
        if a.max_decoy_events is not None:
            floors.append(("negatives_fp", None))
        for name, floor in floors:
            if name not in figures:
                print(f"no {name} in the scorer's lenient line")
                return 1
            if floor is None:
                if int(figures[name]) > a.max_decoy_events:
                    print(f"{figures[name]} events from decoy articles (at most "
                          f"{a.max_decoy_events} allowed)")
                    return 1
            elif float(figures[name]) < float(floor):
                print(f"{name} {figures[name]} is below the floor {floor}")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
