#!/usr/bin/env python3
"""`--format json` against docs/timeline.schema.json and against the YAML output.

usage: check_json.py CHRONICLE SCHEMA SOURCE_DIR WORK_DIR

For the seed article, for a multi-document run (tests/data/merge/, which has a bad line
and so an `errors` list, and events reported by several sources) and for `chronicle
merge` of two timelines: the JSON must validate against the schema and hold exactly the
YAML's data, keys in the same order. The schema must also reject broken timelines.
Exit 77 (skipped) when python3-jsonschema or python3-yaml is missing.
"""
import copy
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chronicle_runner, finish, require  # noqa: E402

jsonschema, yaml = require("jsonschema", "yaml")

chronicle, schema_path, src, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
failures = []


run = chronicle_runner(chronicle)


def plain(x):
    """YAML scalars as JSON has them: dates back to ISO strings."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()
    return x


def key_orders(x, path="$"):
    """Every mapping's key order, by path."""
    out = {}
    if isinstance(x, dict):
        out[path] = list(x.keys())
        for k, v in x.items():
            out.update(key_orders(v, f"{path}.{k}"))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            out.update(key_orders(v, f"{path}[{i}]"))
    return out


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
Validator = jsonschema.validators.validator_for(schema)
Validator.check_schema(schema)
validator = Validator(schema, format_checker=jsonschema.FormatChecker())


def check(name, json_text, yaml_text):
    doc = json.loads(json_text)
    errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errs:
        failures.append(f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message}")
    y = plain(yaml.safe_load(yaml_text))
    if y != doc:
        failures.append(f"{name}: JSON and YAML hold different data")
    ko_json, ko_yaml = key_orders(doc), key_orders(y)
    for path in ko_yaml:
        if ko_yaml[path] != ko_json.get(path):
            failures.append(f"{name}: key order at {path}: yaml {ko_yaml[path]} json {ko_json.get(path)}")
            break
    print(f"{name}: {len(doc['events'])} events, {len(errs)} schema errors")
    return doc


seed = os.path.join(src, "examples", "riyadh-talks.txt")
seed_doc = check("seed", run(["extract", seed, "--format", "json"]), run(["extract", seed]))
if not seed_doc["events"]:
    failures.append("seed: no events")

merge_dir = os.path.join(src, "tests", "data", "merge")
multi = check("multi", run(["extract", merge_dir, "--format", "json"], ok=(0, 1)),
              run(["extract", merge_dir], ok=(0, 1)))
if not any("reports" in e for e in multi["events"]):
    failures.append("multi: no event with several reports (the run should merge articles)")
if "errors" not in multi:
    failures.append("multi: the bad JSONL line should give an `errors` list")

parts = []
for name in ("a1-planned.md", "a3-happened.txt"):
    out = os.path.join(work, name + ".yaml")
    run(["extract", os.path.join(merge_dir, name), "-o", out])
    parts.append(out)
check("merge", run(["merge"] + parts + ["--format", "json"]), run(["merge"] + parts))
edge = os.path.join(src, "tests", "export", "edge.yaml")
check("edge", run(["merge", edge, "--format", "json"]), run(["merge", edge]))

# The schema has teeth: each of these broken copies must be rejected.
broken = []
d = copy.deepcopy(seed_doc); del d["events"][0]["evidence"]; broken.append(("no evidence", d))
d = copy.deepcopy(seed_doc); d["events"][0]["when"]["earliest"] = "2025-02-30x"; broken.append(("bad day", d))
d = copy.deepcopy(seed_doc); d["events"][0]["status"] = "maybe"; broken.append(("bad status", d))
d = copy.deepcopy(seed_doc); d["events"][0]["colour"] = "red"; broken.append(("extra field", d))
d = copy.deepcopy(seed_doc); d["chronicle"] = 2; broken.append(("schema version", d))
for what, doc in broken:
    if validator.is_valid(doc):
        failures.append(f"schema accepts a timeline with {what}")

finish(failures)
