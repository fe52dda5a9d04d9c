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

INPUTS = check.declare(
    check.Series("daily_load", "belasting per dag", 0, 1000, 3650),
    check.Number("k1", "winst van fitheid", 0.01, 10, 0.01, default=1.0),
    check.Number("k2", "winst van vermoeidheid", 0.01, 10, 0.01, default=2.0),
    check.Number("tau1_d", "tijdconstante van fitheid", 1, 100, 1, default=42.0, unit="dagen"),
    check.Number("tau2_d", "tijdconstante van vermoeidheid", 1, 100, 1, default=7.0, unit="dagen"),
    check.Number("p0", "beginprestatie", -10_000, 10_000, 1, default=0.0),
    check.Number("fitness_days", "tijdconstante van de fitheid", 1, 100, 1, default=42, unit="dagen"),
    check.Number("fatigue_days", "tijdconstante van de vermoeidheid", 1, 100, 1, default=7, unit="dagen"),
    check.Number("weeks", "weken tot de wedstrijd", 1, 52, 1, default=12, integer=True),
    check.Number("sessions_per_week", "trainingen per week", 0, 7, 1, default=4, integer=True),
    check.Number("session_load", "belasting per training", 0, 300, 10, default=80.0),
    check.Number("recovery_every", "herstelweek elke", 0, 8, 1, default=4, integer=True, unit="weken"),
    check.Number("taper_days", "taper vóór de wedstrijd", 0, 42, 1, default=0, integer=True, unit="dagen"),
    check.Number("taper_reduction_pct", "minder belasting in de taper", 0, 100, 5, default=50.0, unit="%"),
    check.Number("window_days", "periode voor de beste vorm", 1, 3650, 1, default=28, integer=True,
                 unit="dagen"),
)
"""The inputs of the fitness–fatigue models: a load series of up to ten years of days, each day's
load 0–1000 load units (e.g. TSS; 100 = one hour all-out); gains and time constants within the
ranges fitted to athletes (Vermeire et al. 2022); a training block of up to a year
(:func:`training_plan`); the period before the competition in which :meth:`Manager.race_day`
looks for the best form.
"""


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
    load = INPUTS["daily_load"](daily_load)
    gain1, gain2, tau1, tau2 = _constants(k1, k2, tau1_d, tau2_d)
    start = INPUTS["p0"](p0)
    fitness = _decay_sum(load, math.exp(-1 / tau1), today=False)
    fatigue = _decay_sum(load, math.exp(-1 / tau2), today=False)
    return start + gain1 * fitness - gain2 * fatigue


def _constants(k1, k2, tau1_d, tau2_d) -> tuple[float, float, float, float]:
    """The gains and time constants of :func:`impulse_response`, checked."""
    return INPUTS["k1"](k1), INPUTS["k2"](k2), INPUTS["tau1_d"](tau1_d), INPUTS["tau2_d"](tau2_d)


def _crossing(k1, k2, tau1_d, tau2_d, ratio):
    """Days ``ln(ratio(k1, k2, τ1, τ2))·τ1·τ2/(τ1 − τ2)`` after a single load (0 if negative)."""
    k1, k2, tau1_d, tau2_d = _constants(k1, k2, tau1_d, tau2_d)
    if tau1_d <= tau2_d:
        raise check.invalid("tau1_d, tau2_d", "tijdconstanten", f"{check.fmt(tau1_d)} en {check.fmt(tau2_d)} dagen",
                            "Fitheid moet langzamer verdwijnen dan vermoeidheid: kies tau1_d groter dan tau2_d.")
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
class RaceDay:
    """Where a block leaves an athlete on its last day, the competition day."""

    fitness: float
    """Fitness (CTL) on the morning of the race: yesterday's, the race's own load not yet counted."""
    fatigue: float
    """Fatigue (ATL) on the morning of the race, likewise."""
    form: float
    """Form (TSB) on the race day: positive, you start rested; negative, with fatigue."""
    best_form: float
    """Best form in the period before the race (``window_days``, the race day included)."""
    best_form_days_before: int
    """Days before the race of that best form (0: the race day itself; the first such day)."""
    top_fitness: float
    """Highest fitness of the whole block."""
    top_fitness_days_before: int
    """Days before the race of that highest fitness."""


@dataclass(frozen=True)
class Manager:
    """Performance Manager series, one value per day (arrays aligned with the load)."""

    fitness: np.ndarray
    """Chronic training load (CTL), load units per day."""
    fatigue: np.ndarray
    """Acute training load (ATL), load units per day."""
    form: np.ndarray
    """Training stress balance (TSB): yesterday's fitness minus yesterday's fatigue."""

    def race_day(self, window_days: int = 28) -> RaceDay:
        """Fitness, fatigue and form on the last day (the competition), and the best form before it.

        A taper aims to bring the best form of the last weeks onto the competition day (Bosquet et
        al. 2007: about two weeks); the best form of the last ``window_days`` days (1–3650, the race
        day included; default four weeks) shows whether it does, or came too early. Fitness and
        fatigue are those of the day before, as form is (Allen & Coggan 2010).

        References
        ----------
        allen2010, bosquet2007.

        Limits
        ------
        As :func:`performance_manager`: form says how far recent load lies below the long-term
        load, not how well anyone will race.
        """
        window = INPUTS["window_days"](window_days)
        last = self.form.size - 1
        best = int(np.argmax(self.form[max(last - window, 0):])) + max(last - window, 0)
        top = int(np.argmax(self.fitness))
        morning = (float(self.fitness[-2]), float(self.fatigue[-2])) if last else (0.0, 0.0)
        return RaceDay(fitness=morning[0], fatigue=morning[1], form=float(self.form[-1]),
                       best_form=float(self.form[best]), best_form_days_before=last - best,
                       top_fitness=float(self.fitness[top]), top_fitness_days_before=last - top)


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
    load = INPUTS["daily_load"](daily_load)
    n_fit = INPUTS["fitness_days"](fitness_days)
    n_fat = INPUTS["fatigue_days"](fatigue_days)
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
    n_weeks = INPUTS["weeks"](weeks)
    per_week = INPUTS["sessions_per_week"](sessions_per_week)
    load = INPUTS["session_load"](session_load)
    every = INPUTS["recovery_every"](recovery_every)
    if every == 1:
        raise check.invalid("recovery_every", INPUTS["recovery_every"].label, "1 week",
                            "Kies 0 (geen herstelweken) of een geheel getal tussen 2 en "
                            f"{check.fmt(INPUTS['recovery_every'].hi)} weken.")
    taper = INPUTS["taper_days"](taper_days, hi=min(INPUTS["taper_days"].hi, 7 * n_weeks))
    cut = INPUTS["taper_reduction_pct"](taper_reduction_pct)
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


__all__ = ["INPUTS", "impulse_response", "break_even_day", "peak_day", "RaceDay", "Manager",
           "performance_manager", "training_plan"]
