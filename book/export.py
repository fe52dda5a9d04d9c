"""Exports of the question bank for learning platforms: ``make export`` writes ``_build/export/``.

Instructor material, so never inside the public site (``_build/html``):

``vragenbank-moodle.xml`` and ``moodle/<chapter>.xml``
    Moodle XML: a category per chapter and learning goal
    (``$course$/<course title>/<chapter title>/Leerdoel N. <goal>``); multiple choice with feedback on every
    option (fraction 100 or 0); numeric questions whose value and tolerance come from the models at export time;
    open questions as essays with the model answer and the scoring guide as grader information.
``vragenbank-qti12.zip``
    IMS QTI 1.2 in the flavour Canvas writes and reads (classic quizzes), which Brightspace imports as well: one
    assessment per chapter, each item titled with its learning goal. An open question's model answer and scoring
    guide are its feedback for the scorer (``view="Scorer"``); Canvas shows such feedback as the question's
    general comment.
``vragenbank-qti21.zip``
    IMS QTI 2.1, for a platform that imports 2.1 rather than (or as well as) 1.2: one file per item and a test
    with a section per chapter and per learning goal; an open question's model answer and scoring guide stand in a
    ``rubricBlock`` for the scorer. No XSD of QTI or Moodle XML comes with a package on PyPI, so the tests read
    these back and check them against the bank; the QTI 1.2 export is also validated against IMS's DTD (a test
    fixture from pyslet's source package, see the Makefile).
``LEESMIJ.txt``
    What each file is, for the teacher.

A numeric answer is right within the self-test's range: the model's value (unrounded) plus or minus the
question's ``tolerance`` (:func:`numeric_answer`). Texts are the bank's Markdown rendered as HTML, as the
self-test does (:data:`book.bank.MARKDOWN`), with MyST roles made readable: ``{cite}`` becomes "(Kraemer e.a.,
1991)" and ``{cite:t}`` "Kraemer e.a. (1991)", with the Dutch name lists of :mod:`book.citations`.

XML is written with lxml, not a QTI library: text2qti (QTI 1.2 for Canvas) reads its own plain-text syntax, so the
bank would be re-serialised into it and its Markdown rendered a second time by other rules, it writes one quiz per
package and has no place for a scorer-only scoring guide; qti-package-maker has no essay type.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import pybtex.database
import pybtex.plugin
import yaml
from lxml import etree
from markdown_it import MarkdownIt
from mdit_py_plugins.myst_role import myst_role_plugin

from book import bank, chapters
from book.citations import AND, names

FOLDER = chapters.ROOT / "_build" / "export"
"""Where ``make export`` writes: beside the site, never in it."""

BIBLIOGRAPHY = chapters.FOLDER / "references.bib"

QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_CANVAS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"  # the manifest namespace Canvas writes
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMAS = {
    QTI12: "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd",
    QTI21: "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd",
    CP: "http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
    CP_CANVAS: "http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
}

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
"""The time stamp of every file in a package, so the same bank gives the same bytes."""


# --- The bank's texts as HTML ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _bibliography() -> pybtex.database.BibliographyData:
    return pybtex.database.parse_file(str(BIBLIOGRAPHY), bib_format="bibtex")


def authors(key: str) -> str:
    """A source's authors as the book cites them: "Kraemer", "West en Phillips", "Kraemer e.a."."""
    try:
        entry = _bibliography().entries[key]
    except KeyError:
        raise ValueError(f'De bron "{key}" staat niet in {BIBLIOGRAPHY.name}.') from None
    style = pybtex.plugin.find_plugin("pybtex.style.names", "last")()
    listed = names("author", format_name=lambda person: style.format(person, True), short=True)
    return listed.format_data({"entry": entry}).render_as("text")


def year(key: str) -> str:
    """A source's year of publication."""
    authors(key)  # refuses a key that is not in the bibliography
    return _bibliography().entries[key].fields["year"]


