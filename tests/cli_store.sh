#!/usr/bin/env bash
# cli_store.sh SITREP TESTS_DIR SHARED_DIR -- the SQLite store end to end:
# ingest one by one and as one batch gives the records `sitrep extract`
# writes; the same articles twice change nothing; queries with filters;
# exports; a batch killed with SIGKILL leaves the last committed state,
# and running it again completes it with nothing counted twice; the HTML
# report rendered in headless Chromium (skipped where there is none).
set -u
bin=$1; tests=$2; shared=${3:-}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\n'.join('|'.join(map(str,r)) for r in c.execute(sys.argv[2])))" "$@"; }
artifacts=$(dirname "$bin")/test-artifacts; mkdir -p "$artifacts"

# ---- the seed articles (../shared), else the corpus fixtures written for sitrep ----
if [ -d "$shared/seeds" ]; then src=("$shared"/seeds/*.txt); else src=("$tests"/fixtures/corpus/*/*.txt); fi
"$bin" extract "${src[@]}" > "$t/extract.jsonl" 2>/dev/null
"$bin" ingest "$t/batch.db" "${src[@]}" 2>"$t/err"; rc=$?
[ "$rc" = 0 ] && ok || bad "ingest: exit status 0 (got $rc: $(cat "$t/err"))"
# one by one; after the first, the stored bytes of the articles are wiped:
# adding articles must not read the stored ones again (the corpus snapshot
# carries what they said)
for f in "${src[@]}"; do
  "$bin" ingest "$t/one.db" "$f" 2>"$t/err" || bad "ingest one by one: $f ($(cat "$t/err"))"
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"update articles set content = x'00'\"); c.commit()" "$t/one.db"
done
"$bin" export "$t/batch.db" --format jsonl > "$t/batch.jsonl"
"$bin" export "$t/one.db" --format jsonl > "$t/one.jsonl"
[ -s "$t/batch.jsonl" ] && cmp -s "$t/batch.jsonl" "$t/extract.jsonl" && ok || bad "one batch: the records are those of sitrep extract"
cmp -s "$t/one.jsonl" "$t/extract.jsonl" && ok || bad "one by one: the records are those of sitrep extract"
for ty in claim conflict trend story; do
  n=$(grep -c "\"type\":\"$ty\"" "$t/one.jsonl")
  [ "$n" -gt 0 ] && ok || bad "one by one: $ty records are there"
done
[ "$(sql "$t/one.db" 'select count(*) from batches')" = "${#src[@]}" ] && ok || bad "one by one: one batch per ingest"
# parts that no longer merge (a store past SR_PART_MAX: here every part):
# each batch its own part, loaded in order, the records unchanged
few=("${src[@]:0:12}")
"$bin" extract "${few[@]}" > "$t/few.jsonl" 2>/dev/null
for f in "${few[@]}"; do
  SITREP_STORE_PART_MAX=1 "$bin" ingest "$t/parts.db" "$f" 2>"$t/err" || bad "ingest in parts: $f ($(cat "$t/err"))"
done
[ "$(sql "$t/parts.db" 'select count(*) from corpus_parts')" = "${#few[@]}" ] && ok || bad "parts past the largest: one per batch, none merged"
"$bin" export "$t/parts.db" --format jsonl | cmp -s - "$t/few.jsonl" && ok || bad "parts past the largest: the records are those of sitrep extract"
[ "$(sql "$t/one.db" 'select count(*) from corpus_parts')" -le 7 ] && ok || bad "one by one: the parts merged as they doubled"

