#!/bin/sh
# Builds every program in examples/ with origo for linux/amd64 and linux/arm64,
# runs it (arm64 under qemu-aarch64) and prints its name, output (stdout and
# stderr: println writes to stderr, as in Go) and exit status. When gc 1.19 is
# installed, each output is also compared with `go run`'s.
#
# usage: tools/demo.sh [BUILD]     (BUILD defaults to ./build)
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ORIGO=$(cd "$BUILD" && pwd)/bin/origo
GO=/usr/lib/go-1.19/bin/go
[ -x "$ORIGO" ] || { echo "demo: no origo at $ORIGO (run make build)" >&2; exit 2; }
work=$(mktemp -d /tmp/origo-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP PIPE
failed=0

for src in examples/*.go; do
  name=$(basename "$src" .go)
  want=""
  if [ -x "$GO" ]; then
    GO111MODULE=off GOFLAGS= GOCACHE=/tmp/origo-demo-gocache "$GO" run "$src" >"$work/$name.gc" 2>&1
    want="$work/$name.gc"
  fi
  for arch in amd64 arm64; do
    echo "=== $name ($arch)"
    exe="$work/$name-$arch"
    if ! GOARCH=$arch "$ORIGO" build -o "$exe" "$src"; then
      echo "--- build failed"; failed=1; continue
    fi
    if [ "$arch" = amd64 ]; then run="$exe"; else run="qemu-aarch64 $exe"; fi
    $run >"$work/$name-$arch.out" 2>&1
    status=$?
    cat "$work/$name-$arch.out"
    echo "--- exit status $status"
    if [ -n "$want" ]; then
      if cmp -s "$want" "$work/$name-$arch.out"; then
        echo "--- output matches gc"
      else
        echo "--- output DIFFERS from gc:"; diff "$want" "$work/$name-$arch.out" | head -20
        failed=1
      fi
    fi
  done
done
exit $failed
