# origo: the two commands a new user runs (README.md), plus build and conformance.
# Every target installs the Debian packages it needs first (tools/setup.sh).

BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: all setup configure build demo check conformance clean

all: build

setup:
	@tools/setup.sh

$(BUILD)/build.ninja:
	@tools/setup.sh
	cmake -S . -B $(BUILD) -G Ninja \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: $(BUILD)/build.ninja

build: configure
	ninja -C $(BUILD) -j $(JOBS)

demo: build
	@tools/demo.sh $(BUILD)

check: build
	@python3 tools/check.py --build $(BUILD)

conformance: build
	@python3 tools/conformance/run.py --origo $(BUILD)/bin/origo --arch amd64 --arch arm64

clean:
	rm -rf $(BUILD)
