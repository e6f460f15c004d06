#!/usr/bin/env python3
"""Whole-corpus benchmark for `chronicle extract` and `chronicle timex` (issue 5).

usage: corpus_bench.py CHRONICLE [--corpus reuters.jsonl] [--threads 1 2] [--scale 1 2 4]
                       [--chrono] [--repeat N]
Reports docs/s, MB/s of article text and peak RSS (getrusage of the child, via wait4) per
command, thread count and corpus scale (copies of the corpus with new ids). With --chrono
it installs chrono-node (pinned) under bench/.chrono with npm and times chrono.parse over
the same texts (reference date = each article's date, parse only, after start-up).
With --repeat N every measurement (Chronicle's and chrono-node's) is taken N times and the
fastest is kept (wall and CPU time each at their minimum, peak RSS at its maximum): on a
shared or virtual machine a single run can be slowed by other work, never sped up. The N
runs are taken in rounds (every measurement once a round), so that a host whose speed drifts
during the benchmark weighs on every figure alike. With threads 1 and another count it also
times two one-thread processes started together on the first scale's corpus: what two
threads can gain on this host at most, printed beside the threads' ratio.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
CHRONO_VERSION = "2.10.3"


def corpus_stats(path):
    docs = mb = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs += 1
                mb += len(json.loads(line).get("text", "").encode("utf-8"))
    return docs, mb / 1e6


def scaled(path, k, tmp):
    if k == 1:
        return path
    out = os.path.join(tmp, f"corpus-x{k}.jsonl")
    with open(out, "w", encoding="utf-8") as o:
        for i in range(k):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    j = json.loads(line)
                    j["id"] = f"{j['id']}-copy{i}" if i else j["id"]
                    o.write(json.dumps(j) + "\n")
    return out


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    cpu = ru.ru_utime + ru.ru_stime
    return secs, cpu, ru.ru_maxrss / 1024.0, code  # ru_maxrss is in KB on Linux


def chrono(corpus):
    d = os.path.join(HERE, ".chrono")
    os.makedirs(d, exist_ok=True)
    if not os.path.isdir(os.path.join(d, "node_modules", "chrono-node")):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", d,
                        f"chrono-node@{CHRONO_VERSION}"], check=True)
    script = os.path.join(HERE, "chrono_parse.mjs")
    out = subprocess.run(["node", script, corpus], check=True, capture_output=True, text=True,
                         cwd=d, env={**os.environ, "NODE_PATH": os.path.join(d, "node_modules")})
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_pair(cmd):
    """Two copies of `cmd` started together: the wall time until both are done. Two
    one-thread processes share nothing but the machine, so 2 x (one alone) / (the pair) is
    the most two threads can gain on this host at that moment (1.9-2x on two free cores;
    less where the host's second core is shared with other work)."""
    t0 = time.perf_counter()
    ps = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
          for _ in range(2)]
    for p in ps:
        p.wait()
    return time.perf_counter() - t0


