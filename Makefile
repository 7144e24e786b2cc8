# zsdreport: `make build` installs into .venv and builds data/2023H1; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DATA ?= data/2023H1

.PHONY: build test check lint types format golden docs-images bench mutation clean

build: $(VENV)/.installed
	$(BIN)/zsdreport build $(DATA)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

test: $(VENV)/.dev
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs

types: $(VENV)/.dev
	$(BIN)/mypy

check: lint types test

format: $(VENV)/.dev
	$(BIN)/ruff check --fix src tests benchmarks docs
	$(BIN)/ruff format src tests benchmarks docs

# Rewrite the golden files from the current output; review the diff before committing.
golden: $(VENV)/.dev
	$(BIN)/python -m pytest --update-golden -q

docs-images: $(VENV)/.installed
	$(BIN)/python docs/make_images.py

# The editing loop's figures (issue 13) as ratios with their targets; REPEATS=n for more rounds.
bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_editor.py

# Mutation testing of the pure core (slow, not part of `make test`): score per module, survivors.
mutation: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e '.[dev,mutation]'
	$(BIN)/python tests/mutation_score.py

clean:
	rm -rf build mutants $(VENV) .pytest_cache .mypy_cache .ruff_cache
