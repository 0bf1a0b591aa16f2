# studybot: `make run` starts the bot (or the offline console without a token); `make test` runs the tests.
# Each target creates or refreshes .venv from pyproject.toml first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint console bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "studybot needs Python 3.11 or newer; set PYTHON=python3.11")'
	@echo "Setting up $(VENV) (the first time takes a minute or two; later runs skip this)..."
	@test -x $(BIN)/python || { echo "  creating the virtual environment with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@echo "  updating pip"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@echo "  installing studybot and its dependencies from pyproject.toml (with the test tools and an embedded PostgreSQL for the tests)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)
	@echo "$(VENV) is ready."

run: $(STAMP)
	@$(BIN)/python -m bot run --console-without-token

console: $(STAMP)
	@$(BIN)/python -m bot console

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

BENCH := .bench

bench: $(STAMP)
	@mkdir -p $(BENCH)
	test -d $(BENCH)/kb100k || $(BIN)/python -m benchmarks.lookup --make-kb $(BENCH)/kb100k --terms 100000
	$(BIN)/python -m benchmarks.queries --kb $(BENCH)/kb100k --out $(BENCH)/q100k.tsv --per-kind 2000
	$(BIN)/python -m benchmarks.lookup --kb $(BENCH)/kb100k --queries $(BENCH)/q100k.tsv \
		--expected $(BENCH)/q100k.tsv.expected.json --naive 400 --json > $(BENCH)/lookup-100k.json
	$(BIN)/python -m benchmarks.quiz --store sqlite --json > $(BENCH)/quiz-sqlite.json
	$(BIN)/python -m benchmarks.quiz --store postgresql --json > $(BENCH)/quiz-postgresql.json
	$(BIN)/python -m benchmarks.responsive > $(BENCH)/responsive.json
	$(BIN)/python -m benchmarks.notes_memory --json > $(BENCH)/notes-memory.json
	$(BIN)/python -m benchmarks.markup --length 2000
	$(BIN)/python -m benchmarks.markup --length 4000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
