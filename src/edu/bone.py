"""Bone: Frost's mechanostat, and bone mineral density over the lifespan with and without training.

Bone adapts to the largest strains it meets (Frost 1987; Frost 2003). Strain is the
relative deformation of bone, counted in microstrain (µε: millionths of its length).
Below a disuse threshold, remodelling removes bone; between that and the modelling
threshold, bone is kept as it is (the adapted window); above the modelling threshold,
modelling adds bone; above the microdamage threshold, small cracks accumulate faster than
they are repaired (there the model stops); far above lies the strain at which bone breaks.

Over the lifespan, bone mineral density (BMD) rises to a peak in early adulthood and
falls later. In women it falls fastest in the years around the last menstrual period
(SWAN: Greendale et al. 2012); afterwards spine loss slows, while hip loss goes on and
speeds up in old age (SOF: Ensrud et al. 1995). Men lose hip bone slowly and, in DXA,
hardly any spine bone (NHANES: Looker et al. 2012). High-intensity resistance and impact
training raised BMD in postmenopausal women with low bone mass (LIFTMOR: Watson et al. 2018).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from edu import validation as check
from edu.lifespan import AGE_YEARS, TRAINING_START_AGE

ZONES = {"disuse": "onderbelasting", "adapted": "aangepast venster", "overload": "opbouw",
         "microdamage": "microschade", "fracture": "breuk"}
"""Zones of the mechanostat, in order of rising strain, with their Dutch names."""

SEXES = {"female": "vrouw", "male": "man"}
SITES = {"spine": "lendenwervels", "femoral_neck": "dijbeenhals"}
TRAININGS = {"resistance": "krachttraining (matig zwaar)",
             "hirit": "zware kracht- en impacttraining (LIFTMOR)"}
"""Options of :func:`bmd_trajectory`, with their Dutch names."""


@dataclass(frozen=True)
class Thresholds:
    """Set points of the mechanostat, peak strain in µε.

    Frost (1987): strains below the 100–300 µε range release remodelling that removes bone
    (``disuse``: 200); strains in or above the 1500–3000 µε range make modelling add bone
    (``modelling``: 1500). Microdamage from about 3000 µε (``microdamage``) and fracture at
    about 25,000 µε (``fracture``) as summarised for Frost (2003); values differ between
    Frost's papers, hence inputs (``disuse_microstrain`` and so on, :data:`INPUTS`) with these
    values where none is given.
    """

    disuse: float = 200.0
    modelling: float = 1500.0
    microdamage: float = 3000.0
    fracture: float = 25_000.0


@dataclass(frozen=True)
class Parameters:
    """Constants of the bone model, with their sources.

    Mechanostat: ``thresholds`` (:class:`Thresholds`). Largest loss ``max_loss_pct_per_year``
    (12%/year, at zero strain): of the order of long spaceflight, about 0.9% per month at the
    lumbar spine and 1.5% at the femoral neck (Lang et al. 2004, as quoted in reviews; the
    Mir crews of LeBlanc et al. 2000), falling linearly to 0 at the disuse threshold.
    Largest gain ``max_gain_pct_per_year`` (4%/year, assumed, of the order of the largest
    gains in training trials: +4.1% at the spine in 8 months, Harding et al. 2020), reached
    at the microdamage threshold, rising linearly from the modelling threshold. Above the
    microdamage threshold the model gives no rate (see :func:`remodeling_rate`).

    Lifespan, as a yearly loss (percentage points of peak BMD per year) added up from 20
    years, where BMD is at its peak (peak at 19–24 years: Xue et al. 2020, NHANES). Which
    numbers come from which kind of study:

    - Longitudinal (the same women followed): SWAN (Greendale et al. 2012) for the years
      around the last menstrual period. Loss starts one year before it and slows two years
      after it: 7.38% (spine) and 5.8% (femoral neck) in those three years
      (``menopause_pct_per_year``, first values: 2.46 and 1.93 %/year); of SWAN's 10-year
      loss (10.6% and 9.1%) the rest falls in the three years after (second values: 1.07
      and 1.1 %/year, derived). SWAN ended 5 years after the last period; between 5 and 7
      years the rate eases linearly to the late rate (``menopause_years``: phase edges in
      years after the last period). Sowers et al. (2010, another cohort) measured about
      1.1%/year at the spine from 2 to 7 years after; Pouilles et al. (1995) found
      femoral-neck loss beyond 5 years after menopause at a quarter of the early rate
      (−0.48 against −1.82 %/year).
    - Cross-sectional (different people per age group): NHANES reference means
      (``nhanes_bmd.csv``; Varatharajan et al. 2026, table 3). Women's lumbar spine is at
      85% of the young-adult value at 71–80 years; ``female_late_pct_per_year`` for the
      spine (0.25 %/year from 7 years after menopause) is fitted to that group. NHANES puts
      women at 51–70 years about 3 points higher than SWAN's longitudinal loss implies; the
      model follows SWAN there. Men's lumbar spine does not decline with age in DXA
      (Looker et al. 2012, NHANES 2005–2008): ``male_pct_per_year`` is 0 for the spine.
      Men's total hip falls slowly from the young-adult group (97.5% at 41–50, 90% at
      71–80): 0.1 %/year from 20 to 50 is fitted to it.
    - Longitudinal in old age: women's hip loss speeds up with age, total hip
      2.5 mg/cm² a year at 67–69 and 10.4 at 85 and older (SOF: Ensrud et al. 1995);
      divided by the NHANES young-adult total hip of women (0.971 g/cm²) that is 0.26 and
      1.07 % of peak a year (``female_late_pct_per_year`` for the femoral neck at 68 and 87,
      derived), linear in between and flat outside. Men's femoral neck from 65: −0.37% a
      year on average (MrOS: −1.72% in 4.6 years), 2.5 times faster at 85 than at 65
      (Cawthon et al. 2009): 0.25 %/year at 65, 0.63 at 85 and 0.73 at 90 (derived).
    - Assumed: no loss in women before the transition (NHANES spine: 99% at 41–50; SWAN:
      loss began one year before the last period); the femoral neck follows the total hip
      where only total-hip data exist (men in NHANES, SOF).

    Training (``training_pct``, reached after ``training_months`` and then kept):
    ``"hirit"``, the difference between high-intensity resistance and impact training and
    the control group after 8 months: women +2.9 vs −1.2% (spine), +0.3 vs −1.9% (femoral
    neck) (LIFTMOR: Watson et al. 2018, randomised); men +4.1 vs +0.9% at the spine
    (LIFTMOR-M: Harding et al. 2020). In LIFTMOR-M the control group was not randomised
    (men chose it) and the femoral neck, the primary outcome, is not among the effects the
    abstract reports; the model gives men no femoral-neck effect. ``"resistance"``,
    conventional resistance training: the standardised effects of Zhao et al. (2015), 0.31
    (spine) and 0.30 (femoral neck), times the spread of the change in LIFTMOR (SD 2.8 and
    2.6%): 0.87 and 0.79% (derived), for both sexes.
    """

    thresholds: Thresholds = Thresholds()
    max_loss_pct_per_year: float = 12.0
    max_gain_pct_per_year: float = 4.0
    menopause_years: tuple = (-1.0, 2.0, 5.0, 7.0)
    menopause_pct_per_year: tuple = (("spine", (2.46, 1.07)), ("femoral_neck", (1.93, 1.1)))
    female_late_pct_per_year: tuple = (("spine", ((20.0, 0.25),)),
                                       ("femoral_neck", ((68.0, 0.26), (87.0, 1.07))))
    male_pct_per_year: tuple = (("spine", ((20.0, 0.0),)),
                                ("femoral_neck", ((20.0, 0.1), (50.0, 0.1), (65.0, 0.25), (85.0, 0.63),
                                                  (90.0, 0.73))))
    training_pct: tuple = (
        ("hirit", (("female", (("spine", 4.1), ("femoral_neck", 2.2))),
                   ("male", (("spine", 3.2), ("femoral_neck", 0.0))))),
        ("resistance", (("female", (("spine", 0.87), ("femoral_neck", 0.79))),
                        ("male", (("spine", 0.87), ("femoral_neck", 0.79))))),
    )
    training_months: float = 8.0


PARAMS = Parameters()

_STRAIN = check.Number("peak_strain_microstrain", "piekvervorming", 0, 30_000, 50, unit="µε", array=True)

INPUTS = check.declare(
    _STRAIN,
    check.Number("disuse_microstrain", "drempel afbraak", 1, _STRAIN.hi, 10, unit="µε", optional=True),
    check.Number("modelling_microstrain", "drempel opbouw", 1, _STRAIN.hi, 50, unit="µε", optional=True),
    check.Number("microdamage_microstrain", "drempel microschade", 1, _STRAIN.hi, 100, unit="µε", optional=True),
    check.Number("fracture_microstrain", "drempel breuk", 1, _STRAIN.hi, 1000, unit="µε", optional=True),
    AGE_YEARS,
    check.Choice("sex", "geslacht", SEXES, default="female"),
    check.Choice("site", "meetplaats", SITES, default="spine"),
    check.Number("menopause_age", "leeftijd bij de menopauze", 40, 60, 1, default=51, unit="jaar"),
    check.Choice("training", "training", TRAININGS, optional=True),
    TRAINING_START_AGE,
)
"""The inputs of the bone model (keywords of :func:`remodeling_rate`, :func:`zone`,
:func:`bmd_trajectory` and :func:`bmd_training_gain`).

