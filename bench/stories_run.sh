#!/usr/bin/env bash
# bench/stories_run.sh BUILD_DIR -- sitrep's stories beside the textbook
# baseline (bench/stories_baseline.c: TF-IDF vectors of content words,
# cosine, single link at 0.3) on the story dev sets, scored by
# ../shared/tools/score-stories: ECB+ whole and its held-out part (the last
# fifth of its topics, scripts/dev-split), WCEP (September 2015) whole and
# held out.  Prints one line per system and set.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${1:-build}
case $build in /*) ;; *) build=$repo/$build ;; esac
shared=$(realpath "${SITREP_SHARED:-$repo/../shared}")
score=$shared/tools/score-stories
[[ -x $build/sitrep && -x $build/bench/stories_baseline ]] || { echo "stories_run.sh: build first (make)" >&2; exit 2; }
split=$build/dev-split
python3 "$repo/scripts/dev-split" "$shared/dev" "$split" >/dev/null || exit 2
for set in "ecbplus:$shared/dev/ecbplus" "ecbplus held:$split/ecbplus/held" \
           "wcep:$shared/dev/wcep-2015-09" "wcep held:$split/wcep/held"; do
  name=${set%%:*} data=${set#*:}
  for sys in "sitrep:$build/sitrep" "baseline:$build/bench/stories_baseline"; do
    label=${sys%%:*} bin=${sys#*:}
    printf '%-13s %-9s %s\n' "$name" "$label" "$("$score" --run "$bin" --data "$data" | tail -1 | sed 's/^stories: //')"
  done
done
