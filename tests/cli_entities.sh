#!/usr/bin/env bash
# Entity records across documents: the same entities, aliases and mentions
# whatever order the articles are read in, and every mention quotes the
# bytes it points at.
# usage: cli_entities.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1; tests=$2
repo=$(cd "$tests/.." && pwd)
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $1"; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

files=("$repo"/samples/*.txt)
"$bin" extract "${files[@]}" | grep '"type":"entity"' > "$t/fwd"
rev=(); for ((i = ${#files[@]} - 1; i >= 0; i--)); do rev+=("${files[$i]}"); done
"$bin" extract "${rev[@]}" | grep '"type":"entity"' > "$t/rev"
[ -s "$t/fwd" ] && ok || bad "the samples name entities"
cmp -s "$t/fwd" "$t/rev" && ok || bad "entity records do not depend on input order"

# every mention quotes its bytes (offsets into the file it names)
python3 - "$t/fwd" "${files[@]}" <<'PY' && ok || bad "mention quotes equal the input bytes"
import json, os, sys
data = {os.path.splitext(os.path.basename(f))[0]: open(f, 'rb').read() for f in sys.argv[2:]}
bad = 0
for line in open(sys.argv[1]):
    e = json.loads(line)
    for m in e["mentions"]:
        if data[m["doc"]][m["start"]:m["end"]].decode() != m["quote"]:
            bad += 1
sys.exit(1 if bad else 0)
PY

# one entity per distinct entity: no two records share kind, name and country
dups=$(python3 -c '
import json, sys, collections
c = collections.Counter((json.loads(l)["kind"], json.loads(l)["name"], json.loads(l)["country"]) for l in open(sys.argv[1]))
print(sum(1 for v in c.values() if v > 1))' "$t/fwd")
[ "$dups" = 0 ] && ok || bad "entity records are distinct ($dups duplicates)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
