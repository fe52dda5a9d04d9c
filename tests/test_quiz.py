"""The question bank: every learning goal has questions, every numeric answer is the model's,
and the self-tests and the answer key show the bank's questions (a question lives in one place)."""

import importlib
import json
import re

import numpy as np
import pytest

from explorers import chapters, quiz

from conftest import ROOT

BANK = ROOT / "chapters" / "vragenbank"
NAMES = sorted(p.stem for p in BANK.glob("*.yml"))


def test_elk_hoofdstuk_heeft_een_vragenbank():
    with_goals = [name for name in chapters.in_order() if chapters.learning_goals(name)]
    assert len(with_goals) >= 7 and sorted(with_goals) == NAMES


@pytest.mark.parametrize("chapter", NAMES)
def test_elk_leerdoel_heeft_vragen_van_elke_soort(chapter):
    items = quiz.questions(chapter)
    goals = chapters.learning_goals(chapter)
    assert len(items) >= 10
    assert {q["goal"] for q in items} == set(range(1, len(goals) + 1))  # every goal, no other
    kinds = [q["type"] for q in items]
    assert kinds.count("numeric") >= 2 and kinds.count("open") >= 1 and kinds.count("multiple_choice") >= 5
    assert sum(bool(q.get("case")) for q in items) >= 2
    assert sum(q["self_test"] for q in items) >= 6


def test_vraagnummers_zijn_uniek_in_de_hele_bank():
    ids = [q["id"] for chapter in NAMES for q in quiz.questions(chapter)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def _independent(item):
    """The model's answer, computed here without the quiz module."""
    module, name = item["model"].rsplit(".", 1)
    result = getattr(importlib.import_module(module), name)(**item.get("inputs", {}))
    for step in item.get("output", []):
        if step in ("max", "min"):
            result = np.max(result) if step == "max" else np.min(result)
        else:
            result = getattr(result, step) if isinstance(step, str) and hasattr(result, step) else result[step]
    return float(result) * item.get("scale", 1)


NUMERIC = [(c, q) for c in NAMES for q in quiz.questions(c) if q["type"] == "numeric"]


@pytest.mark.parametrize("chapter,item", NUMERIC, ids=[q["id"] for _, q in NUMERIC])
def test_rekenvraag_antwoord_is_dat_van_het_model(chapter, item):
    value = _independent(item)
    shown = quiz.jupyterquiz(item)
    correct = next(a for a in shown["answers"] if a.get("correct"))
    low, high = correct["range"]
    assert low <= value <= high and high - low == pytest.approx(2 * item["tolerance"])
    assert item["tolerance"] < 0.25 * abs(value)  # the answer must be worth reading off
    assert quiz.nl(value, item["decimals"]) in correct["feedback"]
    text = shown["question"]
    assert "{" not in text and "}" not in text
    wrong = next(a for a in shown["answers"] if a.get("type") == "default")
    assert quiz.nl(value, item["decimals"]) not in wrong["feedback"]  # a wrong answer gets a hint, not the answer


@pytest.mark.parametrize("chapter", NAMES)
def test_zelftoets_toont_precies_de_zelftoetsvragen_uit_de_bank(chapter, monkeypatch):
    shown = {}
    monkeypatch.setattr("jupyterquiz.display_quiz", lambda items, **kw: shown.setdefault("items", items))
    quiz.zelftoets(chapter)
    expected = [quiz.question_text(q) for q in quiz.questions(chapter) if q["self_test"]]
    assert [q["question"] for q in shown["items"]] == expected
    notebook = json.loads((ROOT / f"chapters/{chapter}.ipynb").read_text(encoding="utf-8"))
    assert sum(f'zelftoets("{chapter}")' in "".join(c["source"]) for c in notebook["cells"]) == 1


@pytest.mark.parametrize("chapter", NAMES)
def test_antwoordsleutel_per_leerdoel_met_elk_antwoord(chapter):
    key = quiz.antwoordsleutel(chapter).data
    goals = chapters.learning_goals(chapter)
    positions = [key.index(f"**Leerdoel {n}.** {goal}") for n, goal in enumerate(goals, start=1)]
    assert positions == sorted(positions)
    for item in quiz.questions(chapter):
        assert quiz.question_text(item).replace("\n\n", " ") in key
        assert quiz.answer_text(item) in key


def test_een_kapotte_vraag_wordt_geweigerd_met_een_nederlandse_melding():
    good = {"id": "x", "goal": 1, "self_test": True, "type": "multiple_choice", "question": "?",
            "answers": [{"answer": "a", "correct": True, "feedback": "Goed."},
                        {"answer": "b", "correct": True, "feedback": "Nee."}]}
    with pytest.raises(ValueError, match="precies één goed antwoord"):
        quiz.check(good, "test.yml")
    with pytest.raises(ValueError, match="tolerance moet groter zijn dan 0"):
        quiz.check({**good, "type": "numeric", "model": "edu.x.y", "output": [], "decimals": 0,
                    "hint": "h", "explanation": "e", "tolerance": 0}, "test.yml")
    with pytest.raises(ValueError, match="open vraag kan niet in de zelftoets"):
        quiz.check({**good, "type": "open", "model_answer": "m"}, "test.yml")
