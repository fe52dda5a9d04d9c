"""Printable worksheets: ``{werkblad}``, the predictions and quick checks of a lesson on paper, with room to write.

An instructors' page writes one per lesson::

    :::{werkblad} spiergroei
    :titel: Les van 90 minuten
    :voorspellingen: 3, 5, 7, 10
    :controlevragen: 5, 10

    - Een cliënte van 75 eet 's ochtends een boterham met jam. Wat adviseer je haar?
    - Hoe stuur je een geschatte 1RM in de weken daarna bij?
    :::

- The argument names a chapter (a page relative to this one, as ``{studietijd}`` does); the worksheet reads the
  ``{voorspelling}`` and ``{controlevraag}`` blocks of that page and of the pages under it in ``_toc.yml``, from
  their sources at build time: the questions and options are never typed twice.
- ``:voorspellingen:`` and ``:controlevragen:`` choose by number. Each kind is numbered on through the chapter's
  pages in page order (the chapter's third prediction is "voorspelling 3", wherever it stands), as the lesson plans
  number them. A list such as ``1, 3, 4``, ``alle`` (the default when the option is left out) or ``geen``. A number
  outside the chapter's range, a number twice or a word is a Dutch build error naming the option and the range.
- The content, when given, is one list of discussion questions for the lesson; each gets lines to write on.
- ``:titel:`` says which lesson the sheet is for ("Les 1 van 2"), on a line under the title.

What it shows: a title with the chapter's name, lines for a name and a date, a line on how to use the sheet, then per
page of the chapter (in page order) its chosen predictions and quick checks: the question, the options lettered
A, B, C (circle one) and empty lines: "Waarom?" and, after a prediction, "Wat liet de figuur zien?". Then the
discussion questions with their lines. Never the right option, the feedback or the explanation.

On screen the sheet is a framed block with a button (``chapters/assets/werkblad.js``) that prints that sheet
alone. In print (``chapters/assets/werkblad.css``) each sheet starts on a new A4 sheet; a question is not split over
two sheets.

Limits: a question is parsed again in the instructors' page, so a role that only means something in its own page
(``{glue:text}``) cannot be used in a prediction's question or options that a worksheet shows; the directive says so.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from book import assets, studytime
from book.predictions import CORRECT, SEPARATOR, WRONG

SCRIPT, STYLE = "werkblad.js", "werkblad.css"

KINDS = {"voorspellingen": "voorspelling", "controlevragen": "controlevraag"}
"""Each option and the directive whose blocks it chooses."""

LABELS = {"voorspelling": "Voorspelling", "controlevraag": "Controlevraag"}
"""How a chosen block is headed on the sheet, before its number."""

ALL, NONE = "alle", "geen"
"""The option's words for every block of its kind and for none."""

TITLE = "Werkblad"
NAME, DATE = "Naam:", "Datum:"
HOW = ("Omcirkel bij elke vraag één letter en schrijf op waarom. Bij een voorspelling doe je dat vóór je de figuur "
       "ziet; noteer daarna wat de figuur liet zien.")
WHY = "Waarom?"
SEEN = "Wat liet de figuur zien?"
DISCUSSION = "Discussie"
DISCUSSION_LABEL = "Discussievraag"

LINES = {"why": 2, "seen": 2, "discussion": 4}
"""How many lines to write on after each part."""


@dataclass(frozen=True)
class Block:
    """A prediction or quick check of a chapter: its kind, its number in the chapter, its page and its source text
    above ``+++`` (the question and the options with their feedback)."""

    kind: str
    number: int
    page: str
    source: str


# Reading the chapter's pages -------------------------------------------------------------------------------------

def markdown_of(path: Path) -> list[str]:
    """The Markdown texts of a page: a notebook's Markdown cells, or a Markdown file."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    return [path.read_text(encoding="utf-8")]


def page_title(path: Path) -> str:
    """A page's title: its first level-1 heading."""
    for text in markdown_of(path):
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return path.stem


def found_in(text: str) -> list[tuple[str, str]]:
    """The predictions and quick checks in a Markdown text, in order, also inside other directives: each one's
    directive name and its text above ``+++``."""
    found = []
    for token in studytime.MYST.parse(text):
        match = studytime.DIRECTIVE.match(token.info.strip()) if token.type in ("fence", "colon_fence") else None
        if not match:
            continue
        name, argument = match.groups()
        if name in KINDS.values():
            body = f"{argument}\n\n{token.content}" if argument else token.content
            found.append((name, re.split(rf"^\s*{re.escape(SEPARATOR)}\s*$", body, maxsplit=1, flags=re.M)[0]))
        else:
            found += found_in(token.content)
    return found


