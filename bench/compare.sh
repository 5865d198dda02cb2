#!/usr/bin/env bash
# bench/compare.sh OLD_SITREP NEW_SITREP [CORPUS_DIR] [RUNS]
#
# Two builds of the CLI side by side on the same input, run by turns (old,
# new, old, new, ...) so that a busy machine slows both alike: `sitrep
# extract --text` over CORPUS_DIR (a directory of articles, e.g. one made by
# build/bench/gen) and over the 181 pages of ../shared/bench.  Prints, per
# build and input, the median wall time and MB/s, the median CPU time (user +
# sys: steadier than wall time on a busy machine) and MB per CPU-second, and
# the peak RSS.
# Used for "throughput not lower" checks of a change (issue 18: before the
# redesign vs after).  Each run is pinned to one core when taskset works.
set -euo pipefail
old=${1:?usage: compare.sh OLD_SITREP NEW_SITREP [CORPUS_DIR] [RUNS]}
new=${2:?usage: compare.sh OLD_SITREP NEW_SITREP [CORPUS_DIR] [RUNS]}
here=$(cd "$(dirname "$0")" && pwd)
corpus=${3:-}
runs=${4:-5}
pages=${SITREP_SHARED:-$here/../../shared}/bench/article-extraction/html
pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c "${SITREP_BENCH_CPU:-0}" true 2>/dev/null; then
  pin=(taskset -c "${SITREP_BENCH_CPU:-0}")
fi
[[ -x /usr/bin/time ]] || { echo "compare.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=()
[[ -n $corpus ]] && inputs+=("$corpus")
[[ -d $pages ]] && inputs+=("$pages")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), runs: $runs, pinned: ${pin[*]:-no}"
for in in "${inputs[@]}"; do
  bytes=$(find "$in" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  for ((i = 0; i < runs; i++)); do
    for which in old new; do
      bin=$old
      [[ $which == new ]] && bin=$new
      /usr/bin/time -f '%e %M %U %S' -o "$tmp/t" "${pin[@]}" "$bin" extract --text "$in" >/dev/null 2>&1 || true
      echo "$(cat "$tmp/t")" >>"$tmp/$which"
    done
  done
  for which in old new; do
    # median of each column on its own: wall, peak RSS (KB), CPU (user + sys)
    med() { awk "{ print $1 }" "$tmp/$which" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    wall=$(med '$1'); rss=$(med '$2'); cpu=$(med '$3 + $4')
    awk -v w="$which" -v name="$(basename "$in")" -v b="$bytes" -v t="$wall" -v c="$cpu" -v m="$rss" -v n="$runs" 'BEGIN {
      printf "%-4s %-14s wall %7.2f s %6.2f MB/s | CPU %7.2f s %6.2f MB per CPU-s | peak RSS %6.1f MB (median of %d)\n",
             w, name, t, b / 1e6 / t, c, b / 1e6 / c, m / 1024, n }'
  done
  rm -f "$tmp/old" "$tmp/new"
done
