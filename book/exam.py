"""A printable exam drawn from the question bank: ``make toets`` writes to ``_build/toets/``.

``make toets HOOFDSTUKKEN="spiergroei hormonen" VRAGEN=20 VERSIE=A ZAAD=2026`` writes

``toets-<ZAAD>-<VERSIE>.pdf``
    the exam for the candidate: title, chapters, version, instructions, numbered questions grouped by chapter,
    options lettered A-D, a box for a numeric answer and ruled space for an open one; no answers, no seed (with
    the seed and the public bank anyone could rebuild the key).
``correctiemodel-<ZAAD>-<VERSIE>.pdf``
    the answer key and scoring guide: a short key per question, the test matrix (questions per learning goal,
    level and type), and per question its key with the option's explanation, a numeric question's value computed
    by the models at draw time with the range that is right, an open question's model answer and rubric; points
    per question and in total.
``trekking-<ZAAD>-<VERSIE>.json``
    the record of the draw: parameters, the command that repeats it, a hash of each chapter's bank file and per
    question its id, option order, key and value, so a variant can be rebuilt and audited.

How a draw works (all of it follows from the seed, ``ZAAD``, and the version, ``VERSIE``):

1. **Blueprint, balanced over the learning goals** (:func:`quotas`). Every learning goal of the chosen chapters
   gets a share of the questions as equal as possible: questions are handed out one at a time to the goal that has
   the fewest so far, so shares differ by at most one. The remainder (when ``VRAGEN`` is not a multiple of the
   number of goals) goes to goals in an order set by the seed that takes the chapters in turn
   (:func:`goal_order`), so chapters too stay as even as their numbers of goals allow. A goal whose questions are
   used up gets no more; its share goes to the others. The blueprint depends on the seed only: every version
   tests the same goals the same number of times.
2. **Types** (:func:`slots`): each of those questions becomes a slot, a goal and a type of question; the types
   follow the mix of the chosen chapters' bank (multiple choice, numeric, open), as far as each goal has them.
3. **Questions** (:func:`select`): each slot takes, of its goal and type, in order of preference a question no
   earlier version of this seed used (else the one used least); an exam-only question (``self_test: false``,
   unseen by the candidates) before a self-test question; the one whose level is furthest below its share in the
   bank (so the exam mixes kennis, begrip and toepassing); then a tie-break set by seed and version.
4. **Versions** are drawn in turn (A, then B, ...), from the same blueprint: every version has as many questions
   per goal and of each type as A, so versions are parallel (as long, nearly the same points). A later version
   first swaps types between slots of two goals where that lets it take questions no earlier version used
   (:func:`rearranged`), then avoids their questions; only where a goal has too few questions for every version
   does it reuse one (the one used least), and then the same question stands elsewhere with its options in
   another order: questions are shuffled within each chapter per version and every multiple-choice question's
   options per version and question, the key following the options.

The same seed and version give the same exam: the same questions, order, options and key. Texts are rendered as
the learning-platform export renders them (:mod:`book.export`: the bank's Markdown, ``{cite}`` as "(Kraemer e.a.,
1991)"); the PDF is printed by :func:`book.handout.print_page`, as the handout is.

Usage: ``python -m book.exam [--hoofdstukken "spiergroei hormonen"] [--vragen 20] [--versie A] [--zaad 2026]
[--map _build/toets]``
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import random
import secrets
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from book import bank, chapters, export, handout
from edu.validation import fmt

FOLDER = chapters.ROOT / "_build" / "toets"
"""Where ``make toets`` writes: beside the site, never in it."""

VERSIONS = ("A", "B", "C", "D")
"""The versions a seed can give: parallel exams for one sitting or a resit."""

KINDS = {"multiple_choice": "meerkeuzevraag", "numeric": "rekenvraag", "open": "open vraag"}

GoalKey = tuple[str, int]
"""A learning goal: its chapter and its number in the chapter."""
Slot = tuple[GoalKey, str]
"""A place in the blueprint: a learning goal and a type of question."""


class ExamError(ValueError):
    """A parameter of ``make toets`` that cannot be drawn, explained in Dutch."""


@dataclass(frozen=True)
class Drawn:
    """A question as it stands in one exam: its chapter, goal, option order and (numeric) value."""

    item: dict
    chapter: str
    order: tuple[int, ...] = ()
    """The bank's option indices in the printed order (multiple choice)."""
    value: float | None = None
    """A numeric question's model value, computed when the exam was drawn."""

    @property
    def id(self) -> str:
        return self.item["id"]

    @property
    def goal(self) -> GoalKey:
        return self.chapter, self.item["goal"]

    @property
    def options(self) -> list[dict]:
        """The options in the printed order."""
        return [self.item["answers"][index] for index in self.order]

    @property
    def key(self) -> str | None:
        """The letter of the right option as printed, for a multiple-choice question."""
        for letter, option in zip(letters(len(self.order)), self.options):
            if option["correct"]:
                return letter
        return None

    @property
    def points(self) -> int:
        return export.points(self.item)

    def accepted(self) -> tuple[float, float]:
        """A numeric answer that is right: the model's value plus or minus the question's tolerance."""
        return self.value - self.item["tolerance"], self.value + self.item["tolerance"]


