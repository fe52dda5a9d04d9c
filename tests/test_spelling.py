"""Dutch spelling of everything a learner reads: chapters, self-tests, README, explorers, drawings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import HUNSPELL_NL, ROOT, require

WORDLIST = Path(__file__).with_name("woordenlijst.txt")

# What is not prose: code, math, roles' targets, directives' options, links, HTML tags.
STRIP = [
    (re.compile(r"```.*?```|~~~.*?~~~", re.S), " "),          # code blocks and directive heads kept below
    (re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S), " "),       # math
    (re.compile(r"`[^`]*`"), " "),                            # inline code and role targets
    (re.compile(r"\{[a-z:-]+\}"), " "),                       # role names: {cite}, {term}, {glue:text}
    (re.compile(r"^\s*:[a-z-]+:.*$", re.M), " "),             # directive options (:label:, :class:)
    (re.compile(r"https?://\S+"), " "),                       # URLs
    (re.compile(r"<[^>]+>"), " "),                            # HTML tags
    (re.compile(r"\]\([^)]*\)"), "]"),                        # link targets
    (re.compile(r"\(\*[^*]+\*"), "("),                          # English term: "(*growth hormone*, GH)"
]
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


def prose(markdown: str) -> str:
    markdown = re.sub(r"^```+[a-z]+\n.*?^```+\s*$", " ", markdown, flags=re.M | re.S)  # code in a language
    # keep the text inside directives ({exercise}, {admonition}, {glossary}...), drop their head line
    markdown = re.sub(r"^(```+|:::+)\s*\{[^}]+\}.*$", " ", markdown, flags=re.M)
    markdown = re.sub(r"^(```+|:::+)\s*$", " ", markdown, flags=re.M)
    for pattern, replacement in STRIP:
        markdown = pattern.sub(replacement, markdown)
    return markdown


@lru_cache(maxsize=1)
def texts() -> dict[str, str]:
    """Learner-facing text per source, as plain prose."""
    out = {"README.md": prose((ROOT / "README.md").read_text(encoding="utf-8"))}
    for path in sorted((ROOT / "chapters").glob("*.md")):
        out[path.name] = prose(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        out[path.name] = prose("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))
    for path in sorted((ROOT / "chapters/vragenbank").glob("*.yml")):
        out[path.name] = prose(" ".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8")))))
    out["verkenners"] = prose(" ".join(_explorer_strings()))
    for path in sorted((ROOT / "chapters/figuren").glob("*.svg")):  # labels, title and description of a drawing
        out[f"figuren/{path.name}"] = prose(" ".join(ET.parse(path).getroot().itertext()))
    out["voorspelling en studietijd"] = prose(" ".join(_directive_strings()))
    for name in ("live.js", "voorspelling.js", "presenteer.js", "werkblad.js"):  # the messages the page scripts show
        script = (ROOT / "chapters/assets" / name).read_text(encoding="utf-8")
        messages = re.findall(r'"([A-Z][^"]* [^"]*)"|`([A-Z][^`]* [^`]*)`', script)  # sentences, not code
        out[name] = prose(re.sub(r"\$\{[^}]*\}", " ", " ".join(a or b for a, b in messages)))
    return out


def _strings(node):
    if isinstance(node, str):
        yield re.sub(r"\{\w+\}", " ", node)  # a bank question's {input} placeholders
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in {"id", "type", "model", "inputs", "output", "unit", "scenario"}:
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _directive_strings():
    """What the book's own directives {voorspelling}, {studietijd} and {werkblad} write into a page."""
    from book import predictions, studytime, worksheet

    time = studytime.StudyTime(studytime.Counts(), 20, 6, 5, 12, 7)
    yield from (predictions.TITLE, predictions.ANSWER, studytime.in_page(time), studytime.in_table(time))
    yield from (worksheet.TITLE, worksheet.NAME, worksheet.DATE, worksheet.HOW, worksheet.WHY, worksheet.SEEN,
                worksheet.DISCUSSION, worksheet.DISCUSSION_LABEL, *worksheet.LABELS.values())


def _explorer_strings():
    """Every label, option, preset, readout and figure text of every explorer."""
    from explorers import registry

    for explorer in registry().values():
        ex = explorer()
        for preset in ex.presets:
            ex.apply(preset)
            yield preset
            yield ex.readout.value
            yield from (t.get_text() for t in ex.figure.findobj(lambda a: hasattr(a, "get_text")))
        for control in ex.controls.values():
            yield getattr(control, "description", "")
            yield from (label for label, _ in getattr(control, "options", []) if isinstance(label, str))
        yield from (ex.title, ex.preset.description)


@lru_cache(maxsize=1)
def dictionary():
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(HUNSPELL_NL.with_suffix("")))


def accepted() -> set[str]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def unknown_words(text: str) -> list[str]:
    d, ok = dictionary(), accepted()
    words = set(WORD.findall(text))
    return sorted(w for w in words if w not in ok and w.lower() not in ok and not d.lookup(w))


@pytest.mark.parametrize("source", list(texts()))
def test_spelling(source):
    require(HUNSPELL_NL.exists(), "hunspell-nl (Nederlands woordenboek)")
    assert unknown_words(texts()[source]) == []


def test_de_controle_vindt_echte_fouten():
    require(HUNSPELL_NL.exists(), "hunspell-nl (Nederlands woordenboek)")
    assert unknown_words("De spier groeit na de trainig door hypertrofie.") == ["trainig"]
