# Two entry points for a fresh machine: `make run` and `make test`.
# The virtual environment lives in .venv and is built with Python >= 3.12
# (FalkorDB Lite, used to test the Cypher export, needs it).
PYTHON ?= $(shell for p in python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[23]*/bin/python3 2>/dev/null); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench browser clean

$(BIN)/jishi: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found (tried python3.13, python3.12, ~/.pyenv/versions/3.12*)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/jishi

run: $(BIN)/jishi
	$(BIN)/jishi build seeds -o out

# Chromium for the network page's browser test; a small CJK font (1.6 MB) so that Chinese
# labels render in the test's screenshot and in `jishi stats --plot` charts.
browser:
	@{ command -v chromium && fc-list :lang=zh | grep -q .; } >/dev/null 2>&1 || \
		{ apt-get update -q && apt-get install -y -q chromium fonts-wqy-microhei; }

test: $(BIN)/jishi browser
	$(BIN)/python -m pytest -q -n 2 tests

bench: $(BIN)/jishi
	$(BIN)/python benchmarks/bench_build.py

clean:
	rm -rf $(VENV) out
