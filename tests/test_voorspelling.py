"""Predictions that commit ({voorspelling}, book/predictions.py): the directive reads what a writer types and
refuses, in Dutch, what it cannot show; in Chromium the feedback, the explanation and the explorer's figure stay
hidden until the learner picks an option with the keyboard, the page stays accessible, and print shows the
question, then the answer, then the figure. The pages that use it put one before every explorer."""

from __future__ import annotations

import functools
import http.server
import io
import itertools
import json
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book import chapters
from conftest import ROOT, require

AXE = ROOT / "_build/axe-core/axe.min.js"

EXAMPLE = """:::{voorspelling}
Wat gebeurt er met de piek van groeihormoon als je de rust tussen de sets van 60 naar 180 seconden verlengt?

- De piek wordt hoger.
  : Nee. Met langere rust hoopt er minder lactaat op.
- [x] De piek wordt *lager*.
  : Goed. Minder metabole stress geeft een kleinere piek.

    Dat zag Kraemer ook.
- [ ] De piek blijft gelijk.
  : Nee. De rust doet er wel toe.

+++
Met 3 minuten rust is de piek lager dan met 1 minuut {cite}`kraemer1991`.
:::"""
"""A prediction as a writer types it: the right option marked [x], a wrong one [ ], feedback of two paragraphs."""


