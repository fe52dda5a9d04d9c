// A build step of the in-browser site, run by book/runtime.py: Pyodide's own Python, under
// Node.js, rewrites the site's wheels (book.runtime.in_pyodide).
// Arguments: pyodide.mjs, the course repository (holding the book package), the site's Pyodide
// folder (core and wheels), the site's lock file, the wheel file names.
import { pathToFileURL } from "node:url";

const [core, course, site, lockFile, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(core).href);
const pyodide = await loadPyodide({ indexURL: `${site}/`, lockFileURL: lockFile });
pyodide.mountNodeFS("/course", course);
pyodide.mountNodeFS("/site", site);
pyodide.globals.set("wheels", pyodide.toPy(wheels));
await pyodide.runPythonAsync(`
import sys
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, "/course")
from book import runtime
await runtime.in_pyodide("/site", list(wheels))
`);
