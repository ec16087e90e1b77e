# Quick start: `make demo` (build, then render the samples into out/) and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
# Optimised as RelWithDebInfo is (-O2) but without debug information, which costs about a
# third of the compile time of a clean build (CI runs two clean builds on two cores).
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
# cmake --build runs make again: keep its output free of "Entering directory" lines.
MAKEFLAGS += --no-print-directory

.PHONY: all deps configure build demo test sanitize bench format clean

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

# The tests again under AddressSanitizer and UndefinedBehaviorSanitizer (a separate build).
sanitize: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
	  -DTUIJIE_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp \
	  ctest --output-on-failure -j $(JOBS)

# The benchmark: the peers' 500 generated records (../shared/peers/gen_records.py, fixed seed)
# rendered per file and combined, then the real form with camera photos. Prints its figures.
PEERS ?= ../shared/peers
bench: build
	@python3 $(PEERS)/gen_records.py 500 --out $(BUILD)/peer-records.json >/dev/null
	@$(BUILD)/src/bench/tuijie-bench --records $(BUILD)/peer-records.json --out $(BUILD)/bench-out

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf $(BUILD) build-asan out
