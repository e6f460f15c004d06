#!/usr/bin/env python3
"""Installs Chronicle into a fresh prefix and uses it the way a plugin author would.

1. `cmake --install BUILD --prefix P`: the CLI, the bundled plugins, config, lexicons and
   extractor definitions, the SDK header and the CMake package are where they belong.
2. The package: find_package(chronicle 1.0) gives chronicle::sdk and chronicle_add_plugin();
   2.0 is refused (SameMajorVersion).
3. The installed CLI, run from another folder, finds its plugins and config relative to
   itself: `chronicle plugins` lists P's plugins, the seed article's timeline equals the
   golden file byte for byte, and the installed ceasefire definition finds its event.
4. examples/custom-plugin, copied out of the source tree, is configured against P only,
   built, and run with the installed CLI: its sanctions events are checked one by one.
5. P moved elsewhere still works.

usage: installed_example.py CMAKE BUILD_DIR SOURCE_DIR LIBDIR WORK_DIR
"""
import os
import shutil
import subprocess
import sys

import yaml

CMAKE, BUILD, SOURCE, LIBDIR, WORK = sys.argv[1:6]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(cmd, cwd=None, expect=0):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if expect is not None and p.returncode != expect:
        print("command:", " ".join(cmd))
        print(p.stdout)
        print(p.stderr)
        sys.exit("exit code %d, expected %d" % (p.returncode, expect))
    return p


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
prefix = os.path.join(WORK, "prefix")

# 1. install
run([CMAKE, "--install", BUILD, "--prefix", prefix])
plugin_dir = os.path.join(prefix, LIBDIR, "chronicle", "plugins")
expected_files = [
    "bin/chronicle",
    "share/chronicle/config/chronicle.yaml",
    "share/chronicle/config/lexicons/en/meetings.yaml",
    "share/chronicle/config/lexicons/en/temporal.yaml",
    "share/chronicle/config/extractors/ceasefire.yaml",
    "include/chronicle/sdk/plugin_api.h",
    LIBDIR + "/cmake/chronicle/chronicleConfig.cmake",
    LIBDIR + "/cmake/chronicle/chronicleConfigVersion.cmake",
    LIBDIR + "/cmake/chronicle/chronicleTargets.cmake",
    LIBDIR + "/cmake/chronicle/ChroniclePlugin.cmake",
]
bundled = ["calls", "conferences", "extractors", "fallback", "meetings", "summits", "visits"]
expected_files += [os.path.relpath(os.path.join(plugin_dir, "libchronicle_%s.so" % p), prefix)
                   for p in bundled]
for f in expected_files:
    check(os.path.isfile(os.path.join(prefix, f)), "installed file %s is missing" % f)
check(not os.path.exists(os.path.join(prefix, "share/chronicle/config/generate")),
      "config/generate/ (the generators) should not be installed")
mode = os.stat(os.path.join(plugin_dir, "libchronicle_meetings.so")).st_mode
check(mode & 0o022 == 0, "installed plugin is writable by group or others (%o)" % mode)

# 2. the package and its version rule
probe = os.path.join(WORK, "probe")
os.makedirs(probe)
with open(os.path.join(probe, "CMakeLists.txt"), "w") as f:
    f.write("""cmake_minimum_required(VERSION 3.20)
project(probe CXX)  # date's package needs Threads, which needs a language
find_package(chronicle ${WANT} QUIET)
if(chronicle_FOUND AND TARGET chronicle::sdk AND COMMAND chronicle_add_plugin)
  message(STATUS "probe: found ${chronicle_VERSION} at ${chronicle_DIR}")
else()
  message(STATUS "probe: not found")
endif()
""")
for want, found in (("1.0", True), ("1", True), ("2.0", False)):
    p = run([CMAKE, "-S", probe, "-B", os.path.join(probe, "b" + want),
             "-DWANT=" + want, "-DCMAKE_PREFIX_PATH=" + prefix,
             "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"])
    got = "probe: found 1." in p.stdout
    check(got == found, "find_package(chronicle %s) %s" % (want, "found" if got else "not found"))
    if got:
        check(os.path.join(prefix, LIBDIR, "cmake", "chronicle") in p.stdout,
              "the package found is not the installed one:\n" + p.stdout)

# 3. the installed CLI finds its own plugins and config, whatever the working folder
chronicle = os.path.join(prefix, "bin", "chronicle")
p = run([chronicle, "plugins"], cwd="/")
check("search paths:\n  %s\n" % plugin_dir in p.stdout,
      "installed `chronicle plugins` does not search %s:\n%s" % (plugin_dir, p.stdout))
