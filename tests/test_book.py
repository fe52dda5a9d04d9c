"""The built site: passes with warnings as errors, offline, links intact, figures static."""

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import BANKED_CHAPTERS, BIN, EXPLORER_PAGES, LEARNER_PAGES, ROOT, require

pytestmark = pytest.mark.slow


def pages(built_book: Path):
    return sorted(p for p in built_book.rglob("*.html") if "_static" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_het_boek_heeft_de_verwachte_paginas(built_book):
    names = {p.relative_to(built_book).as_posix() for p in pages(built_book)}
    assert {"chapters/welkom.html", "chapters/woordenlijst.html", "chapters/bronnen.html"} <= names
    assert {f"chapters/{chapter}.html" for chapter in EXPLORER_PAGES} <= names


def test_geen_script_of_stijl_van_buiten_de_site(built_book):
    external = []
    for page in pages(built_book):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in doc.find_all(tag):
                url = node.get(attr) or ""
                if tag == "link" and "stylesheet" not in (node.get("rel") or []) \
                        and node.get("as") not in {"script", "style", "font"}:
                    continue
                if urlparse(url).scheme in {"http", "https"} or url.startswith("//"):
                    external.append((page.name, url))
    assert external == []


def test_interne_links_werken(built_book):
    broken = []
    for page in pages(built_book):
        for a in soup(page).find_all("a", href=True):
            url = urlparse(a["href"])
            if url.scheme or url.netloc or not url.path:
                continue
            target = (page.parent / url.path).resolve()
            if not target.exists():
                broken.append((page.name, a["href"]))
    assert broken == []


def test_de_site_is_nederlandstalig(built_book):
    doc = soup(built_book / "chapters/hormonen.html")
    assert doc.html.get("lang") == "nl"
    assert (doc.find(string=lambda s: s and "Zoeken" in s)
            or doc.find(attrs={"placeholder": lambda v: v and "Zoek" in v}))


def test_de_vertalingen_en_aanpassingen_van_het_thema_staan_in_de_paginas(built_book):
    from book import theme

    html = [page.read_text(encoding="utf-8") for page in pages(built_book)]
    for english, dutch in theme.MESSAGES.items():
        assert any(dutch in page for page in html), english
    for old, new in theme.FIXES:
        assert not any(old in page for page in html) and any(new in page for page in html), old
    assert all(f'placeholder="{theme.SEARCH}"' in page for page in html if "bd-search" in page)


@pytest.mark.parametrize("chapter, title", EXPLORER_PAGES.items())
def test_hoofdstuk_toont_statische_verkennerfiguren_zonder_dode_knoppen(built_book, chapter, title):
    doc = soup(built_book / f"chapters/{chapter}.html")
    figures = doc.select("figure.verkenner-statisch img")
    assert len(figures) >= 3
    assert all(img["src"].startswith("data:image/png;base64,") for img in figures)
    assert any(title in img["alt"] for img in figures)
    assert not doc.select(".widget-slider, .jupyter-widgets input, .widget-box")
    for figure in doc.select("figure.verkenner-statisch"):  # hidden until live.js knows the live site exists
        assert figure.select_one("button.verkenner-start[hidden]").get_text() == "Start de interactieve versie"
        assert figure["data-code"].startswith("from explorers.")


def test_mathjax_komt_van_de_site_zelf(built_book):
    assert (built_book / "_static/mathjax/tex-chtml.js").exists()
    for page in pages(built_book):
        for node in soup(page).find_all("script", src=True):
            if "mathjax" in node["src"].lower():
                assert not urlparse(node["src"]).scheme


@pytest.mark.parametrize("chapter", LEARNER_PAGES)
def test_opgaven_zelftoets_en_bronnen_staan_in_het_hoofdstuk(built_book, chapter):
    doc = soup(built_book / f"chapters/{chapter}.html")
    text = doc.get_text(" ")
    assert "Leerdoelen" in text and "Samenvatting" in text
    assert doc.select(".exercise") and doc.select(".solution")
    assert doc.select("a.reference.internal[href*='bronnen'], .citation, .bibtex, a[href*='#id']")
    assert doc.select("a[href*='woordenlijst']")


def test_startknoppen_openen_een_hoofdstuk_op_de_ingestelde_hub(tmp_path):
    """A deployer fills in a repository and a hub in _config.yml; each chapter gets launch links."""
    import yaml

    require((ROOT / "_build/pyodide-test").exists(), "Pyodide-testpakketten (make pyodide-test)")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["repository"]["url"] = "https://github.com/opleiding/krachtfysiologie"
    config["launch_buttons"] |= {"jupyterhub_url": "https://hub.voorbeeld.nl", "binderhub_url": "https://mybinder.org"}
    config["execute"]["execute_notebooks"] = "off"  # only the page's header matters here
    # the book's tooling from the repository's root (the paths are relative to the config file)
    config["sphinx"]["local_extensions"] = dict.fromkeys(config["sphinx"]["local_extensions"], str(ROOT))
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: chapters/welkom\nchapters:\n"
                                       "- file: chapters/satellietcellen\n", encoding="utf-8")
    subprocess.run([str(BIN / "jupyter-book"), "build", str(ROOT), "--config", str(tmp_path / "_config.yml"),
                    "--toc", str(tmp_path / "_toc.yml"), "--path-output", str(tmp_path)],
                   capture_output=True, text=True, timeout=600, check=True,
                   env={**os.environ, "PYODIDE": str(ROOT / "_build/pyodide-test")})
    links = {a["href"] for a in soup(tmp_path / "_build/html/chapters/satellietcellen.html").find_all("a", href=True)}
    assert any(link.startswith("https://hub.voorbeeld.nl/hub/user-redirect/git-pull?repo=https")
               and "satellietcellen.ipynb" in link for link in links)
    assert any(link.startswith("https://mybinder.org/v2/gh/opleiding/krachtfysiologie/main") for link in links)