@dataclass
class Exam:
    """One drawn exam: its parameters, its questions in printed order and the blueprint it follows."""

    chapters: list[str]
    count: int
    version: str
    seed: int
    questions: list[Drawn]
    quotas: dict[GoalKey, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(q.points for q in self.questions)

    @property
    def command(self) -> str:
        """The ``make`` command that draws this exam again."""
        return (f'make toets HOOFDSTUKKEN="{" ".join(self.chapters)}" VRAGEN={self.count} '
                f"VERSIE={self.version} ZAAD={self.seed}")

    @property
    def stem(self) -> str:
        return f"{self.seed}-{self.version}"


# --- The parameters, checked in Dutch --------------------------------------------------------------------------


def chosen_chapters(names: str | list[str] | None) -> list[str]:
    """The chapters named in ``HOOFDSTUKKEN`` (separated by spaces or commas), in the book's order; none named:
    every chapter with a question bank."""
    banked = export.banked_chapters()
    listed = names.replace(",", " ").split() if isinstance(names, str) else list(names or [])
    unknown = [name for name in listed if name not in banked]
    if unknown:
        raise ExamError(f'HOOFDSTUKKEN="{" ".join(listed)}": "{unknown[0]}" is geen hoofdstuk met een vragenbank. '
                        f"Kies een of meer uit: {', '.join(banked)}.")
    return [name for name in banked if name in listed] if listed else banked


def question_count(value: str | int, capacity: int, chapter_names: list[str]) -> int:
    """``VRAGEN``: a whole number from 1 to the number of questions the chosen chapters' bank holds."""
    choices = f"Kies een aantal van 1 tot en met {capacity}."
    try:
        count = int(str(value).strip())
    except ValueError:
        raise ExamError(f'VRAGEN="{value}" is geen geheel getal. {choices}') from None
    if count < 1:
        raise ExamError(f"VRAGEN={count} is te weinig voor een toets. {choices}")
    if count > capacity:
        raise ExamError(f"VRAGEN={count} is te veel: de vragenbank van {', '.join(chapter_names)} heeft "
                        f"{capacity} vragen. {choices} Of kies meer HOOFDSTUKKEN.")
    return count


def version_letter(value: str) -> str:
    """``VERSIE``: one of :data:`VERSIONS` (a small letter is read as a capital)."""
    letter = str(value).strip().upper()
    if letter not in VERSIONS:
        raise ExamError(f'VERSIE="{value}" bestaat niet. Kies uit {", ".join(VERSIONS[:-1])} of {VERSIONS[-1]}.')
    return letter


def seed_number(value: str | int | None) -> int:
    """``ZAAD``: a whole number of 0 or more; none given: a fresh random one (printed, and kept in the record)."""
    if value is None or str(value).strip() == "":
        return secrets.randbelow(1_000_000)
    try:
        seed = int(str(value).strip())
    except ValueError:
        raise ExamError(f'ZAAD="{value}" is geen geheel getal. Kies een geheel getal van 0 of hoger, '
                        "bijvoorbeeld ZAAD=2026.") from None
    if seed < 0:
        raise ExamError(f"ZAAD={seed} is negatief. Kies een geheel getal van 0 of hoger, bijvoorbeeld ZAAD=2026.")
    return seed


# --- The draw --------------------------------------------------------------------------------------------------


def pool(chapter_names: list[str]) -> dict[GoalKey, list[dict]]:
    """Every learning goal of the chapters, in the book's order, with its questions in the order of the bank."""
    goals = {}
    for chapter in chapter_names:
        for number, _goal, items in export.by_goal(chapter):
            goals[chapter, number] = items
    return goals


def goal_order(goals: list[GoalKey], seed: int) -> list[GoalKey]:
    """The order in which goals receive a question beyond their equal share: the goals of each chapter shuffled,
    then the chapters (also shuffled) taking turns, so the remainder spreads over the chapters too."""
    rng = random.Random(f"toets:{seed}:leerdoelen")
    by_chapter: dict[str, list[GoalKey]] = {}
    for goal in goals:
        by_chapter.setdefault(goal[0], []).append(goal)
    lists = list(by_chapter.values())
    for listed in lists:
        rng.shuffle(listed)
    rng.shuffle(lists)
    longest = max((len(listed) for listed in lists), default=0)
    return [listed[turn] for turn in range(longest) for listed in lists if turn < len(listed)]


def quotas(capacity: dict[GoalKey, int], order: list[GoalKey], count: int) -> dict[GoalKey, int]:
    """How many questions each goal gets: one at a time to the goal with the fewest so far that has questions
    left, ties going to the goal first in ``order``. Shares therefore differ by at most one, except where a goal
    has too few questions (it gets all it has)."""
    given = dict.fromkeys(order, 0)
    for _ in range(count):
        open_goals = [goal for goal in order if given[goal] < capacity[goal]]
        if not open_goals:
            raise ExamError(f"VRAGEN={count} is te veel: de gekozen hoofdstukken hebben "
                            f"{sum(capacity.values())} vragen.")
        goal = min(open_goals, key=given.__getitem__)  # the first of the fewest, in order
        given[goal] += 1
    return given


def shares(items: list[dict], key: str) -> dict[str, float]:
    """The fraction of ``items`` with each value of ``key`` (level or type): the mix an exam aims for."""
    counted = Counter(item[key] for item in items)
    return {value: number / len(items) for value, number in counted.items()}


def below_share(value: str, share: dict[str, float], counted: Counter, size: int) -> float:
    """How far ``value`` (a level or a type) falls below its share once the exam holds ``size`` questions."""
    return round(share[value] * size - counted[value], 9)


def slots(goals: dict[GoalKey, list[dict]], given: dict[GoalKey, int], order: list[GoalKey]) -> list[Slot]:
    """The blueprint's slots: each a learning goal and a type of question, the same in every version.

    Slots are laid out in rounds over the goals (in ``order``); each takes the type furthest below its share in the
    chosen chapters' bank among the types its goal still has a question of, so the exam mixes multiple choice,
    numeric and open questions as the bank does and every version is as long and weighs as much."""
    type_share = shares([item for items in goals.values() for item in items], "type")
    left = {goal: Counter(item["type"] for item in items) for goal, items in goals.items()}
    laid, types = [], Counter()
    for turn in range(max(given.values(), default=0)):
        for goal in order:
            if given[goal] <= turn:
                continue
            kind = max((t for t in bank.TYPES if left[goal][t] > 0),
                       key=lambda t: (below_share(t, type_share, types, len(laid) + 1), -bank.TYPES.index(t)))
            left[goal][kind] -= 1
            types[kind] += 1
            laid.append((goal, kind))
    return laid


def rearranged(laid: list[Slot], goals: dict[GoalKey, list[dict]], used: Counter) -> list[Slot]:
    """The blueprint's slots for a later version: types swapped between slots of two goals while that lets more
    slots take a question no earlier version used. Every goal keeps its number of questions and the exam its
    number of each type, so versions stay parallel (as long, nearly the same points) and differ where the bank
    allows."""
    laid = list(laid)
    have = Counter((goal, q["type"]) for goal, items in goals.items() for q in items)
    fresh = Counter((goal, q["type"]) for goal, items in goals.items() for q in items if not used[q["id"]])
    counts = Counter(laid)

    def gain(slot: Slot, change: int) -> int:
        return min(counts[slot] + change, fresh[slot]) - min(counts[slot], fresh[slot])

    improved = True
    while improved:
        improved = False
        for i, j in combinations(range(len(laid)), 2):
            (goal_1, kind_1), (goal_2, kind_2) = laid[i], laid[j]
            if goal_1 == goal_2 or kind_1 == kind_2:
                continue
            swapped = (goal_1, kind_2), (goal_2, kind_1)
            if any(counts[slot] + 1 > have[slot] for slot in swapped):
                continue
            if gain(laid[i], -1) + gain(laid[j], -1) + sum(gain(slot, 1) for slot in swapped) > 0:
                counts.subtract([laid[i], laid[j]])
                counts.update(swapped)
                laid[i], laid[j] = swapped
                improved = True
    return laid


def select(goals: dict[GoalKey, list[dict]], laid: list[Slot], used: Counter, rng: random.Random) \
        -> list[tuple[GoalKey, dict]]:
    """One version's questions, a question per slot: of the slot's goal and type, in order of preference one no
    earlier version used (else the one used least), an exam-only one, the one whose level is furthest below its
    share in the bank (so the exam mixes kennis, begrip and toepassing), then a tie-break set by ``rng``."""
    everything = [item for items in goals.values() for item in items]
    level_share = shares(everything, "level")
    tie = {item["id"]: rng.random() for item in everything}
    levels, chosen, taken = Counter(), [], set()
    for goal, kind in laid:
        candidates = [q for q in goals[goal] if q["type"] == kind and q["id"] not in taken]
        item = max(candidates, key=lambda q: (-used[q["id"]], not q["self_test"],
                                              below_share(q["level"], level_share, levels, len(chosen) + 1),
                                              tie[q["id"]]))
        chosen.append((goal, item))
        taken.add(item["id"])
        levels[item["level"]] += 1
    return chosen


def option_order(item: dict, seed: int, version: str) -> tuple[int, ...]:
    """A multiple-choice question's options in this version's order (its own stream: the same for this
    question, seed and version whatever else the exam holds)."""
    if item["type"] != "multiple_choice":
        return ()
    order = list(range(len(item["answers"])))
    random.Random(f"toets:{seed}:{version}:opties:{item['id']}").shuffle(order)
    return tuple(order)


def printed_order(chosen: list[tuple[GoalKey, dict]], chapter_names: list[str], rng: random.Random) \
        -> list[tuple[GoalKey, dict]]:
    """The questions as the exam prints them: by chapter in the book's order, shuffled within a chapter."""
    ordered = []
    for chapter in chapter_names:
        part = [entry for entry in chosen if entry[0][0] == chapter]
        rng.shuffle(part)
        ordered += part
    return ordered


def draw_from(goals: dict[GoalKey, list[dict]], count: int, version: str, seed: int) \
        -> tuple[list[tuple[GoalKey, dict]], dict[GoalKey, int]]:
    """Draw ``version`` from ``goals`` (see the module's docstring): the questions in printed order and the
    blueprint. Versions before it are drawn first, so it can avoid their questions."""
    capacity = {goal: len(items) for goal, items in goals.items()}
    order = goal_order(list(goals), seed)
    given = quotas(capacity, order, count)
    laid = slots(goals, given, order)
    used: Counter = Counter()
    for letter in VERSIONS[:VERSIONS.index(version) + 1]:
        rng = random.Random(f"toets:{seed}:versie:{letter}")
        chosen = select(goals, rearranged(laid, goals, used), used, rng)
        used.update(item["id"] for _goal, item in chosen)
    chapter_names = list(dict.fromkeys(goal[0] for goal in goals))
    return printed_order(chosen, chapter_names, rng), given


def draw(chapter_names: str | list[str] | None = None, count: str | int = 20, version: str = "A",
         seed: str | int | None = None) -> Exam:
    """Draw an exam from the bank of the chapters (see the module's docstring); parameters as ``make toets``
    takes them, refused with an :class:`ExamError` in Dutch."""
    names = chosen_chapters(chapter_names)
    version, seed = version_letter(version), seed_number(seed)
    goals = pool(names)
    count = question_count(count, sum(map(len, goals.values())), [chapters.title(name) for name in names])
    ordered, given = draw_from(goals, count, version, seed)
    drawn = [Drawn(item, goal[0], option_order(item, seed, version),
                   bank.model_value(item) if item["type"] == "numeric" else None) for goal, item in ordered]
    return Exam(names, count, version, seed, drawn, given)


# --- What the teacher and the candidate read -------------------------------------------------------------------


def letters(count: int) -> list[str]:
    return [chr(ord("A") + n) for n in range(count)]


def unit(item: dict) -> str:
    """A numeric question's unit as it follows a number: "%" closed up, any other after a space."""
    value = item.get("unit")
    return "" if not value else value if value == "%" else f" {value}"


def bounds(drawn: Drawn) -> tuple[str, str]:
    """The accepted range of a numeric answer, with one decimal more than the answer and rounded inwards, so
    every number in the printed range is right."""
    decimals = drawn.item["decimals"] + 1
    low, high = drawn.accepted()
    scale = 10 ** decimals
    return (fmt(math.ceil(round(low * scale, 6)) / scale, decimals),
            fmt(math.floor(round(high * scale, 6)) / scale, decimals))


def key_text(drawn: Drawn) -> str:
    """The short key of a question: a letter, a number with its unit, or "open"."""
    if drawn.item["type"] == "multiple_choice":
        return drawn.key
    if drawn.item["type"] == "numeric":
        return f"{fmt(drawn.value, drawn.item['decimals'])}{unit(drawn.item)}"
    return "open (zie beoordeling)"


def chapter_list(names: list[str]) -> str:
    titles = [chapters.title(name) for name in names]
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " en " + titles[-1]


def instructions(exam: Exam) -> list[str]:
    """The candidate's instructions: only those about the kinds of question this exam holds."""
    kinds = {q.item["type"] for q in exam.questions}
    lines = [f"Deze toets heeft {exam.count} vragen, samen {bank.points(exam.total)}. Bij elke vraag staat hoeveel "
             "punten die waard is.",
             "Schrijf je naam en studentnummer hierboven en je naam op elk extra blad dat je inlevert."]
    if "multiple_choice" in kinds:
        lines.append("<strong>Meerkeuzevragen:</strong> omcirkel de letter van het beste antwoord. Er is steeds "
                     "één goed antwoord.")
    if "numeric" in kinds:
        lines.append("<strong>Rekenvragen:</strong> schrijf je antwoord als getal met de eenheid in het vak. Je "
                     "gebruikt daarvoor de verkenners van de cursus en een rekenmachine.")
    if "open" in kinds:
        lines.append("<strong>Open vragen:</strong> antwoord in je eigen woorden, in hele zinnen, in de ruimte "
                     "onder de vraag. Leg steeds uit waarom.")
    if any(q.item.get("case") for q in exam.questions):
        lines.append("Een vraag met een <strong>casus</strong> begint met een korte beschrijving van een cliënt.")
    return lines


CSS = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
       color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 3mm; border-bottom: 0.4mm solid #333; padding-bottom: 1mm;
     break-after: avoid; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; }
