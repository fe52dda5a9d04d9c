"""Speed of the course, measured (not asserted): one JSON object per line on stdout.

Metrics: model evaluation for a 500-point curve; explorer update latency from a control
change to the new PNG (median and p95); the full book build; and
in the learner's browser (one Pyodide runtime per page, bundled from `make pyodide-test`,
served on 127.0.0.1): start action to first live plot, next to a bare Pyodide start in the same
browser and run (the ratio is the target, since machines differ), a second explorer, the start
ahead of the click, slider steps, bytes of a first visit, workers and memory with every explorer
live, and the size of every wheel the site serves next to Pyodide's original; the presentation mode (``?presenteer``)
at 1366 x 768: page open to the first scene live, the next scene, a slider step.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import threading
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the book's tooling (book/) and the tests' helpers


def emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 3), "unit": unit}), flush=True)


def _median_ms(call, repeat: int = 200) -> float:
    call()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return 1e3 * statistics.median(runs)


def model_curve() -> None:
    """Each model computing what an explorer draws (a 500-point curve, a year of days, a week plan)."""
    from edu import (bone, cognition, concurrent, fitness_fatigue, glucose, hormones, metabolism, protein,
                     satellite_cells, signaling, training)

    t = np.linspace(-60, 120, 500)
    hours = np.linspace(0, 48, 500)
    weeks = np.linspace(0, 78, 500)
    sets = np.linspace(0, 40, 500)
    meals = [(h, 20) for h in (8, 14, 20, 32, 38, 44)]
    day = np.linspace(6, 36, 500)
    sessions = [signaling.Session("strength", 9, 45, 0.8), signaling.Session("endurance", 17, 60, 0.75)]
    year = fitness_fatigue.training_plan(weeks=52)
    ages = np.linspace(20, 90, 500)
    minutes = np.linspace(0, 180, 500)
    calls = {
        "hormones.acute_response, 500-point curve": lambda: hormones.acute_response(t, rest_s=90, sets=4),
        "protein.synthesis_response, 500-point curve":
            lambda: protein.synthesis_response(hours, session_at_h=17, meals=meals),
        "training.hypertrophy_gain_pct, 500-point curve": lambda: training.hypertrophy_gain_pct(sets, load_pct_1rm=70),
        "training.one_rm, 500 values": lambda: training.one_rm(np.full(500, 80.0), np.arange(500) % 12 + 1, "brzycki"),
        "satellite_cells.training_course, 500-point curve":
            lambda: satellite_cells.training_course(weeks, training_weeks=16),
        "signaling.response, 500-point curve": lambda: signaling.response(day, sessions=sessions),
        "fitness_fatigue.performance_manager, 364 days": lambda: fitness_fatigue.performance_manager(year),
        "fitness_fatigue.impulse_response, 364 days": lambda: fitness_fatigue.impulse_response(year),
        "bone.remodeling_rate, 500-point curve":
            lambda: bone.remodeling_rate(np.geomspace(20, bone.PARAMS.thresholds.microdamage, 500)),
        "bone.bmd_trajectory, 500-point curve": lambda: bone.bmd_trajectory(ages, sex="male", training="hirit"),
        "glucose.postprandial, 3 hours after a meal": lambda: glucose.postprandial(minutes, hours_since_training=24),
        "metabolism.resting_energy_kcal, one body": lambda: metabolism.resting_energy_kcal(muscle_kg=30, fat_kg=18),
        "cognition.hippocampal_volume, 500-point curve":
            lambda: cognition.hippocampal_volume(ages, training="resistance"),
    }
    for name, call in calls.items():
        emit(f"model: {name} (median)", _median_ms(call), "ms")
    plan = ("strength+endurance", "rest", "strength", "endurance", "strength", "rest", "rest")
    emit("model: concurrent.relative_adaptation, one week plan (median)",
         _median_ms(lambda: concurrent.relative_adaptation(**concurrent.week_inputs(plan))), "ms")


def explorer_update() -> None:
    """Each explorer: time from moving its first slider one step to the new PNGs (one per panel and the legend),
    and the static view the book build makes once (small PNGs and text alternatives)."""
    from explorers import registry

    for name, explorer in registry().items():
        ex = explorer()
        slider = next(c for c in ex.controls.values() if hasattr(c, "min"))
        values = list(np.arange(slider.min, slider.max + slider.step / 2, slider.step))[:40]
        runs = []
        for value in values * 2:
            start = time.perf_counter()
            slider.value = value
            runs.append(time.perf_counter() - start)
        emit(f"explorer: {name} control change to new figure (median)", 1e3 * statistics.median(runs), "ms")
        emit(f"explorer: {name} control change to new figure (p95)", 1e3 * float(np.percentile(runs, 95)), "ms")
        emit(f"explorer: {name} static view for the page (median)", _median_ms(ex._repr_mimebundle_, repeat=5), "ms")


def book_build(out: str) -> Path:
    """Build the book as the tests do (Pyodide bundled from the test fixture); return the site."""
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
                    "-W", "--keep-going", "--path-output", out], check=True, capture_output=True,
                   env={**os.environ, "PYODIDE": str(ROOT / "_build/pyodide-test")})
    emit("book: full build, notebooks executed, in-browser runtime included", time.perf_counter() - start, "s")
    return Path(out) / "_build" / "html"


@contextlib.contextmanager
def counting_server(site: Path):
    """The site on 127.0.0.1, recording each file it sends (as-is: this server does not compress)."""
    sent = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def copyfile(self, source, outputfile):
            data = source.read()
            sent.append(data)
            outputfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", sent
    finally:
        server.shutdown()


BARE = """<!doctype html><meta charset="utf-8"><title>kaal</title><script>
const began = performance.now();
const core = new URL("live/pyodide-{version}/", location.href).href;
const lock = new URL("live/pyodide-lock.json", location.href).href;
const worker = new Worker(URL.createObjectURL(new Blob([`importScripts("${{core}}pyodide.js");
  loadPyodide({{indexURL: "${{core}}", lockFileURL: "${{lock}}"}}).then(() => postMessage(0));`])));
