"""Presenting from any laptop: a page with explorers opened with ``?presenteer`` is a presentation
(book/presentation.py, chapters/assets/presenteer.js), in real Chromium at a projector's 1366 × 768 with every host
but 127.0.0.1 blocked; the explorers' projector look; ``make present``."""

from __future__ import annotations

import html
import json
import re

import pytest

from book import chapters, presentation
from conftest import ROOT, require
from explorers import style
from explorers.hormones import hormoonverkenner

PROJECTOR = {"width": 1366, "height": 768}
PAGE = "chapters/hormonen.html"
SCENE = ".presentatie-scene:not([hidden])"
LIVE = f"{SCENE} div.verkenner-live:not([hidden])"

INSIDE = """element => { const r = element.getBoundingClientRect(); return r.width > 0 && r.height > 0
  && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""
"""Whether an element is shown whole in the viewport."""

NO_SCROLLING = """() => scrollY === 0 && document.scrollingElement.scrollHeight <= innerHeight
  && document.scrollingElement.scrollWidth <= innerWidth"""

PICTURES = "live => [...live.querySelectorAll('.widget-image')].map(image => image.src).join()"


def present(site, page, query: str = ""):
    """Open the hormone chapter's first page as a presentation on a projector."""
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{site}/{PAGE}?presenteer{query}")
    page.locator(SCENE).wait_for()


def live(page):
    """Wait until the scene's explorer is live in place of its figure; its live element."""
    shown = page.locator(LIVE)
    shown.locator(".widget-image").first.wait_for(timeout=150_000)
    shown.locator(".widget-slider").first.wait_for()
    page.wait_for_function(f"""() => [...document.querySelectorAll('{LIVE} .widget-image')]
                           .every(image => image.complete && image.naturalWidth > 0)""")
    page.wait_for_timeout(300)  # the figure scaled to its room (one animation frame)
    return shown


def scene_number(page) -> int:
    return int(re.search(r"[?&]scene=(\d+)", page.url).group(1))


# -- the projector look: what Python builds when the page presents ---------------------------------------------------

def test_met_de_vlag_tekent_een_verkenner_groter_met_dikkere_lijnen_en_voorbeelden_als_knoppen(monkeypatch):
    monkeypatch.delenv(style.PRESENTING, raising=False)
    book = hormoonverkenner()
    monkeypatch.setenv(style.PRESENTING, "1")
    shown = hormoonverkenner()

    def widths(explorer):
        return [line.get_linewidth() for ax in explorer.figure.axes for line in ax.lines]

    assert all(p == pytest.approx(style.PROJECTOR_LINE_SCALE * b) for p, b in zip(widths(shown), widths(book)))
    assert shown.figure.axes[0].title.get_fontsize() > book.figure.axes[0].title.get_fontsize()
    assert type(book.preset).__name__ == "Dropdown" and type(shown.preset).__name__ == "ToggleButtons"
    side, main = shown.ui.children  # the parts a presenting page lays out, by name
    assert side._dom_classes == ("verkenner-zijkant",) and main._dom_classes == ("verkenner-hoofd",)
    assert [part._dom_classes for part in side.children] == [("verkenner-knoppen",), ("verkenner-uitlezing",)]
    assert [part._dom_classes for part in main.children] == [("verkenner-voorbeelden",), ("verkenner-figuur",)]
    assert main.children[1].children == tuple(shown.images)
    monkeypatch.setenv(style.PRESENTING, "0")
    assert not style.presenting()


def test_de_worker_zet_de_vlag_die_de_verkenners_kennen():
    worker = (ROOT / "book/live/worker.js").read_text(encoding="utf-8")
    assert f'const PRESENTING = "{style.PRESENTING}"' in worker and "env: presenting ?" in worker
    assert "presenting" in (ROOT / "chapters/assets/live.js").read_text(encoding="utf-8")


# -- the site: only pages with explorers get the mode ----------------------------------------------------------------

