"""The question bank: one YAML file per chapter, shown as the chapter's self-test and as the
instructors' answer key, so a question lives in one place.

A bank file (``chapters/vragenbank/<chapter>.yml``) is a list of questions. Every question has

``id``         unique in the whole bank, e.g. ``hormonen-venster``;
``goal``       the number of the chapter's learning goal it tests (1, 2, ...);
``self_test``  true when the chapter's self-test shows it (the others are kept for exams);
``type``       ``multiple_choice``, ``numeric`` or ``open``;
``level``      what answering takes, labelled honestly: ``kennis`` (recall: reproduce a fact, a
               number, a definition or what a study found), ``begrip`` (understanding: explain why,
               weigh the evidence, read a model, predict from a mechanism) or ``toepassing``
               (application: decide, advise or calculate for a client, a programme or an explorer's
               scenario). A question that mixes them is ``kennis`` when recall earns most of it (for
               an open question, most of its rubric's points), else the highest level it asks for; a
               question that asks what a named study found is ``kennis``. The answer key shows it;
``case``       optional: a client case the question starts from (a case question);
``question``   the question, in Dutch.

A multiple-choice question lists ``answers`` (``answer``, ``correct``, ``feedback``), exactly one
correct. An open question has a ``model_answer`` and a ``rubric``, the instructors' scoring guide
shown under the model answer in the answer key: ``maximum`` (the points the question is worth) and
``criteria``, a list of ``points`` (a whole number above 0) and ``criterion`` (what earns them, in
Dutch), whose points add up to the maximum. A numeric question is answered by a model of
``edu``, never typed in: ``model`` (``edu.module.function``), ``inputs`` (its keyword arguments;
``{name}`` in the question text shows them), ``output`` (the path from the result to a number:
attribute names, keys, indices, ``max`` or ``min``), optionally ``scale`` (a factor, e.g. 100
for a fraction asked as a percentage), ``decimals``, ``tolerance`` (accepted
distance from the model's value, in the answer's ``unit``), ``hint`` (feedback after a wrong
answer, without giving it away) and ``explanation`` (feedback after the right answer and in the
answer key; ``{answer}`` shows the model's value).

A numeric question about what an explorer shows starts from the explorer's scenario instead of
spelling out every input: ``scenario`` holds ``explorer`` (its module under ``explorers``, e.g.
``bone``), ``preset`` (one of its presets), optionally ``changes`` (control values that differ
from the preset) and ``part`` (a key of the scenario, where it holds the inputs of several
models); ``inputs`` then adds to or overrides the scenario's inputs, and ``{name}`` in the
question text shows any of them.

The pages show the bank through this module's Sphinx directives, in Markdown cells (a chapter
never imports the book's tooling): ``{zelftoets} <chapter>`` (the self-test, JupyterQuiz's HTML
and JavaScript, answered in the page without a kernel), ``{leerdoelen} <chapter>`` and
``{antwoordsleutel} <chapter>`` (the instructors' pages) and ``{vragenbank-overzicht}``.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable

import numpy as np
import yaml
from docutils import nodes
from jupyterquiz.dynamic.loader import load_questions_script
from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div
from markdown_it import MarkdownIt
from sphinx.util.docutils import SphinxDirective

from book import chapters
from edu.validation import fmt
from explorers.explorer import Explorer

BANK = chapters.FOLDER / "vragenbank"

TYPES = ("multiple_choice", "numeric", "open")
LEVELS = ("kennis", "begrip", "toepassing")
"""The values of ``level``: recall, understanding, application."""
SCENARIO_KEYS = ("explorer", "preset", "changes", "part")


def questions(chapter: str) -> list[dict]:
    """The chapter's questions, checked, in the order of the file."""
    path = BANK / f"{chapter}.yml"
    if not path.exists():
        banks = ", ".join(sorted(p.stem for p in BANK.glob("*.yml")))
        raise ValueError(f'Hoofdstuk "{chapter}" heeft geen vragenbank ({path.name}). Kies uit {banks}.')
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in items:
        check(item, path.name)
    return items