# ---- the same articles again: nothing changes ----
"$bin" ingest "$t/batch.db" "${src[@]}" 2>"$t/err"; rc=$?
[ "$rc" = 0 ] && ok || bad "again: exit status 0 (got $rc)"
grep -q "0 added, ${#src[@]} stored already" "$t/err" && ok || bad "again: every article stored already ($(cat "$t/err"))"
"$bin" export "$t/batch.db" --format jsonl | cmp -s - "$t/batch.jsonl" && ok || bad "again: the records do not change"
[ "$(sql "$t/batch.db" 'select count(*) from batches')" = 1 ] && ok || bad "again: no empty batch recorded"
# another article under a stored id: reported, skipped, exit 1
mkdir -p "$t/clash"; first=$(basename "${src[0]}")
printf 'Gunmen attacked a checkpoint near Kirkuk on Friday, killing 3 police officers, officials said.\n' > "$t/clash/$first"
"$bin" ingest "$t/batch.db" "$t/clash/$first" 2>"$t/err"; rc=$?
[ "$rc" = 1 ] && grep -q "another article is stored under this id" "$t/err" && ok || bad "id taken: reported, exit 1 (got $rc: $(cat "$t/err"))"
"$bin" export "$t/batch.db" --format jsonl | cmp -s - "$t/batch.jsonl" && ok || bad "id taken: the records do not change"

# ---- a snapshot this build cannot read (another layout, damage) is made again from the stored articles ----
cp "$t/batch.db" "$t/relayout.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"update corpus_parts set data = x'00'\"); c.commit()" "$t/relayout.db"
printf 'Gunmen attacked a checkpoint near Kirkuk on Friday, killing 3 police officers, officials said.\n' > "$t/kirkuk_new.txt"
"$bin" ingest "$t/relayout.db" "$t/kirkuk_new.txt" 2>"$t/err" && ok || bad "damaged snapshot: ingest goes on ($(cat "$t/err"))"
"$bin" extract "${src[@]}" "$t/kirkuk_new.txt" 2>/dev/null > "$t/plus.jsonl"
"$bin" export "$t/relayout.db" --format jsonl | cmp -s - "$t/plus.jsonl" && ok || bad "damaged snapshot: the records of all the articles, as extract writes them"

# ---- a database from a newer sitrep is refused, not changed; a file that is no database too ----
cp "$t/batch.db" "$t/newer.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"update meta set value='999' where key='schema_version'\"); c.commit()" "$t/newer.db"
"$bin" claims "$t/newer.db" >/dev/null 2>"$t/err"; rc=$?
[ "$rc" = 2 ] && grep -q "newer.db.*schema version 999" "$t/err" && ok || bad "newer schema: refused with a message naming the file ($rc: $(cat "$t/err"))"
echo "not a database" > "$t/text.db"
"$bin" ingest "$t/text.db" "${src[0]}" 2>"$t/err"; rc=$?
[ "$rc" = 2 ] && grep -q "text.db" "$t/err" && [ "$(cat "$t/text.db")" = "not a database" ] && ok || bad "a text file as database: refused, left as it was"

# ---- queries ----
"$bin" claims "$t/batch.db" --json > "$t/claims.jsonl"
[ "$(wc -l < "$t/claims.jsonl")" = "$(grep -c '"type":"claim"' "$t/extract.jsonl")" ] && ok || bad "claims --json: every claim"
python3 - "$t/claims.jsonl" "$t/batch.db" "$bin" <<'EOF' && ok || bad "claims: the filters select what they say"
import json, subprocess, sys
claims = [json.loads(l) for l in open(sys.argv[1])]
def q(*a):
    out = subprocess.run([sys.argv[3], "claims", sys.argv[2], "--json", *a], capture_output=True, text=True, check=True).stdout
    return [json.loads(l)["id"] for l in out.splitlines()]
def ids(f): return [c["id"] for c in claims if f(c)]
ok = True
for status in ("corroborated", "single", "contested"):
    ok &= q("--status", status) == ids(lambda c: c["status"] == status)
place = next((p["name"] for c in claims for p in c["places"]), None)
if place:
    want = ids(lambda c: any(place.lower() in p["name"].lower() or place.lower() in (p["country"] or "").lower() for p in c["places"]))
    ok &= q("--place", place) == want and len(want) > 0
actor = next((c["actor"] for c in claims if c["actor"]), None)
if actor:
    want = ids(lambda c: actor.lower() in (c["actor"] or "").lower() or actor.lower() in (c["attributed_to"] or "").lower())
    ok &= q("--actor", actor) == want and len(want) > 0
