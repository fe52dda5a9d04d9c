"""Muscle protein synthesis and breakdown after a training session and protein-rich meals.

A muscle grows when, over days, it builds more protein than it breaks down. This didactic
model gives the rate of muscle protein synthesis (MPS) and breakdown (MPB) over time,
each as a multiple of its resting, fasted rate, and the net balance (synthesis minus
breakdown, in units of the resting fasted synthesis rate):

* a session raises synthesis for one to two days: a rise within hours, then an
  exponential return (Phillips et al. 1997, fasted: +112% at 3 h, +65% at 24 h, +34% at
  48 h; Chesley et al. 1992). Breakdown rises too, less and for a shorter time (Phillips
  et al. 1997), so without food the net balance stays negative (Phillips et al. 1997, 1999);
* a meal with protein raises synthesis for a few hours, by an amount that saturates with
  the dose (Moore et al. 2009); a larger dose keeps it raised for longer (Trommelen et al.
  2023: 100 g after whole-body exercise gave a larger and longer response than 25 g, for
  more than 12 h). The exercised muscle responds more, since the two effects multiply
  (Tipton et al. 1999: amino acids after exercise turned a negative net balance positive);
* older muscle responds less to exercise and needs more protein per meal for the same
  response (anabolic resistance: Kumar et al. 2009; Moore et al. 2015).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from edu import validation as check


@dataclass(frozen=True)
class Meals(check.Series):
    """Meals as (time, protein) pairs: at most ``max_len`` meals, each at a time within ``times``'s
    range, with a dose within ``[lo, hi]`` ``unit``.

    A :class:`~edu.validation.Series` of pairs rather than of numbers; calling it checks a list of
    meals and returns it as (float, float) pairs.
    """

    times: check.Number | None = None

    def __call__(self, value) -> list[tuple[float, float]]:
        try:
            pairs = [tuple(m) for m in value]
        except TypeError:
            pairs = [None]
        if len(pairs) > self.max_len or any(m is None or len(m) != 2 for m in pairs):
            raise check.invalid(self.name, self.label, repr(value),
                                f"Geef een lijst van hoogstens {self.max_len} maaltijden, elk als (tijdstip in "
                                "uren, eiwit in g), bijvoorbeeld [(1, 20), (5, 30)].")
        at = replace(self.times, name=self.name, label="tijdstip van de maaltijd", array=False)
        return [(at(t), check.number(g, name=self.name, label="eiwit in de maaltijd", lo=self.lo, hi=self.hi,
                                     unit=self.unit)) for t, g in pairs]


_TIME = check.Number("t_h", "tijd", -48, 96, 0.1, unit="uur", array=True)
_DOSE = check.Number("protein_g", "eiwit per maaltijd", 0, 100, 5, unit="g", array=True)

INPUTS = check.declare(
    _TIME,
    check.Number("session_at_h", "tijdstip van de training", -48, 96, 1, default=0.0, unit="uur", optional=True),
    _DOSE,
    Meals("meals", "maaltijden", _DOSE.lo, _DOSE.hi, 36, _DOSE.unit, times=_TIME),
    check.Number("body_mass_kg", "lichaamsgewicht", 40, 150, 1, default=80, unit="kg"),
    check.Number("age_years", "leeftijd", 18, 90, 1, default=25, unit="jaar"),
    check.Number("period_h", "periode", 1, 96, 1, unit="uur"),
)
"""The inputs of the protein model (keywords of its functions).

