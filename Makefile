# Two entry points for a fresh machine: `make run` and `make test`.
# The virtual environment lives in .venv and is built with Python >= 3.12
# (FalkorDB Lite, used to test the Cypher export, needs it).
PYTHON ?= $(shell for p in python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[23]*/bin/python3 2>/dev/null); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
# Stamps: what has been installed into .venv, redone when pyproject.toml changes.
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: run test bench browser clean

# `make run` installs only what `jishi` needs (a minute or less); pip shows what it fetches.
$(RUNTIME): pyproject.toml
	@test -x $(BIN)/python || test -n "$(PYTHON)" || \
		{ echo "Python >= 3.12 not found (tried python3.13, python3.12, ~/.pyenv/versions/3.12*)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e .
	touch $@

# `make test` adds the test extras (pytest, hypothesis, playwright, FalkorDB Lite, matplotlib, ...)
# to the same .venv; FalkorDB Lite builds from source, which takes a few minutes the first time.
$(TESTING): $(RUNTIME)
	$(BIN)/pip install -e '.[test]'
	touch $@

run: $(RUNTIME)
	$(BIN)/jishi build seeds -o out

# Chromium for the network page's browser test; a small CJK font (1.6 MB) so that Chinese
# labels render in the test's screenshot and in `jishi stats --plot` charts. Debian's packages,
# so it needs root: `sudo make browser`. `make test` does not ask for it (without Chromium the
# browser test is skipped and says why); CI (.ci/run) runs `make browser test`.
browser:
	@if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "chromium and a CJK font are installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -q && apt-get install -y -q chromium fonts-wqy-microhei; \
	else \
		echo "installing Debian's chromium and fonts-wqy-microhei needs root: sudo make browser"; exit 1; \
	fi

test: $(TESTING)
	$(BIN)/python -m pytest -q -rs -n 2 tests

bench: $(TESTING)
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf $(VENV) out
