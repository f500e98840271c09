#!/bin/sh
# Parser speed: origo_parsecheck --bench against `gofmt -l` over the same
# files, both on one core (taskset -c 0), gofmt with GOMAXPROCS=1, best of
# three. gofmt also prints and compares each file, so it does more than
# parse: its time is an upper bound for go/parser's.
#
# usage: tools/bench/parse.sh [DIR]   (default Go 1.19's src; BUILD=dir
#        picks the build directory, GOFMT=path another gofmt)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$repo/build}
dir=${1:-/usr/share/go-1.19/src}
parsecheck=$build/bin/origo_parsecheck
gofmt=${GOFMT:-/usr/lib/go-1.19/bin/gofmt}
[ -x "$parsecheck" ] || { echo "parse.sh: no $parsecheck (ninja -C $build origo_parsecheck)" >&2; exit 1; }
[ -x "$gofmt" ] || { echo "parse.sh: no gofmt at $gofmt" >&2; exit 1; }

echo "== origo_parsecheck --bench (one core)"
out=$(taskset -c 0 "$parsecheck" --bench "$dir")
echo "$out"
lines=$(echo "$out" | sed -n '1s/.*files, \([0-9]*\) lines.*/\1/p')
errors=$("$parsecheck" "$dir" | sed -n 's/^parse: .* \([0-9]*\) with errors$/\1/p')
if [ "${errors:-0}" != 0 ]; then
  echo "note: $errors files have syntax errors; parsing may stop early in them"
fi

echo "== gofmt -l (one core, GOMAXPROCS=1, best of 3)"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
"$parsecheck" --list "$dir" >"$list"
best=""
for run in 1 2 3; do
  start=$(date +%s%N)
  GOMAXPROCS=1 taskset -c 0 xargs "$gofmt" -l <"$list" >/dev/null 2>&1 || true
  ns=$(( $(date +%s%N) - start ))
  if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
done
awk -v ns="$best" -v lines="$lines" -v files="$(wc -l <"$list")" 'BEGIN {
  s = ns / 1e9
  printf "gofmt speed: %.0f lines/s (%d files, %d lines, %.3f s)\n", lines / s, files, lines, s
}'
