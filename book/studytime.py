"""Study time computed from a page itself, shown from that one source in the page, on Welkom and in the
instructor guide.

The formula
-----------
A page's study time is the sum of four parts, each in minutes:

``reading``
    The words of the page's main line, divided by a reading rate for study text (below).
``exploring``
    :data:`EXPLORER_MIN` per explorer the page shows (a code cell that calls an explorer): making the
    prediction, reading the figure and its readout, trying the live version. Assumed.
``exercises``
    :data:`EXERCISE_MIN` per ``{exercise}``: reading it, writing an answer, reading the worked solution.
    The words of exercises and solutions are not counted again. Assumed.
``self-test``
    Per question of the page's ``{zelftoets}`` that the bank shows in the self-test:
    :data:`QUESTION_MIN` for a multiple-choice question, :data:`NUMERIC_QUESTION_MIN` for a numeric one
    (setting an explorer and reading a number off it). Assumed.

The page shows ``reading + exploring`` as "lezen en verkennen" and ``exercises + self-test`` as "opgaven en
zelftoets", each rounded to :data:`ROUND_MIN` minutes (at least that much when it is not zero), and their sum
as the total, so the numbers shown add up.

**Reading rate.** Silent reading of non-fiction runs at 238 words per minute for English (Brysbaert 2019,
a meta-analysis of 190 studies; most adults read at 175–300). For Dutch, Brysbaert e.a. (2021) predict
the rate from the mean word length: 238 words per minute at 5.1 letters per word, 270 at 4.5 and 202 at 6.0.
Those three predictions are all about :data:`LETTERS_PER_MIN` letters per minute (4.5 × 270 = 1215,
5.1 × 238 = 1214, 6.0 × 202 = 1212), so a page with a mean word length *L* is read at
``LETTERS_PER_MIN / L`` words per minute, with *L* kept within 4.5–6.0, the range those predictions cover.
That is the rate of reading to understand. Studying a text to learn it (new terms, a table, a sentence read
twice) is slower: the rate is divided by :data:`STUDY_FACTOR`, an assumption.

**Verdieping.** Details for the curious fold away in a block of class ``verdieping``::

    :::{admonition} Verdieping: ...
    :class: dropdown verdieping
    ...
    :::

Its words are not part of the main line: they are counted apart, at the same rate, and shown as extra time
("wie ook de verdieping leest: ongeveer 10 minuten extra"), never in the page's total.

**What counts as a word.** The prose of the page's Markdown as MyST parses it (``markdown-it`` with the
book's extensions): text, headings, lists, tables, admonitions, the question, options, explanation and
one option's feedback (the mean length) of each ``{voorspelling}``. A citation counts as a typical one
("Kraemer e.a., 1991"), a glued number as one number, a glossary link as its text, a formula as one word.
Not counted: code, hidden cells, the bibliography, exercises and solutions (see above), the self-test
(counted by its questions) and this module's own directive.

Sources
-------
- Brysbaert, M. (2019). How many words do we read per minute? A review and meta-analysis of reading rate.
  Journal of Memory and Language, 109, 104047. https://doi.org/10.1016/j.jml.2019.104047 (the numbers
  above are in its abstract).
- Brysbaert, M., e.a. (2021; with N. Dirix, W. Duyck and L. Sui). Improving reading rate prediction with word
  length information: Evidence from Dutch. Quarterly Journal of Experimental Psychology.
  https://doi.org/10.1177/17470218211017100 (62 readers, 12 Dutch texts; the three predictions above are in
  its abstract).

In the pages (Markdown cells; a page never imports the book's tooling)
--------------------------------------------------------------------
- ``{studietijd}`` (a directive, no argument): this page's study time, as the page grammar states it:
  "**Studietijd.** Ongeveer 75 minuten: 45 minuten lezen en verkennen, 30 minuten opgaven en zelftoets."
- ``{studietijd}`hormonen``` (a role): another page's time, for Welkom's table: "ongeveer 75 minuten
  (45 minuten lezen en verkennen, 30 minuten opgaven en zelftoets)". The name is a page's path relative
  to the page that shows it, without suffix. When the page has pages under it in ``_toc.yml`` (a chapter
  split into pages), the time is that of the page and all pages under it: the whole chapter, each part the sum of
  what its pages show. Named with its suffix (``{studietijd}`spiergroei.ipynb```), it is that page alone: the
  chapter's first page as a lesson's pre-reading.
- ``{studietijd-totaal}`hormonen```: the total only, "ongeveer 75 minuten" (the instructor guide).
- ``{studietijd-som}`spiergroei, hormonen```: the sum of the totals those pages (or chapters) show, for Welkom's
  last row: "ongeveer 150 minuten (ongeveer 2,5 uur)". It adds the rounded totals, so it equals the sum of the rows.
"""

