"""Lessons that fit (issue 22, item 5): every instructors' page has a plan for one lesson of 90 minutes and one for
two lessons of 45 minutes, with timings that add up, the pages to read beforehand (their computed study time, never
typed minutes) and a printable worksheet per lesson ({werkblad}, book/worksheet.py) that holds the chosen
predictions and quick checks of the chapter's own pages, without answers, and prints on A4."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from book import chapters, studytime, worksheet
from conftest import BANKED_CHAPTERS, ROOT
from test_voorspelling import sphinx_build
from test_welkom_en_kaarten import TYPED_TIME

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
PLAN_90, PLAN_45 = "## Lesplan: één les van 90 minuten", "## Lesplan: twee lessen van 45 minuten"
PRE_READING = "**Vooraf lezen.**"
WORKSHEET = re.compile(r"^:::\{werkblad\} (\S+)\n((?::[\w-]+:.*\n)*)(.*?)^:::$", re.M | re.S)
ROW = re.compile(r"^\| (\d+)–(\d+) \| ([^|]+) \| (.+) \|$", re.M)
MARGINS = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}  # as book/handout.py prints


# Reading the instructors' pages ----------------------------------------------------------------------------------

def instructor_text(chapter: str) -> str:
    """The Markdown of an instructors' page, its cells joined."""
    cells = json.loads((ROOT / f"chapters/docent-{chapter}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(cell["source"]) for cell in cells)


def section(text: str, heading: str) -> str:
    """The text under a level-2 heading, up to the next one."""
    start = text.index(heading + "\n")
    end = text.find("\n## ", start + len(heading))
    return text[start:end if end > 0 else None]


def lessons(text: str) -> dict[str, str]:
    """Each lesson's text: the 90-minute plan, and the two lessons of the 45-minute plan (its "### Les" parts)."""
    found = {"90": section(text, PLAN_90)}
    parts = re.split(r"^### (Les \d)\b.*$", section(text, PLAN_45), flags=re.M)
    found.update({name: body for name, body in zip(parts[1::2], parts[2::2])})
    return found


def rows(lesson: str) -> list[tuple[int, int, str, str]]:
    """The lesson's plan: (start, end, part, what you do) per row of its table."""
    return [(int(a), int(b), part.strip(), what) for a, b, part, what in ROW.findall(lesson)]


def numbers(text: str, word: str) -> set[int]:
    """The numbers a text gives after the word (a pattern): "controlevraag 5", "controlevragen 3, 5 en 7"."""
    found = set()
    for listed in re.findall(rf"{word} (\d+(?:(?:, | en )\d+)*)", text, flags=re.I):
        found |= {int(n) for n in re.findall(r"\d+", listed)}
    return found


def worksheets(lesson: str) -> list[tuple[str, dict[str, str], str]]:
    """The {werkblad} directives in a lesson's text: chapter, options, content."""
    return [(chapter, dict(re.findall(r"^:([\w-]+): (.*)$", options, flags=re.M)), content.strip())
            for chapter, options, content in WORKSHEET.findall(lesson)]


def listed(value: str) -> set[int]:
    return {int(n) for n in value.split(",")}


def plan_problems(chapter: str, text: str) -> list[str]:
    """What is wrong with an instructors' page's plans, in words (nothing when all is right)."""
    problems = []
    found = lessons(text)
    if set(found) != {"90", "Les 1", "Les 2"}:
        return [f"lessen gevonden: {sorted(found)}"]
    available = {kind: sum(b.kind == kind for b in chapter_blocks(chapter)) for kind in worksheet.KINDS.values()}
    for name, lesson in found.items():
        plan, length = rows(lesson), 90 if name == "90" else 45
        if not plan or plan[0][0] != 0 or plan[-1][1] != length:
            problems.append(f"{name}: begint niet op 0 of eindigt niet op {length}")
        problems += [f"{name}: {a}–{b} sluit niet aan" for (_, a, _, _), (b, *_) in zip(plan, plan[1:]) if a != b]
        problems += [f"{name}: {a}–{b} is leeg of loopt terug" for a, b, *_ in plan if b <= a]
        if plan and (plan[0][2] != "Aankomst en terugblik" or plan[-1][2] != "Afsluitende check"):
            problems.append(f"{name}: begint niet met aankomst en terugblik of eindigt niet met een check")
        predicted = {int(part.split()[1]): b - a for a, b, part, _ in plan if re.fullmatch(r"Voorspelling \d+", part)}
        problems += [f"{name}: voorspelling {n} krijgt {m} minuten" for n, m in predicted.items() if not 5 <= m <= 8]
        sheets = worksheets(lesson)
        if len(sheets) != 1 or sheets[0][0] != chapter:
            problems.append(f"{name}: {len(sheets)} werkbladen in plaats van één voor {chapter}")
            continue
        options = sheets[0][1]
        if set(predicted) != listed(options.get("voorspellingen", "0")):
            problems.append(f"{name}: voorspellingen in de tabel {sorted(predicted)}, op het werkblad "
                            f"{options.get('voorspellingen')}")
        checks = numbers(" ".join(what for *_, what in plan), "controlevra(?:ag|gen)")
        if checks != listed(options.get("controlevragen", "0")) or not checks:
            problems.append(f"{name}: controlevragen in de tabel {sorted(checks)}, op het werkblad "
                            f"{options.get('controlevragen')}")
        if max(checks | {0}) > available["controlevraag"] or max(predicted, default=0) > available["voorspelling"]:
            problems.append(f"{name}: een nummer bestaat niet in het hoofdstuk")
    debates = {name: [b - a for a, b, part, _ in rows(lesson) if part.startswith("Het debat")]
               for name, lesson in found.items()}
    if not debates["90"] or debates["90"][0] < 20 or not any(d and d[0] >= 20 for d in (debates["Les 1"],
                                                                                        debates["Les 2"])):
        problems.append(f"het debat krijgt te weinig tijd: {debates}")
    in_class = {part for _, _, part, _ in rows(found["90"]) if re.fullmatch(r"Voorspelling \d+", part)}
    if not 3 <= len(in_class) < available["voorspelling"]:
        problems.append(f"90: {len(in_class)} van de {available['voorspelling']} voorspellingen in de les")
    return problems


def pre_reading(lesson: str) -> str:
    """A lesson's block "Vooraf lezen": its paragraph and the list under it."""
    block = []
    for paragraph in lesson[lesson.index(PRE_READING):].split("\n\n"):
        if block and not paragraph.startswith("- "):
            break
        block.append(paragraph)
    return "\n\n".join(block)


def pre_reading_problems(chapter: str, lesson: str) -> list[str]:
    """What is wrong with a lesson's pre-reading: a link off the chapter, a page without its computed time, a typed
    number of minutes."""
    block = pre_reading(lesson)
    links = re.findall(r"\]\(([\w-]+)\.ipynb\)", block)
    roles = re.findall(r"\{studietijd-totaal\}`([\w-]+)\.ipynb`", block)
    problems = [f"{page} hoort niet bij {chapter}" for page in links if page not in chapters.pages(chapter)]
    if not links or links != roles:
        problems.append(f"links {links}, studietijd van {roles}")
    typed = TYPED_TIME.findall(re.sub(r"\{studietijd[\w-]*\}`[^`]*`", "", block))
    return problems + [f"getypte tijd: {t}" for t in typed]


@lru_cache(maxsize=None)
def chapter_blocks(chapter: str) -> tuple[worksheet.Block, ...]:
    return tuple(worksheet.chapter_blocks([(p, ROOT / f"chapters/{p}.ipynb") for p in chapters.pages(chapter)]))


# The plans -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("chapter", BANKED_CHAPTERS)
def test_elk_lesplan_telt_op_tot_90_en_twee_keer_45_minuten_met_tijd_voor_voorspellingen_en_debat(chapter):
    assert plan_problems(chapter, instructor_text(chapter)) == []


def test_de_controle_van_de_lesplannen_kan_falen():
    text = instructor_text("spiergroei")
    short = text.replace("| 80–90 | Afsluitende check", "| 80–88 | Afsluitende check")
    quick = text.replace("| 8–15 | Voorspelling 4 |", "| 8–11 | Voorspelling 4 |").replace(
        "| 15–22 | Voorspelling 5 |", "| 11–22 | Voorspelling 5 |")
    other = text.replace(":voorspellingen: 4, 5, 7, 10, 13", ":voorspellingen: 4, 5, 7, 10")
    assert any("eindigt niet op 90" in p for p in plan_problems("spiergroei", short))
    assert any("voorspelling 4 krijgt 3 minuten" in p for p in plan_problems("spiergroei", quick))
    assert any("op het werkblad 4, 5, 7, 10" in p for p in plan_problems("spiergroei", other))


@pytest.mark.parametrize("chapter", BANKED_CHAPTERS)
def test_vooraf_lezen_linkt_naar_paginas_van_het_hoofdstuk_met_hun_berekende_studietijd(chapter):
    for name, lesson in lessons(instructor_text(chapter)).items():
        assert pre_reading_problems(chapter, lesson) == [], name


def test_de_controle_van_vooraf_lezen_kan_falen():
    lesson = lessons(instructor_text("spiergroei"))["90"]
    typed = lesson.replace("{studietijd-totaal}`spiergroei.ipynb`", "ongeveer 25 minuten")
    elsewhere = lesson.replace("](spiergroei.ipynb)", "](hormonen.ipynb)")
    assert any("getypte tijd" in p for p in pre_reading_problems("spiergroei", typed))
    assert any("hormonen hoort niet bij spiergroei" in p for p in pre_reading_problems("spiergroei", elsewhere))


def test_het_werkblad_staat_in_de_configuratie_bij_de_andere_uitbreidingen():
    assert CONFIG["sphinx"]["local_extensions"]["book.worksheet"] == "./"


# Choosing ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [("0", "noemt 0"), ("14", "noemt 14"), ("drie", 'bevat "drie"'),
                                          ("1-3", 'bevat "1-3"'), ("2, 2", "noemt 2 twee keer")])
