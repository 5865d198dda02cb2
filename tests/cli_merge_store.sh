#!/usr/bin/env bash
# cli_merge_store.sh SITREP TESTS_DIR SHARED_DIR -- merged shards ingested
# into a store: the articles of the seeds, the samples and the corpus
# fixtures are cut into shards of several sizes, each written by `sitrep
# extract --snapshot OUT --articles`, and the snapshots merged into a
# database with `sitrep merge --db` (in order, and as a tree of merges
# written as snapshots): the database must read, byte for byte, as the one
# `sitrep ingest` of the same articles makes (export jsonl and csv, report,
# events, claims).  Then into a database that holds articles already (some
# of the shards' and none of them), the same merge twice (nothing added the
# second time), and bad shards (damaged, an article's bytes damaged, made
# without --articles, missing): each reported by name, exit status 1, the
# rest stored.
set -u
bin=$1; tests=$2; shared=${3:-}
root=$(cd "$tests/.." && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

# dump DB OUT: what the database says, as a user reads it
dump() {
  {
    echo "== export jsonl"; "$bin" export "$1" --format jsonl
    echo "== export csv"; "$bin" export "$1" --format csv
    echo "== report"; "$bin" report "$1"
    echo "== events"; "$bin" events "$1"
    echo "== claims"; "$bin" claims "$1"
    echo "== claims json"; "$bin" claims "$1" --json
  } > "$2" 2>&1
}

# files INPUT...: the files the inputs name, in the order the reader reads them
files() {
  local f
  for f in "$@"; do
    if [ -d "$f" ]; then find "$f" -type f ! -name '.*' | LC_ALL=C sort; else echo "$f"; fi
  done
}

# shards NAME SIZE INPUT...: a snapshot with the articles per SIZE files,
# in order: $t/NAME-SIZE/shard-NNN.snap
shards() {
  local name=$1 size=$2; shift 2
  local dir="$t/$name-$size" n=0 i=0 batch=() f
  rm -rf "$dir"; mkdir -p "$dir"
  mapfile -t all < <(files "$@")
  for f in "${all[@]}" ""; do
    if [ -n "$f" ]; then batch+=("$f"); n=$((n + 1)); fi
    if [ ${#batch[@]} -gt 0 ] && { [ $n -eq "$size" ] || [ -z "$f" ]; }; then
      i=$((i + 1))
      "$bin" extract --snapshot "$dir/$(printf 'shard-%03d' $i).snap" --articles "${batch[@]}" 2>/dev/null
      batch=(); n=0
    fi
  done
}

sets=("$root/samples" "$tests/fixtures/corpus")
[ -d "$shared/seeds" ] && sets=("$shared/seeds" "${sets[@]}")
mapfile -t inputs < <(files "${sets[@]}")

rm -f "$t/want.db"
"$bin" ingest "$t/want.db" "${inputs[@]}" 2>/dev/null
dump "$t/want.db" "$t/want.txt"
ndocs=$(grep -c '"type":"document"' "$t/want.txt")
[ "$ndocs" -gt 20 ] && ok || bad "the ingested store holds too few documents ($ndocs)"

for size in 1 7 40 100000; do
  shards all "$size" "${inputs[@]}"
  mapfile -t snaps < <(ls "$t/all-$size"/shard-*.snap)
  rm -f "$t/got.db"
  "$bin" merge --db "$t/got.db" "${snaps[@]}" 2> "$t/err" && ok || bad "merge --db, shards of $size: $(cat "$t/err")"
  dump "$t/got.db" "$t/got.txt"
  cmp -s "$t/want.txt" "$t/got.txt" && ok || bad "${#snaps[@]} shards of $size merged into a store: not what ingest stores ($(diff "$t/want.txt" "$t/got.txt" | head -5))"
done

# a tree: the shards of 7 merged in pairs into snapshots, then the root into the store
level=("$t"/all-7/shard-*.snap); lv=0
while [ ${#level[@]} -gt 1 ]; do
  next=(); lv=$((lv + 1))
  for ((j = 0; j < ${#level[@]}; j += 2)); do
    if [ $((j + 1)) -lt ${#level[@]} ]; then
      "$bin" merge --snapshot "$t/t$lv-$j.snap" "${level[$j]}" "${level[$((j + 1))]}" || bad "merge --snapshot"
      next+=("$t/t$lv-$j.snap")
    else
      next+=("${level[$j]}")
    fi
  done
  level=("${next[@]}")
done
rm -f "$t/got.db"
"$bin" merge --db "$t/got.db" "${level[0]}" 2>/dev/null && dump "$t/got.db" "$t/got.txt"
cmp -s "$t/want.txt" "$t/got.txt" && ok || bad "shards merged as a tree, then into a store: not what ingest stores"

# ---- a store that holds articles already ----
# the samples stored first; then the shards of everything: the samples are
# passed by, the rest added as `sitrep ingest` of everything would add them
mapfile -t samples < <(files "$root/samples")
for size in 3 100000; do
  rm -f "$t/want2.db" "$t/got2.db"
  "$bin" ingest "$t/want2.db" "${samples[@]}" 2>/dev/null
  "$bin" ingest "$t/want2.db" "${inputs[@]}" 2>/dev/null
  dump "$t/want2.db" "$t/want2.txt"
  "$bin" ingest "$t/got2.db" "${samples[@]}" 2>/dev/null
  nsamp=$("$bin" export "$t/got2.db" --format jsonl | grep -c '"type":"document"')
  mapfile -t snaps < <(ls "$t/all-$size"/shard-*.snap 2>/dev/null)
  [ ${#snaps[@]} -gt 0 ] || { shards all "$size" "${inputs[@]}"; mapfile -t snaps < <(ls "$t/all-$size"/shard-*.snap); }
  "$bin" merge --db "$t/got2.db" "${snaps[@]}" 2> "$t/err" && ok || bad "merge --db into a store holding some: $(cat "$t/err")"
  grep -q "$((ndocs - nsamp)) added, $nsamp stored already" "$t/err" && ok || bad "merge --db: the stored articles counted ($(cat "$t/err"))"
  dump "$t/got2.db" "$t/got2.txt"
  cmp -s "$t/want2.txt" "$t/got2.txt" && ok || bad "shards of $size into a store holding the samples: not what ingest stores ($(diff "$t/want2.txt" "$t/got2.txt" | head -5))"
  # the same again: nothing added, nothing changes
  n0=$("$bin" export "$t/got2.db" --format jsonl | grep -c '"type":"document"')
  "$bin" merge --db "$t/got2.db" "${snaps[@]}" 2> "$t/err" && ok || bad "merge --db twice: $(cat "$t/err")"
  grep -q " 0 added, $ndocs stored already" "$t/err" && ok || bad "merge --db twice: all stored already ($(cat "$t/err"))"
  dump "$t/got2.db" "$t/got2.txt"
  cmp -s "$t/want2.txt" "$t/got2.txt" && ok || bad "merge --db twice: the store changed"
  n1=$("$bin" export "$t/got2.db" --format jsonl | grep -c '"type":"document"')
  [ "$n0" = "$n1" ] && ok || bad "merge --db twice: documents $n0 -> $n1"
done
# none of the shards' articles stored before: taken as they are
mapfile -t corpus < <(files "$tests/fixtures/corpus")
rm -f "$t/want3.db" "$t/got3.db"
"$bin" ingest "$t/want3.db" "${samples[@]}" 2>/dev/null
"$bin" ingest "$t/want3.db" "${corpus[@]}" 2>/dev/null
dump "$t/want3.db" "$t/want3.txt"
"$bin" ingest "$t/got3.db" "${samples[@]}" 2>/dev/null
shards corpus 4 "${corpus[@]}"
"$bin" merge --db "$t/got3.db" "$t"/corpus-4/shard-*.snap 2>/dev/null && ok || bad "merge --db of new articles"
dump "$t/got3.db" "$t/got3.txt"
cmp -s "$t/want3.txt" "$t/got3.txt" && ok || bad "new articles merged into a store holding others: not what ingest stores"

# ---- bad shards: named, the rest stored ----
shards samples 100000 "${samples[@]}"
shards corpus 100000 "${corpus[@]}"
a="$t/samples-100000/shard-001.snap"; b="$t/corpus-100000/shard-001.snap"
rm -f "$t/want4.db"
"$bin" ingest "$t/want4.db" "${samples[@]}" 2>/dev/null
dump "$t/want4.db" "$t/want4.txt"
head -c 3000 "$b" > "$t/cut.snap"
cp "$b" "$t/article.snap"   # the last byte: an article's compressed bytes
sz=$(stat -c %s "$b")
printf '\x00' | dd of="$t/article.snap" bs=1 seek=$((sz - 2)) conv=notrunc status=none
printf '\xff' | dd of="$t/article.snap" bs=1 seek=$((sz - 3)) conv=notrunc status=none
"$bin" extract --snapshot "$t/plain.snap" "${corpus[@]}" 2>/dev/null
for bad_one in cut article plain missing; do
  rm -f "$t/got4.db"
  "$bin" merge --db "$t/got4.db" "$a" "$t/$bad_one.snap" 2> "$t/err"; rc=$?
  [ "$rc" = 1 ] && ok || bad "merge --db with a $bad_one shard: exit status 1 (got $rc: $(cat "$t/err"))"
  grep -q "$t/$bad_one.snap" "$t/err" && ok || bad "merge --db with a $bad_one shard: names it ($(cat "$t/err"))"
  dump "$t/got4.db" "$t/got4.txt"
  cmp -s "$t/want4.txt" "$t/got4.txt" && ok || bad "merge --db with a $bad_one shard: the rest stored"
done
# a shard's records are the same with and without its articles
"$bin" merge "$a" "$b" > "$t/m1.jsonl"
"$bin" extract "${samples[@]}" "${corpus[@]}" > "$t/m2.jsonl" 2>/dev/null
cmp -s "$t/m1.jsonl" "$t/m2.jsonl" && ok || bad "snapshots with their articles: the records changed"
# the records (no --db) of shards with articles, merged with others without
"$bin" merge "$a" "$t/plain.snap" > "$t/m1.jsonl" && cmp -s "$t/m1.jsonl" "$t/m2.jsonl" \
  && ok || bad "a snapshot with articles merged with one without"
# --text: refused by a store, which keeps records without the text
"$bin" extract --text --snapshot "$t/text.snap" --articles "${corpus[@]}" 2>/dev/null
rm -f "$t/got5.db"
"$bin" merge --db "$t/got5.db" "$t/text.snap" 2> "$t/err"; rc=$?
[ "$rc" = 2 ] && grep -q "other options" "$t/err" && ok || bad "merge --db of --text shards: refused (got $rc: $(cat "$t/err"))"

echo "cli_merge_store: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
