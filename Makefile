# Two commands for a fresh machine (see README):  make serve  |  make test
# Everything is installed into .venv from the pinned versions in pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test lint check build bench clean

serve: $(VENV)/.installed ## preview the course with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --no-strict

test: lint ## lint and type check, then every test, browser tests included
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test ## ruff (lint and format) and mypy: seconds, so they fail before the long tests
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench
	$(BIN)/mypy

check: $(VENV)/.installed ## list every content problem (file:line: message)
	$(BIN)/course check

build: $(VENV)/.installed ## the strict build CI publishes (never add -v: MkDocs bug #3991)
	$(BIN)/mkdocs build --strict

bench: $(VENV)/.installed-test ## every benchmark, one after the other; writes bench/REPORT.md (bench/README.md)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf site .pytest_cache

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: install it and run again, e.g. make serve PYTHON=python3.12")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@
