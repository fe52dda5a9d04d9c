"""The question bank: one YAML file per chapter, shown as the chapter's self-test and as the
instructors' answer key, so a question lives in one place.

A bank file (``chapters/vragenbank/<chapter>.yml``) is a list of questions. Every question has

``id``         unique in the whole bank, e.g. ``hormonen-kader``;
``goal``       the number of the chapter's learning goal it tests (1, 2, ...);
``self_test``  true when the chapter's self-test shows it (the others are kept for exams);
``type``       ``multiple_choice``, ``numeric`` or ``open``;
``case``       optional: a client case the question starts from (a case question);
``question``   the question, in Dutch.

A multiple-choice question lists ``answers`` (``answer``, ``correct``, ``feedback``), exactly one
correct. An open question has a ``model_answer``. A numeric question is answered by a model of
``edu``, never typed in: ``model`` (``edu.module.function``), ``inputs`` (its keyword arguments;
``{name}`` in the question text shows them), ``output`` (the path from the result to a number:
attribute names, keys, indices, ``max`` or ``min``), optionally ``scale`` (a factor, e.g. 100
for a fraction asked as a percentage), ``decimals``, ``tolerance`` (accepted
distance from the model's value, in the answer's ``unit``), ``hint`` (feedback after a wrong
answer, without giving it away) and ``explanation`` (feedback after the right answer and in the
answer key; ``{answer}`` shows the model's value).
"""

from __future__ import annotations

import importlib

import numpy as np
import yaml

from explorers import chapters

BANK = chapters.FOLDER / "vragenbank"

TYPES = ("multiple_choice", "numeric", "open")


def nl(x: float, decimals: int = 0) -> str:
    """A number as Dutch text: decimal comma, minus sign."""
    return f"{x:.{decimals}f}".replace(".", ",").replace("-", "−")


def questions(chapter: str) -> list[dict]:
    """The chapter's questions, checked, in the order of the file."""
    path = BANK / f"{chapter}.yml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in items:
        check(item, path.name)
    return items


def check(item: dict, where: str) -> None:
    """Refuse a question the self-test or the answer key could not show correctly."""
    name = f"{where}: vraag {item.get('id', '?')}"
    missing = [key for key in ("id", "goal", "self_test", "type", "question") if key not in item]
    if missing:
        raise ValueError(f"{name} mist {', '.join(missing)}.")
    if item["type"] not in TYPES:
        raise ValueError(f"{name}: type {item['type']!r} bestaat niet; kies uit {', '.join(TYPES)}.")
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
    if item["type"] == "open" and not item.get("model_answer"):
        raise ValueError(f"{name}: een open vraag heeft een model_answer nodig.")
    if item["type"] == "open" and item["self_test"]:
        raise ValueError(f"{name}: een open vraag kan niet in de zelftoets (die kijkt antwoorden na).")


def model_value(item: dict) -> float:
    """The model's answer to a numeric question: call ``model`` with ``inputs``, follow ``output``."""
    module, function = item["model"].rsplit(".", 1)
    result = getattr(importlib.import_module(module), function)(**item.get("inputs", {}))
    for step in item.get("output", []):
        if step in ("max", "min"):
            result = getattr(np, step)(result)
        elif isinstance(step, str) and hasattr(result, step):
            result = getattr(result, step)
        else:
            result = result[step]
    return float(result) * item.get("scale", 1)


def question_text(item: dict) -> str:
    """The question with its case and its inputs filled in (numbers with a decimal comma)."""
    shown = {key: nl(value, 0 if float(value).is_integer() else 1)
             if isinstance(value, (int, float)) and not isinstance(value, bool) else value
             for key, value in item.get("inputs", {}).items()}
    text = item["question"].format(**shown) if item["type"] == "numeric" else item["question"]
    return f"**Casus.** {item['case']}\n\n{text}" if item.get("case") else text


def answer_text(item: dict) -> str:
    """The correct answer as a learner would write it."""
    if item["type"] == "multiple_choice":
        return next(a["answer"] for a in item["answers"] if a["correct"])
    if item["type"] == "open":
        return item["model_answer"]
    unit = {None: "", "%": "%"}.get(item.get("unit"), f" {item.get('unit')}")
    return f"{nl(model_value(item), item['decimals'])}{unit} (goed binnen ± {nl(item['tolerance'], item['decimals'])})"


