"""Presenting live (`make present`): every chapter's explorers through Voilà on 127.0.0.1.

The presenter site is a folder of notebooks that Voilà serves with code hidden: a start page
listing the chapters (and each chapter's examples, one click away), and per chapter one
"presentatiemodus" page. That page shows one explorer at a time, filling the screen, with
the chapter's sections as scenes (Vorige / Volgende) and the examples as buttons.

A chapter can open on an example: ``?voorbeeld=<naam>`` in the URL, or
``make present HOOFDSTUK=hormonen VOORBEELD="vrouw"``. Voilà hands the URL's query string to
the kernel (``QUERY_STRING``), so the page opens on the first scene that has that example.
The pages import this module, so Voilà runs with the repository on the kernels' ``PYTHONPATH``
(:func:`voila`).

Voilà serves the pages with the presenter's own page template (:data:`TEMPLATE`), which loads
nothing from another machine: Voilà's own template links Font Awesome from a CDN, though voila.js
bundles it.

Voilà renders Markdown without MyST, so the chapters' text (citations, glued numbers) stays
in the book; the presenter pages hold headings, scenes and explorers only.

Usage: ``python -m book.presentation [HOOFDSTUK] [--voorbeeld NAAM] [--poort 8866]``
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import time
import typing
import urllib.parse
import urllib.request
import webbrowser
from pathlib import Path

import ipywidgets as ipw

from book import chapters
from explorers import registry

SITE = chapters.ROOT / "_build" / "present"
START = "start.ipynb"
QUERY = "voorbeeld"


def with_explorers() -> list[str]:
    """The chapters with explorers, in the book's order."""
    return [name for name in chapters.in_order() if scenes(chapters.notebook(name))]


def scenes(notebook: dict) -> list[tuple[str, str, dict]]:
    """Each explorer cell of a chapter as (section heading, explorer name, keyword arguments)."""
    out, heading, names = [], "", registry()
    for cell in notebook["cells"]:
        source = "".join(cell["source"]).strip()
        if cell["cell_type"] == "markdown":
            heading = next((line[3:] for line in source.splitlines() if line.startswith("## ")), heading)
            continue
        try:
            call = ast.parse(source, mode="eval").body
        except SyntaxError:
            continue
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in names:
            kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            out.append((heading, call.func.id, kwargs))
    return out


def explorer_class(name: str) -> type:
    """The Explorer subclass an explorer function returns (from its annotation: nothing is drawn)."""
    return typing.get_type_hints(registry()[name])["return"]


def examples(name: str) -> list[str]:
    """The example (preset) names of an explorer."""
    return list(explorer_class(name).presets)


def presenter_notebook(chapter: str) -> dict:
    """The presentatiemodus page of a chapter: its title and one presentation widget."""
    code = f"from book.presentation import presentatie\n\npresentatie({chapter!r})"
    return chapters.notebook(chapter) | {"nbformat_minor": 4, "cells": [  # 4.4: cells need no ids
        {"cell_type": "markdown", "metadata": {}, "source": f"# {chapters.title(chapter)}"},
        {"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None}]}


def start_notebook(names: list[str]) -> dict:
    """The start page: every chapter, and each of its examples one click away."""
    lines = ["# Fysiologie van krachttraining: presenteren",
             "Kies een hoofdstuk. Elk hoofdstuk opent in de presentatiemodus: één verkenner tegelijk, "
             "schermvullend. Met **Vorige** en **Volgende** loop je door de onderdelen; de knoppen onder "
             "**Voorbeeld** zetten de verkenner in één klik op een voorbeeld. Een link onder een hoofdstuk "
             "opent het direct met dat voorbeeld."]
    for number, chapter in enumerate(names, start=1):
        lines.append(f"## {number}. [{chapters.title(chapter)}]({chapter}.ipynb)")
        for name in dict.fromkeys(name for _, name, _ in scenes(chapters.notebook(chapter))):
            links = ", ".join(f"[{p}]({chapter}.ipynb?{urllib.parse.urlencode({QUERY: p})})"
                              for p in examples(name))
            lines.append(f"- **{explorer_class(name).title}**: {links}")
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "\n\n".join(lines[:2])}]
    cells += [{"cell_type": "markdown", "metadata": {}, "source": "\n".join(lines[2:])}]
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 4}


def build(site: Path = SITE) -> list[str]:
    """Write the presenter site (start page and one page per chapter); return the chapters."""
    names = with_explorers()
    site.mkdir(parents=True, exist_ok=True)
    pages = {START: start_notebook(names)} | {f"{c}.ipynb": presenter_notebook(c) for c in names}
    for page, notebook in pages.items():
        (site / page).write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return names


def requested() -> str | None:
    """The example asked for in the page's URL (``?voorbeeld=...``), if any."""
    values = urllib.parse.parse_qs(os.environ.get("QUERY_STRING", "")).get(QUERY)
    return values[0] if values else None


