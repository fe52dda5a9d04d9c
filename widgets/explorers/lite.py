"""The explorers in the learner's browser: JupyterLite with the Pyodide kernel, no server.

At book-build time this Sphinx extension prepares JupyterLite's folder; jupyterlite-sphinx
then runs ``jupyter lite build`` into ``_build/html/lite``. The folder holds:

- Pyodide's core (interpreter and standard library) from the pinned npm release, which
  ``make vendor`` fetches and checks against its npm integrity;
- a Pyodide lock file: Pyodide's own, cut down to the packages the explorers need, plus the
  course's wheel (``edu`` + ``explorers``, built from this repository) and the pure-Python
  widget and kernel packages, so ``import edu`` works with no install line and every package
  is preloaded in one parallel batch;
- the kernel settings: PyPI fallback off, so nothing is fetched from PyPI at run time.

The one deployment setting is the environment variable ``PYODIDE``: where the browser gets
Pyodide's packages (numpy, matplotlib, ...). Either a URL (default: Pyodide's CDN for the
pinned version) or a folder made by ``make pyodide`` (``python -m explorers.lite fetch
SOURCE DEST``), which is then bundled into the site. ``fetch`` takes the packages from a URL
or a folder and checks every file against the sha256 in Pyodide's own lock file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
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
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
SITE_DIR = "lite"
"""Where jupyterlite-sphinx puts the in-browser site, relative to the book's root."""
ROOT = Path(__file__).resolve().parents[2]
CORE_DIR = ROOT / "_build/pyodide-npm"
"""Pyodide's npm release, unpacked by ``make vendor``."""
WHEELS_DIR = ROOT / "_build/wheels"
"""The PyPI wheels of :data:`PYPI_PACKAGES`, fetched by ``make vendor``."""


def canonical(name: str) -> str:
    """A package name as Pyodide and PEP 503 compare it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def official_lock(core: Path) -> dict:
    """Pyodide's own lock file, from the npm release."""
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    if lock["info"]["version"] != PYODIDE_VERSION:
        raise RuntimeError(f"Pyodide {lock['info']['version']} in {core}, verwacht {PYODIDE_VERSION}")
    return lock


def needed(packages: dict) -> list[str]:
    """The packages of Pyodide's lock (``packages``) that :data:`PRELOAD` needs, dependencies included."""
    by_name = {canonical(key): key for key in packages}
    seen, todo = [], [canonical(name) for name in PRELOAD if canonical(name) in by_name]
    while todo:
        key = by_name[todo.pop()]
        if key not in seen:
            seen.append(key)
            todo += [canonical(d) for d in packages[key]["depends"]]
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
        if re.match(r"https?://", source):
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
    pypi = Path(sys.prefix) / "share/jupyter/labextensions" / KERNEL_PLUGIN.split(":")[0] / "static/pypi"
    index = json.loads((pypi / "all.json").read_text(encoding="utf-8"))
    wheels = []
    for name in KERNEL_PACKAGES:
        releases = index[canonical(name)]["releases"]
        wheels.append(pypi / releases[max(releases)][0]["filename"])
    return wheels


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
    remote = re.match(r"https?://", pyodide) is not None
    if not remote:
        fetch(pyodide, static, core)  # bundled: the files sit beside the lock file, checked again
    packages = {key: lock["packages"][key] for key in needed(lock["packages"])}
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
    (static / "pyodide-lock.json").write_text(json.dumps(lock | {"packages": packages}, indent=1),
                                               encoding="utf-8")
    settings = {"jupyter-config-data": {"litePluginSettings": {KERNEL_PLUGIN: {
        "disablePyPIFallback": True, "loadPyodideOptions": {"packages": list(PRELOAD)}}}}}
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    build = {"LiteBuildConfig": {"no_sourcemaps": True}}  # source maps: ~45 MB no learner needs
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
    # jupyterlite-sphinx links a Google font on every page; the course loads nothing from elsewhere.
    app.registry.css_files = [(name, attrs) for name, attrs in app.registry.css_files if "://" not in name]
    live = prepare(build / "lite", CORE_DIR, os.environ.get("PYODIDE") or CDN)
    app.add_js_file(None, body=f"window.KRACHT_LIVE = {json.dumps(live | {'site': SITE_DIR})};")
    app.add_js_file("live.js", defer="defer")  # after the page, so it finds the figures


def main(argv: list[str]) -> None:
    """``python -m explorers.lite fetch SOURCE DEST`` (see :func:`fetch`)."""
    command, source, dest = argv
    if command != "fetch":
        raise SystemExit("gebruik: python -m explorers.lite fetch BRON DOELMAP")
    names = fetch(source, Path(dest), CORE_DIR)
    print(f"{len(names)} Pyodide-pakketten gecontroleerd en gekopieerd naar {dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
