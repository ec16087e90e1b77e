# Quick start: `make demo` (build, then render the samples into out/) and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
# Optimised as RelWithDebInfo is (-O2) but without debug information, which costs about a
# third of the compile time of a clean build (CI runs two clean builds on two cores).
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
# cmake --build runs make again: keep its output free of "Entering directory" lines.
MAKEFLAGS += --no-print-directory

.PHONY: all deps configure build demo test golden-update sanitize-build sanitize fuzz tsan bench bench-packet format clean

all: build

# Missing Debian packages: installed when root, else the command to run is printed.
deps:
	@./install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@./demo.sh $(BUILD)/src/app/tuijie

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Accepts the current page dumps of the golden documents (tests/golden/*/expected.txt, see
# tests/golden/README.md) after a reviewed change; `git diff tests/golden` shows what moved.
golden-update: configure
	@cmake --build $(BUILD) -j $(JOBS) --target test_golden
	@TUIJIE_GOLDEN_UPDATE=1 $(BUILD)/tests/golden/test_golden "[case]"
	@cd $(BUILD) && ctest --output-on-failure -R '^golden:'

# One clang build (build-asan/) serves the sanitizer tests and the fuzz targets: everything
# compiled with ASan + UBSan and libFuzzer's instrumentation (CMakeLists.txt, TUIJIE_SANITIZE).
# -O1 keeps the tests and the fuzzers fast enough; line tables are enough for the stacks.
SAN_FLAGS = -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
  -DCMAKE_C_FLAGS_DEBUG="-O1 -gline-tables-only"
# How long `make fuzz` runs each target (CI: 20 s, .ci/run).
FUZZ_SECONDS ?= 60

sanitize-build: deps
	@CC=clang CXX=clang++ cmake -S . -B build-asan $(SAN_FLAGS) -DTUIJIE_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)

# The tests under AddressSanitizer and UndefinedBehaviorSanitizer, and the fuzz targets' seeds
# and regression inputs (ctest label "fuzz").
sanitize: sanitize-build
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp \
	  ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS; a crash fails and names the input kept (fuzz/run.sh).
fuzz: sanitize-build
	@fuzz/run.sh build-asan $(FUZZ_SECONDS)

# ThreadSanitizer (build-tsan/): only the test binaries with "[threads]" test cases and the
# libraries they use (target threaded_tests), then only those cases.
tsan: deps
	@CC=clang CXX=clang++ cmake -S . -B build-tsan $(SAN_FLAGS) -DTUIJIE_TSAN=ON >/dev/null
	@cmake --build build-tsan -j $(JOBS) --target threaded_tests
	@cd build-tsan && TSAN_OPTIONS="second_deadlock_stack=1 suppressions=$(CURDIR)/.ci/tsan.supp" \
	  ctest --output-on-failure -L threads

# The benchmark: the peers' 500 generated records (../shared/peers/gen_records.py, fixed seed)
# rendered per file and combined, then the real form with camera photos. Prints its figures.
PEERS ?= ../shared/peers
bench: build
	@python3 $(PEERS)/gen_records.py 500 --out $(BUILD)/peer-records.json >/dev/null
	@$(BUILD)/src/bench/tuijie-bench --records $(BUILD)/peer-records.json --out $(BUILD)/bench-out

# The bureau's recommendation packet for 1, 500, 2000 and 5000 generated enterprises (fixed
# seed), each in a fresh temporary workspace; BENCH_PACKET_ARGS="-n 1,500" for fewer.
BENCH_PACKET_ARGS ?=
bench-packet: configure
	@cmake --build $(BUILD) -j $(JOBS) --target tuijie-bench
	@$(BUILD)/src/bench/tuijie-bench packet $(BENCH_PACKET_ARGS)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf $(BUILD) build-asan build-tsan out