class Presentatie:
    """One chapter's explorers, one at a time: scenes to step through, examples as buttons."""

    def __init__(self, chapter: str, example: str | None = None):
        self.scenes = scenes(chapters.notebook(chapter))
        if not self.scenes:
            raise ValueError(f'Hoofdstuk "{chapter}" heeft geen verkenners. Kies uit {", ".join(with_explorers())}.')
        self._made = {}
        first = 0
        if example is not None:
            having = [i for i, (_, name, _) in enumerate(self.scenes) if example in examples(name)]
            if not having:
                valid = sorted({p for _, name, _ in self.scenes for p in examples(name)})
                raise ValueError(f'Voorbeeld "{example}" bestaat niet in hoofdstuk "{chapter}". '
                                 f'Kies uit: {", ".join(valid)}.')
            first = having[0]
        self.example = example
        labels = [(f"{i}. {heading}", i) for i, (heading, _, _) in enumerate(self.scenes, start=1)]
        self.scene = ipw.Dropdown(options=[(label, i - 1) for label, i in labels], value=first,
                                  description="Onderdeel:", layout=ipw.Layout(width="40em"),
                                  style={"description_width": "initial"})
        back = ipw.Button(description="Vorige", icon="arrow-left")
        forward = ipw.Button(description="Volgende", icon="arrow-right")
        back.on_click(lambda _: self.go(-1))
        forward.on_click(lambda _: self.go(+1))
        self.stage = ipw.Box(layout=ipw.Layout(width="100%"))
        self.scene.observe(lambda change: self.show(change["new"]), names="value")
        self.ui = ipw.VBox([ipw.HBox([back, self.scene, forward]), self.stage])
        self.show(first)

    def explorer(self, index: int):
        """The explorer of a scene, made on first view (the asked-for example where it has one)."""
        if index not in self._made:
            _, name, kwargs = self.scenes[index]
            if self.example in examples(name):
                kwargs = kwargs | {"start": self.example}
                if kwargs.get("vergelijk") == self.example:
                    del kwargs["vergelijk"]
            self._made[index] = registry()[name](**kwargs)
        return self._made[index]

    def show(self, index: int) -> None:
        self.stage.children = [self.explorer(index).ui]

    def go(self, step: int) -> None:
        self.scene.value = (self.scene.value + step) % len(self.scenes)

    def _repr_mimebundle_(self, **kwargs):
        return self.ui._repr_mimebundle_(**kwargs)


def presentatie(chapter: str) -> Presentatie:
    """The presentatiemodus of a chapter, opening on the example in the URL, if any."""
    return Presentatie(chapter, requested())


def serve(chapter: str | None, example: str | None, port: int) -> None:
    """Build the presenter site, start Voilà on 127.0.0.1 and open the browser on the right page."""
    names = build()
    if chapter is not None and chapter not in names:
        sys.exit(f'Hoofdstuk "{chapter}" bestaat niet. Kies uit: {", ".join(names)}.')
    if chapter is not None and example is not None:
        try:
            Presentatie(chapter, example)  # a wrong example stops here, in Dutch, before the browser opens
        except ValueError as error:
            sys.exit(str(error))
    page = START if chapter is None else f"{chapter}.ipynb"
    query = f"?{urllib.parse.urlencode({QUERY: example})}" if example else ""
    url = f"http://127.0.0.1:{port}/voila/render/{page}{query}"
    server = voila(SITE, port)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/voila.js", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    print(f"Presentatie: {url}  (stoppen: Ctrl+C)")
    webbrowser.open(url)
    try:
        server.wait()
    except KeyboardInterrupt:
        server.terminate()


TEMPLATE = "presentatie"
"""Voilà's page template for the presenter (``book/voila/templates/``): nothing loaded from elsewhere."""


def voila(site: Path, port: int, **popen) -> subprocess.Popen:
    """Voilà serving the presenter ``site`` on 127.0.0.1:``port`` with :data:`TEMPLATE`; its kernels
    import :mod:`book` from the repository (``popen``: further arguments of :class:`subprocess.Popen`)."""
    def first(folder: Path, variable: str) -> str:
        return os.pathsep.join(filter(None, [str(folder), os.environ.get(variable)]))

    env = {**os.environ, "PYTHONPATH": first(chapters.ROOT, "PYTHONPATH"),
           "JUPYTER_PATH": first(Path(__file__).parent, "JUPYTER_PATH")}  # Voilà finds the template there
    return subprocess.Popen([str(Path(sys.executable).with_name("voila")), str(site), "--no-browser",
                             f"--port={port}", "--Voila.ip=127.0.0.1", f"--template={TEMPLATE}"], env=env, **popen)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make present", description="Toon de verkenners live (Voilà).")
    parser.add_argument("hoofdstuk", nargs="?", default=None, help="hoofdstuk, bijvoorbeeld hormonen")
    parser.add_argument("--voorbeeld", default=None, help="voorbeeld waarmee het hoofdstuk opent")
    parser.add_argument("--poort", type=int, default=8866, help="poort op 127.0.0.1")
    args = parser.parse_args(argv)
    serve(args.hoofdstuk or None, args.voorbeeld or None, args.poort)


if __name__ == "__main__":
    main()
