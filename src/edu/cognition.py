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
from edu.lifespan import accumulated, training_onset

TRAININGS = {"aerobic": "duurtraining (stevig wandelen)", "resistance": "krachttraining"}
"""Training options, with their Dutch names."""

AGES = (20.0, 90.0)
"""Valid ages, years."""


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
        al. (2011) or progressive resistance training as in the SMART trial. Both slow the
        loss by the same assumed share (:class:`Parameters`); neither makes the volume grow.
    training_start_age : float or None
        Age at which training starts, 20–90; ``None``: 60 years.
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
    age = check.number(age_years, name="age_years", label="leeftijd", lo=AGES[0], hi=AGES[1], unit="jaar", array=True)
    training, start = training_onset(training, training_start_age, options=TRAININGS, ages=AGES)
    protected = 0.0 if training is None else params.protection
    return check.plain(_remaining(age, lambda a: np.where(a >= start, 1 - protected, 1.0), params))


__all__ = ["TRAININGS", "AGES", "Parameters", "PARAMS", "atrophy_pct_per_year", "hippocampal_volume"]