def chapter_blocks(pages: list[tuple[str, Path]]) -> list[Block]:
    """Every prediction and quick check of a chapter's pages (docname, source), numbered per kind in page order."""
    blocks, counted = [], dict.fromkeys(KINDS.values(), 0)
    for docname, path in pages:
        for text in markdown_of(path):
            for kind, source in found_in(text):
                counted[kind] += 1
                blocks.append(Block(kind, counted[kind], docname, source))
    return blocks


# Choosing --------------------------------------------------------------------------------------------------------

def chosen_numbers(option: str, value: str | None, available: int, chapter: str) -> set[int]:
    """The numbers an option chooses, out of ``available``; a ``ValueError`` with a Dutch message otherwise."""
    if value is None or value.strip().lower() == ALL:
        return set(range(1, available + 1))
    if value.strip().lower() == NONE:
        return set()
    found = set()
    allowed = f"kies uit 1 tot en met {available}" if available else "het hoofdstuk heeft er geen"
    for piece in (p.strip() for p in value.split(",")):
        if not piece.isdigit():
            raise ValueError(f'Werkblad "{chapter}": de optie :{option}: bevat "{piece}"; schrijf nummers met '
                             f'komma\'s, zoals 1, 3, 4 ({allowed}), of "{ALL}" of "{NONE}".')
        number = int(piece)
        if not 1 <= number <= available:
            raise ValueError(f'Werkblad "{chapter}": de optie :{option}: noemt {number}, maar het hoofdstuk heeft '
                             f"{available} {option}: {allowed}.")
        if number in found:
            raise ValueError(f'Werkblad "{chapter}": de optie :{option}: noemt {number} twee keer.')
        found.add(number)
    return found


def chosen_blocks(blocks: list[Block], options: dict[str, str], chapter: str) -> list[Block]:
    """The blocks the options choose, in page order."""
    chosen = {kind: chosen_numbers(option, options.get(option), sum(b.kind == kind for b in blocks), chapter)
              for option, kind in KINDS.items()}
    return [block for block in blocks if block.number in chosen[block.kind]]


# Drawing ---------------------------------------------------------------------------------------------------------

def writing_lines(count: int) -> nodes.container:
    """Empty ruled lines to write on."""
    return nodes.container("", *(nodes.container(classes=["werkblad-regel"]) for _ in range(count)),
                           classes=["werkblad-regels"])


def prompt(text: str, count: int) -> list[nodes.Node]:
    """A short prompt ("Waarom?") and lines under it."""
    return [nodes.paragraph("", text, classes=["werkblad-opdracht"]), writing_lines(count)]


def name_and_date() -> nodes.paragraph:
    """The line on which a learner writes a name and a date."""
    return nodes.paragraph("", "", nodes.Text(f"{NAME} "), nodes.inline(classes=["werkblad-invul", "werkblad-lang"]),
                           nodes.Text(f" {DATE} "), nodes.inline(classes=["werkblad-invul"]),
                           classes=["werkblad-naam"])


def option_text(item: nodes.list_item) -> list[nodes.Node]:
    """An option's own text, without its feedback and without the ``[x]`` or ``[ ]`` that marks it."""
    terms = list(item.findall(nodes.term))
    text = [child.deepcopy() for child in terms[0].children] if terms else [
        child.deepcopy() for child in item.children if not isinstance(child, nodes.definition_list)]
    if text and isinstance(text[0], nodes.Text):
        text[0] = nodes.Text(WRONG.sub("", CORRECT.sub("", str(text[0]))))
    return text


