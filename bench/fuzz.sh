#!/bin/sh
# Runs each libFuzzer target for SECONDS (default 60) on its seeds and its growing corpus,
# then prints executions, coverage (cov: edges, ft: features, from libFuzzer's final
# line) and the result per target. Exit status 1 when a target found a crash, a leak, a
# timeout (25 s for one input) or an out-of-memory; the input is then in
# $BUILD/fuzz/artifacts/<target>/ (make it a reproducer: tests/fuzz/regressions/<target>/).
#
# usage: bench/fuzz.sh [SECONDS] [TARGET...]   targets: document jsonl temporal config extract
# The fuzz build (clang 14, ASan + UBSan + libFuzzer), once:
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCHRONICLE_FUZZ=ON
#   cmake --build build-fuzz -j2
# CHRONICLE_FUZZ_BUILD names another build folder; FUZZ_FLAGS adds libFuzzer flags.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-document jsonl temporal config extract}
BUILD=${CHRONICLE_FUZZ_BUILD:-$ROOT/build-fuzz}
OUT=$BUILD/fuzz
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=""
for t in $TARGETS; do
  bin=$BUILD/bin/fuzz_$t
  if [ ! -x "$bin" ]; then
    echo "fuzz.sh: $bin not found; build with -DCHRONICLE_FUZZ=ON (see the top of this script)" >&2
    exit 2
  fi
  mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t" "$OUT/logs" "$OUT/seeds"
  python3 "$ROOT/tests/fuzz/make_seeds.py" "$OUT/seeds" "$t" >/dev/null || exit 2
  dirs="$OUT/corpus/$t $OUT/seeds/$t"
  for d in "$ROOT/tests/fuzz/seeds/$t" "$ROOT/tests/fuzz/regressions/$t"; do
    [ -d "$d" ] && dirs="$dirs $d"
  done
  max_len=8192
  [ "$t" = config ] && max_len=20000  # temporal.yaml whole
  log=$OUT/logs/$t.log
  start=$(date +%s)
  # shellcheck disable=SC2086
  "$bin" $dirs -max_total_time="$SECONDS_EACH" -timeout=25 -rss_limit_mb=2048 \
    -max_len=$max_len -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t/" \
    ${FUZZ_FLAGS:-} >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  if [ $rc -eq 0 ]; then
    result=ok
  else
    result="FAILED (exit $rc, see $log)"
    status=1
    grep -E 'ERROR: |SUMMARY: |fuzz invariant broken|runtime error|Test unit written' "$log" | head -n 8 >&2
  fi
  line=$(printf '%-9s %6ss %12s execs  cov %6s  ft %7s  %s' "$t" "$secs" "${execs:-?}" \
    "${cov:-?}" "${ft:-?}" "$result")
  echo "$line"
  summary="$summary$line
"
done
echo "---"
printf '%s' "$summary"
exit $status
