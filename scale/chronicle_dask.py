#!/usr/bin/python3
"""Chronicle on a Dask cluster: the timeline of one `chronicle extract` run, computed as a
map (`chronicle extract` on partitions of the input, on the workers) and a tree reduce
(`chronicle merge`). The output is byte for byte the output of one local run: merge is
associative and commutative, and every partition reads its documents under their
original names, line numbers and ids.

    /usr/bin/python3 scale/chronicle_dask.py news.jsonl archive/ -o timeline.yaml
    /usr/bin/python3 scale/chronicle_dask.py --scheduler tcp://head:8786 news.jsonl -o t.html

How it works (docs/scale-out.md has the whole story):
  1. The inputs are expanded as the CLI does (folders recursively, sorted; .txt, .md and
     .jsonl files), and `chronicle extract --list-ids` reads them once here, to learn the
     id every document gets in one run (a repeated id becomes `id#2`).
  2. JSONL files are streamed line by line and cut into partitions of --partition-size
     documents; a text file is one document. The lines themselves travel to the workers
     as task data (no shared storage needed for the inputs): a worker writes them to a
     temporary file and runs `chronicle extract --origin TMP=FILE:FIRST_LINE --taken-ids`,
     so every origin, error and default id names the original file and line, and ids
     repeated across partitions are renamed as in one run.
  3. The partial timelines (YAML text, also task data) are merged --fan-in at a time in a
     tree with `chronicle merge` on the workers; the root's YAML comes back here and is
     written with -o, converted by the local `chronicle merge --format F` when F is not
     yaml. jsonl (one line per document, no merge) is the partitions' lines in order.

Exit codes as the CLI: 0 every document read, 1 some failed (listed under `errors:` and
on stderr), 2 usage or configuration error (also: chronicle missing or of another version
on a worker).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXIT_OK, EXIT_DOCUMENTS_FAILED, EXIT_USAGE = 0, 1, 2

# The folder scan of the CLI (core/app/main.cpp, expand_inputs): these files, and these
# messages for what it cannot read.
SCANNED_EXTENSIONS = (".txt", ".md", ".jsonl")
MSG_NO_SUCH = "no such file or directory"
MSG_BROKEN_LINK = ("a symbolic link that leads to no file (its target is missing, or the "
                   "links loop); fix or remove the link")
MSG_CANNOT_OPEN = "cannot open the file; check the path and its permissions"

FORMATS = ("yaml", "json", "jsonl", "ics", "timelinejs", "md", "html")


class UsageError(Exception):
    pass


def format_from_extension(path):
    """The format the CLI picks for -o PATH without --format ('' when none)."""
    ext = os.path.splitext(path)[1].lower()
    return {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".ics": "ics", ".md": "md", ".markdown": "md",
            ".html": "html", ".htm": "html"}.get(ext, "")


def default_chronicle():
    """build/bin/chronicle of this checkout, bin/chronicle of an installed prefix
    (share/chronicle/scale/ -> bin/), else `chronicle` on PATH."""
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (os.path.join(here, "..", "build", "bin", "chronicle"),
                      os.path.join(here, "..", "..", "..", "bin", "chronicle")):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.normpath(candidate)
    return shutil.which("chronicle") or ""


# ---------------------------------------------------------------- inputs

def expand_inputs(inputs):
    """Files in the order the CLI reads them, and (where, message) for what it cannot."""
    files, failures = [], []
    for p in inputs:
        if p == "-":
            files.append(p)
        elif os.path.isdir(p):
            found, broken = [], []
            for root, _dirs, names in os.walk(p):
                for name in names:
                    if os.path.splitext(name)[1] not in SCANNED_EXTENSIONS:
                        continue
                    path = os.path.join(root, name)
                    if os.path.isfile(path):
                        found.append(path)
                    elif os.path.islink(path):
                        broken.append(path)
            found.sort(key=os.fsencode)
            broken.sort(key=os.fsencode)
            failures += [(b, MSG_BROKEN_LINK) for b in broken]
            files += found
        elif not os.path.exists(p):
            failures.append((p, MSG_NO_SUCH))
        else:
            files.append(p)
    return files, failures


def is_blank_line(line):
    return not line.rstrip(b"\r\n").strip(b" \t")


class Partitioner:
    """Cuts the inputs into partitions of about `size` documents. A partition is a list
    of chunks (name, first_line, kind, bytes): a run of lines of one JSONL file, or one
    text file."""

    def __init__(self, size):
        self.size = size
        self.chunks, self.docs = [], 0

    def _take(self):
        out, self.chunks, self.docs = self.chunks, [], 0
        return out

    def jsonl(self, name, stream):
        lines, first, n = [], 1, 0
        for n, line in enumerate(stream, 1):
            lines.append(line)
            if not is_blank_line(line):
                self.docs += 1
                if self.docs >= self.size:
                    self.chunks.append((name, first, "jsonl", b"".join(lines)))
                    lines, first = [], n + 1
                    yield self._take()
        if lines:
            self.chunks.append((name, first, "jsonl", b"".join(lines)))

    def text(self, name, data):
        self.chunks.append((name, 1, "text", data))
        self.docs += 1
        if self.docs >= self.size:
            yield self._take()

    def rest(self):
        if self.chunks:
            yield self._take()


class IdLedger:
    """The ids of one local run (`chronicle extract --list-ids`), in input order, handed
    out partition by partition: each partition gets the ids earlier partitions took that
    could collide with its own."""

    def __init__(self, entries):
        self.entries = entries  # [{"id", "origin"}] in input order
        self.next = 0
        self.by_key = {}  # id up to its first '#' -> [(id, origin)] taken so far

    @staticmethod
    def _key(doc_id):
        return doc_id.split("#", 1)[0]

    def _position(self, entry, name):
        """The entry's line in file `name`, or None when it is not from that file."""
        origin = entry["origin"]
        if origin == name:
            return 1
        prefix = name + ":"
        if not origin.startswith(prefix):
            return None
        digits = ""
        for ch in origin[len(prefix):]:
            if not ch.isdigit():
                break
            digits += ch
        return int(digits) if digits else None

    def partition(self, chunks):
        """The taken ids relevant to this partition; the partition's own ids are taken after."""
        mine = []
        for name, first, kind, data in chunks:
            # the chunk's last line (a file's last line may lack its newline)
            last = (first + data.count(b"\n") - data.endswith(b"\n")) if kind == "jsonl" else 1
            while self.next < len(self.entries):
                line = self._position(self.entries[self.next], name)
                if line is None or line < first or line > last:
                    break
                mine.append(self.entries[self.next])
                self.next += 1
        taken = []
        for key in sorted({self._key(e["id"]) for e in mine}):
            taken += self.by_key.get(key, [])
        for e in mine:
            self.by_key.setdefault(self._key(e["id"]), []).append((e["id"], e["origin"]))
        return taken