class Worksheet(SphinxDirective):
    """``{werkblad} <chapter>``: the chosen predictions and quick checks of a chapter as a printable worksheet."""

    required_arguments = 1
    has_content = True
    option_spec = {"titel": directives.unchanged, "voorspellingen": directives.unchanged,
                   "controlevragen": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        chapter = self.arguments[0].strip()
        pages = self.chapter_pages(chapter)
        try:
            chosen = chosen_blocks(chapter_blocks(pages), self.options, chapter)
        except ValueError as error:
            raise self.error(str(error)) from error
        sheet = nodes.container(classes=["werkblad"], ids=[self.sheet_id()])
        self.set_source_info(sheet)
        sheet += self.heading(page_title(pages[0][1]))
        sheet += name_and_date()
        sheet += nodes.paragraph("", HOW, classes=["werkblad-uitleg"])
        titles = {docname: page_title(path) for docname, path in pages}
        for docname in dict.fromkeys(block.page for block in chosen):
            sheet += nodes.rubric("", titles[docname], classes=["werkblad-pagina"])
            sheet += [self.question(block) for block in chosen if block.page == docname]
        sheet += self.discussion()
        return [sheet]

    def chapter_pages(self, chapter: str) -> list[tuple[str, Path]]:
        """The chapter's pages (docname, source file), in order; the worksheet is rebuilt when one changes."""
        docname = posixpath.normpath(posixpath.join(posixpath.dirname(self.env.docname), chapter))
        if docname not in self.env.found_docs:
            raise self.error(f'Werkblad: het hoofdstuk "{chapter}" bestaat niet (gezocht als {docname}).')
        pages = [(doc, Path(self.env.doc2path(doc))) for doc in studytime.chapter_docs(self.env, docname)]
        for _, path in pages:
            self.env.note_dependency(str(path))
        return pages

    def sheet_id(self) -> str:
        serial = self.env.new_serialno("werkblad") + 1
        return nodes.make_id(f"werkblad-{self.env.docname}-{serial}")

    def heading(self, chapter_title: str) -> list[nodes.Node]:
        """The sheet's title, "Werkblad: <chapter>", and under it the lesson when ``:titel:`` names it."""
        lesson = self.options.get("titel", "").strip()
        title = nodes.rubric("", f"{TITLE}: {chapter_title}", classes=["werkblad-titel"])
        return [title, nodes.paragraph("", lesson, classes=["werkblad-les"])] if lesson else [title]

    def question(self, block: Block) -> nodes.container:
        """One prediction or quick check: its label, question and lettered options, then lines to write on."""
        if "{glue" in block.source:
            raise self.error(f"Werkblad: {LABELS[block.kind].lower()} {block.number} van {block.page} gebruikt "
                             "{glue:...}; een werkblad kan dat getal niet tonen. Schrijf de vraag zonder glue.")
        parsed = self.parse_text_to_nodes(block.source)
        lists = [n for n in parsed if isinstance(n, nodes.bullet_list)]
        question = [n for n in parsed if not isinstance(n, nodes.bullet_list)]
        options = nodes.enumerated_list(enumtype="upperalpha", prefix="", suffix=".", classes=["werkblad-keuzes"])
        for item in lists[-1].children if lists else []:
            options += nodes.list_item("", nodes.paragraph("", "", *option_text(item)))
        label = nodes.paragraph("", "", nodes.strong("", f"{LABELS[block.kind]} {block.number}"),
                                classes=["werkblad-label"])
        box = nodes.container("", label, *question, options, *prompt(WHY, LINES["why"]),
                              classes=["werkblad-vraag", f"werkblad-{block.kind}"])
        if block.kind == "voorspelling":
            box += prompt(SEEN, LINES["seen"])
        return box

    def discussion(self) -> list[nodes.Node]:
        """The lesson's discussion questions (the directive's content, one list), each with lines."""
        if not self.content:
            return []
        parsed = self.parse_content_to_nodes()
        if len(parsed) != 1 or not isinstance(parsed[0], (nodes.bullet_list, nodes.enumerated_list)):
            raise self.error("Werkblad: zet de discussievragen onder de opties als één lijst (- ...).")
        found = [nodes.rubric("", DISCUSSION, classes=["werkblad-pagina"])]
        for number, item in enumerate(parsed[0].children, start=1):
            label = nodes.paragraph("", "", nodes.strong("", f"{DISCUSSION_LABEL} {number}"),
                                    classes=["werkblad-label"])
            found.append(nodes.container("", label, *item.children, writing_lines(LINES["discussion"]),
                                         classes=["werkblad-vraag", "werkblad-discussie"]))
        return found


def has_worksheet(doctree: nodes.Node) -> bool:
    """Whether a page holds a worksheet."""
    return any(True for _ in doctree.findall(lambda n: isinstance(n, nodes.container) and "werkblad" in n["classes"]))


def setup(app):
    """Sphinx extension: ``{werkblad}``."""
    app.add_directive("werkblad", Worksheet)
    assets.on_pages(app, has_worksheet, SCRIPT, STYLE)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
