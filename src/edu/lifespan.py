"""What accumulates over the lifespan: the total of a yearly rate that changes with age."""

from __future__ import annotations

import numpy as np


def accumulated(points, grid, scale=1.0) -> np.ndarray:
    """Running total over ``grid`` of a yearly rate, from ``grid[0]`` on.

    ``points`` are (age, rate per year) pairs, linear in between and flat beyond the ends;
    ``scale`` multiplies the rate (a number, or an array over ``grid``). The total is the
    trapezoid sum, exact where the rate is linear between grid points.
    """
    ages, rates = zip(*points)
    rate = np.interp(grid, ages, rates) * scale
    return np.concatenate([[0.0], np.cumsum((rate[1:] + rate[:-1]) / 2 * np.diff(grid))])


__all__ = ["accumulated"]
