#!/usr/bin/env bash
# The seed articles in ../shared, read at test time and scored against the
# answer key: every `document` item (title, stated date, body kept,
# boilerplate dropped) and the `document-meta` extras (outlet, byline) pass,
# and so does every `entity` item (aliases merged, IS never "is", people with
# roles, places with coordinates from the gazetteer).
# usage: cli_seeds.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1; shared=$3
score="$shared/tools/score-seeds"
if [ ! -x "$score" ] || ! command -v python3 >/dev/null; then
  echo "cli_seeds: $score or python3 missing" >&2
  exit 1
fi
out=$("$score" --run "$bin" 2>&1)
echo "$out" | tail -n 12
pass=0; fail=0
check() { if echo "$out" | grep -Eq "$1"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAILED: $2"; fi; }
check '^document +5 of +5$' "all five document items pass"
check '^document-meta +5 of +5$' "outlet and byline extras pass for every article"
check '^entity +25 of +25$' "all 25 entity items pass (aliases, kinds, roles, coordinates)"
check 'without a verifiable quote: 0$' "no claim without a verifiable quote"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
