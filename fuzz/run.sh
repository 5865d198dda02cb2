#!/usr/bin/env bash
# run.sh BUILD_DIR [SECONDS] -- runs every libFuzzer target for SECONDS each.
#
# BUILD_DIR is a build configured with -DSITREP_FUZZ=ON -DCMAKE_C_COMPILER=clang
# (`make fuzz` makes build-fuzz and calls this with 30 s).  Each target
# works on BUILD_DIR/fuzz-corpus/TARGET, seeded from a copy of
# fuzz/corpus/TARGET (inputs found earlier are kept between runs).  Crash,
# leak and timeout reproducers land in BUILD_DIR/fuzz-artifacts/TARGET/;
# logs in BUILD_DIR/fuzz-logs/TARGET.log.  Exits non-zero when any target
# fails.  Extra libFuzzer flags may be given in FUZZ_FLAGS.
#
# Reproduce a crash:  BUILD_DIR/fuzz/TARGET BUILD_DIR/fuzz-artifacts/TARGET/crash-...
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [SECONDS]" >&2
    exit 2
fi
build=$1
secs=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
targets=${FUZZ_TARGETS:-"fuzz_text fuzz_jsonl fuzz_reader fuzz_html fuzz_warc fuzz_feed fuzz_snapshot fuzz_htmlguard fuzz_part"}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
for t in $targets; do
    bin=$build/fuzz/$t
    if [ ! -x "$bin" ]; then
        echo "$t: $bin not built (configure with -DSITREP_FUZZ=ON -DCMAKE_C_COMPILER=clang)" >&2
        failed=1
        continue
    fi
    corpus=$build/fuzz-corpus/$t
    art=$build/fuzz-artifacts/$t
    log=$build/fuzz-logs/$t.log
    mkdir -p "$corpus" "$art" "$(dirname "$log")"
    cp -n "$here/corpus/$t/"* "$corpus/" 2>/dev/null || true
    dict=""
    [ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
    echo "== $t for ${secs}s (log: $log)"
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=${FUZZ_MAX_LEN:-16384} \
        -print_final_stats=1 -artifact_prefix="$art/" $dict ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1
    rc=$?
    stats=$(grep -E '^#[0-9]+' "$log" | tail -1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "   ${stats:-no progress line}"
    echo "   executions: ${execs:-?}, exit status: $rc"
    if [ $rc -ne 0 ]; then
        failed=1
        echo "   FAILED: $t" >&2
        grep -E 'ERROR: |invariant broken|runtime error|Test unit written' "$log" | head -5 >&2
    fi
done
if [ $failed -ne 0 ]; then
    echo "fuzz: some target failed" >&2
    exit 1
fi
echo "fuzz: all targets ran clean"
