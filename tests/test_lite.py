"""The explorers in the learner's browser: JupyterLite + Pyodide, built with the book, no server.

The book is built with Pyodide bundled from the test fixture (`make pyodide-test`: official
Pyodide 0.27.7 files, each checked against Pyodide's own lock file). The wheel runs in real
Pyodide under Node.js; the page runs in real Chromium with every other host blocked.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from book import lite
from conftest import ROOT, require

RUNNER = """
import {{ loadPyodide }} from {core!r};
const pyodide = await loadPyodide({{ indexURL: {index!r} }});
await pyodide.loadPackage([{project!r}], {{ messageCallback: () => {{}} }});
try {{ console.log(await pyodide.runPythonAsync({code!r})); }}
catch (error) {{ console.log(error.message); process.exit(1); }}
"""

EVERY_EXPLORER = """
import json, logging, pathlib, sys, numpy, matplotlib, ipywidgets as ipw
from matplotlib import font_manager
warned = []
class Warned(logging.Handler):  # e.g. "findfont: Font family ... not found"
    def emit(self, record):
        warned.append(record.getMessage())
logging.getLogger("matplotlib").addHandler(Warned(logging.WARNING))
import explorers
from explorers import registry
fonts = json.loads(pathlib.Path(font_manager.__file__).with_name("fontlist.json").read_text())
assert fonts["_version"] == font_manager.FontManager.__version__, "matplotlib would rebuild its font list"
compiled = (explorers, numpy, matplotlib, ipw)
assert all(module.__file__.endswith(".pyc") for module in compiled), "modules compiled from source"
problems = []
for name, explorer in registry().items():
    try:
        ex = explorer()
        for preset in ex.presets:
            ex.apply(preset)
        for control in ex.controls.values():
            if isinstance(control, (ipw.IntSlider, ipw.FloatSlider)):
                for value in (control.min, control.max):
                    control.value = value
            elif hasattr(control, "options"):
                for option in control.options:
                    control.value = option[1] if isinstance(option, tuple) else option
            else:
                control.value = not control.value
        assert ex.images[0].value[:4] == b"\\x89PNG"
    except Exception as exc:
        problems.append(f"{name}: {exc!r}")