from __future__ import annotations

import copy
import json
import math
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from statistics import mean

from docutils import nodes
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx.util.docutils import SphinxDirective, SphinxRole

from book import bank, chapters
from edu.validation import fmt

LETTERS_PER_MIN = 1213
"""Letters read per minute in Dutch non-fiction: the rate Brysbaert e.a. (2021) predict at 4.5, 5.1 and 6.0
letters per word, times that word length (1215, 1214 and 1212)."""

WORD_LENGTH_RANGE = (4.5, 6.0)
"""The mean word lengths (letters) Brysbaert e.a. (2021) give predictions for; a page's is kept within."""

STUDY_FACTOR = 1.5
"""How much longer studying a text takes than reading it to understand it. Assumed: at the 5.1 letters per word
of Dutch non-fiction it gives 159 words per minute, below the 175–300 within which most adults read
non-fiction (Brysbaert 2019), for a text the learner has to learn and apply."""

EXPLORER_MIN = 3.0
"""Minutes per explorer: predict, read the figure and its readout, try it. Assumed."""

EXERCISE_MIN = 5.0
"""Minutes per exercise: read it, write an answer, read the worked solution. Assumed."""

QUESTION_MIN = 1.0
"""Minutes per multiple-choice self-test question, its feedback included. Assumed."""

NUMERIC_QUESTION_MIN = 2.0
"""Minutes per numeric self-test question: set an explorer, read a number off, type it. Assumed."""

ROUND_MIN = 5
"""The parts shown are rounded to this many minutes."""

VERDIEPING = "verdieping"
"""The class of a folded block of details (``:class: dropdown verdieping``)."""

CITATION = "Kraemer e.a., 1991"
"""A citation as it is counted: a typical one (a name, "e.a.", a year)."""

NUMBER = "12,3"
"""A glued number as it is counted."""

SKIPPED = {"bibliography", "solution", "studietijd", "code-cell", "raw", "leerdoelen", "antwoordsleutel",
           "vragenbank-overzicht", "toctree", "tableofcontents"}
"""Directives whose content is not study text of the page (or is counted otherwise)."""

WORD = re.compile(r"[^\W_]+(?:[-'’.,/][^\W_]+)*")
"""A word: letters and digits, with hyphens, apostrophes, decimal commas or slashes inside ("IGF-1",
"21,2", "nmol/L")."""


@dataclass
class Words:
    """Words and their letters."""

    words: int = 0
    letters: int = 0

    def add(self, text: str) -> None:
        found = WORD.findall(text)
        self.words += len(found)
        self.letters += sum(sum(c.isalnum() for c in word) for word in found)

    def __iadd__(self, other: Words) -> Words:
        self.words += other.words
        self.letters += other.letters
        return self


