"""Study time computed from each page (book/studytime.py): the reading rate follows its source, a page's words,
explorers, exercises and self-test questions are counted as documented, Verdieping stays out of the main line, and
the page, Welkom and the instructor guide show the same computed time."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from book import bank, studytime
from conftest import ROOT
from test_voorspelling import sphinx_build

HORMONEN = ROOT / "chapters/hormonen.ipynb"


@pytest.mark.parametrize("letters, wpm", [(4.5, 270), (5.1, 238), (6.0, 202)])
def test_leessnelheid_is_die_van_brysbaert_en_anderen_2021_voor_nederlandse_zakelijke_tekst(letters, wpm):
    words = studytime.Words(words=1000, letters=round(1000 * letters))
    assert studytime.reading_rate(words) * studytime.STUDY_FACTOR == pytest.approx(wpm, abs=2)


def test_studeren_gaat_langzamer_dan_lezen_en_de_woordlengte_blijft_binnen_de_bron():
    dutch = studytime.reading_rate(studytime.Words(1000, 5100))
    assert dutch < 175  # below the range within which most adults read non-fiction (Brysbaert 2019): studying
    assert studytime.reading_rate(studytime.Words(10, 30)) == studytime.reading_rate(studytime.Words(10, 45))
    assert studytime.reading_rate(studytime.Words(10, 90)) == studytime.reading_rate(studytime.Words(10, 60))


@pytest.mark.parametrize("minutes, shown", [(0, 0), (0.4, 5), (7.4, 5), (7.5, 10), (23, 25), (95.1, 95)])
def test_afronding_op_vijf_minuten_en_nooit_nul_als_er_iets_te_doen_is(minutes, shown):
    assert studytime.rounded(minutes) == shown


PAGE = {
    "main": "# Titel van de pagina\n\nEen zin met zeven woorden, {cite}`kraemer1991,west2010` en {glue:text}`piek` "
            "en {term}`geforceerde sets <geforceerde herhalingen>`.",
    "explorer": 'hormoonverkenner(start="man")',
    "hidden": 'from explorers.hormones import hormoonverkenner\nhormoonverkenner()',
    "exercise": "```{exercise}\n:label: proef-opgave\n\nEen opgave met veel woorden die niet tellen.\n```\n\n"
                "```{solution} proef-opgave\n:class: dropdown\n\nEen oplossing die ook niet telt.\n```",
    "prediction": ":::{voorspelling}\nVraag van vier woorden?\n\n- [x] Een twee.\n  : Goed een twee drie.\n"
                  "- Drie.\n  : Nee.\n\n+++\nUitleg van vier woorden.\n:::",
    "verdieping": ":::{admonition} Verdieping\n:class: dropdown verdieping\nTien woorden die alleen wie wil lezen: "
                  "de details, de studies.\n:::",
    "selftest": "```{zelftoets} hormonen\n```",
    "bibliography": "```{bibliography}\n:filter: docname in docnames\n```",
}
"""A page's parts, each with a known count (see the test)."""


def _notebook(path, parts=PAGE):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": parts[name]}
             for name in ("main", "exercise", "prediction", "verdieping", "selftest", "bibliography")]
    cells.insert(1, {"cell_type": "code", "metadata": {"tags": ["remove-cell"]}, "source": parts["hidden"],
                     "outputs": [], "execution_count": None})
    cells.insert(3, {"cell_type": "code", "metadata": {"tags": ["remove-input"]}, "source": parts["explorer"],
                     "outputs": [], "execution_count": None})
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


def test_een_pagina_telt_zijn_woorden_verkenners_opgaven_en_zelftoetsvragen(tmp_path):
    counts = studytime.counts(_notebook(tmp_path / "proef.ipynb"))
    # "Titel van de pagina" 4; "Een zin met zeven woorden," 5; two citations of 3 words ("Kraemer e.a., 1991");
    # "en" 1, a number 1, "en" 1, "geforceerde sets" 2; the prediction: question 4, options 2 + 1,
    # explanation 4, one feedback: the mean of 4 and 1 words, 2 (rounded half to even); the [x] is no word
    assert counts.main.words == 4 + 5 + 6 + 1 + 1 + 1 + 2 + 4 + 3 + 4 + 2
    assert counts.verdieping.words == 1 + 11  # its title, its text
    assert counts.explorers == 1 and counts.exercises == 1  # the hidden cell shows no explorer
    shown = bank.self_test("hormonen")  # the self-test of the page named: its goals' questions
    assert counts.numeric_questions == sum(q["type"] == "numeric" for q in shown) > 0
    assert counts.questions + counts.numeric_questions == len(shown)


def test_de_studietijd_is_de_som_van_de_delen_zoals_beschreven(tmp_path):
    time = studytime.page_time(_notebook(tmp_path / "proef.ipynb"))
    counts = time.counts
    letters = counts.main.letters / counts.main.words
    reading = counts.main.words / (1213 / min(max(letters, 4.5), 6.0) / 1.5)
    assert time.reading_min == pytest.approx(reading)
    assert time.exploring_min == 3 * counts.explorers and time.exercises_min == 5 * counts.exercises
    assert time.selftest_min == counts.questions + 2 * counts.numeric_questions
    assert time.read_and_explore == studytime.rounded(reading + 3)
    assert time.total == time.read_and_explore + time.practice  # what the page shows adds up
    assert studytime.in_page(time) == (f"Ongeveer {time.total} minuten: {time.read_and_explore} minuten lezen en "
                                       f"verkennen, {time.practice} minuten opgaven en zelftoets. Wie ook de "
                                       f"verdieping leest: ongeveer {time.extra} minuten extra.")


