"""Welkom, the instructor guide, the primer "Onderzoek lezen" and the praktijkkaarten (issue 21, items 4, 6 and 7):
every study time on Welkom and in the guide comes from book/studytime.py, Welkom explains the three ways to use the
course without shell commands, the primer sits in the back matter with its terms in the glossary, and every chapter
has a praktijkkaart in the table of contents that prints on one A4 page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from book import studytime
from conftest import ROOT
from test_voorspelling import sphinx_build

CHAPTERS_DIR = ROOT / "chapters"
WELKOM = CHAPTERS_DIR / "welkom.md"
GUIDE = CHAPTERS_DIR / "docentenhandleiding.md"
PRIMER = CHAPTERS_DIR / "onderzoek-lezen.md"
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))

ROLE = re.compile(r"\{studietijd(?:-totaal|-som)?\}`[^`]*`")
TYPED_TIME = re.compile(r"\d+\s*(?:minuten|minuut|min\b|uur\b|kwartier)|(?:half|anderhalf) uur", re.I)


def _part(caption: str) -> list[dict]:
    return next(part["chapters"] for part in TOC["parts"] if part["caption"] == caption)


def _name(entry: dict) -> str:
    return Path(entry["file"]).name


CHAPTERS = [_name(entry) for entry in _part("Hoofdstukken")]
"""The chapters, in the book's order (_toc.yml)."""


def _chapter_paths(name: str) -> list[Path]:
    """A chapter's page and the pages under it in _toc.yml, as the role counts them."""
    entry = next(e for e in _part("Hoofdstukken") if _name(e) == name)
    files = [entry["file"]] + [s["file"] for s in entry.get("sections", [])]
    return [next(ROOT.glob(f"{f}.*")) for f in files]


def _rows(text: str) -> dict[str, list[str]]:
    """A Markdown table's rows by the page their first cell links to: the other cells."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        link = re.search(r"\]\(([\w-]+)\.(?:ipynb|md)\)", cells[0]) if line.startswith("|") else None
        if link:
            rows[link.group(1)] = cells[1:]
    return rows


# Study time: computed, never typed ----------------------------------------------------------------------------

def test_welkom_en_de_handleiding_typen_geen_studieminuten():
    welkom = ROLE.sub(" ", WELKOM.read_text(encoding="utf-8"))
    assert TYPED_TIME.findall(welkom) == []
    rows = _rows(GUIDE.read_text(encoding="utf-8"))
    header = next(line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith("| Hoofdstuk"))
    assert [c.strip() for c in header.strip("|").split("|")] == ["Hoofdstuk", "Zelfstudie", "Lesplan"]
    # every lesson plan is one lesson of 90 minutes or two of 45 (test_werkblad), said once below the table
    for chapter in CHAPTERS:
        selfstudy, _ = rows[chapter]
        assert selfstudy == f"{{studietijd-totaal}}`{chapter}`"  # the self-study time only from the role


def test_welkom_noemt_elk_hoofdstuk_met_de_rol_en_telt_ze_op():
    text = WELKOM.read_text(encoding="utf-8")
    rows = _rows(text)
    for page in CHAPTERS + ["onderzoek-lezen"]:
        assert rows[page] == [f"{{studietijd}}`{page}`"]
    summed = re.search(r"\{studietijd-som\}`([^`]*)`", text).group(1)
    shown = [page for page, cells in rows.items() if cells[0].startswith("{studietijd}")]
    assert [p.strip() for p in summed.split(",")] == shown  # the total adds exactly the rows above it


def test_de_som_telt_de_afgeronde_totalen_zoals_ze_getoond_worden():
    assert studytime.summed(45) == "ongeveer 45 minuten"
    assert studytime.summed(95) == "ongeveer 95 minuten (ongeveer 1,5 uur)"
    assert studytime.summed(810) == "ongeveer 810 minuten (ongeveer 13,5 uur)"
    assert studytime.summed(840) == "ongeveer 840 minuten (ongeveer 14 uur)"


@pytest.mark.slow
def test_welkom_en_de_handleiding_tonen_de_berekende_tijd_van_elk_hoofdstuk(tmp_path):
    """A build of Welkom, the guide, the primer and every chapter (its pages under it as in _toc.yml): each time
    shown is the one book/studytime.py computes, and Welkom's total is the sum of its rows."""
    chapters = [entry for entry in _part("Hoofdstukken")]
    toc = {"format": "jb-book", "root": "chapters/welkom",
           "parts": [{"caption": "Hoofdstukken", "chapters": chapters},
                     {"caption": "Naslag", "chapters": [{"file": "chapters/onderzoek-lezen"},
                                                        {"file": "chapters/docentenhandleiding"}]}]}
    sources = [WELKOM, GUIDE, PRIMER] + [p for c in CHAPTERS for p in _chapter_paths(c)]
    files = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sources}
    files["_toc.yml"] = yaml.safe_dump(toc)
    out, warnings = sphinx_build(tmp_path, files, ["myst_nb", "sphinx_external_toc", "sphinx_exercise",
                                                   "sphinxcontrib.bibtex", "book.bank", "book.predictions",
                                                   "book.studytime"],
                                 root_doc="chapters/welkom", external_toc_path="_toc.yml")
    assert "tudietijd" not in warnings
    welkom = BeautifulSoup((out / "chapters/welkom.html").read_text(encoding="utf-8"), "html.parser")
    guide = BeautifulSoup((out / "chapters/docentenhandleiding.html").read_text(encoding="utf-8"), "html.parser")
    times = {c: studytime.pages_time([tmp_path / p.relative_to(ROOT) for p in _chapter_paths(c)]) for c in CHAPTERS}
    times["onderzoek-lezen"] = studytime.page_time(tmp_path / "chapters/onderzoek-lezen.md")
    shown = {}
    for row in welkom.select("tr"):
        link, span = row.select_one("a"), row.select_one("span.studietijd")
        if link and span:
            shown[link["href"].split(".")[0]] = span.get_text()
    assert shown == {page: studytime.in_table(time) for page, time in times.items()}
    total = welkom.select_one("span.studietijd-som").get_text()
    assert total == studytime.summed(sum(time.total for time in times.values()))
    in_guide = {row.select_one("a")["href"].split(".")[0]: row.select_one("span.studietijd").get_text()
                for row in guide.select("tr") if row.select_one("span.studietijd")}
    assert in_guide == {c: studytime.total(times[c]) for c in CHAPTERS}
    assert all(5 <= t.total <= 400 for t in times.values())


