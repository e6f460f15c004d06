#!/usr/bin/python3
"""Scale-out benchmark: scale/chronicle_dask.py on a LocalCluster of 1 and 2 workers
against one local `chronicle extract --threads 1` and `--threads 2`, on the whole Reuters
corpus (issue 9). Run it with the system python3 (Debian's python3-dask):

    /usr/bin/python3 bench/dask_scaling.py [CHRONICLE] [--corpus reuters.jsonl]
        [--workers 1 2] [--partition-size 1000] [--fan-in 8] [--repeat 1]

For each run: wall seconds, documents per second, CPU seconds of everything the run
started (wait4 of the command: the driver, the scheduler, the worker processes and every
chronicle they ran, when they are reaped as they are on a clean exit), and for the driver
the CPU seconds of chronicle itself (on the workers and here) and the time until the
cluster is up. Each driver output is compared with the local run's, byte for byte. On a
machine shared with other work compare CPU seconds; wall times depend on the load.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return (time.perf_counter() - t0, ru.ru_utime + ru.ru_stime,
            os.waitstatus_to_exitcode(status))


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("chronicle", nargs="?", default=os.path.join(ROOT, "build", "bin", "chronicle"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "reuters21578",
                                                     "reuters.jsonl"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=1000)
    ap.add_argument("--fan-in", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the fastest is shown")
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print("SKIP: %s not found" % a.corpus)
        return 0
    with open(a.corpus, "rb") as f:
        docs = sum(1 for line in f if line.strip())
    driver = os.path.join(ROOT, "scale", "chronicle_dask.py")
    print("corpus: %s: %d documents; partitions of %d, fan-in %d; load average %s at start"
          % (a.corpus, docs, a.partition_size, a.fan_in, load_average()))
    rows = []
    with tempfile.TemporaryDirectory(prefix="chronicle-dask-bench-") as tmp:
        ref = os.path.join(tmp, "local.yaml")
        base = {}
        for t in a.threads:
            best = None
            for _ in range(a.repeat):
                out = ref if t == a.threads[0] else os.path.join(tmp, "local-%d.yaml" % t)
                r = run([a.chronicle, "extract", "--quiet", "--threads", str(t), "-o", out,
                         a.corpus])
                best = r if best is None or r[0] < best[0] else best
            wall, cpu, code = best
            base[t] = (wall, cpu)
            rows.append(("extract --threads %d" % t, wall, cpu, None, None, code, ""))
        for w in a.workers:
            best = None
            for _ in range(a.repeat):
                out = os.path.join(tmp, "dask-%d.yaml" % w)
                stats = os.path.join(tmp, "stats-%d.json" % w)
                r = run([sys.executable, driver, "--workers", str(w), "--chronicle", a.chronicle,
                         "--partition-size", str(a.partition_size), "--fan-in", str(a.fan_in),
                         "--quiet", "--stats", stats, "-o", out, a.corpus])
                with open(stats) as f:
                    st = json.load(f)
                with open(out, "rb") as f1, open(ref, "rb") as f2:
                    same = f1.read() == f2.read()
                if best is None or r[0] < best[0][0]:
                    best = (r, st, same)
            (wall, cpu, code), st, same = best
            rows.append(("dask, %d worker%s" % (w, "s" if w > 1 else ""), wall, cpu,
                         st["cpu_tasks"] + st["cpu_local"], st["wall_cluster_ready"], code,
                         "%d maps + %d merges, %s" % (st["partitions"], st["merges"],
                                                      "same bytes" if same else "DIFFERENT")))
    print()
    print("| run | wall s | docs/s | CPU s, all processes | chronicle CPU s | cluster up s | "
          "exit | notes |")
    print("|---|---|---|---|---|---|---|---|")
    for name, wall, cpu, ccpu, up, code, notes in rows:
        print("| %s | %.2f | %.0f | %.2f | %s | %s | %d | %s |" % (
            name, wall, docs / wall, cpu, "%.2f" % ccpu if ccpu is not None else "-",
            "%.2f" % up if up is not None else "-", code, notes))
    t1 = base.get(1)
    if t1:
        print()
        for name, wall, cpu, ccpu, up, code, notes in rows:
            if ccpu is None:
                continue
            print("%s: wall %.2fx extract --threads 1 (%.2fx without the cluster start-up), "
                  "CPU %+.2f s (%.2fx); chronicle itself %+.2f s" % (
                      name, wall / t1[0], (wall - up) / t1[0], cpu - t1[1], cpu / t1[1],
                      ccpu - t1[1]))
    print("load average %s at the end" % load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main())
