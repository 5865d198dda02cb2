#!/usr/bin/env bash
# cli_store_migrate.sh SITREP TESTS_DIR [SHARED_DIR] -- a database written by
# an earlier release (fixtures/store/release-*.sql, made by
# make-release-db.sh: the releases at 454a7ae, schema 1, and d32d21a, schema
# 5, after `sitrep ingest` of samples/) is brought up to date by this sitrep:
# queries refuse it with a message naming the file until an ingest migrates
# it; the same articles again change nothing; the old batch stays on record.
# A store from before schema 5 has its tables made again (the articles
# analysed by this build): it holds exactly what `sitrep extract` of the same
# articles writes, and articles added in the same ingest as the migration,
# or after it, give the records of one extract of everything.  From schema 5
# on a migration keeps the stored analysis, as every ingest does: the
# migrated store's export is byte for byte the release's own export of that
# database (release-*.export.jsonl, written by the release's binary), and
# new articles are added to it.
set -u
bin=$1; tests=$2
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\n'.join('|'.join(map(str,r)) for r in c.execute(sys.argv[2])))" "$@"; }
load() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.close()" "$1" "$2"; }
samples=$(cd "$tests/../samples" && pwd)
corpus=("$tests"/fixtures/corpus/*/*.txt)

for dump in "$tests"/fixtures/store/release-*.sql; do
  name=$(basename "$dump" .sql)
  load "$t/$name.db" "$dump" || { bad "$name: the dump loads"; continue; }
  old=$(sql "$t/$name.db" "select value from meta where key = 'schema_version'")
  [ -n "$old" ] && ok || bad "$name: the dump has a schema version"

  # a query before the migration: refused, naming the file and the way out
  "$bin" report "$t/$name.db" > /dev/null 2>"$t/err"; rc=$?
  [ "$rc" = 2 ] && grep -q "$name.db.*schema version $old.*an ingest brings it up to date" "$t/err" && ok ||
    bad "$name: report before the migration: exit 2 and a message naming the file ($rc: $(cat "$t/err"))"

  # an ingest of the articles it holds already: migrates, adds nothing
  cp "$t/$name.db" "$t/same.db"
  "$bin" ingest "$t/same.db" "$samples" 2>"$t/err"; rc=$?
  [ "$rc" = 0 ] && grep -q "0 added, 8 stored already" "$t/err" && ok ||
    bad "$name: ingest of the stored articles: exit 0, nothing added ($rc: $(cat "$t/err"))"
  new=$(sql "$t/same.db" "select value from meta where key = 'schema_version'")
  [ "$new" -gt "$old" ] && ok || bad "$name: schema version raised ($old -> $new)"
  "$bin" extract "$samples" > "$t/x-samples.jsonl" 2>/dev/null
  "$bin" export "$t/same.db" --format jsonl > "$t/e-same.jsonl" 2>"$t/err"; rc=$?
  kept=${dump%.sql}.export.jsonl
  if [ -f "$kept" ]; then
    [ "$rc" = 0 ] && [ -s "$t/e-same.jsonl" ] && cmp -s "$t/e-same.jsonl" "$kept" && ok ||
      bad "$name: the migrated store's records are the release's own export ($rc: $(cat "$t/err"))"
  else
    [ "$rc" = 0 ] && [ -s "$t/e-same.jsonl" ] && cmp -s "$t/e-same.jsonl" "$t/x-samples.jsonl" && ok ||
      bad "$name: the migrated store's records are those of sitrep extract ($rc: $(cat "$t/err"))"
  fi
  for q in report claims events stories; do
    "$bin" "$q" "$t/same.db" > "$t/q.out" 2>"$t/err" && [ -s "$t/q.out" ] && ok || bad "$name: $q on the migrated store ($(cat "$t/err"))"
  done
  [ "$(sql "$t/same.db" 'select count(*) from batches')" = "$(sql "$t/$name.db" 'select count(*) from batches')" ] && ok ||
    bad "$name: the old batches stay on record, no new one for nothing added"

  # the same again: nothing changes
  "$bin" ingest "$t/same.db" "$samples" 2>/dev/null
  "$bin" export "$t/same.db" --format jsonl > "$t/e-again.jsonl"
  cmp -s "$t/e-again.jsonl" "$t/e-same.jsonl" && ok || bad "$name: the same articles again change nothing"

  # new articles in the ingest that migrates, and after the migration
  "$bin" extract "$samples" "${corpus[@]}" > "$t/x-all.jsonl" 2>/dev/null
  cp "$t/$name.db" "$t/with.db"
  "$bin" ingest "$t/with.db" "${corpus[@]}" 2>"$t/err"; rc=$?
  [ "$rc" = 0 ] && grep -q "${#corpus[@]} added" "$t/err" && ok || bad "$name: migrating ingest of new articles ($rc: $(cat "$t/err"))"
  "$bin" export "$t/with.db" --format jsonl > "$t/e-with.jsonl"
  "$bin" ingest "$t/same.db" "${corpus[@]}" 2>/dev/null
  "$bin" export "$t/same.db" --format jsonl > "$t/e-after.jsonl"
  if [ -f "$kept" ]; then
    # the stored analysis kept, the new articles this build's: every
    # document there once, the same either way, and again nothing changes
    ndocs=$(grep -c '"type":"document"' "$t/e-with.jsonl")
    [ "$ndocs" = $((8 + ${#corpus[@]})) ] && ok || bad "$name: new articles with the migration: every document ($ndocs)"
    cmp -s "$t/e-after.jsonl" "$t/e-with.jsonl" && ok || bad "$name: new articles with the migration or after it: the same records"
    "$bin" ingest "$t/with.db" "$samples" "${corpus[@]}" 2>/dev/null
    "$bin" export "$t/with.db" --format jsonl | cmp -s - "$t/e-with.jsonl" && ok || bad "$name: after new articles, the same again changes nothing"
  else
    cmp -s "$t/e-with.jsonl" "$t/x-all.jsonl" && ok || bad "$name: new articles with the migration: the records of one extract of all"
    cmp -s "$t/e-after.jsonl" "$t/x-all.jsonl" && ok || bad "$name: new articles after the migration: the records of one extract of all"
  fi
done

echo "cli_store_migrate: $pass passed, $fail failed"
[ "$fail" = 0 ]
