"""The explorers in the learner's browser: one Python runtime per page, no server.

A page's explorers run in one Web Worker with Pyodide (``book/live/worker.js``); ipywidgets'
HTML manager draws their widgets in the page, in place of the static figure, and a small comm
bridge (``book/live/bridge.py``, run in the worker at start-up) carries the widget messages
between the two. The worker runs the same ``edu`` and ``explorers`` as the book build; nothing
of a model exists in JavaScript. The page script is ``chapters/assets/live.js``.

At book-build time this Sphinx extension writes the runtime's folder into the site
(:data:`SITE_DIR`):

- ``pyodide-<version>/``: Pyodide's core (interpreter and standard library) from the pinned npm
  release, which ``make vendor`` fetches and checks against its npm integrity, and every wheel the
  site serves, each named with a hash of its contents, so everything in this folder can be cached
  for good;
- ``html-manager-<version>/``: ipywidgets' HTML manager and its AMD loader (``make vendor``);
- ``pyodide-lock.json``: Pyodide's own lock file cut down to what the explorers import, plus the
  course's wheel (``edu`` + ``explorers``, built from this repository; not ``book``) and the
  pure-Python widget wheels, so the worker loads everything in one parallel batch;
- ``worker.js`` and ``bridge.py``.

Every wheel the site serves itself is rewritten for a fast start (:func:`compile_wheel`, run
under Pyodide's own Python in Node.js): bytecode instead of sources, so the browser does not
compile every module again at each start, without files no explorer uses (:data:`TRIM`),
and with a working font list for matplotlib. The lock file records the rewritten wheels'
sha256, which Pyodide checks on loading; the originals were checked against Pyodide's own
lock file before.

The one deployment setting is the environment variable ``PYODIDE``: where the browser gets
Pyodide's packages (numpy, matplotlib, ...). Either a URL (default: Pyodide's CDN for the
pinned version) or a folder made by ``make pyodide`` (``python -m book.runtime fetch
SOURCE DEST``), which is then bundled into the site. ``fetch`` takes the packages from a URL
or a folder and checks every file against the sha256 in Pyodide's own lock file.

The book's pages no longer carry the widgets' saved state: nothing reads it (a page shows an
explorer's figure, and the live explorer makes its own widgets), and it was most of a page's size.
"""

from __future__ import annotations

import base64
import compileall
import csv
import fnmatch
import hashlib
import io
import json
import os
import py_compile
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import warnings
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

PYODIDE_VERSION = "0.27.7"
"""Pyodide release (Python 3.12)."""
CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
CORE = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
PROJECT = "krachtfysiologie"
PYPI_PACKAGES = ("ipywidgets", "comm")
"""Pure-Python wheels from PyPI, at the versions installed here (pinned in requirements.txt)."""
PRELOAD = ("numpy", "matplotlib", "traitlets", *PYPI_PACKAGES, PROJECT)
"""What the explorers import (traitlets: what ipywidgets needs from Pyodide's distribution), loaded with
their dependencies in one parallel batch at start-up."""
UNUSED = ("contourpy", "fonttools", "pytz", "matplotlib-pyodide")
"""matplotlib's dependencies in Pyodide's lock that the explorers never import (no contour
plots, no PDF or SVG output, no time zones, no pyplot window in the page): left out, ~1.6 MB
and ~0.6 s less at start-up.
The test that runs every explorer in Pyodide runs without them."""
TRIM = ("*/tests/*", "*/testing/*", "*.pyi", "*.h", "*.a",
        "numpy/random/*", "numpy/fft/*", "numpy/polynomial/*", "numpy/f2py/*", "numpy/linalg/lapack_lite.*",
        "numpy/_pyinstaller/*", "numpy/_core/include/*",
        "matplotlib/_qhull.*", "matplotlib/_tri.*", "matplotlib/_ttconv.*", "matplotlib/sphinxext/*",
        "matplotlib/backends/qt_editor/*", "matplotlib/backends/web_backend/*", "matplotlib/backends/backend_[!a]*",
        "matplotlib/mpl-data/images/*", "matplotlib/mpl-data/sample_data/*", "matplotlib/mpl-data/plot_directive/*",
        "matplotlib/mpl-data/fonts/afm/*", "matplotlib/mpl-data/fonts/pdfcorefonts/*",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSerif*", "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono*",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans-*Oblique.ttf", "matplotlib/mpl-data/fonts/ttf/STIX*",
        "matplotlib/mpl-data/fonts/ttf/Humor-Sans*",
        "PIL/_webp.*", "PIL/_imagingft.*", "PIL/_imagingmath.*")
