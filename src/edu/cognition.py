"""Hippocampal volume over the lifespan, with and without training.

The hippocampus, the brain's hub for forming new memories, shrinks slowly from midlife
and faster with age. In a large community cohort the loss was small, about 0.2–0.3% a
year in middle and early old age (Fraser et al. 2021); it speeds up later (Du et al. 2006).

What training does to it is less certain than single trials suggest. A year of brisk
walking made it *grow* by about 2% in one trial, while it shrank in the control group
(Erickson et al. 2011); pooled over 14 trials, aerobic exercise had no significant effect
on total hippocampal volume, and its effect on the left hippocampus came mainly from
preventing the loss (Firth et al. 2018). Progressive resistance training in older adults
with mild cognitive impairment *slowed or stopped the shrinking* of some of its parts
(SMART trial: Broadhouse et al. 2020). The model therefore lets training slow the loss and
never grow the volume.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check
from edu.lifespan import AGE_YEARS, TRAINING_START_AGE, accumulated

TRAININGS = {"aerobic": "duurtraining (stevig wandelen)", "resistance": "krachttraining"}
"""Training options, with their Dutch names."""

INPUTS = check.declare(
    AGE_YEARS,
    check.Choice("training", "training", TRAININGS, optional=True),
    TRAINING_START_AGE,
)
"""The inputs of the model (keywords of :func:`hippocampal_volume` and the functions derived from it)."""

_GRID = np.linspace(AGE_YEARS.lo, AGE_YEARS.hi, 701)
"""Ages (every 0.1 year) on which the lost volume is added up; volumes in between are interpolated."""


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with their sources.

    ``atrophy_pct_per_year``: the yearly loss of hippocampal volume at given ages, linear
    in between and flat beyond the last age. In the PATH community cohort (manually traced
    volumes, up to 12 years of follow-up) the loss was 0.18%/year at a mean age of 47 and
    0.30%/year at 63 (Fraser et al. 2021); below 47 it is taken as smaller, 0.1%/year at 20
    (assumed; Raz et al. 2004 saw only modest shrinkage under 50). After 63 the loss grows by
    0.05%/year for every year of age, the increase Du et al. (2006) found in cognitively
    normal people of 58 to 87, up to 87 (their oldest) and flat after that: 0.9%/year at 75,
    1.5%/year from 87. These late-life rates lie within the 95% interval (0.52–2.30%/year) of
    the 1.41%/year of older control groups in a meta-analysis (Barnes et al. 2009). Smaller
    or clinical samples report faster loss (Raz et al. 2004: 1.18%/year over 50; the control
    group of Erickson et al. 2011: −1.4% in a year at about 66); the model follows the
    community cohort.

    ``protection``: the share of the yearly loss that training prevents while it is kept
    up, 0.5 (assumed), the same for aerobic and resistance training because the trials do
    not separate them: aerobic exercise kept the left hippocampus from shrinking rather than
    making it grow (Firth et al. 2018); resistance training stopped the shrinking of the left
    subiculum and slowed it in CA1 and the dentate gyrus over 18 months (Broadhouse et al.
    2020). Neither reported the share for the whole hippocampus.
    """

    atrophy_pct_per_year: tuple = ((20.0, 0.1), (47.0, 0.18), (63.0, 0.30), (87.0, 1.5))
    protection: float = 0.5
    reference_age: float = 50.0


PARAMS = Parameters()


def atrophy_pct_per_year(age_years, params: Parameters = PARAMS):
    """Yearly loss of hippocampal volume without training, % per year."""
    age = INPUTS["age_years"](age_years)
    ages, rates = zip(*params.atrophy_pct_per_year)
    return check.plain(np.interp(age, ages, rates))


def _scale(training, training_start_age, params: Parameters):
    """The share of the yearly loss that remains, as a function of age: ``1 - protection`` from the start of
    training on (inputs checked here)."""
    protected = 0.0 if INPUTS["training"](training) is None else params.protection
    start = INPUTS["training_start_age"](training_start_age)
    return lambda age: np.where(age >= start, 1 - protected, 1.0)


