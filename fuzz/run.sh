#!/bin/sh
# Runs the libFuzzer targets of a sanitizer build (make sanitize-build: build-asan/fuzz/).
#
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   fuzz each target for SECONDS (make fuzz: 60, CI: 20)
#   fuzz/run.sh --replay BUILD_DIR [TARGET...]  run the seeds and regressions once (a ctest test)
#
# Each target's seeds and dictionary are assembled from the tree by corpus.py into
# BUILD_DIR/fuzz/TARGET/; the inputs libFuzzer finds are kept in BUILD_DIR/fuzz/TARGET/corpus
# for the next run. A crash, leak, timeout or out-of-memory stops the target with its input kept
# under BUILD_DIR/fuzz/TARGET/artifacts/; the script names it and exits 1 once all targets ran.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
replay=no
if [ "${1:-}" = "--replay" ]; then
  replay=yes
  shift
fi
[ $# -ge 1 ] || { echo "usage: $0 [--replay] BUILD_DIR [SECONDS] [TARGET...]" >&2; exit 64; }
build=$(cd "$1" && pwd)
shift
seconds=0
if [ $replay = no ]; then
  [ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2; exit 64; }
  seconds=$1
  shift
fi
targets=${*:-"csv xlsx xlsx_sheets json template fonts campaign"}

# The sanitizers stop at the first error; LeakSanitizer ignores HarfBuzz's own race (see the file).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$top/.ci/lsan.supp}"

failed=""
for target in $targets; do
  binary="$build/fuzz/fuzz_$target"
  work="$build/fuzz/$target"
  [ -x "$binary" ] || { echo "fuzz: $binary is missing (make sanitize-build)" >&2; exit 66; }
  mkdir -p "$work/corpus" "$work/artifacts"
  python3 "$here/corpus.py" "$target" "$work/seeds" "$work/dict" >/dev/null
  dict=""
  [ -s "$work/dict" ] && dict="-dict=$work/dict"
  log="$work/last-run.log"
  # Per input: 25 s before a hang counts as one (ASan builds are slow), 2 GiB before a memory
  # bomb does (tuijie promises far less; the limit only has to end the run).
  if [ $replay = yes ]; then
    set -- -runs=0 "$work/seeds"
  else
    set -- -max_total_time="$seconds" "$work/corpus" "$work/seeds"
  fi
  started=$(date +%s)
  status=0
  # shellcheck disable=SC2086  # $dict is one word or none
  "$binary" $dict -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(ls "$work/corpus" | wc -l)
  if [ $status -eq 0 ]; then
    if [ $replay = yes ]; then
      echo "fuzz: $target: $(ls "$work/seeds" | wc -l) seeds and regressions ran clean"
    else
      echo "fuzz: $target: ${elapsed} s, ${execs:-?} executions, corpus $corpus inputs, nothing found"
    fi
  else
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "fuzz: $target: FAILED after ${elapsed} s (exit $status); log $log"
    grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|contract broken|ALARM|out-of-memory' \
      "$log" | sed 's/^/fuzz:   /' || true
    [ -n "$artifact" ] && echo "fuzz:   input kept at $artifact"
    failed="$failed $target"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: failed:$failed" >&2
  exit 1
fi
