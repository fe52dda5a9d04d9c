"""The presenter view keeps a chapter's headings and explorers and drops MyST-only text."""

import json

import pytest

import explorers

from conftest import CHAPTERS, ROOT
from explorers.presentation import presenter_notebook


@pytest.mark.parametrize("name", CHAPTERS)
def test_presentatie_bevat_alle_verkenners_en_geen_myst_rollen(name):
    chapter = json.loads((ROOT / f"chapters/{name}.ipynb").read_text(encoding="utf-8"))
    slides = presenter_notebook(chapter)
    sources = ["".join(c["source"]) for c in slides["cells"]]
    explorers_in = [s for c in chapter["cells"]
                    if (s := "".join(c["source"])).startswith(tuple(f"{e}(" for e in explorers.__all__))]
    assert explorers_in and all(s in sources for s in explorers_in)
    markdown = "\n".join(s for c, s in zip(slides["cells"], sources) if c["cell_type"] == "markdown")
    title = next(line for line in "".join(chapter["cells"][0]["source"]).splitlines() if line.startswith("# "))
    assert markdown.startswith(title)
    assert "{cite}" not in markdown and "{glue" not in markdown and "{term}" not in markdown
    assert not any("display_quiz" in s for s in sources)