A meal's time lies on the clock of ``t_h`` and its dose in the range of ``protein_g``; up to 36
meals, six a day over the clock's six days. A period (``period_h``) starts at 0 h, so it ends
within the clock's 96 h.
"""

STEP_H = 0.1
"""Time step (h) of the grid on which :func:`net_balance` sums the balance."""


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with their sources.

    Exercise, synthesis: ``exercise_synthesis · (e^(−s/decay) − e^(−s/rise))`` for ``s`` hours
    after the session, with ``rise_h`` 1 h (assumed) and ``synthesis_decay_h`` 38 h, the
    single exponential through Phillips et al. (1997): +112% at 3 h, +65% at 24 h, +34% at
    48 h; ``exercise_synthesis`` 1.28 puts the curve through those points.

    Exercise, breakdown: same shape, +31% at 3 h and +18% at 24 h, the values attributed to
    Phillips et al. (1997) but not confirmed from its abstract (assumed); the size matches
    the +37% rise of breakdown in untrained people of Phillips et al. (1999).

    Fasted balance: resting fasted breakdown exceeds synthesis; ``breakdown_to_synthesis``
    is chosen so the net balance stays negative after exercise without food, as Phillips
    et al. (1997, 1999) measured.

    Meals: a pulse ``(s/peak)^2 · e^(2(1 − s/peak))`` peaking ``meal_peak_h`` = 1.5 h after the
    meal and nearly gone after 5 h, scaled so its mean over the first 4 h equals the dose
    response (Moore et al. 2009 measured synthesis over 4 h after the drink; about 20 g
    gives a maximal response for ~5 h: Areta et al. 2013).

    Duration: protein beyond the saturating dose does not raise the first 4 h further but
    keeps synthesis raised for longer. After ``meal_window_h`` the pulse holds its 4-h value
    (about a quarter of its peak) for ``hold_h_per_g`` hours per gram above the saturating
    dose, then fades as before. ``hold_h_per_g`` 0.1 h/g is fitted so that 100 g keeps
    synthesis raised for more than 12 h in a young man of 80 kg (Trommelen et al. 2023,
    young men after whole-body exercise, 0, 25 or 100 g milk protein: a larger and longer
    anabolic response with 100 g, more than 12 h, with negligible extra amino-acid
    oxidation). The model then gives 100 g about a sixth more synthesis than 25 g over the
    first 12 h and nearly the same in the first 4 h; that the difference lies in the later
    hours is from secondary sources, its size is the model's. ``raised_fraction`` 0.1
    (assumed): a meal's effect counts as over once it is below 10% of its peak
    (:func:`meal_effect_h`).

    Dose response: ``max_dose_response · (1 − e^(−dose/scale))``, with the scale set so that
    90% of the maximum is reached at the saturating dose per kg body mass: 0.24 g/kg for
    young and 0.40 g/kg for older adults (Moore et al. 2015, young ~22 y and older ~71 y;
    linear in between; older men also gained more from 40 than from 20 g: Yang et al. 2012).
    ``max_dose_response`` 1.0: Moore et al. (2009) measured +37, +56 and +97% at 5, 10 and
    20 g egg protein and no further rise at 40 g (young men, ~86 kg; Witard et al. 2014
    likewise found 20 g enough for young men). At 40 g Moore et al. (2009) measured more
    whole-body leucine oxidation, a sign that part of the extra protein was burned; how much
    of the rest was used elsewhere they did not measure.

    Age: the exercise response of synthesis falls linearly from ``young_age`` to
    ``old_age`` to ``old_exercise_factor`` of the young response (Kumar et al. 2009: a
    blunted response in men of 70 at every intensity; the factor 0.6 is read as an order
    of magnitude, not from a table).

    Protein per day: ``daily_low_g_per_kg`` 1.4 to ``daily_high_g_per_kg`` 2.0 g per kg body
    mass, the range the International Society of Sports Nutrition advises for people who
    train (Jäger et al. 2017); ``daily_plateau_g_per_kg`` 1.6 g/kg, the intake beyond which
    extra protein added no more lean mass in the meta-regression of Morton et al. (2018, 49
    studies; 95% confidence interval 1.0–2.2 g/kg).
    """

    exercise_synthesis: float = 1.28
    exercise_breakdown: float = 0.36
    rise_h: float = 1.0
    synthesis_decay_h: float = 38.0
    breakdown_decay_h: float = 35.0
    breakdown_to_synthesis: float = 1.7
    meal_peak_h: float = 1.5
    meal_window_h: float = 4.0
    hold_h_per_g: float = 0.1
    raised_fraction: float = 0.1
    max_dose_response: float = 1.0
    saturation_young_g_per_kg: float = 0.24
    saturation_old_g_per_kg: float = 0.40
    saturation_fraction: float = 0.9
    young_age: float = 22.0
    old_age: float = 71.0
    old_exercise_factor: float = 0.6
    daily_low_g_per_kg: float = 1.4
    daily_high_g_per_kg: float = 2.0
    daily_plateau_g_per_kg: float = 1.6


PARAMS = Parameters()


@dataclass(frozen=True)
class Turnover:
    """Protein turnover of the muscle at the requested times (arrays aligned with ``t_h``)."""

    t_h: np.ndarray
    synthesis: np.ndarray
    """Muscle protein synthesis, multiple of the resting fasted rate."""
    breakdown: np.ndarray
    """Muscle protein breakdown, multiple of the resting fasted rate."""
    net: np.ndarray
    """Synthesis minus breakdown, in units of the resting fasted synthesis rate."""