@dataclass
class Counts:
    """What a page holds that takes study time."""

    main: Words = field(default_factory=Words)
    verdieping: Words = field(default_factory=Words)
    explorers: int = 0
    exercises: int = 0
    questions: int = 0
    numeric_questions: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.main += other.main
        self.verdieping += other.verdieping
        for name in ("explorers", "exercises", "questions", "numeric_questions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def reading_rate(words: Words) -> float:
    """Words per minute for studying a text with these words (see the module's docstring)."""
    low, high = WORD_LENGTH_RANGE
    length = min(max(words.letters / words.words, low), high) if words.words else low
    return LETTERS_PER_MIN / length / STUDY_FACTOR


def rounded(minutes: float) -> int:
    """Minutes rounded to :data:`ROUND_MIN`, at least that when there are any."""
    if minutes <= 0:
        return 0
    return max(ROUND_MIN, ROUND_MIN * math.floor(minutes / ROUND_MIN + 0.5))


@dataclass(frozen=True)
class StudyTime:
    """A page's (or chapter's) study time in minutes, as computed and as shown."""

    counts: Counts
    reading_min: float
    exploring_min: float
    exercises_min: float
    selftest_min: float
    verdieping_min: float

    @property
    def read_and_explore(self) -> int:
        """"lezen en verkennen", rounded."""
        return rounded(self.reading_min + self.exploring_min)

    @property
    def practice(self) -> int:
        """"opgaven en zelftoets", rounded."""
        return rounded(self.exercises_min + self.selftest_min)

    @property
    def total(self) -> int:
        """The total shown: the sum of the rounded parts."""
        return self.read_and_explore + self.practice

    @property
    def extra(self) -> int:
        """The extra time for the Verdieping blocks, rounded."""
        return rounded(self.verdieping_min)


def study_time(counts: Counts) -> StudyTime:
    """The study time of what a page (or several) holds."""
    return StudyTime(
        counts=counts,
        reading_min=counts.main.words / reading_rate(counts.main) if counts.main.words else 0.0,
        exploring_min=EXPLORER_MIN * counts.explorers,
        exercises_min=EXERCISE_MIN * counts.exercises,
        selftest_min=QUESTION_MIN * counts.questions + NUMERIC_QUESTION_MIN * counts.numeric_questions,
        verdieping_min=counts.verdieping.words / reading_rate(counts.verdieping) if counts.verdieping.words else 0.0,
    )


# Reading a page -------------------------------------------------------------------------------------------

MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist", "dollarmath", "substitution"}),
                        RendererHTML)
"""MyST's own Markdown parser, with the book's extensions (``_config.yml``)."""

OPTION = re.compile(r"^:[\w-]+:.*$")
DIRECTIVE = re.compile(r"^\{([\w:-]+)\}\s*(.*)$")


def _body(content: str) -> tuple[dict[str, str], str]:
    """A directive's options (``:name: value`` lines or a ``---`` YAML block at its start) and its body."""
    lines = content.split("\n")
    options = {}
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            options[key.strip()] = value.strip()
        lines = lines[end + 1:]
    else:
        while lines and OPTION.match(lines[0].strip()):
            key, _, value = lines.pop(0).strip()[1:].partition(":")
            options[key] = value.strip()
    return options, "\n".join(lines)


def _inline(token) -> str:
    """An inline token's text as a learner reads it (see "What counts as a word")."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "math_inline":
            parts.append("x")
        elif child.type == "myst_role":
            name, content = child.meta.get("name", ""), child.content
            if name.startswith("cite"):
                parts.append("; ".join(CITATION for key in content.split(",") if key.strip()))
            elif name.startswith("glue"):
                parts.append(NUMBER)
            else:
                parts.append(re.sub(r"\s*<[^>]*>\s*$", "", content))  # {term}`text <target>`: the text
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join(parts)


def _markdown(text: str, counts: Counts, verdieping: bool = False) -> None:
    """Count what a Markdown text holds into ``counts``."""
    words = counts.verdieping if verdieping else counts.main
    for token in MYST.parse(text):
        if token.type == "inline":
            words.add(_inline(token))
        elif token.type == "math_block":
            words.add("x")
        elif token.type in ("fence", "colon_fence"):
            _directive(token, counts, verdieping)


def _directive(token, counts: Counts, verdieping: bool) -> None:
    """Count a directive (a fence ``{name} argument``); a fence in a language is code and not counted."""
    found = DIRECTIVE.match(token.info.strip())
    if not found:
        return
    name, argument = found.groups()
    options, body = _body(token.content)
    if name in SKIPPED:
        return
    if name == "exercise":
        counts.exercises += 1
    elif name == "zelftoets":
        shown = bank.self_test(argument.strip())
        counts.numeric_questions += sum(q["type"] == "numeric" for q in shown)
        counts.questions += sum(q["type"] != "numeric" for q in shown)
    elif name in ("voorspelling", "controlevraag"):
        _prediction(f"{argument}\n\n{body}", counts, verdieping)  # a question may start on the directive's line
    else:
        inside = verdieping or VERDIEPING in options.get("class", "").split()
        words = counts.verdieping if inside else counts.main
        if name not in ("figure", "image"):
            words.add(argument)  # an admonition's title (a figure's argument is its file)
        _markdown(body, counts, inside)


def _prediction(body: str, counts: Counts, verdieping: bool) -> None:
    """A ``{voorspelling}``: its question, options and explanation, and one feedback (the mean)."""
    words = counts.verdieping if verdieping else counts.main
    feedback, depth = [], 0
    body = re.sub(r"^\s*\+\+\+\s*$", "", body, flags=re.M)  # the line before the explanation
    body = re.sub(r"^(\s*- )\[[xX ]\] ?", r"\1", body, flags=re.M)  # the marker of the right option
    for token in MYST.parse(body):
        depth += {"dd_open": 1, "dd_close": -1}.get(token.type, 0)
        if token.type == "inline":
            if depth:
                feedback.append(Words())
                feedback[-1].add(_inline(token))
            else:
                words.add(_inline(token))
    if feedback:
        words.words += round(mean(w.words for w in feedback))
        words.letters += round(mean(w.letters for w in feedback))


@lru_cache(maxsize=64)
def _counts_at(path: str, modified: float) -> Counts:
    """A page's counts, read once per version of its file."""
    return _read(Path(path))


