"""Published measurements shipped with the models (``edu/data/*.csv``).

Each file holds one study or table: ``#`` comment lines give the source and the columns
with their units, then a CSV header and rows. Numbers are returned as floats.
"""

from __future__ import annotations

import csv
from importlib import resources


def _value(text: str):
    try:
        return float(text)
    except ValueError:
        return text


def load(name: str) -> list[dict]:
    """Rows of ``edu/data/<name>.csv`` as dicts (numbers as floats, other cells as text)."""
    text = resources.files("edu").joinpath("data", f"{name}.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [{k: _value(v) for k, v in row.items()} for row in csv.DictReader(lines)]


def source(name: str) -> str:
    """The comment lines of ``edu/data/<name>.csv`` (source and columns), joined."""
    text = resources.files("edu").joinpath("data", f"{name}.csv").read_text(encoding="utf-8")
    return "\n".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
