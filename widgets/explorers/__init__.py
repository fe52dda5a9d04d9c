"""The course's explorers, one module per topic (``explorers.hormones`` holds ``hormoonverkenner``).

A page imports its explorer from that module (``from explorers.hormones import hormoonverkenner``),
so it loads one topic, not all of them; that matters in the browser, where every import costs
time. The course's tools find every explorer with :func:`registry`, which is derived from the
modules themselves: a module that defines an :class:`~explorers.explorer.Explorer` lists its
explorer functions in ``__all__``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable


def registry() -> dict[str, Callable]:
    """Every explorer of the course by its name, in the order of its module's name (imports them all)."""
    from explorers.explorer import Explorer

    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        defines = any(inspect.isclass(v) and issubclass(v, Explorer) and v is not Explorer
                      and v.__module__ == module.__name__ for v in vars(module).values())
        if defines:
            found.update({name: getattr(module, name) for name in module.__all__})
    return found


__all__ = ["registry"]
