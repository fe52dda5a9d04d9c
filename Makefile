# The course's commands. `make book` and `make test` work on a fresh machine: they create
# the Python environment, fetch the vendored JavaScript and (for the tests) the Debian
# packages, then build or test.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
INSTALLED := $(VENV)/.installed
VENDOR   := _build/vendor
HOOFDSTUK ?= hormonen
POORT    ?= 8866

# MathJax 3, served from the site itself; the tarball is checked against this npm integrity.
MATHJAX := mathjax@3.2.2
MATHJAX_INTEGRITY := sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==

.PHONY: book test bench present install vendor system-deps clean

book: install vendor ## build the site into _build/html
	$(BIN)/jupyter-book build . -W --keep-going
	@echo "Klaar. Open _build/html/index.html in je browser (of: $(BIN)/python -m http.server -d _build/html)."

test: install vendor system-deps ## run every test
	$(BIN)/python -m pytest

bench: install vendor ## measure speed; prints one JSON object per line
	$(BIN)/python benchmarks/run.py

present: install ## show a chapter's explorers live (Voilà), e.g. make present HOOFDSTUK=hormonen
	$(BIN)/python -m explorers.presentation chapters/$(HOOFDSTUK).ipynb _build/present/$(HOOFDSTUK).ipynb
	$(BIN)/voila _build/present/$(HOOFDSTUK).ipynb --port=$(POORT) --Voila.ip=127.0.0.1

install: $(INSTALLED)

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax  # see requirements.txt
	touch $@

vendor: $(VENDOR)/mathjax/tex-chtml.js

$(VENDOR)/mathjax/tex-chtml.js: Makefile
	rm -rf $(VENDOR)/mathjax $(VENDOR)/tmp && mkdir -p $(VENDOR)/tmp
	cd $(VENDOR)/tmp && npm pack --silent $(MATHJAX) --json > pack.json
	grep -q '"integrity": "$(MATHJAX_INTEGRITY)"' $(VENDOR)/tmp/pack.json
	tar -xzf $(VENDOR)/tmp/mathjax-*.tgz -C $(VENDOR)/tmp
	mkdir -p $(VENDOR)/mathjax/output/chtml/fonts
	cp $(VENDOR)/tmp/package/es5/tex-chtml.js $(VENDOR)/mathjax/
	cp -r $(VENDOR)/tmp/package/es5/output/chtml/fonts/woff-v2 $(VENDOR)/mathjax/output/chtml/fonts/
	rm -rf $(VENDOR)/tmp

# Chromium (browser tests) and the Dutch dictionary (spelling test), from Debian.
system-deps:
	@if command -v chromium >/dev/null 2>&1 && [ -f /usr/share/hunspell/nl.dic ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium hunspell-nl >/dev/null; \
	else echo "Let op: installeer chromium en hunspell-nl (sudo apt-get install chromium hunspell-nl)."; fi

clean:
	rm -rf _build