dated = [c for c in claims if c["period"]]
if dated:
    d = sorted(c["period"]["end"] for c in dated)[len(dated) // 2]
    ok &= q("--since", d) == ids(lambda c: c["period"] and c["period"]["end"] >= d)
    ok &= q("--until", d) == ids(lambda c: c["period"] and c["period"]["start"] <= d)
sys.exit(0 if ok else 1)
EOF
python3 - "$t/claims.jsonl" "$t/extract.jsonl" "$t/batch.db" "$bin" <<'EOF' && ok || bad "claims: an alias finds its entity's claims (CENTCOM for US Central Command)"
import json, subprocess, sys
claims = [json.loads(l) for l in open(sys.argv[1])]
ents = [r for r in map(json.loads, open(sys.argv[2])) if r["type"] == "entity"]
# an entity named as a source, with an alias that is no part of its name
for e in ents:
    named = [c["id"] for c in claims if c["attributed_to"] == e["name"] or c["actor"] == e["name"]]
    alias = next((a for a in e["aliases"] if a.lower() not in e["name"].lower() and len(a) > 3), None)
    if named and alias:
        out = subprocess.run([sys.argv[4], "claims", sys.argv[3], "--json", "--actor", alias], capture_output=True, text=True).stdout
        got = {json.loads(l)["id"] for l in out.splitlines()}
        sys.exit(0 if set(named) <= got else 1)
sys.exit(0)  # no such entity in these articles
EOF
"$bin" claims "$t/batch.db" > "$t/table" && grep -q '^value ' "$t/table" && grep -q "claims)$" "$t/table" && ok || bad "claims: a table a person reads"
"$bin" events "$t/batch.db" > "$t/table" && grep -q "events)$" "$t/table" && ok || bad "events: a table"
"$bin" stories "$t/batch.db" --since 2000-01-01 > "$t/table" && grep -Eq "\((1 story|[0-9]+ stories)\)$" "$t/table" && ok || bad "stories: a table"
"$bin" claims "$t/batch.db" --bogus >/dev/null 2>&1; [ $? = 2 ] && ok || bad "claims: an unknown option is a usage error"

# ---- exports ----
"$bin" export "$t/batch.db" --format csv > "$t/events.csv"
head -1 "$t/events.csv" | grep -q '^"\?event_id_cnty"\?,"\?event_date"\?,"\?year"\?,"\?time_precision"\?,"\?disorder_type"\?,"\?event_type"\?,"\?sub_event_type"\?,"\?actor1"\?,"\?actor2"\?,"\?country"\?,"\?admin1"\?,"\?location"\?,"\?latitude"\?,"\?longitude"\?,"\?geo_precision"\?,"\?source"\?,"\?source_scale"\?,"\?notes"\?,"\?fatalities"\?' && ok || bad "csv: ACLED's columns ($(head -1 "$t/events.csv"))"
python3 -c "
import csv,sys; rows=list(csv.DictReader(open(sys.argv[1]))); n=int(sys.argv[2])
sys.exit(0 if len(rows)==n and all(r['event_date'][:4]==r['year'] for r in rows) else 1)" "$t/events.csv" "$(grep -c '"type":"event"' "$t/extract.jsonl")" && ok || bad "csv: one row per event"
"$bin" export "$t/batch.db" --format geojson | python3 -c "
import json,sys; g=json.load(sys.stdin); f=g['features']
sys.exit(0 if g['type']=='FeatureCollection' and f and all(x['geometry']['type']=='Point' for x in f) else 1)" && ok || bad "geojson: a FeatureCollection of points"

# ---- SIGKILL in the middle of a large batch ----
python3 - "$tests" "$t/many.jsonl" <<'EOF'
# 1500 articles made from the corpus fixtures (written for sitrep), each with
# its own id, place and figures, as JSON Lines records
import glob, json, os, sys
texts = [open(f).read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "fixtures/corpus/*/*.txt")))]
places = ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Jowhar", "Marka", "Afgoye", "Dhusamareb", "Galkayo"]
with open(sys.argv[2], "w") as out:
    for i in range(1500):
        t = texts[i % len(texts)]
        for k, p in enumerate(places):
            t = t.replace(p, places[(k + i) % len(places)])
        t = t.replace(" 1", " %d" % (1 + i % 7)).replace(" 2", " %d" % (2 + i % 5))
        out.write(json.dumps({"id": "a%05d" % i, "published": "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28), "text": t}) + "\n")
EOF
"$bin" ingest "$t/kill.db" --batch 100 "$t/many.jsonl" 2>/dev/null &
pid=$!
# kill once at least two batches are committed, in the middle of the next
for _ in $(seq 1 600); do
  n=$(sql "$t/kill.db" 'select count(*) from batches where committed is not null' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 2 ] && break
  sleep 0.05
done
# a reader while the batch is written: the last committed state
"$bin" claims "$t/kill.db" --json > "$t/during.jsonl" 2>"$t/err" && [ -s "$t/during.jsonl" ] && ok || bad "a query while ingesting ($(cat "$t/err"))"
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
killed=$(sql "$t/kill.db" 'select count(*) from articles')
[ "$(sql "$t/kill.db" 'pragma integrity_check')" = ok ] && ok || bad "killed: integrity_check"
committed=$(sql "$t/kill.db" 'select coalesce(sum(articles),0) from batches where committed is not null')
[ "$killed" -gt 0 ] && [ "$killed" = "$committed" ] && [ $((killed % 100)) = 0 ] && [ "$killed" -lt 1500 ] && ok || bad "killed: exactly the committed batches' articles ($killed stored, $committed committed)"
[ "$(sql "$t/kill.db" 'select count(*) from batches where committed is null')" = 0 ] && ok || bad "killed: no half batch"
"$bin" ingest "$t/kill.db" --batch 100 "$t/many.jsonl" 2>"$t/err"; rc=$?
[ "$rc" = 0 ] && grep -q "$((1500 - killed)) added, $killed stored already" "$t/err" && ok || bad "rerun: completes the batch ($(cat "$t/err"))"
[ "$(sql "$t/kill.db" 'select count(*) from articles')" = 1500 ] && ok || bad "rerun: 1500 articles"
"$bin" ingest "$t/whole.db" --batch 100000 "$t/many.jsonl" 2>/dev/null
"$bin" export "$t/kill.db" --format jsonl > "$t/kill.jsonl"
"$bin" export "$t/whole.db" --format jsonl | cmp -s - "$t/kill.jsonl" && ok || bad "rerun: the records of one uninterrupted ingest (nothing counted twice)"

# ---- the HTML report in headless Chromium ----
"$bin" report "$t/batch.db" > "$t/report.md" && grep -qi "stor" "$t/report.md" && ok || bad "report: Markdown"
hostile="<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>"
printf '{"id":"hostile","title":"Attack report %s","text":"Gunmen attacked a police post near Mosul on Tuesday, killing 4 officers, police said. %s"}\n' "$hostile" "$hostile" > "$t/hostile.jsonl"
"$bin" ingest "$t/batch.db" "$t/hostile.jsonl" 2>/dev/null
"$bin" report "$t/batch.db" --html "$t/report.html" && ok || bad "report --html: written"
if grep -q "<script>document.title='PWNED'" "$t/report.html"; then bad "report --html: article text escaped"; else ok; fi
if [ -d "$shared/seeds" ]; then
  bash "$tests/chromium_check.sh" "$t/report.html" "$artifacts/report.png" \
    --expect "on track to double" --expect "153 attacks · 4 outlets" \
    --expect "US Central Command puts the fighters at about 2500; United Nations puts them at 3000 to 5000" \
    --expect "is expected to double" --expect "confirmed" --expect "Attack report"; rc=$?
  if [ "$rc" = 77 ]; then echo "report in Chromium: skipped (no chromium)"
  elif [ "$rc" = 0 ]; then ok; else bad "report in Chromium: the story, the 153-attack claim with 4 outlets, the conflict and the trend"; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
