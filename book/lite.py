"""The explorers in the learner's browser: JupyterLite with the Pyodide kernel, no server.

At book-build time this Sphinx extension prepares JupyterLite's folder; jupyterlite-sphinx
then runs ``jupyter lite build`` into ``_build/html/lite``. The folder holds:

- Pyodide's core (interpreter and standard library) from the pinned npm release, which
  ``make vendor`` fetches and checks against its npm integrity;
- a Pyodide lock file: Pyodide's own, cut down to the packages the explorers need, plus the
  course's wheel (``edu`` + ``explorers``, built from this repository; not ``book``) and the pure-Python
  widget and kernel packages, so ``import edu`` works with no install line and every package
  is preloaded in one parallel batch;
- the kernel settings: PyPI fallback off, so nothing is fetched from PyPI at run time, and
  no file syncing with JupyterLite's contents (the explorers read no files; the sync runs
  through a service worker and made every import ask the page for a file first);
- the build settings (passed to ``jupyter lite build`` as its config file): no source maps,
  and only the JupyterLite extensions the console needs (:data:`EXTENSIONS`).

Every wheel the site serves itself is rewritten for a fast start (:func:`compile_wheel`, run
under Pyodide's own Python in Node.js): bytecode instead of sources, so the browser does not
compile every module again at each start, without files no explorer uses (:data:`TRIM`),
and with a working font list for matplotlib. The lock file records the rewritten wheels'
sha256, which Pyodide checks on loading; the originals were checked against Pyodide's own
lock file before. Bundling Pyodide's packages therefore also makes the explorers start
faster than loading them from the CDN, where only the course's own wheels are rewritten.

The one deployment setting is the environment variable ``PYODIDE``: where the browser gets
Pyodide's packages (numpy, matplotlib, ...). Either a URL (default: Pyodide's CDN for the
pinned version) or a folder made by ``make pyodide`` (``python -m book.lite fetch
SOURCE DEST``), which is then bundled into the site. ``fetch`` takes the packages from a URL
or a folder and checks every file against the sha256 in Pyodide's own lock file.
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
"""Pyodide release (Python 3.12), paired with jupyterlite-pyodide-kernel 0.6.1, made for 0.27.6."""
CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
CORE = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
PROJECT = "krachtfysiologie"
PYPI_PACKAGES = ("ipywidgets", "comm")
"""Pure-Python wheels from PyPI, at the versions installed here (pinned in requirements.txt)."""
KERNEL_PACKAGES = ("piplite", "ipykernel", "pyodide_kernel")
"""The kernel's own wheels, shipped inside jupyterlite-pyodide-kernel."""
PRELOAD = ("micropip", *KERNEL_PACKAGES, "ssl", "sqlite3", "jedi", "ipython", *PYPI_PACKAGES, "numpy",
           "matplotlib", PROJECT)
