#!/bin/sh
# Installs what is missing (Debian 12, as root), configures and builds Chronicle in build/.
set -eu
cd "$(dirname "$0")/.."
PACKAGES="cmake g++ make pkg-config libboost-dev libhowardhinnant-date-dev libyaml-cpp-dev \
libcli11-dev nlohmann-json3-dev libsimdjson-dev googletest libgtest-dev python3 python3-yaml \
python3-jsonschema python3-icalendar python3-markdown chromium libbenchmark-dev \
clang-14 libclang-rt-14-dev python3-dask python3-distributed"
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