worker.onmessage = () => {{ window.bareMs = performance.now() - began; }};
</script>"""
"""The floor: Pyodide's core started in a worker with no packages, as the page's runtime starts it."""

SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"
"""A browser that asks to save data: no start ahead of the click, so a click measures a cold start."""

LIVE = "div.verkenner-live:not([hidden])"
COLD_ROUNDS = 3
"""Cold starts, bare and page interleaved, each in a new browser profile; their medians make the ratio. A single
pair varied from 1.9 to 2.2 on a quiet machine, mostly in the bare start."""


def wheel_sizes(site: Path) -> None:
    """Every wheel the site serves, trimmed and compiled, next to the original from Pyodide or PyPI."""
    from book import runtime

    lock = json.loads((site / runtime.SITE_DIR / "pyodide-lock.json").read_text())
    originals = {p.name.split("-")[0].lower(): p for p in [*(ROOT / "_build/pyodide-test").glob("*.whl"),
                                                            *runtime.WHEELS_DIR.glob("*.whl")]}
    folder = site / runtime.SITE_DIR / f"pyodide-{runtime.PYODIDE_VERSION}"
    for entry in sorted(lock["packages"].values(), key=lambda e: e["name"]):
        served = (folder / entry["file_name"]).stat().st_size
        original = originals.get(entry["file_name"].split("-")[0].lower())
        if original is not None:
            emit(f"site: wheel {entry['name']} as served (original {original.stat().st_size / 1e6:.2f} MB)",
                 served / 1e6, "MB")


def in_browser(site: Path) -> None:
    """The page's runtime in headless Chromium, each cold start in a new browser profile (its own empty cache)."""
    import conftest
    from playwright.sync_api import sync_playwright

    from book import runtime

    (site / "kaal.html").write_text(BARE.format(version=runtime.PYODIDE_VERSION), encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu"]
    with counting_server(site) as (url, sent), sync_playwright() as p, tempfile.TemporaryDirectory() as profiles:
        def profile(name, saving=True, fresh=False):
            folder = tempfile.mkdtemp(dir=profiles, prefix=name) if fresh else f"{profiles}/{name}"
            context = p.chromium.launch_persistent_context(folder, executable_path=conftest.CHROMIUM,
                                                           args=args, viewport={"width": 1280, "height": 900})
            if saving:
                context.add_init_script(SAVE_DATA)
            return context

        def click_to_live(page, number=0):
            start = time.perf_counter()
            page.locator("button.verkenner-start").nth(number).click()
            page.locator(LIVE).nth(number).locator(".widget-image").first.wait_for(timeout=300_000)
            return time.perf_counter() - start

        phases, bares, plots, driven = [], [], [], []
        for _ in range(COLD_ROUNDS):  # interleaved, so a slow moment of the machine weighs on both
            bare = profile("kaal", fresh=True)
            page = bare.new_page()
            page.goto(f"{url}/kaal.html")
            page.wait_for_function("window.bareMs !== undefined", timeout=120_000)
            bares.append(page.evaluate("window.bareMs") / 1e3)
            page.goto(f"{url}/kaal.html")  # again, its cache now warm: for the warm start further on
            page.wait_for_function("window.bareMs !== undefined", timeout=120_000)
            bare_warm = page.evaluate("window.bareMs") / 1e3
            bare.close()
            context = profile("pagina", fresh=True)
            page = context.new_page()
            sent.clear()
            page.goto(f"{url}/chapters/gezondheid.html")
            page.wait_for_load_state("networkidle")
            conftest.predict_all(page)  # a learner who has answered the predictions: the figures unfold
            driven.append(click_to_live(page))
            page.wait_for_function("window.krachtLive.runtime().times.plotted !== undefined")
            times = page.evaluate("window.krachtLive.runtime().times")
            plots.append((times["plotted"] - times["clicked"]) / 1e3)
            phases.append(times)
            if len(plots) < COLD_ROUNDS:
                context.close()  # the last round's page goes on below
        median = statistics.median
        emit(f"in-browser: bare Pyodide start in a worker, no packages (empty cache, median of {COLD_ROUNDS})",
             median(bares), "s")
        emit(f"in-browser: start action to first live plot (empty cache; measured by the test driver, its own "
             f"click and polling included; median of {COLD_ROUNDS})", median(driven), "s")
        emit(f"in-browser: click to first live picture decoded (empty cache; page clock, as the bare start is "
             f"measured; median of {COLD_ROUNDS})", median(plots), "s")
        for phase, label in (("manager", "widget manager loaded"), ("python", "Python started"),
                             ("packages", "packages loaded, bridge run"), ("shown", "explorer built in Python"),
                             ("displayed", "widgets drawn in the page")):
            emit(f"in-browser: first start, {label} (from the runtime's start; median of {COLD_ROUNDS})",
                 median((t[phase] - t["begun"]) / 1e3 for t in phases), "s")
        emit(f"in-browser: first live plot / bare Pyodide start (empty cache, both on the page clock, medians of "
             f"{COLD_ROUNDS} interleaved rounds; target <= 2.0)", median(plots) / median(bares), "ratio")
        ratios = [plot / bare for plot, bare in zip(plots, bares)]
        emit("in-browser: the same ratio, lowest round", min(ratios), "ratio")
        emit("in-browser: the same ratio, highest round", max(ratios), "ratio")
        emit("in-browser: first live plot as the test driver sees it / bare Pyodide start (empty cache, medians)",
             median(driven) / median(bares), "ratio")
        emit("in-browser: bytes of a first visit, page and live explorer (as served, uncompressed)",
             sum(map(len, sent)) / 1e6, "MB")
        emit("in-browser: bytes of a first visit, page and live explorer (gzip, as static hosts send; target <= 18)",
             sum(len(gzip.compress(data, 6)) for data in sent) / 1e6, "MB")
        page.wait_for_timeout(3_000)  # the learner reads on; the runtime prepares the next explorer meanwhile
        emit("in-browser: second explorer on the page, clicked 3 s later, click to live (target <= 0.5)",
             click_to_live(page, 1), "s")
        emit("in-browser: third explorer, clicked as soon as the second is live (its preparation just begun)",
             click_to_live(page, 2), "s")
        emit("in-browser: keyboard slider step to new figure, first explorer (median; target <= 100)",
             slider_steps_ms(page, page.locator(LIVE).first), "ms")
        figures = page.locator("figure.verkenner-statisch").count()
        for number in range(3, figures):
            click_to_live(page, number)
        client = context.new_cdp_session(page)
        client.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in client.send("Performance.getMetrics")["metrics"]}
        emit(f"in-browser: Python runtimes (workers) with all {figures} explorers of the page live",
             len(page.workers), "workers")
        emit(f"in-browser: page JavaScript heap with all {figures} explorers live", metrics["JSHeapUsedSize"] / 1e6,
             "MB")
        page.close()
        page = context.new_page()
        page.goto(f"{url}/chapters/hormonen.html")  # the explorer with the costliest figure
        page.wait_for_load_state("networkidle")
        conftest.predict_all(page)
        warm = click_to_live(page)
        emit("in-browser: start action to first live plot (another chapter, browser cache warm)", warm, "s")
        emit("in-browser: bare Pyodide start in a worker, no packages (warm cache)", bare_warm, "s")
        emit("in-browser: first live plot / bare Pyodide start (both warm cache)", warm / bare_warm, "ratio")
        emit("in-browser: keyboard slider step to new figure, hormoonverkenner (median)",
             slider_steps_ms(page, page.locator(LIVE).first), "ms")
        context.close()

        context = profile("vooraf", saving=False)  # Python starts ahead when an explorer is in view
        page = context.new_page()
        start = time.perf_counter()
        page.goto(f"{url}/chapters/hormonen.html")
        conftest.predict_all(page)
        page.locator("figure.verkenner-statisch").first.scroll_into_view_if_needed()
        page.wait_for_function("window.krachtLive.runtime() && window.krachtLive.runtime().step === 2", timeout=300_000)
        emit("in-browser: page open to Python ready, started ahead with an explorer in view (empty cache)",
             time.perf_counter() - start, "s")
        emit("in-browser: start action to first live plot, Python started ahead", click_to_live(page), "s")
        context.close()


