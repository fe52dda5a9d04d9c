"""Training variables: estimating 1RM, loads for a repetition target, and the expected growth.

Three things a trainer works with daily:

* the one-repetition maximum (1RM) estimated from a set to failure, with the published
  formulas of Epley (1985) and Brzycki (1993), and the load that fits a repetition target
  (the exact inverse);
* the expected growth of a muscle's cross-section from weekly sets, load and how close to
  failure the sets end, a didactic dose-response curve calibrated to the meta-analysis of
  Schoenfeld et al. (2017) with the shape of Pelland et al. (2024), the load study of
  Lasevicius et al. (2018) and the proximity-to-failure analyses of Robinson et al. (2024)
  and Refalo et al. (2023);
* the hypertrophy guideline of the course (load, repetitions, repetitions in reserve,
  weekly sets, rest, frequency), so a programme can be checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from edu import datasets
from edu import validation as check

FORMULAS = {"epley": "Epley (1985)", "brzycki": "Brzycki (1993)"}
"""Supported 1RM formulas, with their Dutch description."""

MAX_REPS = {"epley": 15, "brzycki": 12}
"""Highest repetition count each formula accepts.

Both formulas were derived for sets of few repetitions to failure and lose accuracy as the
count rises (Whisenant et al. 2003: less valid the more repetitions). Brzycki's 36/(37 − r)
diverges as r approaches 37; at 12 repetitions it already exceeds Epley. The limits are the
course's didactic choice: Epley up to 15, the end of the NSCA %1RM table (Baechle & Earle
2008); Brzycki up to 12, where the two formulas still differ by less than 3%. They narrow the
range of ``reps`` in :data:`INPUTS` for :func:`one_rm` and :func:`load_for_reps`.
"""

INPUTS = check.declare(
    check.Number("weight_kg", "gewicht", 1, 500, 2.5, unit="kg", array=True),
    check.Number("reps", "herhalingen per set", 1, 50, 1, integer=True, array=True),
    check.Choice("formula", "formule", FORMULAS, default="epley"),
    check.Number("one_rm_kg", "1RM", 1, 600, 2.5, unit="kg", array=True),
    check.Number("weekly_sets", "sets per spiergroep per week", 0, 40, 1, array=True),
    check.Number("load_pct_1rm", "belasting", 20, 100, 5, default=75, unit="% 1RM", array=True),
    check.Number("weeks", "duur van het programma", 0, 52, 1, default=12, unit="weken", array=True),
    check.Number("reps_in_reserve", "herhalingen in reserve", 0, 5, 1, default=0, array=True),
    check.Number("rest_s", "rust tussen sets", 0, 600, 15, unit="s"),
    check.Number("sessions_per_week", "trainingen per spiergroep per week", 1, 7, 1, integer=True),
)
"""The inputs of the training models (keywords of their functions and the programme variables of
:func:`guideline_check`).

