"""Every model declares its inputs once: each parameter of each public function has a declaration in its
module's ``INPUTS``, and the function's default is the declaration's."""

import importlib
import pkgutil
import inspect

import pytest

import edu

from edu.validation import Choice, Flag, Number, Series

MODELS = [m.name for m in pkgutil.iter_modules(edu.__path__)
          if hasattr(importlib.import_module(f"edu.{m.name}"), "INPUTS")]
"""Every model module: the modules of ``edu`` that declare their inputs."""


def _functions():
    for module in MODELS:
        mod = importlib.import_module(f"edu.{module}")
        for name in mod.__all__:
            if inspect.isfunction(getattr(mod, name)):
                yield pytest.param(mod, getattr(mod, name), id=f"{module}.{name}")


@pytest.mark.parametrize("module, function", list(_functions()))
def test_elke_parameter_is_gedeclareerd_met_dezelfde_standaardwaarde(module, function):
    declared = module.INPUTS
    for p in inspect.signature(function).parameters.values():
        if p.name == "params" or p.kind is p.VAR_KEYWORD:
            continue
        assert p.name in declared, f"{function.__name__}({p.name}) staat niet in {module.__name__}.INPUTS"
        d = declared[p.name]
        assert isinstance(d, (Number, Series, Choice, Flag))
        if p.default is not p.empty and not isinstance(d, Series):
            assert p.default == d.default or (p.default is None and getattr(d, "optional", False)), p.name


@pytest.mark.parametrize("module", MODELS)
def test_elke_declaratie_heeft_een_nederlands_label_en_een_geldig_bereik(module):
    for name, d in importlib.import_module(f"edu.{module}").INPUTS.items():
        assert d.name == name and d.label and d.label == d.label.strip()
        if isinstance(d, (Number, Series)):
            assert d.lo < d.hi
        if isinstance(d, Number):
            assert 0 < d.step <= d.hi - d.lo
            assert d.default is None or d.lo <= d.default <= d.hi
        if isinstance(d, Choice):
            assert d.options and (d.default is None or d.default in d.options)
