"""Predictions that commit: ``{voorspelling}``, a question the learner answers before an explorer's
figure and its explanation unfold, on the static page (no kernel, no server).

A Markdown cell writes it right before the explorer's code cell, as the cell's last block::

    :::{voorspelling}
    Wat gebeurt er met de piek van groeihormoon als je de rust tussen de sets verlengt?

    - De piek wordt hoger.
      : Nee. ...
    - [x] De piek wordt lager.
      : Goed. Met lange rust hoopt er minder lactaat op ...
    - De piek blijft gelijk.
      : Nee. ...

    +++
    De uitleg: MyST, so it may cite ({cite:t}`kraemer1991`) and show numbers the page glues
    ({glue:text}`gh_piek_man`).
    :::

- Above the options: the question (one or more paragraphs, MyST). Its first line may also stand on
  the directive's line (``:::{voorspelling} Wat gebeurt er ...?``).
- The options: a bulleted list (``-``), at least two. Under each option, on the next line and
  indented like it, ``: `` and the feedback on that choice (a MyST definition list, ``deflist``).
  The feedback says first whether the choice is right ("Goed." / "Nee.") and then why. A second
  paragraph of feedback is indented to the text after ``: `` (four spaces).
- Exactly one option is right: it starts with ``[x]``. A wrong option may start with ``[ ]``,
  or with nothing. Put the right option anywhere in the list, not always first.
- After a line holding only ``+++``: the explanation, shown after the learner has chosen and
  under "Antwoord: <letter>. <right option>", so it reads on its own.

The directive refuses, with a Dutch message naming the problem, a prediction without a question,
without options, with fewer than two, with an option without feedback, without a right option,
with more than one right option, or without an explanation.

What the learner gets:

- On the page, with JavaScript (``chapters/assets/voorspelling.js``): the question and the options
  as buttons (keyboard operable: Tab, then Enter or Space). The feedback, the explanation and the
  explorer's figure that follows the directive (``figure.verkenner-statisch`` in the next
  notebook cell) stay hidden until the learner picks an option; then the feedback on that choice
  appears (and is announced to screen readers) and the explanation and the figure unfold. The
  learner may pick again: the feedback follows the choice; what unfolded stays.
- Without JavaScript: everything is visible (the options as a list, each with its feedback).
- In print (``make pdf``, ``chapters/assets/voorspelling.css``): the question with its options,
  then the answer ("Antwoord: ..." and the explanation), then the figure; the per-option
  feedback is left out.

The page gets the script and the style only when it holds a prediction. A page that uses predictions
puts one right before each of its explorers (``tests/test_voorspelling.py`` checks every such page).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from book import assets

SCRIPT, STYLE = "voorspelling.js", "voorspelling.css"

TITLE = "Voorspel eerst"
"""The box's title."""

CHECK_TITLE = "Controlevraag"
"""The title of a quick check's box."""

ANSWER = "Antwoord:"
"""What the right option is introduced by in the explanation."""

