"""Presenting from any laptop: the site's own presentation mode, and ``make present``.

A page with explorers, opened with ``?presenteer`` in its address (or from its header's "Presenteren" link), becomes
a presentation (``chapters/assets/presenteer.js`` and ``presenteer.css``): one scene at a time, a scene being one
explorer with the prediction (``{voorspelling}``) right before it; the question large, the answer and the explorer
after a choice; the explorer live in the page (the page's one Python runtime, ``chapters/assets/live.js``, started at
once and asked for the projector look, :data:`explorers.style.PRESENTING`); keyboard navigation; the scene and the
example in the address::

    chapters/hormonen.html?presenteer&scene=2&voorbeeld=vrouw

It needs a browser and the built site, served from any web address (a host, or a folder on the laptop); with
Pyodide bundled (``make book PYODIDE=...``) nothing comes from another machine.

This module is the Sphinx extension that gives the pages with explorers the script and its style, and
``make present``: it serves the built site on 127.0.0.1 and opens a page's presentation in the browser
(``python -m book.presentation [PAGINA] [--voorbeeld NAAM] [--scene N] [--poort 8866]``).
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import posixpath
import re
import sys
import threading
import urllib.parse
import webbrowser
from pathlib import Path

from docutils import nodes

from book import assets, chapters

ROOT = Path(__file__).resolve().parents[1]
SCRIPT, STYLE = "presenteer.js", "presenteer.css"
PARAMETER = "presenteer"
"""The address's parameter that makes a page a presentation (``?presenteer``); ``scene`` and ``voorbeeld`` go along."""
SITE = ROOT / "_build" / "html"
ONWARD = "presenteer-verder"
"""The meta tag naming the chapter's next page with explorers: after a page's last scene, the presentation goes on
there (presenteer.js)."""
FIGURE = re.compile(r'<figure class="verkenner-statisch" data-code="[^"]*" data-voorbeelden="([^"]*)"')
"""An explorer's static figure in a built page, with its examples (explorers/explorer.py)."""


# -- the Sphinx extension ----------------------------------------------------------------------------------------------

def has_explorer(doctree: nodes.Node) -> bool:
    """Whether a page shows an explorer (its static figure, the output of a notebook cell)."""
    return any(True for _ in doctree.findall(lambda n: isinstance(n, nodes.raw)
                                             and 'class="verkenner-statisch"' in n.astext()))


def onward(page: str, found) -> str | None:
    """The next page of ``page``'s chapter that shows explorers, among the pages in ``found`` (names); None at the
    chapter's last."""
    series = chapters.pages(chapters.chapter_of(page))
    later = series[series.index(page) + 1:] if page in series else []
    return next((name for name in later if name in found and chapters.explorers_on(name)), None)


def name_onward(app, pagename, templatename, context, doctree) -> None:
    """On a page with explorers, the :data:`ONWARD` meta tag when its chapter has a next page with explorers."""
    folder, page = posixpath.split(pagename)
    if doctree is not None and has_explorer(doctree):
        found = {posixpath.basename(docname) for docname in app.env.found_docs if posixpath.dirname(docname) == folder}
        if (after := onward(page, found)) is not None:
            context["metatags"] += f'\n<meta name="{ONWARD}" content="{after}.html">'


def setup(app):
    """Sphinx extension: the presentation mode on every page with explorers."""
    assets.on_pages(app, has_explorer, SCRIPT, STYLE)
    app.connect("html-page-context", name_onward)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# -- make present ------------------------------------------------------------------------------------------------------

def presenting_pages(site: Path) -> dict[str, list[list[str]]]:
    """Each page of the built ``site`` that has explorers, by name in the book's order, with the examples of each of
    its explorers."""
    order = {name: number for number, name in enumerate(chapters.in_order())}
    found = {}
    in_book = sorted((site / "chapters").glob("*.html"), key=lambda page: (order.get(page.stem, len(order)), page.stem))
    for page in in_book:
        scenes = [json.loads(html.unescape(names)) for names in FIGURE.findall(page.read_text(encoding="utf-8"))]
        if scenes:
            found[page.stem] = scenes
    return found