# Welkom: the three ways, in a trainer's words --------------------------------------------------------------------

def test_welkom_heeft_geen_opdrachten_voor_de_terminal():
    text = WELKOM.read_text(encoding="utf-8")
    assert not re.search(r"^(```|~~~)(?!\{)", text, re.M)  # no code block (directives only)
    assert "`" not in re.sub(r"\{[\w:-]+\}`[^`]*`", " ", text)  # no inline code: backticks only in roles
    assert not re.search(r"\b(make|python|pip|npm|jupyter-book)\s+[a-z-]", text)
    # the instructions that left Welkom are where an instructor and a maintainer look for them
    for where in (ROOT / "README.md", GUIDE):
        assert all(command in where.read_text(encoding="utf-8") for command in ("make present", "make pdf"))


def test_welkom_legt_de_drie_manieren_en_de_voorspellingen_uit():
    text = WELKOM.read_text(encoding="utf-8")
    ways = re.findall(r"^\*\*([^*]+)\.\*\*", text.split("## Drie manieren")[1].split("\n## ")[0], re.M)
    assert len(ways) == 3 and "browser" in ways[0] and "les" in ways[1] and "certificaat" in ways[2]
    for said in ("Start de interactieve versie", "ene Python", "data te sparen", "Kies eerst zelf een antwoord"):
        assert said in text
    assert "Schrijf eerst je voorspelling op" not in text  # the old way: the answer sat under the question


# Onderzoek lezen --------------------------------------------------------------------------------------------------

