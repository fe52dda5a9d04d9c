"""The presenter view keeps a chapter's headings and explorers and drops MyST-only text."""

import json

from conftest import ROOT
from explorers.presentation import presenter_notebook


def test_presentatie_bevat_alle_verkenners_en_geen_myst_rollen():
    chapter = json.loads((ROOT / "chapters/hormonen.ipynb").read_text(encoding="utf-8"))
    slides = presenter_notebook(chapter)
    sources = ["".join(c["source"]) for c in slides["cells"]]
    explorers_in = [s for c in chapter["cells"] if (s := "".join(c["source"])).startswith("hormoonverkenner(")]
    assert explorers_in and all(s in sources for s in explorers_in)
    markdown = "\n".join(s for c, s in zip(slides["cells"], sources) if c["cell_type"] == "markdown")
    assert markdown.startswith("# De acute hormonale respons")
    assert "{cite}" not in markdown and "{glue" not in markdown and "{term}" not in markdown
    assert not any("display_quiz" in s for s in sources)
