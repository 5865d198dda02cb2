#!/usr/bin/env bash
# bench/extract_memory.sh BUILD_DIR [MB] -- peak memory of `sitrep extract`
# as the run grows (`make bench-extract-memory`; issue 19: a run's memory
# should be bounded per article, not grow with the run).
#
# Generates MB (default ${SITREP_EXTRACT_MB:-200}) MB of plain-text
# articles with bench/gen (the same generator and sources as bench/run.sh,
# ~1 MB per directory) into BUILD_DIR/extract-corpus-MB unless an
# up-to-date one is there, then runs `sitrep extract` (records to
# /dev/null) under /usr/bin/time -v over the first quarter, half and all
# of the directories, printing for each the input size, peak RSS, wall
# and CPU time, MB/s of CPU, the RSS per input MB and, from the smallest
# and the largest run, the growth of peak RSS per input MB (what a run of
# 1 GB would add).  Each run is one process: on a loaded machine the CPU
# time is the throughput figure, the wall time only context.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
mb=${2:-${SITREP_EXTRACT_MB:-200}}
shared=${SITREP_SHARED:-$repo/../shared}
gen=$build/bench/gen
cli=$build/sitrep
corpus=$build/extract-corpus-$mb
for exe in "$gen" "$cli"; do
  [[ -x $exe ]] || { echo "extract_memory.sh: $exe not built (run make first)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "extract_memory.sh: needs GNU time (apt-get install time)" >&2; exit 2; }

sources=()
shopt -s nullglob
sources+=("$repo"/samples/*.txt)
while IFS= read -r f; do sources+=("$f"); done < <(
  find "$repo/tests/fixtures" -type f \( -name '*.txt' -o -name '*.spec' \) | LC_ALL=C sort)
[[ -d $shared/seeds ]] && sources+=("$shared"/seeds/*.txt)
shopt -u nullglob

stamp="mb=$mb gen=$(cksum <"$here/gen.c") sources=$(cat "${sources[@]}" | cksum)"
if [[ ! -f $corpus/.stamp || $(cat "$corpus/.stamp") != "$stamp" ]]; then
  echo "generating $mb MB of articles into $corpus"
  rm -rf "$corpus"
  "$gen" --jsonl-mb 1 "$corpus" "$mb" "${sources[@]}" >/dev/null
  rm -f "$corpus/articles.jsonl"
  echo "$stamp" >"$corpus/.stamp"
fi

dirs=("$corpus"/text/d*)
n=${#dirs[@]}
echo "library: $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown), build: $build"
echo "cpu: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %10s %8s %8s %8s %10s\n' dirs "input MB" "peak RSS" "wall s" "CPU s" "MB/s" "RSS/MB in"
first_mb="" first_rss="" last_mb="" last_rss=""
for k in $(((n + 3) / 4)) $(((n + 1) / 2)) "$n"; do
  set=("${dirs[@]:0:k}")
  bytes=$(find "${set[@]}" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  log=$(mktemp)
  rc=0
  /usr/bin/time -v "$cli" extract "${set[@]}" >/dev/null 2>"$log" || rc=$?
  if ((rc != 0)); then
    echo "extract_memory.sh: sitrep extract exited $rc" >&2
    tail -5 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  sys=$(sed -n 's/.*System time (seconds): //p' "$log")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rm -f "$log"
  in_mb=$(echo "scale=1; $bytes / 1000000" | bc)
  rss_mb=$(echo "scale=1; $rss_kb / 1024" | bc)
  cpu=$(echo "$user + $sys" | bc)
  printf '%-8s %9s %8s MB %8s %8s %8.2f %10.2f\n' "$k/$n" "$in_mb" "$rss_mb" "$wall" "$cpu" \
    "$(echo "$in_mb / $cpu" | bc -l)" "$(echo "$rss_mb / $in_mb" | bc -l)"
  [[ -z $first_mb ]] && { first_mb=$in_mb; first_rss=$rss_mb; }
  last_mb=$in_mb last_rss=$rss_mb
done
if [[ $first_mb != "$last_mb" ]]; then
  slope=$(echo "($last_rss - $first_rss) / ($last_mb - $first_mb)" | bc -l)
  printf 'growth: %.2f MB of peak RSS per MB of input; a 1,000 MB run: about %.0f MB\n' \
    "$slope" "$(echo "$last_rss + (1000 - $last_mb) * $slope" | bc -l)"
fi