def test_een_verkeerd_nummer_is_een_nederlandse_fout_met_de_optie_en_het_bereik(value, shown):
    with pytest.raises(ValueError) as error:
        worksheet.chosen_numbers("voorspellingen", value, 13, "spiergroei")
    assert ":voorspellingen:" in str(error.value) and shown in str(error.value)
    if "twee keer" not in shown:
        assert "kies uit 1 tot en met 13" in str(error.value)


def test_zonder_optie_alles_met_geen_niets_en_anders_de_genoemde_nummers():
    assert worksheet.chosen_numbers("voorspellingen", None, 3, "x") == {1, 2, 3}
    assert worksheet.chosen_numbers("voorspellingen", " alle ", 3, "x") == {1, 2, 3}
    assert worksheet.chosen_numbers("controlevragen", "geen", 3, "x") == set()
    assert worksheet.chosen_numbers("controlevragen", "3, 1", 3, "x") == {1, 3}


CHAPTER = """# Proefhoofdstuk

::::{admonition} Een blok
:::{controlevraag} Eerste controlevraag?
- [x] Ja.
  : Goed. Terugkoppeling bij ja.
- Nee.
  : Nee. Terugkoppeling bij nee.

+++
Uitleg bij de eerste controlevraag.
:::
::::

:::{voorspelling}
Eerste voorspelling, in **twee** alinea's.

Welke keuze?

- Keuze een.
  : Nee. Geheime terugkoppeling een.
- [x] Keuze twee.
  : Goed. Geheime terugkoppeling twee.
- [ ] Keuze drie.
  : Nee. Geheime terugkoppeling drie.

+++
Geheime uitleg.
:::

:::{voorspelling} Tweede voorspelling?
- [x] Links.
  : Goed. Terug.
- Rechts.
  : Nee. Terug.

+++
Uitleg.
:::
"""


