"""Presenter view of a chapter for `make present`: its headings and explorers, nothing else.

Voilà renders Markdown without MyST, so citations and glued numbers would show as raw
roles on a projector. The presenter view keeps what an instructor shows live: the
chapter's headings, its hidden set-up cells and its one-line explorer cells.

Usage: ``python -m explorers.presentation CHAPTER.ipynb OUT.ipynb``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import explorers

HEADING = re.compile(r"^#{1,2} ")


def presenter_notebook(chapter: dict) -> dict:
    """The presenter view of a chapter notebook (both as nbformat-4 JSON dicts)."""
    calls = tuple(f"{name}(" for name in explorers.__all__)
    cells = []
    for cell in chapter["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            headings = [line for line in source.splitlines() if HEADING.match(line)]
            if headings:
                cells.append({"cell_type": "markdown", "metadata": {}, "source": "\n\n".join(headings)})
        elif "remove-cell" in cell["metadata"].get("tags", []) or source.lstrip().startswith(calls):
            cells.append({"cell_type": "code", "metadata": {}, "source": source,
                          "outputs": [], "execution_count": None})
    return chapter | {"cells": cells}


def main(chapter: str, out: str) -> None:
    notebook = json.loads(Path(chapter).read_text(encoding="utf-8"))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(presenter_notebook(notebook), ensure_ascii=False, indent=1),
                         encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
