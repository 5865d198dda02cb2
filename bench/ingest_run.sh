#!/usr/bin/env bash
# bench/ingest_run.sh BUILD_DIR [N...] -- `sitrep ingest` into SQLite on one core
# (taskset -c ${SITREP_BENCH_CPU:-0}): N articles (default 1000 and 10000) made
# from the corpus fixtures of the repository (each its own id, places and
# figures), as one JSON Lines file, in batches of 1000; then the same
# articles again (all stored already).  Prints articles per second, peak
# memory and the database's size per 1,000 articles.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
bin=$build/sitrep
[[ -x $bin ]] || { echo "ingest_run.sh: $bin not built (run make first)" >&2; exit 2; }
pin=()
cpu=${SITREP_BENCH_CPU:-0}
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
for n in "${sizes[@]}"; do
  python3 - "$repo/tests" "$t/in.jsonl" "$n" <<'PY'
import glob, json, os, sys
texts = [open(f).read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "fixtures/corpus/*/*.txt")))]
places = ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Jowhar", "Marka", "Afgoye", "Dhusamareb", "Galkayo"]
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        t = texts[i % len(texts)]
        for k, p in enumerate(places):
            t = t.replace(p, places[(k + i) % len(places)])
        t = t.replace(" 1", " %d" % (1 + i % 7)).replace(" 2", " %d" % (2 + i % 5))
        out.write(json.dumps({"id": "a%07d" % i, "published": "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28), "text": t}) + "\n")
PY
  mb=$(du -m "$t/in.jsonl" | cut -f1)
  rm -f "$t/db"*
  /usr/bin/time -f "%e %M" -o "$t/time" "${pin[@]}" "$bin" ingest "$t/db" --batch 1000 "$t/in.jsonl" 2>/dev/null
  read -r secs kb < "$t/time"
  size=$(stat -c %s "$t/db")
  /usr/bin/time -f "%e" -o "$t/time2" "${pin[@]}" "$bin" ingest "$t/db" --batch 1000 "$t/in.jsonl" 2>/dev/null
  awk -v n="$n" -v s="$secs" -v kb="$kb" -v size="$size" -v mb="$mb" -v again="$(cat "$t/time2")" 'BEGIN {
    printf "%7d articles (%d MB): %.1f s, %.0f articles/s, peak RSS %.0f MB, database %.1f MB = %.2f MB per 1,000 articles; again (all stored): %.1f s\n",
      n, mb, s, n / s, kb / 1024, size / 1e6, size / 1e6 / n * 1000, again }'
done
