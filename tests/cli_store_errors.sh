#!/usr/bin/env bash
# cli_store_errors.sh SITREP TESTS_SRC_DIR SHARED_DIR
#
# The store's failures, as `sitrep` reports them (issue 19): each case
# checks the message, the exit status and what the database holds after.
#
#   full disk     a small tmpfs (when this machine lets the test mount one):
#                 "disk full", the failed batch named with what was stored
#   ulimit -f     the write past the limit reported (SIGXFSZ no longer
#                 kills ingest without a word), the batches before it kept
#   two ingests   the second waits for the first's batch and then adds its own
#   foreign lock  a database held by another program: "locked ... by another
#                 process" after 10 s, exit 2
#   read only     queries, reports and exports open the database to read:
#                 a missing path is an error (and not created), a file that is
#                 not a sitrep database says so, a database in another journal
#                 mode stays in it, its bytes do not change, a user without
#                 write access can query
# No store failure reads "cannot read input" any more.
set -u
sitrep=${1:?usage: cli_store_errors.sh PATH/TO/sitrep TESTS_SRC_DIR SHARED_DIR}
src=${2:-$(dirname "$0")}
case $sitrep in /*) ;; *) sitrep=$PWD/$sitrep ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-cli-store-errors.XXXXXX") || exit 2
mounted=""
cleanup() {
    [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 2

# articles N FILE [PREFIX] [PARTS]: N articles made from the corpus
# fixtures (PARTS of them one after the other, default 1), each its own id,
# places and figures, as JSON Lines
articles() {
    python3 - "$src" "$2" "$1" "${3:-a}" "${4:-1}" <<'PY'
import glob, json, os, sys
texts = [open(f).read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "fixtures/corpus/*/*.txt")))]
places = ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Jowhar", "Marka", "Afgoye", "Dhusamareb", "Galkayo"]
parts = int(sys.argv[5])
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        t = "\n\n".join(texts[(i + k) % len(texts)] for k in range(parts))
        for k, p in enumerate(places):
            t = t.replace(p, places[(k + i) % len(places)])
        t = t.replace(" 1", " %d" % (1 + i % 7)).replace(" 2", " %d" % (2 + i % 5))
        out.write(json.dumps({"id": "%s%07d" % (sys.argv[4], i), "published": "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                              "text": t}) + "\n")
PY
}
count() { # articles stored in DB (read through sitrep itself)
    "$sitrep" export "$1" --format jsonl 2>/dev/null | grep -c '"type":"document"'
}
run() { # run NAME ARGS...: stdout NAME.out, stderr NAME.err, $status
    local name=$1
    shift
    timeout 300 "$sitrep" "$@" >"$name.out" 2>"$name.err"
    status=$?
}
no_input_words() { ! grep -q "cannot read input" "$1"; }

articles 2000 in2000.jsonl

# ---- full disk: a tmpfs that holds the first batch of 1000, not the second ----
# (the first batch's database measured on disk: the tmpfs holds it two
# and a half times, its log beside it; the second batch's articles are
# each six of the first's, which a batch that writes only what it adds
# needs about six times the room for)
head -1000 in2000.jsonl > in1000.jsonl
"$sitrep" ingest measure.db --batch 1000 in1000.jsonl 2>/dev/null
room=$(( $(stat -c %s measure.db) * 5 / 2 / 1024 + 1 ))
articles 1000 big1000.jsonl b 6
cat in1000.jsonl big1000.jsonl > full2000.jsonl
mkdir small
if mount -t tmpfs -o size=${room}k tmpfs small 2>/dev/null; then
    mounted=$tmp/small
    run full ingest small/x.db --batch 1000 full2000.jsonl
    check "full disk: exit 2 (got $status)" [ "$status" = 2 ]
    check "full disk: named" grep -q "^sitrep: small/x.db: disk full while " full.err
    check "full disk: the lost batch and what was stored named" \
        grep -q "the open batch of 1000 article(s) was not stored; 1000 article(s) of this run were stored before it, in 1 batch(es)" full.err
    check "full disk: the summary counts what landed" \
        grep -q "^ingest: 2000 read, 1000 added, .*1000 not stored (the failed batch), 1 batch(es); 1000 articles stored" full.err
    check "full disk: no rollback message" bash -c "! grep -q 'no transaction is active' full.err"
    check "full disk: no 'cannot read input'" no_input_words full.err
    check "full disk: 1000 articles stored" [ "$(count small/x.db)" = 1000 ]
    umount small && mounted=""
else
    echo "full disk: cannot mount a tmpfs here: skipped (test_store_errors covers it with a failing VFS)"
fi

# ---- ulimit -f: the write past the limit is an error, not a signal ----
articles 300 in300.jsonl f
run fsize0 ingest fs.db --batch 100 in300.jsonl
size=$(( ($(stat -c %s fs.db) + 1023) / 1024 ))
articles 2000 more.jsonl g
bash -c "ulimit -f $((size + 256)); exec \"\$0\" ingest fs.db --batch 1000 more.jsonl" "$sitrep" >fsize.out 2>fsize.err
status=$?
check "ulimit -f: exit 2, not killed by SIGXFSZ (got $status)" [ "$status" = 2 ]
check "ulimit -f: the failure named" grep -Eq "^sitrep: fs.db: (file size limit reached|I/O error|disk full)" fsize.err
check "ulimit -f: the lost batch named" grep -q "the open batch of .* article(s) was not stored" fsize.err
check "ulimit -f: no 'cannot read input'" no_input_words fsize.err
check "ulimit -f: the articles stored before are all there" [ "$(count fs.db)" = 300 ]

# ---- two ingests at once: the second waits for the first's batch ----
articles 3000 one.jsonl p
articles 300 two.jsonl q
"$sitrep" ingest two.db --batch 5000 one.jsonl >one.out 2>one.err &
first=$!
for _ in $(seq 1 600); do [ -e two.db-writer ] && break; sleep 0.05; done
check "two ingests: the first marks the database while its batch is open" [ -e two.db-writer ]
run second ingest two.db two.jsonl
wait $first
first_status=$?
check "two ingests: the first succeeds (got $first_status: $(tail -1 one.err))" [ "$first_status" = 0 ]
check "two ingests: the second waits and succeeds (got $status: $(tail -1 second.err))" [ "$status" = 0 ]
check "two ingests: every article stored" [ "$(count two.db)" = 3300 ]
check "two ingests: the mark is gone" [ ! -e two.db-writer ]

# ---- a lock held by another program ----
articles 50 few.jsonl r
"$sitrep" ingest held.db few.jsonl 2>/dev/null
python3 - held.db <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[1] + ".held", "w").close()
time.sleep(40)
PY
holder=$!
for _ in $(seq 1 200); do [ -e held.db.held ] && break; sleep 0.05; done
articles 20 late.jsonl s
t0=$(date +%s)
run held ingest held.db late.jsonl
t1=$(date +%s)
kill $holder 2>/dev/null
wait $holder 2>/dev/null
check "foreign lock: exit 2 (got $status)" [ "$status" = 2 ]
check "foreign lock: named" grep -q "^sitrep: held.db: locked for 10 s by another process (no sitrep ingest is running)" held.err
check "foreign lock: gave up after about 10 s (took $((t1 - t0)) s)" [ $((t1 - t0)) -ge 9 -a $((t1 - t0)) -le 60 ]
check "foreign lock: no 'cannot read input'" no_input_words held.err
check "foreign lock: nothing lost" [ "$(count held.db)" = 50 ]

# ---- queries read only ----
for cmd in claims events stories; do
    run "missing$cmd" "$cmd" typo.db
    check "$cmd of a missing database: exit 2 (got $status)" [ "$status" = 2 ]
    check "$cmd of a missing database: named" grep -q "^sitrep: typo.db: cannot open it: No such file or directory" "missing$cmd.err"
    check "$cmd of a missing database: not created" [ ! -e typo.db ]
done
run missingreport report typo.db
check "report of a missing database: exit 2, not created" [ "$status" = 2 -a ! -e typo.db ]
python3 -c 'import sqlite3; sqlite3.connect("other.db").execute("CREATE TABLE t(x)")'
run other claims other.db
check "a database that is not sitrep's: exit 2, named" bash -c "[ $status = 2 ] && grep -q 'not a sitrep database' other.err"
echo "not a database, only text: long enough to look like a header to SQLite" > text.db
run textdb stories text.db
check "a file that is not a database: exit 2, named" bash -c "[ $status = 2 ] && grep -q 'not a database' textdb.err"
# a database in rollback-journal mode stays so; its bytes do not change
cp held.db journal.db
python3 -c 'import sqlite3; print(sqlite3.connect("journal.db").execute("PRAGMA journal_mode = DELETE").fetchone()[0])' >/dev/null
before=$(md5sum < journal.db)
for cmd in claims events stories report; do "$sitrep" "$cmd" journal.db >/dev/null 2>&1; done
"$sitrep" export journal.db --format csv >/dev/null 2>&1
mode=$(python3 -c 'import sqlite3; print(sqlite3.connect("journal.db").execute("PRAGMA journal_mode").fetchone()[0])')
check "queries leave the journal mode (got $mode)" [ "$mode" = delete ]
check "queries leave the database's bytes" [ "$(md5sum < journal.db)" = "$before" ]
# a user who cannot write: the folder and the file read-only to them
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    mkdir ro && cp held.db ro/x.db && chmod 755 ro "$tmp" && chmod 644 ro/x.db
    setpriv --reuid=65534 --regid=65534 --clear-groups "$sitrep" claims ro/x.db >ro.out 2>ro.err
    status=$?
    check "a user who cannot write queries (got $status: $(cat ro.err))" [ "$status" = 0 ]
    check "a user who cannot write reads the claims" grep -q "claims)" ro.out
else
    echo "read-only user: not root or no setpriv: skipped"
fi
for f in *.err; do
    check "$f: no 'cannot read input'" no_input_words "$f"
done

echo "cli_store_errors: $passed passed, $failed failed"
[ "$failed" = 0 ]
