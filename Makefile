# Two commands from a fresh machine (Python 3.11+, make, git):
#   make serve   set everything up, then build and serve the site at http://127.0.0.1:8000/
#   make test    set everything up, then run every check (lint, unit, build and browser tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: serve build test lint clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

build: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

lint: $(INSTALLED)
	$(BIN)/ruff check .

test: $(INSTALLED) lint
	CHROMIUM="$$(sh tests/find-chromium.sh)" && export CHROMIUM && \
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest

clean:
	rm -rf site $(VENV) *.egg-info
