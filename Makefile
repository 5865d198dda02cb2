# Thin wrapper over CMake.  `make` builds build/sitrep (warnings are errors
# here: SITREP_WERROR); `make check` runs the tests; `make pytest` the
# Python package's tests; `make asan` builds and tests under AddressSanitizer + UBSan;
# `make valgrind` runs the tests under valgrind; `make fuzz` builds and
# briefly runs the fuzz targets (`make fuzz-long`: ten million executions each); `make bench` runs the benchmarks.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
# Debian's python3 (python3-pytest, -pandas, -dask, -distributed belong to it)
PYTHON ?= /usr/bin/python3

.PHONY: all check pytest asan valgrind fuzz fuzz-long bench bench-corpus bench-stories bench-order bench-web bench-ingest bench-ingest-steps \
	bench-ingest-scale bench-extract-memory bench-dask demo clean

all:
	cmake -S . -B $(BUILD) -DSITREP_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

check: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

pytest: all
	SITREP_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q python/tests

asan:
	cmake -S . -B build-asan -DSITREP_SANITIZE=ON -DSITREP_WERROR=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# (the store's tests drive Debian's SQLite and zlib, whose WAL frames and
# deflate window valgrind flags as uninitialised: they run under ASan; so
# do bench_corpus_10k's 10,000 articles, too slow under valgrind)
valgrind: all
	cd $(BUILD) && ctest --output-on-failure -T memcheck -E '^(cli_|test_store_|bench_)' \
	  --overwrite MemoryCheckCommandOptions="--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"

fuzz:
	cmake -S . -B build-fuzz -DSITREP_FUZZ=ON -DSITREP_WERROR=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	bash fuzz/run.sh build-fuzz $(or $(FUZZ_SECONDS),30)

# every fuzz target for FUZZ_RUNS executions (10 million, inputs up to
# 16 KiB) then ten minutes with inputs up to 1 MiB, one after the other on
# one core, built without sanitizers and comparison tracing for throughput
# (hours: fuzz/long.sh prints each target's count and time; fuzz/README.md)
fuzz-long:
	cmake -S . -B build-fuzzlong -DSITREP_FUZZ=ON -DSITREP_FUZZ_SANITIZE=OFF -DSITREP_FUZZ_TRACE_CMP=OFF -DSITREP_WERROR=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build build-fuzzlong -j $(JOBS)
	bash fuzz/long.sh build-fuzzlong $(or $(FUZZ_RUNS),10000000)

bench: all
	bash bench/run.sh $(BUILD)

# duplicates, stories and corroboration at 10k, 100k and 1M articles (about 4 minutes)
bench-corpus: all
	bash bench/corpus_run.sh $(BUILD)

# stories beside the TF-IDF single-link baseline on the story dev sets (about a minute)
bench-stories: all
	bash bench/stories_run.sh $(BUILD)

# the records of 20,000 generated articles in file order and shuffled are the same (about 4 minutes)
bench-order: all
	bash bench/order_run.sh $(BUILD)

# sitrep ingest into SQLite: articles per second and database size at 1,000 and 10,000 articles
bench-ingest: all
	bash bench/ingest_run.sh $(BUILD)

# what one more batch costs as the store grows: 20 ingests of 1,000 articles each
bench-ingest-steps: all
	bash bench/ingest_steps.sh $(BUILD)

# the store at feed scale: 1,000,000 generated articles in batches of 10,000 on one
# core, the cost of a batch per 100,000 stored, database size, query latencies
# (hours; SCALE_N=100000 for a shorter run)
SCALE_N ?= 1000000
bench-ingest-scale: all
	bash bench/ingest_scale.sh $(BUILD) $(SCALE_N) 10000 $$(( $(SCALE_N) / 10 ))

# peak memory of `sitrep extract` over a quarter, half and all of EXTRACT_MB MB of
# generated articles, and its growth per MB of input (about 2 minutes per 100 MB)
EXTRACT_MB ?= 200
bench-extract-memory: all
	bash bench/extract_memory.sh $(BUILD) $(EXTRACT_MB)

# web pages: main-text F1 and throughput beside Readability.js and readability-lxml (about 1 minute)
bench-web: all
	bash bench/web_run.sh $(BUILD)

# sitrep.dask: 100,000 generated articles with 1 and 2 workers (about 15 minutes)
bench-dask: all
	$(PYTHON) bench/dask_bench.py $(BUILD)

demo: all
	rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	./$(BUILD)/sitrep ingest $(BUILD)/demo.db samples
	./$(BUILD)/sitrep report $(BUILD)/demo.db

clean:
	rm -rf $(BUILD) build-asan build-fuzz
