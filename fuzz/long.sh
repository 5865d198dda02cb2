#!/usr/bin/env bash
# long.sh BUILD_DIR [RUNS] -- the long fuzz run (make fuzz-long): every
# target, one at a time on one core, in two parts:
#
#  1. RUNS executions (10,000,000 by default) with inputs up to
#     FUZZ_MAX_LEN bytes (16384, as make fuzz), from BUILD_DIR/fuzz-corpus/
#     TARGET seeded with fuzz/corpus/TARGET (inputs found earlier are kept,
#     merged down to those adding coverage when there are over 500);
#  2. FUZZ_BIG_SECONDS (600) with inputs up to FUZZ_BIG_MAX_LEN (1 MiB), from
#     BUILD_DIR/fuzz-corpus-big/TARGET seeded with large inputs made here
#     (an attribute flood, nesting, an entity bomb, a feed of many items, a
#     text without a full stop, a WARC with junk) and the corpus of part 1,
#     so the sizes at which a super-linear path shows are in reach.
#
# Any input taking over FUZZ_TIMEOUT (60) seconds is a failure.  The two
# parts are apart because an input's cost grows with its size: with the
# large seeds in the corpus, libFuzzer mutates inputs of hundreds of KB and
# fuzz_htmlguard ran 170 times slower than from the small seeds.
#
# BUILD_DIR is a fuzz build, best without sanitizers and without comparison
# tracing for throughput (-DSITREP_FUZZ_SANITIZE=OFF
# -DSITREP_FUZZ_TRACE_CMP=OFF; make fuzz-long makes build-fuzzlong so);
# libFuzzer's entropic scheduler is off (-entropic=0): with the tens of
# thousands of features these targets have, it took two thirds of the time.
# Logs go to FUZZ_LOGS (BUILD_DIR/fuzz-logs): TARGET.log and TARGET.big.log.
# Prints, per target and part, the executions done, the time taken, the
# largest input allowed and the status.
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [RUNS]" >&2
    exit 2
fi
build=$1
runs=${2:-10000000}
here=$(cd "$(dirname "$0")" && pwd)
# fastest first (executions per CPU second, 60 s each from the seeds:
# warc 16.7k, feed 16.3k, jsonl 8.4k, part 7.2k, html 6.6k, reader 4.8k,
# text 3.4k, snapshot 3.4k; htmlguard: 10M in 1,432 s.)
targets=${FUZZ_TARGETS:-"fuzz_htmlguard fuzz_warc fuzz_feed fuzz_jsonl fuzz_part fuzz_html fuzz_reader fuzz_text fuzz_snapshot"}
max_len=${FUZZ_MAX_LEN:-16384}
big_len=${FUZZ_BIG_MAX_LEN:-1048576}
big_secs=${FUZZ_BIG_SECONDS:-600}
logs=${FUZZ_LOGS:-$build/fuzz-logs}
# the reader targets write their input to a file per execution: on a tmpfs
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
# glibc keeps large blocks in the heap instead of mapping and unmapping them
# at every execution (a corpus's tables): fuzz_snapshot spent 4.1 s of 11.1 s
# in the kernel for 30,000 runs, 0.07 s of 5.2 s so
export GLIBC_TUNABLES=${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=268435456}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# big TARGET DIR: large seeds for TARGET in DIR
big() {
    python3 - "$1" "$2" <<'PY'
import json, os, sys
t, d = sys.argv[1], sys.argv[2]
def put(name, data):
    with open(os.path.join(d, "big-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
attrs = "<div " + " ".join("a%d=x" % i for i in range(20000)) + ">text</div>"
text = "Gunmen killed 12 villagers near Kaduna on Monday, police said, and " * 3000
if t in ("fuzz_html", "fuzz_htmlguard", "fuzz_text"):
    put("attrs", "<p>Rebels attacked the town.</p>" + attrs)
    put("nested", "<div>" * 20000 + "<p>Rebels attacked the town.</p>")
if t == "fuzz_text":
    put("nostop", text)
if t == "fuzz_jsonl":
    put("records", "".join(json.dumps({"id": str(i), "text": "Rebels attacked town %d." % i}) + "\n" for i in range(5000)))
    put("html", json.dumps({"id": "h", "html": attrs}) + "\n")
if t == "fuzz_feed":
    # the target puts its input after an Atom feed's root when its length is odd
    entries = "".join("<entry><title>t</title><content>Rebels attacked town %d.</content></entry>" % i
                      for i in range(5000))
    put("entries", entries if len(entries) % 2 else entries + " ")
if t == "fuzz_reader":
    ent = '<!DOCTYPE rss [<!ENTITY e "%s">]>' % ("x" * 1000)
    items = "".join("<item><title>t</title><description>Rebels attacked town %d.</description></item>" % i
                    for i in range(3000))
    put("feed", '<?xml version="1.0"?>' + ent + "<rss><channel><title>T</title>" + items +
        "<item><description>" + "&e;" * 20000 + "</description></item></channel></rss>")
if t in ("fuzz_warc", "fuzz_reader"):
    rec = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 99999\r\n\r\n"
           "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Rebels attacked.</p>")
    put("junk", rec + "x" * 500000)
PY
}

failed=0
for t in $targets; do
    bin=$build/fuzz/$t
    if [ ! -x "$bin" ]; then
        echo "$t: $bin not built" >&2
        failed=1
        continue
    fi
    corpus=$build/fuzz-corpus/$t
    bigc=$build/fuzz-corpus-big/$t
    art=$build/fuzz-artifacts/$t
    mkdir -p "$corpus" "$bigc" "$art" "$logs"
    cp -n "$here/corpus/$t/"* "$corpus/" 2>/dev/null || true
    big "$t" "$bigc"
    # inputs kept from earlier runs: only those adding coverage (-merge=1)
    if [ "$(ls "$corpus" | wc -l)" -gt 500 ]; then
        rm -rf "$corpus.min" && mkdir -p "$corpus.min"
        "$bin" -merge=1 -max_len="$max_len" -rss_limit_mb=4096 -timeout=${FUZZ_TIMEOUT:-60} \
            "$corpus.min" "$corpus" >"$logs/$t.merge.log" 2>&1 &&
            rm -rf "$corpus" && mv "$corpus.min" "$corpus"
    fi
    dict=""
    [ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
    for part in runs big; do
        if [ $part = runs ]; then
            log=$logs/$t.log len=$max_len limit=-runs=$runs dirs=$corpus
        else
            [ "$big_secs" -gt 0 ] || continue
            log=$logs/$t.big.log len=$big_len limit=-max_total_time=$big_secs dirs="$bigc $corpus"
        fi
        t0=$(date +%s)
        # shellcheck disable=SC2086
        "$bin" $limit -entropic=0 -timeout=${FUZZ_TIMEOUT:-60} -rss_limit_mb=4096 -max_len="$len" \
            -print_final_stats=1 -artifact_prefix="$art/" $dict ${FUZZ_FLAGS:-} $dirs >"$log" 2>&1
        rc=$?
        t1=$(date +%s)
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        printf '%-16s %-4s %12s executions  %6d s  max_len %-7d  exit %d  %s\n' "$t" $part "${execs:-?}" \
            $((t1 - t0)) "$len" $rc "$log"
        if [ $rc -ne 0 ]; then
            failed=1
            grep -E 'ERROR: |invariant broken|runtime error|Test unit written' "$log" | head -5 >&2
        fi
    done
done
[ $failed -eq 0 ] && echo "fuzz-long: every target ran clean" || { echo "fuzz-long: some target failed" >&2; exit 1; }