@pytest.mark.slow
def test_alleen_paginas_met_verkenners_laden_de_presentatiemodus(built_book):
    for page in (built_book / "chapters").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert ("presenteer.js" in text) == ('class="verkenner-statisch"' in text), page.name
    assert all((built_book / "_static" / name).exists() for name in (presentation.SCRIPT, presentation.STYLE))
    pages = presentation.presenting_pages(built_book)
    assert "hormonen" in pages and all(pages.values())
    assert "vrouw" in pages["hormonen"][0]


def test_elke_pagina_met_verkenners_noemt_de_volgende_pagina_van_het_hoofdstuk_met_verkenners(built_book):
    pages = presentation.presenting_pages(built_book)
    for name in pages:
        named = re.search(rf'<meta name="{presentation.ONWARD}" content="([\w-]+)\.html">',
                          (built_book / "chapters" / f"{name}.html").read_text(encoding="utf-8"))
        series = chapters.pages(chapters.chapter_of(name))
        later = [p for p in series[series.index(name) + 1:] if p in pages]
        assert (named.group(1) if named else None) == (later[0] if later else None), name


# -- in the browser --------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_op_een_beamer_staan_vraag_figuur_en_schuif_in_beeld_en_een_schuifstap_verandert_de_figuur(site, page):
    present(site, page)
    question = page.locator(f"{SCENE} .voorspelling-vraag")
    assert question.evaluate(INSIDE)
    assert question.evaluate("q => parseFloat(getComputedStyle(q).fontSize)") >= 24  # readable from the back
    options = page.locator(f"{SCENE} button.voorspelling-knop")
    assert options.count() >= 2 and all(options.nth(i).evaluate(INSIDE) for i in range(options.count()))
    assert options.first.evaluate("b => parseFloat(getComputedStyle(b).fontSize)") >= 24
    # nothing of the normal page, a bar that says where you are
    assert page.locator(".bd-sidebar-primary, .bd-header, .bd-article h1").first.is_hidden()
    bar = page.get_by_role("navigation", name="Presentatie")
    assert re.match(r"Scène 1 van \d+", bar.inner_text())
    assert page.get_by_role("heading", level=1).inner_text() in page.locator(SCENE).get_attribute("aria-label")
    for name in ("Vorige", "Volgende", "Stoppen"):
        assert bar.get_by_role("button", name=name).is_visible()
    # the answer waits for the presenter; then the answer, the explanation and the explorer, without scrolling
    assert page.locator(f"{SCENE} .voorspelling-uitleg").is_hidden()
    page.keyboard.press("Enter")
    assert page.locator(f"{SCENE} .voorspelling-antwoord").is_visible()
    shown = live(page)
    assert question.evaluate(INSIDE)
    images = shown.locator(".widget-image")
    assert images.count() >= 2 and all(images.nth(i).evaluate(INSIDE) for i in range(images.count()))
    slider = shown.get_by_role("slider").first
    assert slider.evaluate(INSIDE)
    assert shown.locator(".widget-slider").first.evaluate(INSIDE)
    assert page.evaluate(NO_SCROLLING)
    # the examples as buttons (the projector look, asked for by the page's Python)
    assert shown.locator(".verkenner-voorbeelden .widget-toggle-button").count() >= 2
    # a keyboard step on a slider draws a new figure
    before = shown.evaluate(PICTURES)
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"([live, old]) => ({PICTURES})(live) !== old", arg=[shown.element_handle(), before],
                           timeout=30_000)
    assert scene_number(page) == 1  # the arrow key was the slider's, not the presentation's
    # folding the explanation away gives the figure room: it never shrinks (it grows when it was scaled down)
    width = images.first.evaluate("image => image.getBoundingClientRect().width")
    page.get_by_role("button", name="Uitleg verbergen").click()
    assert page.locator(f'{SCENE} [aria-label="Uitleg"]').is_hidden()
    page.wait_for_function("([image, old]) => image.getBoundingClientRect().width >= old",
                           arg=[images.first.element_handle(), width])
    assert images.first.evaluate(INSIDE)
    assert page.blocked == []


