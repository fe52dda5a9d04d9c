"""A page script and style that some pages need: linked from those pages only, copied into the site once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.util.fileutil import copy_asset_file

ASSETS = Path(__file__).resolve().parents[1] / "chapters" / "assets"
"""Where the pages' scripts and styles live."""


def on_pages(app, needs: Callable[[nodes.Node], bool], script: str, style: str) -> None:
    """Link ``script`` and ``style`` (files in :data:`ASSETS`) from every page whose doctree ``needs`` them, and copy
    both into the site's ``_static`` (the book also lists ``chapters/assets`` as a static path; a project that does
    not gets them here)."""

    def link(app, pagename, templatename, context, doctree) -> None:
        if doctree is not None and needs(doctree):
            app.add_js_file(script)
            app.add_css_file(style)

    def copy(app, exception) -> None:
        if exception is None and app.builder.format == "html":
            for name in (script, style):
                copy_asset_file(str(ASSETS / name), str(Path(app.outdir) / "_static"))

    app.connect("html-page-context", link)
    app.connect("build-finished", copy)
