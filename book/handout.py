"""The printable handout (`make pdf`): the book as one HTML page, printed to one PDF by Chromium.

Jupyter Book's single-page build holds every chapter, figure (the explorers' static figures),
table, the glossary and the bibliography, from the same sources as the site. Chromium prints
it with selectable text, the fonts embedded, a bookmark per heading and page numbers. Before
printing, every folded part (worked solutions, details) is opened, so the handout holds every
answer.

Usage: ``python -m book.handout _build/singlehtml OUT.pdf``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"

UNFOLD = """() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  document.querySelectorAll(".toggle-hidden").forEach(e => e.classList.remove("toggle-hidden"));
}"""

FOOTER = ('<div style="font-size: 8px; width: 100%; text-align: center; color: #555;">'
          'Fysiologie van krachttraining · <span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def book_page(folder: Path) -> Path:
    """The single-page book, copied to the top of the build ``folder``.

    The root page sits in chapters/ (where index.html points), but Sphinx links its styles and
    scripts as if it sat at the top; there they resolve.
    """
    index = (folder / "index.html").read_text(encoding="utf-8")
    root = folder / re.search(r'url=([^"]+)"', index).group(1)
    page = folder / "handout.html"
    page.write_text(root.read_text(encoding="utf-8"), encoding="utf-8")
    return page


def print_pdf(folder: Path, out: Path, chromium: str = CHROMIUM) -> None:
    """Print the single-page book built in ``folder`` to ``out`` (A4)."""
    print_page(book_page(folder), out, chromium)


def print_page(index: Path, out: Path, chromium: str = CHROMIUM, footer: str = FOOTER) -> None:
    """Print the HTML page ``index`` to ``out``: A4, every fold opened, ``footer`` on every page.

    The one way the course prints to PDF: the handout and the exams (:mod:`book.exam`) both come here."""
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(index.resolve().as_uri(), wait_until="load", timeout=120_000)
        page.evaluate("() => window.MathJax?.startup?.promise ?? null")  # formulas typeset
        page.evaluate(UNFOLD)
        page.emulate_media(media="print")
        page.pdf(path=str(out), format="A4", print_background=True, outline=True, tagged=True,
                 margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                 display_header_footer=True, header_template="<span></span>", footer_template=footer)
        browser.close()


if __name__ == "__main__":
    print_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
