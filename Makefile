# Mathematics for Machine Learning: the executable textbook.
#   make serve   build the book and serve it on http://localhost:8000
#   make test    every check CI runs
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
# OUT=/tmp/x builds into /tmp/x/_build with its own execution cache (side builds in parallel).
OUT    ?= .
BUILD  := $(OUT)/_build
JB     := $(BIN)/python scripts/jb.py . --path-output $(OUT) -W -n --keep-going
# The build prints one line per executed page; hide the configuration noise around it.
QUIET  := sed -u 's/\x1b\[[0-9;]*m//g' | { grep --line-buffered -vE '^(myst v|myst-nb v|Running Jupyter-Book|Source Folder|Config Path|Output Path|Running Sphinx|loading|building \[|updating environment|reading sources|looking for|pickling|checking consistency|preparing documents|copying|dumping|writing|generating indices|highlighting|done$$|build succeeded|The HTML pages|Finished generating|.*Using cached notebook|making output|\[etoc\]|Using jupyter-cache|sphinx-multitoc|checking bibtex|.*Kernel is running over TCP|parsing bibtex|    \.\./|=+$$|Your book|    _build|You can look|Or paste|    file://|$$)' || true; }

export MFML_BUILD := $(BUILD)
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help install html pdf site notebooks serve test lint unit test-book test-pdf test-pages \
        test-colab colab-newest test-site test-site-html test-site-pdf test-floor test-serial bench clean requirements

help:
	@echo "make serve      build the HTML book and serve it on http://localhost:$(PORT)"
	@echo "make test       lint, unit tests, clean HTML + PDF build, Colab notebooks, browser checks, oldest deps"
	@echo "make html       build the HTML book (cached execution)"
	@echo "make pdf        build the PDF (needs TeX: see README) and put it in the site"
	@echo "make notebooks  generate the Colab notebooks into _build/colab"
	@echo "make bench      benchmarks: build times, page sizes, package code against NumPy"
	@echo "make clean      remove build output"

$(STAMP): requirements.txt code/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e code
	touch $@

install: $(STAMP)

html: $(STAMP)
	@mkdir -p $(BUILD) && $(BIN)/python scripts/preexecute.py 2> $(BUILD)/preexecute.log
	@$(JB) --builder html 2>&1 | $(QUIET)
	@# the header's .ipynb download is the notebook Colab opens (install cell, plain Markdown)
	@$(BIN)/python scripts/colab.py --out $(BUILD)/html/_sources > /dev/null
	@echo "HTML built: $(BUILD)/html/index.html"

pdf: $(STAMP)
	@command -v xelatex >/dev/null || { echo "PDF: XeLaTeX is missing. Install it with: sudo bash .ci/system-packages.sh"; exit 1; }
	@mkdir -p $(BUILD) && $(BIN)/python scripts/preexecute.py 2> $(BUILD)/preexecute.log
	@$(JB) --builder pdflatex > $(BUILD)/pdf.log 2>&1 || { \
	  grep -E "WARNING|ERROR|CRITICAL|^!" $(BUILD)/pdf.log; tail -40 $(BUILD)/pdf.log; \
	  echo "PDF build failed: the whole log is $(BUILD)/pdf.log"; exit 1; }
	@mkdir -p $(BUILD)/html
	@cp $(BUILD)/latex/mathforml-book.pdf $(BUILD)/html/mathforml-book.pdf
	@mkdir -p $(BUILD)/html/_static && echo "window.MFML_PDF = true;" > $(BUILD)/html/_static/mfml-pdf.js
	@echo "PDF built: $(BUILD)/latex/mathforml-book.pdf ($$(pdfinfo $(BUILD)/latex/mathforml-book.pdf 2>/dev/null | awk '/^Pages/{print $$2}') pages), linked from the site"

site: html pdf

notebooks: html
	$(BIN)/python scripts/colab.py --out $(BUILD)/colab

# With XeLaTeX present the site gets its PDF; without it the sidebar says how to get one.
# While it serves, a saved edit to a chapter, the configuration or the package rebuilds the HTML.
serve:
	@if command -v xelatex >/dev/null; then $(MAKE) --no-print-directory pdf; fi
	@$(MAKE) --no-print-directory html
	@$(BIN)/python scripts/serve.py $(BUILD) $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check code tests scripts book/_ext

unit: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests --ignore=tests/book code/src --doctest-modules

test-book: $(STAMP)
	rm -rf $(BUILD)
	MFML_CHECK_FIGNUMBERS=1 $(MAKE) --no-print-directory html

test-pdf: $(STAMP)
	@if ! command -v xelatex >/dev/null; then \
	  if [ -n "$${CI:-}" ]; then echo "FAIL: XeLaTeX missing. Install: sudo bash .ci/system-packages.sh"; exit 1; fi; \
	  echo "!!!!!!!! PDF NOT BUILT: XeLaTeX missing (sudo bash .ci/system-packages.sh) !!!!!!!!"; \
	  echo "!!!!!!!! test-pdf FAILED LOUDLY, continuing only because CI is not set    !!!!!!!!"; \
	else $(MAKE) --no-print-directory pdf; fi

# The Colab notebooks (hidden cells included) run top to bottom in a Colab-like environment
# at the oldest versions the book declares (numpy 1.26, scipy 1.11.4, matplotlib 3.8,
# scikit-learn 1.3.2). At the newest pins the book build has just run the same cells:
# `make colab-newest` runs the notebooks there too.
test-colab: $(STAMP)
	$(BIN)/python scripts/colab.py --out $(BUILD)/colab --local --reuse $(BUILD)/html/_sources
	$(BIN)/python scripts/run_colab.py $(BUILD)/colab --floor

colab-newest: $(STAMP)
	$(BIN)/python scripts/colab.py --out $(BUILD)/colab --local
	$(BIN)/python scripts/run_colab.py $(BUILD)/colab

# The reader's copy (visible cells) needs nothing a hidden cell defines; widths, digits,
# plain "Chapter 3" mentions and listings, without a browser (outputs: from test-book's build).
test-pages: $(STAMP)
	$(BIN)/python scripts/pagecheck.py

# Two workers, one browser per core: the accessibility audit of every page dominates.
# test-site-html needs only the HTML build; test-site-pdf needs the PDF in the site too (the
# PDF, its link, and every link of the site resolving: the sidebar links the PDF). make test
# runs test-site-html beside the PDF build.
test-site: test-site-html test-site-pdf

SITE_PDF_TESTS := tests/book/test_pdf.py tests/book/test_links.py \
                  tests/book/test_site.py::test_pdf_link_works

test-site-html: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests/book $(foreach t,$(SITE_PDF_TESTS),--deselect $(t))

test-site-pdf: $(STAMP)
	$(BIN)/python -m pytest -q $(SITE_PDF_TESTS)

test-floor: $(STAMP)
	$(BIN)/python scripts/floor_env.py

# Stages in order; independent ones run side by side (scripts/run_tests.py says which), and
# the end prints each stage's seconds. `make test-serial` runs them one at a time.
test: $(STAMP)
	@$(BIN)/python scripts/run_tests.py

test-serial: $(STAMP)
	@$(BIN)/python scripts/run_tests.py --serial

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

requirements:
	$(PYTHON) -m venv /tmp/mfml-freeze && /tmp/mfml-freeze/bin/pip install -q -r requirements.in
	/tmp/mfml-freeze/bin/pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf $(BUILD)