def check(item: dict, where: str) -> None:
    """Refuse a question the self-test or the answer key could not show correctly."""
    name = f"{where}: vraag {item.get('id', '?')}"
    missing = [key for key in ("id", "goal", "self_test", "type", "level", "question") if key not in item]
    if missing:
        raise ValueError(f"{name} mist {', '.join(missing)}.")
    if item["type"] not in TYPES:
        raise ValueError(f"{name}: type {item['type']!r} bestaat niet; kies uit {', '.join(TYPES)}.")
    if item["level"] not in LEVELS:
        raise ValueError(f"{name}: level {item['level']!r} bestaat niet; kies uit {', '.join(LEVELS)}.")
    if item["type"] == "multiple_choice":
        correct = [a for a in item["answers"] if a["correct"]]
        if len(correct) != 1 or any(not a.get("feedback") for a in item["answers"]):
            raise ValueError(f"{name}: precies één goed antwoord en uitleg bij elk antwoord nodig.")
    if item["type"] == "numeric":
        absent = [key for key in ("model", "output", "decimals", "hint", "explanation") if key not in item]
        if absent:
            raise ValueError(f"{name} mist {', '.join(absent)}.")
        if not item.get("tolerance", 0) > 0:
            raise ValueError(f"{name}: tolerance moet groter zijn dan 0, niet {item.get('tolerance')}.")
        if "scenario" in item:
            check_scenario(item["scenario"], name)
    if item["type"] == "open" and not item.get("model_answer"):
        raise ValueError(f"{name}: een open vraag heeft een model_answer nodig.")
    if item["type"] == "open" and item["self_test"]:
        raise ValueError(f"{name}: een open vraag kan niet in de zelftoets (die kijkt antwoorden na).")
    if item["type"] == "open" or "rubric" in item:
        check_rubric(item, name)


def check_rubric(item: dict, name: str) -> None:
    """Refuse an open question without a scoring guide whose criteria earn whole points that add up
    to its maximum, and a scoring guide on a question that is not open."""
    if item["type"] != "open":
        raise ValueError(f"{name}: alleen een open vraag heeft een rubric (een beoordelingsschema).")
    rubric = item.get("rubric")
    if not isinstance(rubric, dict) or not {"maximum", "criteria"} <= set(rubric) \
            or not isinstance(rubric["criteria"], list) or not rubric["criteria"]:
        raise ValueError(f"{name}: een open vraag heeft een rubric nodig met een maximum en criteria "
                         f"(elk met points en criterion).")
    for criterion in rubric["criteria"]:
        earned = criterion.get("points") if isinstance(criterion, dict) else None
        if type(earned) is not int or earned < 1 or not str(criterion.get("criterion", "")).strip():
            raise ValueError(f"{name}: elk criterium van de rubric heeft points (een geheel getal groter dan 0) "
                             f"en een omschrijving (criterion), niet {criterion!r}.")
    total = sum(criterion["points"] for criterion in rubric["criteria"])
    if total != rubric["maximum"]:
        raise ValueError(f"{name}: de punten van de rubric tellen op tot {total}, niet tot het maximum "
                         f"{rubric['maximum']}.")


def check_scenario(scenario, name: str) -> None:
    """Refuse a ``scenario`` key that names no explorer, preset, control or part of the scenario."""
    if not isinstance(scenario, dict) or not {"explorer", "preset"} <= set(scenario) \
            or not isinstance(scenario.get("changes", {}), dict):
        raise ValueError(f"{name}: scenario heeft een explorer en een preset nodig (en eventueel changes: "
                         f"instellingen met hun waarde), bijvoorbeeld {{explorer: bone, preset: ...}}.")
    unknown = sorted(set(scenario) - set(SCENARIO_KEYS))
    if unknown:
        raise ValueError(f"{name}: scenario kent {', '.join(unknown)} niet; kies uit {', '.join(SCENARIO_KEYS)}.")
    try:
        scenario_inputs(scenario)
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from error


