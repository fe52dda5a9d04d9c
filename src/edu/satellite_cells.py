"""Satellite cells, myonuclei and fibre size over weeks of training and detraining.

Satellite cells are the muscle's stem cells, lying between the fibre and its basal lamina.
With training they multiply; some fuse with the fibre and add myonuclei, the nuclei that
run the fibre's protein synthesis. This didactic model follows one average type II fibre
week by week:

* satellite cells per fibre: fewer in older adults (Verdijk et al. 2007); with training
  they rise (Kadi et al. 2004: +19% after 30 days, +31% after 90 days) and return to their
  starting level during detraining (Kadi et al. 2004);
* fibre cross-section: grows during training by an amount that depends on the person
  (responder classes of Petrella et al. 2008; Thalacker-Mercer et al. 2013) and on age
  (older fibres grow less, in µm² and in %: Grgic et al. 2020, and a meta-analysis of 35
  studies in older adults, PMC7473942), and shrinks back during detraining;
* myonuclei: added as the fibre grows. Two views, chosen with ``ceiling``: with a
  *ceiling* (the myonuclear-domain theory of Kadi and colleagues, as summarised by
  Conceição et al. 2018), nuclei are added only once the area per nucleus (the myonuclear
  domain) would exceed it; *without* it (Conceição et al. 2018), nuclei are added in
  proportion to growth from the start. During detraining the nuclei stay ("muscle memory":
  shown in mice by Bruusgaard et al. 2010; not settled in humans, Psilander et al. 2019) or
  are lost slowly, set with ``myonuclear_loss_weeks``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check

RESPONDERS = {"high": "sterke reageerder", "typical": "gemiddelde reageerder",
              "low": "niet-reageerder"}
"""Responder classes (Petrella et al. 2008), with their Dutch names."""

INPUTS = check.declare(
    check.Number("weeks", "weken", 0, 104, 1, array=True),
    check.Number("age_years", "leeftijd", 18, 90, 1, default=25, unit="jaar"),
    check.Number("training_weeks", "weken training, daarna stoppen", 0, 104, 1, optional=True),
    check.Choice("responder", "type reageerder", RESPONDERS, default="typical"),
    check.Flag("ceiling", "plafond van het kerndomein"),
    check.Number("myonuclear_loss_weeks", "verlies van kernen", 4, 104, 1, unit="weken", optional=True),
)
"""The inputs of :func:`training_course`: two years of weeks, adults of 18–90 (the ages of
Verdijk et al. 2007 and of the meta-analysis of older adults, PMC7473942, lie within it)."""


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with their sources.

    Satellite cells per type II fibre at rest: 0.080 at 20 years and 0.044 at 76 years
    (Verdijk et al. 2007), linear in between. Training raises them by
    ``satellite_gain · (1 − e^(−t/satellite_weeks))``: 0.34 and 5.3 weeks put the curve
    through +19% at 30 days and +31% at 90 days (Kadi et al. 2004); the same time constant
    brings them back within ~90 days of detraining (Kadi et al. 2004: still raised after
    60, not after 90 days). The gain is multiplied per responder class
    (``satellite_factor``, assumed: Petrella et al. 2008 found the largest satellite-cell
    expansion in the strongest responders).

    Fibre cross-section of type II fibres at rest: 5,438 µm² in men of 72 (Verdijk et al.
    2009); younger fibres are larger (Verdijk et al. 2014), 6,500 µm² at 20 assumed.
    Growth after ``reference_weeks`` (16) of training per responder class (``growth_um2``):
    the cluster means of Thalacker-Mercer et al. (2013), the cohort of Petrella et al.
    (2008): −16 (taken as 0), 1,111 and 2,475 µm², taken as the growth at ``young_age``
    (assumed; the cohort mixed young and older adults). Older fibres grow less: fibre
    growth falls with age among older adults (meta-analysis of 35 studies, ages 59–88.5,
    PMC7473942: β = −0.32 for type II fibres; from its abstract, authors not verified), and
    at 75 years and over fibre growth did not differ clearly from controls (Grgic et al.
    2020). How much less is not given in µm² by either; ``growth_loss_per_decade`` (6% of
    the young growth per decade after ``young_age``, so 67% at 75 and 58% at 90) is assumed,
    chosen steeper than the fall in fibre size so that older fibres also grow less in %.
    With it the strongest responders of 72 come within about 10% of the 12-week growth of
    the men of 72 of Verdijk et al. (2009: +1,544 µm²); typical responders reach well under
    half of it.
    Growth slows with time constant ``growth_weeks`` and returns during detraining with
    ``detraining_weeks`` (both assumed; Kadi et al. 2004 saw the domain back at its start
    after 90 days).

    Myonuclear domain at rest ``domain_start_um2`` (assumed, within the commonly reported
    1,500–2,500 µm²). Ceiling view: nuclei are added only once the fibre has grown by
    ``ceiling_growth`` (26%, the threshold of the myonuclear-domain theory of Kadi and
    colleagues, as stated by Conceição et al. 2018; not a finding of Petrella et al. 2008),
    i.e. the domain may not exceed 1.26 times its start. No-ceiling view:
    ``nuclei_per_growth`` of the growth is matched by new nuclei from the start (assumed;
    Conceição et al. 2018 found nuclei added even below 10% growth).
    """

    satellite_young: float = 0.080
    satellite_old: float = 0.044
    young_age: float = 20.0
    old_age: float = 76.0
    satellite_gain: float = 0.34
    satellite_weeks: float = 5.3
    fibre_young_um2: float = 6500.0
    fibre_old_um2: float = 5438.0
    domain_start_um2: float = 2000.0
    ceiling_growth: float = 0.26
    nuclei_per_growth: float = 0.5
    reference_weeks: float = 16.0
    growth_weeks: float = 26.0
    growth_loss_per_decade: float = 0.06
    detraining_weeks: float = 6.0
    growth_um2: tuple = (("high", 2475.0), ("typical", 1111.0), ("low", 0.0))
    satellite_factor: tuple = (("high", 2.0), ("typical", 1.0), ("low", 0.25))