f"{sys.version_info[:2]} {numpy.__version__} {matplotlib.__version__} {problems + warned}"
"""


def pyodide_dir(built_book: Path) -> Path:
    return built_book / lite.SITE_DIR / "static" / "pyodide"


def test_de_cursuswheel_bevat_alleen_edu_en_explorers_zonder_het_gereedschap_van_het_boek(tmp_path):
    with zipfile.ZipFile(lite.project_wheel(tmp_path)) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names if ".dist-info/" not in name} == {"edu", "explorers"}
    shipped = {Path(name).stem for name in names if name.startswith("explorers/")}
    tooling = {path.stem for path in (ROOT / "book").iterdir() if path.suffix in (".py", ".mjs")} - {"__init__"}
    assert len(tooling) >= 5 and not shipped & (tooling | {"quiz"})  # quiz: the bank's former name
    assert {"explorers/explorer.py", "explorers/hormones.py", "edu/hormones.py"} <= set(names)


@pytest.mark.slow
def test_de_site_bevat_pyodide_en_de_cursuswheel_met_kloppende_sha256(built_book):
    lock = json.loads((pyodide_dir(built_book) / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == lite.PYODIDE_VERSION
    for entry in lock["packages"].values():
        data = (pyodide_dir(built_book) / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file_name"]
    course = lock["packages"][lite.PROJECT]
    assert course["imports"] == ["edu", "explorers"]
    assert course["file_name"].endswith("-py3-none-any.whl")
    assert set(course["depends"]) == {"numpy", "matplotlib", "ipywidgets"}
    assert {lite.canonical(name) for name in lite.PRELOAD} <= set(lock["packages"])
    used = {dep for entry in lock["packages"].values() for dep in [entry["name"], *entry["depends"]]}
    assert not set(lite.UNUSED) & used


@pytest.mark.slow
def test_de_wheels_van_de_site_dragen_bytecode_en_een_kloppend_record(built_book):
    for wheel in pyodide_dir(built_book).glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            assert not [n for n in names if n.endswith(".py")], wheel.name
            assert not [n for n in names if lite.trimmed(n)], wheel.name
            record = next(n for n in names if n.endswith(".dist-info/RECORD"))
            rows = list(csv.reader(io.StringIO(archive.read(record).decode())))
            assert sorted(row[0] for row in rows) == sorted(names), wheel.name
            assert all(lite.record_line(path, archive.read(path))[1:] == [digest, int(size)]
                       for path, digest, size in rows if path != record), wheel.name


@pytest.mark.slow
def test_de_kernel_haalt_niets_van_pypi_en_laadt_alles_vooraf(built_book):
    config = json.loads((built_book / lite.SITE_DIR / "jupyter-lite.json").read_text())
    kernel = config["jupyter-config-data"]["litePluginSettings"][lite.KERNEL_PLUGIN]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.js"
    assert kernel["loadPyodideOptions"]["packages"] == list(lite.PRELOAD)
    assert config["jupyter-config-data"]["disabledExtensions"] == [lite.SERVICE_WORKER_PLUGIN]
    loaded = {extension["name"] for extension in config["jupyter-config-data"]["federated_extensions"]}
    assert loaded == set(lite.EXTENSIONS)
    assert not list((built_book / lite.SITE_DIR).rglob("*.map"))


@pytest.mark.slow
def test_gebundeld_verwijst_de_site_nergens_naar_buiten(built_book):
    site = built_book / lite.SITE_DIR
    for path in [site / "jupyter-lite.json", pyodide_dir(built_book) / "pyodide-lock.json",
                 *(built_book / "chapters").glob("*.html")]:
        text = path.read_text(encoding="utf-8")
        assert not any(host in text for host in ("jsdelivr.net/pyodide", "pypi.org", "pythonhosted.org")), path.name
    assert '"bron": "deze site"' in (built_book / "chapters/hormonen.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_met_het_cdn_is_pyodide_de_enige_plek_buiten_de_site(tmp_path):
    require((lite.CORE_DIR / "pyodide-lock.json").exists(), "Pyodide's npm-release (make vendor)")
    live = lite.prepare(tmp_path, lite.CORE_DIR, lite.CDN)
    assert live["bron"] == lite.CDN and live["proef"].startswith(lite.CDN)
    lock = json.loads((tmp_path / "static/pyodide/pyodide-lock.json").read_text())
    ours = {lite.canonical(n) for n in (*lite.PYPI_PACKAGES, *lite.KERNEL_PACKAGES, lite.PROJECT)}
    for key, entry in lock["packages"].items():
        if key in ours:
            assert (tmp_path / "static/pyodide" / entry["file_name"]).exists()
        else:
            assert entry["file_name"].startswith(lite.CDN), key
    shipped = {p.name for p in (tmp_path / "static/pyodide").iterdir()}
    assert not any(name.endswith("wasm32.whl") for name in shipped)  # numpy & co. come from the CDN


@pytest.mark.slow
def test_fetch_weigert_een_bestand_dat_afwijkt_van_pyodides_lock(tmp_path):
    require((lite.CORE_DIR / "pyodide-lock.json").exists(), "Pyodide's npm-release (make vendor)")
    fixture = ROOT / "_build/pyodide-test"
    require(fixture.exists(), "Pyodide-testpakketten (make pyodide-test)")
    source = tmp_path / "bron"
    shutil.copytree(fixture, source)
    numpy = next(source.glob("numpy-*.whl"))
    numpy.write_bytes(numpy.read_bytes() + b"\0")
    with pytest.raises(RuntimeError, match="wijkt af"):
        lite.fetch(str(source), tmp_path / "doel", lite.CORE_DIR)


@pytest.mark.slow
def test_elke_verkenner_draait_in_pyodide_met_alleen_zijn_pakketten(built_book, tmp_path):
    require(shutil.which("node") is not None, "Node.js")
    script = tmp_path / "run.mjs"
    script.write_text(RUNNER.format(core=str(lite.CORE_DIR / "pyodide.mjs"),
                                    index=str(pyodide_dir(built_book)) + "/", project=lite.PROJECT,
                                    code=EVERY_EXPLORER), encoding="utf-8")
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "(3, 12) 2.0.2 3.8.4 []"


@pytest.mark.slow
def test_start_de_interactieve_versie_en_schuif_met_het_toetsenbord(site, page):
    page.goto(f"{site}/chapters/spiergroei.html")
    start = page.locator("button.verkenner-start").first
    start.wait_for(state="visible")
    start.click()
    status = page.locator("div.verkenner-status").first
    status.wait_for()
    assert "Stap 1 van 3" in status.inner_text()
    page.locator("iframe.verkenner-live:not(.verkenner-laden)").wait_for(timeout=150_000)
    assert page.locator(".verkenner-fout").count() == 0
    assert page.locator("figure.verkenner-statisch").first.is_hidden()
    frame = page.frame_locator("iframe.verkenner-live")
    image = frame.locator(".widget-image").first
    before = image.get_attribute("src")
    frame.locator(".widget-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                           arg=[image.element_handle(), before], timeout=30_000)
    assert page.blocked == []


@pytest.mark.slow
def test_zonder_bereikbare_pyodide_blijft_de_figuur_met_een_nederlandse_uitleg(site, page):
    page.route("**/lite/static/pyodide/numpy-*", lambda route: route.abort())
    page.goto(f"{site}/chapters/hormonen.html")
    start = page.locator("button.verkenner-start").first
    start.wait_for(state="visible")
    start.click()
    error = page.locator(".verkenner-fout").first
    error.wait_for(timeout=30_000)
    assert "kon niet starten" in error.inner_text() and "internetverbinding" in error.inner_text()
    assert page.locator("figure.verkenner-statisch").first.is_visible()
    assert page.locator("iframe.verkenner-live").count() == 0
