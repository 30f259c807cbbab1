#!/usr/bin/env bash
# Per-source extraction scores of ours (HTML and text front ends) beside trafilatura 2.3.1
# on the same pages (issue 12).
#
#   scripts/score-sources.sh OUT [-- EXTRA_ARGS...]
#
# Runs `eval_sources` (article-parse example, feature `training`) over the three training
# sources (train/dragnet, train/l3s-gn1, train/cleaneval-dev) into OUT, and trafilatura
# (TRAF_PY, default /tmp/venv-traf/bin/python; its predictions are kept in OUT/traf and
# reused when present), then prints one line per source and system: F1, precision,
# recall (score.py). Set DEV=1 to add the dev set (the final check: score it last and
# rarely). EXTRA_ARGS go to eval_sources (e.g. `--blocks learned`). DATA defaults to
# ../shared/data/extraction beside the repository. Skips cleanly when it is absent.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$repo/../shared/data/extraction}
TRAF_PY=${TRAF_PY:-/tmp/venv-traf/bin/python}
out=${1:?usage: score-sources.sh OUT [-- EXTRA_ARGS...]}
shift
[ "${1:-}" = "--" ] && shift
if [ ! -d "$DATA/train" ]; then
  echo "skipping: $DATA/train is absent"
  exit 0
fi
sources=("$DATA/train/dragnet" "$DATA/train/l3s-gn1" "$DATA/train/cleaneval-dev")
[ "${DEV:-0}" = 1 ] && sources+=("$DATA/dev")
mkdir -p "$out/traf"
cd "$repo"
flock /tmp/cargo.lock cargo run -q --release -p article-parse --features training \
  --example eval_sources -- "$out" "$@" "${sources[@]}"
for s in "${sources[@]}"; do
  name=$(basename "$s")
  if [ ! -s "$out/traf/$name.json" ] && [ -x "$TRAF_PY" ]; then
    "$TRAF_PY" scripts/trafilatura-preds.py "$s" "$out/traf/$name.json"
  fi
done
score() { python3 "$DATA/score.py" --truth "$1" --pred "$2" | tail -1; }
for s in "${sources[@]}"; do
  name=$(basename "$s")
  printf '%-14s html  %s\n' "$name" "$(score "$s/truth.json" "$out/$name.html.json")"
  printf '%-14s text  %s\n' "$name" "$(score "$s/truth.json" "$out/$name.text.json")"
  if [ -s "$out/traf/$name.json" ]; then
    printf '%-14s traf  %s\n' "$name" "$(score "$s/truth.json" "$out/traf/$name.json")"
  fi
done
