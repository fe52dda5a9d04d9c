// The explorers come alive in the page: a JupyterLite console with the Pyodide kernel runs the
// same Python (edu + explorers) as the book build, in the learner's browser, with no server.
// The static figure is the first view and stays when Python cannot start. Settings come from
// the book build (book/lite.py) in window.KRACHT_LIVE.
(() => {
  "use strict";
  const config = window.KRACHT_LIVE;
  const STEPS = [
    "De interactieve omgeving wordt geladen",
    "Python en de rekenmodellen worden in je browser gestart (de eerste keer duurt dit langer)",
    "De verkenner wordt getekend",
  ];
  const TIMEOUT_S = 120;

  function root() {
    return new URL(document.documentElement.dataset.content_root || "./", location.href);
  }

  // Reasons the browser cannot run Python, known before anything is loaded.
  function obstacle() {
    if (location.protocol === "file:") {
      return "Deze pagina is als los bestand geopend. De interactieve versie werkt alleen als de " +
        "cursus via een webadres wordt geopend (de online cursus, of op je eigen computer met " +
        "'python -m http.server -d _build/html').";
    }
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      return "Deze browser kan geen Python uitvoeren (WebAssembly ontbreekt). Gebruik een recente " +
        "versie van Chrome, Edge, Firefox of Safari.";
    }
    return null;
  }

  async function reachable() {
    try {
      const response = await fetch(new URL(config.proef, root()), { method: "HEAD", cache: "no-store" });
      return response.ok;
    } catch (error) {
      return false;
    }
  }

  function replUrl(code) {
    const url = new URL(`${config.site}/repl/index.html`, root());
    const params = { kernel: "python", toolbar: "0", showBanner: "0", hideCodeInput: "1",
                     promptCellPosition: "bottom", code };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.href;
  }

  // What the console in the frame shows: [step reached, error text or null, done].
  function inspect(frame) {
    const doc = frame.contentDocument;
    if (!doc || !doc.querySelector(".jp-CodeConsole")) return [0, null, false];
    // stderr also carries harmless notices (matplotlib's font cache); a traceback ends in "...Error: ...".
    for (const output of doc.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
      const last = output.textContent.trim().split("\n").slice(-1)[0];
      if (/^\w*(Error|Exception)\b/.test(last)) return [1, last, false];
    }
    if (doc.querySelector(".jp-OutputArea-output .widget-image, .jp-OutputArea-output img")) return [2, null, true];
    return [doc.querySelector(".jp-OutputArea-output") ? 2 : 1, null, false];
  }

  function fit(frame) {
    const doc = frame.contentDocument;
    const style = doc.createElement("style");
    // Only the explorer: no input prompt (nor the part of the console kept for it), no execution counters,
    // no scroll bars of its own, and no padding around it: its panels are drawn for the page's text column
    // (two side by side, one on a phone).
    style.textContent = ".jp-CodeConsole-input, .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }" +
      ".jp-CodeConsole-content { overflow: hidden !important; height: 100% !important; } body { overflow: hidden; }" +
      ".jp-CodeConsole-content, .jp-CodeConsole-content .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea-child," +
      " .jp-OutputArea-output { padding: 0 !important; margin: 0 !important; }";
    doc.head.appendChild(style);
    const content = doc.querySelector(".jp-CodeConsole-content");
    const cell = content.querySelector(".jp-Cell:last-of-type") || content;
    const resize = () => {  // the frame as high as the console's toolbar and the explorer under it
      const bottom = cell.getBoundingClientRect().top + content.scrollTop + cell.scrollHeight;
      frame.style.height = `${Math.ceil(bottom) + 8}px`;
    };
    new frame.contentWindow.ResizeObserver(resize).observe(cell);
    resize();
  }

  async function start(figure, button) {
    button.disabled = true;
    const status = document.createElement("div");
    status.className = "verkenner-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const progress = document.createElement("progress");
    progress.max = STEPS.length;
    progress.value = 0;
    const text = document.createElement("span");
    status.append(progress, text);
    button.after(status);
    const fail = (reason) => {
      progress.remove();
      status.classList.add("verkenner-fout");
      text.textContent = `De interactieve versie kon niet starten. ${reason} De figuur hierboven blijft gewoon bruikbaar.`;
      button.disabled = false;
    };
    const blocker = obstacle();
    if (blocker) return fail(blocker);
    const show = (step, seconds) => {
      progress.value = step;
      text.textContent = `Stap ${step + 1} van ${STEPS.length}: ${STEPS[step]}… (${seconds} s)`;
    };
    show(0, 0);
    if (!(await reachable())) {
      return fail(`Python kon niet worden geladen van ${config.bron}. Controleer je internetverbinding.`);
    }
    const frame = document.createElement("iframe");
    frame.className = "verkenner-live verkenner-laden";
    frame.title = `${figure.querySelector("strong")?.textContent || "Verkenner"} (interactief)`;
    frame.src = replUrl(figure.dataset.code);
    figure.after(frame);
    const began = performance.now();
    const timer = setInterval(() => {
      const seconds = Math.round((performance.now() - began) / 1000);
      let step, error, done;
      try {
        [step, error, done] = inspect(frame);
      } catch (exception) {
        [step, error, done] = [0, String(exception), false];
      }
      if (done) {
        clearInterval(timer);
        fit(frame);
        frame.classList.remove("verkenner-laden");
        figure.hidden = true;
        status.remove();
        frame.focus();
      } else if (error || seconds > TIMEOUT_S) {
        clearInterval(timer);
        frame.remove();
        fail(error ? `Python meldde: ${error}.` : `Python startte niet binnen ${TIMEOUT_S} seconden.`);
      } else {
        show(step, seconds);
      }
    }, 100);
  }

  // sphinx-togglebutton names the button that folds out a solution in English; it makes its
  // buttons when the page has loaded, so they are named in Dutch just after.
  document.addEventListener("DOMContentLoaded", () => {
    for (const button of document.querySelectorAll("button.toggle-button")) {
      button.setAttribute("aria-label", `${button.parentElement.textContent.trim()} tonen of verbergen`);
    }
  });

  if (!config) return;
  for (const figure of document.querySelectorAll("figure.verkenner-statisch[data-code]")) {
    const button = figure.querySelector("button.verkenner-start");
    button.hidden = false;
    button.addEventListener("click", () => start(figure, button));
  }
})();