p { margin: 0 0 2mm; }
.cursus { font-size: 11pt; color: #444; margin: 0; }
.versie { display: inline-block; font-size: 16pt; font-weight: bold; border: 0.6mm solid #111;
          padding: 1mm 4mm; margin: 2mm 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
td, th { border: 0.3mm solid #777; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.gegevens td { height: 10mm; }
.gegevens td:first-child { width: 32mm; font-weight: bold; }
ul.instructies { margin: 0 0 2mm; padding-left: 5mm; }
.vraag { break-inside: avoid; margin: 0 0 6mm; }
.punten { font-weight: normal; color: #444; font-size: 10pt; }
.casus { background: #f2f2f2; border-left: 1mm solid #999; padding: 1.5mm 3mm; margin: 0 0 2mm; }
.casus p:last-child, .tekst p:last-child { margin-bottom: 1mm; }
ul.opties { list-style: none; padding: 0; margin: 1mm 0 0; }
ul.opties li { display: flex; gap: 3mm; margin: 0 0 1.2mm; }
.letter { flex: none; width: 6.5mm; height: 6.5mm; border: 0.3mm solid #333; border-radius: 50%;
          text-align: center; line-height: 6.2mm; font-weight: bold; font-size: 9.5pt; }
.invul { margin-top: 2mm; }
.vak { display: inline-block; width: 45mm; height: 9mm; border: 0.4mm solid #333; vertical-align: middle;
       margin: 0 2mm; }
.schrijfruimte { margin-top: 1mm; }
.regel { height: 9mm; border-bottom: 0.3mm solid #999; }
.meta { color: #444; font-size: 9.5pt; }
.sleutel { font-weight: bold; }
.uitleg { color: #333; }
.kort td, .kort th { padding: 0.6mm 2mm; }
.kort td:nth-child(1), .kort td:nth-child(3) { width: 16mm; }
.goed .letter { background: #111; color: #fff; }
.goed { font-weight: bold; }
th.deel { background: #ddd; }
.matrijs td, .matrijs th { padding: 0.8mm 2mm; }
.matrijs td:nth-child(2), .matrijs td:nth-child(3) { width: 22mm; }
"""


def page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{CSS}</style></head><body>\n{body}\n</body></html>\n")


def question_body(drawn: Drawn) -> str:
    """The question's case (shaded) and text, as HTML."""
    item = drawn.item
    text = bank.question_text({**item, "case": None})
    case = f'<div class="casus">{export.block_html("**Casus.** " + item["case"])}</div>' if item.get("case") else ""
    return f'{case}<div class="tekst">{export.block_html(text)}</div>'


def heading(number: int, drawn: Drawn) -> str:
    return f'<h3>Vraag {number} <span class="punten">({bank.points(drawn.points)})</span></h3>'


def writing_lines(drawn: Drawn) -> int:
    """Ruled lines for an open answer: two per point, at least six, at most sixteen."""
    return max(6, min(16, 2 * drawn.points))


def option_list(drawn: Drawn, mark: bool = False) -> str:
    """The options, lettered A-D in this version's order; ``mark``: the right one stands out (the key)."""
    def option(letter: str, answer: dict) -> str:
        right = ' class="goed"' if mark and answer["correct"] else ""
        text = export.inline_html(answer["answer"])
        return f'<li{right}><span class="letter">{letter}</span><span>{text}</span></li>'

    return '<ul class="opties">' + "".join(map(option, letters(len(drawn.order)), drawn.options)) + "</ul>"


def candidate_question(number: int, drawn: Drawn) -> str:
    """A question as the candidate sees it, with room to answer."""
    item = drawn.item
    if item["type"] == "multiple_choice":
        answer = option_list(drawn)
    elif item["type"] == "numeric":
        answer = f'<p class="invul">Antwoord: <span class="vak"></span>{html.escape(unit(item).strip())}</p>'
    else:
        answer = '<div class="schrijfruimte">' + '<div class="regel"></div>' * writing_lines(drawn) + "</div>"
    return f'<article class="vraag">{heading(number, drawn)}{question_body(drawn)}{answer}</article>'


def by_chapter(exam: Exam) -> list[tuple[str, list[tuple[int, Drawn]]]]:
    """The exam's questions with their numbers, per chapter in printed order."""
    numbered = list(enumerate(exam.questions, start=1))
    return [(name, [(n, q) for n, q in numbered if q.chapter == name]) for name in exam.chapters
            if any(q.chapter == name for q in exam.questions)]


def exam_html(exam: Exam) -> str:
    """The exam for the candidate: no answers, no seed."""
    items = "".join(f"<li>{line}</li>" for line in instructions(exam))
    head = (f'<p class="cursus">{html.escape(export.course_title())}</p><h1>Toets</h1>'
            f'<div class="versie">Versie {exam.version}</div>'
            f"<p><strong>Hoofdstukken:</strong> {html.escape(chapter_list(exam.chapters))}</p>"
            '<table class="gegevens"><tr><td>Naam</td><td></td></tr><tr><td>Studentnummer</td><td></td></tr>'
            "<tr><td>Datum</td><td></td></tr></table>"
            f'<h2>Instructies</h2><ul class="instructies">{items}</ul>')
    parts = [head]
    for chapter, numbered in by_chapter(exam):
        parts.append(f"<h2>{html.escape(chapters.title(chapter))}</h2>")
        parts += [candidate_question(n, q) for n, q in numbered]
    return page(f"Toets versie {exam.version}", "\n".join(parts))


def short_key(exam: Exam) -> str:
    """The key on one page: per question its answer and points."""
    rows = "".join(f"<tr><td>{n}</td><td>{html.escape(key_text(q))}</td><td>{q.points}</td></tr>"
                   for n, q in enumerate(exam.questions, start=1))
    return ('<h2>Sleutel in het kort</h2><table class="kort"><tr><th>Vraag</th><th>Antwoord</th><th>Punten</th></tr>'
            f'{rows}<tr><th></th><th>Totaal</th><th>{exam.total}</th></tr></table>')


def matrix(exam: Exam) -> str:
    """The test matrix: per learning goal the questions that test it; then the mix of levels and types."""
    numbers: dict[GoalKey, list[str]] = {}
    for n, q in enumerate(exam.questions, start=1):
        numbers.setdefault(q.goal, []).append(str(n))
    rows = []
    for chapter in exam.chapters:
        rows.append(f'<tr><th class="deel" colspan="3">{html.escape(chapters.title(chapter))}</th></tr>')
        for number, goal in enumerate(chapters.learning_goals(chapter), start=1):
            asked = numbers.get((chapter, number), [])
            rows.append(f"<tr><td>{number}. {export.inline_html(goal)}</td><td>{len(asked)}</td>"
                        f"<td>{', '.join(asked)}</td></tr>")
    levels = Counter(q.item["level"] for q in exam.questions)
    types = Counter(KINDS[q.item["type"]] for q in exam.questions)
    mix = "; ".join(f"{name} {levels[name]}" for name in bank.LEVELS)
    kinds = "; ".join(f"{name} {types[name]}" for name in KINDS.values())
    exam_only = sum(not q.item["self_test"] for q in exam.questions)
    return ('<h2>Toetsmatrijs</h2><table class="matrijs"><tr><th>Leerdoel</th><th>Vragen</th><th>Nummers</th></tr>'
            f"{''.join(rows)}</table><p><strong>Niveaus:</strong> {mix}. <strong>Soorten:</strong> {kinds}. "
            f"<strong>Alleen voor toetsen</strong> (niet in de zelftoets): {exam_only} van {exam.count}.</p>")


def key_answer(drawn: Drawn) -> str:
    """The key of one question with what the marker needs: the right option and why, the model's value and the
    range that is right, or the model answer and the rubric."""
    item = drawn.item
    if item["type"] == "multiple_choice":
        right = next(o for o in drawn.options if o["correct"])
        return (f'<p class="sleutel">Sleutel: {drawn.key}. {export.inline_html(right["answer"])}</p>'
                f'<p class="uitleg">{export.inline_html(right["feedback"])}</p>')
    if item["type"] == "numeric":
        low, high = bounds(drawn)
        tolerance = fmt(item["tolerance"], item["decimals"])
        return (f'<p class="sleutel">Antwoord: {key_text(drawn)}</p>'
                f"<p>Goed van {low} tot en met {high}{html.escape(unit(item))} (de waarde van het model ± "
                f"{tolerance}; berekend met <code>{html.escape(item['model'])}</code> bij het trekken van deze "
                f'toets).</p><p class="uitleg">{export.inline_html(bank.explanation(item))}</p>')
    criteria = "".join(f"<li>{bank.points(c['points'])}: {export.inline_html(c['criterion'])}</li>"
                       for c in item["rubric"]["criteria"])
    return (f'<p class="sleutel">Modelantwoord</p>{export.block_html(item["model_answer"])}'
            f"<p><strong>Beoordeling (maximaal {bank.points(item['rubric']['maximum'])}):</strong></p>"
            f"<ul>{criteria}</ul>")


def key_question(number: int, drawn: Drawn) -> str:
    item = drawn.item
    where = "alleen toets" if not item["self_test"] else "ook in de zelftoets"
    meta = (f'<p class="meta">{KINDS[item["type"]]} · {item["level"]} · leerdoel {item["goal"]} van '
            f'{html.escape(chapters.title(drawn.chapter))} · {where} · <code>{html.escape(drawn.id)}</code></p>')
    options = ""
    if item["type"] == "multiple_choice":
        options = option_list(drawn, mark=True)
    return (f'<article class="vraag">{heading(number, drawn)}{meta}{question_body(drawn)}{options}'
            f"{key_answer(drawn)}</article>")


def shared_text(exam: Exam) -> str:
    """The questions this version shares with earlier versions, for the key's head (nothing for version A)."""
    return "".join(f" <strong>Gedeeld met versie {v}:</strong> {n} vragen." for v, n in overlap(exam).items())


def key_html(exam: Exam) -> str:
    """The answer key and scoring guide, for the teacher."""
    head = (f'<p class="cursus">{html.escape(export.course_title())}</p><h1>Correctiemodel</h1>'
            f'<div class="versie">Versie {exam.version}</div>'
            f"<p><strong>Hoofdstukken:</strong> {html.escape(chapter_list(exam.chapters))}. "
            f"<strong>Vragen:</strong> {exam.count}. <strong>Punten:</strong> {exam.total}. "
            f"<strong>Zaad:</strong> {exam.seed}.{shared_text(exam)}</p>"
            f"<p>Opnieuw trekken: <code>{html.escape(exam.command)}</code>. Rekenvragen zijn goed binnen het "
            "bereik dat bij de vraag staat; een open vraag krijgt de punten van elk criterium waaraan het antwoord "
            "voldoet. Geef dit correctiemodel niet aan de kandidaten.</p>")
    questions = "\n".join(key_question(n, q) for n, q in enumerate(exam.questions, start=1))
    return page(f"Correctiemodel versie {exam.version}",
                f"{head}{short_key(exam)}{matrix(exam)}<h2>Per vraag</h2>\n{questions}")


def bank_hash(chapter: str) -> str:
    """The SHA-256 of a chapter's bank file: whether the bank changed since the draw."""
    return hashlib.sha256((bank.BANK / f"{chapter}.yml").read_bytes()).hexdigest()


def record(exam: Exam) -> dict:
    """The draw as data: enough to repeat it and to check a marked exam against the bank."""
    def entry(number: int, drawn: Drawn) -> dict:
        item = drawn.item
        row = {"nummer": number, "id": drawn.id, "hoofdstuk": drawn.chapter, "leerdoel": item["goal"],
               "type": item["type"], "niveau": item["level"], "zelftoets": item["self_test"], "punten": drawn.points}
        if item["type"] == "multiple_choice":
            row |= {"opties": list(drawn.order), "sleutel": drawn.key}
        if item["type"] == "numeric":
            low, high = drawn.accepted()
            row |= {"waarde": drawn.value, "tolerantie": item["tolerance"], "goed_van": low, "goed_tot": high,
                    "eenheid": item.get("unit")}
        return row

    return {"cursus": export.course_title(), "opdracht": exam.command, "hoofdstukken": exam.chapters,
            "vragen": exam.count, "versie": exam.version, "zaad": exam.seed, "punten": exam.total,
            "vragenbank_sha256": {name: bank_hash(name) for name in exam.chapters},
            "gedeeld_met_eerdere_versies": overlap(exam),
            "verdeling": [{"hoofdstuk": c, "leerdoel": n, "vragen": k}
                          for (c, n), k in sorted(exam.quotas.items(), key=lambda e: (exam.chapters.index(e[0][0]),
                                                                                       e[0][1]))],
            "uitleg_opties": "opties: de volgorde van de antwoorden in de bank (0 = eerste) zoals ze op de toets "
                             "staan, als A, B, C, D",
            "items": [entry(n, q) for n, q in enumerate(exam.questions, start=1)]}


def footer(text: str) -> str:
    """A page footer for Chromium: ``text`` and the page number."""
    return ('<div style="font-size: 8px; width: 100%; text-align: center; color: #555;">'
            f'{html.escape(text)} · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>')


def write(exam: Exam, folder: Path = FOLDER, pdf: bool = True) -> dict[str, Path]:
    """Write the exam, its key and the record of the draw to ``folder``; ``pdf`` false: HTML instead of PDF (no
    browser needed). Returns the paths by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"record": folder / f"trekking-{exam.stem}.json"}
    paths["record"].write_text(json.dumps(record(exam), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    documents = {"exam": (f"toets-{exam.stem}", exam_html(exam), f"Toets versie {exam.version}"),
                 "key": (f"correctiemodel-{exam.stem}", key_html(exam),
                         f"Correctiemodel versie {exam.version} · zaad {exam.seed}")}
    with tempfile.TemporaryDirectory() as temporary:
        for kind, (name, text, foot) in documents.items():
            if not pdf:
                paths[kind] = folder / f"{name}.html"
                paths[kind].write_text(text, encoding="utf-8")
                continue
            source = Path(temporary) / f"{name}.html"
            source.write_text(text, encoding="utf-8")
            paths[kind] = folder / f"{name}.pdf"
            handout.print_page(source, paths[kind], footer=footer(foot))
    return paths


def overlap(exam: Exam) -> dict[str, int]:
    """How many of its questions this version shares with each earlier version of the same seed."""
    ids = {q.id for q in exam.questions}
    return {v: len(ids & {q.id for q in draw(exam.chapters, exam.count, v, exam.seed).questions})
            for v in VERSIONS[:VERSIONS.index(exam.version)]}


def summary(exam: Exam) -> str:
    """What ``make toets`` prints: the draw in numbers and how to make another version."""
    per_goal = Counter(exam.quotas.values())
    spread = ", ".join(f"{goals} {'leerdoel' if goals == 1 else 'leerdoelen'} met {k} {'vraag' if k == 1 else 'vragen'}"
                       for k, goals in sorted(per_goal.items(), reverse=True))
    other = VERSIONS[(VERSIONS.index(exam.version) + 1) % len(VERSIONS)]
    shared = "".join(f"\nGedeeld met versie {v}: {n} van de {exam.count} vragen." for v, n in overlap(exam).items())
    return (f"Toets versie {exam.version}, ZAAD={exam.seed}: {exam.count} vragen, {exam.total} punten, uit "
            f"{chapter_list(exam.chapters)}.\nPer leerdoel: {spread}.{shared}\n"
            f"Een parallelle versie: {exam.command.replace(f'VERSIE={exam.version}', f'VERSIE={other}')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book.exam", description="Trek een toets uit de vragenbank.")
    parser.add_argument("--hoofdstukken", default="", help="hoofdstukken, gescheiden door spaties (leeg: alle)")
    parser.add_argument("--vragen", default="20", help="aantal vragen")
    parser.add_argument("--versie", default="A", help=f"versie: {', '.join(VERSIONS)}")
    parser.add_argument("--zaad", default="", help="startgetal van de trekking (leeg: een nieuw willekeurig getal)")
    parser.add_argument("--map", default=str(FOLDER), help="waar de bestanden komen")
    args = parser.parse_args(argv)
    try:
        exam = draw(args.hoofdstukken, args.vragen, args.versie, args.zaad)
    except ExamError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    paths = write(exam, Path(args.map))
    print(summary(exam))
    print("Klaar: " + ", ".join(str(path) for path in paths.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
