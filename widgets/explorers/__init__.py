"""The course's explorers: one call per explorer in a chapter, e.g. ``hormoonverkenner()``.

Each explorer's module is imported on first use (PEP 562), so a page that shows one explorer
loads one topic, not twelve; that matters in the browser, where every import costs time.
"""

import importlib

MODULES = {"hormoonverkenner": "hormones", "eiwitbalans": "protein", "trainingsvariabelen": "training",
           "rekenaar_1rm": "training", "satellietcellen": "satellite_cells", "signaalroutes": "signaling",
           "weekplanner": "concurrent", "fitheid_vermoeidheid": "fitness_fatigue", "botten": "bone",
           "bloedsuiker": "glucose", "ruststofwisseling": "metabolism", "hersenen": "cognition"}
"""Each explorer and the module (named after its topic) that holds it."""

__all__ = list(MODULES)


def __getattr__(name: str):
    if name not in MODULES:
        raise AttributeError(f"module 'explorers' has no attribute {name!r}")
    return getattr(importlib.import_module(f"explorers.{MODULES[name]}"), name)


def __dir__():
    return sorted([*globals(), *__all__])
