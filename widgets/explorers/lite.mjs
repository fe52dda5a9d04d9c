// A build step of the in-browser site, run by explorers/lite.py: Pyodide's own Python, under
// Node.js, rewrites the site's wheels (explorers.lite.in_pyodide).
// Arguments: pyodide.mjs, the folder holding the explorers package, the site's Pyodide folder
// (with its lock file), the wheel file names.
import { pathToFileURL } from "node:url";

const [core, widgets, site, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(core).href);
const pyodide = await loadPyodide({ indexURL: `${site}/` });
pyodide.mountNodeFS("/widgets", widgets);
pyodide.mountNodeFS("/site", site);
pyodide.globals.set("wheels", pyodide.toPy(wheels));
await pyodide.runPythonAsync(`
import sys
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, "/widgets")
from explorers import lite
await lite.in_pyodide("/site", list(wheels))
`);
