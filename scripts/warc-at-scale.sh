#!/usr/bin/env bash
# Measurements of issue 15 (WARC in, Parquet out) with a release `article` binary:
#
#   scripts/warc-at-scale.sh [BIN]     (default target/release/article)
#
# 1. CPU time (user+sys) and peak RSS of the per-file run over the 110 dev pages
#    (DATA/extraction/dev/html/*.html.gz) against the run over the same pages packed in
#    DATA/warc/dev-pages.warc.gz, both --to jsonl -j JOBS (default 2), each run RUNS times
#    (default 3), alternating; the bodies of both compared.
# 2. Peak RSS of `--to parquet` and `--to jsonl`, -j 1 and -j JOBS, over the dev WARC (1x)
#    and over a WARC made of COPIES
#    (default 20) copies of it (gzip members concatenated: a valid WARC), written to
#    TMP (default /tmp/article-warc-scale), never into the repository.
# 3. The Parquet of the 1x run read back by pyarrow and pandas against the JSONL
#    (scripts/check-parquet.py; PYTHON defaults to target/ci-venv/bin/python, then python3).
#
# DATA defaults to ../shared/data relative to the repository root. Needs /usr/bin/time.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$repo/target/release/article}
DATA=${DATA:-$repo/../shared/data}
TMP=${TMP:-/tmp/article-warc-scale}
RUNS=${RUNS:-3}
COPIES=${COPIES:-20}
JOBS=${JOBS:-2}
warc=$DATA/warc/dev-pages.warc.gz
[ -f "$warc" ] || { echo "skipping: $warc not found"; exit 0; }
mkdir -p "$TMP"

# measure NAME CMD...: runs CMD under /usr/bin/time -v; prints "NAME cpu=S rss=KB"
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" 2>"$TMP/$name.time" >/dev/null || true
  local user sys rss
  user=$(awk -F': ' '/User time/ {print $2}' "$TMP/$name.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$TMP/$name.time")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/$name.time")
  echo "$name cpu=$(echo "$user + $sys" | bc) rss_kb=$rss"
}

echo "== 1. per-file vs WARC, --to jsonl -j $JOBS, $RUNS runs each (alternating)"
for i in $(seq "$RUNS"); do
  measure "files-$i" "$BIN" extract -j "$JOBS" --to jsonl -o "$TMP/files.jsonl" "$DATA"/extraction/dev/html/*.html.gz
  measure "warc-$i" "$BIN" extract -j "$JOBS" --to jsonl -o "$TMP/warc.jsonl" "$warc"
done
grep -h "WARC:" "$TMP"/warc-1.time || true
python3 - "$TMP/files.jsonl" "$TMP/warc.jsonl" <<'PY'
import json, os, sys
files = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    files[os.path.basename(r["source"]).split(".")[0]] = r["body"]
warc = [json.loads(l) for l in open(sys.argv[2])]
# the output does not carry the WARC's X-Benchmark-Id (the integration test joins by it):
# here the two runs' bodies are compared as multisets
bodies = sorted(r["body"] for r in warc)
print(f"articles: files {len(files)}, warc {len(warc)}; same bodies: {bodies == sorted(files.values())}")
PY

echo "== 2. peak RSS of --to parquet, 1x and ${COPIES}x the dev WARC"
big=$TMP/dev-pages-x$COPIES.warc.gz
if [ ! -f "$big" ]; then
  for _ in $(seq "$COPIES"); do cat "$warc"; done >"$big"
fi
for j in 1 "$JOBS"; do
  for to in parquet jsonl; do
    measure "$to-1x-j$j" "$BIN" extract -j "$j" --to $to -o "$TMP/x1.$to" "$warc"
    measure "$to-${COPIES}x-j$j" "$BIN" extract -j "$j" --to $to -o "$TMP/x$COPIES.$to" "$big"
  done
done

echo "== 3. Parquet read back by pyarrow and pandas against the JSONL"
PYTHON=${PYTHON:-$repo/target/ci-venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
"$PYTHON" "$repo/scripts/check-parquet.py" "$TMP/x1.parquet" "$TMP/x1.jsonl"
