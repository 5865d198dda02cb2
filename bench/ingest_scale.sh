#!/usr/bin/env bash
# bench/ingest_scale.sh BUILD_DIR [N] [BATCH] [EVERY] -- the store at news-feed
# scale: N generated articles (default 1,000,000; bench/gen.c from the samples
# and spec fixtures of the repository, dated as a feed of about 2,740 articles
# a day, a year at a million) ingested in batches of BATCH (default 10,000),
# one `sitrep ingest` process per batch, on one core (taskset -c
# ${SITREP_BENCH_CPU:-0}).  Prints, per EVERY (default 100,000) articles
# stored, the wall and CPU seconds and the peak memory of the next batch; then
# the total, the database's size per 1,000 articles, and the latencies (p50,
# p99 of 30 runs each, SITREP_BENCH_QUERIES to change; wall and CPU) of `claims --actor A`, `events --place P --since
# LAST_WEEK` and `report --since LAST_WEEK`.  Every batch's figures go to
# BUILD_DIR/bench-scale/batches.tsv.  The generated batches are kept in
# BUILD_DIR/bench-scale/gen-N (made again when the generator changes) unless
# SITREP_BENCH_KEEP=0; SITREP=path runs another binary, and
# SITREP_BENCH_OUT=DIR keeps its database and figures there (two binaries
# measured side by side).  With SITREP_BENCH_PROFILE=1 each batch's CPU
# seconds per step of the store (load, analyse+add, save, finish, the
# tables, commit) go to DIR/profile.tsv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
n=${2:-1000000}
batch=${3:-10000}
every=${4:-100000}
bin=${SITREP:-$build/sitrep}
gen=$build/bench/gen
for exe in "$bin" "$gen"; do
  [[ -x $exe ]] || { echo "ingest_scale.sh: $exe not built (run make first)" >&2; exit 2; }
