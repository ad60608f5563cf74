# Two commands for a fresh machine (see README):  make serve  |  make test
# Everything is installed into .venv at the versions of requirements.lock, which pins every
# package the pins of pyproject.toml pull in (make lock writes it again).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
PIP    := pip==26.3
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-facilitator test lint check build facilitator bench lock clean

serve: $(VENV)/.installed ## preview the course with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --no-strict

serve-facilitator: $(VENV)/.installed ## preview the facilitator edition (trainer guide, notes, answer key)
	COURSE_EDITION=facilitator $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --no-strict

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

facilitator: $(VENV)/.installed ## the facilitator edition into site-facilitator/ (holds the answers: never publish it)
	COURSE_EDITION=facilitator $(BIN)/mkdocs build --strict --site-dir site-facilitator

bench: $(VENV)/.installed-test ## every benchmark, one after the other; writes bench/REPORT.md (bench/README.md)
	$(BIN)/python bench/run_all.py

# After changing a pin in pyproject.toml: keeps every other package at its locked version.
# To move everything to the newest versions the pins allow: rm requirements.lock && make lock
lock: ## write requirements.lock again from pyproject.toml (pip-tools, in its own .venv-lock)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet $(PIP) pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --extra test --extra links --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

clean:
	rm -rf site site-facilitator .pytest_cache .venv-lock

$(VENV)/.installed: pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: install it and run again, e.g. make serve PYTHON=python3.12")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(PIP)
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
	@touch $@
