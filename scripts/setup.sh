#!/usr/bin/env bash
# sitrep set-up on a fresh Debian machine: installs what is missing, builds,
# then does what is asked.  Idempotent; installs only missing packages.
#
#   scripts/setup.sh demo    build, ingest the sample articles into a database
#                            (build/demo.db) and print the situation report
#   scripts/setup.sh test    build and run the whole test suite: ctest, the
#                            Python package's tests (pytest, with a local Dask
#                            cluster), then ASan+UBSan, valgrind and a short fuzz run
#   scripts/setup.sh build   only install and build
#   scripts/setup.sh install [PREFIX]   build, then install sitrep under PREFIX
#                            (/usr/local): the CLI, sitrep(1), libsitrep.so,
#                            sitrep.h, sitrep.pc and the Python package
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

build_pkgs="gcc make cmake pkg-config libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev libsqlite3-dev libgeoip-dev unicode-cldr-core wamerican
            iso-codes curl ca-certificates"
test_pkgs="clang libclang-rt-14-dev valgrind python3 gzip chromium
           python3-pytest python3-pandas python3-dask python3-distributed"

missing=""
want="$build_pkgs"
[ "$what" = test ] && want="$want $test_pkgs"
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  aptlog=$(mktemp)
  if ! { $SUDO apt-get update -qq && \
         $SUDO apt-get install -y -qq --no-install-recommends $missing; } >"$aptlog" 2>&1; then
    cat "$aptlog" >&2
    echo "setup: could not install$missing" >&2
    exit 1
  fi
  rm -f "$aptlog"
fi

# GeoNames places for the gazetteer, fetched once; CMake reads SITREP_DATA_DIR.
export SITREP_DATA_DIR=${SITREP_DATA_DIR:-$HOME/.cache/sitrep}
if ! bash scripts/fetch-geonames.sh "$SITREP_DATA_DIR"; then
  echo "setup: could not fetch the GeoNames places file into $SITREP_DATA_DIR" >&2
  exit 1
fi

log=$(mktemp)
if ! make -s all >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup: build failed" >&2
  exit 1
fi
rm -f "$log"

case "$what" in
  build) ;;
  demo)
    rm -f build/demo.db build/demo.db-wal build/demo.db-shm
    ./build/sitrep ingest build/demo.db samples
    ./build/sitrep report build/demo.db --html build/demo.html
    echo
    ./build/sitrep report build/demo.db
    echo
    echo "(the same report as one page: build/demo.html)"
    ;;
  test)
    # Every suite runs even when one fails; the last line sums them up.
    passed=0; failed=0; failures=""
    for suite in check pytest asan valgrind fuzz; do
      echo "== make $suite"
      if make -s "$suite" FUZZ_SECONDS="${FUZZ_SECONDS:-20}"; then
        passed=$((passed + 1))
      else
        failed=$((failed + 1)); failures="$failures $suite"
      fi
    done
    [ -n "$failures" ] && echo "failed suites:$failures"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    ;;
  install)
    cmake -S . -B build -DCMAKE_INSTALL_PREFIX="${2:-/usr/local}" >/dev/null
    cmake --install build
    ldconfig 2>/dev/null || true
    ;;
  *) echo "usage: scripts/setup.sh [build|demo|test|install [PREFIX]]" >&2; exit 2 ;;
esac
