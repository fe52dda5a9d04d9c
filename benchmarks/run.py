"""Speed of the course, measured (not asserted): one JSON object per line on stdout.

Metrics: model evaluation for a 500-point curve; explorer update latency from a control
change to the new PNG (median and p95); the full book build; Voilà slider-to-new-plot.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 3), "unit": unit}), flush=True)


def model_curve() -> None:
    from edu import hormones

    t = np.linspace(-60, 120, 500)
    hormones.acute_response(t)
    runs = []
    for _ in range(200):
        start = time.perf_counter()
        hormones.acute_response(t, rest_s=90, sets=4)
        runs.append(time.perf_counter() - start)
    emit("model: hormones.acute_response, 500-point curve (median)", 1e3 * statistics.median(runs), "ms")


def explorer_update() -> None:
    from explorers import hormoonverkenner

    ex = hormoonverkenner()
    slider = ex.controls["rest_s"]
    runs = []
    for value in list(range(slider.min, slider.max + 1, slider.step)) * 3:
        start = time.perf_counter()
        slider.value = value
        runs.append(time.perf_counter() - start)
    emit("explorer: hormoonverkenner control change to new figure (median)", 1e3 * statistics.median(runs), "ms")
    emit("explorer: hormoonverkenner control change to new figure (p95)", 1e3 * float(np.percentile(runs, 95)), "ms")


def book_build() -> None:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
                        "-W", "--keep-going", "--path-output", out],
                       check=True, capture_output=True)
        emit("book: full build, notebooks executed", time.perf_counter() - start, "s")


def voila_slider() -> None:
    import conftest
    from playwright.sync_api import sync_playwright

    with conftest.presenter() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=conftest.CHROMIUM,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url, timeout=120_000)
        image = page.locator(".widget-image").first
        image.wait_for(timeout=120_000)
        emit("voila: page open to first figure", time.perf_counter() - start, "s")
        page.locator(".widget-slider .noUi-handle").first.focus()
        runs = []
        for _ in range(5):
            before = image.get_attribute("src")
            start = time.perf_counter()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                                   arg=[image.element_handle(), before], timeout=30_000)
            runs.append(time.perf_counter() - start)
        emit("voila: keyboard slider step to new figure (median)", 1e3 * statistics.median(runs), "ms")
        browser.close()


if __name__ == "__main__":
    model_curve()
    explorer_update()
    voila_slider()
    book_build()
