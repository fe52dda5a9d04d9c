"""The book's chapters as the course's tools read them: their order, titles and learning goals."""

from __future__ import annotations

import ast
import json
import re
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
"""The course repository."""

FOLDER = ROOT / "chapters"


def _toc() -> dict:
    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def in_order() -> list[str]:
    """Every page of the book, in the order of _toc.yml (names without folder or suffix)."""
    def files(entries):
        for entry in entries:
            yield Path(entry["file"]).name
            yield from files(entry.get("sections", []))

    toc = _toc()
    return [Path(toc["root"]).name] + [name for part in toc["parts"] for name in files(part["chapters"])]


def pages(chapter: str) -> list[str]:
    """A chapter's pages in order: the chapter's own page, then the pages under it in _toc.yml.

    A chapter is a short series of pages; its first page carries the chapter's name (``spiergroei``), the
    others are its sections in the table of contents (``spiergroei-trainingsvariabelen``). A page that is not
    a chapter is a series of one.
    """
    def find(entries):
        for entry in entries:
            if Path(entry["file"]).name == chapter:
                return [chapter] + [Path(sub["file"]).name for sub in entry.get("sections", [])]
            found = find(entry.get("sections", []))
            if found:
                return [chapter]
        return None

    for part in _toc()["parts"]:
        found = find(part["chapters"])
        if found:
            return found
    return [chapter]


def chapter_of(page: str) -> str:
    """The chapter a page belongs to: itself, or the page it stands under in _toc.yml."""
    for part in _toc()["parts"]:
        for entry in part["chapters"]:
            name = Path(entry["file"]).name
            if page == name or page in pages(name)[1:]:
                return name
    return page


def notebook(name: str) -> dict:
    """A chapter notebook as nbformat-4 JSON (no cells for a Markdown page)."""
    path = FOLDER / f"{name}.ipynb"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"cells": []}


def title(name: str) -> str:
    """The chapter's title: its first level-1 heading."""
    first = "".join(notebook(name)["cells"][0]["source"])
    return next(line[2:] for line in first.splitlines() if line.startswith("# "))


def page_goals(page: str) -> dict[int, str]:
    """The learning goals a page states, by their number in the chapter: its numbered list after
    "**Leerdoelen.**". A chapter numbers its goals on through its pages ("4. ..." opens the second page's list
    when the first had three), so a number names one goal in the whole chapter and in its question bank."""
    for cell in notebook(page)["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and "**Leerdoelen.**" in source:
            listed = source.split("**Leerdoelen.**", 1)[1]
            return {int(number): goal for number, goal in re.findall(r"^(\d+)\. (.+)$", listed, flags=re.M)}
    return {}


def learning_goals(chapter: str) -> list[str]:
    """The chapter's learning goals, numbered 1, 2, ... through its pages, as the pages state them (without the
    ";" or "." that ends each in its page's list)."""
    goals = {}
    for page in pages(chapter):
        goals.update(page_goals(page))
    if sorted(goals) != list(range(1, len(goals) + 1)):
        raise ValueError(f'De leerdoelen van hoofdstuk "{chapter}" zijn niet doorlopend genummerd over de '
                         f"pagina's {', '.join(pages(chapter))}: {sorted(goals)}.")
    return [goals[number].rstrip(";.") for number in sorted(goals)]


@lru_cache(maxsize=1)
def _explorer_names() -> frozenset[str]:
    from explorers import registry

    return frozenset(registry())


def explorer_calls(source: str) -> list[str]:
    """The explorers a code cell's ``source`` shows: the names of the explorer functions it calls."""
    return [node.func.id for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _explorer_names()]


def explorers_on(page: str) -> list[str]:
    """The explorers a page shows, in order: the explorer functions its code cells call."""
    return [name for cell in notebook(page)["cells"] if cell["cell_type"] == "code"
            for name in explorer_calls("".join(cell["source"]))]