check("loaded (%d):" % len(bundled) in p.stdout and "failed (0):" in p.stdout,
      "installed `chronicle plugins` did not load the %d bundled plugins:\n%s" % (len(bundled), p.stdout))
for name in bundled:
    check(os.path.join(plugin_dir, "libchronicle_%s.so" % name) in p.stdout,
          "%s not loaded from the prefix" % name)
check(os.path.join(BUILD, "lib", "chronicle") not in p.stdout,
      "installed CLI refers to the build tree's plugins:\n" + p.stdout)
p = run([chronicle, "extract", os.path.join(SOURCE, "examples", "riyadh-talks.txt")], cwd="/")
with open(os.path.join(SOURCE, "tests", "golden", "riyadh-talks.yaml")) as f:
    check(p.stdout == f.read(),
          "installed CLI's seed timeline differs from tests/golden/riyadh-talks.yaml")

# ... and its YAML-only extractors (share/chronicle/config/extractors/ceasefire.yaml)
news = os.path.join(WORK, "ceasefire.txt")
with open(news, "w") as f:
    f.write("---\npublished: 2025-01-15\n---\n"
            "Armenia signed a ceasefire with Azerbaijan in Moscow on Tuesday.\n")
p = run([chronicle, "extract", news], cwd="/")
events = yaml.load(p.stdout, Loader=yaml.BaseLoader)["events"]
got = [(e["type"], e["status"], e["when"]["value"], e["participants"], e["location"], e["plugin"])
       for e in events]
check(got == [("ceasefire", "occurred", "2025-01-14", ["Armenia", "Azerbaijan"], "Moscow",
               "extractors")], "installed YAML extractor: %r" % got)

# 4. the out-of-tree example, against the installed package only
src = os.path.join(WORK, "custom-plugin")
shutil.copytree(os.path.join(SOURCE, "examples", "custom-plugin"), src)
shutil.rmtree(os.path.join(src, "build"), ignore_errors=True)
obj = os.path.join(WORK, "custom-plugin-build")
run([CMAKE, "-S", src, "-B", obj, "-DCMAKE_PREFIX_PATH=" + prefix,
     "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF", "-DCMAKE_BUILD_TYPE=Release"])
with open(os.path.join(obj, "CMakeCache.txt")) as f:
    cache = f.read()
check("chronicle_DIR:PATH=%s/%s/cmake/chronicle" % (prefix, LIBDIR) in cache,
      "the example did not use the installed package")
run([CMAKE, "--build", obj])
lib = os.path.join(obj, "libchronicle_sanctions.so")
check(os.path.isfile(lib), "the example did not build libchronicle_sanctions.so")

p = run([chronicle, "plugins", "--config", os.path.join(src, "chronicle.yaml"), "--plugins", obj],
        cwd=WORK)
check("  sanctions 0.1.0  ABI 1.2  %s\n" % lib in p.stdout,
      "`chronicle plugins` does not list the example plugin:\n" + p.stdout)

p = run([chronicle, "extract", os.path.join(src, "article.txt"), "--config",
         os.path.join(src, "chronicle.yaml"), "--plugins", obj], cwd=WORK)
timeline = yaml.load(p.stdout, Loader=yaml.BaseLoader)  # every scalar a string
check(timeline["sources"] == [{"id": "article", "published": "2025-02-24",
                               "title": "EU and Britain add sanctions on Russia three years into the war"}],
      "sources: %r" % timeline["sources"])
check(not timeline.get("errors"), "errors: %r" % timeline.get("errors"))
got = [(e["type"], e["status"], e["when"]["value"] if e.get("when") else None,
        e["participants"], e["plugin"]) for e in timeline["events"]]
want = [
    ("sanctions", "occurred", "2025-02-24", ["European Union"], "sanctions"),
    ("sanctions", "occurred", "2025-02-24", ["Britain"], "sanctions"),  # countries as written
    ("sanctions", "planned", "2025-W10", ["Canada"], "sanctions"),
]
check(got == want, "example events:\n  got  %r\n  want %r" % (got, want))
for e in timeline["events"]:
    check(e["evidence"][0]["source"] == "article", "evidence source: %r" % e["evidence"])

# 5. the prefix can be moved: nothing installed names it
moved = os.path.join(WORK, "moved-prefix")
os.rename(prefix, moved)
p = run([os.path.join(moved, "bin", "chronicle"), "plugins"], cwd="/")
check("search paths:\n  %s\n" % os.path.join(moved, LIBDIR, "chronicle", "plugins") in p.stdout
      and "loaded (%d):" % len(bundled) in p.stdout,
      "the moved prefix's CLI does not find its plugins:\n" + p.stdout)

if failures:
    sys.exit("%d check(s) failed" % len(failures))
print("installed package, relocated CLI and out-of-tree plugin: all checks passed")
