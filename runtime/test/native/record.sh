#!/bin/sh
# Records gc 1.19's report for native test modes: for each NAME.MODE.go
# given (default: all of them here), builds it with gc, runs it, and writes
# the first three lines of its standard error to NAME.MODE.out and its exit
# status to NAME.MODE.status, which run.sh compares with the native test
# run with argument MODE. gc's "[signal SIGSEGV: ...]" line, printed only
# for a real fault, is dropped: origo's nil checks call runtime.panicmem.
# usage: runtime/test/native/record.sh [NAME.MODE.go ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
go=${GO:-/usr/lib/go-1.19/bin/go}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- "$here"/*_test.*.go
for src in "$@"; do
  (cd "$work" && cp "$src" main.go && GO111MODULE=off "$go" build -o prog main.go)
  status=0
  "$work/prog" >/dev/null 2>"$work/stderr" || status=$?
  grep -v '^\[signal ' "$work/stderr" | head -n 3 >"${src%.go}.out"
  echo "$status" >"${src%.go}.status"
  echo "${src##*/}: $(head -n 1 "${src%.go}.out") (status $status)"
done
