# The two commands of the README:  `make run`  and  `make test`.
# Each installs what it needs into .venv first (once, and again when pyproject.toml changes).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test check lint types layers alembic-check bench bench-smoke clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

## run: install, then start the bot (the local console when no Slack credentials are set)
run: $(BIN)/.installed
	$(BIN)/committee-bot run

## test: install, then run the whole suite against SQLite and PostgreSQL
test: $(BIN)/.installed
	$(BIN)/python -m pytest

## check: ruff, mypy, the layers (import-linter, .importlinter) and `alembic check` (models and migrations agree)
check: lint types layers alembic-check

lint: $(BIN)/.installed
	$(BIN)/ruff check bot tests bench migrations
	$(BIN)/ruff format --check bot

types: $(BIN)/.installed
	$(BIN)/mypy

layers: $(BIN)/.installed
	$(BIN)/lint-imports

alembic-check: $(BIN)/.installed
	$(BIN)/python -m tests.alembic_check

bench: $(BIN)/.installed
	$(BIN)/python -m bench

bench-smoke: $(BIN)/.installed
	$(BIN)/python -m bench --smoke

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
