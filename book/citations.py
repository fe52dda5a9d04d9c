"""Citations in Dutch: "(Kraemer e.a., 1991; West en Phillips, 2012)" and "Kraemer e.a. (1991)"
in the text, "A, B en C" in the bibliography and its tooltips, where sphinxcontrib-bibtex and
pybtex write "et al." and "and". A BibTeX author list that ends in ``and others`` ends in "e.a.".
The bibliography's other words are Dutch too: "(red.)", "3e druk", "hoofdstuk", "p." where pybtex writes
"editors", "3 edition", "chapter" and "pages"; a report names its kind in its ``type`` field ("Rapport",
"Advies"), where pybtex writes "Technical Report".

Two plugins, named in ``_config.yml``: the bibliography style ``nl`` (``bibtex_default_style``,
pybtex's ``alpha`` with Dutch name lists) and the reference style ``author_year_nl``
(``bibtex_reference_style``, sphinxcontrib-bibtex's ``author_year`` with round brackets).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import alpha
from pybtex.style.formatting.unsrt import date, pages, toplevel
from pybtex.style.template import FieldIsMissing, first_of, join, node, optional, optional_field, sentence, tag, words
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

AND = " en "
ET_AL = " e.a."


@node
def names(children, data, role, format_name, short=False):
    """The persons of ``role`` in Dutch: "A", "A en B", "A, B en C", and with ``short`` three or more
    as "A e.a."; a list that ends in BibTeX's ``others`` ends in "e.a." (``format_name(person)`` is
    the template of one person's name)."""
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    named = [format_name(person).format_data(data) for person in persons if str(person) != "others"]
    if short and len(persons) > 2:
        return Text(named[0], ET_AL)
    if len(named) < len(persons):
        return Text(Text(", ").join(named), ET_AL)
    if len(named) > 1:
        return Text(Text(", ").join(named[:-1]), AND, named[-1])
    return Text(*named)


class Style(alpha.Style):
    """The bibliography: pybtex's ``alpha`` style in Dutch."""

    def format_names(self, role, as_sentence=True):
        listed = names(role, format_name=lambda person: self.format_name(person, self.abbreviate_names))
        return sentence[listed] if as_sentence else listed

    def format_editor(self, e, as_sentence=True):
        result = words[self.format_names("editor", as_sentence=False), "(red.)"]
        return sentence[result] if as_sentence else result

    def format_edition(self, e):
        return optional[join[bib_field("edition"), "e druk"]]

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[optional[words["hoofdstuk", bib_field("chapter")]], optional[words["p.", pages]]]

    def get_inbook_template(self, e):
        """pybtex's, with its edition in :meth:`format_edition`."""
        return toplevel[
            self.format_author_or_editor(e),
            sentence[self.format_btitle(e, "title", as_sentence=False), self.format_chapter_and_pages(e)],
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e), date,
                     optional_field("note")],
            self.format_web_refs(e),
        ]


@dataclass
class DutchPersonStyle(PersonStyle):
    """Authors in a citation: "Kraemer", "West en Phillips", "Kraemer e.a."."""

    def author_or_editor_or_title(self, full: bool):
        def listed(role):
            return names(role, format_name=lambda person: self.style_plugin.format(person, self.abbreviate),
                         short=not full)

        return first_of[optional[listed("author")], optional[listed("editor")], tag("em")[bib_field("title")]]


@dataclass
class ReferenceStyle(AuthorYearReferenceStyle):
    """In the text: "(Kraemer e.a., 1991; West en Phillips, 2012)" and "Kraemer e.a. (1991)"."""

    bracket_parenthetical: BracketStyle = field(default_factory=lambda: BracketStyle("(", ")", sep="; "))
    bracket_textual: BracketStyle = field(
        default_factory=lambda: BracketStyle("(", ")", sep=", ", sep2=AND, last_sep=AND))
    person: PersonStyle = field(default_factory=DutchPersonStyle)


def setup(app):
    """Sphinx extension: register the two styles (``_config.yml`` chooses them)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", "nl", Style)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_nl", ReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
