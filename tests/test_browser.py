"""Real Chromium against the built site, with every other host blocked."""

import re
from pathlib import Path

import pytest

from book import bank
from conftest import EXPLORER_PAGES, LEARNER_PAGES, ROOT, predict_all, require
from edu.validation import fmt

pytestmark = pytest.mark.slow

WIDTHS = (390, 1280)
"""A phone and a laptop: the theme shows and hides its sidebars and buttons by width."""

AXE = ROOT / "_build/axe-core/axe.min.js"

ENGLISH = {
    # JupyterQuiz: the number field's label and its feedback when a question has none of its own
    "Type numeric answer here:", "Correct", "Correct!", "Incorrect -- try again.", "Incorrect. Try again.",
    # pydata-sphinx-theme and sphinx-book-theme: texts, button names and tooltips
    "Skip to main content", "Back to top", "Search this book...", "Color mode", "Light", "Dark", "System Settings",
    "Site navigation", "On this page", "Version warning", "Main", "Page", "Toggle primary sidebar",
    "Toggle secondary sidebar", "previous page", "next page", "Link to this heading",
    # sphinx-togglebutton
    "Toggle hidden content", "Click to show", "Click to hide",
}
"""The English a learner met on the rendered pages (visible text, names and tooltips), each exactly."""

MARKDOWN = re.compile(r"\*\*|__|`|\[[^\]\n]+\]\([^)\n]+\)")
"""Markdown that was not rendered: bold, underscores, code backticks, links."""

AUTHORS = re.compile(r"^.*?(?:\w{2,}|e\.a|\(red\.\))\. ")
"""The author list at the start of a bibliography entry (up to the first word that ends a sentence, or "(red.)" after
editors)."""

ENGLISH_AUTHORS = re.compile(r"\band\b|et al\.|\bothers\b")

ANSWER_EVERYTHING = """async () => {
  for (const quiz of document.querySelectorAll(".Quiz")) quiz.querySelector(".MCButton")?.click();
  for (const prediction of document.querySelectorAll("div.voorspelling")) {
    prediction.querySelector("button.voorspelling-knop")?.click();
  }
  for (const field of document.querySelectorAll(".Answer input.Input-text")) {
    field.value = "1";
    field.dispatchEvent(new KeyboardEvent("keypress", {key: "Enter", keyCode: 13, which: 13, bubbles: true}));
  }
  for (const button of document.querySelectorAll("button.toggle-button[aria-expanded=false]")) button.click();
  for (const details of document.querySelectorAll("details")) details.open = true;
  await Promise.all(document.getAnimations().map(animation => animation.finished));
}"""
"""Every quiz question answered (a number wrongly), every prediction chosen, every solution and fold-out opened,
animations done."""

NAMED = ["title", "aria-label", "placeholder", "data-bs-title", "data-toggle-hint"]
"""The attributes that name an element or show as its tooltip."""

SEEN = f"""() => ({{
  text: document.body.innerText,
  names: [...document.querySelectorAll("{", ".join(f"[{a}]" for a in NAMED)}")]
    .flatMap(e => {NAMED}.map(a => e.getAttribute(a)))
    .concat([...document.querySelectorAll("svg title")].map(t => t.textContent))
    .filter(Boolean),
  citations: [...document.querySelectorAll(".bibtex-citation")].map(e => e.innerText),
  entries: [...document.querySelectorAll(".citation p, ul[id] > li[id] > p")].map(e => e.innerText)
    .concat([...document.querySelectorAll(".bibtex-citation a[title]")].map(a => a.title)),
}})"""
"""What the learner sees: the page's text, the names and tooltips of its elements, the citations in
the text and the bibliographies' entries (the book's list of sources, a chapter's list of its sources,
a bulleted list whose items have ids, and the citations' tooltips)."""

SERIOUS = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => ["serious", "critical"].includes(v.impact))
  .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""


def site_pages(built_book: Path) -> list[str]:
    """Every page of the book."""
    return sorted(p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")
                  if "_static" not in p.relative_to(built_book).parts)


def problems(seen: dict) -> list[str]:
    """English UI strings, raw Markdown and English citations in what a page shows."""
    found = sorted({line.strip() for line in seen["text"].splitlines()} & ENGLISH | set(seen["names"]) & ENGLISH)
    found += MARKDOWN.findall(seen["text"])
    found += [c for c in seen["citations"] if ENGLISH_AUTHORS.search(c)]
    found += [e[:80] for e in seen["entries"] if ENGLISH_AUTHORS.search(AUTHORS.match(e).group())]
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_elke_pagina_is_nederlands_zonder_ruwe_markdown_en_zonder_ernstige_toegankelijkheidsfouten(
        built_book, site, page, width):
    require(AXE.exists(), "axe-core (make test)")
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name in site_pages(built_book):
        page.goto(f"{site}/{name}")
        page.wait_for_load_state("networkidle")
        page.evaluate(ANSWER_EVERYTHING)
        seen = page.evaluate(SEEN)
        page.add_script_tag(path=str(AXE))
        if wrong := problems(seen) + page.evaluate(SERIOUS):
            found[name] = wrong
    assert len(site_pages(built_book)) >= 20
    assert found == {}
    assert page.blocked == [] and page.errors == []


