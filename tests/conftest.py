"""Shared fixtures: required tools, the built book, its server on 127.0.0.1 (a free port), the browser."""

from __future__ import annotations

import functools
import http.server
import importlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]


def _pages_with_explorers() -> dict[str, str]:
    """Each learner page that shows explorers, in the book's order, with the title of the first one it shows."""
    from book import chapters
    from explorers import registry

    titles = {name: function.__annotations__["return"] for name, function in registry().items()}
    found = {}
    for page in LEARNER_PAGES:
        calls = chapters.explorers_on(page)
        if calls:
            module = importlib.import_module(registry()[calls[0]].__module__)
            found[page] = getattr(module, titles[calls[0]]).title
    return found


def _learner_pages() -> list[str]:
    """Every page of the chapters (the part "Hoofdstukken" of _toc.yml), in the book's order."""
    from book import chapters

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [page for part in toc["parts"] if part["caption"] == "Hoofdstukken" for entry in part["chapters"]
            for page in chapters.pages(Path(entry["file"]).name)]


LEARNER_PAGES = _learner_pages()
"""Every page of the chapters: each has learning goals, exercises and a self-test."""
EXPLORER_PAGES = _pages_with_explorers()
"""Each learner page with explorers, and the title of an explorer it shows."""
BANKED_CHAPTERS = sorted(p.stem for p in (ROOT / "chapters/vragenbank").glob("*.yml"))
"""The chapters with a question bank (and an instructors' page)."""

BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
HUNSPELL_NL = Path("/usr/share/hunspell/nl.dic")


def require(condition: bool, what: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI, where `make test` installs it."""
    if condition:
        return
    message = f"{what} ontbreekt (installeer met `make test`, als root)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder ``name`` that ``build(folder)`` fills, built once for the whole test run.

    `make test` runs the tests in parallel processes (pytest-xdist), each with its own session fixtures. The first
    process to ask builds, under a lock that also keeps two builds from running at once (they share one notebook
    cache, :func:`book_config`); the others wait for it and use the same folder.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, above each process's
    folder, done = shared / name, shared / f"{name}.klaar"
    with FileLock(shared / "bouwen.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def book_config(tmp_path_factory) -> Path:
    """The book's ``_config.yml`` with one change for the run's three builds (the site, the instructor edition, the
    PDF): each notebook is executed once and its outputs shared, through a Jupyter cache in a temporary folder made new
    for every run, so no output outlives the code that made it. The book itself builds with ``force``."""
    def write(folder):
        config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
        assert config["execute"]["execute_notebooks"] == "force"
        config["execute"] |= {"execute_notebooks": "cache", "cache": str(folder / "jupyter_cache")}
        # "./" meant next to _config.yml, the repository's root
        config["sphinx"]["local_extensions"] = {name: str(ROOT) for name in config["sphinx"]["local_extensions"]}
        (folder / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")

    return built_once(tmp_path_factory, "config", write) / "_config.yml"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, book_config) -> Path:
    """Build the whole book once, warnings as errors, into a temporary folder.

    Pyodide is bundled from the test fixture (`make pyodide-test`), so the in-browser
    explorers run with no host but 127.0.0.1.
    """
    require((ROOT / "_build/vendor/mathjax/tex-chtml.js").exists(), "MathJax (make vendor)")
    require((ROOT / "_build/pyodide-test").exists(), "Pyodide-testpakketten (make pyodide-test)")

    def build(out):
        result = subprocess.run(
            [str(BIN / "jupyter-book"), "build", str(ROOT), "-W", "--keep-going", "--config", str(book_config),
             "--path-output", str(out)], capture_output=True, text=True, timeout=1200,
            env={**os.environ, "PYODIDE": str(ROOT / "_build/pyodide-test")})
        assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]

    return built_once(tmp_path_factory, "book", build) / "_build" / "html"


@pytest.fixture(scope="session")
def built_docent(tmp_path_factory, book_config) -> Path:
    """Build the instructor edition once (`make docent`, book/edition.py), warnings as errors."""
    def build(folder):
        result = subprocess.run([str(BIN / "python"), "-m", "book.edition", str(folder / "docent"), "--config",
                                 str(book_config)], capture_output=True, text=True, timeout=1200, cwd=ROOT,
                                env={**os.environ, "PYODIDE": str(ROOT / "_build/pyodide-test")})
        assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]

    return built_once(tmp_path_factory, "docent", build) / "docent"


@pytest.fixture(scope="session")
def site(built_book):
    """The built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_book))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require(shutil.which("chromium") is not None or Path(CHROMIUM).exists(), "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


def predict_all(page) -> None:
    """Answer every prediction on the page (its first option), as a learner who has been through it: the explorers'
    figures and the explanations, hidden until a choice (book/predictions.py), unfold."""
    page.evaluate("""() => { for (const prediction of document.querySelectorAll("div.voorspelling")) {
        prediction.querySelector("button.voorspelling-knop")?.click(); } }""")


SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}})"
"""A browser that asks to save data: the page does not start Python before the click (chapters/assets/live.js)."""


@pytest.fixture
def page(browser):
    """A fresh page on which every request off 127.0.0.1 is blocked and recorded, as is every script error nothing
    caught. Its browser asks to save data, so Python starts only when a test clicks (not in the background of every
    page a test visits)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    page.blocked = []
    page.errors = []  # what the page's scripts threw and nothing caught
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def route(r):
        host = r.request.url.split("/")[2].split(":")[0] if "://" in r.request.url else ""
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            page.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    yield page
    context.close()