done
pin=()
cpu=${SITREP_BENCH_CPU:-0}
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi
out=$build/bench-scale
mkdir -p "$out"
gendir=$out
out=${SITREP_BENCH_OUT:-$out}
mkdir -p "$out"
shopt -s nullglob
sources=("$repo"/samples/*.txt "$repo"/tests/fixtures/*.spec)
days=$(( (n + 2739) / 2740 ))
corpus=$gendir/gen-$n-$batch
stamp="n=$n batch=$batch days=$days gen=$(cksum <"$here/gen.c") sources=$(cat "${sources[@]}" | cksum)"
if [[ ! -f $corpus/STAMP || $(cat "$corpus/STAMP") != "$stamp" ]]; then
  rm -rf "$corpus"
  echo "generating $n articles in batches of $batch ($days days) into $corpus" >&2
  "$gen" --records "$n" --split "$batch" --days "$days" "$corpus" 0 "${sources[@]}" >/dev/null
  echo "$stamp" > "$corpus/STAMP"
fi
db=$out/scale.db
rm -f "$db" "$db-wal" "$db-shm"
tsv=$out/batches.tsv
printf 'stored\twall_s\tcpu_s\tpeak_mb\n' > "$tsv"
printf '%9s %9s %9s %9s\n' stored wall_s cpu_s peak_MB
t0=$(date +%s.%N)
stored=0
for f in "$corpus"/articles-*.jsonl; do
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "${pin[@]}" env ${SITREP_BENCH_PROFILE:+SITREP_STORE_PROFILE=1} \
    "$bin" ingest "$db" --batch "$batch" "$f" 2>"$out/err" || { cat "$out/err" >&2; exit 1; }
  if [[ -n ${SITREP_BENCH_PROFILE:-} ]]; then
    sed -n "s/^store profile (CPU s): /$stored /p" "$out/err" >> "$out/profile.tsv"
  fi
  read -r wall user sys kb < "$out/time"
  line=$(awk -v st="$stored" -v w="$wall" -v u="$user" -v y="$sys" -v kb="$kb" \
    'BEGIN { printf "%d\t%.2f\t%.2f\t%.0f", st, w, u + y, kb / 1024 }')
  echo "$line" >> "$tsv"
  if (( stored % every == 0 )) || (( stored + batch >= n )); then
    echo "$line" | awk -F'\t' '{ printf "%9d %9.2f %9.2f %9.0f\n", $1, $2, $3, $4 }'
  fi
  [[ ${SITREP_BENCH_KEEP:-1} = 0 ]] && rm -f "$f"
  stored=$((stored + batch))
done
t1=$(date +%s.%N)
[[ ${SITREP_BENCH_KEEP:-1} = 0 ]] && rm -rf "$corpus"
size=$(( $(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
awk -v t="$(echo "$t1 - $t0" | bc)" -v n="$n" -v size="$size" -f /dev/stdin "$tsv" <<'AWK'
NR > 1 { cpu += $3 }
END {
  printf "total: %d articles in %.0f s wall, %.0f s CPU (%.0f articles/s of CPU); database %.1f GB, %.2f MB per 1,000 articles\n",
    n, t, cpu, n / cpu, size / 1e9, size / 1e6 / n * 1000
}
AWK
# ---- queries over the full store ----
# the feed's last day (gen.c: record i of N on day i * days / N from 2025-01-01)
read -r week last < <(python3 -c "
import datetime, sys
n, days = int(sys.argv[1]), int(sys.argv[2])
last = datetime.date(2025, 1, 1) + datetime.timedelta(days=(n - 1) * days // n % 365)
print(last - datetime.timedelta(days=6), last)" "$n" "$days")
actors=(al-Shabaab ISIS ISIL AFRICOM CENTCOM Hezbollah Houthis JNIM ISWAP AMISOM AUSSOM SDF Taliban Wagner)
places=(Mogadishu Kismayo Baidoa Beledweyne Kirkuk Mosul Raqqa Idlib Aleppo Maiduguri Gao Timbuktu Sanaa Aden Tripoli)
runs=${SITREP_BENCH_QUERIES:-30}
latency() { # NAME CMD... with {} replaced by the i-th of the list in $list
  local name=$1; shift
  : > "$out/lat"
  for ((i = 0; i < runs; i++)); do
    local args=()
    for a in "$@"; do args+=("${a//\{\}/${list[i % ${#list[@]}]}}"); done
    local rows
    rows=$(/usr/bin/time -f "%e %U %S" -o "$out/qtime" "${pin[@]}" "$bin" "${args[@]}" 2>/dev/null | wc -l || true)
    read -r wall user sys < "$out/qtime"
    awk -v w="$wall" -v u="$user" -v y="$sys" -v r="$rows" 'BEGIN { printf "%d %d %d\n", w * 1000, (u + y) * 1000, r }' >> "$out/lat"
  done
  # p50 and p99 of the wall time (what a user waits for) and of the CPU
  # time (what the query costs: the figure to compare on a loaded machine)
  pct() { sort -n -k"$1","$1" "$out/lat" | awk -v k="$1" '{ v[NR] = $k } END {
    p99 = int(NR * 0.99 + 0.999); printf "%d %d", v[int((NR + 1) / 2)], v[p99 < 1 ? 1 : p99] }'; }
  read -r w50 w99 <<<"$(pct 1)"
  read -r c50 c99 <<<"$(pct 2)"
  awk -v name="$name" -v w50="$w50" -v w99="$w99" -v c50="$c50" -v c99="$c99" '{ rows += $3 } END {
    printf "%-36s wall p50 %6d ms p99 %6d ms; CPU p50 %6d ms p99 %6d ms (%.0f lines of output on average)\n",
      name, w50, w99, c50, c99, rows / NR }' "$out/lat"
}
echo "queries at $n articles (the last week: $week to $last):"
list=("${actors[@]}"); latency "claims --actor A" claims "$db" --actor "{}"
list=("${places[@]}"); latency "events --place P --since LAST_WEEK" events "$db" --place "{}" --since "$week"
list=(x); latency "report --since LAST_WEEK" report "$db" --since "$week"
