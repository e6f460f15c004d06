#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets (tests/fuzz/fuzz_targets.h) into OUT/<target>/,
made from the repository's examples, test data and lexicons and, when ../shared is beside
the checkout, from a few articles of its data sets. The committed seeds in
tests/fuzz/seeds/<target>/ are small hand-made cases; these add realistic text.

usage: make_seeds.py OUT [TARGET...]
"""
import glob, hashlib, json, os, struct, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
MAX = 6000  # bytes of article text per seed: libFuzzer's -max_len is 8192
PER_SET = 25  # articles taken from each shared data set


def shared_docs():
    """(published, title, text) of a few articles of each shared JSONL data set."""
    sets = ["modern-news/articles.jsonl", "reuters21578/reuters.jsonl",
            "tempeval3/timebank.jsonl", "meantime/meantime_en.jsonl"]
    for rel in sets:
        path = os.path.join(SHARED, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            taken = 0
            for line in f:
                if taken >= PER_SET:
                    break
                try:
                    j = json.loads(line)
                except ValueError:
                    continue
                text = j.get("text")
                pub = j.get("published") or j.get("dct")
                if not isinstance(text, str) or not isinstance(pub, str):
                    continue
                taken += 1
                yield pub, j.get("title") or "", text[:MAX]


def local_docs():
    for p in sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt")) +
                    glob.glob(os.path.join(ROOT, "tests", "data", "merge", "*.md")) +
                    glob.glob(os.path.join(ROOT, "tests", "data", "merge", "*.txt"))):
        with open(p, "rb") as f:
            yield f.read()[:MAX]


def front_matter(pub, title, text):
    t = json.dumps(title) if title else ""
    return (f"---\npublished: {pub}\n" + (f"title: {t}\n" if t else "") + "---\n" + text).encode()


def corpus_sentences():
    """(ref, text) of the pinned temporal corpus."""
    try:
        import yaml
    except ImportError:
        return
    for p in glob.glob(os.path.join(ROOT, "tests", "corpus", "en", "*.yaml")):
        with open(p, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for c in (doc or {}).get("cases", []):
            if isinstance(c, dict) and isinstance(c.get("text"), str):
                yield str(c.get("ref", "2025-02-17")), c["text"]


def date_prefix(iso):
    """The 3 bytes fuzz::temporal turns back into this day (days since 0000-01-01)."""
    import datetime
    try:
        y, m, d = (int(x) for x in iso.split("-"))
        days = (datetime.date(y, m, d) - datetime.date(1, 1, 1)).days + 366
    except ValueError:
        days = 738933
    return struct.pack("<I", days)[:3]


def seeds(target):
    if target in ("document", "extract"):
        yield from local_docs()
        for pub, title, text in shared_docs():
            yield front_matter(pub, title, text)
    elif target == "jsonl":
        for p in glob.glob(os.path.join(ROOT, "tests", "data", "merge", "*.jsonl")):
            with open(p, "rb") as f:
                yield f.read()
        batch = []
        for pub, title, text in shared_docs():
            batch.append(json.dumps({"id": hashlib.sha1(text.encode()).hexdigest()[:8],
                                     "published": pub, "title": title, "text": text[:1500]}))
            if len(batch) == 3:
                yield ("\n".join(batch) + "\n").encode()
                batch = []
    elif target == "temporal":
        for ref, text in corpus_sentences():
            yield date_prefix(ref) + text.encode()
        for pub, _, text in shared_docs():
            yield date_prefix(pub) + text[:2000].encode()
    elif target == "config":
        with open(os.path.join(ROOT, "config", "chronicle.yaml"), "rb") as f:
            yield b"\x00" + f.read()
        for p in sorted(glob.glob(os.path.join(ROOT, "config", "lexicons", "en", "*.yaml"))):
            with open(p, "rb") as f:
                yield b"\x01" + f.read()[:20000]


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    targets = sys.argv[2:] or ["document", "jsonl", "temporal", "config", "extract"]
    for t in targets:
        d = os.path.join(out, t)
        os.makedirs(d, exist_ok=True)
        n = 0
        for s in seeds(t):
            name = hashlib.sha1(s).hexdigest()
            with open(os.path.join(d, name), "wb") as f:
                f.write(s)
            n += 1
        print(f"{t}: {n} seeds in {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
