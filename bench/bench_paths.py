"""Paths and shared-tool loading for the scripts in bench/ (imported, not run)."""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
# TempEval-3 development sets and MEANTIME (the scored subset), relative to SHARED
TEMPEVAL_DEV_SETS = {
    "timebank": "data/tempeval3/timebank.jsonl",
    "aquaint": "data/tempeval3/aquaint.jsonl",
    "meantime": "data/meantime/meantime_en_scored.jsonl",
}


def load_tool(name):
    """Imports ../shared/tools/<name>.py (a scorer) as a module."""
    path = os.path.join(SHARED, "tools", name + ".py")
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