Repetitions: up to 50 in a programme; a 1RM formula accepts fewer (:data:`MAX_REPS`). Repetitions
in reserve up to 5, where most of the studies of :class:`GrowthParameters` lie.
"""


def _reps(reps, formula):
    f = INPUTS["formula"](formula)
    r = INPUTS["reps"](reps, hi=MAX_REPS[f], label=f"herhalingen ({FORMULAS[f]})")
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
    w = INPUTS["weight_kg"](weight_kg)
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
    m = INPUTS["one_rm_kg"](one_rm_kg)
    return check.plain(m / _one_rm_factor(r, f))


@dataclass(frozen=True)
class GrowthParameters:
    """Constants of :func:`hypertrophy_gain_pct`, with their sources.

    Volume: more weekly sets give more growth with diminishing returns and no ceiling
    (Pelland et al. 2024, meta-regressions over 67 studies, a preprint not yet peer
    reviewed: growth rose with every extra set, each set adding less). The model uses the
    power curve ``reference_gain_pct · (s / reference_sets) ** volume_exponent`` (the form is
    assumed; it has both properties) through the lowest and highest volume category of
    Schoenfeld et al. (2017, their Table 2), taken at a representative set count: < 5 sets
    per muscle per week (2.5 sets) 5.4%, 10+ sets (15 sets) 9.8%; ``volume_exponent`` is
    fitted to these two points. The three-category effect was only a trend (P = 0.074); per
    extra weekly set the meta-regression found +0.37%, and near 10 sets the curve rises
    ~0.3% per set. The pooled studies lasted mostly 8–12 weeks; the model reads the gains as
    ``reference_weeks``-week gains (an assumption). Above ~20 weekly sets studies are few.

    Load: a logistic curve in % 1RM, 1 at high loads, reaching half at ``half_load_pct``; with
    sets to failure growth is about equal from ~30–40% 1RM upwards (Schoenfeld et al. 2017b)
    but much smaller at 20% (Lasevicius et al. 2018).

    Proximity to failure: growth falls as sets end further from failure (Robinson et al.
    2024, meta-regressions with repetitions in reserve (RIR) estimated per study), but
    failure versus stopping a few repetitions short made only a trivial difference (Refalo
    et al. 2023: effect size 0.19). The model multiplies growth by ``e^(−RIR / rir_scale)``;
    ``rir_scale`` 25 repetitions is assumed (about 4% less growth per repetition in reserve,
    so 1–3 RIR cost 4–11%: small, as Refalo et al. found; the size of Robinson's slope is
    not taken from the paper). Defined for 0–5 RIR, where most of the studies lie (:data:`INPUTS`).

    Duration: growth slows as training continues (time constant ``slowing_weeks``, assumed),
    so a year gives about 2.3 times the 12-week gain, not 4 times.
    """

    reference_gain_pct: float = 9.8
    reference_sets: float = 15.0
    volume_exponent: float = 0.3326
    reference_weeks: float = 12.0
    half_load_pct: float = 20.0
    load_width_pct: float = 5.0
    rir_scale: float = 25.0
    slowing_weeks: float = 26.0


GROWTH = GrowthParameters()


def _volume_gain(s, p: GrowthParameters):
    return p.reference_gain_pct * (s / p.reference_sets) ** p.volume_exponent


def _load_factor(load, p: GrowthParameters):
    def logistic(x):
        return 1 / (1 + np.exp(-(x - p.half_load_pct) / p.load_width_pct))

    return logistic(load) / logistic(100.0)


def _time_factor(weeks, p: GrowthParameters):
    return np.expm1(-weeks / p.slowing_weeks) / np.expm1(-p.reference_weeks / p.slowing_weeks)


def proximity_factor(reps_in_reserve, *, params: GrowthParameters = GROWTH):
    """Growth with sets ending ``reps_in_reserve`` repetitions short of failure, as a fraction of
    the growth with sets to failure.

    Parameters
    ----------
    reps_in_reserve : float or array_like
        Repetitions that could still have been done at the end of each set (RIR), 0–5.
    params : GrowthParameters

    Returns
    -------
    float or ndarray
        1 for sets to failure, a little less for every repetition in reserve.

    References
    ----------
    robinson2024, refalo2023.

    Limits
    ------
    An average over loads; with light loads, stopping far from failure probably costs more.
    People misjudge their RIR, most by underestimating how many repetitions they have left.
    """
    return check.plain(np.exp(-INPUTS["reps_in_reserve"](reps_in_reserve) / params.rir_scale))


def hypertrophy_gain_pct(weekly_sets, *, load_pct_1rm=75, weeks=12, reps_in_reserve=0,
                         params: GrowthParameters = GROWTH):
    """Expected growth of a muscle's cross-section, in %, for hard sets.

    Parameters
    ----------
    weekly_sets : float or array_like
        Hard sets per muscle group per week, 0–40.
    load_pct_1rm : float or array_like
        Load in % of 1RM, 20–100.
    weeks : float or array_like
        Duration of the programme in weeks, 0–52.
    reps_in_reserve : float or array_like
        Repetitions left at the end of each set (RIR), 0–5; 0 is a set to failure.
    params : GrowthParameters

    Returns
    -------
    float or ndarray
        Expected growth in % of the starting cross-section (broadcast over the inputs).

    References
    ----------
    schoenfeld2017volume, pelland2024, schoenfeld2017load, lasevicius2018, robinson2024,
    refalo2023.

    Limits
    ------
    An average for untrained to moderately trained adults with enough protein and sleep.
    People differ greatly (some barely grow: see the chapter on satellite cells). Leaves out
    training status, age, frequency (which hardly matters when weekly volume is equal:
    Schoenfeld, Grgic & Krieger 2019; Pelland et al. 2024), rest and exercise choice.
    Women and men grow about equally in relative terms (Roberts et al. 2020), so sex is not
    an input. Above ~20 weekly sets the studies are few; the curve there is an
    extrapolation of a trend, and recovery and time become the limit.
    """
    s = INPUTS["weekly_sets"](weekly_sets)
    load = INPUTS["load_pct_1rm"](load_pct_1rm)
    w = INPUTS["weeks"](weeks)
    proximity = proximity_factor(reps_in_reserve, params=params)
    return check.plain(_volume_gain(s, params) * _load_factor(load, params) * proximity
                       * _time_factor(w, params))


def growth_relative_to_heavy_pct(load_pct_1rm, *, params: GrowthParameters = GROWTH):
    """Growth with sets to (near) failure at ``load_pct_1rm``, in % of the growth at 100% 1RM.

    The same for any volume, duration and proximity to failure: :func:`hypertrophy_gain_pct`
    multiplies the load's effect with theirs.

    Parameters
    ----------
    load_pct_1rm : float or array_like
        Load in % of 1RM, 20–100.
    params : GrowthParameters

    Returns
    -------
    float or ndarray
        About 100 from ~40% 1RM upwards, much less at 20% 1RM.

    References
    ----------
    schoenfeld2017load, lasevicius2018.

    Limits
    ------
    As :func:`hypertrophy_gain_pct`. Equal growth does not mean equal strength: heavy loads
    raise the 1RM more (Schoenfeld et al. 2017b).
    """
    return check.plain(100 * _load_factor(INPUTS["load_pct_1rm"](load_pct_1rm), params))


def measured_relative_to_heavy_pct() -> dict[float, float]:
    """Growth measured at each load, in % of the mean growth at the heavier loads (Lasevicius et al. 2018).

    Lasevicius et al. (2018) trained to failure at 20, 40, 60 and 80% 1RM with equal volume for
    12 weeks; the vastus lateralis grew about equally from 40% upwards. Each load's growth is
    divided by the mean of the groups from 40% 1RM up, the loads at which growth no longer
    depends on the load: what :func:`growth_relative_to_heavy_pct` models.

    Returns
    -------
    dict
        Load (% 1RM) → growth in % of the heavier loads' mean.

    References
    ----------
    lasevicius2018.

    Limits
    ------
    One study of 30 young men, one muscle (the elbow flexors grew alike).
    """
    rows = datasets.load("lasevicius2018")
    heavy = np.mean([r["vl_csa_pct"] for r in rows if r["load_pct_1rm"] >= 40])
    return {r["load_pct_1rm"]: float(100 * r["vl_csa_pct"] / heavy) for r in rows}


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
    # key: (low, high). Course guideline for hypertrophy (COURSE.md §1 and its corrections), a guide, not a law.
    "load_pct_1rm": (65, 85),      # Baechle & Earle 2008; low loads to failure also work (Schoenfeld 2017b)
    "reps": (6, 15),               # the repetitions that fit 65-85% 1RM to failure (NSCA table)
    "reps_in_reserve": (0, 3),     # close to failure; 1-3 short costs little (Refalo 2023; Robinson 2024)
    "weekly_sets": (10, 20),       # Schoenfeld 2017 dose-response; more can add a little (Pelland 2024)
    "rest_s": (60, 180),           # Schoenfeld 2016 (3 min > 1 min); Singer 2024 (> 60 s, little gain beyond ~90 s)
    "sessions_per_week": (2, 3),   # per muscle group; spreads the volume (Schoenfeld, Grgic & Krieger 2019)
}
"""Advised range per programme variable: the course's hypertrophy guideline."""