QUOTES = str.maketrans("", "", "\"'‘’‚“”„")
"""Quotation marks, which Sphinx turns into typographic ones: left out when texts are compared."""


def _plain(text: str) -> str:
    return " ".join(text.translate(QUOTES).split())


def _exam_only_questions() -> list[str]:
    """The questions the bank keeps for exams (not in a self-test), as plain text (those without Markdown)."""
    from book import bank

    return [_plain(item["question"]) for chapter in BANKED_CHAPTERS for item in bank.questions(chapter)
            if not item["self_test"] and not re.search(r"[{}`*_\[]", item["question"])]


def test_de_openbare_site_bevat_geen_docentenmateriaal(built_book):
    names = {p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")}
    assert not [n for n in names if n.startswith("chapters/docent") or n == "chapters/toetsvragen.html"]
    questions = _exam_only_questions()
    assert len(questions) >= 20
    for path in [*built_book.rglob("*.html"), built_book / "searchindex.js"]:
        text = _plain(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" "))
        assert not [q for q in questions if q in text], path.name  # no exam-only question, not even in the search
        assert "Modelantwoord" not in text and "Beoordeling (maximaal" not in text and "Antwoordsleutel" not in text


def test_de_docenteneditie_is_de_openbare_site_met_het_deel_voor_docenten(built_book, built_docent):
    from book import edition

    public = {p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")}
    instructors = {p.relative_to(built_docent).as_posix() for p in built_docent.rglob("*.html")}
    added = {f"chapters/{page}.html" for page in edition.instructor_pages()} | {
        "chapters/docentenhandleiding.html", "chapters/toetsvragen.html"}
    assert public <= instructors and instructors - public == added
    assert len(edition.instructor_pages()) == len(BANKED_CHAPTERS)
    text = " ".join(_plain(soup(built_docent / page).get_text(" ")) for page in added)
    assert [q for q in _exam_only_questions() if q not in text] == []  # every exam question is there


@pytest.mark.parametrize("chapter", BANKED_CHAPTERS)
def test_docentenhandleiding_heeft_lesplan_en_alle_antwoorden_per_hoofdstuk(built_docent, chapter):
    from book import bank, chapters

    doc = soup(built_docent / f"chapters/docent-{chapter}.html")
    text = " ".join(doc.get_text(" ").split()).replace("’", "'")  # Sphinx's smart quotes back to plain ones
    headings = [h.get_text(" ", strip=True) for h in doc.select("h2")]
    for section in ("Leerdoelen", "Lesplan", "Misvattingen en hoe de verkenner ze blootlegt", "Discussievragen",
                    "Antwoorden op de opgaven", "Zelftoets en toetsvragen per leerdoel"):
        assert any(h.startswith(section) for h in headings), (section, headings)
    assert doc.select("table")  # the lesson plan with its timings
    source = "".join("".join(c["source"]) for page in chapters.pages(chapter) for c in chapters.notebook(page)["cells"])
    labels = re.findall(r"```\{exercise\}[^\n]*\n:label: (\S+)", source)
    links = {a["href"].split("#")[-1] for a in doc.select("a.reference.internal[href*='#']")}
    assert labels and set(labels) <= links  # every exercise's worked solution is linked
    for number, goal in enumerate(chapters.learning_goals(chapter), start=1):
        assert f"Leerdoel {number}." in text
    for item in bank.questions(chapter):  # every bank question with its answer (open ones: their model answer)
        assert " ".join(bank.answer_text(item).split()[:6]).strip("*_") in text


def test_vragenbank_overzicht_is_een_tabel_met_elk_hoofdstuk(built_docent):
    from book import bank, chapters

    rows = soup(built_docent / "chapters/toetsvragen.html").select("table tbody tr")
    titles = [row.find("td").get_text(strip=True) for row in rows]
    assert titles == [chapters.title(name) for name in chapters.in_order() if (bank.BANK / f"{name}.yml").exists()]
