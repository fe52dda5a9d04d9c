"""Real Chromium against the built site and against Voilà, with every other host blocked."""

import pytest

from conftest import CHAPTERS

pytestmark = pytest.mark.slow

# Voilà's page template also links Font Awesome from a CDN, though voila.js bundles it:
# blocked here, and offline nothing is missing.
VOILA_ALLOWED = ("cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@",)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_hoofdstuk_rendert_zijn_figuren_offline(site, page, chapter):
    page.goto(f"{site}/chapters/{chapter}.html")
    page.wait_for_load_state("networkidle")
    images = page.locator("figure.verkenner-statisch img")
    assert images.count() >= 3
    for i in range(images.count()):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 500")
    assert "Leerdoelen" in page.inner_text("main")
    assert page.blocked == []


@pytest.mark.parametrize("chapter", CHAPTERS)
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


def test_voila_schuif_met_het_toetsenbord_verandert_de_figuur(presenter, page):
    page.goto(f"{presenter}/hormonen.ipynb", timeout=120_000)
    image = page.locator(".widget-image").first
    image.wait_for(timeout=120_000)
    before = image.get_attribute("src")
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                           arg=[image.element_handle(), before], timeout=30_000)
    assert image.get_attribute("src") != before
    assert page.locator(".jp-InputArea-editor, .CodeMirror, .cm-editor").count() == 0  # code hidden
    assert [u for u in page.blocked if not any(a in u for a in VOILA_ALLOWED)] == []


def test_presenteren_startpagina_hoofdstuk_voorbeeld_in_een_klik(presenter, page):
    page.goto(f"{presenter}/start.ipynb", timeout=120_000)
    page.get_by_role("link", name="De acute hormonale respons").click()
    image = page.locator(".widget-image").first
    image.wait_for(timeout=120_000)
    font = page.locator(".widget-toggle-button").first.evaluate("b => parseFloat(getComputedStyle(b).fontSize)")
    assert font >= 20  # readable from the back of a room
    before = image.get_attribute("src")
    page.locator(".widget-toggle-button", has_text="vrouw").first.click()
    page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                           arg=[image.element_handle(), before], timeout=30_000)
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_function("() => document.querySelector('.widget-dropdown select').value !== '0'")
    assert [u for u in page.blocked if not any(a in u for a in VOILA_ALLOWED)] == []


def test_presenteren_opent_met_het_voorbeeld_uit_de_url(presenter, page):
    page.goto(f"{presenter}/hormonen.ipynb?voorbeeld=alleen+armen", timeout=120_000)
    chosen = page.locator(".widget-toggle-button.mod-active")
    chosen.first.wait_for(timeout=120_000)
    assert chosen.first.inner_text().strip() == "alleen armen"