def jupyterquiz(item: dict) -> dict:
    """A self-test question in JupyterQuiz's format."""
    if item["type"] == "multiple_choice":
        return {"question": question_text(item), "type": "multiple_choice",
                "answers": [{k: a[k] for k in ("answer", "correct", "feedback")} for a in item["answers"]]}
    value, tolerance = model_value(item), item["tolerance"]
    explanation = item["explanation"].format(answer=nl(value, item["decimals"]))
    return {"question": question_text(item), "type": "numeric",
            "answers": [{"type": "range", "range": [value - tolerance, value + tolerance], "correct": True,
                         "feedback": f"Goed. {explanation}"},
                        {"type": "default", "feedback": f"Nog niet. {item['hint']}"}]}


def zelftoets(chapter: str):
    """The chapter's self-test: its bank questions marked ``self_test``, answered in the page."""
    from IPython.display import HTML
    from jupyterquiz import display_quiz

    items = [jupyterquiz(q) for q in questions(chapter) if q["self_test"]]
    display_quiz(items, shuffle_answers=True)
    return HTML(NUMERIC_NL)


NUMERIC_NL = """<style>
.NumericQn .InpLabel { font-size: 0; }
.NumericQn .InpLabel::before { content: "Typ je antwoord (een getal) en druk op Enter:"; font-size: 1rem; }
</style>
<script>
// JupyterQuiz labels its number field in English and reads only a decimal point: the label is
// replaced above, and a decimal comma becomes a point just before the answer is checked (Enter).
document.addEventListener("keypress", e => {
  if (e.key === "Enter" && e.target.matches(".NumericQn input")) e.target.value = e.target.value.replace(",", ".");
}, true);
</script>"""


def leerdoelen(chapter: str):
    """The chapter's learning goals as a numbered list, for the instructor guide."""
    from IPython.display import Markdown

    return Markdown("\n".join(f"{n}. {goal}" for n, goal in enumerate(chapters.learning_goals(chapter), start=1)))


def antwoordsleutel(chapter: str):
    """The instructors' view of a chapter's bank: per learning goal every question with its answer."""
    from IPython.display import Markdown

    items = questions(chapter)
    parts = []
    for number, goal in enumerate(chapters.learning_goals(chapter), start=1):
        parts.append(f"**Leerdoel {number}.** {goal}")
        for item in (q for q in items if q["goal"] == number):
            kind = KINDS[item["type"]]
            where = "zelftoets" if item["self_test"] else "alleen toets"
            lines = [f"- *{kind}, {where}{', casus' if item.get('case') else ''}* · "
                     + question_text(item).replace("\n\n", " ")]
            if item["type"] == "multiple_choice":
                lines += [f"  - {'✔' if a['correct'] else '✘'} {a['answer']}: {a['feedback']}"
                          for a in item["answers"]]
            else:
                lines.append(f"  - **Antwoord:** {answer_text(item)}")
                if item["type"] == "numeric":
                    lines.append(f"  - {item['explanation'].format(answer=nl(model_value(item), item['decimals']))}")
            parts.append("\n".join(lines))
    return Markdown("\n\n".join(parts))


KINDS = {"multiple_choice": "meerkeuze", "numeric": "rekenvraag", "open": "open vraag"}


def overzicht():
    """The bank in numbers: per chapter its questions by kind, cases, self-test and goals covered."""
    from IPython.display import Markdown

    rows = ["| Hoofdstuk | Vragen | Meerkeuze | Rekenvragen | Open | Casusvragen | In de zelftoets | Leerdoelen met vragen |",
            "|---|---|---|---|---|---|---|---|"]
    for chapter in (name for name in chapters.in_order() if (BANK / f"{name}.yml").exists()):
        items = questions(chapter)
        kinds = [q["type"] for q in items]
        goals = chapters.learning_goals(chapter)
        covered = len({q["goal"] for q in items} & set(range(1, len(goals) + 1)))
        rows.append(f"| {chapters.title(chapter)} | {len(items)} | {kinds.count('multiple_choice')} | "
                    f"{kinds.count('numeric')} | {kinds.count('open')} | {sum(bool(q.get('case')) for q in items)} | "
                    f"{sum(q['self_test'] for q in items)} | {covered} van {len(goals)} |")
    return Markdown("\n".join(rows))
