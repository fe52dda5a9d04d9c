"""Input checks shared by every model, with Dutch messages for the learner.

Each check names the parameter twice (Dutch label for the learner, Python name for the
programmer), the offending value and the valid range, e.g.::

    Ongeldige waarde voor rustpauze (rest_s): -5 s. Kies een waarde tussen 0 en 600 s.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np


class InputError(ValueError):
    """A model received a value outside its valid range; the message is Dutch."""


def fmt(x: float) -> str:
    """Format a number the Dutch way (decimal comma, no trailing zeros, 30.000 for large whole numbers)."""
    if 1e4 <= abs(x) < 1e15 and float(x).is_integer():
        return f"{x:,.0f}".replace(",", ".")
    return f"{x:.4g}".replace(".", ",")


def _unit(unit: str) -> str:
    return f" {unit}" if unit else ""


def _fail(name: str, label: str, shown: str, advice: str) -> InputError:
    return InputError(f"Ongeldige waarde voor {label} ({name}): {shown}. {advice}")


def number(value, *, name: str, label: str, lo: float, hi: float, unit: str = "",
           integer: bool = False, array: bool = False):
    """Check a number (or, with ``array``, a non-empty array of numbers) lies within ``[lo, hi]``.

    Returns a float (or int if ``integer``) for a scalar, a float array otherwise.
    """
    kind = "een geheel getal" if integer else "een waarde"
    advice = f"Kies {kind} tussen {fmt(lo)} en {fmt(hi)}{_unit(unit)}."
    if isinstance(value, (bool, np.bool_, str, bytes)) or value is None:
        raise _fail(name, label, f"{value!r} is geen getal", advice)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise _fail(name, label, f"{value!r} is geen getal", advice) from None
    if arr.size == 0:
        raise _fail(name, label, "een lege rij", advice)
    if arr.ndim and not array:
        raise _fail(name, label, f"een rij van {arr.size} getallen", f"Geef één getal. {advice}")
    bad = ~np.isfinite(arr) | (arr < lo) | (arr > hi)
    if integer:
        bad |= arr != np.round(arr)
    if bad.any():
        first = arr[bad].flat[0]
        shown = "geen getal (NaN)" if math.isnan(first) else f"{fmt(first)}{_unit(unit)}"
        raise _fail(name, label, shown, advice)
    if arr.ndim == 0:
        return int(arr) if integer else float(arr)
    return arr


def series(value, *, name: str, label: str, lo: float, hi: float, max_len: int,
           unit: str = "") -> np.ndarray:
    """Check a one-dimensional sequence of 1 to ``max_len`` numbers, each within ``[lo, hi]``."""
    shape = np.shape(value) if not isinstance(value, (str, bytes)) else ()
    if len(shape) != 1 or not 1 <= shape[0] <= max_len:
        shown = (f"{shape[0]} waarden" if len(shape) == 1 else
                 "een los getal" if not shape else f"een tabel met {len(shape)} dimensies")
        raise _fail(name, label, shown, f"Geef een rij van 1 tot {max_len} getallen.")
    return np.atleast_1d(number(value, name=name, label=label, lo=lo, hi=hi, unit=unit, array=True))


def choice(value, *, name: str, label: str, options: Mapping[str, str]) -> str:
    """Check ``value`` is one of ``options`` (keys; values are Dutch descriptions)."""
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(f'"{k}" ({v})' for k, v in options.items())
    raise _fail(name, label, repr(value), f"Kies uit {listed}.")


def flag(value, *, name: str, label: str) -> bool:
    """Check ``value`` is a yes/no switch (bool)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise _fail(name, label, repr(value), "Kies True (ja) of False (nee).")


def plain(x):
    """A model result as a float for scalar input, as an array otherwise."""
    return float(x) if np.ndim(x) == 0 else x


__all__ = ["InputError", "fmt", "number", "series", "choice", "flag", "plain"]
