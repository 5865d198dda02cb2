#!/usr/bin/env bash
# `sitrep extract --mentions`: every time expression and figure read, as
# `time` and `figure` records after all other records, each quoting the
# bytes it points at, in the same order whatever the order of the inputs.
# usage: cli_mentions.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1; tests=$2
repo=$(cd "$tests/.." && pwd)
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $1"; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

files=("$repo"/samples/*.txt)
"$bin" extract --mentions "${files[@]}" > "$t/out" || bad "extract --mentions exits 0"
rev=(); for ((i = ${#files[@]} - 1; i >= 0; i--)); do rev+=("${files[$i]}"); done
"$bin" extract --mentions "${rev[@]}" > "$t/rev"
"$bin" extract "${files[@]}" > "$t/plain"

python3 - "$t/out" "$t/plain" "${files[@]}" <<'PY' && ok || bad "mention records: present, last, quoting their bytes, well-formed"
import json, os, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
plain = [json.loads(l) for l in open(sys.argv[2])]
data = {os.path.splitext(os.path.basename(f))[0]: open(f, 'rb').read() for f in sys.argv[3:]}
types = [r["type"] for r in recs]
times = [r for r in recs if r["type"] == "time"]
figs = [r for r in recs if r["type"] == "figure"]
assert times and figs, "no time or figure records"
first = min(i for i, t in enumerate(types) if t in ("time", "figure"))
assert all(t in ("time", "figure") for t in types[first:]), "mention records are not last"
assert [r for r in recs if r["type"] not in ("time", "figure")] == plain, "other records changed"
for r in times + figs:
    assert data[r["doc"]][r["start"]:r["end"]].decode() == r["quote"], r
for r in times:
    assert r["precision"] in ("day", "week", "month", "quarter", "half", "year", "decade", "season", "fiscal_year"), r
    assert r.get("relation") in (None, "since", "until", "from", "to", "between", "and", "by", "before", "after"), r
    assert r.get("mod") in (None, "start", "mid", "end"), r
    p = r.get("period")
    assert p is None or (len(p["start"]) == 10 and p["start"] <= p["end"]), r
    assert r["kind"] in ("date", "duration", "set", "time"), r
    v = r["value"]
    assert v is None or (len(v["start"]) == 10 and v["start"] <= v["end"]), r
for r in figs:
    assert r["value"]["low"] <= r["value"]["high"], r
    assert r["qualifier"] in ("exact", "approximately", "more_than", "at_least", "fewer_than", "up_to", "range"), r
PY
grep -E '"type":"(time|figure)"' "$t/out" > "$t/m1"
grep -E '"type":"(time|figure)"' "$t/rev" > "$t/m2"
cmp -s "$t/m1" "$t/m2" && ok || bad "mention records do not depend on input order"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
