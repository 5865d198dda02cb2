#!/usr/bin/env bash
# cli_pathological.sh SITREP TESTS_SRC_DIR SHARED_DIR
#
# Inputs built to make a stage that is not linear in its input take
# forever (cmark's test/pathological_tests.py is the model): each case is
# run at a small size and at 10 times it, and must finish the large one
# within a budget a linear implementation meets on a slow shared machine:
# under max(FLOOR seconds, 25 x the small run).  A quadratic stage takes
# about 100 x at 10 x the size (issue 19: 800 KB without a full stop took
# 2.7 s, 16 MB about 18 minutes).  The times are printed.
#
# Cases:
#   nostop     one 8 MB "sentence" dense with figures, speech verbs, places,
#              times, parenthetical sources and clause breaks (claims.c read
#              to the end of the sentence for every figure)
#   nobreak    figures with no clause break at all between them
#   commas     ", 5 people said ," over and over (parenthetical sources)
#   andsaid    "and said" over and over (a speaker shared after "and")
set -u
sitrep=${1:?usage: cli_pathological.sh PATH/TO/sitrep TESTS_SRC_DIR SHARED_DIR}
case $sitrep in /*) ;; *) sitrep=$PWD/$sitrep ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-patho.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# sanitizer builds run several times slower: the same cases at half size
big=8192
if grep -qa -e '__asan_init' -e '__msan_init' -e '__tsan_init' "$sitrep" 2>/dev/null ||
   ldd "$sitrep" 2>/dev/null | grep -qE 'lib(asan|tsan|msan)'; then
    big=4096
fi
small=$((big / 10))
floor=30

failed=0
# make FILE KB UNIT: UNIT repeated to KB kibibytes, no newline, no full stop
make() {
    yes "$3" | tr -d '\n' | head -c $(($2 * 1024)) >"$1"
}
now() { date +%s.%N; }
run() { # run NAME UNIT
    local name=$1 unit=$2
    make "$tmp/s.txt" $small "$unit"
    make "$tmp/b.txt" $big "$unit"
    local t0 t1 t2 rc
    t0=$(now)
    "$sitrep" extract "$tmp/s.txt" >/dev/null 2>"$tmp/err"
    t1=$(now)
    "$sitrep" extract "$tmp/b.txt" >/dev/null 2>"$tmp/err"
    rc=$?
    t2=$(now)
    local ts tb limit
    ts=$(echo "$t1 - $t0" | bc -l)
    tb=$(echo "$t2 - $t1" | bc -l)
    limit=$(echo "l = 25 * $ts; if (l < $floor) l = $floor; l" | bc -l)
    printf '%-9s %5d KB %6.2f s   %6d KB %6.2f s   (limit %.1f s)\n' "$name" $small "$ts" $big "$tb" "$limit"
    if [ $rc -ne 0 ]; then
        echo "FAIL: $name: exit status $rc" >&2
        head -3 "$tmp/err" >&2
        failed=$((failed + 1))
    elif [ "$(echo "$tb > $limit" | bc -l)" = 1 ]; then
        echo "FAIL: $name: $big KB took $tb s, over $limit s: not linear" >&2
        failed=$((failed + 1))
    fi
}

command -v bc >/dev/null || { echo "bc not installed: skipped"; exit 77; }

run nostop 'Gunmen killed 12 villagers and wounded 30 others in a raid near Kaduna on Monday, local officials said, while police in Abuja said 5 soldiers died in 2019 and "at least 40 people" were abducted according to the army and '
run nobreak 'and 12 people near the town and 30 others in the village '
run commas ', 5 people , officials said , in Kabul '
run andsaid 'and said 3 people and '

[ $failed -eq 0 ] || exit 1
echo "all pathological cases within their budget"