def test_verdieping_telt_niet_mee_in_de_hoofdlijn_maar_apart(tmp_path):
    long = {**PAGE, "verdieping": PAGE["verdieping"].replace("Tien woorden", "Tien woorden " + "extra " * 2000)}
    short, longer = (studytime.page_time(_notebook(tmp_path / f"{n}.ipynb", p)) for n, p in (("a", PAGE), ("b", long)))
    assert short.total == longer.total and longer.extra > short.extra >= 5
    assert "verdieping" in studytime.in_table(longer) and "verdieping" not in studytime.total(longer)


def test_welkom_en_de_handleiding_noemen_de_tijd_van_hormonen_alleen_via_de_rol():
    welkom = (ROOT / "chapters/welkom.md").read_text(encoding="utf-8")
    guide = (ROOT / "chapters/docentenhandleiding.md").read_text(encoding="utf-8")
    row = next(line for line in welkom.splitlines() if "(hormonen.ipynb)" in line and line.startswith("|"))
    assert row == "| [De acute hormonale respons](hormonen.ipynb) | {studietijd}`hormonen` |"
    row = next(line for line in guide.splitlines() if "(hormonen.ipynb)" in line and line.startswith("|"))
    assert "{studietijd-totaal}`hormonen`" in row
    page = "".join("".join(c["source"]) for c in json.loads(HORMONEN.read_text(encoding="utf-8"))["cells"])
    assert "```{studietijd}\n```" in page and not re.search(r"Studietijd\.\*\*\s*Ongeveer \d", page)


def _shown(html: str, selector: str) -> list[str]:
    return [e.get_text(" ", strip=True) for e in BeautifulSoup(html, "html.parser").select(selector)]


def test_de_pagina_welkom_en_de_handleiding_tonen_dezelfde_berekende_studietijd(tmp_path):
    names = [p.name for p in sorted((ROOT / "chapters").glob("*.ipynb")) if not p.name.startswith("docent")]
    names += ["welkom.md", "docentenhandleiding.md", "onderzoek-lezen.md"]  # every page Welkom and the guide time
    files = {f"chapters/{name}": (ROOT / "chapters" / name).read_text(encoding="utf-8") for name in names}
    out, warnings = sphinx_build(tmp_path, files, ["myst_nb", "sphinx_exercise", "sphinxcontrib.bibtex", "book.bank",
                                                   "book.predictions", "book.studytime"], root_doc="chapters/welkom")
    assert "tudietijd" not in warnings and "voorspelling" not in warnings  # other pages' links do not resolve here
    time = studytime.page_time(HORMONEN)
    page = (out / "chapters/hormonen.html").read_text(encoding="utf-8")
    assert _shown(page, "p.studietijd") == [f"Studietijd. {studytime.in_page(time)}"]
    shown = {}
    for name in ("welkom", "docentenhandleiding"):  # the hormonen row of Welkom's and of the guide's table
        html = BeautifulSoup((out / f"chapters/{name}.html").read_text(encoding="utf-8"), "html.parser")
        row = next(r for r in html.select("tr") if r.select_one('a[href="hormonen.html"]'))
        shown[name] = [e.get_text(" ", strip=True) for e in row.select("span.studietijd")]
    assert shown == {"welkom": [studytime.in_table(time)], "docentenhandleiding": [f"ongeveer {time.total} minuten"]}
    totals = {int(re.search(r"(\d+) minuten", text).group(1)) for text in (
        _shown(page, "p.studietijd")[0], shown["welkom"][0], shown["docentenhandleiding"][0])}
    assert totals == {time.total} and 20 <= time.total <= 180


def test_een_hoofdstuk_van_meer_paginas_telt_ze_allemaal(tmp_path):
    files = {"_toc.yml": "format: jb-book\nroot: index\nchapters:\n- file: deel\n  sections:\n  - file: deel-a\n"
                         "  - file: deel-b\n",
             "index.md": "# Start\n\n| Hoofdstuk | Tijd |\n|---|---|\n| Deel | {studietijd}`deel` |\n"
                         "| Deel A | {studietijd-totaal}`deel-a` |\n",
             "deel.md": "# Deel\n\n```{studietijd}\n```\n\nEen inleiding.",
             "deel-a.md": "# Deel A\n\n" + "Veel woorden hier. " * 1500,
             "deel-b.md": "# Deel B\n\n" + "Nog meer woorden. " * 900}
    out, warnings = sphinx_build(tmp_path, files, ["myst_parser", "sphinx_external_toc", "book.studytime"],
                                 external_toc_path="_toc.yml")
    assert warnings == ""
    chapter = studytime.pages_time([tmp_path / name for name in ("deel.md", "deel-a.md", "deel-b.md")])
    shown = _shown((out / "index.html").read_text(encoding="utf-8"), "span.studietijd")
    assert shown == [studytime.in_table(chapter), studytime.total(studytime.page_time(tmp_path / "deel-a.md"))]
    assert chapter.total > studytime.page_time(tmp_path / "deel-a.md").total > 5
    pages = [studytime.page_time(tmp_path / name) for name in ("deel.md", "deel-a.md", "deel-b.md")]
    assert chapter.total == sum(page.total for page in pages)  # what the pages show adds up to the chapter's time
    assert chapter.read_and_explore == sum(page.read_and_explore for page in pages)
    assert _shown((out / "deel.html").read_text(encoding="utf-8"), "p.studietijd") == [
        f"Studietijd. {studytime.in_page(studytime.page_time(tmp_path / 'deel.md'))}"]  # the page itself: its own


def test_een_onbekende_pagina_is_een_nederlandse_fout_in_de_build(tmp_path):
    _, warnings = sphinx_build(tmp_path, {"index.md": "# Start\n\nTijd: {studietijd}`yoga`."},
                               ["myst_parser", "book.studytime"])
    assert 'Studietijd: de pagina "yoga" bestaat niet' in warnings
