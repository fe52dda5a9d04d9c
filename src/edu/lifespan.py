"""What accumulates over the lifespan: the total of a yearly rate that changes with age.

Building blocks of the lifespan models (:mod:`edu.bone`, :mod:`edu.cognition`), not models
themselves: the inputs both declare (age, age at which training starts) and the running total
of a yearly rate, which receives values those models have already checked.
"""

from __future__ import annotations

import numpy as np

from edu import validation as check

AGE_YEARS = check.Number("age_years", "leeftijd", 20, 90, 1, unit="jaar", array=True)
"""Age, 20–90 years: from about the age of peak bone mass (Xue et al. 2020) into old age."""

TRAINING_START_AGE = check.Number("training_start_age", "startleeftijd training", 20, 90, 1, default=60,
                                  unit="jaar")
"""Age at which training starts and is kept up, within :data:`AGE_YEARS` (default 60 years)."""


def accumulated(points, grid, scale=1.0) -> np.ndarray:
    """Running total over ``grid`` of a yearly rate, from ``grid[0]`` on.

    ``points`` are (age, rate per year) pairs, linear in between and flat beyond the ends;
    ``scale`` multiplies the rate (a number, or an array over ``grid``). The total is the
    trapezoid sum, exact where the rate is linear between grid points.
    """
    ages, rates = zip(*points)
    rate = np.interp(grid, ages, rates) * scale
    return np.concatenate([[0.0], np.cumsum((rate[1:] + rate[:-1]) / 2 * np.diff(grid))])


__all__ = ["AGE_YEARS", "TRAINING_START_AGE", "accumulated"]
