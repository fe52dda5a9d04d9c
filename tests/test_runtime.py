"""The explorers in the learner's browser: one Pyodide runtime per page, built with the book, no server.

The book is built with Pyodide bundled from the test fixture (`make pyodide-test`: official
Pyodide 0.27.7 files, each checked against Pyodide's own lock file). The runtime runs in real
Pyodide under Node.js, as the page's worker runs it (its packages, then bridge.py); the page runs
in real Chromium with every other host blocked.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from book import runtime
from conftest import ROOT, SAVE_DATA, predict_all, require
from explorers import registry

RUNNER = """
import {{ loadPyodide }} from {core!r};
const pyodide = await loadPyodide({{ indexURL: {index!r}, lockFileURL: {lock!r} }});
await pyodide.loadPackage({packages}, {{ messageCallback: () => {{}} }});
globalThis.sent = [];
globalThis.postComm = (msgType, commId, payload, buffers) => {{ sent.push([msgType, commId, payload, buffers]); }};
try {{
  pyodide.runPython({bridge!r});
  console.log(await pyodide.runPythonAsync({code!r}));
}} catch (error) {{ console.log(error.message); process.exit(1); }}
"""

EVERY_EXPLORER = """
import json, logging, pathlib, sys, numpy, matplotlib, ipywidgets as ipw
from matplotlib import font_manager
import js
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
assert "IPython" in sys.modules and not hasattr(sys.modules["IPython"], "__file__"), "the stand-in, not IPython"
problems = []
for name, explorer in registry().items():
    try:
        module = explorer.__module__
        ex_id = show(f"from {module} import {name}\\n{name}()")
        ex = shown[-1]
        assert ex.ui.model_id == ex_id
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
opened = {m[1] for m in js.sent.to_py() if m[0] == "comm_open"}
versions = f"{sys.version_info[:2]} {numpy.__version__} {matplotlib.__version__}"
f"{versions} {len(shown)} {len(opened) > 100} {problems + warned}"
"""

SLIDER_STEP = """
import json, js
from explorers.hormones import hormoonverkenner
root = show("from explorers.hormones import hormoonverkenner\\nhormoonverkenner()")
ex = shown[-1]
slider = next(c for c in ex.controls.values() if hasattr(c, "max") and c.value < c.max)
before = len(js.sent)
deliver(slider.comm.comm_id, json.dumps({"method": "update", "state": {"value": slider.value + slider.step}}), [])
after = [m for m in js.sent.to_py()[before:] if m[0] == "comm_msg"]
images = {image.comm.comm_id for image in ex.images}
drawn = [m for m in after if m[1] in images and m[3] and bytes(m[3][0][:4]) == b"\\x89PNG"]
code = "from explorers.bone import botten\\nbotten()"
prepare(code)
ahead = prepared[code]
taken = show(code) == ahead.ui.model_id and code not in prepared and shown[-1] is ahead
f"{len(drawn) > 0} {ex.readout.comm.comm_id in {m[1] for m in after}} {taken}"
"""


def node_run(built_book: Path, tmp_path: Path, code: str) -> str:
    require(shutil.which("node") is not None, "Node.js")
    live = built_book / runtime.SITE_DIR
    script = tmp_path / "run.mjs"
    script.write_text(RUNNER.format(core=str(runtime.CORE_DIR / "pyodide.mjs"),
                                    index=str(pyodide_dir(built_book)) + "/", lock=str(live / "pyodide-lock.json"),
                                    packages=json.dumps(list(runtime.PRELOAD)),
                                    bridge=(live / "bridge.py").read_text(encoding="utf-8"), code=code),
                      encoding="utf-8")
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def pyodide_dir(built_book: Path) -> Path:
    return built_book / runtime.SITE_DIR / f"pyodide-{runtime.PYODIDE_VERSION}"


def test_de_cursuswheel_bevat_alleen_edu_en_explorers_zonder_het_gereedschap_van_het_boek(tmp_path):
    with zipfile.ZipFile(runtime.project_wheel(tmp_path)) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names if ".dist-info/" not in name} == {"edu", "explorers"}
    shipped = {Path(name).stem for name in names if name.startswith("explorers/")}
    tooling = {path.stem for path in [*(ROOT / "book").iterdir(), *runtime.LIVE_DIR.iterdir()]
               if path.suffix in (".py", ".mjs", ".js")} - {"__init__"}
    assert {"bridge", "worker", "runtime"} <= tooling and not shipped & (tooling | {"quiz", "lite"})
    assert {"explorers/explorer.py", "explorers/hormones.py", "edu/hormones.py"} <= set(names)
    assert not any(name.startswith("IPython") for name in names)  # the stand-in lives in bridge.py only


@pytest.mark.slow
def test_de_site_bevat_pyodide_en_de_cursuswheel_met_kloppende_sha256(built_book):
    lock = json.loads((built_book / runtime.SITE_DIR / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == runtime.PYODIDE_VERSION
    for entry in lock["packages"].values():
        data = (pyodide_dir(built_book) / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file_name"]
        assert entry["sha256"][:10] in entry["file_name"]  # a changed wheel gets a new name: cached for good
    course = lock["packages"][runtime.PROJECT]
    assert course["imports"] == ["edu", "explorers"]
    assert course["file_name"].endswith("-py3-none-any.whl")
    assert set(course["depends"]) == {"numpy", "matplotlib", "ipywidgets"}
    assert {runtime.canonical(name) for name in runtime.PRELOAD} <= set(lock["packages"])
    used = {dep for entry in lock["packages"].values() for dep in [entry["name"], *entry["depends"]]}
    assert not set(runtime.UNUSED) & used
    assert not {"ipython", "ipykernel", "piplite", "micropip", "jedi", "pyodide-kernel"} & set(lock["packages"])


@pytest.mark.slow
def test_elke_bouw_geeft_dezelfde_wheels_zodat_de_browser_ze_na_een_nieuwe_versie_uit_zijn_cache_haalt(
        built_book, built_docent):
    def served(site):
        lock = json.loads((site / runtime.SITE_DIR / "pyodide-lock.json").read_text())
        return {name: entry["file_name"] for name, entry in lock["packages"].items()}

    assert served(built_book) == served(built_docent)  # two builds of the same sources: the same hashed names


@pytest.mark.slow
def test_de_wheels_van_de_site_dragen_bytecode_en_een_kloppend_record(built_book):
    for wheel in pyodide_dir(built_book).glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            assert not [n for n in names if n.endswith(".py")], wheel.name
            assert not [n for n in names if runtime.trimmed(n)], wheel.name
            record = next(n for n in names if n.endswith(".dist-info/RECORD"))
            rows = list(csv.reader(io.StringIO(archive.read(record).decode())))
            assert sorted(row[0] for row in rows) == sorted(names), wheel.name
            assert all(runtime.record_line(path, archive.read(path))[1:] == [digest, int(size)]
                       for path, digest, size in rows if path != record), wheel.name


@pytest.mark.slow
def test_de_runtime_bestaat_uit_pyodide_de_widgetbeheerder_de_worker_en_de_brug(built_book):
    live = built_book / runtime.SITE_DIR
    config = json.loads(re.search(r"window\.KRACHT_LIVE = (\{.*?\});", (built_book / "chapters/hormonen.html")
                                  .read_text(encoding="utf-8")).group(1))
    assert config["packages"] == list(runtime.PRELOAD)
    for key in ("pyodide", "manager", "map"):
        assert (built_book / config[key]).is_dir(), key
    assert {p.name for p in live.iterdir()} == {"pyodide-lock.json", "worker.js", "bridge.py",
                                                Path(config["pyodide"]).name, Path(config["manager"]).name}
    assert {p.name for p in (built_book / config["manager"]).iterdir()} == {"require.js", "libembed-amd.js",
                                                                           Path(config["icons"]).name}
    assert (built_book / config["icons"]).read_bytes()[:4] == b"wOF2"
    assert not (built_book / "lite").exists() and not list(live.rglob("*.map"))


@pytest.mark.slow
def test_een_hoofdstukpagina_draagt_geen_widgetstatus_en_blijft_zonder_figuren_klein(built_book):
    for page in (built_book / "chapters").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget-state+json" not in text, page.name
        without_images = re.sub(r'src="data:image/png;base64,[^"]*"', 'src=""', text)
        assert len(without_images.encode()) < 400_000, page.name


@pytest.mark.slow
def test_gebundeld_verwijst_de_site_nergens_naar_buiten(built_book):
    live = built_book / runtime.SITE_DIR
    for path in [live / "pyodide-lock.json", live / "worker.js", *(built_book / "chapters").glob("*.html")]:
        text = path.read_text(encoding="utf-8")
        hosts = ("jsdelivr.net/pyodide", "jsdelivr.net/npm/@jupyter-widgets", "pypi.org", "pythonhosted.org")
        assert not any(host in text for host in hosts), path.name
    assert '"bron": "deze site"' in (built_book / "chapters/hormonen.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_met_het_cdn_is_pyodide_de_enige_plek_buiten_de_site(tmp_path):
    require((runtime.CORE_DIR / "pyodide-lock.json").exists(), "Pyodide's npm-release (make vendor)")
    live = runtime.prepare(tmp_path, runtime.CORE_DIR, runtime.CDN)
    assert live["bron"] == runtime.CDN and live["proef"].startswith(runtime.CDN)
    lock = json.loads((tmp_path / "pyodide-lock.json").read_text())
    ours = {runtime.canonical(n) for n in (*runtime.PYPI_PACKAGES, runtime.PROJECT)}
    for key, entry in lock["packages"].items():
        if key in ours:
            assert (tmp_path / Path(live["pyodide"]).name / entry["file_name"]).exists()
        else:
            assert entry["file_name"].startswith(runtime.CDN), key
    shipped = {p.name for p in (tmp_path / Path(live["pyodide"]).name).iterdir()}
    assert not any(name.endswith("wasm32.whl") for name in shipped)  # numpy & co. come from the CDN


@pytest.mark.slow
def test_fetch_weigert_een_bestand_dat_afwijkt_van_pyodides_lock(tmp_path):
    require((runtime.CORE_DIR / "pyodide-lock.json").exists(), "Pyodide's npm-release (make vendor)")
    fixture = ROOT / "_build/pyodide-test"
    require(fixture.exists(), "Pyodide-testpakketten (make pyodide-test)")
    source = tmp_path / "bron"
    shutil.copytree(fixture, source)
    numpy = next(source.glob("numpy-*.whl"))
    numpy.write_bytes(numpy.read_bytes() + b"\0")
    with pytest.raises(RuntimeError, match="wijkt af"):
        runtime.fetch(str(source), tmp_path / "doel", runtime.CORE_DIR)


@pytest.mark.slow
def test_elke_verkenner_draait_via_de_brug_in_pyodide_met_alleen_zijn_pakketten(built_book, tmp_path):
    assert node_run(built_book, tmp_path, EVERY_EXPLORER) == f"(3, 12) 2.0.2 3.8.4 {len(registry())} True []"


@pytest.mark.slow
def test_een_schuifstap_tekent_via_de_brug_een_nieuw_paneel_en_een_voorbereide_verkenner_wordt_getoond(
        built_book, tmp_path):
    assert node_run(built_book, tmp_path, SLIDER_STEP) == "True True True"


LIVE = "div.verkenner-live:not([hidden])"


def go_live(page, number: int = 0):
    """Click an explorer's start button; wait until its live widgets replace its figure."""
    start = page.locator("button.verkenner-start").nth(number)
    start.scroll_into_view_if_needed()
    start.click()
    page.locator(LIVE).nth(number).locator(".widget-image").first.wait_for(timeout=150_000)
    return page.locator(LIVE).nth(number)


