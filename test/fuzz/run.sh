#!/bin/sh
# Fuzzes the lexer and parser: seeds the corpus (once, under the build
# directory, never in the repository), replays every input in
# test/fuzz/regressions/, then runs origo_fuzz_parser for SECONDS (default
# 60). Exits 1 if a regression input fails or the fuzzer finds a crash,
# hang, leak or sanitizer report; the input it found is left in
# BUILD/fuzz-artifacts/ and belongs in regressions/ once reported.
#
# usage: test/fuzz/run.sh [SECONDS]   (BUILD defaults to build/)
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build=${BUILD:-$repo/build}
fuzzer=$build/bin/origo_fuzz_parser
if [ ! -x "$fuzzer" ]; then
  echo "run.sh: no $fuzzer: build it with 'ninja -C $build origo_fuzz_parser'" \
       "(CMake option ORIGO_FUZZ=ON, clang with libclang-rt-19-dev)" >&2
  exit 1
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
limits="-timeout=10 -rss_limit_mb=4096"
corpus=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
mkdir -p "$corpus/found" "$artifacts"
status=0

# 1. Seed once; later runs keep what earlier ones found.
if [ -z "$(ls -A "$corpus/seed" 2>/dev/null)" ]; then
  sh "$repo/test/fuzz/seed.sh" "$corpus/seed" || exit 1
fi

# 2. Every regression input on its own, so each failure is named.
ok=0 bad=0
for f in "$repo"/test/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  case $f in *.md) continue ;; esac
  if "$fuzzer" $limits "$f" >"$artifacts/replay.log" 2>&1; then
    ok=$((ok + 1))
  else
    bad=$((bad + 1))
    echo "regression FAIL: test/fuzz/regressions/$(basename "$f")"
    # The sanitizer's headline, then the first frames in origo's own code.
    grep -E '^(==[0-9]+==ERROR|SUMMARY)' "$artifacts/replay.log" | cut -c1-160
    grep -E '^    #[0-9]+ .* in origo::' "$artifacts/replay.log" | head -4 | cut -c1-160
  fi
done
echo "fuzz: regressions: $ok ok, $bad failed"
[ "$bad" -eq 0 ] || status=1

# 3. Fuzz. New inputs go to found/ (the first corpus directory); the log is
# long, so only its end is shown.
log=$artifacts/fuzz.log
echo "fuzz: running origo_fuzz_parser for ${seconds}s (log: $log)"
"$fuzzer" -max_len=65536 $limits -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$corpus/found" "$corpus/seed" >"$log" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
  status=1
  grep -E '^(==[0-9]+==ERROR|SUMMARY|==[0-9]+== ERROR: libFuzzer|ALARM)' "$log" | cut -c1-160
  grep -E '^    #[0-9]+ .* in origo::' "$log" | head -4 | cut -c1-160
  grep -E 'Test unit written' "$log"
  echo "fuzz: origo_fuzz_parser exited $rc; keep the input above as" \
       "test/fuzz/regressions/<what-it-is> once reported"
else
  grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done )' "$log"
fi
echo "fuzz: $( [ "$status" -eq 0 ] && echo ok || echo FAILED )"
exit $status