def sphinx_build(folder: Path, files: dict[str, str], extensions: list[str], **config) -> tuple[Path, str]:
    """A Sphinx project of ``files`` (name -> text) in ``folder``, built to HTML; the output folder and the warnings."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    settings = {"extensions": extensions, "myst_enable_extensions": ["colon_fence", "deflist", "dollarmath"],
                "bibtex_bibfiles": [str(ROOT / "chapters/references.bib")], "bibtex_reference_style": "author_year",
                "nb_execution_mode": "off", "exclude_patterns": ["_build"],
                "source_suffix": {".rst": "restructuredtext"}} | config  # a fresh one: extensions add to it
    folder.mkdir(parents=True, exist_ok=True)
    conf = "".join(f"{key} = {value!r}\n" for key, value in settings.items())
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    with patch_docutils(folder), docutils_namespace():  # as sphinx-build: no registration left behind
        Sphinx(folder, folder, folder / "_build/html", folder / "_build/doctrees", "html", status=None,
               warning=warnings, freshenv=True).build()
    return folder / "_build/html", warnings.getvalue()


EXTENSIONS = ["myst_parser", "sphinxcontrib.bibtex", "book.predictions"]


def _page(folder: Path, markdown: str) -> tuple[BeautifulSoup, str]:
    out, warnings = sphinx_build(folder, {"index.md": f"# Proef\n\n{markdown}\n\n```{{bibliography}}\n```\n"},
                                 EXTENSIONS)
    return BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser"), warnings


def test_een_voorspelling_wordt_vraag_keuzes_met_terugkoppeling_en_antwoord_met_uitleg(tmp_path):
    page, warnings = _page(tmp_path, EXAMPLE + "\n\nTekst.\n\n" + EXAMPLE.replace("lager", "kleiner"))
    assert warnings == ""
    first, second = page.select("div.admonition.voorspelling")
    assert first.select_one("p.admonition-title").get_text() == "Voorspel eerst"
    assert first.select_one(".voorspelling-vraag").get_text(strip=True).startswith("Wat gebeurt er met de piek")
    options = first.select("ol.voorspelling-keuzes > li.voorspelling-keuze")
    assert [o.select_one("p.voorspelling-optie").get_text() for o in options] == [
        "De piek wordt hoger.", "De piek wordt lager.", "De piek blijft gelijk."]  # markers gone, order kept
    assert [("voorspelling-goed" in o["class"]) for o in options] == [False, True, False]
    assert options[1].select_one("p.voorspelling-optie em").get_text() == "lager"  # Markdown rendered
    feedback = [o.select_one(".voorspelling-terugkoppeling").get_text(" ", strip=True) for o in options]
    assert feedback == ["Nee. Met langere rust hoopt er minder lactaat op.",
                        "Goed. Minder metabole stress geeft een kleinere piek. Dat zag Kraemer ook.",
                        "Nee. De rust doet er wel toe."]
    explanation = first.select_one(".voorspelling-uitleg")
    assert explanation.select_one("p.voorspelling-antwoord").get_text() == "Antwoord: B. De piek wordt lager."
    assert "Kraemer" in explanation.get_text() and "{cite" not in explanation.get_text()  # the citation resolved
    assert first["id"] != second["id"] and len({e["id"] for e in page.select("[id]")}) == len(page.select("[id]"))
    assert 'src="_static/voorspelling.js"' in str(page) and 'href="_static/voorspelling.css"' in str(page)


def test_een_controlevraag_is_een_voorspelling_zonder_verkenner_met_een_eigen_titel(tmp_path):
    check = EXAMPLE.replace(":::{voorspelling}", ":::{controlevraag}")
    page, warnings = _page(tmp_path, check + "\n\nTekst.\n\n" + EXAMPLE)
    assert warnings == ""
    first, second = page.select("div.admonition.voorspelling")
    assert "controlevraag" in first["class"] and "controlevraag" not in second["class"]
    assert first.select_one("p.admonition-title").get_text() == "Controlevraag"
    assert len(first.select("li.voorspelling-keuze")) == 3 and first.select_one(".voorspelling-uitleg")
    _, warnings = _page(tmp_path / "kapot", _prediction(options=()).replace(":::{voorspelling}", ":::{controlevraag}"))
    assert "Een controlevraag heeft keuzes nodig" in warnings


def test_een_pagina_zonder_voorspelling_laadt_het_script_niet(tmp_path):
    page, warnings = _page(tmp_path, "Alleen tekst.")
    assert warnings == "" and "voorspelling.js" not in str(page) and "voorspelling.css" not in str(page)
    assert (tmp_path / "_build/html/_static/voorspelling.js").read_bytes() == \
        (ROOT / "chapters/assets/voorspelling.js").read_bytes()  # the site has it, for the pages that do


def _prediction(question="Stijgt de piek?", options=("- [x] Ja.\n  : Goed.", "- Nee.\n  : Nee."),
                explanation="+++\nUitleg."):
    return "\n\n".join([":::{voorspelling}", question, "\n".join(options), explanation]).replace(
        ":::{voorspelling}\n\n", ":::{voorspelling}\n") + "\n:::"


BROKEN = {
    "geen goede keuze": (_prediction(options=("- Ja.\n  : Goed.", "- [ ] Nee.\n  : Nee.")),
                         "precies één goede keuze nodig, gemarkeerd met [x] aan het begin; er is er geen"),
    "twee goede keuzes": (_prediction(options=("- [x] Ja.\n  : Goed.", "- [X] Nee.\n  : Ook goed.")),
                          "precies één goede keuze nodig, gemarkeerd met [x] aan het begin; er zijn er 2"),
    "geen keuzes": (_prediction(options=()), "Een voorspelling heeft keuzes nodig"),
    "één keuze": (_prediction(options=("- [x] Ja.\n  : Goed.",)), "minstens twee keuzes"),
    "keuze zonder terugkoppeling": (_prediction(options=("- [x] Ja.\n  : Goed.", "- Nee.")),
                                    "Keuze 2 van de voorspelling heeft geen terugkoppeling"),
    "terugkoppeling half ingesprongen": (
        _prediction(options=("- [x] Ja.\n  : Goed.\n\n  Echt.", "- Nee.\n  : Nee.")),
        "Keuze 1 van de voorspelling heeft tekst buiten de keuze en de terugkoppeling"),
    "geen uitleg": (_prediction(explanation="Uitleg."), "Een voorspelling heeft een uitleg nodig"),
    "lege uitleg": (_prediction(explanation="+++"), "Een voorspelling heeft een uitleg nodig"),
    "geen vraag": (_prediction(question=""), "Een voorspelling begint met een vraag"),
    "lege keuze": (_prediction(options=("- [x] Ja.\n  : Goed.", "- [ ]\n  : Nee.")), "Keuze 2 van de voorspelling"),
}
"""Each way a prediction can be broken: its text and the Dutch message the build gives."""


def test_een_goede_voorspelling_in_de_vorm_van_de_kapotte_wordt_aanvaard(tmp_path):
    page, warnings = _page(tmp_path, _prediction() + "\n\n" + _prediction(question="").replace(
        ":::{voorspelling}", ":::{voorspelling} Stijgt de piek, gevraagd op de eerste regel?"))
    assert warnings == "" and len(page.select("li.voorspelling-keuze")) == 4
    assert [q.get_text(strip=True) for q in page.select(".voorspelling-vraag")] == [
        "Stijgt de piek?", "Stijgt de piek, gevraagd op de eerste regel?"]


@pytest.mark.parametrize("case", BROKEN)
def test_een_kapotte_voorspelling_wordt_geweigerd_met_een_nederlandse_melding(tmp_path, case):
    text, message = BROKEN[case]
    page, warnings = _page(tmp_path, text)
    assert message in warnings and "index.md" in warnings and not page.select("div.voorspelling")


# The pages that use predictions put one right before every explorer --------------------------------------------

def _pages_with_predictions() -> list[str]:
    return [name for name in chapters.in_order()
            if any("{voorspelling}" in "".join(c["source"]) for c in chapters.notebook(name)["cells"])]


def test_de_omgezette_pagina_gebruikt_voorspellingen():
    assert "hormonen" in _pages_with_predictions()


@pytest.mark.parametrize("chapter", _pages_with_predictions())
def test_op_een_pagina_met_voorspellingen_staat_er_een_vlak_voor_elke_verkenner(chapter):
    cells = chapters.notebook(chapter)["cells"]
    sources = ["".join(c["source"]) for c in cells]
    explorers = [i for i, c in enumerate(cells) if c["cell_type"] == "code"
                 and "remove-cell" not in c["metadata"].get("tags", [])
                 and chapters.explorer_calls(sources[i])]
    assert explorers
    for i in explorers:  # the cell before is Markdown whose last block is a prediction
        assert cells[i - 1]["cell_type"] == "markdown", (chapter, i)
        assert re.search(r"\n?:::\{voorspelling\}\n(?:(?!\n:::).)*\n:::\s*$", sources[i - 1], flags=re.S), (chapter, i)
    text = "\n".join(sources)
    assert "Voorspel eerst, schuif dan" not in text  # the old prompts that gave the answer away are gone
    assert text.count(":::{voorspelling}") >= len(explorers)


# In Chromium --------------------------------------------------------------------------------------------------

FIGURE = ('<figure class="verkenner-statisch" data-code="x"><div class="verkenner-panelen"><img width="300" '
          'height="200" alt="Proefverkenner, paneel 1 van 1: een blauw vlak" src="data:image/svg+xml;base64,'
          'PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIzMDAiIGhlaWdodD0iMjAwIj48cmVjdCB3aWR0aD0iMz'
          'AwIiBoZWlnaHQ9IjIwMCIgZmlsbD0iIzAwNzJCMiIvPjwvc3ZnPg=="></div><figcaption><strong>Proefverkenner</strong> '
          'Groeihormoon piekt bij 12,3 µg/L.</figcaption></figure>')
"""A static explorer figure as an explorer writes it (widgets/explorers/explorer.py), drawn small."""


def _notebook() -> str:
    """A page as the chapters are: a hidden glue cell, a prediction whose explanation shows a glued number, the
    explorer's cell (its figure), text, and a prediction with no figure after it."""
    def cell(kind, source, **extra):
        return {"cell_type": kind, "id": f"cel{next(ids)}", "metadata": extra.pop("metadata", {}), "source": source,
                **extra}

    code = {"execution_count": None, "outputs": []}
    table = ("| sets per oefening | groeihormoon (µg/L) | cortisol (nmol/L) | testosteron (nmol/L) |\n"
             "|---|---|---|---|\n| 2 | 18,0 | 649 | 22,4 |\n")  # wider than a phone: it scrolls, so takes the focus
    prediction = EXAMPLE.replace("{cite}`kraemer1991`.",
                                 f"{{cite}}`kraemer1991`: de piek is {{glue:text}}`piek` µg/L.\n\n{table}")
    ids = itertools.count()
    cells = [cell("markdown", "# Proef\n\nEen pagina met een voorspelling."),
             cell("code", 'from myst_nb import glue\nglue("piek", "12,3", display=False)',
                  metadata={"tags": ["remove-cell"]}, **code),
             cell("markdown", f"## Een vraag\n\nEerst lezen.\n\n{prediction}"),
             cell("code", f"from IPython.display import HTML\nHTML({FIGURE!r})", metadata={"tags": ["remove-input"]},
                  **code),
             cell("markdown", "Tekst na de figuur.\n\n" + EXAMPLE.replace("groeihormoon", "cortisol")),
             cell("markdown", "Slot.\n\n```{bibliography}\n```")]
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                   "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5})


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """A small book with the course's theme and a page with predictions, built (executed) and served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("voorspelling")
    out, warnings = sphinx_build(folder, {"index.ipynb": _notebook()},
                                 ["myst_nb", "sphinx_book_theme", "sphinxcontrib.bibtex", "book.predictions",
                                  "book.theme"],
                                 html_theme="sphinx_book_theme", language="nl", nb_execution_mode="force",
                                 bibtex_reference_style="author_year")
    assert "voorspelling" not in warnings and "ERROR" not in warnings, warnings
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


SERIOUS = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => ["serious", "critical"].includes(v.impact))
  .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""

SHOWN = """box => ({
  buttons: [...box.querySelectorAll("button.voorspelling-knop")]
    .map(b => [b.innerText, b.getAttribute("aria-pressed")]),
  feedback: [...box.querySelectorAll(".voorspelling-terugkoppeling")]
    .map(f => f.checkVisibility() ? f.innerText : null),
  explanation: box.querySelector(".voorspelling-uitleg").checkVisibility(),
  hint: box.querySelector(".voorspelling-hint")?.innerText ?? null,
  said: box.querySelector("[aria-live]").innerText,
  figure: box.nextElementSibling.querySelector("figure.verkenner-statisch")?.checkVisibility() ?? null,
})"""
"""What a prediction shows: its buttons (text, pressed), each feedback (its text when visible), whether its
explanation and the figure after it are visible, its hint and what it announces to screen readers."""


def _axe(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(SERIOUS)



@pytest.mark.slow
@pytest.mark.parametrize("width", (390, 1280))
def test_figuur_en_uitleg_verschijnen_pas_na_een_keuze_met_het_toetsenbord(small_site, page, width):
    require(AXE.exists(), "axe-core (make test)")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(small_site)
    page.wait_for_load_state("networkidle")
    box = page.locator("div.voorspelling").first
    before = box.evaluate(SHOWN)
    assert before == {"buttons": [["De piek wordt hoger.", "false"], ["De piek wordt lager.", "false"],
                                  ["De piek blijft gelijk.", "false"]],
                      "feedback": [None, None, None], "explanation": False,
                      "hint": "Kies eerst een antwoord. Daarna verschijnen de uitleg en de figuur.", "said": "",
                      "figure": False}
    assert page.locator("div.voorspelling").nth(1).evaluate(SHOWN)["hint"] == \
        "Kies eerst een antwoord. Daarna verschijnt de uitleg."  # no figure after it
    assert _axe(page) == []
    # From the question, Tab reaches the first option and Tab again the second; Enter chooses it.
    box.locator(".voorspelling-vraag p").click()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == "De piek wordt lager."
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    after = box.evaluate(SHOWN)
    right = "Goed. Minder metabole stress geeft een kleinere piek.\n\nDat zag Kraemer ook."
    assert after["buttons"][1] == ["De piek wordt lager.", "true"] and after["buttons"][0][1] == "false"
    assert after["feedback"] == [None, right, None] and after["hint"] is None
    assert after["explanation"] and after["figure"] and after["said"] == right.replace("\n\n", " ")
    explanation = box.locator(".voorspelling-uitleg").inner_text()
    assert explanation.startswith("Antwoord: B. De piek wordt lager.") and "de piek is 12,3 µg/L." in explanation
    assert page.locator("figure.verkenner-statisch img").evaluate("img => img.complete && img.naturalWidth > 0")
    page.wait_for_function("""() => [...document.querySelectorAll(".voorspelling .pst-scrollable-table-container")]
      .every(e => e.checkVisibility() && (e.scrollWidth > e.clientWidth) === (e.tabIndex === 0))""")
    assert _axe(page) == []
    # Another choice (Space on the first option): the feedback follows it, what unfolded stays.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    again = box.evaluate(SHOWN)
    assert again["feedback"] == ["Nee. Met langere rust hoopt er minder lactaat op.", None, None]
    assert again["explanation"] and again["figure"] and again["buttons"][0][1] == "true"
    assert page.blocked == []


@pytest.mark.slow
def test_afgedrukt_eerst_de_vraag_dan_het_antwoord_dan_de_figuur(small_site, page):
    page.goto(small_site)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    tops = page.locator("div.voorspelling").first.evaluate("""box => {
      const top = e => e.checkVisibility() ? e.getBoundingClientRect().top : null;
      return {question: top(box.querySelector(".voorspelling-vraag")),
              options: [...box.querySelectorAll(".voorspelling-optie")].map(top),
              answer: top(box.querySelector(".voorspelling-antwoord")),
              explanation: top(box.querySelector(".voorspelling-uitleg p:last-child")),
              figure: top(box.nextElementSibling.querySelector("figure.verkenner-statisch img")),
              feedback: [...box.querySelectorAll(".voorspelling-terugkoppeling")].map(top),
              hint: top(box.querySelector(".voorspelling-hint"))};
    }""")
    assert None not in tops["options"] and tops["feedback"] == [None, None, None] and tops["hint"] is None
    order = [tops["question"], *tops["options"], tops["answer"], tops["explanation"], tops["figure"]]
    assert None not in order and order == sorted(order) and len(set(order)) == len(order), tops
    assert page.locator(".voorspelling-antwoord").first.inner_text() == "Antwoord: B. De piek wordt lager."


@pytest.mark.slow
def test_zonder_javascript_is_alles_zichtbaar(small_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    page.goto(small_site)
    box = page.locator("div.voorspelling").first
    assert box.locator("button").count() == 0
    for part in (".voorspelling-vraag", ".voorspelling-uitleg", ".voorspelling-terugkoppeling >> nth=0",
                 ".voorspelling-terugkoppeling >> nth=2"):
        assert box.locator(part).is_visible(), part
    assert page.locator("figure.verkenner-statisch img").is_visible()
    context.close()
