# archdoc — the two commands: `make docs` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

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

# `npm ci` refuses a lock file that lacks an optional package the registry does not serve (a
# registry mirror without vite's Windows-only napi-windows-process-start-time); `npm install
# --no-save` then installs the same locked versions without rewriting the lock file.
NPM_FLAGS := --no-audit --no-fund --loglevel=error

$(SITE_NPM): package.json package-lock.json
	npm ci --omit=dev $(NPM_FLAGS) || npm install --no-save --omit=dev $(NPM_FLAGS)
	touch $@

$(TOOLS_NPM): package.json package-lock.json
	npm ci $(NPM_FLAGS) || npm install --no-save $(NPM_FLAGS)
	touch $(SITE_NPM) $@

setup: $(STAMP) $(TOOLS_NPM)
	bash scripts/setup-system.sh

docs: $(STAMP) $(SITE_NPM)
	bash scripts/setup-system.sh --docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/python scripts/build_sites.py

test: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

bench: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/python bench/run.py

serve: $(STAMP) $(SITE_NPM)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

clean:
	rm -rf site .pytest_cache .hypothesis bench/out
