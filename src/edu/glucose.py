"""Blood glucose after a meal, the effect of a recent session, and HbA1c over a training programme.

After a meal, glucose enters the blood from the gut; insulin then drives most of it into
skeletal muscle (80–90% of insulin-stimulated uptake; DeFronzo & Tripathy 2009). The
glucose curve follows a Bergman-type minimal model (Bergman et al. 1979): glucose clears
by itself (glucose effectiveness) and through insulin action, which lags behind insulin in
the blood; insulin is secreted in proportion to the rise in glucose.

Training acts in two ways (Richter & Hargreaves 2013): a contracting muscle takes up
glucose without insulin (GLUT4 moved to the membrane by contraction), which fades within
hours after the session; and the muscle stays more sensitive to insulin for a day or two
(Koopman et al. 2005: +13% at 24 h after a resistance session). Over months, a programme
lowers HbA1c in type 2 diabetes by about half a percentage point, at most about 0.9
(Umpierre et al. 2011; Strasser et al. 2010).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check

CATEGORIES = {"normal": "normaal", "impaired": "verminderde glucosetolerantie", "diabetes": "diabetes"}
"""WHO (2006) categories of the 2-hour value of a 75 g oral glucose tolerance test, in Dutch."""

INPUTS = check.declare(
    check.Number("t_min", "tijd na de maaltijd", 0, 360, 1, unit="min", array=True),
    check.Number("carbs_g", "koolhydraten in de maaltijd", 0, 150, 5, default=75, unit="g"),
    check.Number("insulin_sensitivity", "insulinegevoeligheid", 0.1, 2.0, 0.05, default=1.0, unit="× gezond"),
    check.Number("hours_since_training", "uren sinds de training", 0, 72, 1, unit="uur", optional=True),
    check.Number("fasting_mmol_l", "nuchtere glucose", 3.5, 10, 0.1, default=5.0, unit="mmol/L"),
    check.Number("insulin_secretion", "insulineafgifte", 0.1, 2.0, 0.05, default=1.0, unit="× gezond"),
    check.Number("two_hour_mmol_l", "glucose na 2 uur", 0, 40, 0.1, unit="mmol/L"),
    check.Number("weeks", "lengte van het programma", 0, 52, 1, default=12, unit="weken"),
    check.Number("sessions_per_week", "trainingen per week", 0, 7, 1, default=3),
    check.Number("baseline_hba1c_pct", "HbA1c bij de start", 5.7, 12, 0.1, default=7.5, unit="%"),
    check.Number("minutes_per_session", "duur per training", 10, 120, 5, default=50, unit="min"),
)
"""The inputs of the glucose model (keywords of :func:`meal_response`, :func:`training_effect`,
:func:`who_category` and :func:`hba1c_change`).