def counts(path: Path) -> Counts:
    """What the page at ``path`` (a notebook or a MyST Markdown file) holds that takes study time."""
    path = Path(path)
    return copy.deepcopy(_counts_at(str(path.resolve()), path.stat().st_mtime))


def _read(path: Path) -> Counts:
    found = Counts()
    if path.suffix == ".ipynb":
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                _markdown(source, found)
            elif cell["cell_type"] == "code" and "remove-cell" not in cell.get("metadata", {}).get("tags", []):
                found.explorers += len(chapters.explorer_calls(source))
    else:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter
            text = text.split("\n---\n", 1)[-1]
        _markdown(text, found)
    return found


def page_time(path: Path) -> StudyTime:
    """The study time of the page at ``path``."""
    return study_time(counts(path))


def _summed(part: str) -> property:
    """A :class:`SeriesTime`'s ``part``: the sum of what its pages show."""
    return property(lambda series: sum(getattr(page, part) for page in series.pages))


@dataclass(frozen=True)
class SeriesTime:
    """The study time of a series of pages (a chapter): the sums of what each page shows, so that the times a
    learner reads on the pages add up to the chapter's (the parts of :class:`StudyTime`)."""

    pages: tuple[StudyTime, ...]
    read_and_explore = _summed("read_and_explore")
    practice = _summed("practice")
    total = _summed("total")
    extra = _summed("extra")


def pages_time(paths: list[Path]) -> SeriesTime:
    """The study time of several pages together (a chapter)."""
    return SeriesTime(tuple(page_time(path) for path in paths))


# How it is said -----------------------------------------------------------------------------------------

def minutes(number: int) -> str:
    return f"{number} {'minuut' if number == 1 else 'minuten'}"


def parts(time: StudyTime | SeriesTime) -> str:
    """The parts in Dutch: "45 minuten lezen en verkennen, 30 minuten opgaven en zelftoets"."""
    said = []
    if time.read_and_explore:
        said.append(f"{minutes(time.read_and_explore)} lezen en verkennen")
    if time.practice:
        said.append(f"{minutes(time.practice)} opgaven en zelftoets")
    return ", ".join(said)


def extra(time: StudyTime | SeriesTime) -> str:
    """The Verdieping's extra time, or nothing."""
    return f"wie ook de verdieping leest: ongeveer {minutes(time.extra)} extra" if time.extra else ""


def in_page(time: StudyTime) -> str:
    """The page's own statement (after "**Studietijd.**")."""
    text = f"Ongeveer {minutes(time.total)}: {parts(time)}."
    return f"{text} {extra(time)[:1].upper()}{extra(time)[1:]}." if time.extra else text


def in_table(time: StudyTime | SeriesTime) -> str:
    """Another page's time in a sentence or table: "ongeveer 75 minuten (45 minuten ..., 30 minuten ...)"."""
    details = "; ".join(filter(None, [parts(time), extra(time)]))
    return f"ongeveer {minutes(time.total)} ({details})"


def total(time: StudyTime | SeriesTime) -> str:
    """The total only: "ongeveer 75 minuten"."""
    return f"ongeveer {minutes(time.total)}"


