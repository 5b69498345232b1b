# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claims/claims.db

.PHONY: demo test lint bench clean browse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/verify --db $(DB) run seeds sources --out reports
	@echo "Reports: reports/index.md. Browse the database: make browse"

lint: $(STAMP)
	$(BIN)/ruff check verify tests benchmarks

test: lint
	$(BIN)/python -m pytest

# Datasette on the claims database, with the shipped metadata (runs the demo first if needed).
browse: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[browse]"
	test -f $(DB) || $(BIN)/verify --db $(DB) run seeds sources --out reports
	$(BIN)/datasette $(DB) -m verify/datasette-metadata.yml

clean:
	rm -rf $(VENV) claims/*.db claims/*.db-wal claims/*.db-shm reports/*.md
