#!/usr/bin/env bash
# bench/corpus_run.sh BUILD_DIR [N...] -- duplicates, stories and
# corroboration over synthetic articles (bench/corpus_bench.c), by default
# at 10,000, 100,000 and 1,000,000 articles, each on one core
# (taskset -c ${SITREP_BENCH_CPU:-0}), with the process's peak memory.
# The source texts are the samples and the spec fixtures of the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000 1000000)
bench=$build/bench/sitrep_corpus_bench
[[ -x $bench ]] || { echo "corpus_run.sh: $bench not built (run make first)" >&2; exit 2; }
pin=()
cpu=${SITREP_BENCH_CPU:-0}
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then
  pin=(taskset -c "$cpu")
fi
shopt -s nullglob
sources=("$repo"/samples/*.txt "$repo"/tests/fixtures/*.spec)
for n in "${sizes[@]}"; do
  echo "== $n articles"
  /usr/bin/time -f 'process: %e s wall, peak RSS %M KB' "${pin[@]}" "$bench" --articles "$n" "${sources[@]}"
done
