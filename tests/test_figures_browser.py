"""The explorers' figures as a learner sees them: the built site in real Chromium at the width of a phone, a
laptop and a projector, every other host blocked. Each panel and the legend is an image of its own: side by
side where they fit, stacked on a phone, sharp, and with no text smaller than the page's small print."""

import pytest

from book import chapters

from conftest import EXPLORER_PAGES, predict_all

pytestmark = pytest.mark.slow

SCREENS = {"telefoon": (390, 844), "laptop": (1280, 900), "projector": (1366, 768)}
"""Viewport sizes, CSS px: a common phone, a laptop, and the projector a classroom has."""

FIGURES = """() => [...document.querySelectorAll('figure.verkenner-statisch')].map(figure => ({
    title: figure.querySelector('figcaption strong').textContent,
    smallPrint: parseFloat(getComputedStyle(figure.querySelector('figcaption')).fontSize),
    images: [...figure.querySelectorAll('img')].map(img => {
        const box = img.getBoundingClientRect();
        return {complete: img.complete, natural: img.naturalWidth, shown: box.width, left: box.left, top: box.top,
                smallest: parseFloat(img.dataset.minTextPx), alt: img.alt};
    }),
}))"""
"""Per explorer figure on the page: its caption's font size (the page's small print, CSS px) and, per image, its
natural and shown width, its place, the size of its smallest text in the image's own pixels, and its alt text."""


def figures(site, page, chapter, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site}/chapters/{chapter}.html")
    page.wait_for_load_state("networkidle")
    predict_all(page)
    shown = page.evaluate(FIGURES)
    cells = ["".join(cell["source"]) for cell in chapters.notebook(chapter)["cells"] if cell["cell_type"] == "code"
             and "remove-cell" not in cell["metadata"].get("tags", [])]
    assert len(shown) == sum(len(chapters.explorer_calls(cell)) for cell in cells) > 0 and page.blocked == []
    return shown


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("chapter", EXPLORER_PAGES)
def test_geen_tekst_in_een_figuur_is_kleiner_dan_de_kleine_letters_van_de_pagina_en_elke_figuur_is_scherp(
        site, page, chapter, screen):
    for figure in figures(site, page, chapter, screen):
        assert figure["smallPrint"] >= 14  # the caption: the smallest text of the page's content
        for image in figure["images"]:
            assert image["complete"] and image["shown"] > 0, figure["title"]
            assert image["smallest"] * image["shown"] / image["natural"] >= figure["smallPrint"], figure["title"]
            assert image["natural"] >= 2 * image["shown"], figure["title"]  # sharp on a high-density screen


@pytest.mark.parametrize("chapter", EXPLORER_PAGES)
def test_op_een_telefoon_staan_de_panelen_onder_elkaar_op_een_laptop_naast_elkaar(site, page, chapter):
    for figure in figures(site, page, chapter, "telefoon"):
        lefts, tops = [i["left"] for i in figure["images"]], [i["top"] for i in figure["images"]]
        assert len(set(lefts)) == 1 and tops == sorted(set(tops)), figure["title"]
    for screen in ("laptop", "projector"):
        for figure in figures(site, page, chapter, screen):
            first, second = figure["images"][:2]
            assert first["top"] == second["top"] and first["left"] < second["left"], (screen, figure["title"])


@pytest.mark.parametrize("chapter", EXPLORER_PAGES)
def test_elke_afbeelding_heeft_een_nederlandse_beschrijving_van_wat_ze_toont(site, page, chapter):
    for figure in figures(site, page, chapter, "laptop"):
        *panels, legend = [image["alt"] for image in figure["images"]]
        for number, alt in enumerate(panels, start=1):
            assert alt.startswith(f"{figure['title']}, paneel {number} van {len(panels)}: ")
            assert "Getekend: " in alt and "Getekend: niets" not in alt
        assert legend.startswith(f"{figure['title']}, legenda: ") and ": " in legend.split("legenda: ")[1]


def test_de_interactieve_versie_zet_de_panelen_naast_elkaar_en_op_een_telefoon_onder_elkaar(site, page):
    static, *_ = figures(site, page, "hormonen", "laptop")  # the same explorer, at the same start, as the live one
    smallest = min(image["smallest"] for image in static["images"])
    page.locator("button.verkenner-start").first.click()
    page.locator("div.verkenner-live:not([hidden])").wait_for(timeout=150_000)
    images = page.locator("div.verkenner-live .widget-image")
    assert images.count() == len(static["images"])

    def places():
        return [image.evaluate("img => [img.getBoundingClientRect().left, img.getBoundingClientRect().top, "
                               "img.getBoundingClientRect().width, img.naturalWidth]") for image in images.all()]

    for screen in ("laptop", "telefoon"):
        width, height = SCREENS[screen]
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)
        shown = places()
        lefts, tops = [left for left, *_ in shown], [top for _, top, *_ in shown]
        if screen == "telefoon":
            assert len(set(lefts)) == 1 and tops == sorted(set(tops))
        else:
            assert tops[0] == tops[1] and lefts[0] < lefts[1]
        for *_, width, natural in shown:
            assert natural >= 2 * width and smallest * width / natural >= static["smallPrint"], screen
    assert page.blocked == []
