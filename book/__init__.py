"""The book's own tooling: what turns the course's sources into the site, the PDF and the presenter.

- :mod:`book.runtime`: the explorers in the learner's browser (one Pyodide runtime per page, its worker
  and comm bridge in ``book/live/``), a Sphinx extension;
- :mod:`book.bank`: the question bank, shown in the pages by the Sphinx directives ``{zelftoets}``,
  ``{leerdoelen}``, ``{antwoordsleutel}`` and ``{vragenbank-overzicht}``;
- :mod:`book.presentation`: presenting from any laptop: the pages' presentation mode (``?presenteer``, a Sphinx
  extension) and ``make present``, which serves the built site on 127.0.0.1 and opens a page's presentation;
- :mod:`book.handout`: the printable handout (``make pdf``);
- :mod:`book.worksheet`: a lesson's printable worksheet in the instructors' pages, the directive ``{werkblad}``;
- :mod:`book.chapters`: the book's chapters as these tools read them.

It imports :mod:`explorers` and :mod:`edu`, never the reverse, and is not part of the installed
distribution nor of the course wheel the learner's browser downloads: the tools and the tests
import it from the repository's root (``python -m book.<module>``, pytest's ``pythonpath``,
Jupyter Book's ``local_extensions``).
"""