"""Files left out of the wheels (``fnmatch`` patterns), ~5.9 MB compressed (~15 MB unpacked) that no explorer
imports or reads: tests, type stubs and C headers; numpy's random numbers, Fourier transforms, polynomials, Fortran
wrapper and the LAPACK module the linear algebra does not use; matplotlib's triangulation, its
PostScript/PDF helper and every backend but Agg, toolbar images, example data, the
fonts for PostScript and PDF output, and the serif, mono, oblique and STIX fonts (every figure,
in every preset and at every control's extremes, draws its text in DejaVu Sans, upright; the bold
and the Computer Modern fonts that mathematical text falls back to stay);
Pillow's WebP, FreeType and image-maths modules (matplotlib draws its own text and writes no WebP).
The test that runs every explorer, every preset and every control's extremes in Pyodide runs on
the trimmed wheels."""
SITE_PACKAGES = "/lib/python3.12/site-packages"
"""Where Pyodide installs a wheel (``install_dir: site``): the file names in tracebacks."""
SITE_DIR = "live"
"""Where the runtime's folder goes in the site, relative to the book's root."""
ROOT = Path(__file__).resolve().parents[1]
CORE_DIR = ROOT / "_build/pyodide-npm"
"""Pyodide's npm release, unpacked by ``make vendor``."""
WHEELS_DIR = ROOT / "_build/wheels"
"""The PyPI wheels of :data:`PYPI_PACKAGES`, fetched by ``make vendor``."""
HTML_MANAGER_DIR = ROOT / "_build/html-manager"
"""ipywidgets' HTML manager and its AMD loader, fetched by ``make vendor`` (its ``VERSION`` file says which)."""
LIVE_DIR = Path(__file__).with_name("live")
"""The runtime's own files: the worker, the bridge and the build step that rewrites the wheels."""


def canonical(name: str) -> str:
    """A package name as Pyodide and PEP 503 compare it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def is_url(location: str) -> bool:
    """Whether ``location`` is a web address (else a file or folder here)."""
    return re.match(r"https?://", location) is not None


def official_lock(core: Path) -> dict:
    """Pyodide's own lock file, from the npm release."""
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    if lock["info"]["version"] != PYODIDE_VERSION:
        raise RuntimeError(f"Pyodide {lock['info']['version']} in {core}, verwacht {PYODIDE_VERSION}")
    return lock


def needed(packages: dict) -> list[str]:
    """The packages of Pyodide's lock (``packages``) that :data:`PRELOAD` needs, dependencies
    included, :data:`UNUSED` left out."""
    by_name = {canonical(key): key for key in packages}
    seen, todo = [], [canonical(name) for name in PRELOAD if canonical(name) in by_name]
    while todo:
        key = by_name[todo.pop()]
        if key not in seen:
            seen.append(key)
            todo += [canonical(d) for d in packages[key]["depends"] if canonical(d) not in UNUSED]
    return sorted(seen)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(source: str, dest: Path, core: Path) -> list[str]:
    """Copy the Pyodide packages the explorers need from ``source`` (URL or folder) to ``dest``.

    Every file must match the sha256 in Pyodide's own lock file (from ``core``); returns the
    file names copied.
    """
    packages = official_lock(core)["packages"]
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for key in needed(packages):
        name, expected = packages[key]["file_name"], packages[key]["sha256"]
        if is_url(source):
            with urllib.request.urlopen(source.rstrip("/") + "/" + name, timeout=120) as response:
                data = response.read()
        else:
            data = (Path(source) / name).read_bytes()
        if sha256(data) != expected:
            raise RuntimeError(f"{name} uit {source} wijkt af van Pyodide's lock file (sha256)")
        (dest / name).write_bytes(data)
        copied.append(name)
    return copied


