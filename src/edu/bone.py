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

import numpy as np

from edu import validation as check
from edu.lifespan import training_onset

ZONES = {"disuse": "onderbelasting", "adapted": "aangepast venster", "overload": "opbouw",
         "microdamage": "microschade", "fracture": "breuk"}
"""Zones of the mechanostat, in order of rising strain, with their Dutch names."""

SEXES = {"female": "vrouw", "male": "man"}
SITES = {"spine": "lendenwervels", "femoral_neck": "dijbeenhals"}
TRAININGS = {"resistance": "krachttraining (matig zwaar)",
             "hirit": "zware kracht- en impacttraining (LIFTMOR)"}
"""Options of :func:`bmd_trajectory`, with their Dutch names."""

AGES = (20.0, 90.0)
"""Valid ages, years."""

MAX_STRAIN = 30_000.0
"""Largest peak strain the model accepts, µε (beyond the fracture strain)."""


THRESHOLD_NAMES = {"disuse": "afbraak", "modelling": "opbouw", "microdamage": "microschade",
                   "fracture": "breuk"}
"""Set points of the mechanostat (fields of :class:`Thresholds`), with their Dutch names."""


@dataclass(frozen=True)
class Thresholds:
    """Set points of the mechanostat, peak strain in µε.

    Frost (1987): strains below the 100–300 µε range release remodelling that removes bone
    (``disuse``: 200); strains in or above the 1500–3000 µε range make modelling add bone
    (``modelling``: 1500). Microdamage from about 3000 µε (``microdamage``) and fracture at
    about 25,000 µε (``fracture``) as summarised for Frost (2003); values differ between
    Frost's papers, hence parameters.
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


def _thresholds(thresholds) -> Thresholds:
    """Check ``thresholds`` (a :class:`Thresholds`, a dict of some of its fields, or ``None``)."""
    if thresholds is None:
        return PARAMS.thresholds
    names = list(THRESHOLD_NAMES)
    given = thresholds if isinstance(thresholds, dict) else (
        {n: getattr(thresholds, n) for n in names} if isinstance(thresholds, Thresholds) else None)
    if given is None or not set(given) <= set(names):
        raise check.InputError(
            f"Ongeldige waarde voor drempels (thresholds): {thresholds!r}. Geef een woordenboek met "
            f"een of meer van {', '.join(f'{n} ({d})' for n, d in THRESHOLD_NAMES.items())} (in microstrain).")
    merged = {n: check.number(given.get(n, getattr(PARAMS.thresholds, n)), name=f"thresholds['{n}']",
                              label=f"drempel {THRESHOLD_NAMES[n]}", lo=1, hi=MAX_STRAIN, unit="µε")
              for n in names}
    values = [merged[n] for n in names]
    if any(b <= a for a, b in zip(values, values[1:])):
        raise check.InputError(
            "Ongeldige waarde voor drempels (thresholds): "
            + ", ".join(f"{THRESHOLD_NAMES[n]} {check.fmt(merged[n])} µε" for n in names)
            + ". Elke drempel moet hoger liggen dan de vorige.")
    return Thresholds(**merged)


def remodeling_rate(peak_strain_microstrain, *, thresholds=None, params: Parameters = PARAMS):
    """Yearly change in bone mass at a given peak strain, % per year (negative: loss).

    Parameters
    ----------
    peak_strain_microstrain : float or array_like
        Largest strain the bone meets in daily life, from 0 µε up to the microdamage
        threshold (3000 µε with Frost's values).
    thresholds : Thresholds, dict or None
        Set points (some or all of ``disuse``, ``modelling``, ``microdamage``, ``fracture``,
        in µε, each higher than the previous); ``None``: Frost's values (:class:`Thresholds`).
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
    th = _thresholds(thresholds)
    try:
        s = check.number(peak_strain_microstrain, name="peak_strain_microstrain", label="piekvervorming",
                         lo=0, hi=th.microdamage, unit="µε", array=True)
    except check.InputError as error:
        raise check.InputError(f"{error} Daarboven ontstaan scheurtjes sneller dan het bot ze herstelt; "
                               "daar rekent het model geen opbouw of afbraak uit.") from None
    loss = -params.max_loss_pct_per_year * np.clip(1 - np.asarray(s) / th.disuse, 0, 1)
    gain = params.max_gain_pct_per_year * np.clip(
        (np.asarray(s) - th.modelling) / (th.microdamage - th.modelling), 0, 1)
    return check.plain(loss + gain)


def zone(peak_strain_microstrain, *, thresholds=None) -> str:
    """Zone of the mechanostat (key of :data:`ZONES`) at one peak strain."""
    s = check.number(peak_strain_microstrain, name="peak_strain_microstrain", label="piekvervorming",
                     lo=0, hi=MAX_STRAIN, unit="µε")
    th = _thresholds(thresholds)
    above = sum(s >= t for t in (th.disuse, th.modelling, th.microdamage, th.fracture))
    return list(ZONES)[above]


def _rate(table, age: float) -> float:
    """A yearly rate from (age, rate) points, linear in between and flat beyond the ends."""
    ages, rates = zip(*table)
    return float(np.interp(age, ages, rates))


def _loss_points(sex: str, site: str, menopause: float, p: Parameters) -> list:
    """(age, % per year) points of the yearly loss from 20 to 90 years; two points at one age are a step."""
    if sex == "male":
        table = dict(p.male_pct_per_year)[site]
        inner = [a for a, _ in table if AGES[0] < a < AGES[1]]
        return [(a, _rate(table, a)) for a in (AGES[0], *inner, AGES[1])]
    before, fast_end, slow_end, late_start = (menopause + y for y in p.menopause_years)
    fast, slow = dict(p.menopause_pct_per_year)[site]
    late = dict(p.female_late_pct_per_year)[site]
    inner = [a for a, _ in late if late_start < a < AGES[1]]
    return ([(AGES[0], 0.0), (before, 0.0), (before, fast), (fast_end, fast), (fast_end, slow), (slow_end, slow)]
            + [(a, _rate(late, a)) for a in (late_start, *inner, AGES[1])])


def _lost(points, age):
    """Total of a yearly rate from the first point to ``age``: exact for a rate linear between points."""
    x, r = (np.asarray(v, dtype=float) for v in zip(*points))
    before = np.concatenate([[0.0], np.cumsum(np.diff(x) * (r[1:] + r[:-1]) / 2)])
    i = np.clip(np.searchsorted(x, age, side="right") - 1, 0, len(x) - 2)
    width, into = x[i + 1] - x[i], age - x[i]
    slope = np.divide(r[i + 1] - r[i], width, out=np.zeros_like(into), where=width > 0)
    return before[i] + into * (r[i] + slope * into / 2)


def bmd_trajectory(age_years, *, sex="female", site="spine", menopause_age=51, training=None,
                   training_start_age=None, params: Parameters = PARAMS):
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
    training_start_age : float or None
        Age at which training starts, 20–90; ``None``: 60 years.
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
    age = np.asarray(check.number(age_years, name="age_years", label="leeftijd", lo=AGES[0],
                                  hi=AGES[1], unit="jaar", array=True), dtype=float)
    sex = check.choice(sex, name="sex", label="geslacht", options=SEXES)
    site = check.choice(site, name="site", label="meetplaats", options=SITES)
    menopause = check.number(menopause_age, name="menopause_age", label="leeftijd bij de menopauze",
                             lo=40, hi=60, unit="jaar")
    training, start = training_onset(training, training_start_age, options=TRAININGS, ages=AGES)
    p = params
    bmd = 100.0 - _lost(_loss_points(sex, site, menopause, p), age)
    if training is not None:
        ramp = np.clip((age - start) * 12 / p.training_months, 0, 1)
        bmd = bmd + dict(dict(dict(p.training_pct)[training])[sex])[site] * ramp
    return check.plain(bmd)


__all__ = ["ZONES", "THRESHOLD_NAMES", "SEXES", "SITES", "TRAININGS", "AGES", "MAX_STRAIN", "Thresholds", "Parameters",
           "PARAMS", "remodeling_rate", "zone", "bmd_trajectory"]