def saturating_dose_g(*, body_mass_kg=80, age_years=25, params: Parameters = PARAMS) -> float:
    """Protein per meal (g) giving 90% of the maximal synthesis response (Moore et al. 2015)."""
    mass, age = INPUTS["body_mass_kg"](body_mass_kg), INPUTS["age_years"](age_years)
    ages = (params.young_age, params.old_age)
    per_kg = np.interp(age, ages, (params.saturation_young_g_per_kg, params.saturation_old_g_per_kg))
    return float(per_kg * mass)


@dataclass(frozen=True)
class DailyProtein:
    """Protein per day for a person who trains, in g (:func:`daily_protein_g`)."""

    low_g: float
    """Lower end of the advised range."""
    high_g: float
    """Upper end of the advised range."""
    plateau_g: float
    """The intake beyond which extra protein added no more lean mass, on average."""


def daily_protein_g(*, body_mass_kg=80, params: Parameters = PARAMS) -> DailyProtein:
    """Protein per day advised for a person who trains, and where more stops adding muscle.

    Parameters
    ----------
    body_mass_kg : float
        Body mass, 40–150 kg.
    params : Parameters

    Returns
    -------
    DailyProtein
        ``.low_g`` and ``.high_g``, the advised range (1.4–2.0 g/kg), and ``.plateau_g`` (1.6 g/kg).

    References
    ----------
    jager2017, morton2018.

    Limits
    ------
    Averages over healthy adults who train; the plateau varies between people (1.0–2.2 g/kg).
    Kidney disease or a prescribed diet is a matter for a physician or dietitian.
    """
    mass = INPUTS["body_mass_kg"](body_mass_kg)
    return DailyProtein(low_g=params.daily_low_g_per_kg * mass, high_g=params.daily_high_g_per_kg * mass,
                        plateau_g=params.daily_plateau_g_per_kg * mass)


def dose_response(protein_g, *, body_mass_kg=80, age_years=25, params: Parameters = PARAMS):
    """Extra muscle protein synthesis after exercise for a protein dose, as a fraction over 0 g.

    Parameters
    ----------
    protein_g : float or array_like
        High-quality protein in one meal, 0–100 g.
    body_mass_kg : float
        Body mass, 40–150 kg.
    age_years : float
        Age, 18–90 years.

    Returns
    -------
    float or ndarray
        E.g. 0.97 means synthesis 97% higher than after the same session without protein.

    References
    ----------
    moore2009, moore2015, witard2014, yang2012, macnaughton2016, trommelen2023.

    Limits
    ------
    The mean rise over the first 4 h for a fast, leucine-rich protein (whey, egg) after leg
    exercise; larger doses act longer (:func:`meal_effect_h`), not more strongly. Leaves out
    the protein source, mixed meals, and more muscle trained at once: after whole-body
    exercise 40 g gave more synthesis than 20 g (Macnaughton et al. 2016), which the model
    gives only through the longer action.
    """
    dose = INPUTS["protein_g"](protein_g)
    saturating = saturating_dose_g(body_mass_kg=body_mass_kg, age_years=age_years, params=params)
    scale = saturating / -np.log1p(-params.saturation_fraction)
    return check.plain(params.max_dose_response * -np.expm1(-np.asarray(dose, dtype=float) / scale))


def dose_share_pct(protein_g, *, body_mass_kg=80, age_years=25, params: Parameters = PARAMS):
    """Extra synthesis after a protein dose, in % of the largest extra synthesis any dose gives.

    Parameters
    ----------
    protein_g : float or array_like
        High-quality protein in one meal, 0–100 g.
    body_mass_kg : float
        Body mass, 40–150 kg.
    age_years : float
        Age, 18–90 years.

    Returns
    -------
    float or ndarray
        90 at the saturating dose (:func:`saturating_dose_g`), approaching 100 above it.

    References
    ----------
    moore2009, moore2015.

    Limits
    ------
    As :func:`dose_response`: the first 4 h; a larger dose adds duration, not height.
    """
    response = dose_response(protein_g, body_mass_kg=body_mass_kg, age_years=age_years, params=params)
    return check.plain(100 * np.asarray(response) / params.max_dose_response)


def _hold_h(dose, mass, age, p: Parameters):
    """Hours the meal effect is held beyond ``meal_window_h``: 0 up to the saturating dose."""
    saturating = saturating_dose_g(body_mass_kg=mass, age_years=age, params=p)
    return p.hold_h_per_g * np.maximum(np.asarray(dose, dtype=float) - saturating, 0.0)


