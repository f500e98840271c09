#!/bin/sh
# Compile speed: the 5,000-line program from gen_big.py compiled and linked
# by gc 1.19 (compile + link, std precompiled) and by `origo build` (its
# package cache warm), one core, best of RUNS (default 3); gc's `go build`
# and gccgo for scale. Target: origo under 3x gc.
#
# usage: tools/bench/compile.sh [--arch amd64|arm64] [--lines N]
#        (BUILD=dir picks origo's build directory, CPU=n the core; see
#        compare.py)
exec python3 "$(dirname "$0")/compare.py" compile "$@"
