#!/usr/bin/env bash
# bench/run.sh BUILD_DIR -- the `make bench` driver (method: bench/BENCHMARKS.md).
#
# 1. Generates the corpus into BUILD_DIR/bench-corpus unless an up-to-date
#    one is there: >= SITREP_BENCH_MB (default 100) MB of plain-text
#    articles in ~1 MB directories plus a JSON Lines file of
#    SITREP_BENCH_JSONL_MB (default 100) MB, mutated from samples/*.txt,
#    tests/fixtures and the seed articles in ${SITREP_SHARED:-../shared}/seeds.
# 2. Runs BUILD_DIR/bench/sitrep_bench pinned to one core (taskset -c
#    ${SITREP_BENCH_CPU:-0})
#    over (a) a 10 MB subset, (b) all the text files, (c) the JSONL file,
#    (d) the subset queued 10 times on one reader, (f) the subset without
#    the entity stage (nor claims), (i) the
#    subset read only, so (j) = (f) - (i) is times+figures, (k) the subset
#    with entities only, so (g) = (k) - (i) is that stage alone, (l) the
#    subset without claims and events, so (m) = (a) - (l) is that stage, (h) all text
#    read only (the read+clean+tokenize target); each SITREP_BENCH_RUNS
#    (default 3) times, reporting the run with the median MB/s.
# 3. Times `sitrep extract --text` over all the text files into /dev/null
#    (end to end, process startup included; startup measured separately).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
shared=${SITREP_SHARED:-$repo/../shared}
mb=${SITREP_BENCH_MB:-100}
jsonl_mb=${SITREP_BENCH_JSONL_MB:-100}
runs=${SITREP_BENCH_RUNS:-3}

gen=$build/bench/gen
bench=$build/bench/sitrep_bench
cli=$build/sitrep
corpus=$build/bench-corpus
for exe in "$gen" "$bench" "$cli"; do
  [[ -x $exe ]] || { echo "run.sh: $exe not built (run make first)" >&2; exit 2; }
done