def meal_effect_h(protein_g, *, body_mass_kg=80, age_years=25, params: Parameters = PARAMS):
    """Hours after a meal during which its effect on synthesis is at least 10% of its peak.

    Parameters
    ----------
    protein_g : float or array_like
        High-quality protein in one meal, 0–100 g.
    body_mass_kg : float
        Body mass, 40–150 kg.
    age_years : float
        Age, 18–90 years.

    Returns
    -------
    float or ndarray
        About 5 h up to the saturating dose, longer for larger doses (0 for 0 g).

    References
    ----------
    trommelen2023, areta2013, moore2009.

    Limits
    ------
    As :func:`synthesis_response`; how long a meal acts also depends on the protein source
    and the rest of the meal, which the model leaves out.
    """
    dose = INPUTS["protein_g"](protein_g)
    mass, age = INPUTS["body_mass_kg"](body_mass_kg), INPUTS["age_years"](age_years)
    after_peak = np.linspace(params.meal_peak_h, 10 * params.meal_peak_h, 9001)
    fading = after_peak[np.argmax(_shape(after_peak, params) < params.raised_fraction)]
    hours = np.where(np.asarray(dose) > 0, fading + _hold_h(dose, mass, age, params), 0.0)
    return check.plain(hours)


def _shape(s, p: Parameters):
    """Meal pulse ``s`` hours after the meal, 1 at its peak (``meal_peak_h``), 0 before the meal."""
    x = np.maximum(s, 0.0) / p.meal_peak_h
    return x ** 2 * np.exp(2 * (1 - x))


def _after(s, amplitude, decay_h, p: Parameters):
    """Rise-and-decay response ``s`` hours after an event (0 before it)."""
    s = np.maximum(s, 0.0)
    return amplitude * (np.exp(-s / decay_h) - np.exp(-s / p.rise_h))


def _meal_pulse(s, hold_h, p: Parameters):
    """Time course of one meal's effect: mean 1 over the first ``meal_window_h`` hours, then its
    value at ``meal_window_h`` held for ``hold_h`` hours before it fades."""
    grid = np.linspace(0.0, p.meal_window_h, 801)
    held = np.where(s <= p.meal_window_h, s, np.maximum(p.meal_window_h, s - hold_h))
    return _shape(held, p) / np.mean(_shape(grid, p))


def _meals(meals, mass, age, p: Parameters):
    """Each meal's time, synthesis response and hold (h)."""
    return [(at, dose_response(dose, body_mass_kg=mass, age_years=age, params=p), float(_hold_h(dose, mass, age, p)))
            for at, dose in INPUTS["meals"](meals)]


def synthesis_response(t_h, *, session_at_h=0.0, meals=(), body_mass_kg=80, age_years=25,
                       params: Parameters = PARAMS) -> Turnover:
    """Muscle protein synthesis, breakdown and net balance around a session and meals.

    Parameters
    ----------
    t_h : float or array_like
        Time in hours, −48 to 96 (the session and meals are placed on the same clock).
    session_at_h : float or None
        Time of the training session in hours, −48 to 96; ``None``: no session.
    meals : sequence of (time_h, protein_g)
        Up to 36 meals with their time (−48 to 96 h) and protein dose (0–100 g).
    body_mass_kg : float
        Body mass, 40–150 kg.
    age_years : float
        Age, 18–90 years.
    params : Parameters

    Returns
    -------
    Turnover
        ``.synthesis`` and ``.breakdown`` (1.0 = resting fasted rate) and ``.net``.

    References
    ----------
    phillips1997, phillips1999, chesley1992, tipton1999, moore2009, moore2015, yang2012,
    kumar2009, areta2013, trommelen2023.

    Limits
    ------
    Mixed muscle protein of the trained muscle; whole-body turnover, carbohydrate, energy
    balance, sleep, the protein source and the differences between people are left out.
    Synthesis rates are measured over hours with tracers, so the exact shape of the curves
    within an hour is the model's, not the measurement's. The meal effect is the same at
    every time of the day and for every earlier meal (no "muscle full" memory), and the
    same after leg and after whole-body exercise.
    """
    t = np.asarray(INPUTS["t_h"](t_h), dtype=float)
    mass, age = INPUTS["body_mass_kg"](body_mass_kg), INPUTS["age_years"](age_years)
    at = INPUTS["session_at_h"](session_at_h)
    p = params
    exercise_syn = np.zeros_like(t)
    exercise_brk = np.zeros_like(t)
    if at is not None:
        age_factor = np.interp(age, (p.young_age, p.old_age), (1.0, p.old_exercise_factor))
        exercise_syn = _after(t - at, p.exercise_synthesis * age_factor, p.synthesis_decay_h, p)
        exercise_brk = _after(t - at, p.exercise_breakdown, p.breakdown_decay_h, p)
    feeding = np.zeros_like(t)
    for meal_at, response, hold_h in _meals(meals, mass, age, p):
        feeding = feeding + response * _meal_pulse(t - meal_at, hold_h, p)
    synthesis = (1 + exercise_syn) * (1 + feeding)
    breakdown = 1 + exercise_brk
    return Turnover(t_h=t, synthesis=synthesis, breakdown=breakdown,
                    net=synthesis - p.breakdown_to_synthesis * breakdown)


