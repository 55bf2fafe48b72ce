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

# From the npm registry: what the built site serves itself (Mermaid, Panzoom: diagrams work
# offline), and for the tests the peers' own tools that check archdoc's exports (LikeC4, D2,
# Backstage's catalog model) — package.json's devDependencies.
SITE_NPM := node_modules/.archdoc-site
TOOLS_NPM := node_modules/.archdoc-tools

$(SITE_NPM): package.json package-lock.json
	bash scripts/setup-npm.sh site
	touch $@

$(TOOLS_NPM): package.json package-lock.json
	bash scripts/setup-npm.sh tools
	touch $(SITE_NPM) $@

setup: $(STAMP) $(TOOLS_NPM)
	bash scripts/setup-system.sh
	bash scripts/setup-zensical.sh

docs: $(STAMP) $(SITE_NPM)
	bash scripts/setup-system.sh --docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/python scripts/build_sites.py

# Lint, type-check and look for dead code first (ruff's rules, mypy's and vulture's settings are
# in pyproject.toml); the import contracts run in the suite (tests/test_architecture.py).
test: setup
	$(BIN)/ruff check plugins tests bench scripts model
	$(BIN)/mypy
	$(BIN)/vulture
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

bench: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/python bench/run.py

serve: $(STAMP) $(SITE_NPM)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

clean:
	rm -rf site build/archdoc .pytest_cache .hypothesis bench/out
