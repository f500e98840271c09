#!/bin/sh
# Speed of generated code: the programs in programs/ built by gc 1.19,
# gccgo -O2 and origo, run on one core, outputs checked against gc's, best
# of RUNS (default 3); prints the table and origo's verdict against issue
# 5's targets (geometric mean of origo/gc <= 0.9, none above 1.3).
#
# usage: tools/bench/code.sh [--arch amd64|arm64] [PROGRAM...]
#        (BUILD=dir picks origo's build directory, CPU=n the core,
#        GCCGO=none leaves gccgo out; see compare.py)
exec python3 "$(dirname "$0")/compare.py" code "$@"