@dataclass(frozen=True)
class Balance:
    """The muscle's protein balance over a period (:func:`net_balance`)."""

    positive_h: float
    """Hours in which the net balance is positive (the muscle builds more than it breaks down)."""
    net: float
    """Net balance summed over the period, in hours of resting fasted synthesis; positive: the
    muscle gained protein over the period, negative: it lost protein."""
    peak_synthesis: float
    """Highest synthesis rate in the period, as a multiple of the resting fasted rate."""


def net_balance(period_h, *, session_at_h=0.0, meals=(), body_mass_kg=80, age_years=25,
                params: Parameters = PARAMS) -> Balance:
    """How long and how much the muscle builds more protein than it breaks down, from 0 h to ``period_h``.

    A muscle grows when synthesis exceeds breakdown summed over days: training alone leaves the
    balance negative, protein after training makes it positive.

    Parameters
    ----------
    period_h : float
        Length of the period in hours from 0 h on the clock of :func:`synthesis_response`, 1–96.
    session_at_h, meals, body_mass_kg, age_years
        As :func:`synthesis_response`.
    params : Parameters

    Returns
    -------
    Balance
        ``.positive_h``, ``.net`` and ``.peak_synthesis``, taken on a grid of :data:`STEP_H` hours
        (the balance at each grid point counts for one step).

    References
    ----------
    phillips1997, phillips1999, tipton1999.

    Limits
    ------
    As :func:`synthesis_response`: the trained muscle's mixed protein, not whole-body protein
    or measured muscle mass.
    """
    period = INPUTS["period_h"](period_h)
    t = np.linspace(0.0, period, round(period / STEP_H) + 1)
    r = synthesis_response(t, session_at_h=session_at_h, meals=meals, body_mass_kg=body_mass_kg,
                           age_years=age_years, params=params)
    step = t[1] - t[0]
    return Balance(positive_h=float(np.sum(r.net > 0) * step), net=float(np.sum(r.net) * step),
                   peak_synthesis=float(np.max(r.synthesis)))


def mean_synthesis(period_h, *, session_at_h=0.0, meals=(), body_mass_kg=80, age_years=25,
                   params: Parameters = PARAMS) -> float:
    """Mean synthesis rate from 0 h to ``period_h``, as a multiple of the resting fasted rate.

    What a tracer study measures: the synthesis rate averaged over its measuring period (e.g.
    the 4 h after a drink in Moore et al. 2009, 12 h in Trommelen et al. 2023).

    Parameters
    ----------
    period_h : float
        Length of the measuring period in hours from 0 h, 1–96.
    session_at_h, meals, body_mass_kg, age_years
        As :func:`synthesis_response`.
    params : Parameters

    References
    ----------
    moore2009, areta2013, trommelen2023.

    Limits
    ------
    As :func:`synthesis_response`.
    """
    period = INPUTS["period_h"](period_h)
    t = np.linspace(0.0, period, 1201)
    r = synthesis_response(t, session_at_h=session_at_h, meals=meals, body_mass_kg=body_mass_kg,
                           age_years=age_years, params=params)
    return float(np.trapezoid(r.synthesis, t) / period)


__all__ = ["Meals", "INPUTS", "STEP_H", "Parameters", "PARAMS", "Turnover", "Balance", "DailyProtein",
           "daily_protein_g", "dose_response", "dose_share_pct",
           "meal_effect_h", "saturating_dose_g", "synthesis_response", "net_balance", "mean_synthesis"]
