"""Training variables: estimating 1RM, loads for a repetition target, and the expected growth.

Three things a trainer works with daily:

* the one-repetition maximum (1RM) estimated from a set to failure, with the published
  formulas of Epley (1985) and Brzycki (1993), and the load that fits a repetition target
  (the exact inverse);
* the expected growth of a muscle's cross-section from weekly sets and load, a didactic
  dose-response curve calibrated to the meta-analysis of Schoenfeld et al. (2017) and the
  load study of Lasevicius et al. (2018);
* the hypertrophy guideline of the course (load, repetitions, weekly sets, rest,
  frequency), so a programme can be checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check

FORMULAS = {"epley": "Epley (1985)", "brzycki": "Brzycki (1993)"}
"""Supported 1RM formulas, with their Dutch description."""

MAX_REPS = {"epley": 15, "brzycki": 12}
"""Highest repetition count each formula accepts.

Both formulas were derived for sets of few repetitions to failure and lose accuracy as the
count rises (Whisenant et al. 2003: less valid the more repetitions). Brzycki's 36/(37 − r)
diverges as r approaches 37; at 12 repetitions it already exceeds Epley. The limits are the
course's didactic choice: Epley up to 15, the end of the NSCA %1RM table (Baechle & Earle
2008); Brzycki up to 12, where the two formulas still differ by less than 3%.
"""


def _reps(reps, formula):
    f = check.choice(formula, name="formula", label="formule", options=FORMULAS)
    r = check.number(reps, name="reps", label=f"herhalingen ({FORMULAS[f]})", lo=1,
                     hi=MAX_REPS[f], integer=True, array=True)
    return f, np.asarray(r, dtype=float)


def _one_rm_factor(r, formula: str):
    """1RM divided by the weight lifted ``r`` times to failure."""
    if formula == "epley":
        return 1 + r / 30
    return 36 / (37 - r)


def one_rm(weight_kg, reps, formula: str = "epley"):
    """Estimated one-repetition maximum from a set taken to failure.

    Parameters
    ----------
    weight_kg : float or array_like
        Weight lifted, 1–500 kg.
    reps : int or array_like of int
        Repetitions completed to failure: 1–15 (Epley) or 1–12 (Brzycki); see
        :data:`MAX_REPS`.
    formula : {"epley", "brzycki"}
        Epley: 1RM = w·(1 + r/30). Brzycki: 1RM = w·36/(37 − r).

    Returns
    -------
    float or ndarray
        Estimated 1RM in kg.

    References
    ----------
    epley1985, brzycki1993, whisenant2003, baechle2008.

    Limits
    ------
    Population averages for trained and untrained adults in free-weight lifts; the error for
    one person is often 5–10% and grows with the repetition count, differs between exercises
    and is larger for endurance-trained people. Epley at one repetition returns 3.3% more than
    was lifted, a quirk of the formula kept as published.
    """
    f, r = _reps(reps, formula)
    w = check.number(weight_kg, name="weight_kg", label="gewicht", lo=1, hi=500, unit="kg", array=True)
    return check.plain(w * _one_rm_factor(r, f))


def load_for_reps(one_rm_kg, reps, formula: str = "epley"):
    """Weight (kg) that can be lifted ``reps`` times to failure: the exact inverse of :func:`one_rm`.

    Parameters
    ----------
    one_rm_kg : float or array_like
        One-repetition maximum, 1–600 kg.
    reps : int or array_like of int
        Repetition target, within the formula's range (:data:`MAX_REPS`).
    formula : {"epley", "brzycki"}

    References
    ----------
    epley1985, brzycki1993.

    Limits
    ------
    As :func:`one_rm`.
    """
    f, r = _reps(reps, formula)
    m = check.number(one_rm_kg, name="one_rm_kg", label="1RM", lo=1, hi=600, unit="kg", array=True)
    return check.plain(m / _one_rm_factor(r, f))


@dataclass(frozen=True)
class GrowthParameters:
    """Constants of :func:`hypertrophy_gain_pct`, with their sources.

    Volume: a saturating curve ``max_gain_pct · s / (s + half_sets)`` through the lowest and
    highest volume category of Schoenfeld et al. (2017, their Table 2), taken at a
    representative set count: < 5 sets per muscle per week (2.5 sets) 5.4%, 10+ sets
    (15 sets) 9.8%. The three-category effect was only a trend (P = 0.074); per extra
    weekly set the meta-regression found +0.37%. The pooled studies lasted mostly 8–12
    weeks; the model reads the gains as ``reference_weeks``-week gains (an assumption).
    Near 10 sets the curve rises ~0.25% per extra weekly set and flattens beyond 20, where
    studies are few.

    Load: a logistic curve in % 1RM, 1 at high loads, reaching half at ``half_load_pct``; with
    sets to failure growth is about equal from ~30–40% 1RM upwards (Schoenfeld et al. 2017b)
    but much smaller at 20% (Lasevicius et al. 2018).

    Duration: growth slows as training continues (time constant ``slowing_weeks``, assumed),
    so a year gives about 2.3 times the 12-week gain, not 4 times.
    """

    max_gain_pct: float = 11.71
    half_sets: float = 2.92
    reference_weeks: float = 12.0
    half_load_pct: float = 20.0
    load_width_pct: float = 5.0
    slowing_weeks: float = 26.0


GROWTH = GrowthParameters()


def _volume_gain(s, p: GrowthParameters):
    return p.max_gain_pct * s / (s + p.half_sets)


def _load_factor(load, p: GrowthParameters):
    def logistic(x):
        return 1 / (1 + np.exp(-(x - p.half_load_pct) / p.load_width_pct))

    return logistic(load) / logistic(100.0)


def _time_factor(weeks, p: GrowthParameters):
    return np.expm1(-weeks / p.slowing_weeks) / np.expm1(-p.reference_weeks / p.slowing_weeks)


def hypertrophy_gain_pct(weekly_sets, *, load_pct_1rm=75, weeks=12,
                         params: GrowthParameters = GROWTH):
    """Expected growth of a muscle's cross-section, in %, for sets taken (close) to failure.

    Parameters
    ----------
    weekly_sets : float or array_like
        Hard sets per muscle group per week, 0–40.
    load_pct_1rm : float or array_like
        Load in % of 1RM, 20–100.
    weeks : float or array_like
        Duration of the programme in weeks, 0–52.
    params : GrowthParameters

    Returns
    -------
    float or ndarray
        Expected growth in % of the starting cross-section (broadcast over the inputs).

    References
    ----------
    schoenfeld2017volume, schoenfeld2017load, lasevicius2018.

    Limits
    ------
    An average for untrained to moderately trained adults with enough protein and sleep.
    People differ greatly (some barely grow: see the chapter on satellite cells). Leaves out
    training status, age, sex, frequency (which matters little when weekly volume is equal),
    rest, exercise choice and how close to failure the sets go: the curves assume sets to
    (near) failure. Above ~20 weekly sets the studies are few and disagree.
    """
    s = check.number(weekly_sets, name="weekly_sets", label="sets per week", lo=0, hi=40, array=True)
    load = check.number(load_pct_1rm, name="load_pct_1rm", label="belasting", lo=20, hi=100,
                        unit="% 1RM", array=True)
    w = check.number(weeks, name="weeks", label="duur", lo=0, hi=52, unit="weken", array=True)
    return check.plain(_volume_gain(s, params) * _load_factor(load, params) * _time_factor(w, params))


@dataclass(frozen=True)
class Range:
    """One variable of the guideline: its advised range and what the value is."""

    key: str
    value: float
    low: float
    high: float

    @property
    def status(self) -> str:
        """"low", "ok" or "high"."""
        return "low" if self.value < self.low else "high" if self.value > self.high else "ok"


GUIDELINE = {
    # key: (low, high). Course guideline for hypertrophy (COURSE.md §1), a guide, not a law.
    "load_pct_1rm": (65, 85),      # Baechle & Earle 2008; low loads to failure also work (Schoenfeld 2017b)
    "reps": (6, 15),               # the repetitions that fit 65-85% 1RM to failure (NSCA table)
    "weekly_sets": (10, 20),       # Schoenfeld 2017 dose-response
    "rest_s": (30, 90),            # commonly advised; longer rest allows more volume (Schoenfeld 2016)
    "sessions_per_week": (2, 3),   # per muscle group (Schoenfeld 2016 frequency)
}
"""Advised range per programme variable: the course's hypertrophy guideline."""

