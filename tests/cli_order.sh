#!/usr/bin/env bash
# The same records whatever order the articles come in (issue 19, item 4):
#   - 5,000 generated articles (made from the texts written for sitrep in
#     tests/fixtures: the corpus articles and the spec cases, with places,
#     figures, dates and outlets varied, a sixth of them near-copies of
#     another under a new outlet, a tenth undated) extracted in 5 random
#     orders: byte-identical records;
#   - two `sitrep ingest` processes adding the two halves at once into one
#     database in small batches (their batches interleave), against one
#     ingest of every article: byte-identical exports, and the same records
#     as extract.  The database is made by a first ingest of one article
#     before the two start.
# The stories must be many and some must hold several articles, so that the
# comparison compares something.
# usage: cli_order.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1; tests=$2
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
command -v python3 >/dev/null || { echo "cli_order: python3 missing" >&2; exit 1; }
t=${SITREP_ORDER_DIR:-$(mktemp -d)}; [ -n "${SITREP_ORDER_DIR:-}" ] || trap 'rm -rf "$t"' EXIT
for _ in $(seq 60); do [ -x "$bin" ] && break; sleep 1; done
N=${SITREP_ORDER_ARTICLES:-5000}

python3 - "$tests" "$t" "$N" <<'EOF'
import glob, json, os, random, re, sys
tests, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(tests, "fixtures/corpus/*/*.txt")))]
for spec in sorted(glob.glob(os.path.join(tests, "fixtures/*.spec"))):
    body = open(spec, encoding="utf-8").read()
    for case in re.split(r"\n### [^\n]*\n", body)[1:]:
        case = re.sub(r"^date:[^\n]*\n", "", case).split("\n.\n")[0]
        if len(case) > 80:
            texts.append(case)
places = ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Jowhar", "Marka", "Afgoye", "Mosul", "Kirkuk",
          "Gao", "Mopti", "Djibo", "Maiduguri", "Goma", "Beni", "Aden", "Marib", "Kunduz", "Herat"]
outlets = ["Reuters", "The Associated Press", "Agence France-Presse", "Al Jazeera", "BBC News", "Garowe Online"]
rng = random.Random(15)
docs = []
for i in range(n):
    if docs and rng.random() < 0.16:
        # a near-copy of an earlier article under another outlet and headline
        src = docs[rng.randrange(max(0, len(docs) - 200), len(docs))]
        d = dict(src, id="a%05d" % i, outlet=rng.choice(outlets), title="Report: " + (src.get("title") or "news"))
        docs.append(d)
        continue
    t = rng.choice(texts)
    k = rng.randrange(len(places))
    for j, p in enumerate(places):
        t = t.replace(p, places[(j + k) % len(places)])
    t = re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + rng.randrange(3)), t)
    d = {"id": "a%05d" % i, "title": " ".join(t.split()[:8]), "outlet": rng.choice(outlets), "text": t}
    if rng.random() >= 0.1:
        d["published"] = "2025-%02d-%02d" % (1 + rng.randrange(12), 1 + rng.randrange(28))
    docs.append(d)
def write(name, ds):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for d in ds:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
write("all.jsonl", docs)
for k in range(5):
    ds = docs[:]
    random.Random(100 + k).shuffle(ds)
    write("order%d.jsonl" % k, ds)
write("first.jsonl", docs[:1])
write("half0.jsonl", docs[1::2])
write("half1.jsonl", docs[2::2])
EOF

# ---- 5 random orders ----
"$bin" extract "$t/all.jsonl" > "$t/ref.jsonl" 2>"$t/err" || bad "extract: exit $? ($(head -c 300 "$t/err"))"
python3 - "$t/ref.jsonl" "$N" <<'EOF' && ok || bad "the reference run has $N documents and stories of several articles"
import json, sys
from collections import Counter
docs = [json.loads(l) for l in open(sys.argv[1]) if '"type":"document"' in l[:30]]
sizes = Counter(d["story"] for d in docs)
multi = sum(1 for s in sizes.values() if s > 1)
sys.exit(0 if len(docs) == int(sys.argv[2]) and multi >= 50 and len(sizes) >= 200 else 1)
EOF
for k in 0 1 2 3 4; do
  "$bin" extract "$t/order$k.jsonl" > "$t/out$k.jsonl" 2>/dev/null
  if cmp -s "$t/ref.jsonl" "$t/out$k.jsonl"; then ok
  else
    bad "order $k: other records ($(diff "$t/ref.jsonl" "$t/out$k.jsonl" | grep -c '^[<>]') lines differ)"
  fi
done

# ---- two ingests at once, batches interleaved, against one ingest ----
"$bin" ingest "$t/one.db" --batch 100000 "$t/all.jsonl" 2>/dev/null
# the database made first (two processes creating one at once is another matter)
"$bin" ingest "$t/two.db" "$t/first.jsonl" 2>/dev/null
"$bin" ingest "$t/two.db" --batch 50 "$t/half0.jsonl" 2>"$t/err0" &
p0=$!
"$bin" ingest "$t/two.db" --batch 50 "$t/half1.jsonl" 2>"$t/err1" &
p1=$!
wait $p0; r0=$?; wait $p1; r1=$?
[ "$r0" = 0 ] && [ "$r1" = 0 ] && ok || bad "two ingests at once: exit $r0, $r1 ($(cat "$t/err0" "$t/err1" | head -c 300))"
"$bin" export "$t/one.db" --format jsonl > "$t/one.jsonl"
"$bin" export "$t/two.db" --format jsonl > "$t/two.jsonl"
cmp -s "$t/one.jsonl" "$t/two.jsonl" && ok || bad "two interleaved ingests: other records than one ($(diff "$t/one.jsonl" "$t/two.jsonl" | grep -c '^[<>]') lines differ)"
cmp -s "$t/one.jsonl" "$t/ref.jsonl" && ok || bad "ingest: other records than extract"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
