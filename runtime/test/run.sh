#!/bin/sh
# Runs the runtime's regression tests on amd64 and (under qemu-aarch64) arm64:
# each test/NAME.ll is compiled with llc-19, linked with linker/ through
# origo_link_program, run, and its output compared with NAME.out, recorded
# from gc 1.19 running NAME.go; the exit status must be the one in
# NAME.status. Both sides are normalised: tracebacks lose their +0x offsets
# and source directories, and gc's hex arguments become origo's "(...)".
#
# Then the native tests: each native/NAME_test.cpp, compiled by the build
# with the runtime's target flags (BUILD_DIR/runtime/test/native/ARCH/), is
# linked the same way and run: with no argument it checks everything and
# must exit 0. Each native/NAME_test.MODE.go is a Go program whose gc report
# is recorded in NAME_test.MODE.out (its first three lines) and .status; the
# test run with argument MODE must print the same lines to stderr and exit
# with the same status.
#
# Last, tools/runtime_stack.py bounds the stack each Go-callable runtime
# function uses on a goroutine's stack, per target (runtime/stack.h).
# usage: runtime/test/run.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
llc=${LLC:-llc-19}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

normalise() {
  sed -E -e 's/ \+0x[0-9a-f]+$//' \
         -e 's/^([^\t].*)\(0x[^)]*\)$/\1(...)/' \
         -e 's#^\t.*/([^/]+\.go):#\t\1:#'
}

fail=0
for ll in "$here"/*.ll; do
  name=$(basename "$ll" .ll)
  inits=$(sed -n 's/^; INITS: *//p' "$ll")
  for arch in amd64 arm64; do
    case $arch in
      amd64) triple=x86_64-unknown-linux-gnu; run= ;;
      arm64) triple=aarch64-unknown-linux-gnu; run=qemu-aarch64 ;;
    esac
    obj=$work/$name-$arch.o exe=$work/$name-$arch
    "$llc" -O2 -frame-pointer=all -filetype=obj -mtriple=$triple "$ll" -o "$obj"
    "$build/bin/origo_link_program" $arch "$exe" "$work/$arch" "$inits" "$obj"
    status=0
    $run "$exe" >"$work/out" 2>&1 || status=$?
    if ! normalise <"$work/out" | diff -u "$here/$name.out" - ||
       [ "$status" != "$(cat "$here/$name.status")" ]; then
      echo "FAIL: $name ($arch), exit status $status"
      fail=1
    else
      echo "ok: $name ($arch)"
    fi
  done
done
for cpp in "$here"/native/*_test.cpp; do
  name=$(basename "$cpp" .cpp)
  for arch in amd64 arm64; do
    case $arch in
      amd64) run= ;;
      arm64) run=qemu-aarch64 ;;
    esac
    exe=$work/$name-$arch
    "$build/bin/origo_link_program" $arch "$exe" "$work/$arch" "" \
      "$build/runtime/test/native/$arch/$name.o"
    status=0
    $run "$exe" >"$work/out" 2>&1 || status=$?
    if [ "$status" != 0 ]; then
      cat "$work/out"
      echo "FAIL: $name ($arch), exit status $status"
      fail=1
    else
      echo "ok: $name ($arch): $(tail -n 1 "$work/out")"
    fi
    for go in "$here"/native/"$name".*.go; do
      [ -e "$go" ] || continue
      mode=${go##*/"$name".}
      mode=${mode%.go}
      status=0
      $run "$exe" "$mode" >"$work/stdout" 2>"$work/stderr" || status=$?
      if ! head -n 3 "$work/stderr" | diff -u "${go%.go}.out" - ||
         [ "$status" != "$(cat "${go%.go}.status")" ]; then
        cat "$work/stdout"
        echo "FAIL: $name $mode ($arch), exit status $status"
        fail=1
      else
        echo "ok: $name $mode ($arch)"
      fi
    done
  done
done
# GODEBUG=schedtrace=X: sysmon prints gc's line every X ms (the numbers are
# the machine's; the format is gc's, checked line by line).
sched_line='^SCHED [0-9]+ms: gomaxprocs=[0-9]+ idleprocs=[0-9]+ threads=[0-9]+ spinningthreads=[0-9]+ idlethreads=[0-9]+ runqueue=[0-9]+ \[[0-9]+( [0-9]+)*\]$'
for arch in amd64 arm64; do
  case $arch in
    amd64) run= ;;
    arm64) run=qemu-aarch64 ;;
  esac
  status=0
  GODEBUG=schedtrace=20 GOMAXPROCS=3 $run "$work/sched_test-$arch" schedtrace >"$work/stdout" 2>"$work/stderr" || status=$?
  lines=$(grep -c . "$work/stderr" || true)
  good=$(grep -cE "$sched_line" "$work/stderr" || true)
  if [ "$status" != 0 ] || [ "$lines" -lt 3 ] || [ "$lines" != "$good" ] ||
     ! grep -q 'gomaxprocs=3 ' "$work/stderr"; then
    cat "$work/stderr"
    echo "FAIL: schedtrace ($arch): $good of $lines lines in gc's format, exit status $status"
    fail=1
  else
    echo "ok: schedtrace ($arch)"
  fi
done
for arch in amd64 arm64; do
  if python3 "$here/../../tools/runtime_stack.py" "$build/runtime/$arch" >"$work/share" 2>&1; then
    echo "ok: runtime stack share ($arch): $(tail -1 "$work/share")"
  else
    cat "$work/share"
    echo "FAIL: runtime stack share ($arch)"
    fail=1
  fi
done
exit $fail