def test_bronvermeldingen_in_tekst_en_bronnenlijst_zijn_nederlands(site, page):
    citations, entries = set(), []
    for name in ("hormonen", "hormonen-technieken-en-sekse", "hormonen-debat"):  # every fold-out opened
        page.goto(f"{site}/chapters/{name}.html")
        page.wait_for_load_state("networkidle")
        page.evaluate(ANSWER_EVERYTHING)
        seen = page.evaluate(SEEN)
        citations |= set(seen["citations"])
        entries += seen["entries"]
    for citation in ("(Kraemer e.a., 1991)", "(Kraemer en Ratamess, 2005)",  # ten authors, two
                     "(Holl e.a., 1993)", "(Travison e.a., 2017; Vesper e.a., 2015)", "West en Phillips (2012)"):
        assert citation in citations
    for entry in ("William J. Kraemer en Nicholas A. Ratamess. Hormonal", "Reinhard W. Holl e.a. Diurnal"):
        assert any(entry in shown for shown in entries)
    page.goto(f"{site}/chapters/bronnen.html")  # the book's list of sources: every kind of entry
    listed = "\n".join(page.evaluate(SEEN)["entries"]).replace("\xa0", " ")
    for dutch in ("Thomas R. Baechle en Roger W. Earle (red.).", "hoofdstuk Pharmacokinetics", "6e druk, 2003",
                  "Rapport, World Health Organization", "Advies 2017/08, Gezondheidsraad", "2019(1):CD012424"):
        assert dutch in listed
    assert not re.search(r"\b(editors?|edition|chapter|pages|Technical Report|visited on)\b", listed)


def test_zelftoets_oplossingen_en_startknop_werken_met_het_toetsenbord(site, page):
    chapter = next(name for name in EXPLORER_PAGES  # a page whose self-test asks a number with decimals
                   if any(q["type"] == "numeric" and q["decimals"] > 0 for q in bank.self_test(name)))
    numeric = [q for q in bank.self_test(chapter) if q["type"] == "numeric"]
    item = next(q for q in numeric if q["decimals"] > 0)
    page.goto(f"{site}/chapters/{chapter}.html")
    page.wait_for_load_state("networkidle")
    predict_all(page)
    # a multiple-choice question: Tab from the self-test's introduction reaches its answers, the focused
    # one is outlined, Space answers
    page.locator("#zelftoets > p").first.click()
    page.keyboard.press("Tab")
    assert page.locator(".MCButton:has(input:focus)").evaluate("b => getComputedStyle(b).outlineStyle") == "solid"
    page.keyboard.press("Space")
    assert page.locator(".Quiz").first.locator(".Feedback").inner_text().strip()
    # a number field: named by its Dutch label, it takes a decimal comma and Enter checks the answer
    fields = page.get_by_label("Typ je antwoord (een getal) en druk op Enter:")
    assert fields.count() == len(numeric)
    field = fields.nth(numeric.index(item))
    field.focus()
    answer = fmt(bank.model_value(item), item["decimals"])
    page.keyboard.type(answer)
    assert "," in answer and field.input_value() == answer
    page.keyboard.press("Enter")
    assert field.locator("xpath=ancestor::div[contains(@class, 'Quiz')]").locator(".Feedback.correct") \
        .inner_text().startswith("Goed.")
    assert field.input_value() == answer  # still as typed
    # a worked solution folds out with Enter on its Dutch-named button
    toggle = page.get_by_role("button", name=re.compile(r"^Oplossing van Opgave \d+ tonen of verbergen$")).first
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    # the interactive version starts with Enter
    start = page.locator("button.verkenner-start").first
    start.focus()
    page.keyboard.press("Enter")
    assert "Stap 1 van 3" in page.locator("div.verkenner-status").first.inner_text()
    assert page.blocked == []


@pytest.mark.parametrize("chapter", EXPLORER_PAGES)
def test_hoofdstuk_rendert_zijn_figuren_offline(site, page, chapter):
    page.goto(f"{site}/chapters/{chapter}.html")
    page.wait_for_load_state("networkidle")
    predict_all(page)
    images = page.locator("figure.verkenner-statisch img")
    assert images.count() >= 3
    for i in range(images.count()):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 500")
    assert "Leerdoelen" in page.inner_text("main")
    assert page.blocked == []


@pytest.mark.parametrize("chapter", LEARNER_PAGES)
def test_zelftoets_werkt_zonder_kernel_met_nederlandse_terugkoppeling(site, page, chapter):
    page.goto(f"{site}/chapters/{chapter}.html")
    page.wait_for_load_state("networkidle")
    answer = page.locator(".MCButton").first
    answer.scroll_into_view_if_needed()
    answer.click()
    feedback = page.locator(".Feedback").first
    page.wait_for_function("el => el.innerText.trim().length > 0", arg=feedback.element_handle())
    text = feedback.inner_text()
    assert not any(word in text for word in ("Correct!", "Incorrect", "Try again"))
    assert page.blocked == []


def test_welkom_en_zoeken_werken_offline(site, page):
    page.goto(f"{site}/index.html")
    page.wait_for_load_state("networkidle")
    assert "Welkom" in page.title()
    assert page.blocked == []