def project_wheel(out: Path) -> Path:
    """Build the course's pure-Python wheel (edu + explorers) from a clean copy of the sources."""
    with tempfile.TemporaryDirectory() as tmp:
        for part in ("pyproject.toml", "src", "widgets"):
            if (ROOT / part).is_dir():
                shutil.copytree(ROOT / part, Path(tmp) / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(ROOT / part, Path(tmp) / part)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                        "--disable-pip-version-check", "--wheel-dir", str(out), tmp], check=True)
    return next(out.glob(f"{PROJECT}-*-py3-none-any.whl"))


def pypi_wheels() -> list[Path]:
    """The pure-Python widget wheels ``make vendor`` fetched, at exactly the versions installed here."""
    wheels = []
    for name in PYPI_PACKAGES:
        wheel = WHEELS_DIR / f"{name}-{metadata.version(name)}-py3-none-any.whl"
        if not wheel.exists():
            raise RuntimeError(f"{wheel} ontbreekt: voer eerst `make vendor` uit")
        wheels.append(wheel)
    return wheels


def record_line(path: str, data: bytes) -> list:
    """A wheel's RECORD row: path, urlsafe-base64 sha256 without padding, size."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return [path, f"sha256={digest}", len(data)]


def trimmed(name: str) -> bool:
    """Whether a wheel's file ``name`` is left out (:data:`TRIM`)."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in TRIM)


