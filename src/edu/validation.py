"""Inputs declared once, checked with Dutch messages, and numbers written the Dutch way.

Every model module declares its inputs in one table, ``INPUTS`` (:func:`declare`): per input
its Dutch label, unit, valid range, slider step and default. The model checks a value by
calling its declaration (``INPUTS["rest_s"](rest_s)``); an explorer builds its control from
the same declaration, so a slider's range *is* the model's range and a range is spelled in
one place.

Every message names the parameter twice (Dutch label for the learner, Python name for the
programmer), the offending value and the valid range (:func:`invalid` writes them all), e.g.::

    Ongeldige waarde voor rust tussen de sets (rest_s): -5 s. Kies een waarde tussen 0 en 300 s.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np


class InputError(ValueError):
    """A model received a value outside its valid range; the message is Dutch."""


MINUS = "\u2212"
"""The minus sign of printed Dutch numbers (not the hyphen)."""


def fmt(x: float, decimals: int | None = None) -> str:
    """A number the Dutch way: decimal comma, a point between thousands from five digits on, a minus sign.

    ``decimals``: that many digits after the comma (``fmt(1500.0, 1)`` is "1500,0",
    ``fmt(-12345.6, 1)`` "−12.345,6"); ``None``: whole numbers and numbers from 10,000 on
    without decimals, others with four significant digits and no trailing zeros
    (``fmt(0.00038)`` is "0,00038", ``fmt(12.3456)`` "12,35").
    """
    x = float(x)
    if not math.isfinite(x) or abs(x) >= 1e15:
        text = f"{x:.3g}"
    elif decimals is None and not x.is_integer() and abs(x) < 1e4:
        text = np.format_float_positional(x, precision=4, fractional=False, trim="-")
    else:
        text = f"{x:.{decimals or 0}f}"
    whole, _, part = text.partition(".")
    digits = whole.lstrip("-")
    if len(digits) > 4 and digits.isdigit():
        digits = f"{int(digits):,}".replace(",", ".")
    negative = whole.startswith("-") and any(c not in "0.," for c in digits + part)
    return (MINUS if negative else "") + digits + ("," + part if part else "")


def invalid(name: str, label: str, shown: str, advice: str) -> InputError:
    """The Dutch message for a bad value: parameter (label and name), what was given, what to do."""
    return InputError(f"Ongeldige waarde voor {label} ({name}): {shown}. {advice}")


def _unit(unit: str) -> str:
    return f" {unit}" if unit else ""


def number(value, *, name: str, label: str, lo: float, hi: float, unit: str = "",
           integer: bool = False, array: bool = False):
    """Check a number (or, with ``array``, a non-empty array of numbers) lies within ``[lo, hi]``.

    Returns a float (or int if ``integer``) for a scalar, a float array otherwise.
    """
    kind = "een geheel getal" if integer else "een waarde"
    advice = f"Kies {kind} tussen {fmt(lo)} en {fmt(hi)}{_unit(unit)}."
    if isinstance(value, (bool, np.bool_, str, bytes)) or value is None:
        raise invalid(name, label, f"{value!r} is geen getal", advice)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise invalid(name, label, f"{value!r} is geen getal", advice) from None
    if arr.size == 0:
        raise invalid(name, label, "een lege rij", advice)
    if arr.ndim and not array:
        raise invalid(name, label, f"een rij van {arr.size} getallen", f"Geef één getal. {advice}")
    bad = ~np.isfinite(arr) | (arr < lo) | (arr > hi)
    if integer:
        bad |= arr != np.round(arr)
    if bad.any():
        first = arr[bad].flat[0]
        shown = "geen getal (NaN)" if math.isnan(first) else f"{fmt(first)}{_unit(unit)}"
        raise invalid(name, label, shown, advice)
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
        raise invalid(name, label, shown, f"Geef een rij van 1 tot {max_len} getallen.")
    return np.atleast_1d(number(value, name=name, label=label, lo=lo, hi=hi, unit=unit, array=True))


def choice(value, *, name: str, label: str, options: Mapping[str, str]) -> str:
    """Check ``value`` is one of ``options`` (keys; values are Dutch descriptions)."""
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(f'"{k}" ({v})' for k, v in options.items())
    raise invalid(name, label, repr(value), f"Kies uit {listed}.")


def flag(value, *, name: str, label: str) -> bool:
    """Check ``value`` is a yes/no switch (bool)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise invalid(name, label, repr(value), "Kies True (ja) of False (nee).")


@dataclass(frozen=True)
class Number:
    """A numeric input: its keyword, Dutch label, valid range ``[lo, hi]`` in ``unit``, slider step, default.

    ``integer``: whole numbers only; ``array``: a vectorised input (a non-empty array is fine);
    ``optional``: ``None`` is allowed (it means "none", e.g. no training session). Calling the
    declaration checks a value; ``lo``/``hi`` narrow the range where another input limits it.
    """

    name: str
    label: str
    lo: float
    hi: float
    step: float
    default: float | None = None
    unit: str = ""
    integer: bool = False
    array: bool = False
    optional: bool = False

    def __call__(self, value, *, lo: float | None = None, hi: float | None = None, label: str | None = None):
        if value is None and self.optional:
            return None
        return number(value, name=self.name, label=label or self.label, unit=self.unit, integer=self.integer,
                      array=self.array, lo=self.lo if lo is None else lo, hi=self.hi if hi is None else hi)


@dataclass(frozen=True)
class Series:
    """A one-dimensional sequence of 1 to ``max_len`` numbers, each within ``[lo, hi]`` (e.g. a load per day)."""

    name: str
    label: str
    lo: float
    hi: float
    max_len: int
    unit: str = ""

    def __call__(self, value) -> np.ndarray:
        return series(value, name=self.name, label=self.label, lo=self.lo, hi=self.hi, max_len=self.max_len,
                      unit=self.unit)


@dataclass(frozen=True)
class Choice:
    """An input with named options (keys; values are their Dutch names)."""

    name: str
    label: str
    options: Mapping[str, str] = field(default_factory=dict)
    default: str | None = None
    optional: bool = False

    def __call__(self, value) -> str | None:
        if value is None and self.optional:
            return None
        return choice(value, name=self.name, label=self.label, options=self.options)


@dataclass(frozen=True)
class Flag:
    """A yes/no input."""

    name: str
    label: str
    default: bool = False

    def __call__(self, value) -> bool:
        return flag(value, name=self.name, label=self.label)


Input = Number | Series | Choice | Flag
"""Any declared input."""


def declare(*inputs: Input) -> dict[str, Input]:
    """A module's ``INPUTS``: its declarations by keyword, in the given order."""
    table = {i.name: i for i in inputs}
    if len(table) != len(inputs):
        raise ValueError("Elke invoer mag maar één keer gedeclareerd worden.")
    return table


def plain(x):
    """A model result as a float for scalar input, as an array otherwise."""
    return float(x) if np.ndim(x) == 0 else x


__all__ = ["InputError", "MINUS", "fmt", "invalid", "number", "series", "choice", "flag", "Number", "Series",
           "Choice", "Flag", "Input", "declare", "plain"]
