#!/bin/sh
# Seeds a libFuzzer corpus with small real Go files: about COUNT files of
# 100 bytes to 8 KiB from Go 1.19's src (testdata included: its odd syntax
# is good food for a parser), evenly spread over the sorted list so the
# same files are chosen every time.
#
# usage: test/fuzz/seed.sh CORPUS_DIR [COUNT]   (COUNT defaults to 2000)
set -eu
dir=${1:?usage: seed.sh CORPUS_DIR [COUNT]}
count=${2:-2000}
src=${ORIGO_GOROOT_SRC:-/usr/share/go-1.19/src}
[ -d "$src" ] || { echo "seed.sh: no Go source tree at $src" >&2; exit 1; }
mkdir -p "$dir"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
(cd "$src" && find . -type f -name '*.go' -size +100c -size -8k | LC_ALL=C sort) >"$list"
total=$(wc -l <"$list")
awk -v n="$total" -v k="$count" 'n <= k || int(NR * k / n) != int((NR - 1) * k / n)' "$list" |
while IFS= read -r f; do
  name=$(printf '%s' "${f#./}" | tr / _)
  cp "$src/$f" "$dir/$name"
done
echo "seed.sh: $(ls "$dir" | wc -l) files in $dir"
