"""The house: imports run one way (chapters -> explorers -> edu; book uses both, nothing uses book), no
cycles, the model library needs only numpy, and the pages hold no hidden logic."""

import ast
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"edu": ROOT / "src/edu", "explorers": ROOT / "widgets/explorers", "book": ROOT / "book"}
ALLOWED = {
    "edu": {"edu", "numpy"},
    "explorers": {"edu", "explorers", "numpy", "matplotlib", "ipywidgets", "traitlets"},  # traitlets: widget traits
}
"""What each shipped package may import besides the standard library (``book`` is not shipped: any tool)."""
STDLIB = set(sys.stdlib_module_names) | {"__future__"}
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


def _imports(tree: ast.AST, module: str) -> set[str]:
    """Absolute names of the modules a module imports."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.rsplit(".", node.level)[0]
                found.add(f"{base}.{node.module}" if node.module else base)
            else:
                found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _modules() -> dict[str, set[str]]:
    """Every module of the three packages with what it imports."""
    graph = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            name = ".".join((package, *parts)).removesuffix(".__init__")
            graph[name] = _imports(ast.parse(path.read_text(encoding="utf-8")), name)
    return graph


GRAPH = _modules()


@pytest.mark.parametrize("package", ["edu", "explorers"])
def test_edu_en_de_verkenners_importeren_alleen_wat_onder_hen_ligt(package):
    for module, imports in GRAPH.items():
        if module.split(".")[0] == package:
            tops = {name.split(".")[0] for name in imports} - STDLIB
            assert tops <= ALLOWED[package], (module, tops - ALLOWED[package])


def test_niets_importeert_book():
    for module, imports in GRAPH.items():
        if not module.startswith("book"):
            assert not any(name == "book" or name.startswith("book.") for name in imports), module


def test_geen_kringen_tussen_modules():
    project = {m: {i for i in imports if i in GRAPH} for m, imports in GRAPH.items()}
    state = {}

    def visit(m, path):
        if state.get(m) == "done":
            return
        assert state.get(m) != "busy", " -> ".join([*path, m])
        state[m] = "busy"
        for n in project[m]:
            if n != m and not m.startswith(f"{n}."):  # a package's __init__ importing its own module is fine
                visit(n, [*path, m])
        state[m] = "done"

    for m in project:
        visit(m, [])


def _code_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_een_pagina_verbergt_geen_logica(path):
    for source in _code_cells(path):
        tree = ast.parse(source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda, ast.ClassDef))], path.name
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.Assert)], path.name
        assert not any(t.split(".")[0] == "book" for t in _imports(tree, "chapters")), path.name


def test_de_paginas_samen_houden_hoogstens_600_regels_code_naast_hun_imports():
    """Logic lives in modules: the pages hold explorer calls and glue lines. Imports are not counted: a chapter
    split into pages imports what each page shows again."""
    def counted(line: str) -> bool:
        text = line.strip()
        return bool(text) and not text.startswith(("#", "import ", "from "))

    lines = sum(len([line for line in source.splitlines() if counted(line)])
                for path in CHAPTERS for source in _code_cells(path))
    assert lines <= 600, lines