def address(page: str | None, example: str | None = None, scene: int | None = None) -> str:
    """The address of a page's presentation, relative to the site (the site's start page when no page is named)."""
    if page is None:
        return "index.html"
    parts = [PARAMETER] + ([f"scene={scene}"] if scene else [])
    parts += [f"voorbeeld={urllib.parse.quote(example)}"] if example else []
    return f"chapters/{page}.html?{'&'.join(parts)}"


def check(site: Path, page: str | None, example: str | None, scene: int | None) -> None:
    """Stop with a Dutch message when the site is not built, or the page, example or scene does not exist."""
    if not (site / "index.html").exists():
        sys.exit(f"De site staat niet in {site}. Bouw hem eerst met `make book`.")
    if page is None:
        return
    pages = presenting_pages(site)
    if page not in pages:
        sys.exit(f'Pagina "{page}" heeft geen verkenners of bestaat niet. Kies uit: {", ".join(pages)}.')
    scenes = pages[page]
    if scene is not None and not 1 <= scene <= len(scenes):
        sys.exit(f'Pagina "{page}" heeft {len(scenes)} scènes: kies een scène van 1 tot en met {len(scenes)}.')
    having = scenes[scene - 1] if scene else sorted({name for names in scenes for name in names})
    if example is not None and example not in having:
        sys.exit(f'Voorbeeld "{example}" bestaat niet {"in die scène" if scene else "op die pagina"}. '
                 f'Kies uit: {", ".join(having)}.')


def offline_note(site: Path) -> str | None:
    """A Dutch warning when the site gets Pyodide's packages from elsewhere (built without ``PYODIDE``)."""
    pages = sorted((site / "chapters").glob("*.html"))
    found = re.search(r'"bron": "([^"]*)"', pages[0].read_text(encoding="utf-8")) if pages else None
    if found and found.group(1) != "deze site":
        return (f"Let op: deze site haalt Python voor de verkenners van {found.group(1)}. Zonder internet blijven de "
                "figuren stil. Voor presenteren zonder internet: make pyodide, dan make book PYODIDE=_build/pyodide.")
    return None


def server(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A web server for the built ``site`` on 127.0.0.1 only (``port`` 0: a free port)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(site: Path, page: str | None, example: str | None, scene: int | None, port: int) -> None:
    """Serve the built site on 127.0.0.1 and open the page's presentation in the browser, until Ctrl+C."""
    check(site, page, example, scene)
    try:
        httpd = server(site, port)
    except OSError:
        sys.exit(f"Poort {port} is bezet. Kies een andere, bijvoorbeeld: make present POORT={port + 1}")
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{address(page, example, scene)}"
    if note := offline_note(site):
        print(note)
    print(f"Presenteren: {url}  (stoppen: Ctrl+C)")
    threading.Timer(0.3, webbrowser.open, [url]).start()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make present", description="Presenteer een pagina met verkenners.")
    parser.add_argument("pagina", nargs="?", default=None, help="pagina, bijvoorbeeld hormonen of spiergroei-eiwit")
    parser.add_argument("--voorbeeld", default=None, help="voorbeeld waarmee de presentatie opent")
    parser.add_argument("--scene", default=None, help="scène waarmee de presentatie opent (1, 2, ...)")
    parser.add_argument("--poort", type=int, default=8866, help="poort op 127.0.0.1")
    parser.add_argument("--site", type=Path, default=SITE, help="de gebouwde site")
    args = parser.parse_args(argv)
    scene = args.scene or None
    if scene is not None and not scene.isdigit():
        sys.exit(f'Scène "{scene}" is geen getal: kies 1, 2, ...')
    serve(args.site, args.pagina or None, args.voorbeeld or None, int(scene) if scene else None, args.poort)


if __name__ == "__main__":
    main()