def test_het_werkblad_leest_voorspellingen_en_controlevragen_in_volgorde_ook_in_een_blok():
    found = worksheet.found_in(CHAPTER)
    assert [kind for kind, _ in found] == ["controlevraag", "voorspelling", "voorspelling"]
    assert found[2][1].startswith("Tweede voorspelling?") and "Uitleg." not in found[2][1]


def _proef(folder: Path, sheet: str) -> tuple[BeautifulSoup, str]:
    files = {"hoofdstuk.md": CHAPTER, "docent.md": f"# Docent\n\n{sheet}\n\n```{{toctree}}\n:hidden:\nhoofdstuk\n```\n"}
    out, warnings = sphinx_build(folder, files, ["myst_parser", "book.predictions", "book.worksheet"],
                                 root_doc="docent")
    return BeautifulSoup((out / "docent.html").read_text(encoding="utf-8"), "html.parser"), warnings


@pytest.mark.slow
def test_een_nummer_buiten_het_hoofdstuk_is_een_nederlandse_buildfout(tmp_path):
    _, warnings = _proef(tmp_path / "a", ":::{werkblad} hoofdstuk\n:voorspellingen: 1, 3\n:::")
    assert "ERROR" in warnings and 'Werkblad "hoofdstuk": de optie :voorspellingen: noemt 3' in warnings
    assert "kies uit 1 tot en met 2" in warnings
    _, warnings = _proef(tmp_path / "b", ":::{werkblad} hoofdstuk\n:controlevragen: twee\n:::")
    assert 'de optie :controlevragen: bevat "twee"' in warnings and "kies uit 1 tot en met 1" in warnings
    _, warnings = _proef(tmp_path / "c", ":::{werkblad} geen-hoofdstuk\n:::")
    assert 'Werkblad: het hoofdstuk "geen-hoofdstuk" bestaat niet' in warnings