def _volume(age, scale, params: Parameters):
    """Volume as % of the untrained volume at the reference age, for the loss scaled by ``scale``."""
    at_reference = np.interp(params.reference_age, _GRID, accumulated(params.atrophy_pct_per_year, _GRID))
    lost = accumulated(params.atrophy_pct_per_year, _GRID, scale(_GRID))
    return 100 * np.exp((at_reference - np.interp(age, _GRID, lost)) / 100)


def hippocampal_volume(age_years, *, training=None, training_start_age=60, params: Parameters = PARAMS):
    """Hippocampal volume, % of the volume at age 50.

    Parameters
    ----------
    age_years : float or array_like
        Age, 20–90 years.
    training : {None, "aerobic", "resistance"}
        Training from ``training_start_age`` on, kept up: aerobic walking as in Erickson et
        al. (2011) or progressive resistance training as in the SMART trial. Both slow the
        loss by the same assumed share (:class:`Parameters`); neither makes the volume grow.
    training_start_age : float
        Age at which training starts, 20–90 years.
    params : Parameters

    References
    ----------
    fraser2021, du2006, barnes2009, raz2004, erickson2011, firth2018, broadhouse2020.

    Limits
    ------
    An average person: the spread between people of the same age is larger than the
    effects shown (in Fraser et al. 2021, two-thirds of the older participants kept a stable
    volume). Genes (APOE), blood pressure, sleep, education and disease are left out, as is
    what happens when training stops. The trials lasted one year (Erickson) and six months
    with follow-up to 18 months (SMART); that the protection lasts for decades is assumed,
    and the growth found in Erickson's single trial is not modelled. Volume is not memory:
    the model does not predict how well someone remembers.
    """
    age = INPUTS["age_years"](age_years)
    return check.plain(_volume(age, _scale(training, training_start_age, params), params))


def yearly_change_pct(age_years, *, training=None, training_start_age=60, params: Parameters = PARAMS):
    """Change of hippocampal volume per year, % of the current volume (negative: shrinkage).

    Takes the inputs of :func:`hippocampal_volume`. Without training it is minus
    :func:`atrophy_pct_per_year` (Fraser et al. 2021: −0.18%/year at 47, −0.30% at 63; faster
    later, Du et al. 2006); from the start of training on, the share ``1 − protection`` of it
    (:class:`Parameters`; Firth et al. 2018, Broadhouse et al. 2020): training slows the loss
    and never turns it into growth.

    References
    ----------
    fraser2021, du2006, firth2018, broadhouse2020.
    """
    age = np.asarray(INPUTS["age_years"](age_years))
    remaining = _scale(training, training_start_age, params)(age)
    return check.plain(-np.asarray(atrophy_pct_per_year(age, params=params)) * remaining)


def equivalent_age(age_years, *, training=None, training_start_age=60, params: Parameters = PARAMS):
    """The age at which someone without training has the hippocampal volume this person has at ``age_years``.

    Takes the inputs of :func:`hippocampal_volume`. Erickson et al. (2011) expressed the effect
    of a year of walking this way ("reversing age-related loss in volume by 1 to 2 years"); in
    the model, where training slows the loss and does not reverse it, ``age_years`` minus this
    age is the loss that training has prevented, counted in years of untrained ageing. Without
    training, or before it starts, it is ``age_years`` itself.

    References
    ----------
    erickson2011, firth2018.
    """
    age = INPUTS["age_years"](age_years)
    scale = _scale(training, training_start_age, params)
    lost = np.interp(age, _GRID, accumulated(params.atrophy_pct_per_year, _GRID, scale(_GRID)))
    return check.plain(np.interp(lost, accumulated(params.atrophy_pct_per_year, _GRID), _GRID))


__all__ = ["TRAININGS", "INPUTS", "Parameters", "PARAMS", "atrophy_pct_per_year", "hippocampal_volume",
           "yearly_change_pct", "equivalent_age"]