PARAMS = Parameters()


@dataclass(frozen=True)
class Course:
    """One average type II fibre, week by week (arrays aligned with ``weeks``)."""

    weeks: np.ndarray
    satellite_cells_per_fibre: np.ndarray
    """Satellite cells per fibre."""
    myonuclei_per_fibre: np.ndarray
    """Myonuclei per fibre, as counted in a cross-section."""
    fibre_csa_um2: np.ndarray
    """Fibre cross-sectional area, µm²."""
    domain_um2: np.ndarray
    """Myonuclear domain: cross-section per myonucleus, µm²."""
    domain_ceiling_um2: float
    """Largest domain the fibre allows before it needs new nuclei, µm² (``inf`` without a ceiling)."""
    fibre_growth_um2: np.ndarray
    """Fibre growth since the first session (week 0), µm²."""
    fibre_growth_pct: np.ndarray
    """Fibre growth since the first session, in % of the fibre at week 0."""
    satellite_rise_pct: np.ndarray
    """Satellite cells per fibre above their number at week 0, in % (Kadi et al. 2004 report it so)."""
    ceiling_week: float
    """Week in which the domain reaches its ceiling and the first new nuclei are added (ceiling
    view): the fibre has then grown by ``ceiling_growth`` (26%). ``inf`` without a ceiling, or when
    the fibre never grows that much while training (Kadi et al. 2004: no new nuclei with modest
    growth)."""


def _phase(t, stop, rise_weeks, decay_weeks):
    """Saturating rise while training (until ``stop``), exponential return afterwards."""
    on = -np.expm1(-np.minimum(t, stop) / rise_weeks)
    return on * np.exp(-np.maximum(t - stop, 0.0) / decay_weeks)


