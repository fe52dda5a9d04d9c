"""The printable handout (`make pdf`): one PDF with every chapter, figure, glossary and bibliography."""

import re
import subprocess

import pytest

from book import chapters
from explorers import registry

from conftest import BIN, CHROMIUM, ROOT, built_once, require

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def pdf(tmp_path_factory, book_config):
    """The handout, made as `make pdf` makes it, into a temporary folder; its pages as text."""
    require((ROOT / "_build/vendor/mathjax/tex-chtml.js").exists(), "MathJax (make vendor)")
    require(__import__("pathlib").Path(CHROMIUM).exists(), "Chromium")
    from pypdf import PdfReader

    def build(out):
        result = subprocess.run(
            [str(BIN / "jupyter-book"), "build", str(ROOT), "--builder", "singlehtml", "-W", "--keep-going",
             "--config", str(book_config), "--path-output", str(out)], capture_output=True, text=True, timeout=1200)
        assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
        subprocess.run([str(BIN / "python"), "-m", "book.handout", str(out / "_build/singlehtml"),
                        str(out / "krachtfysiologie.pdf")], check=True, timeout=600)  # as `make pdf` does

    path = built_once(tmp_path_factory, "pdf", build) / "krachtfysiologie.pdf"
    return PdfReader(path)


def bookmarks(outline) -> list[str]:
    """Every bookmark title, at any depth."""
    return [t for item in outline for t in (bookmarks(item) if isinstance(item, list) else [item.title])]


def images(resources) -> int:
    """Images drawn on a page, also inside nested forms (as Chromium writes them)."""
    count = 0
    for ref in resources.get("/XObject", {}).values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            count += 1
        elif obj.get("/Subtype") == "/Form":
            count += images(obj.get("/Resources", {}))
    return count


def text(reader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_pdf_heeft_elk_hoofdstuk_als_selecteerbare_tekst_met_bladwijzers(pdf):
    body = text(pdf)
    titles = [chapters.title(name) for name in chapters.in_order() if chapters.notebook(name)["cells"]]
    titles += [(ROOT / "chapters" / f"{name}.md").read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
               for name in chapters.in_order() if (ROOT / "chapters" / f"{name}.md").exists()]  # the Markdown pages
    assert len(titles) == len(chapters.in_order())  # every page of the book
    missing = [t for t in titles if t not in body]
    assert missing == []
    marks = "".join(bookmarks(pdf.outline)).replace(" ", "")
    assert all(chapters.title(name).replace(" ", "") in marks for name in ("hormonen", "praktijk", "hormonen-debat"))
    assert "Lesplan" not in marks and "Antwoordsleutel" not in body  # the learners' handout: no instructor pages
    assert len(pdf.pages) > 100
    assert "Zoeken" not in body and "Skip to main content" not in body  # no site navigation in print


def test_pdf_heeft_nederlandse_tekens_en_alle_uitwerkingen(pdf):
    body = text(pdf)
    assert all(word in body for word in ("één", "cliënt", "vóór", "Häkkinen"))
    button = "Start de interactieve versie"  # named in the text; no button under the figures
    assert body.count(button) <= sum(p.read_text(encoding="utf-8").count(button)
                                     for suffix in ("md", "ipynb") for p in (ROOT / "chapters").glob(f"*.{suffix}"))
    assert "\ufb01" not in body and "figuur" in body  # no ligatures: the text searches as typed
    solutions = [block for name in chapters.in_order() for cell in chapters.notebook(name)["cells"]
                 for block in re.findall(r"```\{solution\}.*?\n```", "".join(cell["source"]), flags=re.S)]
    plain = [words[:8] for block in solutions for line in block.splitlines()[1:]
             if not re.search(r"[{}`$*:|]", line) and len(words := line.lstrip("-0123456789. ").split()) >= 8]
    assert len(solutions) >= 30 and len(plain) >= 15  # plain: solution lines without markup, to find as text
    folded = [" ".join(w) for w in plain if " ".join(w) not in body]
    assert folded == []  # every worked solution is unfolded in print


def test_pdf_heeft_elke_verkennerfiguur(pdf):
    calls = tuple(f"{name}(" for name in registry())
    figures = sum("".join(cell["source"]).strip().startswith(calls)
                  for name in chapters.in_order() for cell in chapters.notebook(name)["cells"]
                  if cell["cell_type"] == "code")
    drawn = sum(images(page.get("/Resources", {})) for page in pdf.pages)
    assert figures >= 40 and drawn >= figures