def fastest(best, r):
    """The faster of two chrono-node runs, wall and CPU time each at their minimum."""
    if best is None:
        return r
    best["seconds"] = min(best["seconds"], r["seconds"])
    best["cpu_seconds"] = min(best.get("cpu_seconds", best["seconds"]),
                              r.get("cpu_seconds", r["seconds"]))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chronicle")
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "data",
                                                       "reuters21578", "reuters.jsonl"))
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--scale", type=int, nargs="+", default=[1])
    ap.add_argument("--commands", nargs="+", default=["timex", "extract"])
    ap.add_argument("--chrono", action="store_true")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each measurement N times and keep the fastest")
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print(f"SKIP: {a.corpus} not found")
        return 0
    docs, mb = corpus_stats(a.corpus)
    print(f"corpus: {a.corpus}: {docs} documents, {mb:.1f} MB of text")
    print(f"{'command':8} {'scale':>5} {'threads':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
          f"{'peak RSS MB':>11} {'CPU s':>7} {'MB/CPU s':>8}")
    rows = {}
    cpus = {}
    # Rounds: every measurement once a round, chrono-node's too, so that a machine whose speed
    # drifts (a shared host) weighs on all of them alike instead of on the ones run last;
    # each keeps its fastest round.
    runs = {}
    pairs = {}  # two one-thread processes at once, by command
    r = None
    with tempfile.TemporaryDirectory() as tmp:
        paths = {k: scaled(a.corpus, k, tmp) for k in a.scale}
        for _ in range(max(1, a.repeat)):
            for k in a.scale:
                for cmd in a.commands:
                    for t in a.threads:
                        args = [a.chronicle, cmd, paths[k], "-o", os.devnull, "--threads",
                                str(t), "--quiet"]
                        runs.setdefault((cmd, k, t), []).append(run(args))
                if len(a.threads) > 1 and 1 in a.threads and k == a.scale[0]:
                    for cmd in a.commands:
                        args = [a.chronicle, cmd, paths[k], "-o", os.devnull, "--threads", "1",
                                "--quiet"]
                        pairs.setdefault(cmd, []).append(run_pair(args))
            if a.chrono:
                r = fastest(r, chrono(a.corpus))
    for k in a.scale:
        for cmd in a.commands:
            for t in a.threads:
                rs = runs[(cmd, k, t)]
                secs, cpu = min(x[0] for x in rs), min(x[1] for x in rs)
                rss, code = max(x[2] for x in rs), max((x[3] for x in rs), key=abs)
                rows[(cmd, k, t)] = secs
                cpus[(cmd, k, t)] = cpu
                print(f"{cmd:8} {k:>4}x {t:>7} {secs:8.2f} {docs * k / secs:8.0f} "
                      f"{mb * k / secs:6.2f} {rss:11.1f} {cpu:7.2f} {mb * k / cpu:8.2f}" +
                      ("" if code == 0 else f"  exit {code}"))
    for (cmd, k, t), secs in sorted(rows.items()):
        base = rows.get((cmd, k, a.threads[0]))
        if t != a.threads[0] and base:
            # and the median of the rounds' own ratios: the two runs of a round follow one
            # another, so a host's drift from round to round cancels out of it
            paired = statistics.median(x[0] / y[0] for x, y in
                                       zip(runs[(cmd, k, a.threads[0])], runs[(cmd, k, t)]))
            print(f"{cmd} {k}x: {t} threads = {base / secs:.2f}x one thread "
                  f"(fastest runs; median of the rounds' ratios {paired:.2f}x)")
        one = rows.get((cmd, 1, t))
        if k != 1 and one:
            print(f"{cmd} {t} thread(s): {k}x corpus takes {secs / one:.2f}x the time")
    for cmd, ws in pairs.items():
        one = rows.get((cmd, a.scale[0], 1))
        if one:
            paired = statistics.median(2 * x[0] / w for x, w in zip(runs[(cmd, a.scale[0], 1)], ws))
            print(f"{cmd} {a.scale[0]}x: two one-thread processes at once = {2 * one / min(ws):.2f}x "
                  f"one alone (median of the rounds' ratios {paired:.2f}x; what this host gives "
                  "two threads at most, for comparison)")
    if a.chrono:
        cmbs = mb / r["seconds"]
        ccpu = r.get("cpu_seconds", r["seconds"])
        print(f"chrono-node {CHRONO_VERSION}: {r['docs']} docs, {r['results']} results, "
              f"{r['seconds']:.2f} s parse only, {cmbs:.2f} MB/s; {ccpu:.2f} CPU s, "
              f"{mb / ccpu:.2f} MB/CPU s")
        for cmd in a.commands:
            s = rows.get((cmd, 1, a.threads[0]))
            if s:
                print(f"{cmd} ({a.threads[0]} thread) / chrono-node MB/s = {(mb / s) / cmbs:.2f}x "
                      f"(by CPU time: {ccpu / cpus[(cmd, 1, a.threads[0])]:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
