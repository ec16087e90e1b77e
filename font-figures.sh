#!/bin/sh
# Each document's size, and the program's start-up time, peak memory and time per document,
# with one font manifest or several (to compare a font set before and after a change):
#   ./font-figures.sh [MANIFEST ...]        (default: fonts/fonts.xml)
#   ./font-figures.sh old-fonts.xml fonts/fonts.xml
# Uses build/src/app/tuijie (make build first) and the sample records.
set -eu
cd "$(dirname "$0")"
TUIJIE=${TUIJIE:-build/src/app/tuijie}
[ $# -gt 0 ] || set -- fonts/fonts.xml
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$TUIJIE" init "$WORK/ws" >/dev/null
for f in samples/candidates.csv samples/candidates-extb.csv; do
  "$TUIJIE" --workspace "$WORK/ws" import --kind candidate "$f" >/dev/null
done
for kind in enterprise park institution; do
  case $kind in enterprise) f=samples/enterprises.xlsx ;; *) f=samples/${kind}s.csv ;; esac
  "$TUIJIE" --workspace "$WORK/ws" import --kind $kind "$f" >/dev/null
done
"$TUIJIE" --workspace "$WORK/ws" import --kind result samples/results.csv >/dev/null

# A park's key is its name and location (records.md), the first two columns.
first_park=$(iconv -f GB18030 -t UTF-8 samples/parks.csv | sed -n 2p | cut -d, -f1,2 | tr , '|')

# One run under /usr/bin/time: prints "seconds peak-KiB".
timed() {
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" ||
    { cat "$WORK/err" >&2; exit 1; }
  cat "$WORK/time"
}

# Average size in KB of the PDFs in a folder, and their count.
sizes() {
  find "$1" -maxdepth 1 -name '*.pdf' ! -name '*combined*' -printf '%s\n' |
    awk '{ n++; s += $1 } END { printf "%d files, %.1f KB each", n, s / n / 1024 }'
}

for manifest in "$@"; do
  echo "== $manifest"
  out="$WORK/out"
  rm -rf "$out"
  # Start-up and the cost of one document: one record (the first park) rendered alone.
  set -- $(timed "$TUIJIE" --workspace "$WORK/ws" render --kind park --key "$first_park" \
    --fonts "$manifest" --out "$out/one")
  echo "one document: $1 s, peak $(($2 / 1024)) MiB"
  for kind in candidate enterprise park institution; do
    set -- $(timed "$TUIJIE" --workspace "$WORK/ws" render --kind $kind --fonts "$manifest" \
      --out "$out/$kind")
    n=$(find "$out/$kind" -maxdepth 1 -name '*.pdf' | wc -l)
    printf '%-12s %s; %s s in all, %s ms each, peak %s MiB\n' "$kind" "$(sizes "$out/$kind")" \
      "$1" "$(echo "$1 $n" | awk '{ printf "%.0f", $1 * 1000 / $2 }')" "$(($2 / 1024))"
  done
  "$TUIJIE" --workspace "$WORK/ws" check --as-of 2020-07-10 >/dev/null 2>&1 || true
  set -- $(timed "$TUIJIE" --workspace "$WORK/ws" packet --fonts "$manifest" --out "$out/packet")
  printf '%-12s %s; %s s, peak %s MiB\n' packet "$(sizes "$out/packet")" "$1" "$(($2 / 1024))"
  set -- $(timed "$TUIJIE" --workspace "$WORK/ws" booklet --fonts "$manifest" --out "$out/booklet")
  printf '%-12s %s; %s s, peak %s MiB\n' booklet "$(sizes "$out/booklet")" "$1" "$(($2 / 1024))"
done