def citation(role: str, content: str) -> str:
    """A MyST citation role as the book renders it: ``{cite}`` "(Kraemer e.a., 1991; McCall e.a., 1999)",
    ``{cite:t}`` "Kraemer e.a. (1991)", ``{cite:author}`` "Kraemer e.a.", ``{cite:year}`` "1991"."""
    keys = [key.strip() for key in content.split(",") if key.strip()]
    if role.startswith("cite:t"):
        cited = [f"{authors(key)} ({year(key)})" for key in keys]
        return cited[0] if len(cited) == 1 else ", ".join(cited[:-1]) + AND + cited[-1]
    if role == "cite:author":
        return ", ".join(authors(key) for key in keys)
    if role == "cite:year":
        return ", ".join(year(key) for key in keys)
    return "(" + "; ".join(f"{authors(key)}, {year(key)}" for key in keys) + ")"


def role_text(name: str, content: str) -> str:
    """The text a reader sees for a MyST role: a citation in Dutch, else the role's text without its target."""
    if name.startswith("cite"):
        return citation(name, content)
    if name.startswith("glue"):
        raise ValueError(f"De rol {{{name}}} toont een getal uit een pagina; dat kan niet in een export. "
                         "Laat het getal door het model van de vraag berekenen.")
    return re.sub(r"\s*<[^>]*>\s*$", "", content)  # {term}`text <target>`: the text


