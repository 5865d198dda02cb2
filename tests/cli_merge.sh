#!/usr/bin/env bash
# cli_merge.sh SITREP TESTS_DIR SHARED_DIR -- partial corpora that merge:
# each input set is cut into shards of several sizes, each shard written by
# `sitrep extract --snapshot`, and the snapshots merged with `sitrep merge`
# in order and as a tree of merges written as snapshots: both must give
# byte for byte the records of one `sitrep extract` of all the articles
# (with --mentions, so time and figure records are merged too; with --text
# on one set); merged in reverse, those of one extract of the shards'
# inputs in that order.  Sets: the samples, the corpus fixtures,
# the JSON Lines fixtures and, where ../shared is there, the seeds, the 181
# benchmark pages and the ecbplus and wcep story sets (JSON Lines, cut by
# line).  Then: a damaged snapshot, another build's, one made with other
# options and a missing file are each reported by name while the rest is
# merged (exit status 1); a shard of only bad input merges as nothing.
set -u
bin=$1; tests=$2; shared=${3:-}
root=$(cd "$tests/.." && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

# shard_inputs NAME SIZE INPUT...: the inputs' files (directories listed in
# name order, JSON Lines cut by line) in shards of SIZE, in order: shard i's
# inputs listed in $t/NAME-SIZE/shard-NNN.list
shard_inputs() {
  local name=$1 size=$2; shift 2
  local dir="$t/$name-$size" i=0 n=0 f
  rm -rf "$dir"; mkdir -p "$dir"
  local files=()
  for f in "$@"; do
    if [ -d "$f" ]; then
      while IFS= read -r g; do files+=("$g"); done < <(find "$f" -type f | LC_ALL=C sort)
    elif [[ $f == *.jsonl ]]; then
      mkdir -p "$dir/lines"
      split -l 1 -d -a 5 --additional-suffix=.jsonl "$f" "$dir/lines/$(basename "$f" .jsonl)-"
      for g in "$dir"/lines/"$(basename "$f" .jsonl)"-*.jsonl; do files+=("$g"); done
    else
      files+=("$f")
    fi
  done
  for f in "${files[@]}"; do
    if [ $((n % size)) -eq 0 ]; then
      i=$((i + 1))
      : > "$dir/$(printf 'shard-%03d' $i).list"
    fi
    local list="$dir/$(printf 'shard-%03d' $i).list"
    if [[ $f == "$dir"/lines/* ]]; then
      # the lines of a JSON Lines file: one file per shard
      cat "$f" >> "$dir/$(printf 'shard-%03d' $i).jsonl"
      grep -qx "$dir/$(printf 'shard-%03d' $i).jsonl" "$list" || echo "$dir/$(printf 'shard-%03d' $i).jsonl" >> "$list"
    else
      echo "$f" >> "$list"
    fi
    n=$((n + 1))
  done
}

# the inputs of shards, in the order given
inputs_of() {
  local l
  for l in "$@"; do cat "${l%.snap}.list"; done
}

# check NAME SIZE [extract options] -- INPUT...
check() {
  local name=$1 size=$2; shift 2
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  "$bin" extract "${opts[@]}" "$@" > "$t/want.jsonl" 2>/dev/null
  [ -s "$t/want.jsonl" ] || { bad "$name: extract wrote nothing"; return; }
  shard_inputs "$name" "$size" "$@"
  local dir="$t/$name-$size" snaps=() s
  for s in "$dir"/shard-*.list; do
    mapfile -t files < "$s"
    "$bin" extract "${opts[@]}" --snapshot "${s%.list}.snap" "${files[@]}" 2>/dev/null
    [ -s "${s%.list}.snap" ] || { bad "$name/$size: no snapshot for $s"; return; }
    snaps+=("${s%.list}.snap")
  done
  local k=${#snaps[@]}
  # the shards' inputs, in order, are the inputs
  mapfile -t files < <(inputs_of "${snaps[@]}")
  "$bin" extract "${opts[@]}" "${files[@]}" 2>/dev/null | cmp -s - "$t/want.jsonl" \
    && ok || bad "$name in $k shards of $size: the shards' inputs are not the set's"
  "$bin" merge "${snaps[@]}" > "$t/got.jsonl" && cmp -s "$t/want.jsonl" "$t/got.jsonl" \
    && ok || bad "$name in $k shards of $size, merged in order: not the records of one extract"
  # in reverse: the corpus of the inputs in that order, which is the same
  # records wherever the stories stage does not depend on the order
  local rev=()
  for ((i = k - 1; i >= 0; i--)); do rev+=("${snaps[$i]}"); done
  mapfile -t files < <(inputs_of "${rev[@]}")
  "$bin" extract "${opts[@]}" "${files[@]}" > "$t/want-rev.jsonl" 2>/dev/null
  "$bin" merge "${rev[@]}" > "$t/got.jsonl" && cmp -s "$t/want-rev.jsonl" "$t/got.jsonl" \
    && ok || bad "$name in $k shards of $size, merged in reverse: not the records of one extract in that order"
  # a tree: pairs merged into snapshots, level by level
  local level=("${snaps[@]}") lv=0
  while [ ${#level[@]} -gt 1 ]; do
    local next=() j
    lv=$((lv + 1))
    for ((j = 0; j < ${#level[@]}; j += 2)); do
      if [ $((j + 1)) -lt ${#level[@]} ]; then
        "$bin" merge --snapshot "$dir/t$lv-$j.snap" "${level[$j]}" "${level[$((j + 1))]}" \
          || { bad "$name: merge --snapshot failed"; return; }
        next+=("$dir/t$lv-$j.snap")
      else
        next+=("${level[$j]}")
      fi
    done
    level=("${next[@]}")
  done
  "$bin" merge "${level[0]}" > "$t/got.jsonl" && cmp -s "$t/want.jsonl" "$t/got.jsonl" \
    && ok || bad "$name in $k shards of $size, merged as a tree: not the records of one extract"
}

check samples 1 --mentions -- "$root/samples"
check samples 3 --text -- "$root/samples"
check corpus 1 --mentions -- "$tests/fixtures/corpus"
check corpus 4 --mentions -- "$tests/fixtures/corpus"
check jsonl 2 --mentions -- "$tests/fixtures/good.jsonl" "$tests/fixtures/html.jsonl"
if [ -d "$shared/seeds" ]; then
  check seeds 1 --mentions -- "$shared/seeds"
  check seeds 2 --mentions -- "$shared/seeds"
fi
[ -d "$shared/bench/article-extraction/html" ] && check pages 40 --mentions -- "$shared/bench/article-extraction/html"
[ -f "$shared/dev/ecbplus/docs.jsonl" ] && check ecbplus 150 -- "$shared/dev/ecbplus/docs.jsonl"
[ -f "$shared/dev/wcep-2015-09/docs.jsonl" ] && check wcep 37 --mentions -- "$shared/dev/wcep-2015-09/docs.jsonl"

# ---- what cannot be merged is reported; the rest is merged ----
"$bin" extract --snapshot "$t/a.snap" "$root/samples" 2>/dev/null
"$bin" extract --snapshot "$t/b.snap" "$tests/fixtures/corpus" 2>/dev/null
"$bin" extract "$root/samples" "$tests/fixtures/corpus" > "$t/want.jsonl" 2>/dev/null
"$bin" extract "$root/samples" > "$t/want-a.jsonl" 2>/dev/null
head -c 3000 "$t/b.snap" > "$t/cut.snap"
cp "$t/b.snap" "$t/flipped.snap"
printf '\x5a' | dd of="$t/flipped.snap" bs=1 seek=20 conv=notrunc status=none  # the options: another build
printf 'not a snapshot at all\n' > "$t/text.snap"
"$bin" extract --text --snapshot "$t/text-opt.snap" "$tests/fixtures/corpus" 2>/dev/null
for bad_one in cut flipped text text-opt missing; do
  "$bin" merge "$t/a.snap" "$t/$bad_one.snap" > "$t/got.jsonl" 2> "$t/err"; rc=$?
  [ "$rc" = 1 ] && ok || bad "merge with a $bad_one snapshot: exit status 1 (got $rc)"
  grep -q "$t/$bad_one.snap" "$t/err" && ok || bad "merge with a $bad_one snapshot: names it ($(cat "$t/err"))"
  cmp -s "$t/got.jsonl" "$t/want-a.jsonl" && ok || bad "merge with a $bad_one snapshot: the rest merged"
done
# a shard of bad input only: reported when extracted, merges as nothing
"$bin" extract --snapshot "$t/bad.snap" "$tests/fixtures/bad.jsonl" 2> "$t/err"; rc=$?
[ "$rc" = 1 ] && grep -q "bad.jsonl" "$t/err" && ok || bad "a shard with bad input: reported, exit 1 (got $rc)"
"$bin" merge "$t/a.snap" "$t/b.snap" > "$t/got.jsonl" && cmp -s "$t/got.jsonl" "$t/want.jsonl" \
  && ok || bad "two snapshots merged"
"$bin" extract "$root/samples" "$tests/fixtures/corpus" "$tests/fixtures/bad.jsonl" > "$t/want-bad.jsonl" 2>/dev/null
"$bin" merge "$t/a.snap" "$t/b.snap" "$t/bad.snap" > "$t/got.jsonl" && cmp -s "$t/got.jsonl" "$t/want-bad.jsonl" \
  && ok || bad "a shard with bad input merges what it read"
# a snapshot written to standard output and read from standard input
"$bin" extract --snapshot - "$root/samples" 2>/dev/null | "$bin" merge - > "$t/got.jsonl" \
  && cmp -s "$t/got.jsonl" "$t/want-a.jsonl" && ok || bad "snapshot through a pipe"
ls "$t"/*.tmp-* >/dev/null 2>&1 && bad "a temporary snapshot left behind" || ok

echo "cli_merge: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
