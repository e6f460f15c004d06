"""Shared by the export checks: the modules they need, running the chronicle binary,
reading a day back from the YAML timeline, and the closing report."""
import datetime
import importlib
import subprocess
import sys


def require(*modules):
    """The named modules, imported; when one is missing, says so with the Debian packages
    to install (python3-NAME for each) and exits 77, the code CTest counts as skipped."""
    try:
        return [importlib.import_module(m) for m in modules]
    except ImportError as e:
        packages = " ".join("python3-" + m for m in modules)
        print(f"SKIP: {e.name} is not installed (Debian: apt-get install {packages})")
        sys.exit(77)


def chronicle_runner(chronicle, decode=True):
    """run(args, ok=(0,)) -> stdout of `chronicle ARGS` (text, or bytes when not `decode`);
    exits with FAIL on an exit code not in `ok`."""
    def run(args, ok=(0,)):
        p = subprocess.run([chronicle] + args, capture_output=True)
        if p.returncode not in ok:
            sys.exit(f"FAIL: chronicle {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
        return p.stdout.decode("utf-8") if decode else p.stdout
    return run


def day(x):
    """A window end of the YAML timeline as a date (None for an open end)."""
    if x is None:
        return None
    return x if isinstance(x, datetime.date) else datetime.date.fromisoformat(str(x))


def finish(failures):
    """Prints each failure and exits 1 when there is one, else 0."""
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)
