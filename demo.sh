#!/bin/sh
# The demo: a fresh workspace from the sample files, then every candidate's form as a PDF.
#   ./demo.sh [path/to/tuijie]      (make demo builds the program first)
set -eu
cd "$(dirname "$0")"
TUIJIE=${1:-build/src/app/tuijie}
WS=out/ws

for f in samples/candidates.csv samples/candidates-extb.csv; do
  if [ ! -f "$f" ]; then
    echo "demo: $f is missing" >&2
    exit 66
  fi
done

rm -rf "$WS" out/candidates
"$TUIJIE" init "$WS"
# Chinese Windows Excel's CSV export (GBK, no BOM), then a UTF-8 file with rare characters
# (CJK Extension B): the encoding is detected, each file is its own transaction.
"$TUIJIE" --workspace "$WS" import --kind candidate samples/candidates.csv
"$TUIJIE" --workspace "$WS" import --kind candidate samples/candidates-extb.csv
"$TUIJIE" --workspace "$WS" render --kind candidate --out out/candidates --combined
echo "demo: the forms are in out/candidates/"
