#!/usr/bin/env bash
# bench/web_run.sh BUILD_DIR [PEERS_DIR] -- web pages: main-text quality and throughput on
# the 181-page article-extraction benchmark in ../shared/bench/article-extraction, side by
# side with the peers (Readability.js on jsdom, readability-lxml, installed by
# ../shared/peers/setup.sh into PEERS_DIR, default build/peers), and the share of pages
# whose title, date and author sitrep finds.  One core (taskset), pages gzip-compressed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
peers=${2:-$build/peers}
shared=${SITREP_SHARED:-$(dirname "$repo")/shared}
pages=$shared/bench/article-extraction/html
[[ -d $pages ]] || { echo "web_run.sh: $pages not found (../shared beside the repository)" >&2; exit 2; }
[[ -x $build/sitrep && -x $build/bench/sitrep_bench ]] || { echo "web_run.sh: build first (make)" >&2; exit 2; }
cpu=${SITREP_BENCH_CPU:-0}
pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi

echo "== main text, F1 by the benchmark's method, with the published figures of other extractors"
"$shared/tools/score-extraction" --run "$build/sitrep" --peers
echo
echo "== the library alone, through the public API (median of 5 passes over the 181 pages)"
"${pin[@]}" "$build/bench/sitrep_bench" --repeat 5 --only-read "$pages" | tail -1
"${pin[@]}" "$build/bench/sitrep_bench" --repeat 5 "$pages" | tail -1
echo
echo "== side by side, whole processes on one core (sitrep extract --text does the whole analysis)"
"$shared/peers/compare-extraction" "$build/sitrep" "$peers" 2>&1 | grep -v '^npm warn'
echo
echo "== metadata"
t=$(mktemp); trap 'rm -f "$t"' EXIT
"$build/sitrep" extract "$pages"/*.html.gz > "$t" 2>/dev/null || true
python3 "$here/web_meta.py" "$t" "$pages"
