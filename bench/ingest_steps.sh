#!/usr/bin/env bash
# bench/ingest_steps.sh BUILD_DIR [STEPS] [N] -- what one more batch costs as the
# store grows: STEPS (default 20) successive `sitrep ingest DB FILE` runs of
# N (default 1,000) articles each, the articles made as bench/ingest_run.sh
# makes them (the corpus fixtures of the repository, each with its own id,
# places, figures and date), on one core (taskset -c ${SITREP_BENCH_CPU:-0}).
# Prints, for each run, the articles stored before it, its wall and CPU
# seconds and its peak memory.  SITREP=path runs another binary (an older
# build, for a before-and-after table).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
steps=${2:-20}
n=${3:-1000}
bin=${SITREP:-$build/sitrep}
[[ -x $bin ]] || { echo "ingest_steps.sh: $bin not built (run make first)" >&2; exit 2; }
pin=()
cpu=${SITREP_BENCH_CPU:-0}
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
python3 - "$repo/tests" "$t" "$steps" "$n" <<'PY'
import glob, json, os, sys
texts = [open(f).read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "fixtures/corpus/*/*.txt")))]
places = ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Jowhar", "Marka", "Afgoye", "Dhusamareb", "Galkayo"]
steps, n = int(sys.argv[3]), int(sys.argv[4])
for s in range(steps):
    with open(os.path.join(sys.argv[2], "in%03d.jsonl" % s), "w") as out:
        for i in range(s * n, (s + 1) * n):
            t = texts[i % len(texts)]
            for k, p in enumerate(places):
                t = t.replace(p, places[(k + i) % len(places)])
            t = t.replace(" 1", " %d" % (1 + i % 7)).replace(" 2", " %d" % (2 + i % 5))
            out.write(json.dumps({"id": "a%07d" % i, "published": "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28), "text": t}) + "\n")
PY
printf '%8s %8s %8s %9s\n' stored wall_s cpu_s peak_MB
for ((s = 0; s < steps; s++)); do
  /usr/bin/time -f "%e %U %S %M" -o "$t/time" "${pin[@]}" "$bin" ingest "$t/db" --batch "$n" "$t/in$(printf %03d "$s").jsonl" 2>"$t/err" ||
    { cat "$t/err" >&2; exit 1; }
  read -r wall user sys kb < "$t/time"
  awk -v st=$((s * n)) -v w="$wall" -v u="$user" -v y="$sys" -v kb="$kb" 'BEGIN { printf "%8d %8.2f %8.2f %9.0f\n", st, w, u + y, kb / 1024 }'
done
size=$(stat -c %s "$t/db")
awk -v size="$size" -v n=$((steps * n)) 'BEGIN { printf "database: %.1f MB for %d articles (%.2f MB per 1,000)\n", size / 1e6, n, size / 1e6 / n * 1000 }'