CORRECT = re.compile(r"^\s*\[[xX]\]\s*")
WRONG = re.compile(r"^\s*\[ \]\s*")
SEPARATOR = "+++"

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Prediction(SphinxDirective):
    """``{voorspelling}``: a question with options and feedback, then (after ``+++``) the explanation."""

    word = "voorspelling"
    """What the directive is called in its messages."""
    title = TITLE
    classes = ["voorspelling"]

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        lines = ([self.arguments[0], ""] if self.arguments else []) + list(self.content)
        if SEPARATOR not in (line.strip() for line in lines):
            raise self.error(f"Een {self.word} heeft een uitleg nodig: zet die onder de keuzes, na een regel "
                             "met alleen +++.")
        cut = next(i for i, line in enumerate(lines) if line.strip() == SEPARATOR)
        top, bottom = "\n".join(lines[:cut]), "\n".join(lines[cut + 1:])
        parsed = self.parse_text_to_nodes(top, offset=self.content_offset)
        explanation = self.parse_text_to_nodes(bottom, offset=self.content_offset + cut + 1) if bottom.strip() else []
        if not explanation:
            raise self.error(f"Een {self.word} heeft een uitleg nodig: zet die onder de keuzes, na een regel "
                             "met alleen +++.")
        lists = [n for n in parsed if isinstance(n, nodes.bullet_list)]
        if not lists or parsed[-1] is not lists[-1] or len(lists) > 1:
            raise self.error(f"Een {self.word} heeft keuzes nodig: één lijst met streepjes (- ...) direct onder "
                             "de vraag, met onder elke keuze de terugkoppeling (: ...).")
        question = parsed[:-1]
        if not question:
            raise self.error(f"Een {self.word} begint met een vraag, boven de keuzes.")
        options = [self.option(item, number) for number, item in enumerate(lists[0].children, start=1)]
        if len(options) < 2:
            raise self.error(f"Een {self.word} heeft minstens twee keuzes nodig.")
        right = [number for number, (correct, _, _) in enumerate(options) if correct]
        if len(right) != 1:
            found = "er is er geen" if not right else f"er zijn er {len(right)}"
            raise self.error(f"Een {self.word} heeft precies één goede keuze nodig, gemarkeerd met [x] aan het "
                             f"begin; {found}.")
        return [self.render(question, options, right[0], explanation)]

    def option(self, item: nodes.list_item, number: int) -> tuple[bool, list[nodes.Node], list[nodes.Node]]:
        """One option of the list: whether it is the right one, its text and its feedback."""
        entries = [n for n in item.children if isinstance(n, nodes.definition_list)]
        if len(entries) == 1 and len(item.children) > 1:
            raise self.error(f"Keuze {number} van de {self.word} heeft tekst buiten de keuze en de terugkoppeling. "
                             f"Spring een volgende alinea van de terugkoppeling in tot onder de tekst na de dubbele "
                             f"punt (vier spaties).")
        if len(item.children) != 1 or len(entries) != 1 or len(entries[0].children) != 1:
            raise self.error(f"Keuze {number} van de {self.word} heeft geen terugkoppeling: zet op de regel "
                             f"eronder, even ver ingesprongen als de keuze, een dubbele punt en de uitleg "
                             f"(: Goed. ... of : Nee. ...).")
        term, definition = entries[0].children[0].children
        text = list(term.children)
        first = text[0] if text and isinstance(text[0], nodes.Text) else None
        correct = bool(first and CORRECT.match(first))
        if first is not None:
            stripped = WRONG.sub("", CORRECT.sub("", str(first)))
            text[0] = nodes.Text(stripped)
        if not "".join(n.astext() for n in text).strip():
            raise self.error(f"Keuze {number} van de {self.word} is leeg.")
        return correct, text, list(definition.children)

    def render(self, question, options, right: int, explanation) -> nodes.Element:
        """The prediction as docutils nodes (every builder can write them): an admonition holding the
        question, the options (a list lettered A, B, C, each with its feedback) and the explanation."""
        serial = self.env.new_serialno("voorspelling") + 1
        box_id = nodes.make_id(f"voorspelling-{self.env.docname}-{serial}")
        box = nodes.admonition(classes=list(self.classes), ids=[box_id])
        self.set_source_info(box)
        box += nodes.title("", self.title)
        box += nodes.container("", *question, classes=["voorspelling-vraag"], ids=[f"{box_id}-vraag"])
        choices = nodes.enumerated_list(enumtype="upperalpha", prefix="", suffix=".",
                                        classes=["voorspelling-keuzes"])
        for number, (correct, text, feedback) in enumerate(options):
            item = nodes.list_item(classes=["voorspelling-keuze"] + (["voorspelling-goed"] if correct else []))
            item += nodes.paragraph("", "", *text, classes=["voorspelling-optie"])
            item += nodes.container("", *feedback, classes=["voorspelling-terugkoppeling"])
            choices += item
        box += choices
        answer = nodes.paragraph("", "", nodes.strong("", ANSWER), nodes.Text(f" {LETTERS[right]}. "),
                                 *(n.deepcopy() for n in options[right][1]), classes=["voorspelling-antwoord"])
        box += nodes.container("", answer, *explanation, classes=["voorspelling-uitleg"])
        return box


class Check(Prediction):
    """``{controlevraag}``: a quick check inside a section, written and shown as a prediction (question,
    options with feedback, ``+++``, explanation) but with no explorer after it: the explanation unfolds
    once the learner has chosen."""

    word = "controlevraag"
    title = CHECK_TITLE
    classes = ["voorspelling", "controlevraag"]


def has_prediction(doctree: nodes.Node) -> bool:
    """Whether a page holds a prediction."""
    return any(True for _ in doctree.findall(lambda n: isinstance(n, nodes.admonition)
                                             and "voorspelling" in n["classes"]))


def setup(app):
    """Sphinx extension: ``{voorspelling}`` and ``{controlevraag}``."""
    app.add_directive("voorspelling", Prediction)
    app.add_directive("controlevraag", Check)
    assets.on_pages(app, has_prediction, SCRIPT, STYLE)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