def slider_steps_ms(page, root, steps: int = 7) -> float:
    """Median time from an ArrowRight on the first slider under ``root`` to a new figure."""
    image = root.locator(".widget-image").first
    root.locator(".widget-slider .noUi-handle").first.focus()
    runs = []
    for step in range(steps):
        before = image.get_attribute("src")
        start = time.perf_counter()
        page.keyboard.press("ArrowLeft" if step % 2 else "ArrowRight")  # back and forth: never at an end
        page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                               arg=[image.element_handle(), before], timeout=30_000)
        runs.append(time.perf_counter() - start)
    return 1e3 * statistics.median(runs)


def presentation(site: Path) -> None:
    """The site's presentation mode (``?presenteer``) at a projector's 1366 x 768: Python starts with the page."""
    import conftest
    from playwright.sync_api import sync_playwright

    live = ".presentatie-scene:not([hidden]) div.verkenner-live:not([hidden])"
    with counting_server(site) as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=conftest.CHROMIUM, args=["--headless", "--no-sandbox",
                                                                             "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        start = time.perf_counter()
        page.goto(f"{url}/chapters/hormonen.html?presenteer")
        page.keyboard.press("Enter")  # the presenter shows the answer at once
        page.locator(live).locator(".widget-image").first.wait_for(timeout=300_000)
        emit("presentation: page open to first scene live (Python started with the page, empty cache)",
             time.perf_counter() - start, "s")
        start = time.perf_counter()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_url("**scene=2**")
        page.locator(live).locator(".widget-image").first.wait_for(timeout=300_000)
        emit("presentation: next scene to live (the same runtime, its explorer prepared)", time.perf_counter() - start,
             "s")
        emit("presentation: keyboard slider step to new figure (median)", slider_steps_ms(page, page.locator(live)),
             "ms")
        browser.close()


if __name__ == "__main__":
    model_curve()
    explorer_update()
    with tempfile.TemporaryDirectory() as out:
        site = book_build(out)
        wheel_sizes(site)
        in_browser(site)
        presentation(site)