@pytest.mark.slow
def test_op_een_telefoon_staat_de_balk_met_waar_je_bent_boven_de_knoppen_zonder_overlap(site, page):
    page.set_viewport_size({"width": 390, "height": 844})  # trying a presentation out on a phone
    page.goto(f"{site}/{PAGE}?presenteer")
    page.locator(SCENE).wait_for()
    bar = page.get_by_role("navigation", name="Presentatie")
    counter = bar.locator(".presentatie-teller")
    assert counter.evaluate(INSIDE) and re.match(r"Scène 1 van \d+$", counter.inner_text())
    box = counter.bounding_box()
    for name in ("Vorige", "Volgende", "Stoppen"):
        button = bar.get_by_role("button", name=name, exact=True)
        assert button.evaluate(INSIDE)
        other = button.bounding_box()
        assert box["y"] + box["height"] <= other["y"] or other["x"] + other["width"] <= box["x"], name
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    assert page.blocked == []


@pytest.mark.slow
def test_pijl_naar_rechts_gaat_naar_de_volgende_scene_met_dezelfde_python_en_escape_stopt(site, page):
    present(site, page)
    page.locator(f"{SCENE} button.voorspelling-knop").first.click()  # a choice unfolds the answer too
    live(page)
    runtime = page.evaluate("window.krachtLive.runtime().times.begun")
    count = int(re.search(r"van (\d+)", page.get_by_role("navigation", name="Presentatie").inner_text()).group(1))
    assert count >= 2
    page.mouse.click(5, 760)  # the keys go to the presentation, not to a control
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"[?&]scene=2\b"))
    assert "Scène 2 van" in page.get_by_role("navigation", name="Presentatie").inner_text()
    assert page.locator(f"{SCENE} .voorspelling-vraag").evaluate(INSIDE)
    page.keyboard.press("Enter")
    shown = live(page)
    assert shown.locator(".widget-slider").first.evaluate(INSIDE)
    assert len(page.workers) == 1 and page.evaluate("window.krachtLive.runtime().times.begun") == runtime
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"[?&]scene=1\b"))
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_url(re.compile(r"[?&]scene=2\b"))
    page.reload()  # the address keeps the scene
    page.locator(SCENE).wait_for()
    assert "Scène 2 van" in page.get_by_role("navigation", name="Presentatie").inner_text()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"hormonen\.html(#[\w-]+)?$"))
    page.locator(".bd-article h1").wait_for()
    assert page.locator(".presentatie").count() == 0
    assert page.get_by_role("link", name=re.compile("^Presenteren")).get_attribute("href") == "?presenteer"
    assert page.blocked == []


@pytest.mark.slow
def test_na_de_laatste_scene_gaat_de_presentatie_verder_op_de_volgende_pagina_van_het_hoofdstuk(built_book, site,
                                                                                                page):
    scenes = presentation.presenting_pages(built_book)
    present(site, page, f"&scene={len(scenes['hormonen'])}")
    onward = page.get_by_role("button", name="Volgende pagina")
    assert onward.is_enabled()
    page.mouse.click(5, 760)
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/hormonen-technieken-en-sekse\.html\?presenteer&scene=1\b"))
    assert "Scène 1 van" in page.get_by_role("navigation", name="Presentatie").inner_text()
    page.goto(f"{site}/chapters/hormonen-technieken-en-sekse.html?presenteer"  # the chapter's last with explorers
              f"&scene={len(scenes['hormonen-technieken-en-sekse'])}")
    page.locator(SCENE).wait_for()
    assert page.get_by_role("button", name="Volgende", exact=True).is_disabled()
    assert page.blocked == []


