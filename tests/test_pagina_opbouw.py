"""The page grammar of the learner pages (../shared/DESIGN.md §4, issue 21): a chapter is a short series of pages
of 20-40 minutes; each opens with In het kort, one-outcome learning goals numbered on through the chapter and its
computed study time; its main line stays under 2,000 words; each section has a quick check; every "Wat zegt het
onderzoek?" says how strong the evidence is in the primer's words; the clients come from Welkom's fixed cast."""

from __future__ import annotations

import re

import pytest

from book import chapters, studytime
from conftest import LEARNER_PAGES, ROOT

PAGES = LEARNER_PAGES
CHAPTERS = list(dict.fromkeys(chapters.chapter_of(page) for page in PAGES))

MAIN_LINE_WORDS = 2000
STUDY_MIN = (20, 40)
BACK = ("Opgaven", "Zelftoets", "Samenvatting", "Bronnen")
"""The closing sections of a page: no quick check needed."""
EVIDENCE = re.compile(r"\*\*Hoe sterk is het bewijs\?\*\* (Sterk|Redelijk|Zwak of voorlopig)\b")
"""The verdict of a "Wat zegt het onderzoek?" block, in the primer's three words (chapters/onderzoek-lezen.md)."""
CLIENT = re.compile(r"\b((?:Meneer |Mevrouw )?[A-Z][a-zé]+(?: [A-Z][a-z]+)*) \((\d{2})\)")
"""A client as the text introduces one: a name and an age in brackets ("Ans (68)", "Mevrouw El Amrani (78)")."""


def _markdown(page: str) -> str:
    return "\n\n".join("".join(c["source"]) for c in chapters.notebook(page)["cells"] if c["cell_type"] == "markdown")


def _path(page: str):
    return ROOT / "chapters" / f"{page}.ipynb"


def test_elk_hoofdstuk_is_een_reeks_paginas():
    assert len(PAGES) >= 2 * len(CHAPTERS) - 1
    assert all(_path(page).exists() for page in PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_een_pagina_opent_met_in_het_kort_leerdoelen_en_studietijd(page):
    first = "".join(chapters.notebook(page)["cells"][0]["source"])
    assert first.startswith("# ")
    short = re.search(r"\*\*In het kort\.\*\*\n\n((?:- .+\n?)+)", first)
    assert short and len(re.findall(r"^- ", short.group(1), flags=re.M)) == 3
    assert "**Leerdoelen.**" in first and "```{studietijd}\n```" in first
    assert first.index("**In het kort.**") < first.index("**Leerdoelen.**") < first.index("{studietijd}")
    assert chapters.page_goals(page)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_de_leerdoelen_lopen_door_over_de_paginas_van_een_hoofdstuk(chapter):
    numbers = [n for page in chapters.pages(chapter) for n in chapters.page_goals(page)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(chapters.learning_goals(chapter)) == len(numbers)


@pytest.mark.parametrize("page", PAGES)
def test_een_leerdoel_vraagt_een_uitkomst_en_geen_studienaam(page):
    for goal in chapters.page_goals(page).values():
        assert "{cite" not in goal and not re.search(r"\bstudies? noemen\b", goal), goal
        assert ";" not in goal.rstrip(";.").strip(), goal  # one outcome, not a list of them


@pytest.mark.parametrize("page", PAGES)
def test_een_pagina_is_20_tot_40_minuten_met_een_korte_hoofdlijn(page):
    counts = studytime.counts(_path(page))
    time = studytime.page_time(_path(page))
    assert counts.main.words < MAIN_LINE_WORDS
    assert STUDY_MIN[0] <= time.total <= STUDY_MIN[1], time.total


@pytest.mark.parametrize("page", PAGES)
def test_elke_paragraaf_heeft_een_controlevraag(page):
    sections = re.split(r"^## ", _markdown(page), flags=re.M)[1:]
    content = [s for s in sections if not s.startswith(BACK)]
    assert content
    for section in content:
        assert ":::{controlevraag}" in section, section.splitlines()[0]


@pytest.mark.parametrize("page", PAGES)
def test_wat_zegt_het_onderzoek_zegt_hoe_sterk_het_bewijs_is(page):
    text = _markdown(page)
    blocks = re.findall(r":::\{admonition\} Wat zegt het onderzoek\?\n(.*?)\n:::", text, flags=re.S)
    for block in blocks:
        assert EVIDENCE.search(block), block[:80]
    if blocks:
        assert "onderzoek-lezen" in text  # the primer that explains the three words is linked


def _cast() -> dict[str, str]:
    welkom = (ROOT / "chapters/welkom.md").read_text(encoding="utf-8")
    listed = welkom.split("## De cliënten in dit boek", 1)[1].split("\n## ", 1)[0]
    return {name: age for name, age in re.findall(r"^- \*\*(.+?) \((\d{2})\)\*\*", listed, flags=re.M)}


def test_welkom_stelt_de_vaste_clienten_voor():
    assert len(_cast()) >= 6


def test_de_clienten_in_paginas_en_vragenbank_komen_uit_de_vaste_groep():
    cast = {name.removeprefix("Meneer ").removeprefix("Mevrouw "): age for name, age in _cast().items()}
    sources = [p for p in (ROOT / "chapters").glob("*.ipynb")] + list((ROOT / "chapters/vragenbank").glob("*.yml"))
    found = {(name.removeprefix("Meneer ").removeprefix("Mevrouw "), age, path.name)
             for path in sources for name, age in CLIENT.findall(path.read_text(encoding="utf-8"))}
    strangers = sorted(f"{name} ({age}) in {where}" for name, age, where in found if cast.get(name) != age)
    assert not strangers
    assert len({name for name, _, _ in found}) >= 6  # the cast recurs across the pages
