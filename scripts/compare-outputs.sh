#!/usr/bin/env bash
# Whole-output comparison of two `article` binaries, for changes that must not change
# behaviour.
#
#   scripts/compare-outputs.sh run BIN OUT   runs BIN over every input set in every output
#                                            format (and the NER dev file) into directory OUT
#   scripts/compare-outputs.sh cmp OUT_A OUT_B
#                                            compares two such directories: output files
#                                            byte for byte, stderr files as sorted line sets;
#                                            prints "ALL IDENTICAL (N files)" and exits 0,
#                                            or lists the differences and exits 1
#
# Inputs: the HTML and text pages of the extraction dev set and of three training sets,
# the seed pages, the NER dev file (all under DATA, default ../shared/data relative to the
# repository root; set DATA to override) and the repository's examples/ (EXAMPLES to
# override). Records carry their input's path, so both runs must read the same paths.
#
# Typical use:
#   git stash; cargo build --release -p article-cli; cp target/release/article /tmp/article-a
#   git stash pop; cargo build --release -p article-cli
#   scripts/compare-outputs.sh run /tmp/article-a /tmp/out-a
#   scripts/compare-outputs.sh run target/release/article /tmp/out-b
#   scripts/compare-outputs.sh cmp /tmp/out-a /tmp/out-b
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$repo/../shared/data}
EXAMPLES=${EXAMPLES:-$repo/examples}

usage() {
  sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

run() {
  local bin=$1 out=$2
  [ -x "$bin" ] || { echo "not an executable: $bin" >&2; exit 2; }
  [ -d "$DATA" ] || { echo "no data directory: $DATA (set DATA)" >&2; exit 2; }
  # Canonical paths: the records name them.
  DATA=$(cd "$DATA" && pwd -P)
  EXAMPLES=$(cd "$EXAMPLES" && pwd -P)
  rm -rf "$out"
  mkdir -p "$out"
  local sets="$DATA/extraction/dev/html"
  for t in cleaneval-dev dragnet l3s-gn1; do
    sets="$sets $DATA/extraction/train/$t/html"
  done
  local i=0 d kind files htmls txts f
  for d in $sets "$EXAMPLES" "$DATA/seed"; do
    i=$((i + 1))
    htmls=$(ls "$d"/*.html.gz "$d"/*.html 2>/dev/null)
    txts=$(ls "$d"/*.txt 2>/dev/null)
    for kind in html txt; do
      if [ "$kind" = html ]; then files=$htmls; else files=$txts; fi
      [ -z "$files" ] && continue
      for f in jsonl text markdown csv conll tei; do
        "$bin" extract -j 2 --to "$f" $files >"$out/$i.$kind.$f" 2>"$out/$i.$kind.$f.err"
        echo "rc=$?" >>"$out/$i.$kind.$f.err"
      done
      "$bin" extract -j 2 --to jsonl --no-entities $files \
        >"$out/$i.$kind.noent" 2>"$out/$i.$kind.noent.err"
      "$bin" extract -j 2 --to jsonl --offsets utf16 --csv-entities --anchor-date 2020-01-02 \
        $files >"$out/$i.$kind.utf16" 2>"$out/$i.$kind.utf16.err"
      "$bin" extract -j 2 --to csv --csv-entities $files \
        >"$out/$i.$kind.csvent" 2>"$out/$i.$kind.csvent.err"
      "$bin" extract -j 2 --to brat -o "$out/$i.$kind.brat" $files 2>"$out/$i.$kind.brat.err"
    done
  done
  "$bin" ner --conll "$DATA/ner/conll2003/dev.conll" >"$out/ner.dev" 2>"$out/ner.dev.err"
}

compare() {
  local a=$1 b=$2 bad=0 f extra
  [ -d "$a" ] && [ -d "$b" ] || { echo "not directories: $a $b" >&2; exit 2; }
  while IFS= read -r f; do
    if [[ $f == *.err ]]; then
      if ! diff -q <(sort "$a/$f") <(sort "$b/$f") >/dev/null 2>&1; then
        echo "DIFF(stderr) $f"
        bad=1
      fi
    elif ! cmp -s "$a/$f" "$b/$f"; then
      echo "DIFF $f"
      bad=1
    fi
  done < <(cd "$a" && find . -type f | sort)
  extra=$(comm -13 <(cd "$a" && find . -type f | sort) <(cd "$b" && find . -type f | sort))
  if [ -n "$extra" ]; then
    echo "EXTRA: $extra"
    bad=1
  fi
  [ $bad = 0 ] && echo "ALL IDENTICAL ($(cd "$a" && find . -type f | wc -l) files)"
  exit $bad
}

case "${1:-}" in
  run) [ $# = 3 ] || usage; run "$2" "$3" ;;
  cmp) [ $# = 3 ] || usage; compare "$2" "$3" ;;
  *) usage ;;
esac