@pytest.mark.slow
def test_het_voorbeeld_uit_de_url_staat_aan_en_een_gekozen_voorbeeld_gaat_in_de_url(site, page):
    present(site, page, "&voorbeeld=alleen%20armen")
    first = scene_number(page)
    page.keyboard.press("Enter")
    shown = live(page)
    active = shown.locator(".verkenner-voorbeelden .widget-toggle-button.mod-active")
    assert active.inner_text().strip() == "alleen armen"
    assert "voorbeeld=alleen%20armen" in page.url
    shown.locator(".verkenner-voorbeelden .widget-toggle-button", has_text=re.compile("^vrouw$")).click()
    page.wait_for_url(re.compile(r"voorbeeld=vrouw$"))
    # a scene and an example named together
    present(site, page, "&scene=3&voorbeeld=vrouw")
    assert scene_number(page) == 3 and first == 1
    page.keyboard.press("Enter")
    active = live(page).locator(".verkenner-voorbeelden .widget-toggle-button.mod-active")
    assert active.inner_text().strip() == "vrouw"
    assert page.blocked == []


@pytest.mark.slow
def test_de_presentatiemodus_heeft_geen_ernstige_toegankelijkheidsfouten(site, page):
    from test_browser import AXE, SERIOUS

    require(AXE.exists(), "axe-core (make test)")
    present(site, page)
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(SERIOUS) == []
    page.keyboard.press("Enter")
    live(page)
    assert page.evaluate(SERIOUS) == []
    assert page.blocked == []


# -- make present ------------------------------------------------------------------------------------------------------

def fake_site(folder):
    """A built site's few files that `make present` reads: a page with two explorers, one page without."""
    (folder / "chapters").mkdir(parents=True)
    (folder / "index.html").write_text("<html></html>", encoding="utf-8")
    names = [html.escape(json.dumps(examples)) for examples in (["man", "vrouw"], ["alleen armen", "man"])]
    figures = "".join(f'<figure class="verkenner-statisch" data-code="x" data-voorbeelden="{n}">' for n in names)
    page = f'<script>{{"bron": "deze site"}}</script>{figures}'
    (folder / "chapters/hormonen.html").write_text(page, encoding="utf-8")
    (folder / "chapters/woordenlijst.html").write_text("<p>geen verkenners</p>", encoding="utf-8")
    return folder


def test_make_present_opent_de_presentatie_van_een_pagina_met_scene_en_voorbeeld(tmp_path):
    site = fake_site(tmp_path)
    assert presentation.presenting_pages(site) == {"hormonen": [["man", "vrouw"], ["alleen armen", "man"]]}
    assert presentation.address("hormonen") == "chapters/hormonen.html?presenteer"
    assert presentation.address("hormonen", "alleen armen", 2) == \
        "chapters/hormonen.html?presenteer&scene=2&voorbeeld=alleen%20armen"
    assert presentation.address(None) == "index.html"
    presentation.check(site, "hormonen", "alleen armen", 2)  # exists: no complaint
    assert presentation.offline_note(site) is None
    server = presentation.server(site, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_make_present_zegt_in_het_nederlands_wat_er_niet_bestaat(tmp_path):
    with pytest.raises(SystemExit, match=r"Bouw hem eerst met `make book`"):
        presentation.check(tmp_path / "leeg", "hormonen", None, None)
    site = fake_site(tmp_path)
    with pytest.raises(SystemExit, match=r'Pagina "woordenlijst" heeft geen verkenners .* Kies uit: hormonen\.'):
        presentation.check(site, "woordenlijst", None, None)
    with pytest.raises(SystemExit, match=r"heeft 2 scènes: kies een scène van 1 tot en met 2"):
        presentation.check(site, "hormonen", None, 3)
    with pytest.raises(SystemExit, match=r'Voorbeeld "zwemmen" bestaat niet op die pagina\. Kies uit: alleen armen'):
        presentation.check(site, "hormonen", "zwemmen", None)
    with pytest.raises(SystemExit, match=r'Voorbeeld "vrouw" bestaat niet in die scène'):
        presentation.check(site, "hormonen", "vrouw", 2)
    with pytest.raises(SystemExit, match=r'Scène "twee" is geen getal'):
        presentation.main(["hormonen", "--scene", "twee", "--site", str(site)])
