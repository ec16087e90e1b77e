#!/bin/sh
# The demo: a fresh workspace from the sample files, then every candidate's form and every
# enterprise's, park's and institution's information sheet as PDFs.
#   ./demo.sh [path/to/tuijie]      (make demo builds the program first)
set -eu
cd "$(dirname "$0")"
TUIJIE=${1:-build/src/app/tuijie}
WS=out/ws

for f in samples/candidates.csv samples/candidates-extb.csv samples/enterprises.xlsx \
  samples/parks.csv samples/institutions.csv; do
  if [ ! -f "$f" ]; then
    echo "demo: $f is missing" >&2
    exit 66
  fi
done

rm -rf "$WS" out/candidates out/enterprises out/parks out/institutions out/nominations
"$TUIJIE" init "$WS"
# Chinese Windows Excel's CSV export (GBK, no BOM), then a UTF-8 file with rare characters
# (CJK Extension B): the encoding is detected, each file is its own transaction.
"$TUIJIE" --workspace "$WS" import --kind candidate samples/candidates.csv
"$TUIJIE" --workspace "$WS" import --kind candidate samples/candidates-extb.csv
# The organisation track: enterprises from Excel, parks and institutions as CP936 CSV.
"$TUIJIE" --workspace "$WS" import --kind enterprise samples/enterprises.xlsx
"$TUIJIE" --workspace "$WS" import --kind park samples/parks.csv
"$TUIJIE" --workspace "$WS" import --kind institution samples/institutions.csv
"$TUIJIE" --workspace "$WS" render --kind candidate --out out/candidates --combined
for kind in enterprise park institution; do
  "$TUIJIE" --workspace "$WS" render --kind $kind --out out/${kind}s --combined
done
# The person track's bundles: per nominating body its list, forms and photos.
"$TUIJIE" --workspace "$WS" nominations --out out/nominations
# Completeness, eligibility and deadlines as of the applicants' deadline; some sample
# enterprises are ineligible on purpose, so a non-zero exit is expected here.
"$TUIJIE" --workspace "$WS" check --as-of 2020-07-10 || true
# The bureau's recommendation packet: cover letter, summary tables, the recommended sheets.
rm -rf out/packet
"$TUIJIE" --workspace "$WS" packet --out out/packet
# The committee's decision, then its award booklet (A5) and the same pages imposed two-up on
# A4 landscape for saddle stitching.
"$TUIJIE" --workspace "$WS" import --kind result samples/results.csv
"$TUIJIE" --workspace "$WS" booklet --out out --impose saddle
echo "demo: the forms are in out/candidates/, the sheets in out/enterprises/, out/parks/ and out/institutions/,"
echo "      the recommendation packet in out/packet/, the nomination bundles in out/nominations/,"
echo "      the award booklet and its imposed version in out/ (2020年推介结果手册*.pdf)"