# ---------------------------------------------------------------- worker tasks
# Plain functions of plain values (cloudpickle ships them to the workers). Each returns
# (exit code, output bytes or None, stderr bytes, CPU seconds of the chronicle processes).

def _run(args):
    """subprocess.run with the CPU seconds of the child (one task at a time per worker
    process: the children's rusage grows only by this one)."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(args, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p, cpu


def _task_extract(chronicle, chunks, taken, fmt, extra_args):
    """`chronicle extract` on one partition, on a worker."""
    with tempfile.TemporaryDirectory(prefix="chronicle-part-") as d:
        out = os.path.join(d, "out")
        args = [chronicle, "extract", "--quiet", "--threads", "1", "--format", fmt, "-o", out]
        files = []
        for i, (name, first, kind, data) in enumerate(chunks):
            path = os.path.join(d, "c%d.%s" % (i, "jsonl" if kind == "jsonl" else "txt"))
            with open(path, "wb") as f:
                f.write(data)
            files.append(path)
            args += ["--origin", "%s=%s:%d" % (path, name, first)]
        if taken:
            tpath = os.path.join(d, "taken.jsonl")
            with open(tpath, "w", encoding="utf-8") as f:
                for doc_id, origin in taken:
                    f.write(json.dumps({"id": doc_id, "origin": origin}) + "\n")
            args += ["--taken-ids", tpath]
        p, cpu = _run(args + list(extra_args) + files)
        text = None
        if os.path.exists(out):
            with open(out, "rb") as f:
                text = f.read()
        return p.returncode, text, p.stderr, cpu


def _task_merge(chronicle, parts, extra_args):
    """`chronicle merge` of partial timelines, on a worker. `parts` are the children's
    results; their exit codes, stderr (in order) and CPU seconds are passed up."""
    rc = max(part[0] for part in parts)
    stderr = b"".join(part[2] for part in parts)
    cpu = sum(part[3] for part in parts)
    if any(part[1] is None for part in parts):  # a partition could not run: passed up
        return max(rc, EXIT_USAGE), None, stderr, cpu
    with tempfile.TemporaryDirectory(prefix="chronicle-merge-") as d:
        files = []
        for i, part in enumerate(parts):
            path = os.path.join(d, "p%d.yaml" % i)
            with open(path, "wb") as f:
                f.write(part[1])
            files.append(path)
        out = os.path.join(d, "out.yaml")
        p, own = _run([chronicle, "merge", "--format", "yaml", "-o", out] +
                      list(extra_args) + files)
        if p.returncode != 0:
            raise RuntimeError("chronicle merge failed (exit %d): %s" %
                               (p.returncode, p.stderr.decode("utf-8", "replace")))
        with open(out, "rb") as f:
            return rc, f.read(), stderr, cpu + own


def _task_version(chronicle):
    try:
        p = subprocess.run([chronicle, "--version"], capture_output=True, timeout=60)
        return p.stdout.decode("utf-8", "replace").strip() if p.returncode == 0 else (
            "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip()))
    except OSError as e:
        return "cannot run %s: %s" % (chronicle, e)


# ---------------------------------------------------------------- driver

def local_version(chronicle):
    v = _task_version(chronicle)
    if not v.startswith("chronicle "):
        raise UsageError("--chronicle %s: %s; give the path of the chronicle binary" % (chronicle, v))
    return v


def check_workers(client, chronicle, want):
    versions = client.run(_task_version, chronicle)
    bad = {w: v for w, v in versions.items() if v != want}
    if bad:
        lines = "\n".join("  %s: %s" % (w, v) for w, v in sorted(bad.items()))
        raise UsageError("chronicle on these workers is missing or not the driver's (%s):\n%s\n"
                         "install the same Chronicle release at %s on every worker "
                         "(docs/scale-out.md)" % (want, lines, chronicle))
    return len(versions)


def atomic_write(path, data):
    if not path or path in ("-", "/dev/stdout"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path) and not os.path.isfile(path):  # a device or a pipe
        with open(path, "wb") as f:
            f.write(data)
        return
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if os.path.exists(path):
            shutil.copymode(path, tmp)
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
        os.replace(os.path.realpath(tmp), os.path.realpath(path) if os.path.islink(path) else path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def errors_timeline(failures):
    """A timeline holding only the driver's own errors (what no partition can read), in
    JSON, which is YAML: merged with the rest, it lists them as one run does."""
    doc = {"chronicle": 1, "sources": [], "events": [],
           "errors": [{"where": w, "message": m} for w, m in failures]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="chronicle_dask.py",
        description="Chronicle's timeline of many documents, computed on a Dask cluster; "
                    "the output is the bytes one `chronicle extract` run writes.",
        epilog="Exit codes: 0 ok, 1 some documents failed (listed under errors:), 2 usage "
               "or configuration error. Multi-machine setup: docs/scale-out.md.")
    ap.add_argument("inputs", nargs="+", help="JSONL files, text/Markdown files, folders, - (stdin)")
    ap.add_argument("-o", "--output", default="", help="output file (default: standard output)")
    ap.add_argument("--format", choices=FORMATS,
                    help="output format (default: from the -o extension, else yaml)")
    ap.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:8786); "
                    "default: a LocalCluster on this machine")
    ap.add_argument("--workers", type=int, default=2,
                    help="LocalCluster worker processes, one thread each (default 2)")
    ap.add_argument("--partition-size", type=int, default=1000, metavar="DOCS",
                    help="documents per extract task (default 1000)")
    ap.add_argument("--fan-in", type=int, default=8,
                    help="timelines merged by one merge task (default 8, at least 2)")
    ap.add_argument("--retries", type=int, default=2,
                    help="times Dask reruns a task that failed (default 2); a task whose "
                    "worker died is rerun by the scheduler anyway")
    ap.add_argument("--max-in-flight", type=int, default=0, metavar="N",
                    help="partitions sent ahead of the results (default: 4 per worker)")
    ap.add_argument("--chronicle", default="",
                    help="the chronicle binary, same path on every worker (default: "
                    "build/bin/chronicle of this checkout, the installed one, or PATH)")
    ap.add_argument("--published", help="passed to extract (YYYY-MM-DD)")
    ap.add_argument("--config", help="passed to extract and merge; the file must be at this "
                    "path on every worker")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    ap.add_argument("--stats", metavar="FILE", help="write a JSON summary here: partitions, "
                    "merge tasks, CPU seconds of chronicle on the workers and here, wall time")
    a = ap.parse_args(argv)
    if a.workers < 1 or a.partition_size < 1 or a.fan_in < 2 or a.retries < 0:
        ap.error("--workers and --partition-size must be at least 1, --fan-in at least 2")
    return a


def run(a, stats):
    chronicle = a.chronicle or default_chronicle()
    if not chronicle:
        raise UsageError("no chronicle binary found (build/bin/chronicle, an installed "
                         "bin/chronicle, PATH); give --chronicle PATH")
    chronicle = os.path.abspath(chronicle) if os.sep in chronicle else chronicle
    version = local_version(chronicle)
    fmt = a.format or format_from_extension(a.output) or "yaml"
    extra = []
    if a.published:
        extra += ["--published", a.published]
    if a.config:
        extra += ["--config", os.path.abspath(a.config)]
    merge_extra = ["--config", os.path.abspath(a.config)] if a.config else []

    spool = None
    try:
        inputs = list(a.inputs)
        origins = []
        if "-" in inputs:  # stdin is read once: kept in a file for the id pass and the split
            fd, spool = tempfile.mkstemp(prefix="chronicle-stdin-", suffix=".jsonl")
            with os.fdopen(fd, "wb") as f:
                shutil.copyfileobj(sys.stdin.buffer, f)
            inputs = [spool if p == "-" else p for p in inputs]
            origins = ["--origin", "%s=<stdin>:1" % spool]

        # 1. the ids of one local run
        with tempfile.TemporaryDirectory(prefix="chronicle-ids-") as d:
            listing = os.path.join(d, "ids.jsonl")
            p, cpu = _run([chronicle, "extract", "--list-ids", "--quiet", "-o", listing] +
                          origins + extra + inputs)
            stats["cpu_local"] += cpu
            if not os.path.exists(listing):
                sys.stderr.write(p.stderr.decode("utf-8", "replace"))
                return p.returncode or EXIT_USAGE
            with open(listing, encoding="utf-8") as f:
                ledger = IdLedger([json.loads(line) for line in f if line.strip()])

        files, failures = expand_inputs(inputs)

        # 2. the cluster
        t_start = time.perf_counter()
        import dask
        from distributed import Client, LocalCluster, wait
        dask.config.set({"distributed.worker.daemon": False})
        cluster = None
        if a.scheduler:
            client = Client(a.scheduler)
        else:
            cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        stats["wall_cluster_ready"] = time.perf_counter() - t_start
        try:
            n_workers = check_workers(client, chronicle, version)
            in_flight_max = a.max_in_flight or 4 * n_workers
            return drive(client, wait, a, chronicle, fmt, extra, merge_extra, files, failures,
                         ledger, in_flight_max, spool, stats)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    finally:
        if spool:
            os.unlink(spool)


def drive(client, wait, a, chronicle, fmt, extra, merge_extra, files, failures, ledger,
          in_flight_max, spool, stats):
    map_fmt = "jsonl" if fmt == "jsonl" else "yaml"
    maps = []        # jsonl: futures of the extract tasks, in partition order
    levels = [[]]    # the reduce tree: levels[k] holds merge inputs not yet merged
    pending = []

    def submit_merge(level):
        while len(levels[level]) >= a.fan_in:
            group, levels[level] = levels[level][:a.fan_in], levels[level][a.fan_in:]
            if len(levels) == level + 1:
                levels.append([])
            stats["merges"] += 1
            levels[level + 1].append(client.submit(_task_merge, chronicle, group, merge_extra,
                                                   retries=a.retries, pure=False))
            level += 1

    def submit(chunks):
        nonlocal pending
        taken = ledger.partition(chunks)
        pending = [f for f in pending if not f.done()]
        if len(pending) >= in_flight_max:
            wait(pending, return_when="FIRST_COMPLETED")
            pending = [f for f in pending if not f.done()]
        stats["partitions"] += 1
        fut = client.submit(_task_extract, chronicle, chunks, taken, map_fmt, extra,
                            retries=a.retries, pure=False)
        pending.append(fut)
        if map_fmt == "yaml":  # held only until merged: the cluster forgets merged parts
            levels[0].append(fut)
            submit_merge(0)
        else:
            maps.append(fut)
        if progress:
            sys.stderr.write("\r%d partitions sent" % stats["partitions"])
            sys.stderr.flush()

    progress = not a.quiet and sys.stderr.isatty()

    part = Partitioner(a.partition_size)
    for name in files:
        display = "<stdin>" if name == spool else name
        try:
            if name.endswith(".jsonl"):
                with open(name, "rb") as f:
                    for chunks in part.jsonl(display, f):
                        submit(chunks)
            else:
                with open(name, "rb") as f:
                    data = f.read()
                for chunks in part.text(display, data):
                    submit(chunks)
        except OSError:
            failures.append((display, MSG_CANNOT_OPEN))
    for chunks in part.rest():
        submit(chunks)
    if progress:
        sys.stderr.write("\n")
    if ledger.next != len(ledger.entries):
        # the files read here are not the ones chronicle read: ids could differ from one run
        e = ledger.entries[ledger.next]
        raise UsageError("the inputs changed while they were read, or were read otherwise than "
                         "by chronicle: document %s (%s) is in no partition; run again on "
                         "inputs that do not change" % (e["id"], e["origin"]))

    rc = EXIT_DOCUMENTS_FAILED if failures else EXIT_OK
    for w, m in failures:
        sys.stderr.write("error: %s: %s\n" % (w, m))

    if map_fmt == "jsonl":
        out = bytearray()
        if failures:
            for w, m in failures:
                out += (json.dumps({"error": {"where": w, "message": m}}, ensure_ascii=False,
                                   separators=(",", ":")) + "\n").encode("utf-8")
        for fut in maps:
            prc, text, err, cpu = fut.result()
            sys.stderr.buffer.write(err)
            stats["cpu_tasks"] += cpu
            if text is None:
                return prc or EXIT_USAGE
            rc = max(rc, prc)
            out += text
        atomic_write(a.output, bytes(out))
        return rc

    # the rest of the tree: what is left on each level goes up to the next one
    if failures:
        levels[0].append((EXIT_OK, errors_timeline(failures), b"", 0.0))

    def merge(group):
        stats["merges"] += 1
        return client.submit(_task_merge, chronicle, group, merge_extra, retries=a.retries,
                             pure=False)

    carry = []
    for level in range(len(levels)):
        items = levels[level] + carry
        if level + 1 < len(levels):
            carry = [merge(items)] if len(items) > 1 else items
            continue
        while len(items) > 1:
            items = [merge(items[i:i + a.fan_in]) if len(items[i:i + a.fan_in]) > 1
                     else items[i] for i in range(0, len(items), a.fan_in)]
        root = items[0] if items else None
    if root is None or isinstance(root, tuple):
        # nothing, or only the driver's own errors: merged here into a timeline as one
        # run writes it
        part = root or (EXIT_OK, errors_timeline([]), b"", 0.0)
        prc, text, err, cpu = _task_merge(chronicle, [part], merge_extra)
        stats["cpu_local"] += cpu
    else:
        prc, text, err, cpu = root.result()
        stats["cpu_tasks"] += cpu
    sys.stderr.buffer.write(err)
    if text is None:  # a partition could not run (its message is in err)
        return prc or EXIT_USAGE
    rc = max(rc, prc)
    if fmt == "yaml":
        atomic_write(a.output, text)
        return rc
    with tempfile.TemporaryDirectory(prefix="chronicle-final-") as d:
        final = os.path.join(d, "final.yaml")
        with open(final, "wb") as f:
            f.write(text)
        args = [chronicle, "merge", final, "--format", fmt] + merge_extra
        if a.output and a.output not in ("-", "/dev/stdout"):
            args += ["-o", a.output]
        p, cpu = _run(args)
        stats["cpu_local"] += cpu
        sys.stderr.buffer.write(p.stderr)
        if p.returncode != 0:
            return EXIT_USAGE
    return rc


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    stats = {"partitions": 0, "merges": 0, "cpu_tasks": 0.0, "cpu_local": 0.0}
    t0 = time.perf_counter()
    try:
        rc = run(a, stats)
        if a.stats:
            stats["wall"] = time.perf_counter() - t0
            with open(a.stats, "w", encoding="utf-8") as f:
                json.dump(stats, f, indent=1, sort_keys=True)
        return rc
    except UsageError as e:
        sys.stderr.write("error: %s\n" % e)
        return EXIT_USAGE
    except ImportError as e:
        sys.stderr.write("error: %s: install Debian's python3-dask and python3-distributed and "
                         "run this with /usr/bin/python3\n" % e)
        return EXIT_USAGE
    except Exception as e:  # a task that failed after its retries, a lost scheduler
        sys.stderr.write("error: the cluster run failed: %s: %s\n" % (type(e).__name__, e))
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
