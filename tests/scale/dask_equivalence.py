#!/usr/bin/python3
"""scale/chronicle_dask.py on a LocalCluster of two workers gives the bytes of one local
`chronicle extract` run: yaml, json and jsonl, over the first 3000 Reuters articles plus
broken lines, a document without text, repeated ids (within the JSONL, and between it and
a folder of text files), a line without id, a blank line, a text file with an impossible
date, symbolic links (to a file, to nothing, in a loop) and a missing path. Partitions
and fan-in differ between the runs. In the json run the first partition kills the worker
process that runs it (SIGKILL, as the OOM killer would): Dask restarts the worker and runs
the task again, and the output is the same.

usage: dask_equivalence.py CHRONICLE DRIVER SHARED_DIR WORK_DIR
Exit 77 (skipped) without dask/distributed or without ../shared.
"""

import json
import os
import shutil
import subprocess
import sys
import time

SKIP = 77


def main():
    chronicle, driver, shared, work = (os.path.abspath(p) for p in sys.argv[1:5])
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        print("SKIP: %s; install Debian's python3-dask and python3-distributed "
              "(.ci/setup.sh)" % e)
        return SKIP
    reuters = os.path.join(shared, "data", "reuters21578", "reuters.jsonl")
    if not os.path.isfile(reuters):
        print("SKIP: %s not found (the shared data sets are not beside the checkout)" % reuters)
        return SKIP

    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "dir", "sub"))
    with open(reuters, encoding="utf-8") as f:
        lines = [next(f).rstrip("\n") for _ in range(3000)]
    lines.insert(99, '{"id": "broken", "published": "1987-02-3')             # line 100
    # line 401 starts the second partition of 400: its id again, later in that partition
    first_of_second = json.loads(lines[400])["id"]
    lines.insert(420, lines[400])                                             # line 421
    lines.insert(1500, '{"id": "no-text", "published": "1987-03-01"}')       # line 1501
    lines.insert(1700, "")                                                    # blank
    lines.insert(2500, lines[10])                                             # reuters-11 again
    no_id = json.loads(lines[20])
    del no_id["id"]
    lines.insert(2600, json.dumps(no_id))                                     # id: news.jsonl:2601
    news = os.path.join(work, "news.jsonl")
    with open(news, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(work, "dir", "b.txt"), "w", encoding="utf-8") as f:
        f.write("---\npublished: 2025-02-17\nid: reuters-12\n---\n"
                "Russian Foreign Minister Sergey Lavrov will meet Marco Rubio in Riyadh on "
                "Tuesday.\n")
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                       "riyadh-talks.txt")
    shutil.copy(src, os.path.join(work, "dir", "sub", "a.md"))
    with open(os.path.join(work, "dir", "sub", "bad.txt"), "w", encoding="utf-8") as f:
        f.write("---\npublished: 2025-02-31\n---\nTalks.\n")
    # links: to a file (read, its id repeats b.txt's), to nothing and in a loop (errors)
    os.symlink(os.path.join("..", "b.txt"), os.path.join(work, "dir", "sub", "Link.txt"))
    os.symlink(os.path.join(work, "no-such-target"), os.path.join(work, "dir", "broken.txt"))
    os.symlink("loop-b.md", os.path.join(work, "dir", "loop-a.md"))
    os.symlink("loop-a.md", os.path.join(work, "dir", "loop-b.md"))
    inputs = ["news.jsonl", "dir", "missing.txt"]

    # chronicle, except that the first partition's extract kills its worker process
    marker = os.path.join(work, "worker-killed")
    killer = os.path.join(work, "chronicle-killing-its-worker")
    with open(killer, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n"
                "if [ \"$1\" = extract ] && [ \"$2\" != --list-ids ] && "
                "mkdir '%s' 2>/dev/null; then\n"
                "  kill -9 $PPID; sleep 5; exit 3\n"
                "fi\n"
                "exec '%s' \"$@\"\n" % (marker, chronicle))
    os.chmod(killer, 0o755)

    failed = []
    runs = [("yaml", "out.yaml", ["--partition-size", "400", "--fan-in", "3"], chronicle),
            ("json", "out.json", ["--partition-size", "1100", "--fan-in", "2"], killer),
            ("jsonl", "out.jsonl", ["--partition-size", "700"], chronicle)]
    for fmt, out, options, binary in runs:
        ref = "ref." + fmt
        t0 = time.time()
        local = subprocess.run([chronicle, "extract", "--quiet", "--threads", "2", "-o", ref] +
                               inputs, cwd=work, capture_output=True)
        t1 = time.time()
        dist = subprocess.run(["/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                               else sys.executable, driver, "--workers", "2", "--chronicle",
                               binary, "-o", out, "--quiet"] + options + inputs,
                              cwd=work, capture_output=True)
        t2 = time.time()
        print("%s: local extract %.1f s, Dask driver %.1f s (%s%s)" %
              (fmt, t1 - t0, t2 - t1, " ".join(options),
               ", a worker killed" if binary == killer else ""))
        if binary == killer and not os.path.isdir(marker):
            failed.append("%s: no partition ran through %s: the worker was not killed" %
                          (fmt, killer))
        if local.returncode != 1 or dist.returncode != 1:
            failed.append("%s: exit codes: extract %d, driver %d (both must be 1: some "
                          "documents failed)\n%s" % (fmt, local.returncode, dist.returncode,
                                                     dist.stderr.decode("utf-8", "replace")))
            continue
        with open(os.path.join(work, ref), "rb") as f:
            want = f.read()
        with open(os.path.join(work, out), "rb") as f:
            got = f.read()
        if got != want:
            failed.append("%s: the driver's output differs from one extract run (%s vs %s in %s)"
                          % (fmt, out, ref, work))
        # every error line of the local run, naming the original file and line
        want_err = sorted(l for l in local.stderr.decode().splitlines() if l.startswith("error:"))
        got_err = sorted(l for l in dist.stderr.decode().splitlines() if l.startswith("error:"))
        if want_err != got_err:
            failed.append("%s: stderr errors differ:\nextract:\n%s\ndriver:\n%s" %
                          (fmt, "\n".join(want_err), "\n".join(got_err)))
        if fmt == "yaml":
            text = want.decode("utf-8")
            for needle in ('where: "news.jsonl:100"', 'where: "news.jsonl:1501"',
                           'where: "dir/sub/bad.txt:2"', 'where: "missing.txt"',
                           '"reuters-11#2"', '"reuters-12#2"', '"news.jsonl:2601"',
                           "id: %s\n" % first_of_second, '"%s#2"' % first_of_second,
                           '"reuters-12#3"', 'where: "dir/broken.txt"', 'where: "dir/loop-a.md"'):
                if needle not in text:
                    failed.append("yaml: the reference output lacks %s: the test data is "
                                  "not what this test expects" % needle)
    for f in failed:
        print("FAIL: " + f)
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
        print("OK: yaml, json and jsonl from two Dask workers equal one extract run")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