def training_course(weeks, *, age_years=25, training_weeks=None, responder="typical",
                    ceiling=False, myonuclear_loss_weeks=None,
                    params: Parameters = PARAMS) -> Course:
    """Satellite cells, myonuclei, fibre size and myonuclear domain over training and detraining.

    Also the changes since the first session that the course's pages and explorer show: fibre
    growth in µm² and in %, the rise of the satellite cells in %, and the week in which the
    ceiling view adds its first nucleus.

    Parameters
    ----------
    weeks : float or array_like
        Weeks since the first session, 0–104.
    age_years : float
        Age, 18–90 years. Sets the starting values and how much the fibre grows: older
        fibres grow less, in µm² and in % (see :class:`Parameters`).
    training_weeks : float or None
        Weeks of training, 0–104, followed by detraining; ``None``: training throughout.
    responder : {"high", "typical", "low"}
        Responder class (Petrella et al. 2008).
    ceiling : bool
        ``False``: no ceiling, nuclei added in proportion to growth (Conceição et al. 2018);
        ``True``: nuclei added only when the domain would grow beyond its ceiling
        (myonuclear-domain theory; Kadi et al. 2004 saw no new nuclei with modest growth).
    myonuclear_loss_weeks : float or None
        Time constant (4–104 weeks) with which added nuclei are lost during detraining;
        ``None``: they stay, as in mice (Bruusgaard et al. 2010). In humans this is not
        settled: Psilander et al. (2019) found no added nuclei after 10 weeks of one-leg
        training (+17% fibre area), so their retraining test could not show whether kept
        nuclei speed regrowth; on retraining, the muscle of both legs thickened alike.
    params : Parameters

    Returns
    -------
    Course
        Aligned with ``weeks``; growth and rise relative to week 0 (also when ``weeks`` does not
        start at 0).

    References
    ----------
    verdijk2007, verdijk2009, verdijk2014, kadi2004, petrella2008, thalackermercer2013,
    grgic2020, conceicao2018, bruusgaard2010, psilander2019; the age effect also leans on a
    meta-analysis of 35 studies in older adults (PMC7473942), whose authors could not be
    verified and which has no key yet.

    Limits
    ------
    One average type II fibre; type I fibres, fibre splitting and hyperplasia, the acute
    response to one session (Bellamy et al. 2014), nutrition, hormones and injury are left
    out. Growth per responder class is the average of each class; why people fall into a
    class is not modelled. The age effect on growth is linear from 20 years and its size is
    assumed; the direction is from studies in adults of 59 and older; single studies of older
    men found more growth (Verdijk et al. 2009). The satellite-cell rise does not depend on
    age beyond the lower start (Verdijk et al. 2009 measured a larger rise in men of 72).
    Whether myonuclei survive detraining in humans is not settled (mice: yes; Psilander et
    al. 2019 could not test it), and a new start after detraining is not modelled.
    """
    p = params
    t = np.asarray(INPUTS["weeks"](weeks), dtype=float)
    age = INPUTS["age_years"](age_years)
    kind = INPUTS["responder"](responder)
    stop = INPUTS["training_weeks"](training_weeks)
    stop = np.inf if stop is None else stop
    capped = INPUTS["ceiling"](ceiling)
    loss = INPUTS["myonuclear_loss_weeks"](myonuclear_loss_weeks)
    loss = np.inf if loss is None else loss

    ages = (p.young_age, p.old_age)
    satellite0 = np.interp(age, ages, (p.satellite_young, p.satellite_old))
    fibre0 = np.interp(age, ages, (p.fibre_young_um2, p.fibre_old_um2))
    young_share = 1 - p.growth_loss_per_decade * max(age - p.young_age, 0.0) / 10
    growth = (dict(p.growth_um2)[kind] * young_share / fibre0
              / -np.expm1(-p.reference_weeks / p.growth_weeks))
    satellite = satellite0 * (1 + p.satellite_gain * dict(p.satellite_factor)[kind]
                              * _phase(t, stop, p.satellite_weeks, p.satellite_weeks))
    fibre = fibre0 * (1 + growth * _phase(t, stop, p.growth_weeks, p.detraining_weeks))

    nuclei0 = fibre0 / p.domain_start_um2
    limit = p.domain_start_um2 * (1 + p.ceiling_growth) if capped else np.inf
    grown = growth * -np.expm1(-np.minimum(t, stop) / p.growth_weeks)  # largest growth so far
    if capped:
        gained = np.maximum(fibre0 * (1 + grown) / limit - nuclei0, 0.0)
    else:
        gained = nuclei0 * p.nuclei_per_growth * grown
    nuclei = nuclei0 + gained * np.exp(-np.maximum(t - stop, 0.0) / loss)
    # the ceiling is reached when the largest growth so far equals ceiling_growth
    reach = -p.growth_weeks * np.log1p(-p.ceiling_growth / growth) if growth > p.ceiling_growth else np.inf
    return Course(weeks=t, satellite_cells_per_fibre=satellite, myonuclei_per_fibre=nuclei,
                  fibre_csa_um2=fibre, domain_um2=fibre / nuclei, domain_ceiling_um2=float(limit),
                  fibre_growth_um2=fibre - fibre0, fibre_growth_pct=100 * (fibre / fibre0 - 1),
                  satellite_rise_pct=100 * (satellite / satellite0 - 1),
                  ceiling_week=float(reach) if capped and reach <= stop else np.inf)


__all__ = ["RESPONDERS", "INPUTS", "Parameters", "PARAMS", "Course", "training_course"]
