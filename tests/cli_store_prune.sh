#!/usr/bin/env bash
# cli_store_prune.sh SITREP TESTS_DIR -- retention and dated queries over the
# store: `sitrep prune DB --before DAY` removes the articles dated before DAY
# and all only they said (the records afterwards are those `sitrep extract`
# writes of the articles that remain, byte for byte; no row of a removed
# article is left; adding the removed ones again gives the records of all);
# `claims`, `events` and `stories` with --since/--until are answered from
# the date indexes (SITREP_STORE_PLAN prints SQLite's query plan), giving
# the records of the period in the order of the unfiltered query; `report
# --since DAY --top N` shows the top N of each section of the period and
# counts the rest.
set -u
bin=$1; tests=$2
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\n'.join('|'.join(map(str,r)) for r in c.execute(sys.argv[2])))" "$@"; }

src=("$tests"/fixtures/corpus/*/*.txt)
# in batches of 7: the store is made of several batches and snapshot parts
"$bin" ingest "$t/s.db" --batch 7 "${src[@]}" 2>"$t/err" && ok || bad "ingest ($(cat "$t/err"))"

# ---- the day: the median of the documents' dates, so that some go and some stay ----
day=$(sql "$t/s.db" "select date from docs where date is not null order by date limit 1 offset (select count(date) / 2 from docs)")
gone=$(sql "$t/s.db" "select id from docs where date < '$day' order by id")
ngone=$(printf '%s\n' "$gone" | grep -c .)
[ "$ngone" -gt 0 ] && [ "$ngone" -lt "${#src[@]}" ] && ok || bad "some documents are dated before $day ($ngone)"
keep=(); back=()
for f in "${src[@]}"; do
  id=$(basename "$f" .txt)
  if printf '%s\n' "$gone" | grep -qx "$id"; then back+=("$f"); else keep+=("$f"); fi
done
"$bin" extract "${keep[@]}" > "$t/keep.jsonl" 2>/dev/null
"$bin" extract "${src[@]}" > "$t/all.jsonl" 2>/dev/null

# ---- a malformed day or a missing one: refused, the store unchanged ----
"$bin" export "$t/s.db" --format jsonl > "$t/before.jsonl"
"$bin" prune "$t/s.db" --before 2025-13 2>"$t/err"; rc=$?
[ "$rc" = 2 ] && grep -q "YYYY-MM-DD" "$t/err" && ok || bad "bad day: refused, exit 2 (got $rc: $(cat "$t/err"))"
"$bin" prune "$t/s.db" 2>/dev/null; [ $? = 2 ] && ok || bad "no day: usage, exit 2"
"$bin" export "$t/s.db" --format jsonl | cmp -s - "$t/before.jsonl" && ok || bad "bad day: the records do not change"

# ---- prune ----
"$bin" prune "$t/s.db" --before "$day" 2>"$t/err"; rc=$?
[ "$rc" = 0 ] && grep -q "^prune: $ngone article(s) dated before $day removed; ${#keep[@]} article(s) stored" "$t/err" \
  && ok || bad "prune: exit 0, counts said (got $rc: $(cat "$t/err"))"
"$bin" export "$t/s.db" --format jsonl > "$t/pruned.jsonl"
[ -s "$t/pruned.jsonl" ] && cmp -s "$t/pruned.jsonl" "$t/keep.jsonl" && ok \
  || bad "prune: the records are those of sitrep extract of the articles that remain"
ids=$(printf "'%s'," $gone); ids=${ids%,}
left=$(sql "$t/s.db" "select (select count(*) from articles where id in ($ids)) + (select count(*) from docs where id in ($ids))
  + (select count(*) from claims where docid in ($ids)) + (select count(*) from events where docid in ($ids))
  + (select count(*) from mentions where doc in ($ids)) + (select count(*) from cgroups where fdoc in ($ids))
  + (select count(*) from egroups where fdoc in ($ids)) + (select count(*) from ereports where doc in ($ids))")
[ "$left" = 0 ] && ok || bad "prune: no row of a removed article is left ($left)"
[ "$(sql "$t/s.db" "select count(*) from entities where nmentions > 0 and k not in (select entity from mentions)")" = 0 ] \
  && ok || bad "prune: every entity left is mentioned"
# again: nothing dated before the day remains, nothing changes
"$bin" prune "$t/s.db" --before "$day" 2>"$t/err" && grep -q "^prune: 0 article(s)" "$t/err" && ok || bad "prune again: nothing removed ($(cat "$t/err"))"
"$bin" export "$t/s.db" --format jsonl | cmp -s - "$t/pruned.jsonl" && ok || bad "prune again: the records do not change"
# the removed articles added again: the records of all of them
"$bin" ingest "$t/s.db" "${back[@]}" 2>"$t/err" && ok || bad "ingest after prune ($(cat "$t/err"))"
"$bin" export "$t/s.db" --format jsonl | cmp -s - "$t/all.jsonl" && ok || bad "after prune, the removed ones again: the records of all"

# ---- a prune killed before it commits leaves the store as it was ----
cp "$t/s.db" "$t/k.db"
"$bin" export "$t/k.db" --format jsonl > "$t/k.jsonl"
"$bin" prune "$t/k.db" --before "$day" 2>/dev/null &
pid=$!; sleep 0.05; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
n=$(sql "$t/k.db" "select count(*) from articles")
if [ "$n" = "${#src[@]}" ]; then
  "$bin" export "$t/k.db" --format jsonl | cmp -s - "$t/k.jsonl" && ok || bad "killed prune: the records as they were"
else
  "$bin" export "$t/k.db" --format jsonl | cmp -s - "$t/keep.jsonl" && ok || bad "prune (done before the kill): the records of what remains"
fi

# ---- dated queries from the indexes ----
for q in "claims cgroups_end" "events egroups_end" "stories stories_last_seen"; do
  set -- $q
  SITREP_STORE_PLAN=1 "$bin" "$1" "$t/s.db" --since "$day" --json >"$t/q.jsonl" 2>"$t/plan"
  grep -q "^plan: SEARCH .* USING INDEX $2 " "$t/plan" && ok || bad "$1 --since: from the index $2 ($(tr '\n' ';' <"$t/plan"))"
  grep -qE "^plan: SCAN [a-z]+( USING INDEX [a-z_]+)?$" "$t/plan" && bad "$1 --since: a table scanned ($(tr '\n' ';' <"$t/plan"))" || ok
done
SITREP_STORE_PLAN=1 "$bin" claims "$t/s.db" --until "$day" --json >/dev/null 2>"$t/plan"
grep -q "^plan: SEARCH .* USING INDEX cgroups_start " "$t/plan" && ok || bad "claims --until: from cgroups_start ($(tr '\n' ';' <"$t/plan"))"
# the records of the period, in the unfiltered order: those of the whole
# query whose period (claims), dates (events) or days (stories) reach the day
"$bin" claims "$t/s.db" --json > "$t/c_all.jsonl"
"$bin" claims "$t/s.db" --json --since "$day" > "$t/c_since.jsonl"
python3 - "$t/c_all.jsonl" "$t/c_since.jsonl" "$day" <<'PY' && ok || bad "claims --since: the claims whose period ends on or after the day, in order"
import json, sys
rows = [l for l in open(sys.argv[1])]
want = [l for l in rows if ((json.loads(l).get("period") or {}).get("end") or "") >= sys.argv[3]]
got = open(sys.argv[2]).readlines()
sys.exit(0 if got == want and got else 1)
PY
"$bin" stories "$t/s.db" --json > "$t/s_all.jsonl"
"$bin" stories "$t/s.db" --json --since "$day" --until 2099-01-01 > "$t/s_since.jsonl"
python3 - "$t/s_all.jsonl" "$t/s_since.jsonl" "$day" <<'PY' && ok || bad "stories --since: the stories last seen on or after the day, in order"
import json, sys
rows = [l for l in open(sys.argv[1])]
want = [l for l in rows if (json.loads(l).get("last_seen") or "") >= sys.argv[3]]
got = open(sys.argv[2]).readlines()
sys.exit(0 if got == want and got else 1)
PY

# ---- the report of a period: from the indexes, its top, counts of the rest ----
SITREP_STORE_PLAN=1 "$bin" report "$t/s.db" --since "$day" --top 2 >"$t/r.md" 2>"$t/plan"; rc=$?
[ "$rc" = 0 ] && ok || bad "report --since: exit 0 (got $rc)"
grep -qE "^plan: SCAN (d|c|v|t|cgroups|egroups|docs|stories)( |$)" "$t/plan" && bad "report --since: a table scanned ($(grep SCAN "$t/plan" | tr '\n' ';'))" || ok
grep -q "^plan: SEARCH d USING INDEX docs_date " "$t/plan" && ok || bad "report --since: documents by docs_date"
nst=$("$bin" stories "$t/s.db" --json --since "$day" | wc -l)
ncl=$("$bin" claims "$t/s.db" --json --since "$day" | wc -l)
[ "$nst" -gt 2 ] && grep -qx "$((nst - 2)) more stories not shown." "$t/r.md" && ok || bad "report --since --top 2: $((nst - 2)) more stories counted ($(grep 'not shown' "$t/r.md" | tr '\n' ';'))"
[ "$ncl" -gt 2 ] && grep -qx "$((ncl - 2)) more claims not shown." "$t/r.md" && ok || bad "report --since --top 2: $((ncl - 2)) more claims counted"
[ "$(grep -c '^- \*\*' "$t/r.md")" = 4 ] && ok || bad "report --since --top 2: two stories and two figures shown"
ndoc=$(sql "$t/s.db" "select count(*) from docs where date >= '$day'")
head -3 "$t/r.md" | grep -q "^$ndoc documents " && ok || bad "report --since: the period's $ndoc documents summed up ($(sed -n 3p "$t/r.md"))"
# no period, no top: the report of everything, as before
"$bin" report "$t/s.db" | cmp -s - <("$bin" report "$t/s.db" --top 0) && ok || bad "report --top 0: the whole report"
"$bin" report "$t/s.db" --top x 2>/dev/null; [ $? = 2 ] && ok || bad "report --top x: refused"

echo "cli_store_prune: $pass passed, $fail failed"
[ "$fail" = 0 ]