# ---- sources, read at run time ----
sources=()
shopt -s nullglob
sources+=("$repo"/samples/*.txt)
if [[ -d $repo/tests/fixtures ]]; then
  while IFS= read -r f; do sources+=("$f"); done < <(
    find "$repo/tests/fixtures" -type f \( -name '*.txt' -o -name '*.spec' \) | LC_ALL=C sort)
fi
if [[ -d $shared/seeds ]]; then
  sources+=("$shared"/seeds/*.txt)
else
  echo "run.sh: no seeds at $shared/seeds; generating from the repository's own texts" >&2
fi
shopt -u nullglob
((${#sources[@]})) || { echo "run.sh: no source articles found" >&2; exit 2; }

# ---- corpus (regenerated when the generator, sizes or sources change) ----
stamp="mb=$mb jsonl_mb=$jsonl_mb gen=$(cksum <"$here/gen.c") sources=$(cat "${sources[@]}" | cksum)"
if [[ ! -f $corpus/.stamp || $(cat "$corpus/.stamp") != "$stamp" ]]; then
  echo "generating $mb MB + $jsonl_mb MB JSONL corpus from ${#sources[@]} source files into $corpus"
  rm -rf "$corpus"
  t0=$(date +%s.%N)
  "$gen" --jsonl-mb "$jsonl_mb" "$corpus" "$mb" "${sources[@]}" >/dev/null
  printf 'generated in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
  echo "$stamp" >"$corpus/.stamp"
fi
manifest() { awk -v k="$1" '$1 == k { print $2 }' "$corpus/MANIFEST"; }
text_bytes=$(manifest text_bytes)

cpu_core=${SITREP_BENCH_CPU:-0}
pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu_core" true 2>/dev/null; then
  pin=(taskset -c "$cpu_core")
fi

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "cpu: ${cpu:-unknown} ($(nproc) cores), pinned: ${pin[*]:-no}, load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "library: $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown), build: $build"
echo "corpus: $(manifest text_files) text files ($(manifest text_bytes) bytes in $(manifest text_dirs) dirs)," \
  "$(manifest jsonl_records) JSONL records ($(manifest jsonl_bytes) bytes)," \
  "from $(manifest source_articles) source articles in $(manifest source_files) files"

# ---- harness runs ----
mbps() { sed -n 's/.* = \([0-9.]*\) MB\/s.*/\1/p' <<<"$1"; }

# median_run LABEL N ARGS...: runs the harness N times, prints the median line
results=()
median_run() {
  local label=$1 n=$2
  shift 2
  local lines=() i line
  for ((i = 0; i < n; i++)); do
    line=$("${pin[@]}" "$bench" "$@")
    lines+=("$line")
  done
  line=$(for l in "${lines[@]}"; do echo "$(mbps "$l") $l"; done | sort -n |
    sed -n "$(((n + 1) / 2))p" | cut -d' ' -f2-)
  printf '%-28s %s\n' "$label" "$line"
  results+=("$label|$line")
}

subset=("$corpus"/text/d00[0-9])
median_run "(a) 10 MB subset:" "$runs" "${subset[@]}"
median_run "(b) all text files:" "$runs" "$corpus/text"
median_run "(c) JSONL file:" "$runs" "$corpus/articles.jsonl"
median_run "(d) subset x10, one reader:" 1 --repeat 10 "${subset[@]}"

# ---- the entity and place stage alone: (a) minus the same subset without it ----
median_run "(f) subset, no entities:" "$runs" --skip-entities --skip-claims "${subset[@]}"
median_run "(i) subset, read only:" "$runs" --only-read "${subset[@]}"
median_run "(k) subset, entities only:" "$runs" --skip-times-figures "${subset[@]}"
median_run "(l) subset, no claims/events:" "$runs" --skip-claims "${subset[@]}"
cpu_of() { sed -n 's/.* CPU \([0-9.]*\) s = .*/\1/p' <<<"$1"; }
mb_of() { sed -n 's/^[^:]*: \([0-9.]*\) MB in .*/\1/p' <<<"$1"; }
with=${results[0]#*|}
without=${results[4]#*|}
readonly_run=${results[5]#*|}
entities_only=${results[6]#*|}
no_claims=${results[7]#*|}
# the entity stage alone: read+entities minus read only (with times and
# figures running as well, the stages also take each other's caches)
stage_cpu=$(echo "$(cpu_of "$entities_only") - $(cpu_of "$readonly_run")" | bc -l)
if (($(echo "$stage_cpu > 0" | bc))); then
  printf '%-28s %.1f MB of text in %.3f CPU-s = %.1f MB/CPU-s (target 50)\n' "(g) entities+places alone:" \
    "$(mb_of "$with")" "$stage_cpu" "$(echo "$(mb_of "$with") / $stage_cpu" | bc -l)"
fi
tf_cpu=$(echo "$(cpu_of "$without") - $(cpu_of "$readonly_run")" | bc -l)
if (($(echo "$tf_cpu > 0" | bc))); then
  printf '%-28s %.1f MB of text in %.3f CPU-s = %.1f MB/CPU-s\n' "(j) times+figures alone:" \
    "$(mb_of "$with")" "$tf_cpu" "$(echo "$(mb_of "$with") / $tf_cpu" | bc -l)"
fi

ce_cpu=$(echo "$(cpu_of "$with") - $(cpu_of "$no_claims")" | bc -l)
if (($(echo "$ce_cpu > 0" | bc))); then
  printf '%-28s %.1f MB of text in %.3f CPU-s = %.1f MB/CPU-s\n' "(m) claims+events alone:" \
    "$(mb_of "$with")" "$ce_cpu" "$(echo "$(mb_of "$with") / $ce_cpu" | bc -l)"
fi

# ---- end to end: the CLI ----
# startup: mean over 20 runs on one small article
small=$(find "$corpus/text/d000" -name '*.txt' | LC_ALL=C sort | sed -n 1p)
t0=$(date +%s%N)
for ((i = 0; i < 20; i++)); do "${pin[@]}" "$cli" extract --text "$small" >/dev/null; done
startup_ms=$(echo "scale=1; ($(date +%s%N) - $t0) / 20 / 1000000" | bc)

cli_lines=()
for ((i = 0; i < runs; i++)); do
  t0=$(date +%s%N)
  rc=0
  /usr/bin/time -f '%M %U %S' -o "$corpus/.time" "${pin[@]}" "$cli" extract --text "$corpus/text" \
    >/dev/null || rc=$?
  t1=$(date +%s%N)
  ((rc <= 1)) || { echo "run.sh: sitrep extract failed ($rc)" >&2; exit 1; }
  read -r kib user sys < <(tail -n 1 "$corpus/.time")
  secs=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  cli_lines+=("$(echo "scale=1; $text_bytes / 1000000 / $secs" | bc) $secs $kib $(echo "$user + $sys" | bc)")
done
read -r cli_mbps cli_secs cli_kib cli_cpu < <(printf '%s\n' "${cli_lines[@]}" | sort -n |
  sed -n "$(((runs + 1) / 2))p")
printf '%-28s sitrep extract --text: %.1f MB in %.2f s = %.1f MB/s, peak RSS %.1f MB, CPU %.2f s, startup %s ms\n' \
  "(e) CLI, all text files:" "$(echo "$text_bytes / 1000000" | bc -l)" "$cli_secs" "$cli_mbps" \
  "$(echo "$cli_kib * 1024 / 1000000" | bc -l)" "$cli_cpu" "$startup_ms"
rm -f "$corpus/.time"

# ---- verdict against the target (read+clean+tokenize, issue 2) ----
median_run "(h) all text, read only:" "$runs" --only-read "$corpus/text"
full=$(mbps "${results[8]#*|}")
if (($(echo "$full >= 100" | bc))); then
  echo "read+clean+tokenize target 100 MB/s on one core: met ($full MB/s)"
else
  echo "read+clean+tokenize target 100 MB/s on one core: NOT met ($full MB/s)"
fi
whole=$(mbps "${results[1]#*|}")
if (($(echo "$whole >= 20" | bc))); then
  echo "whole per-article analysis target 20 MB/s on one core: met ($whole MB/s, run b)"
else
  echo "whole per-article analysis target 20 MB/s on one core: NOT met ($whole MB/s, run b)"
fi
