# Two commands from a fresh machine (Python 3.11+, make, git):
#   make serve   set everything up, then build and serve every edition at http://127.0.0.1:8000/
#   make test    set everything up, then run every check (lint, unit, build and browser tests; the key
#                paths in Chromium, Firefox and WebKit: scripts/find-*.sh install the browsers if missing),
#                in two pytest-xdist workers (TEST_WORKERS=0 runs them in one process)
#   make test-fast  lint, the unit tests and the checks of sources that need no build and no browser
#                (under a minute: the loop while you work; make test before you commit)
# For maintainers:
#   make build   build every edition into site/ (ENGINE=mkdocs, properdocs or zensical; default mkdocs)
#   make check   check every page and setting without building
#   make urls    add new page, section and quiz addresses to tests/data/published-urls.txt
#   make bench   build overhead of our features (100, 500, 1,000 pages, cold and warm) and page weight (benchmarks/README.md)
#   make fuzz    the property-based tests of quizzes and settings with a long budget (minutes, new
#                examples every run; make test runs a few seconds of fixed ones)
#   make mutate  the mutation score of the engine-free core (mutmut, one core, about 30 minutes);
#                fails below 90 % in any module. MODULES=finding_balance/check.py tries one module
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The Nu Html Checker for the tests, pinned by package-lock.json (needs Java: scripts/find-java.sh).
NODE_INSTALLED := node_modules/.installed

ENGINE ?= mkdocs
UV_VERSION := 0.13.9

# make test's pytest-xdist workers: the site is built once for all of them (tests/conftest.py).
TEST_WORKERS ?= 2
# What make test-fast runs: no build, no browser.
FAST_TESTS := tests/unit tests/content/test_glossary.py tests/test_architecture.py

.PHONY: serve build check test test-fast lint clean bench urls fuzz mutate

# uv installs the same pinned packages as pip would, about six times faster (4 s against 24 s here).
$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[engines,gates,test]'
	touch $@

# --ignore-scripts: vnu-jar's install script would download a Java; the tests use Debian's.
$(NODE_INSTALLED): package.json package-lock.json
	NPM="$$(sh scripts/find-npm.sh)" && "$$NPM" ci --ignore-scripts --no-audit --no-fund
	touch $@

serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m finding_balance serve

build: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m finding_balance build --engine $(ENGINE)

check: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m finding_balance check

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(INSTALLED) $(NODE_INSTALLED) lint
	CHROMIUM="$$($(BIN)/python -m finding_balance.gates.browser)" && export CHROMIUM && \
	FIREFOX="$$(sh scripts/find-firefox.sh)" && export FIREFOX && \
	WEBKIT="$$(sh scripts/find-webkit.sh)" && export WEBKIT && \
	JAVA="$$(sh scripts/find-java.sh)" && export JAVA && \
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

test-fast: $(INSTALLED) lint
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest -n $(TEST_WORKERS) $(FAST_TESTS)

# Published addresses must keep working (tests/content/test_published_addresses.py): after adding a
# page, a section or a quiz, run this and commit the list. It never removes an address; one that goes
# needs a redirect.
urls: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m finding_balance urls --list tests/data/published-urls.txt

# Not part of test: 20 to 30 minutes on 2 cores (cold builds, then warm ones with the QR codes kept).
# Lighthouse is separate: benchmarks/lighthouse.py.
bench: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/build_overhead.py --pages 100 500 1000 --warm --breakdown
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/page_weight.py

# Thousands of fresh examples per test (tests/support/fuzzing.py, profile "fuzz"); a failure prints the
# smallest example found and is kept in .hypothesis/ to be tried first next time.
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz NO_MKDOCS_2_WARNING=1 $(BIN)/pytest tests/unit/test_fuzz_quizzes.py tests/unit/test_fuzz_settings.py

# The score per module, the survivors named; equivalent mutants are listed in tests/data/mutants-equivalent.yml.
# Not part of test: it runs the unit tests once for every mutant (scripts/mutation_score.py).
mutate: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python scripts/mutation_score.py $(MODULES)

clean:
	rm -rf site mutants $(VENV) *.egg-info node_modules .cache/finding-balance
