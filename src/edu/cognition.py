"""Hippocampal volume over the lifespan, with and without training.

The hippocampus, the brain's hub for forming new memories, shrinks slowly from midlife
and faster with age. Training acts on it in two ways that the trials found: a year of
brisk walking made it *grow* by about 2% while it shrank in the control group (Erickson
et al. 2011); progressive resistance training in older adults with mild cognitive
impairment *slowed or stopped the shrinking* of some of its parts (SMART trial:
Broadhouse et al. 2020) and improved global cognition, mediated by the gain in strength
(Mavros et al. 2017).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check
from edu.lifespan import accumulated, training_onset

TRAININGS = {"aerobic": "duurtraining (stevig wandelen)", "resistance": "krachttraining"}
"""Training options, with their Dutch names."""

AGES = (20.0, 90.0)
"""Valid ages, years."""


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with their sources.

    ``atrophy_pct_per_year``: the yearly loss of hippocampal volume at given ages, linear
    in between. Over about five years, adults of 50 and older lost 1.18% a year, younger
    adults only modestly (Raz et al. 2004); from 58 to 87 years the yearly loss grows by
    0.05% for every year of age (Du et al. 2006). Hence 0.1%/year at 20, 0.45% at 50,
    +0.05% per year of age up to 87 (the oldest in Du's study) and flat after that:
    1.25%/year at 66, close to Raz's average for the over-fifties and to the −1.4% of
    Erickson's control group (mid-sixties); the pooled 0.85%/year of Fraser et al. (2015)
    falls at 58.

    ``aerobic_gain_pct``: a year of aerobic walking (three times a week, building up to
    40 minutes) left the hippocampus 3.5% larger than in the stretching group: +2.12% and
    +1.97% (left, right) against −1.40% and −1.43% (Erickson et al. 2011). The gain builds
    up over ``aerobic_weeks`` (52) and is kept while training continues (assumed: no longer
    trials).

    ``resistance_protection``: the share of the yearly loss that resistance training
    prevents, 0.5 (assumed): in the SMART trial resistance training stopped the shrinking of
    the left subiculum and slowed it in CA1 and the dentate gyrus over 18 months
    (Broadhouse et al. 2020); the whole hippocampus was not reported this way.
    """

    atrophy_pct_per_year: tuple = ((20.0, 0.1), (50.0, 0.45), (87.0, 2.3), (90.0, 2.3))
    aerobic_gain_pct: float = 3.5
    aerobic_weeks: float = 52.0
    resistance_protection: float = 0.5
    reference_age: float = 50.0


PARAMS = Parameters()


def atrophy_pct_per_year(age_years, params: Parameters = PARAMS):
    """Yearly loss of hippocampal volume without training, % per year."""
    age = check.number(age_years, name="age_years", label="leeftijd", lo=AGES[0], hi=AGES[1], unit="jaar", array=True)
    ages, rates = zip(*params.atrophy_pct_per_year)
    return check.plain(np.interp(age, ages, rates))


def _remaining(age, rate_scale, params):
    """Volume as % of the untrained volume at the reference age, for a loss rate scaled by ``rate_scale``."""
    grid = np.linspace(AGES[0], AGES[1], 701)
    at_reference = np.interp(params.reference_age, grid, accumulated(params.atrophy_pct_per_year, grid))
    lost = accumulated(params.atrophy_pct_per_year, grid, rate_scale(grid))
    return 100 * np.exp((at_reference - np.interp(age, grid, lost)) / 100)


def hippocampal_volume(age_years, *, training=None, training_start_age=None,
                       params: Parameters = PARAMS):
    """Hippocampal volume, % of the volume at age 50.

    Parameters
    ----------
    age_years : float or array_like
        Age, 20–90 years.
    training : {None, "aerobic", "resistance"}
        Training from ``training_start_age`` on, kept up: aerobic walking as in Erickson et
        al. (2011) or progressive resistance training as in the SMART trial.
    training_start_age : float or None
        Age at which training starts, 20–90; ``None``: 60 years.
    params : Parameters

    References
    ----------
    raz2004, du2006, fraser2015, erickson2011, broadhouse2020, mavros2017.

    Limits
    ------
    An average person: the spread between people of the same age is larger than the
    effects shown. Genes (APOE), blood pressure, sleep, education and disease are left out,
    as is what happens when training stops. The trials lasted one year (Erickson) and six
    months with follow-up to 18 months (SMART); longer effects are extrapolated. Volume is
    not memory: the model does not predict how well someone remembers.
    """
    age = check.number(age_years, name="age_years", label="leeftijd", lo=AGES[0], hi=AGES[1], unit="jaar", array=True)
    training, start = training_onset(training, training_start_age, options=TRAININGS, ages=AGES)
    p = params
    if training == "resistance":
        return check.plain(_remaining(age, lambda a: np.where(a >= start, 1 - p.resistance_protection, 1.0), p))
    volume = _remaining(age, lambda a: np.ones_like(a), p)
    if training == "aerobic":
        years = np.clip((np.asarray(age) - start) * 52 / p.aerobic_weeks, 0.0, 1.0)
        volume = volume * (1 + p.aerobic_gain_pct / 100 * years)
    return check.plain(volume)


__all__ = ["TRAININGS", "AGES", "Parameters", "PARAMS", "atrophy_pct_per_year", "hippocampal_volume"]
