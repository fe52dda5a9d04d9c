"""The instructor edition: ``make docent`` builds it into ``_build/docent/``, apart from the public site.

The public book (``_toc.yml``, ``make book``) holds what a learner uses: the pages with their self-tests and
feedback, the practice cards and the back matter. The instructor edition is that book plus the part
**Voor docenten**: the instructor guide, one page per chapter (lesson plans, worksheets, misconceptions, answers
to the exercises and the answer key of the chapter's bank, exam-only questions and scoring guides included) and
the question bank's overview. An institution hosts it behind its own login.

The instructor part is not a second hand-kept list: it follows from ``_toc.yml`` (one instructor page
``docent-<chapter>`` per chapter with a question bank, in the book's order), so the two editions cannot drift
apart. The build refuses, in Dutch, an instructor page that is missing.

Usage: ``python -m book.edition [MAP] [--config FILE]`` (default ``_build/docent``; the tests pass a config that
shares executed notebooks between their builds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from book import bank, chapters

GUIDE = "chapters/docentenhandleiding"
"""The instructor guide: the part's first page, with the chapters' instructor pages under it."""
OVERVIEW = "chapters/toetsvragen"
"""The question bank in numbers: after the guide."""
CAPTION = "Voor docenten"
FOLDER = chapters.ROOT / "_build" / "docent"


def instructor_pages() -> list[str]:
    """The instructor page of every chapter with a question bank, in the book's order."""
    pages = [f"docent-{name}" for name in chapters.in_order() if (bank.BANK / f"{name}.yml").exists()]
    missing = [page for page in pages if not (chapters.FOLDER / f"{page}.ipynb").exists()]
    if missing:
        raise ValueError(f"De docenteneditie mist de docentenpagina's {', '.join(missing)} "
                         f"(chapters/<naam>.ipynb): elk hoofdstuk met een vragenbank heeft er een.")
    return pages


def toc() -> dict:
    """The instructor edition's table of contents: the public book's, and the part "Voor docenten"."""
    public = yaml.safe_load((chapters.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = {"caption": CAPTION, "chapters": [
        {"file": GUIDE, "sections": [{"file": f"chapters/{page}"} for page in instructor_pages()]},
        {"file": OVERVIEW}]}
    return {**public, "parts": [*public["parts"], part]}


def build(folder: Path = FOLDER, config: Path | None = None) -> Path:
    """Build the instructor edition (warnings as errors) into ``folder``, with the book's ``_config.yml`` or
    ``config``; return it."""
    work = folder.parent / f"{folder.name}-bouw"
    work.mkdir(parents=True, exist_ok=True)
    toc_file = work / "_toc.yml"
    toc_file.write_text(yaml.safe_dump(toc(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "build", str(chapters.ROOT), "--toc", str(toc_file), "--path-output",
                    str(work), "-W", "--keep-going", *(["--config", str(config)] if config else [])], check=True,
                   env=os.environ)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.move(work / "_build" / "html", folder)
    return folder


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m book.edition", description="Bouw de docenteneditie.")
    parser.add_argument("map", nargs="?", default=str(FOLDER), help="waar de editie komt (standaard _build/docent)")
    parser.add_argument("--config", type=Path, help="een ander _config.yml dan dat van het boek")
    arguments = parser.parse_args(argv)
    folder = build(Path(arguments.map), arguments.config)
    print(f"Klaar: de docenteneditie staat in {folder}. Zet hem achter de inlog van je instelling.")


if __name__ == "__main__":
    main(sys.argv[1:])