def guideline_check(**programme) -> dict[str, Range]:
    """Compare a programme with :data:`GUIDELINE`.

    Takes any of the keywords ``load_pct_1rm``, ``reps``, ``reps_in_reserve``, ``weekly_sets``,
    ``rest_s``, ``sessions_per_week`` (per muscle group) and returns a :class:`Range` per
    keyword given, each value checked against :data:`INPUTS` (one number).

    References
    ----------
    baechle2008, schoenfeld2017volume, pelland2024, schoenfeld2017load, refalo2023,
    robinson2024, schoenfeld2016rest, singer2024, schoenfeld2019freq.
    """
    out = {}
    for key, value in programme.items():
        if key not in GUIDELINE:
            raise check.InputError(f"Onbekende programmavariabele {key!r}. Kies uit {', '.join(GUIDELINE)}.")
        out[key] = Range(key, replace(INPUTS[key], array=False)(value), *GUIDELINE[key])
    return out


__all__ = ["FORMULAS", "MAX_REPS", "INPUTS", "GUIDELINE", "GROWTH", "GrowthParameters", "Range", "one_rm",
           "load_for_reps", "proximity_factor", "hypertrophy_gain_pct", "growth_relative_to_heavy_pct",
           "measured_relative_to_heavy_pct", "guideline_check"]