@pytest.mark.slow
def test_het_werkblad_toont_vragen_en_keuzes_zonder_antwoord_en_met_schrijfregels(tmp_path):
    page, warnings = _proef(tmp_path, ":::{werkblad} hoofdstuk\n:titel: Les 1 van 2\n:controlevragen: geen\n\n"
                                      "- Een discussievraag?\n- Nog een?\n:::")
    assert warnings == ""
    sheet = page.select_one("div.werkblad")
    questions = sheet.select("div.werkblad-vraag")
    assert [q.select_one(".werkblad-label").get_text() for q in questions] == [
        "Voorspelling 1", "Voorspelling 2", "Discussievraag 1", "Discussievraag 2"]
    assert [li.get_text(strip=True) for li in questions[0].select("ol.werkblad-keuzes > li")] == [
        "Keuze een.", "Keuze twee.", "Keuze drie."]
    assert questions[0].select("p")[1].get_text() == "Eerste voorspelling, in twee alinea’s."
    text = sheet.get_text(" ")
    assert "Geheim" not in text and "Goed." not in text and "Nee." not in text and "[x]" not in text
    assert sheet.select_one("p.werkblad-les").get_text() == "Les 1 van 2"
    assert [len(q.select(".werkblad-regel")) for q in questions] == [4, 4, 4, 4]  # why, seen; why, seen; 4; 4


# The worksheets of the instructors' pages, built with the chapter's pages -----------------------------------------