def compile_wheel(wheel: Path, replace: dict[str, bytes]) -> None:
    """Rewrite ``wheel`` in place for a fast start; run it under Pyodide's own Python.

    Each module becomes bytecode for that Python (sourceless ``.pyc``, as Pyodide's standard
    library ships), the files :data:`TRIM` names go, and files named in ``replace`` get new
    contents. RECORD is rewritten; the archive is reproducible (fixed dates, sorted names).
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(root, [name for name in archive.namelist() if not trimmed(name)])
        for name, data in replace.items():
            if (root / name).exists():
                (root / name).write_bytes(data)
        with warnings.catch_warnings(action="ignore", category=SyntaxWarning):  # old escapes in some tests
            compileall.compile_dir(root, ddir=SITE_PACKAGES, rx=re.compile(r"\.(dist-info|data)/"), legacy=True,
                                   quiet=2, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        for source in root.rglob("*.py"):
            if source.with_suffix(".pyc").exists():
                source.unlink()
        record = next(root.glob("*.dist-info/RECORD"))
        names = sorted((p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p != record),
                       key=lambda name: (".dist-info/" in name, name))
        rows = io.StringIO()
        writer = csv.writer(rows, lineterminator="\n")
        writer.writerows(record_line(name, (root / name).read_bytes()) for name in names)
        writer.writerow([record.relative_to(root).as_posix(), "", ""])
        record.write_text(rows.getvalue(), encoding="utf-8")
        with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in [*names, record.relative_to(root).as_posix()]:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr, info.compress_type = 0o644 << 16, zipfile.ZIP_DEFLATED
                archive.writestr(info, (root / name).read_bytes())


async def in_pyodide(site: str, names: list[str]) -> None:
    """The build step ``live/wheels.mjs`` runs in Pyodide: :func:`compile_wheel` on each wheel ``names`` in ``site``.

    Pyodide 0.27.7's matplotlib ships a font list made for another matplotlib version (390,
    where 3.8.4 reads 330), so matplotlib rebuilds it at every start (~1 s; pyodide/pyodide#5569,
    fixed after 0.27.7). Where matplotlib is bundled, its list is made here, by that matplotlib.
    """
    replace = {}
    if any(name.startswith("matplotlib-") for name in names):
        import pyodide_js  # Pyodide's own JavaScript API; exists only there

        await pyodide_js.loadPackage("matplotlib", messageCallback=lambda message: None)
        for path in Path(SITE_PACKAGES).rglob("*"):  # the list names the fonts the site ships
            if path.is_file() and trimmed(path.relative_to(SITE_PACKAGES).as_posix()):
                path.unlink()
        from matplotlib import font_manager  # builds the list, as at every start in the browser

        fonts = font_manager.fontManager
        for found in (fonts.ttflist, fonts.afmlist):  # in the order of their files, not of a set's hashes: the same
            found.sort(key=lambda font: font.fname)    # wheel, with the same hashed name, from every build
        font_manager.json_dump(fonts, "/tmp/fontlist.json")
        replace["matplotlib/fontlist.json"] = Path("/tmp/fontlist.json").read_bytes()
    for name in names:
        compile_wheel(Path(site) / name, replace)


def lock_entry(wheel: Path, known: set[str]) -> dict:
    """A Pyodide lock entry for a pure-Python wheel; dependencies outside ``known`` are left out."""
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        tops = {n.split("/")[0] for n in archive.namelist() if not n.split("/")[0].endswith(".dist-info")}
    imports = sorted(t.removesuffix(".py") for t in tops if not t.endswith(".data"))
    depends = []
    for requirement in meta.get_all("Requires-Dist") or []:
        if "extra ==" in requirement:
            continue
        dep = canonical(re.match(r"[A-Za-z0-9._-]+", requirement).group())
        if dep in known and dep not in depends:
            depends.append(dep)
    return {"name": canonical(meta["Name"]), "version": meta["Version"], "file_name": wheel.name,
            "install_dir": "site", "sha256": sha256(wheel.read_bytes()), "package_type": "package",
            "imports": imports, "depends": depends, "unvendored_tests": False, "shared_library": False}


def hashed(wheel: Path) -> Path:
    """Rename ``wheel`` with a hash of its contents as the version's local label
    (``numpy-2.0.2+1a2b3c4d-...``), so a changed wheel never hides behind a cached one."""
    name, version, rest = wheel.name.split("-", 2)
    target = wheel.with_name(f"{name}-{version}+{sha256(wheel.read_bytes())[:10]}-{rest}")
    wheel.rename(target)
    return target


def prepare(live_dir: Path, core: Path, pyodide: str) -> dict:
    """Write the runtime's folder: Pyodide's core, the wheels, the lock file, the HTML manager, the worker.

    ``pyodide`` is the one setting: a URL or a folder made by :func:`fetch`. Returns the
    settings the page script needs, with paths relative to the site's root.
    """
    lock = official_lock(core)
    versioned = f"pyodide-{PYODIDE_VERSION}"
    static = live_dir / versioned
    shutil.rmtree(live_dir, ignore_errors=True)
    static.mkdir(parents=True)
    for name in CORE:
        shutil.copy(core / name, static / name)
    remote = is_url(pyodide)
    if not remote:
        fetch(pyodide, static, core)  # bundled: the files sit beside the core, checked again
    packages = {key: lock["packages"][key] | {"depends": [d for d in lock["packages"][key]["depends"]
                                                          if canonical(d) not in UNUSED]}
                for key in needed(lock["packages"])}
    if remote:
        packages = {key: entry | {"file_name": pyodide.rstrip("/") + "/" + entry["file_name"]}
                    for key, entry in packages.items()}
    with tempfile.TemporaryDirectory() as tmp:
        wheels = [*pypi_wheels(), project_wheel(Path(tmp))]
        known = set(packages) | {canonical(name) for name in PRELOAD}
        for wheel in wheels:
            shutil.copy(wheel, static / wheel.name)
            entry = lock_entry(wheel, known)
            packages[entry["name"]] = entry
    lock_file = live_dir / "pyodide-lock.json"  # first with the originals' names: wheels.mjs loads matplotlib by it
    lock_file.write_text(json.dumps(lock | {"packages": packages}, indent=1), encoding="utf-8")
    local = {key: static / entry["file_name"] for key, entry in packages.items() if not is_url(entry["file_name"])}
    subprocess.run(["node", str(LIVE_DIR / "wheels.mjs"), str(core / "pyodide.mjs"), str(ROOT), str(static),
                    str(lock_file), *sorted(path.name for path in local.values())], check=True)
    for key, path in local.items():
        renamed = hashed(path)
        packages[key] |= {"file_name": renamed.name, "sha256": sha256(renamed.read_bytes())}
    lock_file.write_text(json.dumps(lock | {"packages": packages}, indent=1), encoding="utf-8")
    manager = f"html-manager-{(HTML_MANAGER_DIR / 'VERSION').read_text().strip()}"
    shutil.copytree(HTML_MANAGER_DIR, live_dir / manager, ignore=shutil.ignore_patterns("VERSION"))
    for name in ("worker.js", "bridge.py"):
        shutil.copy(LIVE_DIR / name, live_dir / name)
    numpy = packages["numpy"]["file_name"]
    icons = next((live_dir / manager).glob("*.woff2")).name
    return {"map": f"{SITE_DIR}/", "pyodide": f"{SITE_DIR}/{versioned}/", "manager": f"{SITE_DIR}/{manager}/",
            "icons": f"{SITE_DIR}/{manager}/{icons}", "packages": list(PRELOAD),
            "bron": pyodide if remote else "deze site",
            "proef": numpy if remote else f"{SITE_DIR}/{versioned}/{numpy}"}


def setup(app):
    """Sphinx extension: write the runtime's folder into an HTML build and give every page its settings."""
    app.connect("builder-inited", build_runtime)
    app.connect("html-page-context", drop_widget_state, priority=400)  # before myst-nb adds it (500)
    app.connect("html-page-context", drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def build_runtime(app) -> None:
    if app.builder.name != "html":  # the PDF (singlehtml) and other builders show the figures only
        return
    live = prepare(Path(app.outdir) / SITE_DIR, CORE_DIR, os.environ.get("PYODIDE") or CDN)
    app.add_js_file(None, body=f"window.KRACHT_LIVE = {json.dumps(live)};")
    app.add_js_file("live.js", defer="defer")  # after the page, so it finds the figures


def drop_widget_state(app, pagename, *args) -> None:
    """Leave out the widgets' saved state that myst-nb would embed in the page (see the module's docstring)."""
    from myst_nb.sphinx_ import NbMetadataCollector

    if hasattr(app.env, "nb_metadata") and pagename in app.env.nb_metadata:
        NbMetadataCollector.get_js_files(app.env, pagename).pop("ipywidgets_state", None)


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    """Leave out what sphinx-thebe adds to every page although thebe is off (``launch_buttons: thebe: false``; the
    in-browser version is this runtime): its script, its style and its settings, written twice, so the browser
    refused the second ``const THEBE_JS_URL`` with an error, naming an address at unpkg.com."""
    def thebe(asset) -> bool:
        return "thebe" in str(asset.filename or "") or "THEBE_JS_URL" in asset.attributes.get("body", "")

    for kind in ("script_files", "css_files"):  # in place: the list is the one later add_js_file calls extend
        context[kind][:] = [asset for asset in context[kind] if not thebe(asset)]


def main(argv: list[str]) -> None:
    """``python -m book.lite fetch SOURCE DEST`` (see :func:`fetch`)."""
    command, source, dest = argv
    if command != "fetch":
        raise SystemExit("gebruik: python -m book.runtime fetch BRON DOELMAP")
    names = fetch(source, Path(dest), CORE_DIR)
    print(f"{len(names)} Pyodide-pakketten gecontroleerd en gekopieerd naar {dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
