# `make run` and `make test` each set up everything they need on a fresh machine:
# Debian packages (Qt's libraries, Xvfb, Chromium, exiftool), the virtual environment in .venv,
# and the project with its test tools. Later runs only install what is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
E2E := tests/e2e
E2E_STAMP := $(E2E)/node_modules/.installed-$(shell sha1sum $(E2E)/package-lock.json | cut -c1-12)

.PHONY: run test setup system-packages lint bench screenshots clean

run: setup
	$(BIN)/quiltarchive-gui

test: setup $(E2E_STAMP)
	$(BIN)/python -m pytest

setup: system-packages $(STAMP)

system-packages:
	@scripts/install-system-packages.sh

$(STAMP): pyproject.toml | system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

# axe-core, the accessibility judge of the gallery tests, from the npm registry (package-lock.json).
$(E2E_STAMP): $(E2E)/package-lock.json | system-packages
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy

bench: setup
	$(BIN)/python -m bench
	$(BIN)/python -m bench.profile_import
	$(BIN)/python -m bench.first_touch

screenshots: setup
	$(BIN)/python scripts/gallery_screenshots.py
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache $(E2E)/node_modules
