"""Bone: Frost's mechanostat, and bone mineral density over the lifespan with and without training.

Bone adapts to the largest strains it meets (Frost 1987; Frost 2003). Strain is the
relative deformation of bone, counted in microstrain (µε: millionths of its length).
Below a disuse threshold, remodelling removes bone; between that and the modelling
threshold, bone is kept as it is (the adapted window); above the modelling threshold,
modelling adds bone; above the microdamage threshold, small cracks accumulate faster than
they are repaired; far above lies the strain at which bone breaks.

Over the lifespan, bone mineral density (BMD) rises to a peak in early adulthood and
falls later; in women it falls fastest in the years around the last menstrual period
(SWAN: Greendale et al. 2012). High-intensity resistance and impact training raised BMD
in postmenopausal women with low bone mass (LIFTMOR: Watson et al. 2018).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check
from edu.lifespan import accumulated, training_onset

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
    at the microdamage threshold, rising linearly from the modelling threshold.

    Lifespan: peak BMD is reached at 19–24 years (Xue et al. 2020), so the curve starts at
    its peak at 20. Women: loss starts one year before the last menstrual period and slows
    two years after it (SWAN: Greendale et al. 2012, the "transmenopause"): 7.38% (spine)
    and 5.8% (femoral neck) in those three years, ``transition_pct_per_year`` 2.46 and 1.93;
    of SWAN's 10-year loss (10.6% and 9.1%) the rest falls in the three years after,
    ``postmenopause_pct_per_year`` 1.07 and 1.1 (derived), close to the −1.0%/year of the
    femoral neck in Rochester women (Melton et al. 2000). Men: femoral neck loss of 0.37%
    per year on average from 65 (MrOS: −1.72% in 4.6 years), 2.5 times faster at 85 than
    at 65 (Cawthon et al. 2009): ``male_loss_pct_per_year`` rises linearly from 0 at 50 to
    0.25 at 65 and 0.63 at 85 (derived); the spine is assumed to follow the same curve.

    Training (``training_pct``, reached after ``training_months`` and then kept):
    ``"hirit"``, the difference between high-intensity resistance and impact training and
    the low-intensity control group after 8 months: women +2.9 vs −1.2% (spine), +0.3 vs
    −1.9% (femoral neck) (LIFTMOR: Watson et al. 2018); men +4.1 vs +0.9% at the spine and
    no femoral-neck effect reported in the abstract (LIFTMOR-M: Harding et al. 2020).
    ``"resistance"``, conventional resistance training: the standardised effects of Zhao et
    al. (2015), 0.31 (spine) and 0.30 (femoral neck), times the spread of the change in
    LIFTMOR (SD 2.8 and 2.6%): 0.87 and 0.79% (derived), for both sexes.
    """

    thresholds: Thresholds = Thresholds()
    max_loss_pct_per_year: float = 12.0
    max_gain_pct_per_year: float = 4.0
    transition_years: tuple = (-1.0, 2.0)
    transition_pct_per_year: tuple = (("spine", 2.46), ("femoral_neck", 1.93))
    postmenopause_pct_per_year: tuple = (("spine", 1.07), ("femoral_neck", 1.1))
    male_loss_pct_per_year: tuple = ((50.0, 0.0), (65.0, 0.25), (85.0, 0.63), (90.0, 0.73))
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
        Largest strain the bone meets in daily life, 0–30,000 µε.
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
    out. Above the microdamage threshold the gain stays at its maximum while cracks build
    up: the model does not say when bone breaks from fatigue.
    """
    s = check.number(peak_strain_microstrain, name="peak_strain_microstrain", label="piekvervorming",
                     lo=0, hi=MAX_STRAIN, unit="µε", array=True)
    th = _thresholds(thresholds)
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
    xue2020, greendale2012, melton2000, cawthon2009, watson2018, harding2020, zhao2015, kohrt2004.

    Limits
    ------
    Average curves: the spread between people is larger than the effects shown (Melton
    et al. 2000 measured −10 to +13% per year in single women). Training effects come from
    trials of 8 months; the model keeps the gain while training continues, as trials
    longer than a year are lacking, and loses it when training stops (not modelled).
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
    bmd = np.full_like(age, 100.0)
    if sex == "female":
        before, after = (menopause + y for y in p.transition_years)
        bmd -= dict(p.transition_pct_per_year)[site] * np.clip(age - before, 0, after - before)
        bmd -= dict(p.postmenopause_pct_per_year)[site] * np.clip(age - after, 0, None)
    else:
        grid = np.linspace(p.male_loss_pct_per_year[0][0], AGES[1], 401)
        bmd -= np.interp(age, grid, accumulated(p.male_loss_pct_per_year, grid))
    if training is not None:
        ramp = np.clip((age - start) * 12 / p.training_months, 0, 1)
        bmd += dict(dict(dict(p.training_pct)[training])[sex])[site] * ramp
    return check.plain(bmd)


__all__ = ["ZONES", "THRESHOLD_NAMES", "SEXES", "SITES", "TRAININGS", "AGES", "MAX_STRAIN", "Thresholds", "Parameters",
           "PARAMS", "remodeling_rate", "zone", "bmd_trajectory"]
