"""What accumulates over the lifespan: the total of a yearly rate that changes with age.

Building blocks of the lifespan models (:mod:`edu.bone`, :mod:`edu.cognition`), not models
themselves: they receive values those models have already checked.
"""

from __future__ import annotations

import numpy as np

from edu import validation as check

DEFAULT_START_AGE = 60.0
"""Age at which training starts when none is given, years."""


def accumulated(points, grid, scale=1.0) -> np.ndarray:
    """Running total over ``grid`` of a yearly rate, from ``grid[0]`` on.

    ``points`` are (age, rate per year) pairs, linear in between and flat beyond the ends;
    ``scale`` multiplies the rate (a number, or an array over ``grid``). The total is the
    trapezoid sum, exact where the rate is linear between grid points.
    """
    ages, rates = zip(*points)
    rate = np.interp(grid, ages, rates) * scale
    return np.concatenate([[0.0], np.cumsum((rate[1:] + rate[:-1]) / 2 * np.diff(grid))])


def training_onset(training, training_start_age, *, options, ages) -> tuple[str | None, float]:
    """The kind of training (``None``: none; else one of ``options``) and the age it starts at,
    ``training_start_age`` within ``ages`` (default :data:`DEFAULT_START_AGE`), both checked."""
    if training is not None:
        training = check.choice(training, name="training", label="training", options=options)
    start = DEFAULT_START_AGE if training_start_age is None else check.number(
        training_start_age, name="training_start_age", label="startleeftijd training",
        lo=ages[0], hi=ages[1], unit="jaar")
    return training, start


__all__ = ["DEFAULT_START_AGE", "accumulated", "training_onset"]