def _render_role(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    return html.escape(role_text(token.meta.get("name", ""), token.content), quote=False)


MARKDOWN = MarkdownIt("commonmark").use(myst_role_plugin)
"""The bank's Markdown as :data:`book.bank.MARKDOWN` renders it for the self-test, with MyST roles readable."""
MARKDOWN.add_render_rule("myst_role", _render_role)


def block_html(text: str) -> str:
    """Markdown (paragraphs, lists) as HTML."""
    return MARKDOWN.render(text).strip()


def inline_html(text: str) -> str:
    """Markdown on one line (an option, a feedback) as HTML, without a paragraph around it."""
    return MARKDOWN.renderInline(text).strip()


def plain(text: str) -> str:
    """Markdown as plain text (a title or a category name)."""
    return html.unescape(re.sub(r"<[^>]+>", "", inline_html(text)))


# --- What every format shows ----------------------------------------------------------------------------------


def course_title() -> str:
    """The book's title, from ``_config.yml``."""
    return yaml.safe_load((chapters.ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]


def banked_chapters() -> list[str]:
    """The chapters that have a question bank, in the order of the book."""
    return [name for name in chapters.in_order() if (bank.BANK / f"{name}.yml").exists()]


def goal_name(number: int, goal: str) -> str:
    """A learning goal as a category: "Leerdoel 2. Een eiwitadvies ... onderbouwen"."""
    text = plain(goal).rstrip(" ;.")
    return f"Leerdoel {number}. {text[:1].upper()}{text[1:]}"


def by_goal(chapter: str) -> list[tuple[int, str, list[dict]]]:
    """The chapter's questions per learning goal: (number, goal, questions), a question that tests no goal
    of the chapter refused."""
    items, goals = bank.questions(chapter), chapters.learning_goals(chapter)
    stray = [f"{q['id']} (leerdoel {q['goal']})" for q in items if q["goal"] not in range(1, len(goals) + 1)]
    if stray:
        raise ValueError(f'Hoofdstuk "{chapter}" heeft {len(goals)} leerdoelen, maar deze vragen toetsen een leerdoel '
                         f"dat er niet is: {', '.join(stray)}.")
    return [(number, goal, [q for q in items if q["goal"] == number]) for number, goal in enumerate(goals, start=1)]


def points(item: dict) -> int:
    """What a question is worth: an open question its scoring guide's maximum, any other 1."""
    return item["rubric"]["maximum"] if item["type"] == "open" else 1


def question_html(item: dict) -> str:
    """The question as HTML, with its case and (numeric) its inputs filled in."""
    return block_html(bank.question_text(item))


def option_letters(item: dict) -> list[str]:
    """The options' identifiers: A, B, C, ..."""
    return [chr(ord("A") + n) for n in range(len(item["answers"]))]


def numeric_answer(item: dict) -> tuple[float, float]:
    """A numeric question's accepted value and tolerance, as the self-test accepts it: the model's value,
    unrounded, plus or minus ``tolerance``."""
    return bank.model_value(item), float(item["tolerance"])


def decimal_text(value: float) -> str:
    """A number for a platform to read: a decimal point, no exponent, at most 10 decimals (so 88.8, not
    88.80000000000001; the range moves by less than 1e-10)."""
    return np.format_float_positional(round(value, 10), trim="-")


def right_feedback(item: dict) -> str:
    """A numeric question's feedback on a right answer (the self-test's): HTML."""
    return inline_html(f"Goed. {bank.explanation(item)}")


def wrong_feedback(item: dict) -> str:
    """A numeric question's feedback on a wrong answer (the self-test's hint): HTML."""
    return inline_html(f"Nog niet. {item['hint']}")


def scoring_guide_html(item: dict) -> str:
    """An open question's model answer and scoring guide, for the teacher who marks it: HTML."""
    rubric = item["rubric"]
    criteria = "\n".join(f"- {bank.points(c['points'])}: {c['criterion']}" for c in rubric["criteria"])
    return block_html(f"**Modelantwoord.** {item['model_answer']}\n\n"
                      f"**Beoordeling (maximaal {bank.points(rubric['maximum'])}):**\n\n{criteria}")


def tags(item: dict) -> list[str]:
    """Labels a teacher can filter on: the level, whether the self-test shows it, whether it is a case."""
    where = "zelftoets" if item["self_test"] else "alleen-toets"
    return [item["level"], where, *(["casus"] if item.get("case") else [])]


# --- Moodle XML -----------------------------------------------------------------------------------------------


def category_path(chapter: str, number: int, goal: str) -> str:
    """A learning goal's Moodle category: ``$course$/<course>/<chapter>/Leerdoel N. <goal>`` (a slash in a name
    doubled, as Moodle reads it)."""
    parts = [course_title(), chapters.title(chapter), goal_name(number, goal)]
    return "/".join(["$course$", *(part.replace("/", "//") for part in parts)])


def _text(parent: etree._Element, tag: str, content: str, html_format: bool = True, **attributes) -> etree._Element:
    """``<tag format="html"><text>content</text></tag>``, HTML as CDATA."""
    element = etree.SubElement(parent, tag, format="html", **attributes) if html_format else \
        etree.SubElement(parent, tag, **attributes)
    etree.SubElement(element, "text").text = etree.CDATA(content) if html_format and content else content
    return element


def moodle_category(path: str, goal_number: int, goal: str) -> etree._Element:
    question = etree.Element("question", type="category")
    _text(question, "category", path, html_format=False)
    _text(question, "info", html.escape(goal_name(goal_number, goal) + ".", quote=False))
    return question


def moodle_common(item: dict, kind: str) -> etree._Element:
    """A Moodle question's name, text and grading settings."""
    question = etree.Element("question", type=kind)
    _text(question, "name", item["id"], html_format=False)
    _text(question, "questiontext", question_html(item))
    _text(question, "generalfeedback", "")
    etree.SubElement(question, "defaultgrade").text = str(points(item))
    etree.SubElement(question, "penalty").text = "0"
    etree.SubElement(question, "hidden").text = "0"
    etree.SubElement(question, "idnumber").text = item["id"]
    return question


def moodle_answer(question: etree._Element, fraction: int, text: str, feedback: str, answer_format: str = "html"):
    answer = etree.SubElement(question, "answer", fraction=str(fraction), format=answer_format)
    etree.SubElement(answer, "text").text = etree.CDATA(text) if answer_format == "html" else text
    _text(answer, "feedback", feedback)
    return answer


def moodle_multiple_choice(item: dict) -> etree._Element:
    question = moodle_common(item, "multichoice")
    for key, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc"),
                       ("showstandardinstruction", "0")):
        etree.SubElement(question, key).text = value
    for option in item["answers"]:
        moodle_answer(question, 100 if option["correct"] else 0, inline_html(option["answer"]),
                      inline_html(option["feedback"]))
    return question


def moodle_numeric(item: dict) -> etree._Element:
    question = moodle_common(item, "numerical")
    value, tolerance = numeric_answer(item)
    right = moodle_answer(question, 100, decimal_text(value), right_feedback(item), "moodle_auto_format")
    etree.SubElement(right, "tolerance").text = decimal_text(tolerance)
    wrong = moodle_answer(question, 0, "*", wrong_feedback(item), "moodle_auto_format")  # any other answer
    etree.SubElement(wrong, "tolerance").text = "0"
    for key, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "3"), ("unitsleft", "0")):
        etree.SubElement(question, key).text = value  # no unit to type: the question says the unit
    return question


