"""Every public model function answers bad input with a Dutch InputError, never a raw error or NaN.

Each parameter of each function in the ``__all__`` of every model module gets, in turn, values
a learner or a notebook might pass by mistake: NaN, ±inf, huge numbers, text, ``None``, lists,
arrays, empty containers. The call must either raise :class:`edu.InputError` (whose message
names the parameter) or return numbers that are finite wherever the valid call's are (some of these values are
valid: ``None`` for an optional input, an array for a vectorised one; a result that is ``inf``
by design, such as "no ceiling", stays allowed).
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import warnings

import numpy as np
import pytest

import edu

from edu import InputError

MODELS = [m.name for m in pkgutil.iter_modules(edu.__path__)
          if hasattr(importlib.import_module(f"edu.{m.name}"), "INPUTS")]
"""Every model module: the modules of ``edu`` that declare their inputs."""

VALID = {
    "peak_strain_microstrain": 1000, "age_years": 60, "t_min": 30.0, "t_h": 10.0, "weight_kg": 80,
    "reps": 8, "one_rm_kg": 100, "weekly_sets": 10, "muscle_kg": 30, "fat_kg": 15, "tissue": "muscle",
    "extra_muscle_kg": 1.4,
    "weeks": 12, "daily_load": [50.0] * 30, "two_hour_mmol_l": 6.0, "protein_g": 20, "sessions": (),
    "plan": ["strength", "rest", "endurance", "rest", "strength", "rest", "rest"], "exercises": 8, "sets": 3,
    "rest_s": 60, "intensity": 0.75, "reps_in_reserve": 2, "period_h": 48, "load_pct_1rm": 75,
}
"""A valid value for each parameter that has no default."""

BAD = [math.nan, math.inf, -math.inf, 1e300, -1e300, "tien", None, [1, 2], np.array([1.0, 2.0]),
       [], {}, object()]


def _functions():
    for module in MODELS:
        mod = importlib.import_module(f"edu.{module}")
        for name in mod.__all__:
            f = getattr(mod, name)
            if inspect.isfunction(f):
                yield pytest.param(f, id=f"{module}.{name}")


def _numbers(result):
    """Every float or array in a result (dataclasses and dicts searched)."""
    if isinstance(result, (float, np.floating, np.ndarray)):
        yield np.asarray(result, dtype=float)
    elif hasattr(result, "__dataclass_fields__"):
        for field in result.__dataclass_fields__:
            yield from _numbers(getattr(result, field))
    elif isinstance(result, dict):
        for value in result.values():
            yield from _numbers(value)


@pytest.mark.parametrize("function", list(_functions()))
def test_foute_invoer_geeft_een_nederlandse_melding_of_een_eindig_getal(function):
    parameters = [p for p in inspect.signature(function).parameters.values()
                  if p.name != "params" and p.kind is not p.VAR_KEYWORD]
    missing = [p.name for p in parameters if p.default is p.empty and p.name not in VALID]
    assert not missing, f"geef een geldige waarde voor {missing} in VALID"
    base = {p.name: VALID[p.name] for p in parameters if p.default is p.empty}
    finite = [bool(np.isfinite(x).all()) for x in _numbers(function(**base))]
    problems = []
    for parameter in parameters:
        for bad in BAD:
            call = f"{parameter.name}={bad!r}"
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")
                    result = function(**base | {parameter.name: bad})
            except InputError as error:
                if f"({parameter.name}" not in str(error) and f"{parameter.name})" not in str(error):
                    problems.append(f"{call}: de melding noemt de parameter niet: {error}")
            except Exception as error:  # noqa: BLE001 - the point is to catch what slips through
                problems.append(f"{call}: {type(error).__name__}: {error}")
            else:
                if any(np.isnan(x).any() or (ok and not np.isfinite(x).all())
                       for x, ok in zip(_numbers(result), finite)):
                    problems.append(f"{call}: geeft NaN of oneindig")
    assert not problems, "\n".join(problems)
