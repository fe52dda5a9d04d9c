"""The built site: passes with warnings as errors, offline, links intact, figures static."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import CHAPTERS

pytestmark = pytest.mark.slow


def pages(built_book: Path):
    return sorted(p for p in built_book.rglob("*.html") if "_static" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_het_boek_heeft_de_verwachte_paginas(built_book):
    names = {p.relative_to(built_book).as_posix() for p in pages(built_book)}
    assert {"chapters/welkom.html", "chapters/woordenlijst.html", "chapters/bronnen.html"} <= names
    assert {f"chapters/{chapter}.html" for chapter in CHAPTERS} <= names


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
    assert doc.find(string=lambda s: s and "Zoeken" in s) or doc.find(attrs={"placeholder": lambda v: v and "Zoek" in v})


@pytest.mark.parametrize("chapter, title", CHAPTERS.items())
def test_hoofdstuk_toont_statische_verkennerfiguren_zonder_dode_knoppen(built_book, chapter, title):
    doc = soup(built_book / f"chapters/{chapter}.html")
    figures = doc.select("figure.verkenner-statisch img")
    assert len(figures) >= 3
    assert all(img["src"].startswith("data:image/png;base64,") for img in figures)
    assert any(title in img["alt"] for img in figures)
    assert not doc.select(".widget-slider, .jupyter-widgets input, .widget-box")


def test_mathjax_komt_van_de_site_zelf(built_book):
    assert (built_book / "_static/mathjax/tex-chtml.js").exists()
    for page in pages(built_book):
        for node in soup(page).find_all("script", src=True):
            if "mathjax" in node["src"].lower():
                assert not urlparse(node["src"]).scheme


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_opgaven_zelftoets_en_bronnen_staan_in_het_hoofdstuk(built_book, chapter):
    doc = soup(built_book / f"chapters/{chapter}.html")
    text = doc.get_text(" ")
    assert "Leerdoelen" in text and "Samenvatting" in text
    assert doc.select(".exercise") and doc.select(".solution")
    assert doc.select("a.reference.internal[href*='bronnen'], .citation, .bibtex, a[href*='#id']")
    assert doc.select("a[href*='woordenlijst']")