"""Everything the kernel and the explorers import, loaded in one parallel batch at start-up.

The kernel skips its own (slower, one by one) installs of the names it finds here, spelled
as it spells them (``pyodide_kernel``). The rest comes from Pyodide's own distribution."""
UNUSED = ("contourpy", "fonttools", "pytz")
"""matplotlib's dependencies in Pyodide's lock that the explorers never import (no contour
plots, no PDF or SVG output, no time zones): left out, ~1.6 MB and ~0.6 s less at start-up.
The test that runs every explorer in Pyodide runs without them."""
TRIM = ("jedi/third_party/*", "*/tests/*", "*.pyi", "matplotlib/mpl-data/sample_data/*",
        "matplotlib/mpl-data/fonts/afm/*", "matplotlib/mpl-data/fonts/pdfcorefonts/*",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSerif*")
"""Files left out of the wheels (``fnmatch`` patterns), ~2 MB no explorer uses: jedi's type
stubs (~1,800 files, ~1 s of unpacking) and type stubs in general serve code completion,
and the explorers' console has no input line (IPython still imports jedi); tests; matplotlib's
example data, its fonts for PostScript and PDF output, and its serif font (the figures use
DejaVu Sans; mathematical text, as on a log axis, needs the sans, mono, STIX and Computer
Modern fonts, which stay)."""
SITE_PACKAGES = "/lib/python3.12/site-packages"
"""Where Pyodide installs a wheel (``install_dir: site``): the file names in tracebacks."""
KERNEL_EXTENSION = "@jupyterlite/pyodide-kernel-extension"
KERNEL_PLUGIN = f"{KERNEL_EXTENSION}:kernel"
LAB_EXTENSIONS = Path(sys.prefix) / "share/jupyter/labextensions"
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", KERNEL_EXTENSION)
"""The JupyterLite extensions the console loads: the widgets and the Pyodide kernel. Others
installed here (Voilà's preview, pygments' styles) are left out: nothing to load at start."""
SERVICE_WORKER_PLUGIN = "@jupyterlite/application-extension:service-worker-manager"
SITE_DIR = "lite"
"""Where jupyterlite-sphinx puts the in-browser site, relative to the book's root."""
ROOT = Path(__file__).resolve().parents[1]
CORE_DIR = ROOT / "_build/pyodide-npm"
"""Pyodide's npm release, unpacked by ``make vendor``."""
WHEELS_DIR = ROOT / "_build/wheels"
"""The PyPI wheels of :data:`PYPI_PACKAGES`, fetched by ``make vendor``."""


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


def kernel_wheels() -> list[Path]:
    """The kernel's own wheels, as shipped in the installed jupyterlite-pyodide-kernel."""
    pypi = LAB_EXTENSIONS / KERNEL_EXTENSION / "static/pypi"
    index = json.loads((pypi / "all.json").read_text(encoding="utf-8"))
    wheels = []
    for name in KERNEL_PACKAGES:
        releases = index[canonical(name)]["releases"]
        wheels.append(pypi / releases[max(releases)][0]["filename"])
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
    """The build step ``lite.mjs`` runs in Pyodide: :func:`compile_wheel` on each wheel ``names`` in ``site``.

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

        font_manager.json_dump(font_manager.fontManager, "/tmp/fontlist.json")
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


def prepare(lite_dir: Path, core: Path, pyodide: str) -> dict:
    """Write JupyterLite's folder: Pyodide's core, the lock file, the wheels and the settings.

    ``pyodide`` is the one setting: a URL or a folder made by :func:`fetch`. Returns the
    settings the page script needs (where Pyodide's packages come from).
    """
    lock = official_lock(core)
    static = lite_dir / "static" / "pyodide"
    shutil.rmtree(lite_dir, ignore_errors=True)
    static.mkdir(parents=True)
    for name in CORE:
        shutil.copy(core / name, static / name)
    remote = is_url(pyodide)
    if not remote:
        fetch(pyodide, static, core)  # bundled: the files sit beside the lock file, checked again
    packages = {key: lock["packages"][key] | {"depends": [d for d in lock["packages"][key]["depends"]
                                                          if canonical(d) not in UNUSED]}
                for key in needed(lock["packages"])}
    if remote:
        packages = {key: entry | {"file_name": pyodide.rstrip("/") + "/" + entry["file_name"]}
                    for key, entry in packages.items()}
    with tempfile.TemporaryDirectory() as tmp:
        wheels = [*pypi_wheels(), *kernel_wheels(), project_wheel(Path(tmp))]
        known = set(packages) | {canonical(name) for name in PRELOAD}
        for wheel in wheels:
            shutil.copy(wheel, static / wheel.name)
            entry = lock_entry(wheel, known)
            packages[entry["name"]] = entry
    lock_file = static / "pyodide-lock.json"  # first with the originals' sha256: lite.mjs loads matplotlib by it
    lock_file.write_text(json.dumps(lock | {"packages": packages}, indent=1), encoding="utf-8")
    local = {key: static / entry["file_name"] for key, entry in packages.items() if not is_url(entry["file_name"])}
    subprocess.run(["node", str(Path(__file__).with_name("lite.mjs")), str(core / "pyodide.mjs"), str(ROOT),
                    str(static), *sorted(path.name for path in local.values() if path.suffix == ".whl")], check=True)
    for key, path in local.items():
        packages[key]["sha256"] = sha256(path.read_bytes())
    lock_file.write_text(json.dumps(lock | {"packages": packages}, indent=1), encoding="utf-8")
    settings = {"jupyter-config-data": {
        "disabledExtensions": [SERVICE_WORKER_PLUGIN],
        "litePluginSettings": {KERNEL_PLUGIN: {
            "disablePyPIFallback": True, "loadPyodideOptions": {"packages": list(PRELOAD)}}}}}
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    build = {"LiteBuildConfig": {"no_sourcemaps": True,  # source maps: ~45 MB no learner needs
                                 "ignore_sys_prefix": ["federated_extensions"],
                                 "federated_extensions": [str(LAB_EXTENSIONS / name) for name in EXTENSIONS]}}
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(build, indent=1), encoding="utf-8")
    numpy = packages["numpy"]["file_name"]
    return {"bron": pyodide if remote else "deze site",
            "proef": numpy if remote else f"{SITE_DIR}/static/pyodide/{numpy}"}


def setup(app):
    """Sphinx extension: prepare JupyterLite's folder; jupyterlite-sphinx builds it at the end."""
    app.setup_extension("jupyterlite_sphinx")
    app.connect("config-inited", configure, priority=400)  # before jupyterlite-sphinx reads its settings
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def configure(app, config) -> None:
    build = Path(app.outdir).parent
    config.jupyterlite_dir = str(build / "lite")
    config.jupyterlite_content_dir = str(build / "lite-inhoud")  # no files: the REPL needs none
    config.jupyterlite_config = str(build / "lite" / "jupyter_lite_config.json")  # not read from --lite-dir
    # jupyterlite-sphinx links a Google font on every page; the course loads nothing from elsewhere.
    app.registry.css_files = [(name, attrs) for name, attrs in app.registry.css_files if "://" not in name]
    live = prepare(build / "lite", CORE_DIR, os.environ.get("PYODIDE") or CDN)
    app.add_js_file(None, body=f"window.KRACHT_LIVE = {json.dumps(live | {'site': SITE_DIR})};")
    app.add_js_file("live.js", defer="defer")  # after the page, so it finds the figures


def main(argv: list[str]) -> None:
    """``python -m book.lite fetch SOURCE DEST`` (see :func:`fetch`)."""
    command, source, dest = argv
    if command != "fetch":
        raise SystemExit("gebruik: python -m book.lite fetch BRON DOELMAP")
    names = fetch(source, Path(dest), CORE_DIR)
    print(f"{len(names)} Pyodide-pakketten gecontroleerd en gekopieerd naar {dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
