"""The question bank: every learning goal has questions, every numeric answer is the model's,
and the self-tests and the answer key show the bank's questions (a question lives in one place)."""

import html
import importlib
import io
import json
import re
import sys
import types
import typing

import numpy as np
import pytest

from book import bank, chapters
from edu.validation import fmt
from explorers.explorer import Explorer

from conftest import ROOT

BANK = ROOT / "chapters" / "vragenbank"
NAMES = sorted(p.stem for p in BANK.glob("*.yml"))


def test_elk_hoofdstuk_heeft_een_vragenbank():
    with_goals = {chapters.chapter_of(name) for name in chapters.in_order() if chapters.page_goals(name)}
    assert len(with_goals) >= 7 and sorted(with_goals) == NAMES


@pytest.mark.parametrize("chapter", NAMES)
def test_elk_leerdoel_heeft_vragen_van_elke_soort(chapter):
    items = bank.questions(chapter)
    goals = chapters.learning_goals(chapter)
    assert len(items) >= 10
    assert {q["goal"] for q in items} == set(range(1, len(goals) + 1))  # every goal, no other
    kinds = [q["type"] for q in items]
    assert kinds.count("numeric") >= 2 and kinds.count("open") >= 1 and kinds.count("multiple_choice") >= 5
    assert sum(bool(q.get("case")) for q in items) >= 2
    assert sum(q["self_test"] for q in items) >= 6


