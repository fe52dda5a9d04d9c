"""The book's theme in Dutch and accessible, as Chromium renders it.

``language: nl`` translates most of Sphinx and sphinx-book-theme; this extension adds what is
left, in two ways:

- :data:`MESSAGES`: strings the theme marks for translation but no Dutch catalog translates
  (pydata-sphinx-theme has none); they back up Sphinx's Dutch catalog, so its own translations
  come first;
- :data:`FIXES`: fragments the themes write into every page in English or inaccessibly (a
  fixed label, a button whose name differs from its visible text, an unnamed ``<summary>``,
  an ARIA list of entries that are not list items), replaced in each rendered page.

and the search field's text (:data:`SEARCH`), a theme option that Jupyter Book sets in English
(``html_theme_options`` in ``_config.yml`` would replace all of Jupyter Book's theme options). The
labels that scripts create in the browser get their names in ``chapters/assets/live.js``.
"""

from __future__ import annotations

import gettext

from sphinx.locale import get_translator

MESSAGES = {
    "Skip to main content": "Naar de inhoud",
    "Back to top": "Naar boven",
    "Site navigation": "Navigatie van de cursus",
    "On this page": "Op deze pagina",
    "Version warning": "Versiewaarschuwing",
    "previous page": "vorige pagina",
    "next page": "volgende pagina",
    "Link to this heading": "Link naar dit kopje",
    "Color mode": "Kleurmodus",
    # The icon of the current mode names the colour-mode button (FIXES), so each says what it is.
    "Light": "Kleurmodus: licht",
    "Dark": "Kleurmodus: donker",
    "System Settings": "Kleurmodus: zoals het apparaat",
}
"""English message (as the theme marks it) → Dutch."""

SEARCH = "Zoek in deze cursus…"
"""The search field's placeholder and name."""

FIXES = [
    ('title="Toggle primary sidebar"', 'title="Inhoudsopgave van de cursus tonen of verbergen"'),
    ('title="Toggle secondary sidebar"', 'title="Inhoud van deze pagina tonen of verbergen"'),
    ('bd-docs-nav" aria-label="Main">', 'bd-docs-nav" aria-label="Hoofdstukken">'),
    ('<nav aria-label="Page">', '<nav aria-label="Inhoud van deze pagina">'),
    # The search button shows "Zoeken Ctrl+K": its name is what it shows (the label said only "Zoeken").
    ('search-button__button pst-js-only" title="Zoeken" aria-label="Zoeken"',
     'search-button__button pst-js-only" title="Zoeken"'),
    # The colour-mode button shows the icon of the current mode, whose title (MESSAGES) names it.
    ('theme-switch-button pst-js-only" aria-label="Kleurmodus"', 'theme-switch-button pst-js-only"'),
    # The sidebar's fold-out of a part of the course.
    ('<summary><span class="toctree-toggle"',
     '<summary aria-label="Onderliggende pagina\'s tonen of verbergen"><span class="toctree-toggle"'),
    # docutils marks a bibliography entry with DPUB-ARIA's deprecated doc-biblioentry in a role="list".
    ('role="doc-biblioentry"', 'role="listitem"'),
]
"""(English or inaccessible fragment, its replacement) in the rendered HTML of every page."""


class Messages(gettext.NullTranslations):
    """:data:`MESSAGES` as a gettext catalog."""

    def gettext(self, message):
        return MESSAGES.get(message) or super().gettext(message)


def configure(app, config) -> None:
    """Let :data:`MESSAGES` translate what Sphinx's Dutch catalog leaves untranslated; set :data:`SEARCH`."""
    config.html_theme_options["search_bar_text"] = SEARCH
    if config.language == "nl":
        get_translator().add_fallback(Messages())


def fix(html: str) -> str:
    """A rendered page with :data:`FIXES` applied."""
    for old, new in FIXES:
        html = html.replace(old, new)
    return html


def fix_pages(app) -> None:
    """Apply :data:`FIXES` to every page an HTML builder renders."""
    if app.builder.format == "html":
        render = app.builder.templates.render
        app.builder.templates.render = lambda template, context: fix(render(template, context))


def setup(app):
    """Sphinx extension: the theme's missing Dutch and its accessibility fixes."""
    app.connect("config-inited", configure)
    app.connect("builder-inited", fix_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
