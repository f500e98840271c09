#!/bin/sh
# Speed of goroutine code: the programs in sched/ (unbuffered ping-pong, a
# prime-sieve pipeline, select fan-in over four channels, a million
# goroutines that each block once, mutex contention among 8 goroutines, a
# hot split) built by gc 1.19, gccgo -O2 and origo, run on every core,
# outputs checked against gc's, best of RUNS (default 3); then the peak RSS
# of the million blocked goroutines. Prints the table and origo's verdict
# against issue 6's targets (geometric mean of origo/gc <= 1.0, none above
# 1.5, peak RSS no more than gc's).
#
# usage: tools/bench/sched.sh [--arch amd64|arm64] [PROGRAM...]
#        (BUILD=dir picks origo's build directory, GCCGO=none leaves gccgo
#        out; see compare.py)
exec python3 "$(dirname "$0")/compare.py" sched "$@"
