// The page's Python runtime: Pyodide in a Web Worker, so the page stays responsive while Python
// starts and draws. One worker per page runs every explorer on it (chapters/assets/live.js starts it).
// It loads the packages the site's lock file names, runs the comm bridge (bridge.py), and then:
//   page → worker: {type: "start", pyodide, lock, bridgeUrl, packages, presenting}   start Python (presenting: the
//                                                      page presents, so explorers take the projector look)
//                  {type: "show", id, code, example}  run an explorer's code (set to example, a preset, if given),
//                                                      answer {type: "shown", id, root}
//                  {type: "prepare", code}             build an explorer before it is asked for
//                  {type: "msg", id, commId, data, buffers}   a widget message, answered {type: "idle", id}
//   worker → page: {type: "progress", step}  {type: "comm", msgType, commId, payload, buffers}
//                  {type: "error", id, error}  (id null: Python could not start)
"use strict";

let bridge = null;

// What bridge.py calls for every message a widget sends: to the page, the buffers moved, not copied.
self.postComm = (msgType, commId, payload, buffers) => {
  self.postMessage({ type: "comm", msgType, commId, payload, buffers }, buffers.map((b) => b.buffer));
};

// A Python error as one line ("ValueError: ..."), the traceback's last.
function lastLine(error) {
  const lines = String(error && error.message ? error.message : error).trim().split("\n");
  return lines[lines.length - 1];
}

// The projector look is asked for in the one way the explorers know (explorers/style.py PRESENTING): an environment
// variable, set before any explorer is made.
const PRESENTING = "EXPLORERS_PRESENTING";

// Download every wheel the lock file names while Python starts, instead of after: Pyodide's own requests for them
// (it fetches a package only once its core runs) get these bytes, checked against the lock's hash as Pyodide
// checks them. Each is handed out once, then let go.
function fetchAhead(pyodide, lock) {
  const plain = self.fetch.bind(self);
  const integrity = (hex) => `sha256-${btoa(String.fromCharCode(...hex.match(/../g).map((h) => parseInt(h, 16))))}`;
  const ahead = plain(lock).then((response) => response.json()).then((data) => new Map(
    Object.values(data.packages).map(({ file_name: file, sha256 }) => {
      const url = new URL(file, pyodide).href;
      const bytes = plain(url, { integrity: integrity(sha256) });
      return [url, bytes.then((response) => (response.ok ? response.arrayBuffer() : null), () => null)];
    }))).catch(() => new Map());  // the lock unreachable: Pyodide's own request says why
  self.fetch = async (resource, options) => {
    const url = new URL(String(resource), pyodide).href;
    const waiting = await ahead;
    const bytes = waiting.has(url) ? await waiting.get(url) : null;
    waiting.delete(url);
    return bytes ? new Response(bytes) : plain(resource, options);
  };
}

async function start({ pyodide, lock, bridgeUrl, packages, presenting }) {
  fetchAhead(pyodide, lock);
  importScripts(`${pyodide}pyodide.js`);
  const python = await loadPyodide({ indexURL: pyodide, lockFileURL: lock, env: presenting ? { [PRESENTING]: "1" } : {} });
  self.postMessage({ type: "progress", step: 1 });
  const failed = [];
  await python.loadPackage(packages, { messageCallback: () => {}, errorCallback: (m) => failed.push(m) });
  if (failed.length) throw new Error(failed.join(" "));
  const source = await (await fetch(bridgeUrl)).text();
  python.runPython(source, { filename: "bridge.py" });
  bridge = Object.fromEntries(["show", "prepare", "deliver"].map((name) => [name, python.globals.get(name)]));
  self.postMessage({ type: "progress", step: 2 });
}

const started = new Promise((resolve) => { self.ready = resolve; });

self.onmessage = async ({ data: message }) => {
  if (message.type === "start") {
    try {
      await start(message);
      self.ready();
    } catch (error) {
      self.postMessage({ type: "error", id: null, error: lastLine(error) });
    }
    return;
  }
  await started;
  try {
    if (message.type === "show") {
      const root = message.example ? bridge.show(message.code, message.example) : bridge.show(message.code);
      self.postMessage({ type: "shown", id: message.id, root });
    } else if (message.type === "prepare") {
      try {
        bridge.prepare(message.code);
      } catch (error) {
        console.error(error);  // asked for later, it fails again and then says why
      }
    } else if (message.type === "msg") {
      bridge.deliver(message.commId, message.data, message.buffers);
    }
  } catch (error) {
    self.postMessage({ type: "error", id: message.id, error: lastLine(error) });
  } finally {
    if (message.type === "msg") self.postMessage({ type: "idle", id: message.id });
  }
};
