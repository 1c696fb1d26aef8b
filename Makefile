# armstrace: two commands for people, `make run` and `make test`; the rest are helpers.
#
#   make run         set up .venv and front end, ingest examples/corpus, serve the workbench
#   make test        system packages if missing, .venv, npm, lint, types, data, every test
#   make test-fast   the tests without the slow group, on SQLite only
#   make lint        ruff (lint + format check) and mypy --strict
#   make check-data  validate the data files (gazetteer, lexicon, markings, sanctions, signals)
#   make summary     print what the store holds (status and the first claims)
#   make eval        score the extractor on the shared dev set (../shared), when present
#   make serve       the workbench on http://127.0.0.1:8000 (after make run)
#   make bench       throughput, memory and query-latency benchmarks (bench-quick: under 2 min)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
SHARED ?= ../shared
EXAMPLES := examples/corpus
PYTEST_ARGS ?=

# Debian packages, installed only when something they bring is missing, and only as root with
# apt-get. One line per need: a shell test that passes when it is present @ the package.
# PostgreSQL (pg_virtualenv) for the tests; ICU headers, pkg-config and g++ to build pyicu
# (followthemoney needs it, there is no wheel); Chromium for the browser tests; poppler and
# Pango/HarfBuzz/DejaVu for PDF briefings; npm for the workbench's front-end libraries; ip and
# unshare for the URL-ingest (SSRF) test's private network namespace.
define SYSTEM_NEEDS
command -v pg_virtualenv @ postgresql-common
command -v initdb || ls /usr/lib/postgresql/*/bin/initdb @ postgresql
command -v pkg-config @ pkg-config
pkg-config --exists icu-uc @ libicu-dev
command -v g++ @ g++
$(PYTHON) -c 'import ensurepip' @ python3-venv
command -v chromium @ chromium
command -v pdftoppm @ poppler-utils
ldconfig -p | grep -q 'libpango-1.0.so' @ libpango-1.0-0
ldconfig -p | grep -q 'libpangoft2-1.0.so' @ libpangoft2-1.0-0
ldconfig -p | grep -q 'libharfbuzz-subset.so' @ libharfbuzz-subset0
fc-list 2>/dev/null | grep -qi dejavu @ fonts-dejavu-core
command -v npm @ npm
command -v ip @ iproute2
command -v unshare @ util-linux
endef
export SYSTEM_NEEDS

# The last step of `make run`: the workbench on http://127.0.0.1:8000 (Ctrl-C stops it).
# `make run PRESENT=summary` prints what was found instead, for a terminal-only look.
PRESENT ?= serve

.PHONY: help run summary serve test test-fast lint check-data eval system-packages venv bench bench-quick

help:
	@grep '^#   make ' Makefile | sed 's/^# //'

run: $(STAMP) $(NODE_STAMP)
	@# exit code 1 means "some inputs failed": they are listed; still show what was stored
	$(BIN)/armstrace ingest $(EXAMPLES) || [ $$? -eq 1 ]
	@$(MAKE) --no-print-directory $(PRESENT)

summary: $(STAMP)
	$(BIN)/armstrace status
	$(BIN)/armstrace claims --limit 30

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/armstrace serve

venv: $(STAMP)

system-packages:
	@missing=$$(printf '%s\n' "$$SYSTEM_NEEDS" | while IFS='@' read -r check package; do \
		sh -c "$$check" >/dev/null 2>&1 || echo $$package; done); \
	if [ -z "$$missing" ]; then \
		:; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
		echo "note: not installed:" $$missing "(needs root and apt-get); tests that need them skip" >&2; \
	fi

$(BIN)/python: | system-packages
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "armstrace needs Python 3.11 or newer as $(PYTHON)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml or the pinned versions changed. constraints.txt pins what
# the suite last passed with, so a new upstream release cannot break a clean checkout.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# Front-end libraries, served locally by the workbench (never from a CDN).
$(NODE_STAMP): package-lock.json | system-packages
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund; \
	else \
		echo "note: npm not found: the workbench's charts and maps will be missing" >&2; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

check-data: $(STAMP)
	$(BIN)/python -m armstrace.datacheck

# Every test, slow group included, against a throwaway PostgreSQL cluster when possible
# (-t: in a temporary directory, so a leftover or concurrent cluster does not get in the way).
test: system-packages $(STAMP) $(NODE_STAMP) lint check-data
	@if command -v pg_virtualenv >/dev/null; then \
		pg_virtualenv -t sh -c 'ARMSTRACE_TEST_PG="postgresql+psycopg://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/pytest $(PYTEST_ARGS)'; \
	else \
		echo "note: pg_virtualenv not found: the PostgreSQL tests skip" >&2; \
		$(BIN)/pytest $(PYTEST_ARGS); \
	fi

test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow" $(PYTEST_ARGS)

eval: $(STAMP)
	@if [ -f $(SHARED)/corpus/dev/gold.jsonl ]; then \
		$(BIN)/armstrace evaluate $(SHARED)/corpus/dev/gold.jsonl --docs $(SHARED)/corpus/dev/docs; \
	else \
		echo "no $(SHARED)/corpus/dev: nothing to evaluate" >&2; \
	fi

# Benchmarks print ratios against a baseline measured in the same run; results in bench/results/.
bench: $(STAMP)
	pg_virtualenv -t sh -c 'ARMSTRACE_BENCH_PG="postgresql+psycopg://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/python bench/run.py'

bench-quick: $(STAMP)
	pg_virtualenv -t sh -c 'ARMSTRACE_BENCH_PG="postgresql+psycopg://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/python bench/run.py --quick'