def explorer_class(module: str) -> type[Explorer]:
    """The explorer defined in ``explorers.<module>`` (e.g. ``bone``)."""
    try:
        found = importlib.import_module(f"explorers.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"explorers.{module}":
            raise
        raise ValueError(f'Verkenner "{module}" bestaat niet: er is geen module explorers.{module}.') from None
    defined = [v for v in vars(found).values() if inspect.isclass(v) and issubclass(v, Explorer)
               and v.__module__ == found.__name__]
    if len(defined) != 1:
        raise ValueError(f"explorers.{module} moet precies één verkenner bevatten, niet {len(defined)}.")
    return defined[0]


def scenario_inputs(scenario: dict) -> dict:
    """The model inputs of a bank item's ``scenario``: the explorer's scenario for its preset with
    its changes (the ``part`` of it, if given)."""
    inputs = explorer_class(scenario["explorer"]).scenario(scenario["preset"], **scenario.get("changes", {}))
    if "part" not in scenario:
        return inputs
    parts = [key for key, value in inputs.items() if isinstance(value, dict)]
    if scenario["part"] not in parts:
        raise ValueError(f"Het scenario van {scenario['explorer']} heeft geen deel {scenario['part']!r}; "
                         f"kies uit {', '.join(map(str, parts)) or 'niets (het heeft geen delen)'}.")
    return inputs[scenario["part"]]


def model_inputs(item: dict) -> dict:
    """The keyword arguments of a numeric question's model: its scenario's inputs, updated with ``inputs``."""
    start = scenario_inputs(item["scenario"]) if "scenario" in item else {}
    return start | item.get("inputs", {})


def model_value(item: dict) -> float:
    """The model's answer to a numeric question: call ``model`` with its inputs, follow ``output``."""
    module, function = item["model"].rsplit(".", 1)
    result = getattr(importlib.import_module(module), function)(**model_inputs(item))
    for step in item.get("output", []):
        if step in ("max", "min"):
            result = getattr(np, step)(result)
        elif isinstance(step, str) and hasattr(result, step):
            result = getattr(result, step)
        else:
            result = result[step]
    return float(result) * item.get("scale", 1)


def question_text(item: dict) -> str:
    """The question with its case and, for a numeric question, its inputs filled in (Dutch numbers)."""
    text = item["question"]
    if item["type"] == "numeric":
        shown = {key: fmt(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
                 for key, value in model_inputs(item).items()}
        text = text.format(**shown)
    return f"**Casus.** {item['case']}\n\n{text}" if item.get("case") else text


def answer_text(item: dict) -> str:
    """The correct answer as a learner would write it."""
    if item["type"] == "multiple_choice":
        return next(a["answer"] for a in item["answers"] if a["correct"])
    if item["type"] == "open":
        return item["model_answer"]
    unit = {None: "", "%": "%"}.get(item.get("unit"), f" {item.get('unit')}")
    decimals = item["decimals"]
    return f"{fmt(model_value(item), decimals)}{unit} (goed binnen ± {fmt(item['tolerance'], decimals)})"


def explanation(item: dict) -> str:
    """A numeric question's explanation with the model's answer filled in."""
    return item["explanation"].format(answer=fmt(model_value(item), item["decimals"]))


MARKDOWN = MarkdownIt("commonmark")
"""The bank's Markdown (``**Casus.**``) as HTML for JupyterQuiz, which shows its texts as HTML."""


def jupyterquiz(item: dict) -> dict:
    """A self-test question in JupyterQuiz's format, its texts in HTML."""
    inline = MARKDOWN.renderInline
    question = MARKDOWN.render(question_text(item))
    if item["type"] == "multiple_choice":
        return {"question": question, "type": "multiple_choice",
                "answers": [{"answer": inline(a["answer"]), "correct": a["correct"], "feedback": inline(a["feedback"])}
                            for a in item["answers"]]}
    value, tolerance = model_value(item), item["tolerance"]
    return {"question": question, "type": "numeric",
            "answers": [{"type": "range", "range": [value - tolerance, value + tolerance], "correct": True,
                         "feedback": inline(f"Goed. {explanation(item)}")},
                        {"type": "default", "feedback": inline(f"Nog niet. {item['hint']}")}]}


COLORS = {
    "--jq-multiple-choice-bg": "#392061", "--jq-mc-button-bg": "#fafafa", "--jq-mc-button-border": "#e0e0e0e0",
    "--jq-mc-button-inset-shadow": "#555555", "--jq-many-choice-bg": "#f75c03ff", "--jq-numeric-bg": "#392061ff",
    "--jq-numeric-input-bg": "#392061", "--jq-numeric-input-label": "#101010",
    "--jq-numeric-input-shadow": "#999999", "--jq-string-bg": "#4c1a57", "--jq-incorrect-color": "#c80202",
    "--jq-correct-color": "#007a10", "--jq-text-color": "#fafafa", "--jq-link-color": "#9abafa",
}
"""JupyterQuiz's default colours (those of its ``display_quiz``, which its renderer does not export),
but for contrast (WCAG AA, 4.5:1): the number field is dark like the question (its text is light, which
was 1.7:1 on grey) and the green of a right answer is darker (4.2:1 on white before)."""

QUIZ_NL = {
    'lab.innerHTML = "Type numeric answer here:";':
        'lab.innerHTML = "Typ je antwoord (een getal) en druk op Enter:"; lab.htmlFor = id + "-0";',
    '"Incorrect -- try again."': '"Nog niet goed. Probeer het opnieuw."',
    '"Incorrect. Try again."': '"Nog niet goed. Probeer het opnieuw."',
    '"Correct!"': '"Goed!"',
    'jaxify("Correct")': 'jaxify("Goed!")',
}
"""JupyterQuiz's English in its script → Dutch: the number field's label (tied to the field, so it
is the field's name) and the feedback it gives when a question has none of its own."""

DECIMAL_COMMA = """<script>
// JupyterQuiz's number field refuses a comma and reads only a decimal point: a comma is typed
// anyway (JupyterQuiz's key check skipped), is a point while JupyterQuiz checks the answer (Enter)
// and a comma again when it has.
document.addEventListener("keypress", e => {
  if (!e.target.matches(".Answer input.Input-text")) return;
  if (e.key === ",") e.stopPropagation();
  if (e.key === "Enter") e.target.value = e.target.value.replace(",", ".");
}, true);
document.addEventListener("keypress", e => {
  if (e.key === "Enter" && e.target.matches(".Answer input.Input-text")) {
    e.target.value = e.target.value.replace(".", ",");
  }
});
</script>"""


def dutch(script: str) -> str:
    """JupyterQuiz's script with :data:`QUIZ_NL` applied; a string it no longer holds is an error."""
    for english, dutch_text in QUIZ_NL.items():
        if english not in script:
            raise ValueError(f"JupyterQuiz bevat {english!r} niet meer: werk bank.QUIZ_NL bij.")
        script = script.replace(english, dutch_text)
    return script


def self_test(page: str) -> list[dict]:
    """A page's self-test: its chapter's questions marked ``self_test`` that test a learning goal the page states."""
    items = questions(chapters.chapter_of(page))
    goals = chapters.page_goals(page)
    if not goals:
        raise ValueError(f'De pagina "{page}" heeft geen leerdoelen (een genummerde lijst na **Leerdoelen.**), '
                         "dus geen zelftoets.")
    return [q for q in items if q["self_test"] and q["goal"] in goals]


def zelftoets(page: str) -> str:
    """A page's self-test (:func:`self_test`) as HTML, answered in the page.

    JupyterQuiz's container, styles and script, as its ``display_quiz`` makes them (answers
    shuffled), with a fixed container id (a JavaScript name), so the page is the same at every build.
    """
    items = [jupyterquiz(q) for q in self_test(page)]
    div_id = "zelftoets_" + re.sub(r"\W", "_", page)
    prefix, static, url = load_questions_script(items, div_id)
    container = render_div(div_id, shuffle_questions=False, shuffle_answers=True, preserve_responses=False,
                           num=1_000_000, max_width=600, border_radius=10, question_alignment="left")
    script = dutch(build_script(prefix, static, url, div_id, load_js=True)).replace("</script>", r"<\/script>")
    return f"{container}{build_styles(div_id, COLORS)}</div>\n<script>{script}</script>\n{DECIMAL_COMMA}"


def leerdoelen(chapter: str) -> str:
    """The chapter's learning goals as a numbered list (MyST), for the instructor guide."""
    goals = chapters.learning_goals(chapter)
    if not goals:
        raise ValueError(f'Hoofdstuk "{chapter}" heeft geen leerdoelen (een genummerde lijst na **Leerdoelen.**).')
    return "\n".join(f"{n}. {goal}{'.' if n == len(goals) else ';'}" for n, goal in enumerate(goals, start=1))


KINDS = {"multiple_choice": "meerkeuze", "numeric": "rekenvraag", "open": "open vraag"}


def points(number: int) -> str:
    """A number of points in Dutch: 1 punt, 2 punten."""
    return f"{number} {'punt' if number == 1 else 'punten'}"


def rubric_lines(item: dict) -> list[str]:
    """An open question's scoring guide as a nested Markdown list for the answer key."""
    rubric = item["rubric"]
    return [f"  - **Beoordeling (maximaal {points(rubric['maximum'])}):**",
            *(f"    - {points(c['points'])}: {c['criterion']}" for c in rubric["criteria"])]


def antwoordsleutel(chapter: str) -> str:
    """The instructors' view of a chapter's bank (MyST): per learning goal every question with its level
    and answer, and under an open question's model answer its scoring guide."""
    items = questions(chapter)
    parts = []
    for number, goal in enumerate(chapters.learning_goals(chapter), start=1):
        parts.append(f"**Leerdoel {number}.** {goal}")
        for item in (q for q in items if q["goal"] == number):
            kind = KINDS[item["type"]]
            where = "zelftoets" if item["self_test"] else "alleen toets"
            lines = [f"- *{kind}, {where}{', casus' if item.get('case') else ''}, {item['level']}* · "
                     + question_text(item).replace("\n\n", " ")]
            if item["type"] == "multiple_choice":
                lines += [f"  - {'✔' if a['correct'] else '✘'} {a['answer']}: {a['feedback']}"
                          for a in item["answers"]]
            else:
                lines.append(f"  - **Antwoord:** {answer_text(item)}")
                if item["type"] == "numeric":
                    lines.append(f"  - {explanation(item)}")
                if item["type"] == "open":
                    lines += rubric_lines(item)
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def overzicht() -> str:
    """The bank in numbers (a MyST table): per chapter its questions by kind, cases, self-test and goals covered."""
    rows = ["| Hoofdstuk | Vragen | Meerkeuze | Rekenvragen | Open | Casusvragen | In de zelftoets "
            "| Leerdoelen met vragen |",
            "|---|---|---|---|---|---|---|---|"]
    for chapter in (name for name in chapters.in_order() if (BANK / f"{name}.yml").exists()):
        items = questions(chapter)
        kinds = [q["type"] for q in items]
        goals = chapters.learning_goals(chapter)
        covered = len({q["goal"] for q in items} & set(range(1, len(goals) + 1)))
        rows.append(f"| {chapters.title(chapter)} | {len(items)} | {kinds.count('multiple_choice')} | "
                    f"{kinds.count('numeric')} | {kinds.count('open')} | {sum(bool(q.get('case')) for q in items)} | "
                    f"{sum(q['self_test'] for q in items)} | {covered} van {len(goals)} |")
    return "\n".join(rows)


class BankView(SphinxDirective):
    """A view of the question bank in a page, made by ``view`` from the directive's arguments:
    HTML as it is (``html``), else MyST parsed in the page, so citations and links in it resolve."""

    view: Callable[..., str]
    html: bool

    def run(self) -> list[nodes.Node]:
        everything = [*BANK.glob("*.yml"), *chapters.FOLDER.glob("*.ipynb"), chapters.ROOT / "_toc.yml"]
        chapter = chapters.chapter_of(self.arguments[0]) if self.arguments else None
        read = ([BANK / f"{chapter}.yml", chapters.ROOT / "_toc.yml",
                 *(chapters.FOLDER / f"{page}.ipynb" for page in chapters.pages(chapter))]
                if chapter else everything)
        for path in read:  # the page is rebuilt when the bank or the chapter changes
            self.env.note_dependency(str(path))
        try:
            text = self.view(*self.arguments)
        except (ValueError, yaml.YAMLError) as error:
            raise self.error(str(error)) from error
        return [nodes.raw("", text, format="html")] if self.html else self.parse_text_to_nodes(text)


DIRECTIVES = {"zelftoets": (zelftoets, True), "leerdoelen": (leerdoelen, False),
              "antwoordsleutel": (antwoordsleutel, False), "vragenbank-overzicht": (overzicht, False)}
"""Each directive, the view it shows and whether that view is HTML; the self-test takes a page, the overview
nothing, the others a chapter."""


def setup(app):
    """Sphinx extension: the question bank's directives."""
    for name, (view, html) in DIRECTIVES.items():
        arguments = len(inspect.signature(view).parameters)
        app.add_directive(name, type(name, (BankView,), {"view": staticmethod(view), "html": html,
                                                         "required_arguments": arguments}))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
