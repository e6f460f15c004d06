#!/usr/bin/env python3
"""Reads Chronicle's Markdown chronology back with an independent parser (Debian's
python3-markdown, tables extension) and checks it row by row against the JSON output.

usage: check_md.py CHRONICLE SOURCE_DIR    (exit 77 when python3-markdown is missing)
"""
import json, os, subprocess, sys
from html.parser import HTMLParser

try:
    import markdown
except ImportError:
    print("SKIP: python3-markdown is not installed (apt-get install python3-markdown)")
    sys.exit(77)


class Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_body, self.row = [], None, False, None

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def run(chronicle, args):
    return subprocess.run([chronicle, "extract"] + args, capture_output=True, text=True,
                          check=False).stdout


def main():
    chronicle, src = sys.argv[1], sys.argv[2]
    failures = 0
    for inputs in (["examples/riyadh-talks.txt"], ["tests/data/merge"]):
        paths = [os.path.join(src, p) for p in inputs]
        md = run(chronicle, paths + ["--format", "md"])
        timeline = json.loads(run(chronicle, paths + ["--format", "json"]))
        parser = Table()
        parser.feed(markdown.markdown(md, extensions=["tables"]))
        events = timeline["events"]
        if len(parser.rows) != len(events):
            print(f"{inputs}: {len(parser.rows)} table rows for {len(events)} events")
            failures += 1
            continue
        for row, ev in zip(parser.rows, events):
            if len(row) != 6:
                print(f"{inputs}: row with {len(row)} cells: {row}")
                failures += 1
            elif ev["summary"] not in row[1] or not row[4].startswith(ev["status"]):
                print(f"{inputs}: row {row} does not match event {ev['id']} ({ev['summary']}, {ev['status']})")
                failures += 1
    print(f"{failures} failed" if failures else "markdown tables match the events")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