Peak strain up to 30,000 µε, beyond Frost's fracture strain (about 25,000 µε), so that every
zone can be named; :func:`remodeling_rate` stops at the microdamage threshold. A set point
left out (``None``) is Frost's (:class:`Thresholds`). Age from 20 years, about the age of
peak bone density (Xue et al. 2020), to 90.
"""

_ABOVE_MICRODAMAGE = ("Daarboven ontstaan scheurtjes sneller dan het bot ze herstelt; daar rekent het model "
                      "geen opbouw of afbraak uit.")


def set_points(*, disuse_microstrain=None, modelling_microstrain=None, microdamage_microstrain=None,
               fracture_microstrain=None, params: Parameters = PARAMS) -> Thresholds:
    """The set points of the mechanostat: the given ones checked, Frost's for the others.

    Each is a peak strain in µε (:data:`INPUTS`) and must be higher than the one before
    (disuse < modelling < microdamage < fracture); ``None``: the value in ``params.thresholds``.
    """
    given = dict(disuse=disuse_microstrain, modelling=modelling_microstrain, microdamage=microdamage_microstrain,
                 fracture=fracture_microstrain)
    values = {name: getattr(params.thresholds, name) if value is None else INPUTS[f"{name}_microstrain"](value)
              for name, value in given.items()}
    names = list(values)
    for low, high in pairwise(names):
        if values[high] <= values[low]:
            a, b = INPUTS[f"{low}_microstrain"], INPUTS[f"{high}_microstrain"]
            raise check.invalid(f"{a.name}, {b.name}", f"{a.label} en {b.label}",
                                f"{check.fmt(values[low])} en {check.fmt(values[high])} µε",
                                "Elke drempel moet hoger liggen dan de vorige.")
    return Thresholds(**values)


def remodeling_rate(peak_strain_microstrain, *, disuse_microstrain=None, modelling_microstrain=None,
                    microdamage_microstrain=None, params: Parameters = PARAMS):
    """Yearly change in bone mass at a given peak strain, % per year (negative: loss).

    Parameters
    ----------
    peak_strain_microstrain : float or array_like
        Largest strain the bone meets in daily life, from 0 µε up to the microdamage
        threshold (3000 µε with Frost's values).
    disuse_microstrain, modelling_microstrain, microdamage_microstrain : float or None
        Set points in µε, each higher than the previous (:func:`set_points`); ``None``:
        Frost's values (:class:`Thresholds`).
    params : Parameters

    References
    ----------
    frost1987, frost2003, leblanc2000, harding2020.

    Limits
    ------
    Only the largest strain counts; how often and how fast bone is loaded, rest between
    bouts, hormones (oestrogen lowers the disuse threshold), calcium and vitamin D are left
    out. The model stops at the microdamage threshold: above it small cracks form faster
    than they are repaired (Frost 2003), and whether bone then gains or loses depends on how
    often and how long it is loaded; no study gives a yearly rate there, and going on leads
    to a fatigue fracture. A strain above the threshold raises :class:`edu.InputError`;
    :func:`zone` still names the zone.
    """
    th = set_points(disuse_microstrain=disuse_microstrain, modelling_microstrain=modelling_microstrain,
                    microdamage_microstrain=microdamage_microstrain, params=params)
    try:
        s = np.asarray(INPUTS["peak_strain_microstrain"](peak_strain_microstrain, hi=th.microdamage))
    except check.InputError as error:
        raise check.InputError(f"{error} {_ABOVE_MICRODAMAGE}") from None
    loss = -params.max_loss_pct_per_year * np.clip(1 - s / th.disuse, 0, 1)
    gain = params.max_gain_pct_per_year * np.clip((s - th.modelling) / (th.microdamage - th.modelling), 0, 1)
    return check.plain(loss + gain)


def zone(peak_strain_microstrain, *, disuse_microstrain=None, modelling_microstrain=None,
         microdamage_microstrain=None, fracture_microstrain=None, params: Parameters = PARAMS) -> str:
    """Zone of the mechanostat (key of :data:`ZONES`) at one peak strain, with the set points of
    :func:`set_points`."""
    s = INPUTS["peak_strain_microstrain"](peak_strain_microstrain)
    if np.ndim(s):
        raise check.invalid("peak_strain_microstrain", INPUTS["peak_strain_microstrain"].label,
                            f"een rij van {np.size(s)} getallen", "Geef één getal.")
    th = set_points(disuse_microstrain=disuse_microstrain, modelling_microstrain=modelling_microstrain,
                    microdamage_microstrain=microdamage_microstrain, fracture_microstrain=fracture_microstrain,
                    params=params)
    above = sum(s >= t for t in (th.disuse, th.modelling, th.microdamage, th.fracture))
    return list(ZONES)[above]


def _rate(table, age: float) -> float:
    """A yearly rate from (age, rate) points, linear in between and flat beyond the ends."""
    ages, rates = zip(*table)
    return float(np.interp(age, ages, rates))


def _loss_points(sex: str, site: str, menopause: float, p: Parameters) -> list:
    """(age, % per year) points of the yearly loss over the valid ages; two points at one age are a step."""
    first, last = AGE_YEARS.lo, AGE_YEARS.hi
    if sex == "male":
        table = dict(p.male_pct_per_year)[site]
        inner = [a for a, _ in table if first < a < last]
        return [(a, _rate(table, a)) for a in (first, *inner, last)]
    before, fast_end, slow_end, late_start = (menopause + y for y in p.menopause_years)
    fast, slow = dict(p.menopause_pct_per_year)[site]
    late = dict(p.female_late_pct_per_year)[site]
    inner = [a for a, _ in late if late_start < a < last]
    return ([(first, 0.0), (before, 0.0), (before, fast), (fast_end, fast), (fast_end, slow), (slow_end, slow)]
            + [(a, _rate(late, a)) for a in (late_start, *inner, last)])


def _lost(points, age):
    """Total of a yearly rate from the first point to ``age``: exact for a rate linear between points."""
    x, r = (np.asarray(v, dtype=float) for v in zip(*points))
    before = np.concatenate([[0.0], np.cumsum(np.diff(x) * (r[1:] + r[:-1]) / 2)])
    i = np.clip(np.searchsorted(x, age, side="right") - 1, 0, len(x) - 2)
    width, into = x[i + 1] - x[i], age - x[i]
    slope = np.divide(r[i + 1] - r[i], width, out=np.zeros_like(into), where=width > 0)
    return before[i] + into * (r[i] + slope * into / 2)


def bmd_trajectory(age_years, *, sex="female", site="spine", menopause_age=51, training=None,
                   training_start_age=60, params: Parameters = PARAMS):
    """Bone mineral density over the lifespan, % of peak BMD.

    Parameters
    ----------
    age_years : float or array_like
        Age, 20–90 years.
    sex : {"female", "male"}
    site : {"spine", "femoral_neck"}
        Lumbar spine or femoral neck (hip).
    menopause_age : float
        Age at the last menstrual period, 40–60 years (women only).
    training : {None, "resistance", "hirit"}
        Training from ``training_start_age`` on, kept up.
    training_start_age : float
        Age at which training starts, 20–90 years.
    params : Parameters

    References
    ----------
    xue2020, greendale2012, sowers2010, pouilles1995, varatharajan2026, looker2012, ensrud1995,
    cawthon2009, melton2000, watson2018, harding2020, zhao2015, kohrt2004.

    Limits
    ------
    Average curves: the spread between people is larger than the effects shown (Melton
    et al. 2000 measured −10 to +13% per year in single women). The curve joins
    longitudinal studies of a few years each (SWAN, SOF, MrOS) and cross-sectional NHANES
    means, which differ by about 3 points for women of 51–70. Training effects
    come from trials of 8 months; the model keeps the gain while training continues, as
    trials longer than a year are lacking, and loses it when training stops (not modelled).
    Nutrition, medication and disease are left out.
    """
    age = np.asarray(INPUTS["age_years"](age_years), dtype=float)
    sex, site = INPUTS["sex"](sex), INPUTS["site"](site)
    menopause = INPUTS["menopause_age"](menopause_age)
    training, start = INPUTS["training"](training), INPUTS["training_start_age"](training_start_age)
    p = params
    bmd = 100.0 - _lost(_loss_points(sex, site, menopause, p), age)
    if training is not None:
        ramp = np.clip((age - start) * 12 / p.training_months, 0, 1)
        bmd = bmd + dict(dict(dict(p.training_pct)[training])[sex])[site] * ramp
    return check.plain(bmd)


def bmd_training_gain(age_years, *, sex="female", site="spine", menopause_age=51, training=None,
                      training_start_age=60, params: Parameters = PARAMS):
    """What training adds to bone mineral density at an age: :func:`bmd_trajectory` with the
    training minus without it, percentage points of peak BMD (0 without training or before it starts).

    Takes the inputs of :func:`bmd_trajectory`. After 8 months of training the gain is the
    difference between the trained and the control group of the trials the training stands for:
    heavy training (``"hirit"``) as in LIFTMOR for women, +2.9 against −1.2% at the spine (Watson
    et al. 2018), and LIFTMOR-M for men, +4.1 against +0.9% (Harding et al. 2020); moderate
    resistance training as the pooled effect of Zhao et al. (2015) (:class:`Parameters`). It is
    then kept while training continues (Limits of :func:`bmd_trajectory`).

    References
    ----------
    watson2018, harding2020, zhao2015.
    """
    person = dict(sex=sex, site=site, menopause_age=menopause_age, params=params)
    return check.plain(bmd_trajectory(age_years, training=training, training_start_age=training_start_age, **person)
                       - bmd_trajectory(age_years, **person))


__all__ = ["ZONES", "SEXES", "SITES", "TRAININGS", "INPUTS", "Thresholds", "Parameters", "PARAMS", "set_points",
           "remodeling_rate", "zone", "bmd_trajectory", "bmd_training_gain"]