def moodle_essay(item: dict) -> etree._Element:
    question = moodle_common(item, "essay")
    for key, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "15"),
                       ("attachments", "0"), ("attachmentsrequired", "0")):
        etree.SubElement(question, key).text = value
    _text(question, "graderinfo", scoring_guide_html(item))
    _text(question, "responsetemplate", "")
    return question


MOODLE_KINDS = {"multiple_choice": moodle_multiple_choice, "numeric": moodle_numeric, "open": moodle_essay}


def moodle_question(item: dict) -> etree._Element:
    question = MOODLE_KINDS[item["type"]](item)
    listed = etree.SubElement(question, "tags")
    for tag in tags(item):
        _text(listed, "tag", tag, html_format=False)
    return question


def moodle_quiz(chapter_names: list[str]) -> etree._ElementTree:
    """The chapters' questions as Moodle XML, each under its learning goal's category."""
    quiz = etree.Element("quiz")
    for chapter in chapter_names:
        for goal_number, goal, items in by_goal(chapter):
            quiz.append(moodle_category(category_path(chapter, goal_number, goal), goal_number, goal))
            quiz.extend(moodle_question(item) for item in items)
    return etree.ElementTree(quiz)


# --- QTI 1.2, as Canvas writes it -----------------------------------------------------------------------------


def _element(namespace: str, parent: etree._Element | None, tag: str, text: str | None = None,
             **attributes) -> etree._Element:
    """An element ``tag`` in ``namespace``, under ``parent`` (a root when None), with ``text``."""
    name = f"{{{namespace}}}{tag}"
    element = etree.Element(name, **attributes) if parent is None else etree.SubElement(parent, name, **attributes)
    if text is not None:
        element.text = text
    return element


def _q12(parent: etree._Element | None, tag: str, text: str | None = None, **attributes) -> etree._Element:
    return _element(QTI12, parent, tag, text, **attributes)