Up to 6 hours after the meal, when glucose is long back at its fasting value; insulin
sensitivity and secretion from a tenth of a healthy adult's to twice it; a session up to
3 days before the meal, when its effect on insulin sensitivity is gone (Borghouts & Keizer
2000); fasting glucose from low (3.5 mmol/L) to well into the diabetic range (WHO 2006:
7.0 or higher). Programmes up to a year, the longest trials in Umpierre et al. (2011), with
up to a session a day (more than the trials: :func:`hba1c_change` holds the effect at its
ceiling), and a starting HbA1c from the upper limit of normal (5.7%, ADA 2010) to 12%.
"""


@dataclass(frozen=True)
class Parameters:
    """Constants of the glucose model, with their sources.

    Structure: the minimal model of Bergman et al. (1979) with insulin secretion in
    proportion to the glucose rise and a meal absorbed as a gamma curve (shape 2), as in
    the oral minimal models that followed (Dalla Man et al. 2007). Bergman's insulin
    sensitivity in dogs was 7 × 10⁻⁴ min⁻¹ per µU/mL; here ``insulin_sensitivity`` (5 × 10⁻⁴)
    and the other constants are **calibrated**, not measured: glucose effectiveness
    ``glucose_effectiveness`` (0.025 /min), insulin action rate ``insulin_action`` (0.025 /min),
    insulin clearance ``insulin_clearance`` (0.08 /min), secretion ``secretion`` (1.5 µU/mL
    per min per mmol/L above fasting), basal insulin ``basal_insulin`` (8 µU/mL), absorption
    time ``absorption_min`` (55 min), 90% of the carbohydrate reaching the blood
    (``absorbed``) in a distribution volume ``volume_l`` of 13.3 L (0.19 L/kg for 70 kg).
    They were chosen so that a healthy adult's curve after 75 g glucose meets the WHO
    (2006) normal criteria (peak after 30–60 min, 2-hour value below 7.8 mmol/L) and
    reduced sensitivity or secretion produce the impaired and diabetic 2-hour values.

    WHO (2006) cut-offs of the 2-hour value: ``impaired_mmol_l`` 7.8, ``diabetes_mmol_l`` 11.1.
    The peak of a curve is read to the minute over its first ``peak_window_min`` (180 min):
    longer than the 2 hours of the WHO test, so that a late peak of reduced tolerance is seen.

    Training: insulin sensitivity ``training_sensitivity_gain`` (+35%) right after a session,
    fading with ``training_sensitivity_h`` (24 h), so that it is +13% after 24 h as measured
    by Koopman et al. (2005), about +5% after 48 h and gone within 48–72 h (Borghouts &
    Keizer 2000: raised for at least 16 h). Contraction-driven uptake without insulin
    ``contraction_uptake`` (0.02 /min at the end of the session, assumed), fading with
    ``contraction_h`` (0.5 h), so that it is nearly gone after 2 h (Borghouts & Keizer 2000:
    "up to two hours after exercise" uptake is partly insulin-independent).

    HbA1c: see :func:`hba1c_change`.
    """

    insulin_sensitivity: float = 5e-4
    glucose_effectiveness: float = 0.025
    insulin_action: float = 0.025
    insulin_clearance: float = 0.08
    secretion: float = 1.5
    basal_insulin: float = 8.0
    absorption_min: float = 55.0
    absorbed: float = 0.9
    volume_l: float = 13.3
    glucose_mmol_per_g: float = 1000 / 180.16
    impaired_mmol_l: float = 7.8
    diabetes_mmol_l: float = 11.1
    training_sensitivity_gain: float = 0.35
    training_sensitivity_h: float = 24.0
    contraction_uptake: float = 0.02
    contraction_h: float = 0.5
    step_min: float = 0.5
    peak_window_min: float = 180.0
    hba1c_max_points: float = 0.9
    hba1c_volume_min: float = 100.0
    hba1c_weeks: float = 7.1
    hba1c_reference_pct: float = 7.5
    hba1c_floor_pct: float = 5.7
    hba1c_start_scale_points: float = 1.2


PARAMS = Parameters()


@dataclass(frozen=True)
class Meal:
    """Glucose and insulin after a meal (arrays aligned with ``t_min``)."""

    t_min: np.ndarray
    glucose_mmol_l: np.ndarray
    insulin_uU_ml: np.ndarray
    """Plasma insulin, µU/mL."""
    sensitivity_factor: float
    """Insulin sensitivity at the meal relative to the person's own, rested value (1 = no training effect)."""
    peak_mmol_l: float
    """Highest glucose in the first three hours (``peak_window_min``), read to the minute."""
    peak_min: float
    """Minutes after the meal at which glucose is highest."""
    two_hour_mmol_l: float
    """Glucose 2 hours after the meal: the value the WHO (2006) criteria read (:func:`who_category`)."""


