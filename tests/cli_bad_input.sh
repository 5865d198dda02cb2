#!/usr/bin/env bash
# cli_bad_input.sh SITREP TESTS_SRC_DIR SHARED_DIR
#
# `sitrep extract` over a mix of good and bad inputs: an empty file, a
# binary file, invalid UTF-8, a 200 MB single-line file, a truncated JSON
# Lines file and a JSONL file with a 50 MB line.  Checks the exit status
# (1: some input skipped; never a crash or a timeout), exactly one stderr
# line per bad input naming it, and the good documents on stdout.  Runs
# under `ulimit -v` (1 GiB) to prove memory stays bounded, except for
# sanitizer builds (whose shadow memory needs terabytes of address space)
# or when SITREP_NO_ULIMIT=1.
set -u
sitrep=${1:?usage: cli_bad_input.sh PATH/TO/sitrep TESTS_SRC_DIR SHARED_DIR}
case $sitrep in /*) ;; *) sitrep=$PWD/$sitrep ;; esac

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-cli-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2

# ---- inputs ----
cat > good.txt <<'EOF'
Menu
Share

Floods cut roads across northern province

By Jane Example

Heavy rain cut three main roads in the northern province on Tuesday, officials said.

About 1,200 people were moved to schools on higher ground, the governor said.
EOF
printf 'Talks resumed in the capital on Monday, the ministry said.\n' > late.txt
: > empty.txt
# A NUL first, so the random bytes can never look like JSON Lines or gzip.
{ printf '\0'; head -c 4095 /dev/urandom; } > binary.bin
printf 'The first line is fine.\nThe second is not: \xff\xfe here.\n' > badutf8.txt
head -c 209715200 /dev/zero | tr '\0' a > huge.txt
printf '%s\n%s\n' '{"id": "t1", "text": "The first record is fine."}' \
    '{"id": "t2", "text": "The second record was cut' > truncated.jsonl
{
    printf '{"id": "h1", "text": "'
    head -c 52428800 /dev/zero | tr '\0' b
    printf '"}\n{"id": "after-huge", "text": "Read after the huge line."}\n'
} > huge.jsonl
if [ "$(stat -c %s huge.txt)" != 209715200 ]; then
    echo "cannot make the 200 MB input (disk full?)" >&2
    exit 2
fi
bad_inputs="empty.txt binary.bin badutf8.txt huge.txt truncated.jsonl huge.jsonl"

# ---- is the binary sanitizer-instrumented? ----
sanitized=0
if grep -qa -e '__asan_init' -e '__msan_init' -e '__tsan_init' "$sitrep" 2>/dev/null ||
   ldd "$sitrep" 2>/dev/null | grep -qE 'lib(asan|tsan|msan)'; then
    sanitized=1
fi
limit_cmd=""
if [ "$sanitized" = 0 ] && [ "${SITREP_NO_ULIMIT:-0}" != 1 ]; then
    limit_cmd="ulimit -v 1048576;"
    echo "running under ulimit -v 1048576 (1 GiB)"
else
    echo "sanitizer build or SITREP_NO_ULIMIT=1: no ulimit -v"
fi

run() { # run OUT ERR ARGS...: sitrep extract ARGS, status in $status
    local out=$1 err=$2
    shift 2
    bash -c "$limit_cmd"' exec timeout 120 "$@"' sitrep "$sitrep" extract "$@" >"$out" 2>"$err"
    status=$?
}

# ---- all inputs in one run ----
run out.jsonl err.txt good.txt empty.txt binary.bin badutf8.txt huge.txt truncated.jsonl \
    huge.jsonl late.txt
check "exit status is 1 (got $status)" test "$status" -eq 1
check "no crash or timeout (status $status)" test "$status" -lt 124
for f in $bad_inputs; do
    n=$(grep -c -F "$f" err.txt)
    check "exactly one stderr line names $f (got $n)" test "$n" -eq 1
done
n=$(wc -l < err.txt)
check "at most one stderr line besides the per-input ones (got $n lines)" test "$n" -le 7
check "every stderr line starts with 'sitrep: '" test "$(grep -vc '^sitrep: ' err.txt)" -eq 0
check "bad UTF-8 is reported with its line" grep -q -F 'badutf8.txt:2:' err.txt
check "the truncated record is reported with its line" grep -q -F 'truncated.jsonl:2:' err.txt
check "the huge JSONL line is reported with its line" grep -q -F 'huge.jsonl:1:' err.txt
check "the binary file is called binary" grep -F 'binary.bin' err.txt -q
check "the good article's record is on stdout" \
    grep -q -e '"type":"document","id":"good"' out.jsonl
check "the good JSONL record is on stdout" grep -q -F '"id":"t1"' out.jsonl
check "the record after the huge line is on stdout" grep -q -F '"id":"after-huge"' out.jsonl
check "the input after the bad ones is read" grep -q -F '"id":"late"' out.jsonl
n=$(grep -c '"type":"document"' out.jsonl)
check "four document records on stdout (got $n)" test "$n" -eq 4
check "no bad input leaks onto stdout" test "$(grep -c -e '"id":"empty"' -e '"id":"huge"' \
    -e '"id":"binary"' -e '"id":"badutf8"' -e '"id":"t2"' -e '"id":"h1"' out.jsonl)" -eq 0

# ---- the same with a small limit ----
run out2.jsonl err2.txt --max-bytes 4096 good.txt huge.txt huge.jsonl late.txt
check "with --max-bytes: exit status is 1 (got $status)" test "$status" -eq 1
check "with --max-bytes: huge.txt named once" test "$(grep -c -F huge.txt err2.txt)" -eq 1
check "with --max-bytes: huge.jsonl named once" test "$(grep -c -F huge.jsonl err2.txt)" -eq 1
check "with --max-bytes: three records" test "$(grep -c '"type":"document"' out2.jsonl)" -eq 3

# ---- only good inputs: status 0, nothing on stderr ----
run out3.jsonl err3.txt good.txt late.txt
check "good inputs only: exit status is 0 (got $status)" test "$status" -eq 0
check "good inputs only: stderr is empty" test ! -s err3.txt

# ---- peak memory stays bounded (non-sanitizer builds, GNU time present) ----
if [ "$sanitized" = 0 ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o rss.txt timeout 120 "$sitrep" extract huge.txt huge.jsonl \
        >/dev/null 2>/dev/null
    rss=$(tail -1 rss.txt)
    case $rss in
    '' | *[!0-9]*) echo "cannot measure peak memory: $(cat rss.txt)" ;;
    *) check "peak RSS ${rss} KiB stays under 256 MiB for 250 MB of input" test "$rss" -lt 262144 ;;
    esac
fi

rm -f huge.txt huge.jsonl
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
