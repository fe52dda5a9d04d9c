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


def in_order() -> list[str]:
    """Every page of the book, in the order of _toc.yml (names without folder or suffix)."""
    def files(entries):
        for entry in entries:
            yield Path(entry["file"]).name
            yield from files(entry.get("sections", []))

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [Path(toc["root"]).name] + [name for part in toc["parts"] for name in files(part["chapters"])]


def notebook(name: str) -> dict:
    """A chapter notebook as nbformat-4 JSON (no cells for a Markdown page)."""
    path = FOLDER / f"{name}.ipynb"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"cells": []}


def title(name: str) -> str:
    """The chapter's title: its first level-1 heading."""
    first = "".join(notebook(name)["cells"][0]["source"])
    return next(line[2:] for line in first.splitlines() if line.startswith("# "))


def learning_goals(name: str) -> list[str]:
    """The learning goals as the chapter states them (its numbered list after "Leerdoelen")."""
    for cell in notebook(name)["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and "**Leerdoelen.**" in source:
            return re.findall(r"^\d+\. (.+)$", source.split("**Leerdoelen.**", 1)[1], flags=re.M)
    return []


@lru_cache(maxsize=1)
def _explorer_names() -> frozenset[str]:
    from explorers import registry

    return frozenset(registry())


def explorer_calls(source: str) -> list[str]:
    """The explorers a code cell's ``source`` shows: the names of the explorer functions it calls."""
    return [node.func.id for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _explorer_names()]