def summed(number: int) -> str:
    """A sum of totals: "ongeveer 810 minuten (ongeveer 13,5 uur)", hours to the half hour from 90 minutes on."""
    if number < 90:
        return f"ongeveer {minutes(number)}"
    hours = round(number / 30) / 2
    return f"ongeveer {minutes(number)} (ongeveer {fmt(hours)} uur)"


# Sphinx ------------------------------------------------------------------------------------------------

SUFFIXES = (".ipynb", ".md")
"""A page named with one of these suffixes is that page alone, not the pages under it."""


def chapter_docs(env, docname: str) -> list[str]:
    """A page and the pages under it in the table of contents (``_toc.yml``, sphinx-external-toc), in order."""
    site_map = getattr(env, "external_site_map", None)
    entry = site_map.get(docname) if site_map is not None else None
    found = [docname]
    for subtree in getattr(entry, "subtrees", []):
        for item in subtree.items:
            if isinstance(item, str):
                found += chapter_docs(env, item)
    return found


def target_paths(env, here: str, target: str) -> list[Path]:
    """The source files of the page ``target`` names (relative to the page ``here``) and the pages under it; with
    its suffix (``spiergroei.ipynb``) the page alone."""
    name, suffix = posixpath.splitext(target.strip())
    alone = suffix in SUFFIXES
    docname = posixpath.normpath(posixpath.join(posixpath.dirname(here), name if alone else target.strip()))
    if docname not in env.found_docs:
        raise ValueError(f'Studietijd: de pagina "{target.strip()}" bestaat niet (gezocht als {docname}).')
    docs = [docname] if alone else chapter_docs(env, docname)
    for doc in docs:
        env.note_dependency(str(env.doc2path(doc)))
    return [Path(env.doc2path(doc)) for doc in docs]


def note_bank(env, paths: list[Path]) -> None:
    """Rebuild the page showing a time when a self-test it counts changes."""
    for name in {m for p in paths for m in re.findall(r"\{zelftoets\}\s+([\w-]+)", p.read_text(encoding="utf-8"))}:
        env.note_dependency(str(bank.BANK / f"{chapters.chapter_of(name)}.yml"))


class PageStudyTime(SphinxDirective):
    """``{studietijd}``: this page's study time, "**Studietijd.** Ongeveer ...", computed from the page."""

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.doc2path(self.env.docname))
        note_bank(self.env, [path])
        try:
            time = page_time(path)
        except (ValueError, OSError) as error:
            raise self.error(str(error)) from error
        paragraph = nodes.paragraph("", "", nodes.strong("", "Studietijd."), nodes.Text(f" {in_page(time)}"),
                                    classes=["studietijd"])
        self.set_source_info(paragraph)
        return [paragraph]


class OtherStudyTime(SphinxRole):
    """``{studietijd}`page``` and ``{studietijd-totaal}`page```: another page's (or chapter's) study time."""

    def __init__(self, say):
        self.say = say

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            paths = target_paths(self.env, self.env.docname, self.text)
            note_bank(self.env, paths)
            time = pages_time(paths)
        except (ValueError, OSError) as error:
            message = self.inliner.reporter.error(str(error), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [message]
        return [nodes.inline("", self.say(time), classes=["studietijd"])], []


class SummedStudyTime(SphinxRole):
    """``{studietijd-som}`a, b```: the sum of the totals the pages (or chapters) ``a`` and ``b`` show."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        number = 0
        try:
            for target in filter(None, (t.strip() for t in self.text.split(","))):
                paths = target_paths(self.env, self.env.docname, target)
                note_bank(self.env, paths)
                number += pages_time(paths).total
        except (ValueError, OSError) as error:
            message = self.inliner.reporter.error(str(error), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [message]
        return [nodes.inline("", summed(number), classes=["studietijd", "studietijd-som"])], []


def setup(app):
    """Sphinx extension: ``{studietijd}`` (directive and role), ``{studietijd-totaal}`` and ``{studietijd-som}``."""
    app.add_directive("studietijd", PageStudyTime)
    app.add_role("studietijd", OtherStudyTime(in_table))
    app.add_role("studietijd-totaal", OtherStudyTime(total))
    app.add_role("studietijd-som", SummedStudyTime())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