@lru_cache(maxsize=None)
def _built(chapter: str, folder: Path) -> Path:
    """The chapter's pages (not executed) and its instructors' page, built with the book's theme and styles."""
    pages = chapters.pages(chapter)
    names = [f"{p}.ipynb" for p in pages] + [f"docent-{chapter}.ipynb"]
    files = {f"chapters/{n}": (ROOT / "chapters" / n).read_text(encoding="utf-8") for n in names}
    toc = {"format": "jb-book", "root": f"chapters/docent-{chapter}",
           "parts": [{"caption": "Hoofdstuk", "chapters": [{"file": f"chapters/{pages[0]}", "sections": [
               {"file": f"chapters/{p}"} for p in pages[1:]]}]}]}
    files["_toc.yml"] = yaml.safe_dump(toc)
    config = CONFIG["sphinx"]["config"]
    out, _ = sphinx_build(folder, files, ["myst_nb", "sphinx_external_toc", "sphinx_exercise", "sphinxcontrib.bibtex",
                                          "book.bank", "book.predictions", "book.studytime", "book.worksheet"],
                          root_doc=f"chapters/docent-{chapter}", external_toc_path="_toc.yml",
                          html_theme="sphinx_book_theme", language="nl",
                          html_static_path=[str(ROOT / "chapters/assets")], html_css_files=config["html_css_files"])
    return out / "chapters"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return lambda chapter: _built(chapter, tmp_path_factory.getbasetemp() / f"werkblad-{chapter}")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _in_pages(out: Path, chapter: str) -> dict[tuple[str, int], tuple[str, list[str], list[str]]]:
    """Every prediction and quick check as the chapter's own pages show it, by (kind, number in the chapter): its
    question, its options and its feedback and explanation."""
    found, counted = {}, {"voorspelling": 0, "controlevraag": 0}
    for page in chapters.pages(chapter):
        soup = BeautifulSoup((out / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        for box in soup.select("div.admonition.voorspelling"):
            kind = "controlevraag" if "controlevraag" in box["class"] else "voorspelling"
            counted[kind] += 1
            hidden = [_text(p) for p in box.select(".voorspelling-terugkoppeling p, .voorspelling-uitleg p")]
            found[kind, counted[kind]] = (_text(box.select_one(".voorspelling-vraag")),
                                          [_text(p) for p in box.select("p.voorspelling-optie")], hidden)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("chapter", BANKED_CHAPTERS)
def test_elk_werkblad_heeft_precies_de_gekozen_vragen_en_keuzes_van_de_paginas_in_volgorde(built, chapter):
    out = built(chapter)
    expected = _in_pages(out, chapter)
    doc = BeautifulSoup((out / f"docent-{chapter}.html").read_text(encoding="utf-8"), "html.parser")
    sheets = doc.select("div.werkblad")
    directives = [options for lesson in lessons(instructor_text(chapter)).values()
                  for _, options, _ in worksheets(lesson)]
    assert len(sheets) == len(directives) == 3
    for sheet, options in zip(sheets, directives):
        chosen = [(kind, n) for kind, n in expected
                  if n in listed(options[{"voorspelling": "voorspellingen", "controlevraag": "controlevragen"}[kind]])]
        shown = []
        for box in sheet.select("div.werkblad-vraag:not(.werkblad-discussie)"):
            label = box.select_one("p.werkblad-label").extract().get_text()
            kind, number = label.split()[0].lower(), int(label.split()[1])
            options_shown = [_text(li) for li in box.select("ol.werkblad-keuzes > li")]
            for extra in box.select("ol.werkblad-keuzes, p.werkblad-opdracht, div.werkblad-regels"):
                extra.extract()
            shown.append((kind, number))
            question, options_in_page, hidden = expected[kind, number]
            assert (_text(box), options_shown) == (question, options_in_page)
            assert hidden and not [p for p in hidden if p in _text(sheet)]  # no feedback, no explanation
        assert shown == chosen  # exactly the chosen ones, in the chapter's order
        text = _text(sheet)
        assert not re.search(r"\b(Goed|Nee)\. |Antwoord:", text) and not sheet.select(".voorspelling-goed")


@pytest.mark.slow
def test_vooraf_lezen_wijst_naar_gebouwde_paginas_met_de_tijd_van_die_pagina_alleen(built):
    out = built("spiergroei")
    doc = BeautifulSoup((out / "docent-spiergroei.html").read_text(encoding="utf-8"), "html.parser")
    paragraphs = [p for p in doc.select("p") if p.get_text().startswith("Vooraf lezen.")]
    assert len(paragraphs) == 3
    for paragraph in paragraphs:
        items = paragraph.find_next_sibling("ul").select("li")
        for item in items:
            href = item.select_one("a.reference.internal")["href"]
            page = href.split("#")[0].removesuffix(".html")
            assert (out / href.split("#")[0]).exists() and page in chapters.pages("spiergroei")
            time = studytime.page_time(ROOT / f"chapters/{page}.ipynb")
            assert item.select_one("span.studietijd").get_text() == studytime.total(time)
    first = studytime.page_time(ROOT / "chapters/spiergroei.ipynb").total
    assert first < studytime.pages_time([ROOT / f"chapters/{p}.ipynb" for p in chapters.pages("spiergroei")]).total


# Print ------------------------------------------------------------------------------------------------------------

def _print_sheet(browser, html: Path, index: int, pdf: Path) -> PdfReader:
    """One worksheet of a built page printed by Chromium on A4, with its own button (the rest of the page left out)."""
    page = browser.new_page()
    try:
        page.goto(html.as_uri(), wait_until="load")
        page.evaluate("window.print = () => {}")  # the dialog; the button sets what is printed
        page.locator("button.werkblad-afdrukken").nth(index).click()
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True, margin=MARGINS)
    finally:
        page.close()
    return PdfReader(str(pdf))


@pytest.mark.slow
def test_elk_werkblad_van_spiergroei_past_op_a4_alleen_en_met_de_hele_vraag(browser, built, tmp_path):
    """A lesson's sheet prints on one sheet of paper (two A4 pages), the 90-minute one on at most three pages; the
    plan around it is not printed."""
    out = built("spiergroei")
    bounds = {"Les van 90 minuten": 3, "Les 1 van 2": 2, "Les 2 van 2": 2}
    for index, (title, bound) in enumerate(bounds.items()):
        pdf = _print_sheet(browser, out / "docent-spiergroei.html", index, tmp_path / f"{index}.pdf")
        printed = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
        assert 1 <= len(pdf.pages) <= bound, (title, len(pdf.pages))
        assert printed.startswith("Werkblad: Spiergroei") and title in printed
        assert "Tijd (min)" not in printed and "Druk dit werkblad af" not in printed


@pytest.mark.slow
def test_een_werkblad_met_alle_vragen_van_het_hoofdstuk_past_niet_binnen_die_grens(browser, tmp_path):
    """The bound above can fail: all 13 predictions and 13 quick checks of Spiergroei take more than three pages."""
    text = instructor_text("spiergroei")
    cells = json.loads((ROOT / "chapters/docent-spiergroei.ipynb").read_text(encoding="utf-8"))
    for cell in cells["cells"]:
        cell["source"] = re.sub(r":voorspellingen: [\d, ]+\n:controlevragen: [\d, ]+\n", "",
                                "".join(cell["source"]))
    assert ":voorspellingen:" in text
    folder = tmp_path / "alles"
    pages = chapters.pages("spiergroei")
    files = {f"chapters/{p}.ipynb": (ROOT / f"chapters/{p}.ipynb").read_text(encoding="utf-8") for p in pages}
    files["chapters/docent-spiergroei.ipynb"] = json.dumps(cells, ensure_ascii=False)
    toc = {"format": "jb-book", "root": "chapters/docent-spiergroei", "parts": [{"caption": "H", "chapters": [
        {"file": "chapters/spiergroei", "sections": [{"file": f"chapters/{p}"} for p in pages[1:]]}]}]}
    files["_toc.yml"] = yaml.safe_dump(toc)
    out, _ = sphinx_build(folder, files, ["myst_nb", "sphinx_external_toc", "sphinx_exercise", "sphinxcontrib.bibtex",
                                          "book.bank", "book.predictions", "book.studytime", "book.worksheet"],
                          root_doc="chapters/docent-spiergroei", external_toc_path="_toc.yml",
                          html_theme="sphinx_book_theme", language="nl",
                          html_static_path=[str(ROOT / "chapters/assets")],
                          html_css_files=CONFIG["sphinx"]["config"]["html_css_files"])
    pdf = _print_sheet(browser, out / "chapters/docent-spiergroei.html", 0, tmp_path / "alles.pdf")
    assert len(pdf.pages) > 3