def _glossary() -> set[str]:
    text = (CHAPTERS_DIR / "woordenlijst.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    return {line.strip() for line in block.splitlines() if line and not line[0].isspace() and ":" not in line[:1]}


PRIMER_TERMS = {"gemiddelde", "spreiding", "standaardafwijking", "correlatie", "effectgrootte", "meta-analyse",
                "dierstudie", "gerandomiseerde studie"}


def test_onderzoek_lezen_staat_in_de_naslag_voor_de_woordenlijst():
    naslag = [_name(entry) for entry in _part("Naslag")]
    assert naslag.index("onderzoek-lezen") == naslag.index("woordenlijst") - 1


def test_de_begrippen_van_onderzoek_lezen_staan_in_de_woordenlijst_en_zijn_gelinkt():
    text = PRIMER.read_text(encoding="utf-8")
    linked = set(re.findall(r"\{term\}`([^`<]+?)\s*(?:<([^>]+)>)?`", text))
    targets = {target or term for term, target in linked}
    assert PRIMER_TERMS <= targets <= _glossary()


def test_onderzoek_lezen_is_kort_en_citeert_alleen_bestaande_bronnen():
    words = studytime.counts(PRIMER).main.words
    assert 600 <= words <= 1000
    bib = (CHAPTERS_DIR / "references.bib").read_text(encoding="utf-8")
    keys = {k.strip() for group in re.findall(r"\{cite(?::[tp])?\}`([^`]+)`", PRIMER.read_text(encoding="utf-8"))
            for k in group.split(",")}
    assert len(keys) >= 10 and all(re.search(rf"@\w+\{{{re.escape(k)},", bib) for k in keys)


# Praktijkkaarten ----------------------------------------------------------------------------------------------

CARDS = [_name(entry) for entry in _part("Praktijkkaarten")]
PARTS = ["In het kort", "Zo pas je het toe", "Zo leg je het uit", "Let op"]


def test_elk_hoofdstuk_heeft_een_praktijkkaart_in_de_inhoud_na_de_hoofdstukken():
    captions = [part["caption"] for part in TOC["parts"]]
    assert captions.index("Praktijkkaarten") == captions.index("Hoofdstukken") + 1
    assert CARDS == [f"praktijkkaart-{chapter}" for chapter in CHAPTERS]
    assert all((CHAPTERS_DIR / f"{card}.md").exists() for card in CARDS)


def _card_parts(card: str) -> dict[str, str]:
    text = (CHAPTERS_DIR / f"{card}.md").read_text(encoding="utf-8")
    pieces = re.split(r"```\{rubric\} (.+)\n:heading-level: 2\n```", text)
    return dict(zip(pieces[1::2], (p.strip() for p in pieces[2::2])))


@pytest.mark.parametrize("card", CARDS)
def test_een_praktijkkaart_heeft_de_vier_vaste_delen(card):
    text = (CHAPTERS_DIR / f"{card}.md").read_text(encoding="utf-8")
    chapter = card.removeprefix("praktijkkaart-")
    assert text.startswith("# Praktijkkaart: ") and f"{{doc}}`{chapter}`" in text
    assert "::::{container} praktijkkaart\n" in text and text.rstrip().endswith("::::")
    parts = _card_parts(card)
    assert list(parts) == PARTS
    assert len(re.findall(r"^- ", parts["In het kort"], re.M)) == 3
    assert 4 <= len(re.findall(r"^\d+\. ", parts["Zo pas je het toe"], re.M)) <= 6
    said = parts["Zo leg je het uit"]
    assert said.startswith('"') and 2 <= len(re.findall(r"[.!?](?=\s|\"|$)", said)) <= 3
    assert "\n" not in parts["Let op"].removesuffix("::::").strip()  # one line
    assert "{glue" not in text  # a card types no number a model computes


def _print_card(browser, folder: Path, card: str, text: str) -> PdfReader:
    """A card built alone with the book's theme and styles (the css files _config.yml registers), printed by
    Chromium on A4 with the margins of the book's PDF (book/handout.py)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    chapter = card.removeprefix("praktijkkaart-")
    files = {f"chapters/{card}.md": text, f"chapters/{chapter}.md": "# Hoofdstuk\n\nTekst.\n"}
    out, _ = sphinx_build(folder, files, ["myst_parser"], root_doc=f"chapters/{card}", html_theme="sphinx_book_theme",
                          language="nl", html_static_path=[str(CHAPTERS_DIR / "assets")],
                          html_css_files=config["html_css_files"])
    page = browser.new_page()
    try:
        page.goto((out / f"chapters/{card}.html").as_uri(), wait_until="load")
        page.emulate_media(media="print")
        pdf = folder / "kaart.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True,
                 margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
    finally:
        page.close()
    return PdfReader(str(pdf))


def test_de_kaartstijl_staat_in_de_configuratie():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    assert "praktijkkaart.css" in config["html_css_files"]
    assert (CHAPTERS_DIR / "assets/praktijkkaart.css").exists()


@pytest.mark.slow
@pytest.mark.parametrize("card", CARDS)
def test_een_praktijkkaart_past_op_een_a4(browser, tmp_path, card):
    text = (CHAPTERS_DIR / f"{card}.md").read_text(encoding="utf-8")
    pdf = _print_card(browser, tmp_path / "kaart", card, text)
    printed = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    title = text.splitlines()[0].removeprefix("# ")
    last = " ".join(_card_parts(card)["Let op"].removesuffix("::::").split()[-2:])  # pypdf may drop a letter
    assert len(pdf.pages) == 1 and printed.startswith(title) and last in printed  # the whole card, on one sheet


@pytest.mark.slow
def test_een_te_lange_kaart_past_niet_op_een_a4(browser, tmp_path):
    """The check above can fail: the same card with its rules three times over takes a second sheet."""
    card = CARDS[0]
    text = (CHAPTERS_DIR / f"{card}.md").read_text(encoding="utf-8")
    rules = _card_parts(card)["Zo pas je het toe"]
    pdf = _print_card(browser, tmp_path / "lang", card, text.replace(rules, "\n".join([rules] * 3)))
    assert len(pdf.pages) >= 2


@pytest.mark.slow
def test_in_de_pdf_van_het_boek_staat_elke_kaart_op_een_eigen_blad(browser, tmp_path):
    """The book's PDF (book/handout.py: the single-page book printed by Chromium on A4 with its margins and footer):
    after a chapter, two cards in a row each fill one sheet of their own, with no blank sheet between them."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from book import handout

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    cards = CARDS[:2]
    settings = {"extensions": ["myst_parser", "sphinx_external_toc"], "external_toc_path": "_toc.yml",
                "root_doc": "chapters/welkom", "html_theme": "sphinx_book_theme", "language": "nl",
                "html_static_path": [str(CHAPTERS_DIR / "assets")], "html_css_files": config["html_css_files"],
                "myst_enable_extensions": ["colon_fence"]}
    (tmp_path / "conf.py").write_text("".join(f"{k} = {v!r}\n" for k, v in settings.items()), encoding="utf-8")
    toc = {"format": "jb-book", "root": "chapters/welkom",
           "parts": [{"caption": "Hoofdstukken", "chapters": [{"file": "chapters/hoofdstuk"}]},
                     {"caption": "Praktijkkaarten", "chapters": [{"file": f"chapters/{card}"} for card in cards]}]}
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    pages = {"welkom": "# Welkom\n\n" + "Een zin op de eerste pagina. " * 150,
             "hoofdstuk": "# Hoofdstuk\n\n" + "Een zin in het hoofdstuk. " * 250}
    pages |= {card: (CHAPTERS_DIR / f"{card}.md").read_text(encoding="utf-8") for card in cards}
    pages |= {card.removeprefix("praktijkkaart-"): "# Hoofdstuk\n\nTekst.\n" for card in cards}
    for name, text in pages.items():
        (tmp_path / "chapters" / f"{name}.md").write_text(text, encoding="utf-8")
    with patch_docutils(tmp_path), docutils_namespace():
        Sphinx(tmp_path, tmp_path, tmp_path / "_build/singlehtml", tmp_path / "_build/doctrees", "singlehtml",
               status=None, warning=None, freshenv=True).build()
    page = browser.new_page()  # as handout.print_pdf prints the book (its own Chromium would clash with this one)
    try:
        page.goto(handout.book_page(tmp_path / "_build/singlehtml").resolve().as_uri(), wait_until="load")
        page.evaluate(handout.UNFOLD)
        page.emulate_media(media="print")
        page.pdf(path=str(tmp_path / "boek.pdf"), format="A4", print_background=True, display_header_footer=True,
                 margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                 header_template="<span></span>", footer_template=handout.FOOTER)
    finally:
        page.close()
    printed = [" ".join(page.extract_text().split()) for page in PdfReader(str(tmp_path / "boek.pdf")).pages]
    sheets = []
    for card in cards:
        title = pages[card].splitlines()[0].removeprefix("# ")
        last = " ".join(_card_parts(card)["Let op"].removesuffix("::::").split()[-2:])
        holding = [i for i, text in enumerate(printed) if title in text or last in text]
        assert len(holding) == 1 and printed[holding[0]].startswith(title)  # the whole card, alone on its sheet
        sheets += holding
    assert sheets[1] == sheets[0] + 1 and sheets[0] > 1  # after the chapter; no blank sheet between the cards
