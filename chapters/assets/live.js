// The explorers come alive in the page. One Python runtime per page (live/worker.js: Pyodide in a
// Web Worker) runs the same Python (edu + explorers) as the book build, in the learner's browser,
// with no server; ipywidgets' HTML manager draws each explorer's widgets where its static figure
// stood, and the widget messages travel between the two through a comm bridge (live/bridge.py).
// The static figure is the first view and stays when Python cannot start. Settings come from the
// book build (book/runtime.py) in window.KRACHT_LIVE.
// When the page presents (presenteer.js marks <html data-presenteer> before this script runs), Python starts at
// once with the projector look, and the presentation asks for each explorer through window.krachtLive.show.
(() => {
  "use strict";
  const config = window.KRACHT_LIVE;
  const presenting = document.documentElement.hasAttribute("data-presenteer");
  const STEPS = [
    "Python wordt in je browser gestart (de eerste keer duurt dit langer)",
    "De rekenmodellen worden geladen",
    "De verkenner wordt getekend",
  ];
  const TIMEOUT_S = 120;
  const AHEAD_AFTER_MS = 2000;  // an explorer this long in view: start Python before the click

  const at = (path) => new URL(path, new URL(document.documentElement.dataset.content_root || "./", location.href)).href;

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
      const response = await fetch(at(config.proef), { method: "HEAD", cache: "no-store" });
      return response.ok;
    } catch (error) {
      return false;
    }
  }

  function script(src) {
    return new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = src;
      element.onload = resolve;
      element.onerror = () => reject(new Error(`${src} kon niet worden geladen`));
      document.head.append(element);
    });
  }

  // ipywidgets' HTML manager, with its AMD loader; its icon font from this site (the bundle would look for it
  // beside the page).
  async function htmlManager() {
    await script(at(`${config.manager}require.js`));
    await script(at(`${config.manager}libembed-amd.js`));
    const module = await new Promise((resolve, reject) => window.requirejs(["@jupyter-widgets/html-manager"], resolve, reject));
    const icons = document.createElement("style");
    icons.textContent = `@font-face { font-family: "Font Awesome 5 Free"; font-style: normal; font-weight: 900; ` +
      `font-display: block; src: url("${at(config.icons)}") format("woff2"); }`;
    document.head.append(icons);
    // The widgets typeset their labels with MathJax 2's queue; the book has MathJax 3.
    if (window.MathJax && !window.MathJax.Hub) {
      window.MathJax.Hub = { Queue: ([, , element]) => window.MathJax.typesetPromise?.([element]) };
    }
    return new module.HTMLManager();
  }

  // ipywidgets labels a slider with a <label> that is not tied to it: the label's text becomes the slider's name
  // (screen readers, axe-core), also for the sliders a fold-out draws later.
  function nameSliders(root) {
    for (const slider of root.querySelectorAll(".widget-slider")) {
      const label = slider.querySelector(".widget-label")?.textContent.trim();
      const handle = slider.querySelector("[role=slider]");
      if (label && handle && !handle.hasAttribute("aria-label")) handle.setAttribute("aria-label", label);
    }
  }

  // A widget's end of a comm in the page; what it sends goes to the worker.
  class WorkerComm {
    constructor(runtime, commId, targetName) {
      Object.assign(this, { runtime, comm_id: commId, target_name: targetName });
    }
    open() { return ""; }
    close() { return ""; }
    on_msg(callback) { this.onMessage = callback; }
    on_close(callback) { this.onClose = callback; }
    send(data, callbacks, metadata, buffers) {
      const copies = (buffers || []).map((b) => new Uint8Array(b.buffer || b, b.byteOffset || 0, b.byteLength).slice());
      const id = this.runtime.request({ callbacks });
      this.runtime.worker.postMessage({ type: "msg", id, commId: this.comm_id, data: JSON.stringify(data), buffers: copies },
                                      copies.map((u) => u.buffer));
      return "";
    }
  }

  // The page's one runtime: started once, by the first click or ahead of it; every explorer runs in it.
  class Runtime {
    constructor() {
      this.step = 0;
      this.listeners = new Set();
      this.requests = new Map();
      this.comms = new Map();
      this.chain = Promise.resolve();
      this.nextId = 0;
      this.prepared = new Set();
      this.times = { begun: performance.now() };  // when each phase ended (ms, page clock): read by the benchmark
      this.manager = htmlManager();
      this.manager.then(() => { this.times.manager = performance.now(); });
      this.manager.catch(() => {});  // reported through `ready`
      this.ready = new Promise((resolve, reject) => { this.started = resolve; this.failed = reject; });
      this.ready.catch(() => {});
      this.worker = new Worker(at(`${config.map}worker.js`));
      this.worker.onmessage = ({ data }) => this.receive(data);
      this.worker.onerror = (event) => this.failed(new Error(event.message || "de rekenomgeving stopte"));
      this.worker.postMessage({ type: "start", pyodide: at(config.pyodide), lock: at(`${config.map}pyodide-lock.json`),
                                bridgeUrl: at(`${config.map}bridge.py`), packages: config.packages, presenting });
      Promise.all([this.manager, this.ready]).catch((error) => this.failed(error));
    }

    request(entry) {
      const id = this.nextId++;
      this.requests.set(id, entry);
      return id;
    }

    progress(step) {
      this.step = step;
      this.times[["", "python", "packages"][step]] = performance.now();
      for (const listener of this.listeners) listener(step);
    }

    receive(message) {
      const entry = this.requests.get(message.id);
      if (message.type === "progress") {
        this.progress(message.step);
        if (message.step === 2) this.started();
      } else if (message.type === "comm") {
        this.chain = this.chain.then(() => this.handle(message)).catch((error) => console.error(error));
      } else if (message.type === "idle") {
        this.chain = this.chain.then(() => {
          entry?.callbacks?.iopub?.status?.({ content: { execution_state: "idle" } });
          this.requests.delete(message.id);
        });
      } else if (message.type === "shown") {
        this.requests.delete(message.id);
        entry.resolve(message.root);
      } else if (message.type === "error" && message.id === null) {
        this.failed(new Error(`Python meldde: ${message.error}.`));
      } else if (message.type === "error" && entry?.reject) {
        this.requests.delete(message.id);
        entry.reject(new Error(`Python meldde: ${message.error}.`));
      } else if (message.type === "error") {
        // a step the learner just took failed: say so under the explorer they are using
        const live = document.activeElement?.closest("div.verkenner-live") || document.querySelector("div.verkenner-live");
        live?.dispatchEvent(new CustomEvent("verkenner-fout", { detail: message.error }));
      }
    }

    async handle({ msgType, commId, payload, buffers }) {
      const manager = await this.manager;
      const { data, metadata, target_name: targetName } = JSON.parse(payload);
      const views = buffers.map((b) => new DataView(b.buffer, b.byteOffset, b.byteLength));
      if (msgType === "comm_open") {
        const comm = new WorkerComm(this, commId, targetName);
        this.comms.set(commId, comm);
        await manager.handle_comm_open(comm, { content: { comm_id: commId, target_name: targetName, data }, metadata,
                                               buffers: views, header: {}, parent_header: {}, channel: "iopub" });
      } else if (msgType === "comm_msg") {
        this.comms.get(commId)?.onMessage?.({ content: { comm_id: commId, data }, metadata, buffers: views });
      } else if (msgType === "comm_close") {
        this.comms.get(commId)?.onClose?.({ content: { comm_id: commId, data } });
        this.comms.delete(commId);
      }
    }

    // Build an explorer in the worker before it is asked for (the next one on the page), so it goes live at once.
    async prepare(code) {
      await this.ready;
      if (this.prepared.has(code)) return;
      this.prepared.add(code);
      this.worker.postMessage({ type: "prepare", code });
    }

    // Run an explorer's code in the worker (or take the one prepared), set it to `example` (a preset) if given, and
    // draw its widgets into `owner`.
    async show(code, owner, example = null) {
      await this.ready;
      this.prepared.delete(code);
      const root = await new Promise((resolve, reject) => {
        this.worker.postMessage({ type: "show", id: this.request({ resolve, reject }), code, example });
      });
      await this.chain;
      this.times.shown = performance.now();
      const manager = await this.manager;
      const view = await manager.create_view(await manager.get_model(root));
      await manager.display_view(view, owner);
      this.times.displayed = performance.now();
      nameSliders(owner);
      new MutationObserver(() => nameSliders(owner)).observe(owner, { childList: true, subtree: true });
    }
  }

  let runtime = null;
  function theRuntime() {
    if (!runtime) {
      runtime = new Runtime();
      runtime.ready.catch(() => { runtime.worker.terminate(); runtime = null; });  // a later click tries again
    }
    return runtime;
  }
  // An explorer made live in place of its static figure (set to `example`, a preset, if given): its live element, or
  // null when Python could not start (the reason then stands under the figure, with the start button to try again).
  async function start(figure, button, example = null) {
    const clicked = performance.now();
    button.disabled = true;
    const status = document.createElement("div");
    status.className = "verkenner-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const progress = document.createElement("progress");
    progress.max = STEPS.length;
    progress.setAttribute("aria-label", "Voortgang van het starten");
    const text = document.createElement("span");
    status.append(progress, text);
    button.after(status);
    const fail = (reason) => {
      progress.remove();
      status.classList.add("verkenner-fout");
      text.textContent = `De interactieve versie kon niet starten. ${reason} De figuur hierboven blijft gewoon bruikbaar.`;
      button.disabled = false;
      button.hidden = false;
      return null;
    };
    const blocker = obstacle();
    if (blocker) return fail(blocker);
    const began = performance.now();
    let step = 0;
    const show = () => {
      const seconds = Math.round((performance.now() - began) / 1000);
      progress.value = step;
      text.textContent = `Stap ${step + 1} van ${STEPS.length}: ${STEPS[step]}… (${seconds} s)`;
    };
    show();
    const timer = setInterval(show, 1000);
    const listener = (reached) => { step = Math.max(step, reached); show(); };
    try {
      const live = document.createElement("div");
      live.className = "verkenner-live";
      live.hidden = true;
      live.tabIndex = -1;
      live.setAttribute("role", "group");
      live.setAttribute("aria-label", `${figure.querySelector("figcaption strong")?.textContent || "Verkenner"} (interactief)`);
      live.addEventListener("verkenner-fout", ({ detail }) => {
        const note = document.createElement("p");
        note.className = "verkenner-fout";
        note.setAttribute("role", "alert");
        note.textContent = `De verkenner kon deze stap niet uitrekenen. Python meldde: ${detail}.`;
        live.append(note);
      });
      figure.after(live);
      const fresh = !runtime;
      const current = theRuntime();
      current.listeners.add(listener);
      listener(current.step);
      const timeout = new Promise((resolve, reject) => setTimeout(
        () => reject(new Error(`Python startte niet binnen ${TIMEOUT_S} seconden.`)), TIMEOUT_S * 1000));
      // Whether Pyodide can be reached is asked alongside the start, and explains a failed start.
      const unreachable = fresh ? reachable().then((ok) => !ok) : Promise.resolve(false);
      try {
        await Promise.race([current.show(figure.dataset.code, live, example), timeout]);
      } catch (error) {
        live.remove();
        if (await unreachable) {
          throw new Error(`Python kon niet worden geladen van ${config.bron}. Controleer je internetverbinding.`);
        }
        throw error;
      } finally {
        current.listeners.delete(listener);
      }
      live.hidden = false;
      figure.hidden = true;
      status.remove();
      if (!presenting) live.focus();  // a presentation keeps the presenter's focus where it is
      // For the benchmark: the first explorer's click, and when its first picture could be painted (page clock).
      firstPicture(live).then(() => {
        current.times.clicked ??= clicked;
        current.times.plotted ??= performance.now();
      });
      const next = figures.slice(figures.indexOf(figure) + 1).find((f) => !f.hidden);
      if (next) current.prepare(next.dataset.code);
      return live;
    } catch (error) {
      return fail(error.message);
    } finally {
      clearInterval(timer);
    }
  }

  // The first picture of a live explorer, decoded: its widgets' views fill in after the explorer is shown.
  function firstPicture(live) {
    return new Promise((resolve) => {
      const look = () => {
        const image = live.querySelector("img.widget-image[src]");
        if (!image) return false;
        observer.disconnect();
        image.decode().catch(() => {}).then(resolve);
        return true;
      };
      const observer = new MutationObserver(look);
      if (!look()) observer.observe(live, { childList: true, subtree: true, attributes: true, attributeFilter: ["src"] });
    });
  }

  // Start Python ahead of the click when an explorer has been in view for a while and the browser is idle,
  // unless the learner's browser asks to save data.
  function startAhead(figures) {
    const connection = navigator.connection;
    if (obstacle() || (connection && (connection.saveData || /2g/.test(connection.effectiveType || "")))) return;
    let timer = null;
    const visible = new Set();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) visible[entry.isIntersecting ? "add" : "delete"](entry.target);
      clearTimeout(timer);
      if (!visible.size) return;
      timer = setTimeout(() => {
        observer.disconnect();
        const begin = () => {
          if (runtime) return;
          const figure = [...visible][0] || figures[0];
          reachable().then((ok) => ok && !runtime && theRuntime().prepare(figure.dataset.code));
        };
        (window.requestIdleCallback || setTimeout)(begin);
      }, AHEAD_AFTER_MS);
    });
    for (const figure of figures) observer.observe(figure);
  }

  // sphinx-togglebutton names the button that folds out a solution in English; it makes its
  // buttons when the page has loaded, so they are named in Dutch just after.
  document.addEventListener("DOMContentLoaded", () => {
    for (const button of document.querySelectorAll("button.toggle-button")) {
      button.setAttribute("aria-label", `${button.parentElement.textContent.trim()} tonen of verbergen`);
    }
  });

  const figures = config ? [...document.querySelectorAll("figure.verkenner-statisch[data-code]")] : [];
  const started = new Map();  // figure → its start, so an explorer goes live once
  const show = (figure, example = null) => {
    if (!started.has(figure)) {
      const button = figure.querySelector("button.verkenner-start");
      started.set(figure, start(figure, button, example).then((live) => {
        if (!live) started.delete(figure);
        return live;
      }));
    }
    return started.get(figure);
  };
  // For the presentation (presenteer.js), the tests and the benchmark: the page's runtime, if started, whether the
  // page presents, and an explorer made live on request (a promise of its live element, or null).
  window.krachtLive = { runtime: () => runtime, presenting, show };
  if (!config) return;
  for (const figure of figures) {
    const button = figure.querySelector("button.verkenner-start");
    button.hidden = presenting;  // presenting, the explorer goes live without a click
    button.addEventListener("click", () => show(figure));
  }
  if (figures.length && presenting && !obstacle()) theRuntime();  // Python at once, for the first scene
  else if (figures.length) startAhead(figures);
})();
