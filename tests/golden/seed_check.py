#!/usr/bin/env python3
"""Runs the shared seed checker on Chronicle's timeline of the seed article.

usage: seed_check.py CHRONICLE INPUT SHARED OUTPUT
Exits 77 (skipped) when SHARED (../shared beside the checkout) or PyYAML is missing.
"""
import os, subprocess, sys


def main():
    chronicle, article, shared, output = sys.argv[1:5]
    expected = os.path.join(shared, "seed", "riyadh-talks.expected.yaml")
    tool = os.path.join(shared, "tools", "seed_check.py")
    if not (os.path.exists(expected) and os.path.exists(tool)):
        print(f"SKIP: {shared} is not beside the checkout; seed_check.py not run")
        return 77
    try:
        import yaml  # noqa: F401  (the checker needs it)
    except ImportError:
        print("SKIP: this python has no PyYAML (apt-get install python3-yaml)")
        return 77
    subprocess.run([chronicle, "extract", article, "-o", output], check=True)
    return subprocess.run([sys.executable, tool, expected, output]).returncode


if __name__ == "__main__":
    sys.exit(main())