PICTURES = "live => [...live.querySelectorAll('.widget-image')].map(image => image.src).join()"


def changes(page, live, action) -> None:
    """Do ``action`` and wait until a panel of the live explorer ``live`` shows a new picture."""
    before = live.evaluate(PICTURES)
    action()
    page.wait_for_function(f"([live, old]) => ({PICTURES})(live) !== old", arg=[live.element_handle(), before],
                           timeout=30_000)


@pytest.mark.slow
def test_live_in_de_pagina_schuiven_voorbeeld_meer_instellingen_opnieuw_en_een_tweede_verkenner(site, page):
    missing = []
    page.on("response", lambda response: response.status >= 400 and "favicon" not in response.url
            and missing.append(response.url))
    page.goto(f"{site}/chapters/gezondheid.html")
    predict_all(page)
    title = page.locator("figure.verkenner-statisch figcaption strong").first.inner_text()
    start = page.locator("button.verkenner-start").first
    start.wait_for(state="visible")
    start.click()
    status = page.locator("div.verkenner-status").first
    status.wait_for()
    assert re.match(r"Stap [12] van 3: ", status.inner_text())
    live = page.locator(LIVE).first
    live.locator(".widget-image").first.wait_for(timeout=150_000)
    assert page.locator(".verkenner-fout").count() == 0 and page.locator("div.verkenner-status").count() == 0
    assert page.locator("figure.verkenner-statisch").first.is_hidden()
    assert live.evaluate("el => el === document.activeElement && el.previousElementSibling.matches('figure')")
    assert not page.locator("iframe, .jp-CodeConsole, .jp-Notebook").count()  # no notebook or console chrome
    examples = live.locator("select").first
    first = examples.input_value()  # the start preset
    assert first
    # a keyboard step on a slider: a new figure and a new readout
    slider = live.locator(".widget-slider").first
    readout = live.locator(".widget-html").last
    text = readout.inner_text()
    slider.get_by_role("slider").focus()
    changes(page, live, lambda: page.keyboard.press("ArrowRight"))
    assert readout.inner_text() != text
    # a preset: another example from the dropdown
    other = next(value for value in examples.locator("option").evaluate_all("os => os.map(o => o.value)")
                 if value != first)
    changes(page, live, lambda: examples.select_option(other))
    # "Meer instellingen" folds out more controls
    more = live.get_by_text("Meer instellingen").first
    more.click()
    assert live.locator(".widget-accordion .widget-slider:visible, .jupyter-widget-Collapse-open").count()
    # reset: back to the start preset
    changes(page, live, lambda: live.get_by_role("button", name=re.compile("Opnieuw")).click())
    assert examples.input_value() == first
    # a second explorer on the page: live without a new start, in the same runtime
    t0 = page.evaluate("performance.now()")
    second = go_live(page, 1)
    took = page.evaluate("performance.now()") - t0
    assert len(page.workers) == 1, [w.url for w in page.workers]
    assert took < 10_000, took  # the benchmark measures it: here only that no new start happened
    assert second.locator(".widget-image").count() >= 2
    assert live.locator(".widget-button svg.fa-arrow-rotate-left").count() == 1  # the arrow on "Opnieuw", drawn
    panel = live.locator(".widget-image").first.get_attribute("title")  # its text alternative, as on the page
    assert panel.startswith(f"{title}, paneel 1 van ") and "Getekend: " in panel
    assert live.get_by_role("slider").first.get_attribute("aria-label") == slider.locator("label").inner_text()
    assert page.blocked == [] and missing == []