_GUIDELINE_INPUT = {
    "load_pct_1rm": ("belasting", 20, 100, "% 1RM", False),
    "reps": ("herhalingen per set", 1, 50, "", True),
    "weekly_sets": ("sets per week", 0, 40, "", False),
    "rest_s": ("rustpauze", 0, 600, "s", False),
    "sessions_per_week": ("trainingen per week", 1, 7, "", True),
}


def guideline_check(**programme) -> dict[str, Range]:
    """Compare a programme with :data:`GUIDELINE`.

    Takes any of the keywords ``load_pct_1rm``, ``reps``, ``weekly_sets``, ``rest_s``,
    ``sessions_per_week`` (per muscle group) and returns a :class:`Range` per keyword given.

    References
    ----------
    baechle2008, schoenfeld2017volume, schoenfeld2017load, schoenfeld2016rest,
    schoenfeld2016freq.
    """
    out = {}
    for key, value in programme.items():
        if key not in _GUIDELINE_INPUT:
            raise check.InputError(f"Onbekende programmavariabele {key!r}. Kies uit "
                                   f"{', '.join(_GUIDELINE_INPUT)}.")
        label, lo, hi, unit, integer = _GUIDELINE_INPUT[key]
        v = check.number(value, name=key, label=label, lo=lo, hi=hi, unit=unit, integer=integer)
        out[key] = Range(key, v, *GUIDELINE[key])
    return out


__all__ = ["FORMULAS", "MAX_REPS", "GUIDELINE", "GROWTH", "GrowthParameters", "Range",
           "one_rm", "load_for_reps", "hypertrophy_gain_pct", "guideline_check"]
