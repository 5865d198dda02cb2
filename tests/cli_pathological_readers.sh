#!/usr/bin/env bash
# cli_pathological_readers.sh SITREP TESTS_SRC_DIR SHARED_DIR
#
# The pathological inputs of tests/pathological.py (attribute floods,
# entity bombs, ...), each at ten times the size that was slow before, run
# under a time limit a linear implementation meets.  Prints each case's
# time and peak memory.
set -u
sitrep=${1:?usage: cli_pathological_readers.sh PATH/TO/sitrep TESTS_SRC_DIR SHARED_DIR}
src=${2:-$(dirname "$0")}
if ! command -v python3 >/dev/null; then
    echo "python3 not found: skipped" >&2
    exit 77
fi
exec python3 "$src/pathological.py" "$sitrep"