def test_vraagnummers_zijn_uniek_in_de_hele_bank():
    ids = [q["id"] for chapter in NAMES for q in bank.questions(chapter)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def _scenario(scenario: dict) -> dict:
    """A scenario's inputs, found here through the explorer function's annotation."""
    module = importlib.import_module(f"explorers.{scenario['explorer']}")
    function = getattr(module, module.__all__[0])
    inputs = typing.get_type_hints(function)["return"].scenario(scenario["preset"], **scenario.get("changes", {}))
    return inputs[scenario["part"]] if "part" in scenario else inputs


def _independent(item):
    """The model's answer, computed here without the bank module."""
    module, name = item["model"].rsplit(".", 1)
    inputs = (_scenario(item["scenario"]) if "scenario" in item else {}) | item.get("inputs", {})
    result = getattr(importlib.import_module(module), name)(**inputs)
    for step in item.get("output", []):
        if step in ("max", "min"):
            result = np.max(result) if step == "max" else np.min(result)
        else:
            result = getattr(result, step) if isinstance(step, str) and hasattr(result, step) else result[step]
    return float(result) * item.get("scale", 1)


NUMERIC = [(c, q) for c in NAMES for q in bank.questions(c) if q["type"] == "numeric"]


@pytest.mark.parametrize("chapter,item", NUMERIC, ids=[q["id"] for _, q in NUMERIC])
def test_rekenvraag_antwoord_is_dat_van_het_model(chapter, item):
    value = _independent(item)
    shown = bank.jupyterquiz(item)
    correct = next(a for a in shown["answers"] if a.get("correct"))
    low, high = correct["range"]
    assert low <= value <= high and high - low == pytest.approx(2 * item["tolerance"])
    assert item["tolerance"] < 0.25 * abs(value)  # the answer must be worth reading off
    assert fmt(value, item["decimals"]) in correct["feedback"]
    text = shown["question"]
    assert "{" not in text and "}" not in text
    wrong = next(a for a in shown["answers"] if a.get("type") == "default")
    assert fmt(value, item["decimals"]) not in wrong["feedback"]  # a wrong answer gets a hint, not the answer


PAGES = [page for chapter in NAMES for page in chapters.pages(chapter) if chapters.page_goals(page)]
"""Every page that states learning goals: each has a self-test."""


def test_elke_zelftoetsvraag_staat_op_precies_een_pagina_van_haar_hoofdstuk():
    for chapter in NAMES:
        shown = [q["id"] for page in chapters.pages(chapter) if chapters.page_goals(page) for q in bank.self_test(page)]
        assert sorted(shown) == sorted(q["id"] for q in bank.questions(chapter) if q["self_test"])


@pytest.mark.parametrize("name", PAGES)
def test_zelftoets_toont_precies_de_zelftoetsvragen_uit_de_bank(name):
    page = bank.zelftoets(name)
    data = re.search(r"var questions(\w+)=(.*?);\n\nif \(typeof Question", page, flags=re.S)
    assert f'<div id="{data.group(1)}"' in page and f"show_questions(questions{data.group(1)}" in page
    shown, items = json.loads(data.group(2)), bank.self_test(name)
    assert len(shown) == len(items) >= 2
    for question, item in zip(shown, items):  # the bank's question, its Markdown rendered as HTML
        words = html.unescape(re.sub(r"<[^>]+>", " ", question["question"])).split()
        assert words == bank.question_text(item).replace("**", "").split()
        assert ("<p><strong>Casus.</strong> " in question["question"]) == bool(item.get("case"))
        assert "**" not in json.dumps(question, ensure_ascii=False)
    assert "Typ je antwoord (een getal) en druk op Enter:" in page  # the label of the number field
    assert not [english for english in bank.QUIZ_NL if english in page]  # JupyterQuiz's English is gone
    assert page == bank.zelftoets(name)  # the same page at every build
    notebook = json.loads((ROOT / f"chapters/{name}.ipynb").read_text(encoding="utf-8"))
    assert sum(f"```{{zelftoets}} {name}\n```" in "".join(c["source"]) for c in notebook["cells"]
               if c["cell_type"] == "markdown") == 1


@pytest.mark.parametrize("chapter", NAMES)
def test_antwoordsleutel_per_leerdoel_met_elk_antwoord(chapter):
    key = bank.antwoordsleutel(chapter)
    goals = chapters.learning_goals(chapter)
    positions = [key.index(f"**Leerdoel {n}.** {goal}") for n, goal in enumerate(goals, start=1)]
    assert positions == sorted(positions)
    for item in bank.questions(chapter):
        assert bank.question_text(item).replace("\n\n", " ") in key
        assert bank.answer_text(item) in key


@pytest.mark.parametrize("chapter", NAMES)
def test_docentenpagina_toont_leerdoelen_en_antwoordsleutel_met_de_richtlijnen(chapter):
    notebook = json.loads((ROOT / f"chapters/docent-{chapter}.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in notebook["cells"]]
    assert f"```{{leerdoelen}} {chapter}\n```" in sources and f"```{{antwoordsleutel}} {chapter}\n```" in sources
    assert all(c["cell_type"] == "markdown" for c in notebook["cells"])  # the book's tooling stays out of pages


def test_rekenvraag_met_scenario_rekent_met_de_invoer_van_de_verkenner():
    spelled = next(q for _, q in NUMERIC if q["id"] == "hormonen-venster-vrouw")
    item = {key: value for key, value in spelled.items() if key != "inputs"}
    item["scenario"] = {"explorer": "hormones", "preset": "vrouw", "changes": {"exercises": 6}}
    bank.check(item, "test.yml")
    assert bank.model_value(item) == bank.model_value(spelled)
    assert bank.question_text(item) == bank.question_text(spelled)  # {sets}, {reps}: the scenario's numbers


class _TwoModels(Explorer):
    """An explorer whose scenario holds the inputs of two models."""

    presets = {"start": {"sets": 3}}

    @staticmethod
    def model_inputs(values):
        return {"kracht": {"sets": values["sets"], "reps": 10}, "duur": {"minutes": 30}}


@pytest.fixture
def two_models(monkeypatch):
    module = types.ModuleType("explorers.twee_modellen")
    monkeypatch.setattr(_TwoModels, "__module__", module.__name__)
    module.TwoModels = _TwoModels
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return {"id": "x", "goal": 1, "self_test": True, "type": "numeric", "level": "toepassing",
            "question": "{sets} sets van {reps}?",
            "model": "builtins.dict", "output": ["reps"], "decimals": 0, "tolerance": 1, "hint": "h",
            "explanation": "e", "scenario": {"explorer": "twee_modellen", "preset": "start",
                                             "changes": {"sets": 5}, "part": "kracht"}}


def test_scenario_deel_en_invoer_samen_zijn_de_invoer_van_het_model(two_models):
    bank.check(two_models, "test.yml")
    assert bank.model_inputs(two_models) == {"sets": 5, "reps": 10}
    item = two_models | {"inputs": {"reps": 12}}
    assert bank.model_inputs(item) == {"sets": 5, "reps": 12}  # inputs override the scenario
    assert bank.model_value(item) == 12 and bank.question_text(item) == "5 sets van 12?"


@pytest.mark.parametrize("scenario, message", [
    ({"explorer": "twee_modellen"}, "scenario heeft een explorer en een preset nodig"),
    ({"explorer": "yoga", "preset": "start"}, 'Verkenner "yoga" bestaat niet'),
    ({"explorer": "twee_modellen", "preset": "zwemmen"}, 'Onbekende voorinstelling "zwemmen"'),
    ({"explorer": "twee_modellen", "preset": "start", "changes": {"gewicht": 1}}, "Onbekende instelling gewicht"),
    ({"explorer": "twee_modellen", "preset": "start", "part": "armen"},
     "heeft geen deel 'armen'; kies uit kracht, duur"),
    ({"explorer": "twee_modellen", "preset": "start", "deel": "kracht"}, "scenario kent deel niet"),
])
def test_een_verkeerd_scenario_wordt_geweigerd_met_een_nederlandse_melding(two_models, scenario, message):
    with pytest.raises(ValueError, match=f"test.yml: vraag x: .*{re.escape(message)}"):
        bank.check(two_models | {"scenario": scenario}, "test.yml")


RUBRIC = {"maximum": 3, "criteria": [{"points": 2, "criterion": "Noemt de oorzaak."},
                                     {"points": 1, "criterion": "Geeft een advies."}]}
"""A scoring guide whose points add up to its maximum."""


@pytest.mark.parametrize("change, message", [
    ({"level": "onthouden"}, "level 'onthouden' bestaat niet; kies uit kennis, begrip, toepassing"),
    ({"rubric": None}, "een open vraag heeft een rubric nodig met een maximum en criteria"),
    ({"rubric": {"maximum": 3, "criteria": []}}, "een open vraag heeft een rubric nodig"),
    ({"rubric": {"maximum": 4, "criteria": RUBRIC["criteria"]}}, "tellen op tot 3, niet tot het maximum 4"),
    ({"rubric": {"maximum": 2, "criteria": [{"points": 2}]}}, "elk criterium van de rubric heeft points"),
    ({"rubric": {"maximum": 1, "criteria": [{"points": 0.5, "criterion": "Half."}, {"points": 0.5,
                                                                                  "criterion": "Half."}]}},
     "een geheel getal groter dan 0"),
    ({"type": "multiple_choice", "answers": [{"answer": "a", "correct": True, "feedback": "Goed."}]},
     "alleen een open vraag heeft een rubric"),
])
def test_een_verkeerd_niveau_of_beoordelingsschema_wordt_geweigerd_met_een_nederlandse_melding(change, message):
    item = {"id": "x", "goal": 1, "self_test": False, "type": "open", "level": "begrip", "question": "Waarom?",
            "model_answer": "Daarom.", "rubric": RUBRIC}
    bank.check(item, "test.yml")  # the item itself is fine
    changed = {key: value for key, value in (item | change).items() if value is not None}
    with pytest.raises(ValueError, match=f"test.yml: vraag x: .*{re.escape(message)}"):
        bank.check(changed, "test.yml")
    without = {key: value for key, value in item.items() if key != "level"}
    with pytest.raises(ValueError, match="test.yml: vraag x mist level"):
        bank.check(without, "test.yml")


def test_een_jupyterquiz_zonder_de_engelse_tekst_die_we_vertalen_is_een_nederlandse_fout():
    with pytest.raises(ValueError, match='JupyterQuiz bevat .*Type numeric answer here.* niet meer'):
        bank.dutch("var questions = [];")


def test_een_kapotte_vraag_wordt_geweigerd_met_een_nederlandse_melding():
    good = {"id": "x", "goal": 1, "self_test": True, "type": "multiple_choice", "level": "begrip", "question": "?",
            "answers": [{"answer": "a", "correct": True, "feedback": "Goed."},
                        {"answer": "b", "correct": True, "feedback": "Nee."}]}
    with pytest.raises(ValueError, match="precies één goed antwoord"):
        bank.check(good, "test.yml")
    with pytest.raises(ValueError, match="tolerance moet groter zijn dan 0"):
        bank.check({**good, "type": "numeric", "model": "edu.x.y", "output": [], "decimals": 0,
                    "hint": "h", "explanation": "e", "tolerance": 0}, "test.yml")
    with pytest.raises(ValueError, match="open vraag kan niet in de zelftoets"):
        bank.check({**good, "type": "open", "model_answer": "m", "rubric": RUBRIC}, "test.yml")
    with pytest.raises(ValueError, match='Hoofdstuk "yoga" heeft geen vragenbank'):
        bank.questions("yoga")


def _sphinx_page(folder, markdown: str) -> tuple[str, str]:
    """A MyST page with the bank's directives built by Sphinx in ``folder``: its HTML and the warnings."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    folder.mkdir(exist_ok=True)
    (folder / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "book.bank"]\n'
        f'bibtex_bibfiles = ["{ROOT / "chapters/references.bib"}"]\nbibtex_reference_style = "author_year"\n',
        encoding="utf-8")
    (folder / "index.md").write_text(f"# Proef\n\n{markdown}\n\n```{{bibliography}}\n```\n", encoding="utf-8")
    warnings = io.StringIO()
    with patch_docutils(folder), docutils_namespace():  # as sphinx-build: no registration left behind
        Sphinx(folder, folder, folder / "out", folder / "doctrees", "html", status=None, warning=warnings,
               freshenv=True).build()
    return (folder / "out/index.html").read_text(encoding="utf-8"), warnings.getvalue()


def test_de_richtlijnen_tonen_de_vragenbank_in_een_sphinx_pagina(tmp_path):
    page, warnings = _sphinx_page(tmp_path, "```{leerdoelen} hormonen\n```\n\n```{antwoordsleutel} hormonen\n```\n\n"
                                            "```{zelftoets} hormonen\n```\n\n```{vragenbank-overzicht}\n```")
    assert warnings == ""
    goals = chapters.learning_goals("hormonen")
    assert re.search(r"<ol[^>]*>\s*<li><p>" + re.escape(goals[0][:30]), page)  # a numbered list, not text
    instructors = page.split('id="zelftoets_hormonen"')[0]
    assert "<strong>Leerdoel 1.</strong>" in instructors and "**" not in instructors  # Markdown rendered
    guide = re.search(r"<strong>Beoordeling \(maximaal 8 punten\):</strong>\s*</p>\s*<ul[^>]*>(.*?)</ul>", instructors,
                      flags=re.S)  # an open question's scoring guide: a list under the model answer
    assert guide and guide.group(1).count("<li>") == 4 and "2 punten: " in guide.group(1)
    assert 'id="zelftoets_hormonen"' in page and "Typ je antwoord (een getal)" in page
    assert page.count("<table") == 1 and "De acute hormonale respons</p></td>" in page


def test_een_bron_in_leerdoel_of_antwoord_wordt_een_verwijzing(tmp_path, monkeypatch):
    chapter = {"cells": [{"cell_type": "markdown", "source": "# Proef\n\n**Leerdoelen.**\n\n"
                                                             "1. de studie van {cite}`kraemer1991` noemen."}]}
    (tmp_path / "proef.ipynb").write_text(json.dumps(chapter), encoding="utf-8")
    (tmp_path / "proef.yml").write_text(
        "- id: proef-open\n  goal: 1\n  self_test: false\n  type: open\n  level: kennis\n  question: Welke studie?\n"
        "  model_answer: Die van {cite}`west2010`.\n  rubric:\n    maximum: 2\n    criteria:\n"
        "    - {points: 2, criterion: 'Noemt {cite}`mccall1999` niet.'}\n", encoding="utf-8")
    monkeypatch.setattr(chapters, "FOLDER", tmp_path)
    monkeypatch.setattr(bank, "BANK", tmp_path)
    page, warnings = _sphinx_page(tmp_path / "boek", "```{leerdoelen} proef\n```\n\n```{antwoordsleutel} proef\n```")
    assert warnings == ""
    assert "{cite}" not in page and page.count('href="#id') >= 4  # two goals', an answer's and a rubric's citation
    assert "Kraemer" in page and "West" in page and "McCall" in page


def test_een_onbekend_hoofdstuk_is_een_nederlandse_fout_in_de_build(tmp_path):
    _, warnings = _sphinx_page(tmp_path, "```{zelftoets} yoga\n```")
    assert 'Hoofdstuk "yoga" heeft geen vragenbank' in warnings
