"""Shared by the export checks: running the chronicle binary."""
import subprocess
import sys


def chronicle_runner(chronicle, decode=True):
    """run(args, ok=(0,)) -> stdout of `chronicle ARGS` (text, or bytes when not `decode`);
    exits with FAIL on an exit code not in `ok`."""
    def run(args, ok=(0,)):
        p = subprocess.run([chronicle] + args, capture_output=True)
        if p.returncode not in ok:
            sys.exit(f"FAIL: chronicle {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
        return p.stdout.decode("utf-8") if decode else p.stdout
    return run
