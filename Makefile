# archdoc — the two commands: `make docs` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material for MkDocs 9.8 prints a banner on every `mkdocs` run; our builds keep the log to
# what archdoc and MkDocs find.
export NO_MKDOCS_2_WARNING := 1

.PHONY: docs test bench serve setup clean

# The virtual environment, with archdoc (editable) and its test dependencies.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Mermaid from the npm registry, for diagrams served from the built site (offline).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: $(STAMP) node_modules/.package-lock.json
	bash scripts/setup-system.sh

docs: $(STAMP) node_modules/.package-lock.json
	bash scripts/setup-system.sh --docs
	$(BIN)/python scripts/build_sites.py

test: setup
	$(BIN)/python -m pytest

bench: $(STAMP) node_modules/.package-lock.json
	$(BIN)/python bench/run.py

serve: $(STAMP) node_modules/.package-lock.json
	$(BIN)/mkdocs serve

clean:
	rm -rf site .pytest_cache .hypothesis bench/out