@pytest.mark.slow
def test_een_pagina_met_een_live_verkenner_heeft_geen_ernstige_toegankelijkheidsfouten(site, page):
    from test_browser import AXE, SERIOUS

    require(AXE.exists(), "axe-core (make test)")
    page.goto(f"{site}/chapters/hormonen.html")
    predict_all(page)
    go_live(page)
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(SERIOUS) == []


@pytest.mark.slow
def test_zonder_bereikbare_pyodide_blijft_de_figuur_met_een_nederlandse_uitleg(site, page):
    page.route("**/live/pyodide-*/numpy-*", lambda route: route.abort())
    page.goto(f"{site}/chapters/hormonen.html")
    predict_all(page)
    start = page.locator("button.verkenner-start").first
    start.wait_for(state="visible")
    start.click()
    error = page.locator(".verkenner-fout").first
    error.wait_for(timeout=30_000)
    assert "kon niet starten" in error.inner_text() and "internetverbinding" in error.inner_text()
    assert page.locator("figure.verkenner-statisch").first.is_visible()
    assert page.locator("div.verkenner-live").count() == 0 and not start.is_disabled()


@pytest.mark.slow
def test_python_start_vooraf_als_een_verkenner_in_beeld_is_maar_niet_als_de_browser_data_spaart(site, browser):
    started = {}
    for saving in (False, True):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        if saving:
            context.add_init_script(SAVE_DATA)
        page = context.new_page()
        page.goto(f"{site}/chapters/hormonen.html")
        predict_all(page)
        page.locator("figure.verkenner-statisch").first.scroll_into_view_if_needed()
        page.wait_for_timeout(4_000)
        started[saving] = page.evaluate("window.krachtLive.runtime() !== null") and len(page.workers) == 1
        context.close()
    assert started == {False: True, True: False}