def _q12_metadata(parent: etree._Element, fields: dict[str, str]) -> None:
    metadata = _q12(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _q12(metadata, "qtimetadatafield")
        _q12(field, "fieldlabel", label)
        _q12(field, "fieldentry", entry)


def _q12_material(parent: etree._Element, content: str) -> None:
    _q12(_q12(parent, "material"), "mattext", content, texttype="text/html")


def _q12_feedback(item: etree._Element, ident: str, content: str, **attributes) -> None:
    _q12_material(_q12(_q12(item, "itemfeedback", ident=ident, **attributes), "flow_mat"), content)


def _q12_condition(processing: etree._Element, go_on: bool, feedback: str | None = None, score: int | None = None):
    """A ``respcondition`` (its ``conditionvar`` returned to fill), setting the score and showing feedback."""
    condition = _q12(processing, "respcondition", **{"continue": "Yes" if go_on else "No"})
    test = _q12(condition, "conditionvar")
    if score is not None:
        _q12(condition, "setvar", str(score), action="Set", varname="SCORE")
    if feedback is not None:
        _q12(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
    return test


def _q12_processing(item: etree._Element) -> etree._Element:
    processing = _q12(item, "resprocessing")
    _q12(_q12(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    return processing


def qti12_item(item: dict) -> etree._Element:
    """A question as a QTI 1.2 item in Canvas's flavour (``question_type`` and friends in its metadata)."""
    ident = item["id"]
    element = _q12(None, "item", ident=ident, title=f"{ident} (leerdoel {item['goal']})")
    letters = option_letters(item) if item["type"] == "multiple_choice" else []
    kind = {"multiple_choice": "multiple_choice_question", "numeric": "numerical_question",
            "open": "essay_question"}[item["type"]]
    answer_ids = ",".join(f"{ident}-{letter}" for letter in letters) if letters else f"{ident}-antwoord"
    _q12_metadata(_q12(element, "itemmetadata"), {
        "question_type": kind, "points_possible": str(points(item)),
        "original_answer_ids": answer_ids if item["type"] != "open" else "",
        "assessment_question_identifierref": f"{ident}-bank"})
    presentation = _q12(element, "presentation")
    _q12_material(presentation, question_html(item))
    if item["type"] == "multiple_choice":
        choice = _q12(_q12(presentation, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
        for letter, option in zip(letters, item["answers"]):
            _q12_material(_q12(choice, "response_label", ident=f"{ident}-{letter}"), inline_html(option["answer"]))
    else:
        fib = {"fibtype": "Decimal"} if item["type"] == "numeric" else {}
        response = _q12(presentation, "response_str", ident="response1", rcardinality="Single")
        _q12(_q12(response, "render_fib", **fib), "response_label", ident="answer1", rshuffle="No")
    QTI12_PROCESSING[item["type"]](element, item, letters)
    return element


def _qti12_choice_processing(element: etree._Element, item: dict, letters: list[str]) -> None:
    processing = _q12_processing(element)
    for letter in letters:
        _q12(_q12_condition(processing, True, f"{item['id']}-{letter}-fb"), "varequal", f"{item['id']}-{letter}",
             respident="response1")
    key = next(letter for letter, option in zip(letters, item["answers"]) if option["correct"])
    _q12(_q12_condition(processing, False, score=100), "varequal", f"{item['id']}-{key}", respident="response1")
    for letter, option in zip(letters, item["answers"]):
        _q12_feedback(element, f"{item['id']}-{letter}-fb", inline_html(option["feedback"]))


def _qti12_numeric_processing(element: etree._Element, item: dict, letters: list[str]) -> None:
    value, tolerance = numeric_answer(item)
    processing = _q12_processing(element)
    either = _q12(_q12_condition(processing, False, "correct_fb", 100), "or")
    _q12(either, "varequal", decimal_text(value), respident="response1")
    both = _q12(either, "and")
    _q12(both, "vargte", decimal_text(value - tolerance), respident="response1")
    _q12(both, "varlte", decimal_text(value + tolerance), respident="response1")
    _q12(_q12_condition(processing, True, "general_incorrect_fb"), "other")
    _q12_feedback(element, "correct_fb", right_feedback(item))
    _q12_feedback(element, "general_incorrect_fb", wrong_feedback(item))


def _qti12_essay_processing(element: etree._Element, item: dict, letters: list[str]) -> None:
    processing = _q12_processing(element)
    _q12(_q12_condition(processing, False, "general_fb"), "other")
    _q12_feedback(element, "general_fb", scoring_guide_html(item), view="Scorer")


QTI12_PROCESSING = {"multiple_choice": _qti12_choice_processing, "numeric": _qti12_numeric_processing,
                    "open": _qti12_essay_processing}


def qti12_assessment(chapter: str) -> etree._ElementTree:
    """A chapter's questions as one QTI 1.2 assessment (a quiz and a question bank in Canvas)."""
    root = _q12(None, "questestinterop", nsmap={None: QTI12, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI12} {SCHEMAS[QTI12]}")
    assessment = _q12(root, "assessment", ident=chapter, title=plain(chapters.title(chapter)))
    _q12_metadata(assessment, {"cc_maxattempts": "1"})
    section = _q12(assessment, "section", ident="root_section")
    for _, _, items in by_goal(chapter):
        section.extend(qti12_item(item) for item in items)
    return etree.ElementTree(root)


# --- QTI 2.1 --------------------------------------------------------------------------------------------------


def _q21(parent: etree._Element | None, tag: str, text: str | None = None, **attributes) -> etree._Element:
    return _element(QTI21, parent, tag, text, **attributes)


def _q21_html(parent: etree._Element, content: str) -> etree._Element:
    """Put HTML (from Markdown) into a QTI 2.1 element, as XHTML in QTI's namespace."""
    fragment = etree.fromstring(f'<div xmlns="{QTI21}">{content}</div>')
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + (fragment.text or "")
    else:
        parent.text = (parent.text or "") + (fragment.text or "")
    parent.extend(fragment)
    return parent


def _q21_outcome(item: etree._Element, identifier: str, base_type: str, maximum: int | None = None) -> None:
    extra = {"normalMaximum": str(maximum)} if maximum is not None else {}
    outcome = _q21(item, "outcomeDeclaration", identifier=identifier, cardinality="single", baseType=base_type,
                   **extra)
    if base_type == "float":
        _q21(_q21(outcome, "defaultValue"), "value", "0")


def _q21_response(item: etree._Element, base_type: str, correct: str | None) -> None:
    response = _q21(item, "responseDeclaration", identifier="RESPONSE", cardinality="single", baseType=base_type)
    if correct is not None:
        _q21(_q21(response, "correctResponse"), "value", correct)


def _q21_set(parent: etree._Element, identifier: str, base_type: str, value: str) -> None:
    _q21(_q21(parent, "setOutcomeValue", identifier=identifier), "baseValue", value, baseType=base_type)


def _q21_feedback(item: etree._Element, identifier: str, content: str) -> None:
    _q21_html(_q21(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=identifier, showHide="show"),
              content)


def qti21_item(item: dict) -> etree._ElementTree:
    """A question as a QTI 2.1 assessment item."""
    root = _q21(None, "assessmentItem", nsmap={None: QTI21, "xsi": XSI}, identifier=item["id"],
                title=f"{item['id']} (leerdoel {item['goal']})", adaptive="false", timeDependent="false")
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI21} {SCHEMAS[QTI21]}")
    root.set(XML_LANG, "nl")
    QTI21_KINDS[item["type"]](root, item)
    return etree.ElementTree(root)


def _qti21_choice(root: etree._Element, item: dict) -> None:
    letters = option_letters(item)
    key = next(letter for letter, option in zip(letters, item["answers"]) if option["correct"])
    _q21_response(root, "identifier", key)
    _q21_outcome(root, "SCORE", "float", 1)
    _q21_outcome(root, "FEEDBACK", "identifier")
    body = _q21_html(_q21(root, "itemBody"), question_html(item))
    choices = _q21(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="true", maxChoices="1")
    for letter, option in zip(letters, item["answers"]):
        _q21_html(_q21(choices, "simpleChoice", identifier=letter), inline_html(option["answer"]))
    processing = _q21(root, "responseProcessing")
    right = _q21(_q21(processing, "responseCondition"), "responseIf")
    match = _q21(right, "match")
    _q21(match, "variable", identifier="RESPONSE")
    _q21(match, "correct", identifier="RESPONSE")
    _q21_set(right, "SCORE", "float", "1")
    _q21(_q21(processing, "setOutcomeValue", identifier="FEEDBACK"), "variable", identifier="RESPONSE")
    for letter, option in zip(letters, item["answers"]):
        _q21_feedback(root, letter, inline_html(option["feedback"]))


def _qti21_numeric(root: etree._Element, item: dict) -> None:
    value, tolerance = numeric_answer(item)
    _q21_response(root, "float", decimal_text(value))
    _q21_outcome(root, "SCORE", "float", 1)
    _q21_outcome(root, "FEEDBACK", "identifier")
    body = _q21_html(_q21(root, "itemBody"), question_html(item))
    _q21(_q21(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="10")
    condition = _q21(_q21(root, "responseProcessing"), "responseCondition")
    right = _q21(condition, "responseIf")
    margin = decimal_text(tolerance)
    equal = _q21(right, "equal", toleranceMode="absolute", tolerance=f"{margin} {margin}")
    _q21(equal, "variable", identifier="RESPONSE")
    _q21(equal, "correct", identifier="RESPONSE")
    _q21_set(right, "SCORE", "float", "1")
    _q21_set(right, "FEEDBACK", "identifier", "GOED")
    _q21_set(_q21(condition, "responseElse"), "FEEDBACK", "identifier", "NOG_NIET")
    _q21_feedback(root, "GOED", right_feedback(item))
    _q21_feedback(root, "NOG_NIET", wrong_feedback(item))


def _qti21_essay(root: etree._Element, item: dict) -> None:
    _q21_response(root, "string", None)
    _q21_outcome(root, "SCORE", "float", points(item))
    body = _q21(root, "itemBody")
    _q21_html(_q21(body, "rubricBlock", view="scorer"), scoring_guide_html(item))
    _q21_html(body, question_html(item))
    _q21(body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines="15")


QTI21_KINDS = {"multiple_choice": _qti21_choice, "numeric": _qti21_numeric, "open": _qti21_essay}


def qti21_test(chapter_names: list[str]) -> etree._ElementTree:
    """The bank as a QTI 2.1 test: a section per chapter, in it a section per learning goal."""
    root = _q21(None, "assessmentTest", nsmap={None: QTI21, "xsi": XSI}, identifier="vragenbank",
                title=course_title())
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI21} {SCHEMAS[QTI21]}")
    part = _q21(root, "testPart", identifier="vragen", navigationMode="nonlinear", submissionMode="individual")
    for chapter in chapter_names:
        chapter_section = _q21(part, "assessmentSection", identifier=chapter, title=plain(chapters.title(chapter)),
                               visible="true")
        for goal_number, goal, items in by_goal(chapter):
            if not items:
                continue  # QTI refuses an empty section
            goal_section = _q21(chapter_section, "assessmentSection", identifier=f"{chapter}-leerdoel-{goal_number}",
                                title=goal_name(goal_number, goal), visible="true")
            for item in items:
                _q21(goal_section, "assessmentItemRef", identifier=item["id"], href=f"items/{item['id']}.xml")
    return etree.ElementTree(root)


# --- Packages -------------------------------------------------------------------------------------------------


def manifest(namespace: str, title: str, resources: list[tuple[str, str, str, list[str]]]) -> etree._ElementTree:
    """An IMS content-package manifest listing ``resources``: (identifier, type, file, dependencies)."""
    root = etree.Element(f"{{{namespace}}}manifest", nsmap={None: namespace, "xsi": XSI}, identifier="vragenbank")
    root.set(f"{{{XSI}}}schemaLocation", f"{namespace} {SCHEMAS[namespace]}")
    metadata = etree.SubElement(root, f"{{{namespace}}}metadata")
    etree.SubElement(metadata, f"{{{namespace}}}schema").text = "IMS Content"
    etree.SubElement(metadata, f"{{{namespace}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{namespace}}}organizations")
    listed = etree.SubElement(root, f"{{{namespace}}}resources")
    for identifier, kind, href, dependencies in resources:
        resource = etree.SubElement(listed, f"{{{namespace}}}resource", identifier=identifier, type=kind, href=href)
        etree.SubElement(resource, f"{{{namespace}}}file", href=href)
        for dependency in dependencies:
            etree.SubElement(resource, f"{{{namespace}}}dependency", identifierref=dependency)
    root.addprevious(etree.Comment(f" {title} "))
    return etree.ElementTree(root)


def xml_bytes(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip of ``files`` (name → content), the manifest first, every entry with the same time stamp."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files, key=lambda name: (name != "imsmanifest.xml", name)):
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME), files[name], zipfile.ZIP_DEFLATED)


def qti12_package(chapter_names: list[str]) -> dict[str, bytes]:
    """The QTI 1.2 package's files: a manifest and one assessment per chapter."""
    files = {f"{chapter}/{chapter}.xml": xml_bytes(qti12_assessment(chapter)) for chapter in chapter_names}
    resources = [(chapter, "imsqti_xmlv1p2", f"{chapter}/{chapter}.xml", []) for chapter in chapter_names]
    files["imsmanifest.xml"] = xml_bytes(manifest(CP_CANVAS, course_title(), resources))
    return files


def qti21_package(chapter_names: list[str]) -> dict[str, bytes]:
    """The QTI 2.1 package's files: a manifest, the test and one file per item."""
    items = [item for chapter in chapter_names for _, _, listed in by_goal(chapter) for item in listed]
    files = {f"items/{item['id']}.xml": xml_bytes(qti21_item(item)) for item in items}
    files["toets.xml"] = xml_bytes(qti21_test(chapter_names))
    resources = [(item["id"], "imsqti_item_xmlv2p1", f"items/{item['id']}.xml", []) for item in items]
    resources.insert(0, ("toets", "imsqti_test_xmlv2p1", "toets.xml", [item["id"] for item in items]))
    files["imsmanifest.xml"] = xml_bytes(manifest(CP, course_title(), resources))
    return files


README = """Vragenbank van "{course}", voor leerplatforms
{line}

Docentenmateriaal: deze bestanden bevatten de antwoorden. Zet ze niet op een plek waar cursisten kunnen komen.

vragenbank-moodle.xml   Moodle XML, de hele vragenbank. Importeer in de vragenbank van je cursus als
                        "Moodle XML" en laat de categorieën uit het bestand halen: per hoofdstuk per leerdoel.
moodle/<hoofdstuk>.xml  Hetzelfde, per hoofdstuk.
vragenbank-qti12.zip    IMS QTI 1.2 zoals Canvas (klassieke toetsen) het leest; Brightspace leest het ook.
                        Per hoofdstuk een toets; de titel van elke vraag noemt het leerdoel.
vragenbank-qti21.zip    IMS QTI 2.1, voor platforms die QTI 2.1 lezen: een toets met per hoofdstuk en
                        per leerdoel een onderdeel. Kijk in de handleiding van je platform welke versie
                        het importeert; lukt de ene niet, probeer dan de andere.

Rekenvragen: het goede antwoord is uitgerekend met de modellen van de cursus toen dit bestand werd
gemaakt; goed is alles binnen de marge (tolerantie) van de vraag, net als in de zelftoets.
Open vragen: het modelantwoord en het beoordelingsschema staan bij de vraag voor wie nakijkt (in Moodle
als informatie voor de beoordelaar). Canvas toont ze na het inleveren als algemene feedback: verberg die
in Canvas als cursisten ze niet mogen zien.

{counts}
"""


def counts(chapter_names: list[str]) -> dict[str, dict[str, int]]:
    """Per chapter how many questions of each kind are exported."""
    return {chapter: {kind: sum(q["type"] == kind for q in bank.questions(chapter)) for kind in bank.TYPES}
            for chapter in chapter_names}


def summary(chapter_names: list[str]) -> str:
    """The exported questions in numbers, in Dutch."""
    numbers = counts(chapter_names)
    lines = [f"{chapters.title(chapter)} – {sum(n.values())} vragen ({n['multiple_choice']} meerkeuze, "
             f"{n['numeric']} rekenvragen, {n['open']} open)" for chapter, n in numbers.items()]
    total = sum(sum(n.values()) for n in numbers.values())
    return "\n".join([*lines, f"Samen: {total} vragen uit {len(numbers)} hoofdstukken."])


def write(folder: Path = FOLDER) -> list[Path]:
    """Write every export into ``folder``; the paths written."""
    if (chapters.ROOT / "_build" / "html").resolve() in [folder.resolve(), *folder.resolve().parents]:
        raise ValueError(f"De export bevat de antwoorden en hoort niet in de openbare site: kies een map buiten "
                         f"_build/html, niet {folder}.")
    banked = banked_chapters()
    if not banked:
        raise ValueError(f"Er is geen vragenbank om te exporteren: {bank.BANK} heeft geen .yml-bestanden.")
    folder.mkdir(parents=True, exist_ok=True)
    written = {folder / "vragenbank-moodle.xml": xml_bytes(moodle_quiz(banked)),
               **{folder / "moodle" / f"{chapter}.xml": xml_bytes(moodle_quiz([chapter])) for chapter in banked}}
    for path, content in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    write_zip(folder / "vragenbank-qti12.zip", qti12_package(banked))
    write_zip(folder / "vragenbank-qti21.zip", qti21_package(banked))
    title = f'Vragenbank van "{course_title()}", voor leerplatforms'
    (folder / "LEESMIJ.txt").write_text(README.format(course=course_title(), line="=" * len(title),
                                                      counts=summary(banked)), encoding="utf-8")
    return [*written, folder / "vragenbank-qti12.zip", folder / "vragenbank-qti21.zip", folder / "LEESMIJ.txt"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Exporteer de vragenbank naar Moodle XML en IMS QTI (1.2 en 2.1).")
    parser.add_argument("map", nargs="?", type=Path, default=FOLDER,
                        help="waar de export komt (standaard: %(default)s)")
    folder = parser.parse_args(argv).map
    try:
        paths = write(folder)
    except (ValueError, yaml.YAMLError) as error:
        print(f"Export mislukt: {error}", file=sys.stderr)
        return 1
    print(summary(banked_chapters()))
    print(f"Klaar: {len(paths)} bestanden in {folder} (docentenmateriaal, niet voor de openbare site).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
