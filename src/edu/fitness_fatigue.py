"""Fitness and fatigue: how daily training load turns into performance over weeks.

Banister's impulse-response model (Banister et al. 1975; Morton et al. 1990) sees every
training day as an impulse that raises two things at once: *fitness*, which builds slowly
and fades slowly, and *fatigue*, which is larger but fades fast. Performance is fitness
minus fatigue. This is the model behind "supercompensation": right after hard training you
are worse, some days later better than before. The Performance Manager (Allen & Coggan
2010) is the same idea as used in training software: fitness (CTL) and fatigue (ATL) as
exponentially weighted averages of daily load over 42 and 7 days, and form (TSB) as their
difference.

The parameters fitted to real athletes differ widely from person to person and even
over a season (Vermeire et al. 2022: τ1 4–51 days, τ2 4–74 days; Busso 2003), so the
defaults below show the principle, not anyone's numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from edu import validation as check

MAX_DAYS = 3650
"""Longest load series accepted (ten years of days)."""

MAX_LOAD = 1000.0
"""Highest daily load accepted, in load units (e.g. TSS; 100 = one hour all-out)."""


def _loads(daily_load) -> np.ndarray:
    return check.series(daily_load, name="daily_load", label="belasting per dag", lo=0,
                        hi=MAX_LOAD, max_len=MAX_DAYS)


def _decay_sum(load: np.ndarray, factor: float, *, today: bool) -> np.ndarray:
    """``Σ load[i]·factor^(n−i)`` for each day n, over i ≤ n (``today``) or i < n."""
    n = load.size
    kernel = factor ** np.arange(n, dtype=float)
    summed = np.convolve(load, kernel)[:n]
    if today:
        return summed
    return np.concatenate(([0.0], factor * summed[:-1]))


def impulse_response(daily_load, *, k1=1.0, k2=2.0, tau1_d=42.0, tau2_d=7.0, p0=0.0) -> np.ndarray:
    """Performance per day from Banister's impulse-response model.

    Discrete convention (Morton et al. 1990): the performance of day *n* counts the loads
    of the days before it, ``p(n) = p0 + k1·Σ_{i<n} w(i)·e^(−(n−i)/τ1)
    − k2·Σ_{i<n} w(i)·e^(−(n−i)/τ2)``; the load of day *n* itself shows from day *n + 1*.

    For a single load *w* on day 0 the performance is ``w·(k1·e^(−t/τ1) − k2·e^(−t/τ2))``:
    below the starting level until :func:`break_even_day`, best on :func:`peak_day`.

    Parameters
    ----------
    daily_load : array_like
        Training load per day (arbitrary units, e.g. TSS), 0–1000, 1–3650 days.
    k1, k2 : float
        Gain of fitness and of fatigue, 0.01–10 per load unit. Fitted values have
        ``k2 > k1`` (published-figure ranges in Vermeire et al. 2022).
    tau1_d, tau2_d : float
        Time constant of fitness and of fatigue, 1–100 days. Defaults 42 and 7 days as in
        the Performance Manager (Allen & Coggan 2010); fitted: τ1 4–51, τ2 4–74 days
        (Vermeire et al. 2022).
    p0 : float
        Performance before the first day, −10,000 to 10,000 (same units as the result).

    Returns
    -------
    numpy.ndarray
        Performance on each day, in units of ``p0``.

    References
    ----------
    banister1975, morton1990, vermeire2022, allen2010.

    Limits
    ------
    Linear and time-invariant: the same load always has the same effect, however fit or
    tired you already are. In reality the response to a load grows with fatigue (Busso 2003),
    the parameters change over a season, and the two fitted time constants are hard to
    pin down from few performance tests (Vermeire et al. 2022). Load is one number per
    day: the kind of training (strength or endurance, intensity) is lost.
    """
    load = _loads(daily_load)
    gain1, gain2, tau1, tau2 = _constants(k1, k2, tau1_d, tau2_d)
    start = check.number(p0, name="p0", label="beginprestatie", lo=-10_000, hi=10_000)
    fitness = _decay_sum(load, math.exp(-1 / tau1), today=False)
    fatigue = _decay_sum(load, math.exp(-1 / tau2), today=False)
    return start + gain1 * fitness - gain2 * fatigue


def _constants(k1, k2, tau1_d, tau2_d) -> tuple[float, float, float, float]:
    """The gains and time constants of :func:`impulse_response`, checked."""
    return (check.number(k1, name="k1", label="winst van fitheid", lo=0.01, hi=10),
            check.number(k2, name="k2", label="winst van vermoeidheid", lo=0.01, hi=10),
            check.number(tau1_d, name="tau1_d", label="tijdconstante van fitheid", lo=1, hi=100,
                         unit="dagen"),
            check.number(tau2_d, name="tau2_d", label="tijdconstante van vermoeidheid", lo=1,
                         hi=100, unit="dagen"))


def _crossing(k1, k2, tau1_d, tau2_d, ratio):
    """Days ``ln(ratio(k1, k2, τ1, τ2))·τ1·τ2/(τ1 − τ2)`` after a single load (0 if negative)."""
    k1, k2, tau1_d, tau2_d = _constants(k1, k2, tau1_d, tau2_d)
    if tau1_d <= tau2_d:
        raise check.InputError(
            "Ongeldige waarde voor tijdconstanten (tau1_d, tau2_d): "
            f"{check.fmt(tau1_d)} en {check.fmt(tau2_d)} dagen. Fitheid moet langzamer "
            "verdwijnen dan vermoeidheid: kies tau1_d groter dan tau2_d.")
    return max(math.log(ratio(k1, k2, tau1_d, tau2_d)) * tau1_d * tau2_d / (tau1_d - tau2_d), 0.0)


def break_even_day(*, k1=1.0, k2=2.0, tau1_d=42.0, tau2_d=7.0) -> float:
    """Days after a single load when performance is back at its starting level.

    ``t = ln(k2/k1)·τ1·τ2/(τ1 − τ2)`` (0 when ``k1 ≥ k2``); requires ``τ1 > τ2``. Gains and
    time constants within the ranges of :func:`impulse_response`.
    """
    return _crossing(k1, k2, tau1_d, tau2_d, lambda k1, k2, t1, t2: k2 / k1)


def peak_day(*, k1=1.0, k2=2.0, tau1_d=42.0, tau2_d=7.0) -> float:
    """Days after a single load when its effect on performance is largest.

    ``t = ln(k2·τ1/(k1·τ2))·τ1·τ2/(τ1 − τ2)``; requires ``τ1 > τ2``. Gains and time constants
    within the ranges of :func:`impulse_response`.
    """
    return _crossing(k1, k2, tau1_d, tau2_d, lambda k1, k2, t1, t2: k2 * t1 / (k1 * t2))


@dataclass(frozen=True)
class Manager:
    """Performance Manager series, one value per day (arrays aligned with the load)."""

    fitness: np.ndarray
    """Chronic training load (CTL), load units per day."""
    fatigue: np.ndarray
    """Acute training load (ATL), load units per day."""
    form: np.ndarray
    """Training stress balance (TSB): yesterday's fitness minus yesterday's fatigue."""


def performance_manager(daily_load, *, fitness_days=42, fatigue_days=7) -> Manager:
    """Fitness (CTL), fatigue (ATL) and form (TSB) from daily load.

    Smoothing: an exponentially weighted average with time constant *N* days,
    ``X(n) = X(n−1) + λ·(w(n) − X(n−1))`` with ``λ = 1 − e^(−1/N)`` and ``X(−1) = 0``, as in
    GoldenCheetah; the load of day *n* counts on day *n*. (TrainingPeaks uses ``λ = 1/N``;
    for N = 42 the two differ by 1%.) Form on day *n* is fitness minus fatigue of day
    *n − 1*, 0 on the first day (Allen & Coggan 2010). Under a constant load both averages
    approach that load and form approaches 0. Form is Banister's performance
    (:func:`impulse_response`, ``p0 = 0``) with gains ``k = e^(1/N) − 1``: 0.024 for
    fitness and 0.154 for fatigue at 42 and 7 days.

    Parameters
    ----------
    daily_load : array_like
        Training load per day, 0–1000, 1–3650 days.
    fitness_days, fatigue_days : float
        Time constants, 1–100 days (42 and 7 in Allen & Coggan 2010).

    Returns
    -------
    Manager

    References
    ----------
    allen2010, banister1975.

    Limits
    ------
    The same limits as :func:`impulse_response`, with both gains fixed: form says how far
    recent load lies below the long-term load, not how well you will perform. The
    numbers that mean "fresh" or "overreached" differ per person.
    """
    load = _loads(daily_load)
    n_fit = check.number(fitness_days, name="fitness_days", label="dagen voor fitheid", lo=1,
                         hi=100, unit="dagen")
    n_fat = check.number(fatigue_days, name="fatigue_days", label="dagen voor vermoeidheid",
                         lo=1, hi=100, unit="dagen")
    fitness, fatigue = (
        -math.expm1(-1 / n) * _decay_sum(load, math.exp(-1 / n), today=True) for n in (n_fit, n_fat))
    form = np.concatenate(([0.0], (fitness - fatigue)[:-1]))
    return Manager(fitness=fitness, fatigue=fatigue, form=form)


def training_plan(*, weeks=12, sessions_per_week=4, session_load=80.0, recovery_every=4,
                  taper_days=0, taper_reduction_pct=50.0) -> np.ndarray:
    """Daily load of a simple training block ending on a competition day.

    ``sessions_per_week`` sessions of ``session_load`` are spread over each week; every
    ``recovery_every``-th week is a recovery week at half the load (0: none), except the
    last week, which the taper governs. The last
    ``taper_days`` before the competition keep the sessions but cut their load by
    ``taper_reduction_pct`` (Bosquet et al. 2007: a taper of about two weeks with 41–60%
    less volume, intensity and frequency kept). The last day is the competition day, with no
    load counted: its form is the form you start the race with.

    Parameters
    ----------
    weeks : int
        Length of the block, 1–52 weeks.
    sessions_per_week : int
        0–7.
    session_load : float
        Load per session, 0–300.
    recovery_every : int
        Recovery week every this many weeks, 2–8; 0 for none.
    taper_days : int
        0–42 days, at most the length of the block.
    taper_reduction_pct : float
        0–100%.

    Returns
    -------
    numpy.ndarray
        Load per day.

    References
    ----------
    bosquet2007.
    """
    n_weeks = check.number(weeks, name="weeks", label="weken", lo=1, hi=52, integer=True)
    per_week = check.number(sessions_per_week, name="sessions_per_week",
                            label="trainingen per week", lo=0, hi=7, integer=True)
    load = check.number(session_load, name="session_load", label="belasting per training",
                        lo=0, hi=300)
    every = check.number(recovery_every, name="recovery_every", label="herstelweek elke",
                         lo=0, hi=8, integer=True, unit="weken")
    if every == 1:
        raise check.InputError(
            "Ongeldige waarde voor herstelweek elke (recovery_every): 1 week. "
            "Kies 0 (geen herstelweken) of een geheel getal tussen 2 en 8 weken.")
    taper = check.number(taper_days, name="taper_days", label="taper", lo=0,
                         hi=min(42, 7 * n_weeks), integer=True, unit="dagen")
    cut = check.number(taper_reduction_pct, name="taper_reduction_pct",
                       label="vermindering in de taper", lo=0, hi=100, unit="%")
    day = np.arange(7 * n_weeks)
    weekday = day % 7
    spread = np.floor(np.arange(per_week) * 7 / per_week).astype(int) if per_week else []
    daily = np.where(np.isin(weekday, spread), load, 0.0)
    if every:
        week = day // 7
        daily = np.where((week % every == every - 1) & (week < n_weeks - 1), daily / 2, daily)
    daily = np.where(day >= day.size - 1 - taper, daily * (1 - cut / 100), daily)
    daily[-1] = 0.0
    return daily


__all__ = ["MAX_DAYS", "MAX_LOAD", "impulse_response", "break_even_day", "peak_day", "Manager",
           "performance_manager", "training_plan"]
