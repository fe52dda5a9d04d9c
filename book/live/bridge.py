"""The comm bridge: runs in the learner's browser, in the page's Web Worker (``worker.js``), before any explorer.

ipywidgets talks to its front end through comms. In Jupyter a kernel carries them; here the
worker does: :class:`BridgeComm` hands every message a widget sends to the worker's
``postComm`` (which posts it to the page, where ipywidgets' HTML manager draws the widgets),
and :func:`deliver` hands every message from the page to its widget.

ipywidgets imports IPython only for its display hooks, which the page does not use. A small
stand-in (:func:`stand_in_for_ipython`) saves loading IPython (~4 MB, ~0.5 s). It is put into
``sys.modules`` here and lives only in the worker: in the course wheel it would shadow the real
IPython in Jupyter.
"""

from __future__ import annotations

import json
import sys
import types


def stand_in_for_ipython() -> None:
    """Register the few names of IPython that ipywidgets imports, saying there is no IPython shell."""
    ipython = types.ModuleType("IPython")
    display = types.ModuleType("IPython.display")
    core = types.ModuleType("IPython.core")
    shell = types.ModuleType("IPython.core.interactiveshell")
    ipython.get_ipython = lambda: None
    display.display = display.clear_output = lambda *args, **kwargs: None
    shell.InteractiveShell = type("InteractiveShell", (), {"initialized": classmethod(lambda cls: False)})
    ipython.display, ipython.core, core.interactiveshell = display, core, shell
    sys.modules.update({"IPython": ipython, "IPython.display": display, "IPython.core": core,
                        "IPython.core.interactiveshell": shell})


stand_in_for_ipython()

import comm  # noqa: E402 (after the stand-in: comm and ipywidgets look for IPython on import)
import js  # noqa: E402 (the worker's global scope; exists only in Pyodide)
from comm.base_comm import BaseComm  # noqa: E402
from pyodide.code import eval_code  # noqa: E402
from pyodide.ffi import to_js  # noqa: E402


class BridgeComm(BaseComm):
    """A comm whose messages go to the page, through the worker."""

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        payload = json.dumps({"data": data or {}, "metadata": metadata or {}, "target_name": keys.get("target_name")})
        js.postComm(msg_type, self.comm_id, payload, to_js([bytes(memoryview(b)) for b in buffers or []]))


comm.create_comm = BridgeComm

import explorers.explorer  # noqa: E402, F401 (matplotlib, ipywidgets and the explorers' base, imported at start-up)

shown = []
"""The explorers on the page, kept alive for as long as it is open."""
prepared = {}
"""Explorers built before they were asked for, by their code."""


def prepare(code: str) -> None:
    """Build an explorer (its code's last line makes it) before the learner asks for it; :func:`show` takes it."""
    if code not in prepared:
        prepared[code] = eval_code(code, {})


def show(code: str, example: str | None = None) -> str:
    """The explorer this code makes, prepared or built now, set to ``example`` (one of its presets) when given;
    the model id of its widgets' root."""
    explorer = prepared.pop(code, None) or eval_code(code, {})
    if example is not None:
        explorer.apply(example)
    shown.append(explorer)
    return explorer.ui.model_id


def deliver(comm_id: str, payload: str, buffers) -> None:
    """Hand a message from the page (JSON ``payload``, binary ``buffers``) to its widget."""
    target = comm.get_comm_manager().get_comm(comm_id)
    if target is not None:
        target.handle_msg({"content": {"comm_id": comm_id, "data": json.loads(payload)},
                           "buffers": [memoryview(buffer.to_bytes()) for buffer in buffers]})