@dataclass(frozen=True)
class TrainingEffect:
    """What a recent session changes about the glucose curve after a meal, compared with rested."""

    peak_drop_mmol_l: float
    """How much lower the peak is (:attr:`Meal.peak_mmol_l`), mmol/L."""
    two_hour_drop_mmol_l: float
    """How much lower the 2-hour value is (:attr:`Meal.two_hour_mmol_l`), mmol/L."""
    sensitivity_gain_pct: float
    """How much higher insulin sensitivity is at the meal, % of the rested value."""


def meal_response(t_min, *, carbs_g=75, insulin_sensitivity=1.0, hours_since_training=None,
                  fasting_mmol_l=5.0, insulin_secretion=1.0, params: Parameters = PARAMS) -> Meal:
    """Glucose and insulin after a meal of ``carbs_g`` grams of carbohydrate at t = 0.

    Parameters
    ----------
    t_min : float or array_like
        Minutes after the meal, 0–360.
    carbs_g : float
        Carbohydrate in the meal, 0–150 g (75 g: the oral glucose tolerance test).
    insulin_sensitivity : float
        Insulin sensitivity relative to a healthy adult, 0.1–2 (1 = healthy).
    hours_since_training : float or None
        Hours between the end of a training session and the meal, 0–72; ``None``: no recent session.
    fasting_mmol_l : float
        Fasting glucose, 3.5–10 mmol/L.
    insulin_secretion : float
        Insulin secretion relative to a healthy adult, 0.1–2 (β-cell function).
    params : Parameters

    Returns
    -------
    Meal
        The curves at ``t_min``, and their peak and 2-hour value (computed on the model's own
        time grid, whatever ``t_min`` is).

    References
    ----------
    bergman1979, dallaman2007, defronzo2009, richter2013, koopman2005, borghouts2000, who2006.

    Limits
    ------
    Calibrated to the WHO criteria, not fitted to a person: one distribution volume for a
    70 kg adult, glucose as a drink (fat, protein and fibre slow a real meal), no
    first-phase insulin peak, no liver output beyond what glucose effectiveness lumps
    together, no glucagon or incretins. An unaccustomed, heavy session can make a
    sedentary person *less* insulin sensitive for days (muscle damage), which is left out.
    """
    p = params
    t = INPUTS["t_min"](t_min)
    carbs = INPUTS["carbs_g"](carbs_g)
    si = INPUTS["insulin_sensitivity"](insulin_sensitivity)
    fasting = INPUTS["fasting_mmol_l"](fasting_mmol_l)
    secretion = p.secretion * INPUTS["insulin_secretion"](insulin_secretion)
    since = INPUTS["hours_since_training"](hours_since_training)
    since = np.inf if since is None else since

    grid = np.arange(0.0, max(float(np.max(t)), p.peak_window_min) + p.step_min, p.step_min)
    dose = carbs * p.glucose_mmol_per_g * p.absorbed / p.volume_l  # mmol/L if absorbed at once
    tau = p.absorption_min
    sensitivity = si * p.insulin_sensitivity * (
        1 + p.training_sensitivity_gain * np.exp(-(since + grid / 60) / p.training_sensitivity_h))
    contraction = p.contraction_uptake * np.exp(-(since + grid / 60) / p.contraction_h)

    half = np.arange(2 * grid.size + 1) * p.step_min / 2  # times of the Runge–Kutta half steps
    appearance = (dose * half / tau**2 * np.exp(-half / tau)).tolist()
    clearance = (p.glucose_effectiveness + contraction).tolist()
    action = (p.insulin_action * sensitivity).tolist()
    a, n, basal = p.insulin_action, p.insulin_clearance, p.basal_insulin

    def rates(i2, g, x, ins):
        """Derivatives at half-step index ``i2`` (grid index × 2)."""
        k = min(i2 // 2, grid.size - 1)
        return (-clearance[k] * (g - fasting) - x * g + appearance[i2],
                -a * x + action[k] * (ins - basal),
                -n * (ins - basal) + secretion * max(g - fasting, 0.0))

    g, x, ins = fasting, 0.0, basal
    out = np.empty((grid.size, 2))
    h = p.step_min
    for i in range(grid.size):  # classic Runge–Kutta, fixed step
        out[i] = g, ins
        k1 = rates(2 * i, g, x, ins)
        k2 = rates(2 * i + 1, g + h / 2 * k1[0], x + h / 2 * k1[1], ins + h / 2 * k1[2])
        k3 = rates(2 * i + 1, g + h / 2 * k2[0], x + h / 2 * k2[1], ins + h / 2 * k2[2])
        k4 = rates(2 * i + 2, g + h * k3[0], x + h * k3[1], ins + h * k3[2])
        g, x, ins = (v + h / 6 * (d1 + 2 * d2 + 2 * d3 + d4)
                     for v, d1, d2, d3, d4 in zip((g, x, ins), k1, k2, k3, k4))
    minutes = (grid % 1 == 0) & (grid <= p.peak_window_min)
    peak = int(np.argmax(np.where(minutes, out[:, 0], -np.inf)))
    return Meal(t_min=t, glucose_mmol_l=check.plain(np.interp(t, grid, out[:, 0])),
                insulin_uU_ml=check.plain(np.interp(t, grid, out[:, 1])),
                sensitivity_factor=float(sensitivity[0] / (si * p.insulin_sensitivity)),
                peak_mmol_l=float(out[peak, 0]), peak_min=float(grid[peak]),
                two_hour_mmol_l=float(np.interp(120.0, grid, out[:, 0])))


def postprandial(t_min, *, carbs_g=75, insulin_sensitivity=1.0, hours_since_training=None,
                 fasting_mmol_l=5.0, insulin_secretion=1.0, params: Parameters = PARAMS):
    """Blood glucose after a meal, mmol/L: the glucose of :func:`meal_response`."""
    return meal_response(t_min, carbs_g=carbs_g, insulin_sensitivity=insulin_sensitivity,
                         hours_since_training=hours_since_training, fasting_mmol_l=fasting_mmol_l,
                         insulin_secretion=insulin_secretion, params=params).glucose_mmol_l


def training_effect(*, carbs_g=75, insulin_sensitivity=1.0, hours_since_training=None, fasting_mmol_l=5.0,
                    insulin_secretion=1.0, params: Parameters = PARAMS) -> TrainingEffect:
    """How much a session ``hours_since_training`` before the meal lowers its glucose peak and 2-hour value.

    Takes the inputs of :func:`meal_response` and compares its curve with the same meal without
    a recent session (``hours_since_training=None``, all zero then). The session acts through
    contraction-driven uptake for about two hours and raised insulin sensitivity for a day or
    two (Richter & Hargreaves 2013; Koopman et al. 2005: +13% after 24 h; Borghouts & Keizer 2000).

    References
    ----------
    richter2013, koopman2005, borghouts2000.
    """
    meal = dict(carbs_g=carbs_g, insulin_sensitivity=insulin_sensitivity, fasting_mmol_l=fasting_mmol_l,
                insulin_secretion=insulin_secretion, params=params)
    trained = meal_response(0.0, hours_since_training=hours_since_training, **meal)
    rested = meal_response(0.0, **meal)
    return TrainingEffect(peak_drop_mmol_l=rested.peak_mmol_l - trained.peak_mmol_l,
                          two_hour_drop_mmol_l=rested.two_hour_mmol_l - trained.two_hour_mmol_l,
                          sensitivity_gain_pct=100 * (trained.sensitivity_factor - 1))


def who_category(two_hour_mmol_l, params: Parameters = PARAMS) -> str:
    """WHO (2006) category (key of :data:`CATEGORIES`) of a 2-hour glucose value after 75 g glucose."""
    value = INPUTS["two_hour_mmol_l"](two_hour_mmol_l)
    if value >= params.diabetes_mmol_l:
        return "diabetes"
    return "impaired" if value >= params.impaired_mmol_l else "normal"


def hba1c_change(*, weeks=12, sessions_per_week=3, baseline_hba1c_pct=7.5, minutes_per_session=50,
                 params: Parameters = PARAMS):
    """Change in HbA1c after a supervised exercise programme in type 2 diabetes, percentage points.

    HbA1c, the share of haemoglobin carrying glucose, reflects the average glucose of the
    past two to three months. The drop is the product of three factors, each bounded:

    * **weekly minutes**, saturating: ``hba1c_max_points`` × (1 − exp(−minutes /
      ``hba1c_volume_min``)). The ceiling, 0.9 points, is the largest pooled effect of
      structured exercise in the meta-analysis of Umpierre et al. (2011): −0.89 for more than
      150 minutes a week (−0.36 for 150 minutes or less); ``hba1c_volume_min`` (100 min) is
      fitted so that 3 × 50 minutes for 12 weeks from 7.5% gives their −0.57 for resistance
      training. Strasser et al. (2010) found −0.48 for resistance training.
    * **time**: HbA1c follows a change in glucose with a half-time of 34.6 days (Tahara &
      Shima 1995), so the drop approaches its level as 1 − exp(−weeks / ``hba1c_weeks``),
      ``hba1c_weeks`` = 34.6 / ln 2 days ≈ 7.1 weeks; 82% of it after 12 weeks, the
      shortest trials in Umpierre's analysis.
    * **starting value**, sub-proportional: tanh(excess / ``hba1c_start_scale_points``),
      scaled to 1 at ``hba1c_reference_pct`` (7.5%, assumed typical of the trials), where
      the excess is the starting value above the upper limit of normal, ``hba1c_floor_pct``
      5.7% (ADA 2010). A higher start gives somewhat more (Snowling & Hopkins 2006: a small
      extra benefit with more severe disease), never proportionally more: at most about 10% more
      than at 7.5%. ``hba1c_start_scale_points`` (1.2 points) is assumed; with it the drop
      is never larger than the excess, so HbA1c never falls below 5.7%.

    So no setting gives more than −0.9 points at a start of 7.5% or lower, or more than about
    −1.0 at any start: exercise-only meta-analyses report no larger average effects.

    Parameters
    ----------
    weeks : float
        Length of the programme, 0–52 weeks.
    sessions_per_week : float
        Sessions per week, 0–7.
    baseline_hba1c_pct : float
        HbA1c at the start, 5.7–12%.
    minutes_per_session : float
        Length of a session, 10–120 min.
    params : Parameters

    References
    ----------
    umpierre2011, strasser2010, tahara1995, snowling2006, ada2010.

    Limits
    ------
    Pooled averages of supervised trials; diet, medication changes and adherence are left
    out, and individual responses differ widely. Umpierre's trials lasted 12 weeks to a year
    with mostly three sessions a week: longer or much larger programmes are extrapolated,
    with the effect held at its ceiling. The shape of the dependence on weekly minutes and
    on the starting value is assumed; only its calibration points are measured.
    """
    p = params
    w = INPUTS["weeks"](weeks)
    n = INPUTS["sessions_per_week"](sessions_per_week)
    start = INPUTS["baseline_hba1c_pct"](baseline_hba1c_pct)
    minutes = INPUTS["minutes_per_session"](minutes_per_session)
    dose = -np.expm1(-n * minutes / p.hba1c_volume_min)
    build_up = -np.expm1(-w / p.hba1c_weeks)
    scale = p.hba1c_start_scale_points
    excess = (np.tanh((start - p.hba1c_floor_pct) / scale)
              / np.tanh((p.hba1c_reference_pct - p.hba1c_floor_pct) / scale))
    return float(-p.hba1c_max_points * dose * build_up * excess)


__all__ = ["CATEGORIES", "INPUTS", "Parameters", "PARAMS", "Meal", "TrainingEffect", "meal_response",
           "postprandial", "training_effect", "who_category", "hba1c_change"]
